import Database from 'better-sqlite3';
import { openPool } from '../spool/postgres/pool.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyPostgresChain } from '../audit/postgres-audit.js';
import { PostgresDisclosureLedger } from '../audit/postgres-ledger.js';
import { Readiness } from '../spool/postgres/readiness.js';
import { disclosureReport, reportText, type DisclosureReport } from '../audit/report.js';
import { verifyAuditLog, type VerifyResult } from '../audit/verify.js';
import { loadConfig } from '../config/load.js';
import { DEFAULT_DATA, flag, type ParsedArgs } from './args.js';
import { errorCode } from '../errors.js';

const USAGE = `usage: phiwall audit verify [--data ./data | --config phiwall.yaml]
       phiwall audit report --destination NAME --from ISO --to ISO [--data ./data | --config phiwall.yaml] [--format text|json]
  With --config naming storage kind postgres, the shared chain and ledger in PostgreSQL are read.
`;

interface AuditSource {
  kind: 'sqlite' | 'postgres';
  verify(): Promise<VerifyResult>;
  report(destination: string, from: number, to: number): Promise<DisclosureReport>;
  close(): Promise<void>;
}

/**
 * Audit tools, read-only (collectors may be running): over `<data>/governance.db`, or over
 * PostgreSQL when `--config` says `storage: { kind: postgres }`.
 */
export async function auditCommand(args: ParsedArgs): Promise<number> {
  const [, action] = args.positionals;
  if (action !== 'verify' && action !== 'report') { process.stderr.write(USAGE); return 2; }
  const source = openSource(args);
  if (!source) return 2;
  try {
    return action === 'verify' ? await verify(source) : await report(source, args);
  } catch (err) {
    // The code only: a driver message can quote connection details.
    process.stderr.write(`phiwall: audit store unavailable (${errorCode(err)})\n`);
    return 1;
  } finally {
    await source.close();
  }
}

function openSource(args: ParsedArgs): AuditSource | undefined {
  const configPath = args.flags.get('config');
  const storage = typeof configPath === 'string' ? loadConfig(configPath).rules.storage : undefined;
  if (storage?.kind === 'postgres' && storage.url !== undefined) {
    const pool = openPool({ connectionString: storage.url, max: 2, connectionTimeoutMillis: 10_000 }, (code) => process.stderr.write(`phiwall: idle database connection lost (${code})\n`));
    const ledger = new PostgresDisclosureLedger({ pool, ready: Readiness.passed() }, false);
    return { kind: 'postgres', verify: () => verifyPostgresChain(pool), report: (d, f, t) => ledger.report(d, f, t), close: () => pool.end() };
  }
  const file = join(flag(args, 'data', DEFAULT_DATA), 'governance.db');
  if (!existsSync(file)) { process.stderr.write(`phiwall: no audit database at ${file}\n`); return undefined; }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    kind: 'sqlite',
    verify: async () => verifyAuditLog(db),
    report: async (d, f, t) => disclosureReport(db, d, f, t),
    close: async () => { db.close(); },
  };
}

async function verify(source: AuditSource): Promise<number> {
  const r = await source.verify();
  if (!r.ok) {
    process.stdout.write(`audit log BROKEN at seq ${r.badSeq}: ${r.problem} (${r.rows} rows read)\n`);
    return 1;
  }
  process.stdout.write(`audit log OK: ${r.rows} rows, head seq ${r.headSeq}, head hash ${r.headHash}\n`);
  // With shared storage the chain is in PostgreSQL, not in the instance's data dir.
  if (r.rows === 0 && source.kind === 'sqlite') process.stderr.write('phiwall: no audit rows in this data dir; with storage kind postgres pass --config\n');
  return 0;
}

async function report(source: AuditSource, args: ParsedArgs): Promise<number> {
  const destination = flag(args, 'destination', '');
  const from = Date.parse(flag(args, 'from', ''));
  const to = Date.parse(flag(args, 'to', ''));
  if (!destination || Number.isNaN(from) || Number.isNaN(to)) { process.stderr.write(USAGE); return 2; }
  const r = await source.report(destination, from, to);
  process.stdout.write(flag(args, 'format', 'text') === 'json' ? JSON.stringify(r, null, 2) + '\n' : reportText(r));
  return 0;
}
