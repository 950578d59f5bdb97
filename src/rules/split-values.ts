// An identifier sent in pieces, each clean to the detectors on its own: an email or phone number as an
// array of characters (a per-character input widget: `["j","a","n","e","@","x",".","o","r","g"]`), as
// parts around an `@` (`["jane.doe", "@", "example.org"]`), or as an object's mailbox beside its domain
// (`{user: "jane.doe", domain: "example.org"}`). The pieces are joined into the text they spell and
// scanned: the whole array, or the mailbox, goes when that text holds an identifier.
import type { JsonObject, JsonValue } from '../common/json.js';
import type { ScrubContext } from './scrub-tree.js';

const AT = 64;

/** Whether an array of strings spells an identifier joined (only character arrays and arrays with an `@` piece are joined). */
export function spellsIdentifier(values: readonly JsonValue[], ctx: ScrubContext): boolean {
  const n = values.length;
  let chars = n >= 5, at = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'string' || v.length === 0) return false;
    if (v.length > 1) chars = false;
    if (v.charCodeAt(0) === AT || v.charCodeAt(v.length - 1) === AT) at = true;
    if (!chars && !at && v.length > 64) return false;
  }
  return (chars || at) && ctx.plan.scanner.hits((values as string[]).join(''), ctx.codeSite);
}

// Names a mailbox is sent under beside its domain.
const MAILBOX_KEYS = ['user', 'username', 'local', 'localpart', 'local_part', 'localPart', 'mailbox', 'login', 'account', 'handle', 'name', 'id', 'mail', 'box'];
const MAILBOX = /^[A-Za-z0-9._%+-]{1,64}$/;

/** Drops from `out` a mailbox that, with the domain beside it in `obj` (a key `domain` or `host`), spells an email address. */
export function dropMailbox(obj: JsonObject, out: JsonObject, ctx: ScrubContext): void {
  const domain = obj.domain ?? obj.host;
  if (typeof domain !== 'string' || domain.indexOf('.') < 0) return;
  for (const k of MAILBOX_KEYS) {
    const v = out[k];
    if (typeof v === 'string' && MAILBOX.test(v) && ctx.plan.scanner.hits(`${v}@${domain}`, ctx.codeSite)) { ctx.hits.push('email'); delete out[k]; }
  }
}
