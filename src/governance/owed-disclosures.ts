import type { Disclosure, NewField } from '../audit/ledger.js';
import type { DisclosureStore } from '../audit/port.js';
import { errorCode } from '../errors.js';
import type { Logger } from '../observability/log.js';
import type { OwedStore } from './owed-store.js';

/** How often a failing ledger is tried again while deliveries wait for it. */
const RETRY_MS = 1000;

/**
 * Disclosures sent and confirmed but not yet in the disclosure ledger (its disk full, its
 * database down). A compliance officer must be able to show where every event went: while any
 * is owed, no destination sends (ready() is false: rows wait in the spool, ingest goes on), and
 * the owed batches are written first, at the time they were sent, once the ledger takes writes.
 * Before, delivery went on and the ledger only logged each failed write (a counter counted them).
 * At most one batch per delivery loop is owed (deliveries stop at the first). With a store (the
 * SQLite spool's file, owed-store.ts) an owed batch is kept there before the worker acknowledges it,
 * and the next start records what a killed process left owed; without one (a Postgres spool), or
 * when the store cannot write either, it is held in memory only and lost with the process (logged).
 * Killed after the ledger write and before the store's delete, a batch is recorded twice (a count
 * too high, never a send missing).
 */
export class OwedDisclosures {
  private readonly owed: { items: readonly Disclosure[]; at: number; id?: number }[] = [];
  private nextTry = 0;
  private writing: Promise<boolean> | undefined;

  constructor(private readonly ledger: DisclosureStore, private readonly log: Logger, private readonly onError: () => void, private readonly store?: OwedStore) {
    const left = store?.load() ?? [];
    if (!left.length) return;
    this.owed.push(...left);
    this.log.warn({ batches: left.length, events: this.events }, 'disclosure ledger records a previous process owed: written before deliveries resume');
  }

  get events(): number { return this.owed.reduce((n, o) => n + o.items.length, 0); }

  /** Records a confirmed batch (after anything owed); on failure it is owed and deliveries pause. */
  async add(items: readonly Disclosure[], now = Date.now()): Promise<NewField[]> {
    if (this.owed.length === 0) {
      try { return await this.ledger.add(items, now); } catch (err) { this.fail(err, items.length); }
    }
    this.owed.push({ items, at: now, id: this.kept(items, now) });
    return [];
  }

  /** The batch's id in the store, once kept there (before the worker's ack); undefined when it could not be. */
  private kept(items: readonly Disclosure[], at: number): number | undefined {
    if (!this.store) return undefined;
    try { return this.store.save(items, at); } catch (err) {
      this.log.error({ code: errorCode(err), events: items.length }, 'owed disclosure records not kept on disk: lost if the process is killed before the ledger records them');
      return undefined;
    }
  }

  /** Whether deliveries may send: nothing owed, or the owed batches were just written. */
  ready(): boolean | Promise<boolean> {
    if (this.owed.length === 0) return true;
    if (Date.now() < this.nextTry) return false;
    return this.writing ??= this.writeOwed().finally(() => { this.writing = undefined; });
  }

  private async writeOwed(): Promise<boolean> {
    this.nextTry = Date.now() + RETRY_MS;
    try {
      while (this.owed.length) {
        const first = this.owed[0];
        await this.ledger.add(first.items, first.at);
        this.owed.shift();
        if (first.id !== undefined) this.forget(first.id);
      }
    } catch (err) {
      this.onError();
      return false;
    }
    this.log.info({}, 'disclosure ledger writable again: owed records written, deliveries resume');
    return true;
  }

  /** Recorded: off the store. A failed delete only means a later start records the batch again (logged). */
  private forget(id: number): void {
    try { this.store?.remove(id); } catch (err) { this.log.error({ code: errorCode(err) }, 'owed disclosure record written but not removed from the spool: a restart records it again'); }
  }

  private fail(err: unknown, events: number): void {
    this.onError();
    this.nextTry = Date.now() + RETRY_MS;
    this.log.error({ code: errorCode(err), events }, 'disclosure ledger write failed: deliveries paused until it records (rows wait in the spool)');
  }

  /** At shutdown: one last try; what is still owed is named in the log (counts only), being lost with the process. */
  async close(): Promise<void> {
    if (this.owed.length === 0) return;
    await this.writing;
    if (this.owed.length && await this.writeOwed()) return;
    if (!this.owed.length) return;
    const lost = this.owed.filter((o) => o.id === undefined);
    if (lost.length < this.owed.length) this.log.warn({ batches: this.owed.length - lost.length }, 'disclosure ledger records not written at shutdown: kept in the spool, written at the next start');
    if (lost.length) this.log.error({ events: lost.reduce((n, o) => n + o.items.length, 0), batches: lost.length }, 'disclosure ledger records not written at shutdown (alert): those events were sent');
  }
}
