import { closeSync, fdatasyncSync, fsyncSync, ftruncateSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { KeptRecord } from './spill.js';
import { errorCode } from '../errors.js';

// The shared (Postgres) chain's write-ahead journal: every record is appended (and fdatasync'd)
// to a file in the data directory before it counts as accepted, so a process killed while
// PostgreSQL is unreachable (SIGKILL, OOM: no graceful shutdown, no kept file) loses no record.
// The next start on that data directory replays the journals of processes that are gone (each
// record keeps its id: the chain skips ids it already holds, so a record written before the
// kill is not written twice). The journal is emptied whenever every record is written, so it
// holds at most the queue. One file per process (cluster workers share the data directory);
// lines are the kept files' format (./spill.ts).

export const JOURNAL_PREFIX = 'audit-journal-';
/** Error codes of journal file operations start with this (`journal_ENOSPC`): reported apart from chain writes. */
export const JOURNAL_ERROR = 'journal_';
export const isJournalError = (code: string): boolean => code.startsWith(JOURNAL_ERROR);
/** Journals open in this process (tests and tools may run several chains in one process). */
const openJournals = new Set<string>();
let made = 0;

/** `audit-journal-<start ms>-<pid>-<n>.jsonl`: the pid tells a later start whether its writer is gone. */
export class AuditJournal {
  readonly file: string;
  private fd: number | undefined;
  /** Bytes appended since the journal was last emptied. */
  private size = 0;

  /**
   * `onError(action, code)`: a file error, reported, never thrown: a record that could not be
   * journaled (disk full) stays queued in memory and is written as before, only not safe from a kill.
   */
  constructor(private readonly dir: string, private readonly onError: (action: string, code: string) => void, now = Date.now()) {
    this.file = `${JOURNAL_PREFIX}${now}-${process.pid}-${++made}.jsonl`;
  }

  /** Appends one record and waits for the disk (fdatasync): once this returns, a crash does not lose it. */
  append(r: KeptRecord): void {
    const line = JSON.stringify({ id: r.id, now: r.now, entry: r.entry }) + '\n';
    try {
      const fd = this.open();
      this.size += writeSync(fd, line);
      fdatasyncSync(fd);
    } catch (err) {
      this.onError(r.entry.action.split(' ')[0], `${JOURNAL_ERROR}${errorCode(err)}`);
    }
  }

  /** Every record is written to the chain: the journal is emptied (a record appended later starts it again). */
  clear(): void {
    if (this.fd === undefined || this.size === 0) return;
    try {
      ftruncateSync(this.fd, 0);
      this.size = 0;
    } catch (err) {
      // Harmless: a later start replays written records, which the chain skips by id.
      this.onError('audit.journal', `${JOURNAL_ERROR}${errorCode(err)}`);
    }
  }

  /** Stops journaling; the file is removed (its records are written, or kept in another file by the caller). */
  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    openJournals.delete(this.file);
    rmSync(join(this.dir, this.file), { force: true });
  }

  /** Opened at the first record (a process that never records leaves no file); the directory entry is made durable once. */
  private open(): number {
    if (this.fd !== undefined) return this.fd;
    const fd = openSync(join(this.dir, this.file), 'a', 0o600);
    const dirFd = openSync(this.dir, 'r');
    try { fsyncSync(dirFd); } finally { closeSync(dirFd); }
    this.fd = fd;
    openJournals.add(this.file);
    return fd;
  }
}

/**
 * The journals in `dir` whose writer is gone: its pid does not exist, or is this process's (a
 * restarted container reuses pids; this process's own journal is not there yet). A journal whose
 * pid belongs to another live process (another cluster worker, or an unrelated process that got
 * the pid) is left for a later start.
 */
export function orphanJournals(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith(JOURNAL_PREFIX) && f.endsWith('.jsonl') && !openJournals.has(f) && !alive(pidOf(f)));
}

const pidOf = (file: string): number => Number(file.slice(JOURNAL_PREFIX.length, -'.jsonl'.length).split('-')[1]);

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
