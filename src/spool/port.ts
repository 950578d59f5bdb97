import type BetterSqlite3 from 'better-sqlite3';
import type { PoolClient } from 'pg';
import type { JsonValue } from '../common/json.js';
import type { ReplayPermit } from './replay-permit.js';

export type { ReplayPermit } from './replay-permit.js';

// The storage port. Adapters: sqlite/ (embedded default). Kept free of SQL dialect details
// so a Postgres adapter can implement the same contract.

export interface EnqueueRow {
  messageId: string;
  destination: string;
  payload: JsonValue;
  /** JSON.stringify(payload), when the caller already made it (the runtime does, in a request's time slices). */
  payloadText?: string;
  /** Set when the destination's rules reject the event before any send: stored as a dead letter at once. */
  dead?: { code: string; reason: string };
  /** Governance metadata stored with the row (no second write): the policy version it was scrubbed under, */
  policyVersion?: string;
  /** and its subjects' keyed hashes (delivery re-checks suppressions against them). */
  subjectKeys?: readonly string[];
  /** The event's ingest dedup key (src/spool/ingest-dedup.ts), committed with the row. */
  dedupKey?: string;
  /**
   * The calendar time (wall clock, epoch ms) the scrub decisions used. A dated BAA's window is on
   * the calendar, while the spool stamps rows on its steady clock, which a stepped wall clock leaves apart.
   */
  scrubbedAt?: number;
}

export interface LeasedItem {
  id: string;
  messageId: string;
  destination: string;
  payload: JsonValue;
  /**
   * The payload's JSON text exactly as the spool stored it (JSON.stringify(payload) at enqueue;
   * `payload` is that value or its parse). Set by the spool only; whoever hands on a different
   * payload drops it (withPayload). Delivery posts it instead of serialising the payload again.
   */
  payloadText?: string;
  /**
   * The stored text does not parse (a damaged spool file): `payload` is null and it must never be
   * sent; delivery dead-letters it (STORED_TEXT_DAMAGED) rather than letting it hold its destination.
   */
  damaged?: true;
  attempts: number;
  enqueuedAt: number;
  /** As enqueued; absent on rows spooled before the columns existed. */
  policyVersion?: string;
  /** Shared with the enqueued row (no copy per lease): read only. */
  subjectKeys?: readonly string[];
  /**
   * When its content was scrubbed, on the calendar (EnqueueRow.scrubbedAt); it travels through
   * retries, dead letters and replays (replay restarts the age, not the scrub time). Absent on rows
   * spooled before it was stored: their `enqueuedAt` (spool clock) stands in (policy.ts scrubbedUnderBaa).
   */
  scrubbedAt?: number;
}

/** The item carrying another payload (a replayed event mapped at delivery): without the stored text, which is not its text. */
export function withPayload(item: LeasedItem, payload: JsonValue, policyVersion = item.policyVersion): LeasedItem {
  const { payloadText: _stored, ...rest } = item;
  return policyVersion === undefined ? { ...rest, payload } : { ...rest, payload, policyVersion };
}

export interface DeadLetter {
  id: string;
  messageId: string;
  destination: string;
  attempts: number;
  code: string;
  reason: string;
  failedAt: number;
}

/** A dead letter's scrub facts for `dlq replay` after a BAA expired (see LeasedItem.scrubbedAt). */
export interface DeadScrub { id: string; policyVersion?: string; scrubbedAt?: number; enqueuedAt: number }

export interface SpoolStats {
  pending: number;
  leased: number;
  dead: number;
  bytes: number;
  byDestination: Record<string, { pending: number; dead: number }>;
}

/** An open spool transaction, as its adapter has it: work an ack commits with (BeforeCommit). */
export type SpoolTransaction = { kind: 'sqlite'; db: BetterSqlite3.Database } | { kind: 'postgres'; client: PoolClient };
/**
 * Work done in an ack's own transaction, committed with it or not at all: the disclosure ledger's
 * owed batch (src/governance/owed-store.ts), so a kill leaves either both (the batch recorded at the
 * next start, its rows gone) or neither (the rows sent again and recorded then). SQLite: synchronous.
 * It may return what memory learns once the transaction committed (AfterCommit: a failed commit runs none).
 */
export type BeforeCommit = (tx: SpoolTransaction) => AfterCommit | void | Promise<AfterCommit | void>;
/** Runs after the ack's transaction committed, never after a rollback: counts follow what is on disk. */
export type AfterCommit = () => void;

export interface Spool {
  /** Durably commits all rows (group commit: may share a transaction with other callers). */
  enqueue(rows: readonly EnqueueRow[]): Promise<void>;
  /** Leases up to `limit` due items of a destination for `leaseMs`. */
  lease(destination: string, limit: number, leaseMs: number): Promise<LeasedItem[]>;
  /** Removes delivered items; with `beforeCommit`, in one transaction with its work (and, SQLite, settled on disk even within a pack). */
  ack(ids: readonly string[], beforeCommit?: BeforeCommit): Promise<void>;
  retry(ids: readonly string[], nextAttemptAt: number, reason: string): Promise<void>;
  deadLetter(ids: readonly string[], code: string, reason: string): Promise<void>;
  stats(): Promise<SpoolStats>;
  listDead(destination: string, limit: number): Promise<DeadLetter[]>;
  getDead(id: string): Promise<(DeadLetter & { payload: JsonValue }) | undefined>;
  /** Moves the permit's dead letters back to pending (fresh attempts and age; the scrub time stays); returns how many. Permits: src/spool/replay-permit.ts. */
  replayDead(permit: ReplayPermit): Promise<number>;
  /** A destination's dead letters (of one code, if given): id, policy version and scrub time, for the replay decision. */
  deadScrubs(destination: string, code?: string): Promise<DeadScrub[]>;
  purgeDead(destination: string, olderThanMs?: number): Promise<number>;
  /** Records each destination's projection policy under a plan version (src/delivery/policy.ts); a version's first record stays. */
  recordPolicies(version: string, policies: Readonly<Record<string, string>>): Promise<void>;
  /** The projection policy `destination` had under `version`, if recorded. */
  policyOf(version: string, destination: string): Promise<string | undefined>;
  /**
   * Retention of the policy history: forgets versions no pending or dead row refers to any more,
   * except `keep` (the running plan's) and versions recorded (or re-recorded) since `recordedSince`.
   * Returns how many (version, destination) records went.
   */
  prunePolicies(keep: string, recordedSince: number): Promise<number>;
  /**
   * After a destination recovers from an outage: its retries waiting until `before` or sooner
   * (not leased) become due now instead of at their backed-off time; returns how many.
   */
  releaseRetries(destination: string, before: number): Promise<number>;
  /** Earliest next-attempt time of a destination's pending items (epoch ms), if any. */
  nextDue(destination: string): Promise<number | undefined>;
  /** The spool's clock (epoch ms) for retry times and ages: SQLite's is steady (src/common/steady-clock.ts); absent, the wall clock (Postgres: shared by hosts). */
  now?(): number;
  /** Of these ingest dedup keys, those committed with their rows at `since` or later; absent: no dedup (src/spool/ingest-dedup.ts). */
  seen?(keys: readonly string[], since: number): Promise<ReadonlySet<string>>;
  /** SQLite: a cluster worker's keys are logged per commit, read only at recovery (true); else kept per key (src/spool/sqlite/seen-keys.ts). */
  seenKeysLogged?(logged: boolean): void;
  /** Checks the store accepts writes (readiness). */
  writable(): Promise<boolean>;
  close(): Promise<void>;
}
