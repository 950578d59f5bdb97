import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AuditEntry } from './audit-log.js';

const AUDIT_SPILL_SEQUENCE = /^audit-[a-z]+-(\d+)-/;

// Records the shared (Postgres) audit chain still held when the process stopped, the database
// being down: kept as a file in the data directory and queued again by the next start of a
// collector on that directory, so a graceful shutdown during an outage loses no record (a kill
// neither: the journals of ./journal.ts have the same line format and are read back here). Each
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
    ifConfigChanged: z.boolean().optional(),
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

/**
 * The kept files in `dir` and the `journals` given (./journal.ts: same line format), oldest first
 * (by the time in their names), and their records, each id once.
 */
export function readKept(dir: string, journals: readonly string[] = []): { files: string[]; records: KeptRecord[]; invalid: number } {
  const kept = readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.jsonl'));
  const files = [...kept, ...journals].sort((a, b) => keptAt(a) - keptAt(b));
  const seen = new Set<string>();
  const records: KeptRecord[] = [];
  let invalid = 0;
  for (const f of files) {
    for (const line of readLines(join(dir, f))) {
      const parsed = parseLine(line);
      if (!parsed) { invalid++; continue; }
      if (!seen.has(parsed.id)) { seen.add(parsed.id); records.push(parsed); }
    }
  }
  return { files, records, invalid };
}

/** The time in a kept file's or journal's name (`audit-unwritten-<ms>-<pid>.jsonl`, `audit-journal-<ms>-<pid>-<n>.jsonl`). */
const keptAt = (file: string): number => Number(AUDIT_SPILL_SEQUENCE.exec(file)?.[1] ?? 0);

/**
 * The file's complete lines. A last line with no newline is a journal append cut by the kill
 * (its call never returned, so the record was never accepted): left out, not counted as invalid.
 * A file removed meanwhile (another worker adopted and wrote it) has no lines.
 */
function readLines(path: string): string[] {
  try {
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.pop();
    return lines.filter(Boolean);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

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
