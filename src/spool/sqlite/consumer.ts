import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

// Packs (outbox_packs) are leased in memory, without writing a lease to disk, so exactly one
// process may consume them: the one holding this claim. A spool file belongs to one collector
// process (each cluster worker has its own), so the claim only guards against a second
// process started on the same data directory by mistake: it waits as a standby and takes over
// when the holder stops (close), dies (its pid is gone: at once), or stops beating (STALE_MS).

const BEAT_MS = 2_000;
const STALE_MS = 30_000;
/** Claims held by spools of this process (a previous incarnation with our pid is dead). */
const LIVE_TOKENS = new Set<string>();
const HOST = hostname();

const alive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as { code?: string }).code === 'EPERM'; }
};

interface Holder { token: string; host: string; pid: number; beat: number }

/**
 * Another live process consuming this spool file, if any (its beat fresh; on this host, its pid
 * alive): a second collector started on the same data directory by mistake. It ingests into the
 * same file, but delivers nothing until the holder stops: said at start, not found out later.
 */
export function otherConsumer(db: Database.Database, now: number): { pid: number; host: string } | undefined {
  const h = db.prepare('SELECT token, host, pid, beat FROM spool_consumer WHERE k = 0').get() as Holder | undefined;
  if (!h || now - h.beat > STALE_MS || LIVE_TOKENS.has(h.token)) return undefined;
  if (h.host === HOST && (h.pid === process.pid || !alive(h.pid))) return undefined;
  return { pid: h.pid, host: h.host };
}

export class ConsumerClaim {
  private readonly token = randomBytes(9).toString('base64url');
  private held = false;
  private lastBeat = 0;
  /** Beats while held even when no lease comes (every loop waiting on an open breaker or a slow send). */
  private beater: NodeJS.Timeout | undefined;
  private readonly holder: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.holder = db.prepare('SELECT token, host, pid, beat FROM spool_consumer WHERE k = 0');
  }

  /** Whether this spool may consume packs now; claims or renews as a side effect (cheap: at most one write per BEAT_MS). */
  holds(now: number): boolean {
    if (this.held) {
      if (now - this.lastBeat >= BEAT_MS || now < this.lastBeat) this.beat(now); // a clock set back: beat at once, not in hours
      return this.held;
    }
    // A standby checks with a read (no lock) on every lease, so it takes over as soon as the holder is gone.
    const h = this.holder.get() as Holder | undefined;
    if (h && !this.free(h, now)) return false;
    this.held = this.db.transaction(() => {
      const again = this.holder.get() as Holder | undefined;
      if (again && !this.free(again, now)) return false;
      this.db.prepare('INSERT OR REPLACE INTO spool_consumer (k, token, host, pid, beat) VALUES (0, ?, ?, ?, ?)').run(this.token, HOST, process.pid, now);
      return true;
    }).immediate();
    if (this.held) {
      this.lastBeat = now;
      LIVE_TOKENS.add(this.token);
      this.beater = setInterval(() => { try { this.holds(Date.now()); } catch { /* the next lease retries the beat and reports */ } }, BEAT_MS).unref();
    }
    return this.held;
  }

  private free(h: Holder, now: number): boolean {
    if (h.token === this.token || now - h.beat > STALE_MS) return true;
    if (h.host !== HOST) return false;
    return h.pid === process.pid ? !LIVE_TOKENS.has(h.token) : !alive(h.pid);
  }

  private beat(now: number): void {
    this.lastBeat = now;
    // Someone took over (we were stale): stop consuming; our in-flight items are theirs too.
    this.held = this.db.prepare('UPDATE spool_consumer SET beat = ? WHERE k = 0 AND token = ?').run(now, this.token).changes === 1;
    if (!this.held) this.stopBeating();
  }

  private stopBeating(): void {
    LIVE_TOKENS.delete(this.token);
    clearInterval(this.beater);
    this.beater = undefined;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    this.stopBeating();
    this.db.prepare('DELETE FROM spool_consumer WHERE k = 0 AND token = ?').run(this.token);
  }
}
