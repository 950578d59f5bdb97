import type Database from 'better-sqlite3';
import { retryBusy, SHARED_BUSY_SPIN_MS } from '../../common/busy-retry.js';
import { inTransaction, isBusy, openWalDatabase } from '../../common/sqlite.js';
import { PhiwallError } from '../../errors.js';
import { DEDUP_WINDOW_MS, type SharedClaimStore, type SharedVerdict } from '../ingest-dedup.js';
import { claimStatements, DONE, FAILED, openClaimsSchema, PENDING, RELEASED, type ClaimStatements } from './shared-claims-schema.js';

// Ingest dedup across `serve --workers N` on SQLite, where each worker has its own spool: a
// retry on a new connection may land on another worker. Every worker claims its events' keys in
// one shared file first (an INSERT, or taking over a key that is free again, in one write
// transaction: the write lock makes one worker win). The winner's key turns `done` only after ITS spool committed the rows, so a copy
// on another worker is answered 200 only once the original is durable ("ack means durable"), and
// fails (503, retry) if the original's commit failed. Claims and releases arriving in one
// event-loop turn share one write transaction, and releases with no claim beside them wait up to
// RELEASE_RIDE_MS for one (see there). A request's claims share a ticket, settled as one row
// (shared-claims-schema.ts).
export const SHARED_CLAIMS_FILE = 'ingest-claims.db';
/** A pending claim older than this is given up (its worker died before committing): the next copy takes the event. */
export const STALE_MS = 30_000;
/** How long a copy waits for another worker's original before answering 503 (the client retries). */
export const WAIT_MS = 10_000;
const PURGE_EVERY_MS = 60_000;
/**
 * Releases with no claim in their turn wait this long for the next claim's write transaction
 * before committing alone. Under load requests come in waves (a wave's responses go out after its
 * spool commit, and the next wave's requests arrive a moment later), so a wave's releases and the
 * next wave's claims used to take a write transaction each: now one. A release only lets a copy on
 * another worker be answered (the ack waited for the spool's commit, not for this), and such a copy
 * polls every 2-50 ms anyway; a worker that dies meanwhile leaves its claims pending, settled from its
 * spool when it restarts (`recover`), as one dying between its commit and the release always could.
 */
export const RELEASE_RIDE_MS = 3;
/** Recovery reads the spool's keys from this long before the oldest claim it settles (the spool's clock is steady, the claims' the wall's). */
const RECOVERY_MARGIN_MS = 10 * 60_000;

export interface SharedClaimsOptions {
  path: string;
  /** This worker's index: a restarted worker settles the claims its predecessor left pending. */
  worker: number;
  synchronous: 'NORMAL' | 'FULL';
  onError: (what: string, code: string) => void;
  /** How long a flush waits for another worker's write lock, on timers (busy-retry.ts); default 1000 ms. */
  busyTimeoutMs?: number;
  /** This process's id in the file: default its pid (tests run two "workers" in one process). */
  pid?: number;
  staleMs?: number;
  waitMs?: number;
}

/** One turn's claim calls (a request each: a ticket each), answered together. */
interface Batch { calls: (readonly string[])[]; now: number; out: Promise<SharedVerdict[][]>; resolve: (v: SharedVerdict[][]) => void; reject: (e: unknown) => void }
/** A request's settlement: its ticket's state (undefined: left pending), and keys settled apart from it. */
interface Release { ticket: number; state: number | undefined; keys: { k: string; state: number }[] }

export class SharedClaims implements SharedClaimStore {
  private readonly db: Database.Database;
  private readonly st: ClaimStatements;
  /** Keys this process took and has not released yet: their ticket, and how many of its keys are still held. */
  private readonly held = new Map<string, number>();
  private readonly ticketKeys = new Map<number, number>();
  private open: Batch | undefined;
  private releases: Release[] = [];
  private flushing = false;
  /** Set while releases wait for a claim to ride on (RELEASE_RIDE_MS). */
  private ride: NodeJS.Timeout | undefined;
  private lastPurge = 0;
  /** The owner (pid) of each key another worker had pending when we asked: a waiter fails if the key changes hands. */
  private readonly owners = new Map<string, number>();
  private readonly pid: number;

