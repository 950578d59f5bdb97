import type Database from 'better-sqlite3';
import { GENESIS, rowHash, type AuditRow } from './audit-log.js';

export interface VerifyResult {
  ok: boolean;
  rows: number;
  headSeq: number;
  headHash: string;
  /** The first seq at which the chain breaks, and why. */
  badSeq?: number;
  problem?: string;
}

/**
 * Walks the chain: seqs must run 1..n without gaps, every row must hash to its stored hash,
 * carry the previous row's hash, and the head must name the last row.
 */
export function verifyAuditLog(db: Database.Database): VerifyResult {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
  if (!hasTable) return { ok: true, rows: 0, headSeq: 0, headHash: GENESIS };
  const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
  let prev = GENESIS;
  let expected = 1;
  let rows = 0;
  const fail = (badSeq: number, problem: string): VerifyResult => ({ ok: false, rows, headSeq: head?.seq ?? 0, headHash: head?.hash ?? GENESIS, badSeq, problem });
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (r.seq !== expected) return fail(expected, r.seq > expected ? `row ${expected} is missing (next is ${r.seq})` : `unexpected seq ${r.seq}`);
    if (r.prev_hash !== prev) return fail(r.seq, 'prev_hash does not match the previous row (row inserted, deleted or changed)');
    const { hash, ...rest } = r;
    if (rowHash(rest) !== hash) return fail(r.seq, 'row content does not match its hash (row changed)');
    prev = hash;
    expected++;
  }
  const last = expected - 1;
  if (!head && last > 0) return fail(last, 'head record is missing');
  if (head && (head.seq !== last || head.hash !== prev)) {
    return fail(Math.min(head.seq, last) + 1, head.seq > last ? `rows after ${last} were deleted (head names ${head.seq})` : 'head does not match the last row');
  }
  return { ok: true, rows, headSeq: last, headHash: prev };
}
