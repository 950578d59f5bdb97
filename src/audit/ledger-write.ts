import type Database from 'better-sqlite3';
import type { LedgerSummary, NewField } from './ledger.js';

/** A delivered batch's record as the ledger writes it: its summary and when it was sent. */
export interface LedgerRecord { summary: LedgerSummary; now: number }

/** What one transaction wrote: per record, the field names new to a destination; and the field keys it holds now. */
export interface GroupWritten { fresh: NewField[][]; written: string[] }

/** A field's key in `known`: (destination, hour, policy version, field). */
export const fieldKey = (destination: string, hour: number, policyVersion: string, field: string): string =>
  `${destination}\u0000${hour}\u0000${policyVersion}\u0000${field}`;

/**
 * The ledger's statements, prepared once, and the transaction that writes several delivered
 * batches' records together (DisclosureLedger's group commit). Their hourly counts are folded into
 * one upsert per (destination, hour, policy version); each field name is inserted once per group
 * (and not at all when `known` holds it: committed by this process before). A field's first
 * disclosure goes to the first record in the group that carries it, at that record's time.
 */
export function prepareGroupWrite(db: Database.Database, known: ReadonlySet<string>): Database.Transaction<(group: readonly LedgerRecord[]) => GroupWritten> {
  const count = db.prepare(`INSERT INTO disclosure_hourly (destination, hour, policy_version, events) VALUES (?, ?, ?, ?)
    ON CONFLICT(destination, hour, policy_version) DO UPDATE SET events = events + excluded.events`);
  const field = db.prepare('INSERT OR IGNORE INTO disclosure_fields (destination, hour, policy_version, field) VALUES (?, ?, ?, ?)');
  const first = db.prepare('INSERT OR IGNORE INTO disclosure_first_seen (destination, field, first_at, policy_version) VALUES (?, ?, ?, ?)');
  const event = db.prepare('INSERT INTO disclosure_events (destination, time, policy_version, message_id, payload_sha256) VALUES (?, ?, ?, ?, ?)');
  return db.transaction((group: readonly LedgerRecord[]) => {
    const hourly = new Map<string, { destination: string; hour: number; policyVersion: string; events: number }>();
    const written: string[] = [];
    const inGroup = new Set<string>();
    const fresh = group.map(({ summary: s, now }) => {
      for (const e of s.events) event.run(e.destination, now, e.policyVersion, e.messageId, e.sha256);
      const out: NewField[] = [];
      for (const c of s.counts) {
        const hk = `${c.destination}\u0000${s.hour}\u0000${c.policyVersion}`;
        const h = hourly.get(hk);
        if (h) h.events += c.events; else hourly.set(hk, { destination: c.destination, hour: s.hour, policyVersion: c.policyVersion, events: c.events });
        for (const f of c.fields) {
          const key = fieldKey(c.destination, s.hour, c.policyVersion, f);
          if (known.has(key) || inGroup.has(key)) continue;
          inGroup.add(key);
          field.run(c.destination, s.hour, c.policyVersion, f);
          if (first.run(c.destination, f, now, c.policyVersion).changes > 0) out.push({ destination: c.destination, field: f, policyVersion: c.policyVersion });
          written.push(key);
        }
      }
      return out;
    });
    for (const h of hourly.values()) count.run(h.destination, h.hour, h.policyVersion, h.events);
    return { fresh, written };
  });
}
