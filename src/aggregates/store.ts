// The aggregate store port: counts per window and cell, the attribution touchpoints keyed by
// random attribution ids, conversions, release state. Adapters: ./sqlite-store.ts (embedded,
// one file per data directory) and ./postgres-store.ts (shared by every instance, so the k
// threshold is decided on global counts). No raw identifier is ever written: visitors and
// emails arrive as HMACs. Conformance suite: tests/aggregates/store.case.ts.

/** `count`: events; `contributors`: distinct visitors (what k applies to); `changes`: writes so far. */
export interface CellRow { window_start: number; dims: string; count: number; contributors: number; sums: string; updated_at: number; changes: number }
export interface TouchRow { journey: string; time: number; channel: string; campaign: string; lead: number }
export interface ConversionRow { conversion_id: string; journey: string; type: string; time: number; value: number; status: string; source: string }
export type ConversionOutcome = 'inserted' | 'duplicate' | 'confirmed';
export interface ReleasedRow { row_key: string; true_count: number; published: string }
/**
 * Per released window: the true contributor total, the change count (`seen`: cell writes for
 * rollups, confirmed conversions for attribution) it was computed from, and whether the whole
 * table was withheld.
 */
export interface ReleaseMark { trueTotal: number; seen: number; withheld: boolean }
export interface ForwardClaim { conversionId: string; target: string }

/** One cell's share of a delivered batch. */
export interface CellDelta {
  windowStart: number;
  /** JSON array of the dimension values. */
  dims: string;
  /** Events in the batch for this cell. */
  events: number;
  /** Visitor HMACs seen (deduplicated against the cell's members, also across instances). */
  who: readonly string[];
  /** Events without a visitor key: each counts as its own contributor. */
  anonymous: number;
  sums: Readonly<Record<string, number>>;
}

/** Writes that belong to one delivered batch; inside `transaction` they commit together. */
export interface AggregateWriter {
  /** Adds the deltas; callers sort them (windowStart, dims) so concurrent writers lock in one order. */
  addCells(dest: string, dimset: string, cells: readonly CellDelta[], now: number): Promise<void>;
  /** The random attribution id for a visitor HMAC, created on first sight (the same on every instance). */
  journeyFor(dest: string, keyHmac: string, now: number): Promise<string>;
  findJourney(dest: string, keyHmac: string): Promise<string | undefined>;
  linkEmail(dest: string, emailHmac: string, journey: string, now: number): Promise<void>;
  journeyByEmail(dest: string, emailHmac: string): Promise<string | undefined>;
  lastTouch(dest: string, journey: string): Promise<TouchRow | undefined>;
  addTouch(dest: string, t: TouchRow): Promise<void>;
  /** Marks the journey's last touch at or before `time` as the lead touch (W-shaped). */
  markLead(dest: string, journey: string, time: number): Promise<void>;
  /** Inserts a conversion; the same id again is a duplicate unless it confirms a pending one. */
  addConversion(dest: string, c: ConversionRow): Promise<ConversionOutcome>;
}

export interface AggregateStore extends AggregateWriter {
  readonly kind: 'sqlite' | 'postgres';
  /** A per-destination HMAC key, available synchronously (events are mapped on the hot path). */
  secret(dest: string): string;
  /** Runs `fn` in one transaction. `fn` must use the writer it is given, not the store. */
  transaction<T>(fn: (w: AggregateWriter) => Promise<T>): Promise<T>;
  cells(dest: string, dimset: string, from: number, to: number): Promise<CellRow[]>;
  /** Windows ending before `before` written to since their last release (or never released). */
  windowsToRelease(dest: string, dimset: string, before: number, windowMs: number): Promise<number[]>;
  /** What the last release of a window published, and its mark (absent: never released). */
  releasedState(dest: string, dimset: string, windowStart: number): Promise<{ rows: ReleasedRow[]; mark?: ReleaseMark }>;
  /**
   * Claims the publication of a window's next release, atomically in the database: true for
   * exactly one store (instance) per window and `basis` (the `seen` of the release mark the
   * decision was made on; -1 when never released), and only while that mark is still the
   * window's. A store re-claiming its own claim (a retry after a failed send) gets it again;
   * a claim left unfinished for RELEASE_LEASE_MS (its instance died) can be taken over. So even
   * two instances releasing at once (a release lock lost with its session) never publish one
   * window twice.
   */
  claimRelease(dest: string, dimset: string, windowStart: number, basis: number, now: number): Promise<boolean>;
  /**
   * Replaces a window's release record. With `basis`, only under this store's claim on it (see
   * `claimRelease`), which it completes in the same transaction; false (nothing saved) when the claim was taken over.
   */
  saveReleased(dest: string, dimset: string, windowStart: number, rows: readonly ReleasedRow[], mark: ReleaseMark, now: number, basis?: number): Promise<boolean>;
  /** `seen` of the last release per window of a dimset, for windows in [from, to). */
  releaseMarks(dest: string, dimset: string, from: number, to: number): Promise<Map<number, number>>;
  /** Confirmed conversions per UTC day start in [from, to). */
  confirmedPerDay(dest: string, from: number, to: number, dayMs: number): Promise<Map<number, number>>;
  touches(dest: string, from: number, to: number): Promise<TouchRow[]>;
  conversions(dest: string, from: number, to: number, status?: string): Promise<ConversionRow[]>;
  /** True once per (conversion, target); an unfinished claim older than FORWARD_CLAIM_MS can be taken again. */
  claimForward(dest: string, conversionId: string, target: string, now: number): Promise<boolean>;
  finishForwards(dest: string, claims: readonly ForwardClaim[]): Promise<void>;
  releaseForwards(dest: string, claims: readonly ForwardClaim[]): Promise<void>;
  /** Membership lists are only needed while a window can still change. */
  pruneMembers(dest: string, before: number): Promise<number>;
  /** Forgets touches older than the lookback window and visitors not seen within it. */
  expire(dest: string, now: number, lookbackMs: number): Promise<number>;
  /**
   * Runs `fn` only if no other instance is releasing this destination (Postgres: an advisory
   * lock; SQLite: a lease row, for cluster workers sharing the file). `ran: false` = skipped.
   */
  withReleaseLock<T>(dest: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  close(): Promise<void>;
}

/** A claim not finished within this time (its instance died before the spool commit) may be taken again. */
export const FORWARD_CLAIM_MS = 120_000;
/** A release lease older than this is taken over (its holder died). */
export const RELEASE_LEASE_MS = 10 * 60_000;
