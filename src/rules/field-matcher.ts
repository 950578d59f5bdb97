import { personNameKey } from './name-keys.js';
import { normalizeFieldName } from './field-name.js';
import { formPartName } from './form-part-keys.js';
import { containsAsWordPart, wordStarts } from './key-words.js';
import { misreadKeys } from './key-misread.js';
import type { Action } from '../config/schema.js';
import { BoundedMemo } from '../common/bounded-memo.js';

export interface FieldRule {
  readonly id: string;
  readonly action: Action;
  readonly baaAction: Action;
  readonly textAction: 'redact' | 'drop';
  readonly matchKey?: string;
  readonly safeHarbor?: string;
  /** A bare 1-3 digit number under this rule is an age (`age: 93`), not a day or a month (see toYear). */
  readonly ages?: boolean;
}

const CACHE_MAX = 10_000;

export interface KeyMatch {
  readonly norm: string;
  readonly rule: FieldRule | undefined;
  /** The key itself may be an identifier (`{"jane@example.org": true}`): it has an `@`, a `%` or 7+ digits. */
  readonly suspect: boolean;
  /** The key is a person's name written `Surname, Given` (name-keys.ts): the entry goes with it. */
  readonly personKey: boolean;
}

/** Whether a key could be an email, phone, record or account number (see KeyMatch.suspect). */
function suspectKey(key: string): boolean {
  let digits = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 64 || c === 37) return true;
    if (c >= 48 && c <= 57 && ++digits >= 7) return true;
  }
  return false;
}

// The last bracketed part of a key a form posts (PHP, Rails, WPForms), when it is a name and not a number or a list's `[]`.
// A bare `[id]` is the id of what the key before it names (`wpforms[id]`: the form's), not a person's.
const LAST_BRACKET = /\[([A-Za-z_][\w-]{0,40})\]$/;

function bracketPart(key: string): string | undefined {
  if (key.charCodeAt(key.length - 1) !== 93) return undefined;
  const m = LAST_BRACKET.exec(key);
  return m !== null && m.index > 0 && m[1].toLowerCase() !== 'id' ? m[1] : undefined;
}

/** Where the last word of a several-word key begins in its normalized name (`mask` from key-words.ts wordStarts). */
function lastWordStart(mask: Uint8Array, length: number): number {
  let at = length - 1;
  while (at > 0 && mask[at] !== 1) at--;
  return at;
}

/**
 * Field-name matching on normalized names: exact names first, then substrings in declared
 * order. Results are memoized (field names repeat endlessly across events).
 */
export class FieldMatcher {
  private readonly cache = new BoundedMemo<FieldRule | null>(CACHE_MAX);

  constructor(
    private readonly exact: ReadonlyMap<string, FieldRule>,
    /** Needle, rule and the substrings that keep the needle from matching (the pack's not_containing). */
    private readonly containing: ReadonlyArray<readonly [string, FieldRule, ReadonlyArray<string>]>,
    /** Words matched only as a several-word key's last word (the pack's fields_last_word). */
    private readonly lastWords: ReadonlyMap<string, FieldRule> = new Map(),
  ) {}

  private readonly keys = new BoundedMemo<KeyMatch>(CACHE_MAX);

  /** A raw key's normalized name and rule: normalizing builds a new string, so it is remembered too. */
  matchKey(key: string): KeyMatch {
    let hit = this.keys.get(key);
    if (hit === undefined) {
      const norm = normalizeFieldName(key);
      const part = formPartName(key);
      // A key written in words is matched by words: a needle must begin or end one (key-words.ts).
      const mask = part === undefined || part === null ? wordStarts(key, norm.length) : null;
      hit = { norm, rule: mask === null ? this.match(part ?? norm) : this.lookup(norm, mask), suspect: suspectKey(key), personKey: personNameKey(key) };
      // A form's bracketed name (`wpforms[fields][3][last]`, `patient[dob]`) is read by its last named part.
      const inner = hit.rule === undefined ? bracketPart(key) : undefined;
      if (inner !== undefined) hit = { ...hit, rule: this.matchKey(inner).rule };
      // A misread key (`Pat1ent Name`, `Narne`) has the rule of what it reads as (key-misread.ts).
      for (const reading of hit.rule === undefined ? misreadKeys(key) : []) {
        const rule = this.matchKey(reading).rule;
        if (rule !== undefined) { hit = { ...hit, rule }; break; }
      }
      this.keys.set(key, hit);
    }
    return hit;
  }

  match(normalizedName: string): FieldRule | undefined {
    const hit = this.cache.get(normalizedName);
    if (hit !== undefined) return hit ?? undefined;
    const rule = this.lookup(normalizedName);
    this.cache.set(normalizedName, rule ?? null);
    return rule;
  }

  private lookup(name: string, mask: Uint8Array | null = null): FieldRule | undefined {
    const exact = this.exact.get(name);
    if (exact) return exact;
    for (const [needle, rule, not] of this.containing) {
      if (containsAsWordPart(name, needle, mask) && !not.some((n) => name.includes(n))) return rule;
    }
    return mask === null || this.lastWords.size === 0 ? undefined : this.lastWords.get(name.slice(lastWordStart(mask, name.length)));
  }

  /** Every rule with the names that trigger it (for explain). */
  describe(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [name, rule] of this.exact) out.set(rule.id, [...(out.get(rule.id) ?? []), name]);
    const excepted = new Map<string, ReadonlyArray<string>>();
    for (const [needle, rule, not] of this.containing) {
      out.set(rule.id, [...(out.get(rule.id) ?? []), `*${needle}*`]);
      if (not.length > 0) excepted.set(rule.id, not);
    }
    // The pack's not_containing, once per rule after its needles.
    for (const [id, not] of excepted) out.set(id, [...(out.get(id) ?? []), `not *${not.join('*, *')}*`]);
    for (const [word, rule] of this.lastWords) out.set(rule.id, [...(out.get(rule.id) ?? []), `*_${word}`]);
    return out;
  }
}
