import type Database from 'better-sqlite3';

export interface ReportRow {
  hour: string;
  policyVersion: string;
  events: number;
  fields: string[];
}

export interface DisclosureReport {
  destination: string;
  from: string;
  to: string;
  total: number;
  policyVersions: string[];
  hours: ReportRow[];
  /** Field names that first reached the destination inside the window. */
  newFields: { field: string; firstAt: string; policyVersion: string }[];
  perEventRows: number;
}

const HOUR = 3_600_000;

export interface ReportParts {
  hourly: { hour: number; policyVersion: string; events: number; fields: string[] }[];
  newFields: { field: string; firstAt: number; policyVersion: string }[];
  perEventRows: number;
}

/** Both adapters query the same parts; the report is put together here. */
export function assembleReport(destination: string, from: number, to: number, parts: ReportParts): DisclosureReport {
  const hours = parts.hourly.map((h) => ({ hour: new Date(h.hour).toISOString(), policyVersion: h.policyVersion, events: h.events, fields: h.fields }));
  return {
    destination, from: new Date(from).toISOString(), to: new Date(to).toISOString(),
    total: hours.reduce((n, h) => n + h.events, 0),
    policyVersions: [...new Set(hours.map((h) => h.policyVersion))],
    hours,
    newFields: parts.newFields.map((r) => ({ field: r.field, firstAt: new Date(r.firstAt).toISOString(), policyVersion: r.policyVersion })),
    perEventRows: parts.perEventRows,
  };
}

/** What went to a destination in [from, to), hour by hour, under which policy versions (SQLite ledger). */
export function disclosureReport(db: Database.Database, destination: string, from: number, to: number): DisclosureReport {
  const start = Math.floor(from / HOUR) * HOUR;
  const fieldsOf = db.prepare('SELECT field FROM disclosure_fields WHERE destination = ? AND hour = ? AND policy_version = ? ORDER BY field');
  const hourly = (db.prepare('SELECT hour, policy_version AS v, events FROM disclosure_hourly WHERE destination = ? AND hour >= ? AND hour < ? ORDER BY hour, v')
    .all(destination, start, to) as { hour: number; v: string; events: number }[])
    .map((h) => ({ hour: h.hour, policyVersion: h.v, events: h.events, fields: (fieldsOf.all(destination, h.hour, h.v) as { field: string }[]).map((f) => f.field) }));
  const newFields = (db.prepare('SELECT field, first_at, policy_version FROM disclosure_first_seen WHERE destination = ? AND first_at >= ? AND first_at < ? ORDER BY first_at, field')
    .all(destination, from, to) as { field: string; first_at: number; policy_version: string }[])
    .map((r) => ({ field: r.field, firstAt: r.first_at, policyVersion: r.policy_version }));
  const perEventRows = (db.prepare('SELECT COUNT(*) AS n FROM disclosure_events WHERE destination = ? AND time >= ? AND time < ?').get(destination, from, to) as { n: number }).n;
  return assembleReport(destination, from, to, { hourly, newFields, perEventRows });
}

export function reportText(r: DisclosureReport): string {
  const lines = [
    `Disclosures to ${r.destination} from ${r.from} to ${r.to}`,
    `  events sent: ${r.total}   policy versions: ${r.policyVersions.join(', ') || 'none'}   per-event ledger rows: ${r.perEventRows}`,
  ];
  for (const h of r.hours) {
    lines.push('', `  ${h.hour}  policy ${h.policyVersion}  ${h.events} events`);
    lines.push(`    fields: ${h.fields.join(', ')}`);
  }
  if (r.newFields.length) {
    lines.push('', '  fields sent for the first time in this window:');
    for (const f of r.newFields) lines.push(`    ${f.firstAt}  ${f.field}  (policy ${f.policyVersion})`);
  }
  return lines.join('\n') + '\n';
}
