// One delivery step per event-loop turn, across every destination's loops.
//
// A delivery round is synchronous between its awaits: lease, encode and write a vendor request;
// later, read the answer, record it in the disclosure ledger and ack. The loops of all
// destinations wake together (one linger timer, one sink answering them all), so their steps ran
// back to back in one timer or I/O phase: an ingest request that arrived meanwhile waited for all
// of them. setImmediate alone would not help: immediates queued in one phase all run in the next
// check phase, again back to back. Here each waiter gets its own turn: the next is resolved from
// an immediate queued inside the previous one's, which Node runs only after the next poll phase,
// so requests that arrived meanwhile are read between two destinations' steps.

export class Turns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Resolves in a later turn of the event loop, after the steps that asked before it, one per turn. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      // The waiter's step runs in this immediate's microtasks; the next waiter's in the next turn.
      this.waiting.shift()?.();
      if (this.waiting.length) this.schedule();
    });
  }
}

/** The process's turns: every destination worker's steps take turns with each other and with ingest. */
export const deliveryTurns = new Turns();