  constructor(private readonly opts: SharedClaimsOptions) {
    this.pid = opts.pid ?? process.pid;
    this.db = openWalDatabase(opts.path, { timeoutMs: opts.busyTimeoutMs ?? 1000, synchronous: opts.synchronous });
    // As the spool's (sqlite-spool.ts): every claim lands on a random page, and a checkpoint every
    // ~40 MB of WAL instead of 4 MB copies a page rewritten by several commits out once (claims
    // micro, 400-key turns at 240,000 keys, 3 interleaved pairs: 16-17 -> 12-15 us of CPU per key claimed).
    this.db.pragma('wal_autocheckpoint = 10000');
    openClaimsSchema(this.db);
    this.db.pragma(`busy_timeout = ${Math.min(opts.busyTimeoutMs ?? 1000, SHARED_BUSY_SPIN_MS)}`);
    this.st = claimStatements(this.db);
  }

  claim(keys: readonly string[], now: number): Promise<SharedVerdict[]> {
    const batch = this.open ?? this.start();
    batch.now = Math.max(batch.now, now);
    const call = batch.calls.push(keys) - 1;
    return batch.out.then((all) => all[call]);
  }

  /**
   * A request's keys: committed ones done, the others free again (all failed if its commit failed).
   * All of a ticket's keys at once: the ticket row; the keys without rows apart. Part of a ticket's
   * keys (not this module's caller's way): each apart, the ticket left pending for the rest.
   */
  release(keys: readonly string[], committed: ReadonlySet<string>, failed: boolean, _now: number): void {
    const byTicket = new Map<number, string[]>();
    for (const k of keys) {
      const ticket = this.held.get(k);
      if (ticket === undefined) continue;
      this.held.delete(k);
      let list = byTicket.get(ticket);
      if (!list) byTicket.set(ticket, (list = []));
      list.push(k);
    }
    for (const [ticket, list] of byTicket) {
      const left = this.ticketKeys.get(ticket)! - list.length;
      if (left > 0) this.ticketKeys.set(ticket, left); else this.ticketKeys.delete(ticket);
      const stateOf = (k: string) => (failed ? FAILED : committed.has(k) ? DONE : RELEASED);
      if (left > 0) { this.releases.push({ ticket, state: undefined, keys: list.map((k) => ({ k, state: stateOf(k) })) }); continue; }
      const own = failed ? FAILED : DONE;
      this.releases.push({ ticket, state: own, keys: list.filter((k) => stateOf(k) !== own).map((k) => ({ k, state: stateOf(k) })) });
    }
    if (this.releases.length) this.scheduleReleases();
  }

