import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AuditEntry } from './audit-log.js';

// Records the shared (Postgres) audit chain still held when the process stopped, the database
// being down: kept as a file in the data directory and queued again by the next start of a
// collector on that directory, so a graceful shutdown during an outage loses no record. Each
// record keeps its id: a record kept twice (respilled, or adopted by two cluster workers at once)
// is still written once (the chain skips ids it already holds, under its lock). The records
// hold names, roles, ids, counts and config hashes, never event values.

const PREFIX = 'audit-unwritten-';
const Detail = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const Kept = z.object({
  id: z.uuid(),
  now: z.number().int(),
  entry: z.object({
    actor: z.string(), role: z.string(), action: z.string(),
    details: z.record(z.string(), Detail).optional(), configBefore: z.string().optional(), configAfter: z.string().optional(),
  }),
});

export interface KeptRecord { entry: AuditEntry; now: number; id: string }

/** Writes the records to a new file (temporary name, fsync, rename: whole or absent); returns its name. */
export function keepRecords(dir: string, records: readonly KeptRecord[], now = Date.now()): string {
  const name = `${PREFIX}${now}-${process.pid}.jsonl`;
  const tmp = join(dir, `.${name}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, records.map((r) => JSON.stringify({ id: r.id, now: r.now, entry: r.entry })).join('\n') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, name));
  return name;
}

/** The kept files in `dir`, oldest first (by the time in their names), and their records, each id once. */
export function readKept(dir: string): { files: string[]; records: KeptRecord[]; invalid: number } {
  const files = readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.jsonl')).sort((a, b) => keptAt(a) - keptAt(b));
  const seen = new Set<string>();
  const records: KeptRecord[] = [];
  let invalid = 0;
  for (const f of files) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean)) {
      const parsed = parseLine(line);
      if (!parsed) { invalid++; continue; }
      if (!seen.has(parsed.id)) { seen.add(parsed.id); records.push(parsed); }
    }
  }
  return { files, records, invalid };
}

/** The time in a kept file's name (`audit-unwritten-<ms>-<pid>.jsonl`). */
const keptAt = (file: string): number => Number(file.slice(PREFIX.length).split('-')[0]);

function parseLine(line: string): KeptRecord | undefined {
  try {
    const r = Kept.safeParse(JSON.parse(line));
    return r.success ? r.data : undefined;
  } catch {
    // Not JSON: counted by the caller as an invalid record.
    return undefined;
  }
}

/** Removes kept files whose records are all written (a file already gone is fine: another worker removed it). */
export function removeKept(dir: string, files: readonly string[]): void {
  for (const f of files) rmSync(join(dir, f), { force: true });
}
