import { isAsciiAlnum, isAsciiLetter, isDigit, resetAt } from './scan.js';
import type { Detection } from './types.js';

// A handle mentioned in a post, a comment or a chat line (`@JaneDoe mentioned you`, `thanks @maria_g!`, `cc @torvald.n`).
// A bare `@word` is many things besides a person: a style sheet's at-rule (`@media`, `@font-face`), a decorator or a doc
// tag (`@Component(`, `@param`), a chat's group mention (`@here`), a package scope (`@segment/analytics-next`), a
// picture's density (`logo@2x.png`, after a letter: the email detector's), the site's own account (`Follow us
// @NorthbayHealth`). So a mention counts when the handle has a handle's shape (an underscore, letters with digits, a dot
// or dash inside) or a word around it says a person is addressed or acted.

// What may come before a mention's `@`; a no-break and an ideographic space too.
const MENTION_BEFORE = ' \t\n\r([{"\',;:!?>*~|\u00a0\u3000';

const HANDLE_RE = /@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])?)/y;

// At-rules, doc tags, directives and group mentions whose shape could pass for a handle's, or that follow a cue word.
const NOT_PEOPLE = new Set(['media', 'import', 'font-face', 'keyframes', 'supports', 'charset', 'namespace', 'page', 'layer', 'container',
  'property', 'tailwind', 'apply', 'include', 'mixin', 'extend', 'use', 'forward', 'at-root', 'each', 'if', 'else', 'return', 'function',
  'ts-ignore', 'ts-expect-error', 'ts-nocheck', 'ts-check', 'param', 'returns', 'type', 'typedef', 'example', 'deprecated', 'see', 'link',
  'here', 'channel', 'everyone', 'all', 'team', 'admin', 'mention', 'mentions', 'counter-style', 'font-feature-values', 'view-transition',
  'starting-style', 'scope', 'document', 'viewport', '-webkit-keyframes', '-moz-document', 'babel', 'types', 'angular', 'vue', 'nestjs']);

// A word before the handle that addresses or credits a person.
const CUE_BEFORE = /(?:^|[^A-Za-z])(?:thanks|thank[ ]you|thx|ty|cc|bcc|hi|hey|hello|dear|ping|pinging|ask|tag|tagging|to|congrats|congratulations|kudos[ ]to|sorry|with|and|&|re|by|via|per|from|@)[ ,:!]{0,3}$/i;
// A verb after the handle that says a person acted (`@LorcanFey mentioned you`, `@CorisandeP replied`).
const VERB_AFTER = /^[ ]{1,2}(?:mentioned|replied|commented|tagged|liked|shared|said|says|wrote|posted|sent|invited|followed|reacted|joined|asked|answered|messaged|responded|is|was|has|had|can|could|will|did|and[ ]I)(?![A-Za-z])/i;

const DENSITY = /^[0-9]+x$/i;

function shaped(handle: string): boolean {
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < handle.length; i++) {
    const c = handle.charCodeAt(i);
    if (c === 95) return true;
    if (isDigit(c)) digits++;
    else if (isAsciiLetter(c)) letters++;
    else if (i > 0 && isAsciiLetter(handle.charCodeAt(i - 1)) && isAsciiLetter(handle.charCodeAt(i + 1))) return letters > 0;
  }
  // `@2x`, `@3x`: a picture's density, never a handle.
  return letters > 0 && digits > 0 && !DENSITY.test(handle);
}

const DASHES = /-/g;
const SEPARATORS = /[._-]/g;

/** The site's own account: the handle spells its domain's first label (`@NorthbayHealth` on `northbay-health.example`). */
export function ownAccount(handle: string, site: string): boolean {
  if (site === '') return false;
  const dot = site.indexOf('.');
  const label = (dot < 0 ? site : site.slice(0, dot)).replace(DASHES, '');
  return label.length >= 3 && handle.toLowerCase().replace(SEPARATORS, '') === label;
}

/** Mentions of a person's handle; each `@` after a space, a bracket, a quote or punctuation. */
export function scanMentions(text: string, out: Detection[], kind: string, site: string): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    // Only after a space, an opening bracket or quote or a sentence's punctuation: an invisible mark or any other character
    // before it may sit inside an address (`ingrid.vosk\u200f@mail.example`, the email detector's).
    if (at > 0 && !MENTION_BEFORE.includes(text[at - 1])) continue;
    const m = resetAt(HANDLE_RE, at).exec(text);
    if (m === null) continue;
    const end = at + m[0].length;
    const next = text.charCodeAt(end);
    // An address, a scope or a call: `@x@host`, `@scope/pkg`, `@Input(`, `@media{`.
    if (next === 64 || next === 47 || next === 40 || next === 123 || (next === 46 && isAsciiAlnum(text.charCodeAt(end + 1)))) continue;
    const handle = m[1];
    if (NOT_PEOPLE.has(handle.toLowerCase()) || ownAccount(handle, site)) continue;
    const cued = CUE_BEFORE.test(text.slice(Math.max(0, at - 24), at)) || VERB_AFTER.test(text.slice(end, end + 24));
    if (!cued && !shaped(handle)) continue;
    out.push({ start: at, end, kind });
    at = end - 1;
  }
}