  async waitFor(keys: readonly string[]): Promise<void> {
    const end = Date.now() + (this.opts.waitMs ?? WAIT_MS);
    let left = [...keys];
    for (let pause = 2; left.length; pause = Math.min(pause * 2, 50)) {
      left = left.filter((k) => !this.settled(k));
      if (left.length === 0) break;
      if (Date.now() >= end) throw new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: 'original on another worker not committed' });
      await new Promise((r) => setTimeout(r, pause));
    }
    for (const k of keys) this.owners.delete(k);
  }

  /** True once done (or released without rows); throws if the original failed or the claim changed hands. */
  private settled(k: string): boolean {
    if (!this.db.open) throw new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: 'shutting down' });
    let row: { state: number; pid: number } | undefined;
    // A read that meets a lock (rare in WAL) is asked again at the next poll, within waitMs.
    try { row = this.st.stateOf.get(k) as typeof row; } catch (err) { if (isBusy(err)) return false; throw err; }
    if (row === undefined || row.pid !== this.owners.get(k) || row.state === FAILED) {
      this.owners.delete(k);
      throw new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: 'original on another worker not committed' });
    }
    return row.state === DONE || row.state === RELEASED;
  }

  /** Claims its predecessor (same worker index, another pid) left pending: done if this worker's spool has the key, else free. */
  async recover(seen: (keys: readonly string[], since: number) => Promise<ReadonlySet<string>>, now: number): Promise<number> {
    const left = this.st.leftPending.all(this.opts.worker, this.pid) as { k: string; pid: number; ticket: number | null; at: number }[];
    if (left.length === 0) return 0;
    // Committed after they were claimed: the spool's keys from then on (a cluster worker's are a log read from there, seen-keys.ts).
    const since = Math.max(now - DEDUP_WINDOW_MS, left.reduce((m, r) => Math.min(m, r.at), Infinity) - RECOVERY_MARGIN_MS);
    const durable = await seen(left.map((r) => r.k), since);
    await retryBusy(() => inTransaction(this.db, () => { for (const r of left) this.st.settleKey.run(durable.has(r.k) ? DONE : RELEASED, r.k, r.pid, r.ticket); }, 'immediate'), this.opts.busyTimeoutMs ?? 1000);
    return left.length;
  }

  private start(): Batch {
    let resolve!: Batch['resolve'], reject!: Batch['reject'];
    const out = new Promise<SharedVerdict[][]>((ok, no) => { resolve = ok; reject = no; });
    this.open = { calls: [], now: 0, out, resolve, reject };
    this.schedule();
    return this.open;
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => this.flush());
  }

  /** Releases go with a flush already due, else with the next claim's, at most RELEASE_RIDE_MS from now. */
  private scheduleReleases(): void {
    if (this.flushing || this.ride) return;
    this.ride = setTimeout(() => { this.ride = undefined; this.schedule(); }, RELEASE_RIDE_MS);
  }

  private flush(): void {
    this.flushing = false;
    if (this.ride) { clearTimeout(this.ride); this.ride = undefined; }
    const batch = this.open, releases = this.releases;
    this.open = undefined;
    this.releases = [];
    // The requests' clock (the latest of them): a claim's age and window are judged on the time its request was taken.
    const now = Math.max(Date.now(), batch?.now ?? 0);
    // The first try runs now (close() flushes synchronously); another worker's write lock is waited for on timers.
    retryBusy(() => inTransaction(this.db, () => this.write(batch?.calls ?? [], releases, now), 'immediate'), this.opts.busyTimeoutMs ?? 1000)
      .then(({ verdicts, tickets }) => {
        // Committed: the keys taken are this process's to release, by their request's ticket.
        verdicts.forEach((v, c) => {
          let n = 0;
          v.forEach((verdict, i) => { if (verdict === 'taken') { this.held.set(batch!.calls[c][i], tickets[c]); n++; } });
          if (n) this.ticketKeys.set(tickets[c], n);
        });
        batch?.resolve(verdicts);
      }, (err: unknown) => {
        const code = (err as { code?: string }).code ?? 'error';
        this.opts.onError('ingest claims', code);
        // Releases are kept for the next turn (a copy elsewhere waits for them); claims fail closed (503).
        this.releases.unshift(...releases);
        if (this.releases.length && this.db.open) this.schedule(); // closed: nothing left to try
        batch?.reject(new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: code }));
      });
  }

  /** Inside the write transaction: releases first (a copy in this batch may wait on one), then the claims, a ticket per call. */
  private write(calls: readonly (readonly string[])[], releases: readonly Release[], now: number): { verdicts: SharedVerdict[][]; tickets: number[] } {
    for (const r of releases) {
      for (const { k, state } of r.keys) this.st.settleKey.run(state, k, this.pid, r.ticket);
      if (r.state !== undefined) this.st.settleTicket.run(r.state, r.ticket);
    }
    const tickets = calls.map(() => Number(this.st.newTicket.run(now).lastInsertRowid));
    const verdicts = calls.map((keys, c) => keys.map((k) => this.take(k, tickets[c], now)));
    if (now - this.lastPurge >= PURGE_EVERY_MS) {
      this.st.purge.run(now - DEDUP_WINDOW_MS);
      this.st.purgeTickets.run(now - DEDUP_WINDOW_MS);
      this.lastPurge = now;
    }
    return { verdicts, tickets };
  }

  /** A new key is ours; a known one is ours again if it was freed, failed, left pending too long or is older than the window. */
  private take(k: string, ticket: number, now: number): SharedVerdict {
    if (this.st.take.run(k, this.opts.worker, this.pid, now, ticket).changes === 1) return 'taken';
    const row = this.st.stateOf.get(k) as { state: number; pid: number; at: number };
    const stale = row.state >= RELEASED || (row.state === PENDING && row.at < now - (this.opts.staleMs ?? STALE_MS)) || (row.state === DONE && row.at < now - DEDUP_WINDOW_MS);
    if (stale) { this.st.retake.run(this.opts.worker, this.pid, now, ticket, k); return 'taken'; }
    if (row.state === DONE) return 'done';
    this.owners.set(k, row.pid);
    return 'pending';
  }

  close(): void {
    if (this.open || this.releases.length) this.flush();
    this.db.close();
  }
}
