/**
 * A SQLite file opened so that no other connection can use it while it stays open: restore and the move
 * to PostgreSQL must know the portal is stopped, and the move must keep it from starting half-way.
 */
import Database from 'better-sqlite3';

/**
 * The file opened with an exclusive lock that lasts until it is closed, or null when another
 * connection has it open: a running portal holds a lock in WAL mode even when idle, so the lock
 * cannot be had without waiting.
 */
export function aabnEneret(path: string): Database.Database | null {
  const sqlite = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    // Kept after the transaction ends; in WAL mode no other connection can then read either.
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT');
    return sqlite;
  } catch (e) {
    sqlite.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw e;
  }
}

/** Whether another connection has the database open. */
export function iBrug(path: string): boolean {
  const sqlite = aabnEneret(path);
  sqlite?.close();
  return sqlite === null;
}
