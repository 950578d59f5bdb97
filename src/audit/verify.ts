import type Database from 'better-sqlite3';
import { GENESIS, rowHash, type AuditRow } from './chain.js';

export interface VerifyResult {
  ok: boolean;
  rows: number;
  headSeq: number;
  headHash: string;
  /** The first seq at which the chain breaks, and why. */
  badSeq?: number;
  problem?: string;
}

export interface ChainHead { seq: number; hash: string }

/**
 * Walks the chain, row by row in seq order (both adapters feed it): seqs must run 1..n without
 * gaps, every row must hash to its stored hash, carry the previous row's hash, and the head
 * must name the last row.
 */
export class ChainCheck {
  private prev = GENESIS;
  private expected = 1;
  private rows = 0;
  private failure: VerifyResult | undefined;

  constructor(private readonly head: ChainHead | undefined) {}

  /** False once the chain is broken (stop reading). */
  add(r: AuditRow): boolean {
    if (this.failure) return false;
    this.rows++;
    if (r.seq !== this.expected) return this.fail(this.expected, r.seq > this.expected ? `row ${this.expected} is missing (next is ${r.seq})` : `unexpected seq ${r.seq}`);
    if (r.prev_hash !== this.prev) return this.fail(r.seq, 'prev_hash does not match the previous row (row inserted, deleted or changed)');
    const { hash, ...rest } = r;
    if (rowHash(rest) !== hash) return this.fail(r.seq, 'row content does not match its hash (row changed)');
    this.prev = hash;
    this.expected++;
    return true;
  }

  result(): VerifyResult {
    if (this.failure) return this.failure;
    const head = this.head;
    const last = this.expected - 1;
    if (!head && last > 0) { this.fail(last, 'head record is missing'); return this.failure!; }
    if (head && (head.seq !== last || head.hash !== this.prev)) {
      this.fail(Math.min(head.seq, last) + 1, head.seq > last ? `rows after ${last} were deleted (head names ${head.seq})` : 'head does not match the last row');
      return this.failure!;
    }
    return { ok: true, rows: this.rows, headSeq: last, headHash: this.prev };
  }

  private fail(badSeq: number, problem: string): false {
    this.failure = { ok: false, rows: this.rows, headSeq: this.head?.seq ?? 0, headHash: this.head?.hash ?? GENESIS, badSeq, problem };
    return false;
  }
}

/** The SQLite chain (`<data>/governance.db`). */
export function verifyAuditLog(db: Database.Database): VerifyResult {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
  if (!hasTable) return { ok: true, rows: 0, headSeq: 0, headHash: GENESIS };
  const check = new ChainCheck(db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as ChainHead | undefined);
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (!check.add(r)) break;
  }
  return check.result();
}
