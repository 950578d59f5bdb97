import { BoundedMemo } from '../common/bounded-memo.js';

// Free-text fields under longer names. `free_text_fields` lists whole normalized names (`message`, `notes`,
// `feedback`), and a personal text under a compound key went out scanned only: a gift card's `card_message`
// ("Get well soon Nell! Love, the Teague family") carried a surname no detector can find. A name is free text
// also when it is
// - a listed name before a word for its text (`feedback_text`, `comment_body`, `notes_value`), or
// - something's message, note or comment (`card_message`, `gift_note`, `tribute_comments`), unless that something is
//   the software's own (`error_message`, `commit_message`, `toast_message`, `release_notes`): those are the app's
//   words, not a person's.
const CONTAINERS = ['text', 'txt', 'body', 'content', 'value', 'input', 'field', 'html', 'string', 'raw'];
const TAILS = ['message', 'messages', 'msg', 'note', 'notes', 'comment', 'comments', 'remarks', 'dedication', 'inscription'];
const SYSTEM_HEADS: ReadonlySet<string> = new Set(['error', 'errors', 'err', 'status', 'toast', 'banner', 'alert', 'validation', 'system',
  'success', 'warning', 'warn', 'info', 'log', 'commit', 'exception', 'crash', 'debug', 'api', 'http', 'server', 'network', 'welcome',
  'empty', 'loading', 'release', 'patch', 'version', 'changelog', 'key', 'foot', 'bank', 'console', 'fallback', 'default', 'placeholder']);

const CACHE_MAX = 10_000;

/** The configured free-text names, and compound names of free text (see above), remembered per name. */
export class FreeTextNames extends Set<string> {
  private readonly compound = new BoundedMemo<boolean>(CACHE_MAX);

  override has(norm: string): boolean {
    if (super.has(norm)) return true;
    let hit = this.compound.get(norm);
    if (hit === undefined) {
      hit = this.compoundName(norm);
      this.compound.set(norm, hit);
    }
    return hit;
  }

  private compoundName(norm: string): boolean {
    for (const c of CONTAINERS) {
      if (norm.length > c.length + 3 && norm.endsWith(c) && super.has(norm.slice(0, -c.length))) return true;
    }
    for (const t of TAILS) {
      if (norm.length < t.length + 2 || !norm.endsWith(t) || !super.has(t)) continue;
      const head = norm.slice(0, -t.length);
      return !SYSTEM_HEADS.has(head);
    }
    return false;
  }
}
