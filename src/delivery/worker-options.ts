import type { BeforeCommit, LeasedItem } from '../spool/port.js';
import type { PolicyView } from './screen.js';

// The delivery workers' options and governance hooks (worker.ts).

export interface WorkerOptions {
  idlePollMs: number;
  /**
   * How long a partial batch lets the queue fill before the next lease, and how long wake()
   * waits before waking the loops. Without it every single-event request woke every loop, each
   * then leasing, sending and acking a row or two (8 lease transactions and up to 4 vendor POSTs
   * per request with 4 destinations). Default DEFAULT_LINGER_MS; the delay is invisible to vendors.
   */
  lingerMs?: number;
  /**
   * At low rates the linger grows up to this (adapt()): a round there is mostly fixed cost (lease, vendor
   * request, ack, ledger write, wake-ups). A destination's `delivery.max_linger_ms` wins; default DEFAULT_MAX_LINGER_MS.
   */
  maxLingerMs?: number;
  hooks?: DeliveryHooks;
  /** The running plan's policies: rows scrubbed under an older policy of this destination are re-checked (screen.ts). */
  policy?: PolicyView;
}

/** Governance taps on delivery (src/governance): suppression before send, the disclosure ledger after ack. */
export interface DeliveryHooks {
  /** Ids of leased items that must never be sent (opted-out subjects): they are dropped. A rejection sends nothing (leases expire). */
  withheld?(destination: string, items: readonly LeasedItem[]): Set<string> | Promise<Set<string>>;
  /** Items the destination confirmed, before their ack (a shared ledger answers asynchronously); returns work the ack commits with (BeforeCommit). */
  delivered?(destination: string, items: readonly LeasedItem[]): BeforeCommit | undefined | Promise<BeforeCommit | undefined>;
  /** False while the disclosure ledger owes records of sent batches: nothing is sent (rows wait in the spool). */
  ready?(): boolean | Promise<boolean>;
}
