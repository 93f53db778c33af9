/**
 * Files that must survive a power cut, not only a crash of the process: the data is synced,
 * and so is the folder, because a new file's name lives in its folder and is otherwise lost
 * with it, while the database row that points to the file is already on disk.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** fsync of a file or a folder. */
export function synkroniser(sti: string): void {
  const fd = openSync(sti, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes a new file and makes both its bytes and its name durable before returning. */
export function skrivHoldbart(sti: string, bytes: Uint8Array): void {
  writeFileSync(sti, bytes, { flush: true });
  synkroniser(dirname(sti));
}

/** Makes the folder if needed and proves a file can be written in it; throws with the reason if not. */
export function tjekSkrivbar(mappe: string): void {
  mkdirSync(mappe, { recursive: true });
  const proeve = join(mappe, `.skrivetest-${process.pid}`);
  writeFileSync(proeve, '');
  rmSync(proeve);
}
