import { BoundedMemo } from '../common/bounded-memo.js';
import { sha256Hex } from '../common/hash.js';
import { romanize } from './ga4-translit.js';
import { romanizeSyllabaries } from './ga4-syllabaries.js';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LOWER_THEN_UPPER = /([a-z0-9])([A-Z])/g;
const ASCII_RUNS = /[\x00-\x7f]+/g;
const NOT_LOWER_ALNUM_RUNS = /[^a-z0-9]+/g;
const EDGE_UNDERSCORES = /^_+|_+$/g;
const TRAILING_UNDERSCORES = /_+$/;
const LEADING_LOWER_LETTER = /^[a-z]/;
// GA4 naming rules (destinations spec §1.3/§1.4). GA silently drops what breaks them, so we
// rename instead: snake_case, [A-Za-z][A-Za-z0-9_]{0,39}, and reserved names get a prefix.

export const GA4_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const MAX_NAME = 40;

export const GA4_RESERVED_EVENTS: ReadonlySet<string> = new Set(
  (
    'ad_activeview ad_click ad_exposure ad_impression ad_query ad_reward adunit_exposure app_background ' +
    'app_clear_data app_exception app_remove app_store_refund app_store_subscription_cancel ' +
    'app_store_subscription_convert app_store_subscription_renew app_update app_upgrade dynamic_link_app_open ' +
    'dynamic_link_app_update dynamic_link_first_open error firebase_campaign first_open first_visit in_app_purchase ' +
    'notification_dismiss notification_foreground notification_open notification_receive os_update session_start ' +
    'session_start_with_rollout user_engagement'
  ).split(' '),
);
const RESERVED_PARAMS: ReadonlySet<string> = new Set(['firebase_conversion']);
export const GA4_RESERVED_PREFIX = /^(google_|ga_|firebase_)/;

// A letter or digit outside ASCII that survived folding and romanisation (CJK, Thai, Arabic...).
const UNSPELT = /[^\x00-\x7f]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A name in snake_case, and whether letters or digits were lost on the way (`lossy`). */
function spell(name: string): { snake: string; lossy: boolean } {
  const ascii = asciiSnakeCase(name);
  if (ascii !== undefined) return { snake: ascii, lossy: false };
  const folded = romanize(
    romanizeSyllabaries(name)
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .replace(LOWER_THEN_UPPER, '$1_$2')
      .toLowerCase(),
  );
  const lossy = UNSPELT.test(folded) && LETTER_OR_DIGIT.test(folded.replace(ASCII_RUNS, ''));
  return { snake: folded.replace(NOT_LOWER_ALNUM_RUNS, '_').replace(EDGE_UNDERSCORES, ''), lossy };
}

/** "Order Completed" / "orderCompleted" / "order-completed" -> "order_completed". */
export function toSnakeCase(name: string): string {
  return spell(name).snake;
}

const isLowerOrDigit = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/**
 * toSnakeCase for ASCII names in one pass, without five regex replaces (names are mapped per
 * event and destination); undefined for anything else (NFKD folding). Same steps: `_` between
 * a lower-case letter or digit and a capital (left to right, non-overlapping), lower case,
 * every run of other characters one `_`, none at either end.
 */
function asciiSnakeCase(name: string): string | undefined {
  let out = '';
  let gap = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (isLowerOrDigit(c) || isUpper(c)) {
      if (gap && out !== '') out += '_';
      gap = false;
      out += isUpper(c) ? String.fromCharCode(c + 32) : name[i];
      const next = name.charCodeAt(i + 1);
      if (isLowerOrDigit(c) && isUpper(next)) {
        out += '_' + String.fromCharCode(next + 32);
        i++;
      }
    } else gap = true;
  }
  return out;
}

function fit(name: string): string {
  return name.slice(0, MAX_NAME).replace(TRAILING_UNDERSCORES, '');
}

function finish(snake: string, prefix: string, reserved: (n: string) => boolean): string | undefined {
  let out = snake;
  if (!LEADING_LOWER_LETTER.test(out) || reserved(out)) out = `${prefix}${out}`;
  out = fit(out);
  // Truncation can land on a reserved name again ("evt_" + long name is safe; this is a guard).
  return GA4_NAME.test(out) && !reserved(out) ? out : undefined;
}

