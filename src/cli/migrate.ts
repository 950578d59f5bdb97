import { openPool } from '../spool/postgres/pool.js';
import { loadConfig } from '../config/load.js';
import { migrate } from '../spool/postgres/migrate.js';
import { DEFAULT_CONFIG, flag, type ParsedArgs } from './args.js';

/** `phiwall migrate`: applies pending PostgreSQL migrations (idempotent, under an advisory lock). */
export async function migrateCommand(args: ParsedArgs): Promise<number> {
  const { rules } = loadConfig(flag(args, 'config', DEFAULT_CONFIG));
  const storage = rules.storage;
  if (storage?.kind !== 'postgres' || storage.url === undefined) {
    process.stdout.write('storage is sqlite: its schema is created when the spool opens; nothing to migrate\n');
    return 0;
  }
  const pool = openPool({ connectionString: storage.url, max: 1, connectionTimeoutMillis: 10_000 }, (code) => process.stderr.write(`phiwall: idle database connection lost (${code})\n`));
  try {
    const { applied, current } = await migrate(pool);
    process.stdout.write(`migrations applied: ${applied.length ? applied.join(', ') : 'none'}; schema version ${current}\n`);
    return 0;
  } catch (err) {
    // The code only: a driver message can quote connection details.
    process.stderr.write(`phiwall: migration failed (${String((err as { code?: unknown }).code ?? (err as Error).name)})\n`);
    return 1;
  } finally {
    await pool.end();
  }
}
