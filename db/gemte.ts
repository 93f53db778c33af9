/**
 * The statements the portal keeps (src/lib/forberedt.server.ts) are made inside `somGemte`, so each
 * engine's session can treat them apart from one-off statements: PostgreSQL names them
 * (navngivne.ts), SQLite runs them at once (synkrone.ts).
 */
let gemmes = false;

/** Runs `lav`, which prepares statements (synchronously, as drizzle does), as statements to keep. */
export function somGemte<T>(lav: () => T): T {
  gemmes = true;
  try {
    return lav();
  } finally {
    gemmes = false;
  }
}

/** True while `somGemte` prepares: the statement being made is kept. */
export const gemmesNu = (): boolean => gemmes;
