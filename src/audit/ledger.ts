import type Database from 'better-sqlite3';
import { retryBusy, withShortBusyWait } from '../common/busy-retry.js';
import { sha256Hex } from '../common/hash.js';
import type { JsonValue } from '../common/json.js';
import { GroupCommit } from '../common/group-commit.js';
import { FieldNames } from './field-names.js';
import { prepareGroupWrite, type GroupWritten, type LedgerRecord } from './ledger-write.js';
import type { DisclosureStore } from './port.js';
import { disclosureReport, type DisclosureReport } from './report.js';
import { AUDIT_SCHEMA } from './schema.js';

export interface Disclosure {
  destination: string;
  messageId: string;
  policyVersion: string;
  payload: JsonValue;
  /** The payload's JSON text as sent, when the spool had it (LeasedItem.payloadText): hashed without serialising again. */
  payloadText?: string;
}

export interface NewField {
  destination: string;
  field: string;
  policyVersion: string;
}

export const HOUR = 3_600_000;
/**
 * How long the ledger keeps an owed batch's key once recorded. The key only has to outlive the spool's
 * owed row, removed right after the record (or at the next start after a kill between the two files),
 * so a month is ample; without a bound the table grew by a row per owed batch for ever.
 */
export const OWED_KEY_KEEP_MS = 30 * 24 * HOUR;

/** A batch folded per destination and policy version: the event count and the field names (never values). */
export interface LedgerSummary {
  hour: number;
  counts: { destination: string; policyVersion: string; events: number; fields: string[] }[];
  /** Per-event rows (only when the per-event ledger is on): the payload's SHA-256. */
  events: { destination: string; policyVersion: string; messageId: string; sha256: string }[];
}

export function summarize(items: readonly Disclosure[], now: number, perEvent: boolean): LedgerSummary {
  const counts = new Map<string, { destination: string; policyVersion: string; events: number; fields: FieldNames }>();
  const events: LedgerSummary['events'] = [];
  let last: { destination: string; policyVersion: string; events: number; fields: FieldNames } | undefined;
  for (const it of items) {
    // A batch's items nearly always share destination and policy: the entry of the one before, without a key string per item.
    let entry = last !== undefined && last.destination === it.destination && last.policyVersion === it.policyVersion ? last : undefined;
    if (!entry) {
      const key = `${it.destination}\u0000${it.policyVersion}`;
      entry = counts.get(key) ?? { destination: it.destination, policyVersion: it.policyVersion, events: 0, fields: new FieldNames() };
      counts.set(key, entry);
      last = entry;
    }
    entry.events++;
    entry.fields.add(it.payload);
    if (perEvent) events.push({ destination: it.destination, policyVersion: it.policyVersion, messageId: it.messageId, sha256: sha256Hex(it.payloadText ?? JSON.stringify(it.payload)) });
  }
  return { hour: Math.floor(now / HOUR) * HOUR, counts: [...counts.values()].map((c) => ({ ...c, fields: c.fields.sorted() })), events };
}

/**
 * How long a delivered batch's record waits for others to share its governance.db transaction
 * (group commit). Records also gather while a group commits (a busy file: another worker's
 * lock). The caller (the delivery worker) acks the batch only after its record resolves, so a
 * batch is never acked before its record commits; a group that fails rejects every record in it,
 * each then owed (governance/owed-disclosures.ts). Deliveries of several destinations end close
 * together (their loops are woken by the same enqueues): bench/micro/commits-per-request.mts.
 */
export const LEDGER_GROUP_MS = 5;
/** Records per transaction at most (per-event rows make a record up to a batch's worth of inserts). */
const LEDGER_GROUP_MAX = 64;

/**
 * The disclosure ledger: per destination, hour and policy version, the count of events sent
 * and the set of field names sent (never values); optionally one row per event with the
 * payload's SHA-256. Returns the field names that reached a destination for the first time.
 */
export class DisclosureLedger implements DisclosureStore {
  private readonly writeGroup: ReturnType<typeof prepareGroupWrite>;
  private readonly writeOnce: Database.Transaction<(s: LedgerSummary, now: number, once: string) => GroupWritten>;
  private readonly group = new GroupCommit<LedgerRecord, NewField[]>(LEDGER_GROUP_MS, LEDGER_GROUP_MAX, (records) => this.commit(records));
  /**
   * (destination, hour, policy version, field) rows this process has committed: their two
   * INSERT OR IGNOREs would change nothing (rows are never deleted), and a delivered batch
   * otherwise ran both for every field it carried. Bounded; forgetting only costs the inserts.
   */
  private readonly known = new Set<string>();

  /** The connection's own busy timeout: how long a record waits for the lock in all (on timers). */
  private readonly busyMs: number;

  /** `clock`: when an owed batch's key is recorded (tests move it to show old keys forgotten). */
  constructor(private readonly db: Database.Database, private readonly perEvent: boolean, clock: () => number = Date.now) {
    db.exec(AUDIT_SCHEMA);
    this.busyMs = Number(db.pragma('busy_timeout', { simple: true }));
    this.writeGroup = prepareGroupWrite(db, this.known);
    const batch = db.prepare('INSERT OR IGNORE INTO disclosure_owed_recorded (batch, recorded_at) VALUES (?, ?)');
    const forget = db.prepare('DELETE FROM disclosure_owed_recorded WHERE recorded_at < ?');
    this.writeOnce = db.transaction((s: LedgerSummary, now: number, once: string) => {
      // An owed batch this ledger already holds (its spool row outlived the record: a kill between the two files).
      const at = clock();
      forget.run(at - OWED_KEY_KEEP_MS);
      if (batch.run(once, at).changes === 0) return { fresh: [[]], written: [] };
      return this.writeGroup([{ summary: s, now }]);
    });
  }

  async add(items: readonly Disclosure[], now = Date.now()): Promise<NewField[]> {
    return items.length ? this.record(this.summarize(items, now), now) : [];
  }

  summarize(items: readonly Disclosure[], now: number): LedgerSummary { return summarize(items, now, this.perEvent); }

  /** A delivered batch joins the next group commit; an owed one (`once`) is written alone, with its key. */
  async record(summary: LedgerSummary, now: number, once?: string): Promise<NewField[]> {
    if (once === undefined) return this.group.add({ summary, now });
    return (await this.transact(() => this.writeOnce(summary, now, once))).fresh[0];
  }

  /** Records waiting for their group commit are written (at shutdown, before the file closes). */
  flush(): Promise<void> { return this.group.flush(); }

  async report(destination: string, from: number, to: number): Promise<DisclosureReport> {
    return disclosureReport(this.db, destination, from, to);
  }

  private async commit(records: readonly LedgerRecord[]): Promise<NewField[][]> {
    return (await this.transact(() => this.writeGroup(records))).fresh;
  }

  private async transact(write: () => GroupWritten): Promise<GroupWritten> {
    // Every worker records its deliveries in this one file: another's write lock is waited for on
    // timers, not on this event loop (busy-retry.ts); past the same total wait, the same error.
    const done = await retryBusy(() => withShortBusyWait(this.db, this.busyMs, write), this.busyMs);
    // Only after the commit: a rolled-back insert must be tried again.
    if (this.known.size + done.written.length > 100_000) this.known.clear();
    for (const key of done.written) this.known.add(key);
    return done;
  }
}