const reservedEvent = (n: string): boolean => GA4_RESERVED_EVENTS.has(n) || GA4_RESERVED_PREFIX.test(n);
const reservedParam = (n: string): boolean => RESERVED_PARAMS.has(n) || GA4_RESERVED_PREFIX.test(n);

/**
 * A GA4 event name. `lossy`: the name has letters the Measurement Protocol's [A-Za-z0-9_] cannot
 * spell (CJK ideographs, Thai, Arabic, Hebrew, Devanagari...), nothing spellable at all (🎉), or
 * more than 40 characters once spelt (tooLong):
 * it is then what could be spelt plus 8 hex of the name's SHA-256 (`evt_3fa2c1d0` when nothing
 * could), so two such names never merge into one event, and the sender's text goes along as the
 * `original_event_name` param (ga4-payload.ts).
 */
export interface Ga4EventName {
  readonly name: string;
  readonly lossy: boolean;
}

/**
 * What could be spelt of a name plus 8 hex of its SHA-256 (`prefix` + tag when nothing could),
 * kept within 40 characters and clear of reserved names and prefixes.
 */
function tagged(name: string, snake: string, prefix: string): string {
  const tag = sha256Hex(name).slice(0, 8);
  if (snake === '') return `${prefix}${tag}`;
  const start = LEADING_LOWER_LETTER.test(snake) && !GA4_RESERVED_PREFIX.test(snake) ? snake : `${prefix}${snake}`;
  return `${fit(start).slice(0, MAX_NAME - tag.length - 1).replace(TRAILING_UNDERSCORES, '')}_${tag}`;
}

/**
 * Longer than GA4's 40 characters once spelt (with its prefix when it needs one): cut to 40, two
 * long names sharing their first 40 characters (`Clicked hero CTA on the home page: Book now` /
 * `…: Learn more`) would merge, so such a name is cut shorter and tagged like an unspellable one.
 */
function tooLong(snake: string, prefix: string, reserved: (n: string) => boolean): boolean {
  return (!LEADING_LOWER_LETTER.test(snake) || reserved(snake) ? prefix.length : 0) + snake.length > MAX_NAME;
}

function sanitizeEvent(name: string): Ga4EventName | null {
  if (name.trim() === '') return null;
  const { snake, lossy } = spell(name);
  if (!lossy && snake !== '' && !tooLong(snake, 'evt_', reservedEvent)) {
    const plain = finish(snake, 'evt_', reservedEvent);
    return plain === undefined ? null : { name: plain, lossy: false };
  }
  return { name: tagged(name, snake, 'evt_'), lossy: true };
}

/**
 * A parameter name, spelt like an event name: one with letters GA4 cannot spell (`价格档`,
 * `الفئة`) or none at all (`🎯`) is its spellable part plus 8 hex of its SHA-256 (`p_1c0ffee2`),
 * so it reaches GA4 as a param of its own instead of being dropped, and two never merge.
 */
function sanitizeParam(name: string): string | null {
  if (name.trim() === '') return null;
  const { snake, lossy } = spell(name);
  if (!lossy && snake !== '' && !tooLong(snake, 'p_', reservedParam)) return finish(snake, 'p_', reservedParam) ?? null;
  return tagged(name, snake, 'p_');
}

// Event and property names repeat across events and are renamed for every event sent to GA4:
// the answers are remembered (bounded, like the field-name matches; null: nothing usable).
const eventNames = new BoundedMemo<Ga4EventName | null>(10_000);
const paramNames = new BoundedMemo<string | null>(10_000);

/** A valid, non-reserved GA4 event name, or undefined for a blank name. */
export function ga4EventName(name: string): Ga4EventName | undefined {
  let out = eventNames.get(name);
  if (out === undefined) {
    out = sanitizeEvent(name);
    eventNames.set(name, out);
  }
  return out ?? undefined;
}

/** A valid, non-reserved GA4 parameter name, or undefined. */
export function ga4ParamName(name: string): string | undefined {
  let out = paramNames.get(name);
  if (out === undefined) {
    out = sanitizeParam(name);
    paramNames.set(name, out);
  }
  return out ?? undefined;
}
