import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// WAL checkpoints off the collector's event loop. SQLite runs an automatic checkpoint inside the
// commit that crosses `wal_autocheckpoint` frames: it copies the WAL's pages into the database
// file and fsyncs it, synchronously, on the thread that committed. The spool checkpoints every
// ~40 MB of WAL (sqlite-spool.ts says why), and that commit blocked the worker's event loop for
// 25-55 ms (.tmp/h42/ckpt.mjs on this VM: 8 of 6,000 group commits, p99.9 24-27 ms, max 36-54 ms):
// every request that arrived meanwhile waited, which is what a p99 at half load sees.
//
// A thread with its own connection runs PASSIVE checkpoints every `intervalMs`: it copies what
// the WAL holds while the collector keeps committing (PASSIVE never blocks writers or readers,
// never waits on a lock). The spool's own automatic checkpoint stays on as the backstop and to
// let the WAL restart from its beginning: when it fires, the thread has already copied all but
// the last interval's frames, so it copies only those. Commits, their durability and what a
// crash recovers are unchanged: checkpoints only move committed pages from the WAL into the
// database file, and a checkpoint cut short by a crash is redone from the WAL by SQLite.

/**
 * How often the collector's spool thread checkpoints. The spool's own checkpoint (every ~40 MB
 * of WAL) then copies at most this long's frames on the event loop; shorter intervals copy a
 * page inserted and soon deleted more often (on the thread, not the event loop).
 */
export const BACKGROUND_CHECKPOINT_MS = 250;

/** The thread's code (CommonJS, evaluated: the bundle ships no separate file). */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 0 });
db.pragma('synchronous = ' + workerData.synchronous);
db.pragma('cache_size = -256');
let failed = false;
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); failed = false; }
  catch (err) { if (!failed) parentPort.postMessage({ error: String(err && err.code || 'ERROR') }); failed = true; }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface CheckpointerOptions {
  path: string;
  synchronous: 'NORMAL' | 'FULL';
  intervalMs: number;
  /** A checkpoint failed (by code; the next success re-arms it), or the thread stopped. The spool's own checkpoints still run. */
  onError: (code: string) => void;
}

export class BackgroundCheckpointer {
  private readonly worker: Worker;
  private exited = false;
  private readonly exit: Promise<void>;

  constructor(opts: CheckpointerOptions) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // The thread runs one statement on a timer: a small heap (an out-of-memory end is reported, and the spool's own checkpoints remain).
    const resourceLimits = { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8, codeRangeSizeMb: 2 };
    this.worker = new Worker(SOURCE, { eval: true, resourceLimits, workerData: { driver, path: opts.path, synchronous: opts.synchronous, intervalMs: opts.intervalMs } });
    // A background helper: it must not keep the process alive.
    this.worker.unref();
    this.worker.on('message', (m: { error?: unknown }) => opts.onError(typeof m.error === 'string' ? m.error : 'ERROR'));
    this.worker.on('error', (err: { code?: unknown }) => opts.onError(typeof err.code === 'string' ? err.code : 'CHECKPOINTER_FAILED'));
    this.exit = new Promise((resolve) => this.worker.once('exit', () => { this.exited = true; resolve(); }));
  }

  /** Closes the thread's connection first, so the spool's own close is the last and does the final checkpoint. */
  async close(timeoutMs = 2000): Promise<void> {
    if (this.exited) return;
    // Held while closing: the process must not end between our message and the thread's exit.
    this.worker.ref();
    this.worker.postMessage('close');
    const timer = new Promise<'late'>((resolve) => setTimeout(resolve, timeoutMs, 'late').unref());
    if ((await Promise.race([this.exit, timer])) === 'late') await this.worker.terminate();
  }
}

/** The spool's thread, if its options ask for one (the spool starts it at its first write). */
export function checkpointerFor(opts: { path: string; synchronous: 'full' | 'normal'; backgroundCheckpointMs?: number; onCheckpointError?: (code: string) => void }): BackgroundCheckpointer | undefined {
  const { backgroundCheckpointMs: intervalMs, path, synchronous, onCheckpointError: onError = () => undefined } = opts;
  if (!intervalMs || path === ':memory:') return undefined;
  return new BackgroundCheckpointer({ path, intervalMs, synchronous: synchronous === 'full' ? 'FULL' : 'NORMAL', onError });
}
