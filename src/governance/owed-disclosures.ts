import type { Disclosure, NewField } from '../audit/ledger.js';
import type { DisclosureStore } from '../audit/port.js';
import { errorCode } from '../errors.js';
import type { Logger } from '../observability/log.js';
import type { BeforeCommit } from '../spool/port.js';
import type { OwedBatch, OwedStore } from './owed-store.js';

/** How often a failing ledger is tried again while deliveries wait for it. */
const RETRY_MS = 1000;

/** A confirmed batch's ledger answer: the fields new to a destination, or the work to commit with its ack when it is owed. */
export interface Recorded { fresh: NewField[]; withAck?: BeforeCommit }

/**
 * Disclosures sent and confirmed but not yet in the disclosure ledger (its disk full, its
 * database down). A compliance officer must be able to show where every event went: while any
 * is owed, no destination sends (ready() is false: rows wait in the spool, ingest goes on), and
 * the owed batches are written first, at the time they were sent, once the ledger takes writes.
 * At most one batch per delivery loop is owed (deliveries stop at the first). Owed, a batch is
 * held as the ledger's summary of it (counts, field names, ids and hashes: no payload value), and
 * with a store (the SQLite spool's file: owed-store.ts; PostgreSQL: postgres-owed.ts) kept there
 * in the transaction that acks its rows (`withAck`): a kill leaves the batch kept and its rows gone
 * (recorded at the next start), or neither (the rows are sent again and recorded then). Without a
 * store it is held in memory only (lost with the process, logged). Either way it is owed only once
 * the ack committed: a failed ack owes nothing (its rows are sent again and recorded then).
 */
export class OwedDisclosures {
  private readonly owed: OwedBatch[] = [];
  private nextTry = 0;
  private writing: Promise<boolean> | undefined;
  /** Batches a previous process left in the store were read (at the first ready(): PostgreSQL answers asynchronously). */
  private loaded: boolean;
  /** The next load is a sweep (a shared store: batches whose owner's lease ran out), not the first at start. */
  private sweeping = false;
  private nextSweep = 0;

  constructor(private readonly ledger: DisclosureStore, private readonly log: Logger, private readonly onError: () => void, private readonly store?: OwedStore) {
    this.loaded = store === undefined;
  }

  get events(): number { return this.owed.reduce((n, o) => n + o.summary.counts.reduce((m, c) => m + c.events, 0), 0); }

  /** Records a confirmed batch (after anything owed); on failure it is owed and deliveries pause. */
  async add(items: readonly Disclosure[], now = Date.now()): Promise<Recorded> {
    if (items.length === 0) return { fresh: [] };
    const summary = this.ledger.summarize(items, now);
    if (this.owed.length === 0 && this.loaded) {
      try { return { fresh: await this.ledger.record(summary, now) }; } catch (err) { this.fail(err, items.length); }
    }
    return { fresh: [], withAck: this.oweWithAck({ summary, at: now }) };
  }

  /**
   * The ack's work for an owed batch: kept in the store in its transaction, and owed here (the gauge,
   * the write before deliveries resume) only once that committed. A rolled-back ack owes nothing: its
   * rows were not acknowledged, are sent again, and that send is recorded, once.
   */
  private oweWithAck(batch: OwedBatch): BeforeCommit {
    const owe = (id?: number) => () => { batch.id = id; this.owed.push(batch); };
    const store = this.store;
    if (!store) return () => owe();
    return (tx) => {
      const id = store.save(tx, batch.summary, batch.at);
      return typeof id === 'number' ? owe(id) : id.then(owe);
    };
  }

  /** Whether deliveries may send: nothing owed, or the owed batches were just written. */
  ready(): boolean | Promise<boolean> {
    this.sweepDue();
    if (this.owed.length === 0 && this.loaded) return true;
    if (Date.now() < this.nextTry) return false;
    return this.writing ??= this.writeOwed().finally(() => { this.writing = undefined; });
  }

  /**
   * A shared store is looked at again every `sweepMs`: batches an instance left when it stopped for good
   * (its lease ran out) are taken over and written here, and this instance's own leases are renewed.
   */
  private sweepDue(): void {
    const every = this.store?.sweepMs;
    if (every === undefined || !this.loaded || this.writing !== undefined) return;
    const now = Date.now();
    if (this.nextSweep === 0) this.nextSweep = now + every;
    if (now < this.nextSweep) return;
    this.nextSweep = now + every;
    this.loaded = false;
    this.sweeping = true;
    this.nextTry = 0;
  }

  private async writeOwed(): Promise<boolean> {
    this.nextTry = Date.now() + RETRY_MS;
    try {
      if (!this.loaded) await this.load();
      if (this.owed.length === 0) return true;
      while (this.owed.length) {
        await this.write(this.owed[0]);
        this.owed.shift();
      }
    } catch (err) {
      this.onError();
      return false;
    }
    this.log.info({}, 'disclosure ledger writable again: owed records written, deliveries resume');
    return true;
  }

  private async load(): Promise<void> {
    const left = await this.store!.load((items, at) => this.ledger.summarize(items, at), this.sweeping);
    const known = new Set(this.owed.map((o) => o.id));
    // Before anything this process owes: they were sent earlier. (A sweep also returns this process's own, renewed.)
    const taken = left.filter((o) => !known.has(o.id));
    this.owed.unshift(...taken);
    this.loaded = true;
    this.sweeping = false;
    if (taken.length) this.log.warn({ batches: taken.length, events: this.events }, 'disclosure ledger records another process owed (a previous one, or one that stopped): written before deliveries resume');
  }

  /** Kept: through the store (which removes it; PostgreSQL in the ledger's own transaction). A failed removal only means a later start records it again (logged). */
  private async write(o: OwedBatch): Promise<void> {
    if (o.id === undefined || !this.store) { await this.ledger.record(o.summary, o.at); return; }
    const notRemoved = await this.store.record({ ...o, id: o.id }, this.ledger);
    if (notRemoved !== undefined) this.log.error({ code: errorCode(notRemoved) }, 'owed disclosure record written but not removed from the spool: a restart records it again');
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
    if (lost.length) this.log.error({ events: lost.reduce((n, o) => n + o.summary.counts.reduce((m, c) => m + c.events, 0), 0), batches: lost.length }, 'disclosure ledger records not written at shutdown (alert): those events were sent');
  }
}
