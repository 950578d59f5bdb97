/**
 * Items that arrive within `windowMs` of the first one, or while the previous group is still
 * committing, are committed together by one call of `commit` (one write transaction). Each
 * caller's promise settles only after that call: with its own result when it succeeded, with the
 * group's error when it failed (every caller of a failed group gets it, none is resolved).
 */
export class GroupCommit<T, R> {
  private group: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private committing: Promise<void> | undefined;

  /** `commit` returns one result per item, in order; a group is committed at once when it holds `maxItems`. */
  constructor(private readonly windowMs: number, private readonly maxItems: number, private readonly commit: (items: readonly T[]) => Promise<R[]>) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.group.push({ item, resolve, reject });
      if (this.committing) return; // taken by the commit after the one in flight
      if (this.group.length >= this.maxItems) this.start();
      else this.timer ??= setTimeout(() => this.start(), this.windowMs);
    });
  }

  /** Commits what waits now and resolves once nothing is left waiting or committing. */
  async flush(): Promise<void> {
    while (this.committing || this.group.length) {
      if (!this.committing) this.start();
      await this.committing;
    }
  }

  private start(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const group = this.group.splice(0, this.maxItems);
    if (group.length === 0) return;
    this.committing = this.commit(group.map((g) => g.item)).then(
      (results) => { group.forEach((g, i) => g.resolve(results[i])); },
      (err: unknown) => { for (const g of group) g.reject(err); },
    ).finally(() => {
      this.committing = undefined;
      // Items that came while this group committed have waited at least that long: committed now.
      if (this.group.length) this.start();
    });
  }
}
