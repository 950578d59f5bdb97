/**
 * A compiled allow list: `properties.service_line`, `properties.*`, `campaign.*`, `page.path`.
 * A node reached by a pattern's last segment allows its whole subtree; `*` matches any key.
 */
export class AllowNode {
  private readonly children = new Map<string, AllowNode>();
  private wildcard: AllowNode | undefined;
  // The tree is immutable once compiled and `allows` is asked the same few literal paths per
  // event and destination: remember the answers instead of splitting the path every time.
  private readonly allowsMemo = new Map<string, boolean>();
  /** True when a pattern ends here: everything below is allowed. */
  terminal = false;

  static compile(patterns: readonly string[]): AllowNode {
    const root = new AllowNode();
    for (const p of patterns) root.add(p.split('.').filter((s) => s.length > 0));
    return root;
  }

  private add(segments: readonly string[]): void {
    if (segments.length === 0 || segments[0] === '**') { this.terminal = true; return; }
    const [head, ...rest] = segments;
    if (head === '*') {
      this.wildcard ??= new AllowNode();
      this.wildcard.add(rest.length ? rest : ['**']);
      return;
    }
    let child = this.children.get(head);
    if (!child) { child = new AllowNode(); this.children.set(head, child); }
    child.add(rest);
  }

  /** The node for a child key, or undefined when the key is not allowed. */
  child(key: string): AllowNode | undefined {
    if (this.terminal) return this;
    return this.children.get(key) ?? this.wildcard;
  }

  /** Whether a dotted path is allowed as a whole (e.g. `page.path`). */
  allows(path: string): boolean {
    const known = this.allowsMemo.get(path);
    if (known !== undefined) return known;
    let node: AllowNode | undefined = this;
    for (const seg of path.split('.')) {
      node = node.child(seg);
      if (!node) break;
    }
    // Bounded: callers pass code literals, but a caller passing data must not grow it forever.
    if (this.allowsMemo.size < 256) this.allowsMemo.set(path, node !== undefined);
    return node !== undefined;
  }

  private sig: string | undefined;

  /** A canonical text of the tree: two trees with the same signature allow the same paths. */
  signature(): string {
    if (this.sig === undefined) {
      const kids = [...this.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, n]) => `${JSON.stringify(k)}:${n.signature()}`);
      this.sig = `${this.terminal ? 'T' : ''}{${kids.join(',')}}${this.wildcard ? `*${this.wildcard.signature()}` : ''}`;
    }
    return this.sig;
  }

  /** Whether anything at or below `key` is allowed. */
  has(key: string): boolean {
    return this.child(key) !== undefined;
  }
}
