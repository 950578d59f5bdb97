import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { disclosureReport, reportText } from '../audit/report.js';
import { verifyAuditLog } from '../audit/verify.js';
import { DEFAULT_DATA, flag, type ParsedArgs } from './args.js';

const USAGE = `usage: phiwall audit verify [--data ./data]
       phiwall audit report --destination NAME --from ISO --to ISO [--data ./data] [--format text|json]
`;

/** Audit tools over `<data>/governance.db`, opened read-only (the collector may be running). */
export function auditCommand(args: ParsedArgs): number {
  const [, action] = args.positionals;
  if (action !== 'verify' && action !== 'report') { process.stderr.write(USAGE); return 2; }
  const file = join(flag(args, 'data', DEFAULT_DATA), 'governance.db');
  if (!existsSync(file)) { process.stderr.write(`phiwall: no audit database at ${file}\n`); return 2; }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return action === 'verify' ? verify(db) : report(db, args);
  } finally {
    db.close();
  }
}

function verify(db: Database.Database): number {
  const r = verifyAuditLog(db);
  if (!r.ok) {
    process.stdout.write(`audit log BROKEN at seq ${r.badSeq}: ${r.problem} (${r.rows} rows read)\n`);
    return 1;
  }
  process.stdout.write(`audit log OK: ${r.rows} rows, head seq ${r.headSeq}, head hash ${r.headHash}\n`);
  return 0;
}

function report(db: Database.Database, args: ParsedArgs): number {
  const destination = flag(args, 'destination', '');
  const from = Date.parse(flag(args, 'from', ''));
  const to = Date.parse(flag(args, 'to', ''));
  if (!destination || Number.isNaN(from) || Number.isNaN(to)) { process.stderr.write(USAGE); return 2; }
  const r = disclosureReport(db, destination, from, to);
  process.stdout.write(flag(args, 'format', 'text') === 'json' ? JSON.stringify(r, null, 2) + '\n' : reportText(r));
  return 0;
}
