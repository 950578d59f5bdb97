import type { Disclosure, NewField } from '../audit/ledger.js';
import type { DisclosureStore } from '../audit/port.js';
import { errorCode } from '../errors.js';
import type { Logger } from '../observability/log.js';

/** How often a failing ledger is tried again while deliveries wait for it. */
const RETRY_MS = 1000;

/**
 * Disclosures sent and confirmed but not yet in the disclosure ledger (its disk full, its
 * database down). A compliance officer must be able to show where every event went: while any
 * is owed, no destination sends (ready() is false: rows wait in the spool, ingest goes on), and
 * the owed batches are written first, at the time they were sent, once the ledger takes writes.
 * Before, delivery went on and the ledger only logged each failed write (a counter counted them).
 * At most one batch per delivery loop is owed (deliveries stop at the first); held in memory, so
 * a process killed while the ledger cannot write loses the record of those batches (logged).
 */
export class OwedDisclosures {
  private readonly owed: { items: readonly Disclosure[]; at: number }[] = [];
  private nextTry = 0;
  private writing: Promise<boolean> | undefined;

  constructor(private readonly ledger: DisclosureStore, private readonly log: Logger, private readonly onError: () => void) {}

  get events(): number { return this.owed.reduce((n, o) => n + o.items.length, 0); }

  /** Records a confirmed batch (after anything owed); on failure it is owed and deliveries pause. */
  async add(items: readonly Disclosure[], now = Date.now()): Promise<NewField[]> {
    if (this.owed.length === 0) {
      try { return await this.ledger.add(items, now); } catch (err) { this.fail(err, items.length); }
    }
    this.owed.push({ items, at: now });
    return [];
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
      while (this.owed.length) { await this.ledger.add(this.owed[0].items, this.owed[0].at); this.owed.shift(); }
    } catch (err) {
      this.onError();
      return false;
    }
    this.log.info({}, 'disclosure ledger writable again: owed records written, deliveries resume');
    return true;
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
    if (this.owed.length) this.log.error({ events: this.events, batches: this.owed.length }, 'disclosure ledger records not written at shutdown (alert): those events were sent');
  }
}
