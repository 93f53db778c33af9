// The PostgreSQL engine's migrations, from the mirror generated out of db/schema.ts (npm run db:generate).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema.ts',
  out: './db/migrations-pg',
});
