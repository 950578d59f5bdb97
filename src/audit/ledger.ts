import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { JsonValue } from '../common/json.js';
import { fieldNames } from './field-names.js';
import { AUDIT_SCHEMA } from './schema.js';

export interface Disclosure {
  destination: string;
  messageId: string;
  policyVersion: string;
  payload: JsonValue;
}

export interface NewField {
  destination: string;
  field: string;
  policyVersion: string;
}

const HOUR = 3_600_000;

/**
 * The disclosure ledger: per destination, hour and policy version, the count of events sent
 * and the set of field names sent (never values); optionally one row per event with the
 * payload's SHA-256. Returns the field names that reached a destination for the first time.
 */
export class DisclosureLedger {
  private readonly record: Database.Transaction<(items: readonly Disclosure[], now: number) => NewField[]>;

  constructor(db: Database.Database, perEvent: boolean) {
    db.exec(AUDIT_SCHEMA);
    const count = db.prepare(`INSERT INTO disclosure_hourly (destination, hour, policy_version, events) VALUES (?, ?, ?, ?)
      ON CONFLICT(destination, hour, policy_version) DO UPDATE SET events = events + excluded.events`);
    const field = db.prepare('INSERT OR IGNORE INTO disclosure_fields (destination, hour, policy_version, field) VALUES (?, ?, ?, ?)');
    const first = db.prepare('INSERT OR IGNORE INTO disclosure_first_seen (destination, field, first_at, policy_version) VALUES (?, ?, ?, ?)');
    const event = db.prepare('INSERT INTO disclosure_events (destination, time, policy_version, message_id, payload_sha256) VALUES (?, ?, ?, ?, ?)');
    this.record = db.transaction((items: readonly Disclosure[], now: number) => {
      const hour = Math.floor(now / HOUR) * HOUR;
      const counts = new Map<string, { d: Disclosure; n: number; fields: Set<string> }>();
      for (const it of items) {
        const key = `${it.destination}\u0000${it.policyVersion}`;
        const entry = counts.get(key) ?? { d: it, n: 0, fields: new Set<string>() };
        entry.n++;
        for (const f of fieldNames(it.payload)) entry.fields.add(f);
        counts.set(key, entry);
        if (perEvent) event.run(it.destination, now, it.policyVersion, it.messageId, sha256(it.payload));
      }
      const fresh: NewField[] = [];
      for (const { d, n, fields } of counts.values()) {
        count.run(d.destination, hour, d.policyVersion, n);
        for (const f of fields) {
          field.run(d.destination, hour, d.policyVersion, f);
          if (first.run(d.destination, f, now, d.policyVersion).changes > 0) fresh.push({ destination: d.destination, field: f, policyVersion: d.policyVersion });
        }
      }
      return fresh;
    });
  }

  add(items: readonly Disclosure[], now = Date.now()): NewField[] {
    return items.length ? this.record(items, now) : [];
  }
}

function sha256(payload: JsonValue): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}
