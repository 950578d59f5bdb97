import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

// In a cluster, the primary checkpoints the workers' spool files (why off the workers' event
// loops: checkpointer.ts). The primary is idle next to the workers, so this costs one SQLite
// connection per spool there instead of a thread (a worker isolate, +13 MB RSS) per worker.
// A worker announces its spool file once it is open; the primary loads better-sqlite3 only then
// (it loads none of the collector otherwise: src/cli/primary.ts).

export interface CheckpointSpoolMsg { pw: 'checkpoint-spool'; path: string }

const isAnnounce = (m: unknown): m is CheckpointSpoolMsg =>
  typeof m === 'object' && m !== null && (m as CheckpointSpoolMsg).pw === 'checkpoint-spool' && typeof (m as CheckpointSpoolMsg).path === 'string';

/** Worker side: whether a cluster primary is there to ask. */
export const canAnnounceSpool = (): boolean => cluster.isWorker && typeof process.send === 'function' && process.connected;

/** Worker side: asks the cluster primary to checkpoint `path` (an open spool file). */
export function announceSpool(path: string): void {
  const msg: CheckpointSpoolMsg = { pw: 'checkpoint-spool', path };
  if (canAnnounceSpool()) process.send!(msg);
}

/**
 * Primary side: PASSIVE checkpoints of every announced spool file every `intervalMs`, one file
 * per tick (ticks `intervalMs / files` apart). The primary also hands new connections to the
 * workers, and a checkpoint holds its event loop for 5-9 ms per busy spool (.tmp/h58/NOTES.md):
 * one file at a time keeps that wait to one checkpoint's instead of the sum of all of them.
 */
export class PrimaryCheckpoints {
  private readonly dbs = new Map<string, Database.Database>();
  private readonly failing = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private turn = 0;

  constructor(private readonly intervalMs: number, private readonly onError: (code: string) => void) {
    cluster.on('message', (_w, msg: unknown) => { if (isAnnounce(msg)) this.add(msg.path); });
  }

  private add(path: string): void {
    if (this.dbs.has(path)) return;
    try {
      const Driver = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
      // The worker created the file and set WAL; busy waits are never wanted here (PASSIVE does not wait).
      const db = new Driver(path, { fileMustExist: true, timeout: 0 });
      db.pragma('cache_size = -256');
      this.dbs.set(path, db);
    } catch (err) {
      this.onError(codeOf(err));
      return;
    }
    clearInterval(this.timer);
    this.timer = setInterval(() => this.checkpointNext(), Math.max(1, Math.floor(this.intervalMs / this.dbs.size)));
  }

  private checkpointNext(): void {
    const paths = [...this.dbs.keys()];
    const path = paths[this.turn++ % paths.length];
    try {
      this.dbs.get(path)!.pragma('wal_checkpoint(PASSIVE)');
      this.failing.delete(path);
    } catch (err) {
      // Reported once per run of failures; the worker's own automatic checkpoints still run.
      if (!this.failing.has(path)) this.onError(codeOf(err));
      this.failing.add(path);
    }
  }

  /** Before the primary exits: its connection is then the last, and closing it does the final checkpoint. */
  close(): void {
    clearInterval(this.timer);
    for (const db of this.dbs.values()) { try { db.close(); } catch (err) { this.onError(codeOf(err)); } }
    this.dbs.clear();
  }
}

const codeOf = (err: unknown): string => {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'CHECKPOINT_FAILED';
};
