import ipaddr from 'ipaddr.js';
import { UAParser } from 'ua-parser-js';
import { BoundedMemo } from '../../common/bounded-memo.js';

const ZIP_CODE = /^(\d{3})\d{2}(?:[- ]?\d{4})?$/;
// A ZIP field holding its label or the address's last line before the ZIP (`ZIP 02139`, `Springfield, MA 02139`): the ZIP-3 is
// kept and the words dropped with the rest, as for a bare ZIP (probe C: the whole value was dropped).
const ZIP_IN_TEXT = /^(?:(?:zip|postal)[ _-]?(?:code)?[ :#=-]*|[\p{L} .'-]{2,40},?[ ]+(?:[A-Za-z]{2}[ ]+)?)(\d{3})\d{2}(?:[- ]?\d{4})?$/iu;
const ONE_TO_THREE_DIGITS = /^\d{1,3}$/;

/** IPv4 to its /24, IPv6 to its /48; anything unparsable is dropped (undefined). */
export function truncateIp(value: string): string | undefined {
  const v = value.trim();
  const fast = dottedQuadPrefix(v);
  if (fast !== undefined) return fast;
  const fast6 = plainIpv6Prefix(v);
  if (fast6 !== undefined) return fast6;
  if (!ipaddr.isValid(v)) return undefined;
  const addr = ipaddr.parse(v);
  if (addr.kind() === 'ipv4') {
    const o = (addr as ipaddr.IPv4).octets;
    return `${o[0]}.${o[1]}.${o[2]}.0`;
  }
  const v6 = addr as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return truncateIp(v6.toIPv4Address().toString());
  const parts = v6.parts;
  return `${parts[0].toString(16)}:${parts[1].toString(16)}:${parts[2].toString(16)}::`;
}

/**
 * `a.b.c.0` for a canonical dotted-decimal IPv4 address (octets 0-255 without leading zeros),
 * else undefined so ipaddr.js decides (it reads leading zeros as octal, hex, short forms...).
 */
function dottedQuadPrefix(v: string): string | undefined {
  let octets = 0;
  let value = 0;
  let digits = 0;
  let lastDot = -1;
  let thirdDot = -1;
  for (let i = 0; i <= v.length; i++) {
    const c = i < v.length ? v.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255 || ++octets > 4) return undefined;
      if (octets === 3) thirdDot = i;
      lastDot = i;
      value = 0;
      digits = 0;
      continue;
    }
    if (c < 48 || c > 57) return undefined;
    if (digits === 1 && value === 0) return undefined;
    value = value * 10 + (c - 48);
    if (++digits > 3) return undefined;
  }
  return octets === 4 && lastDot === v.length ? `${v.slice(0, thirdDot)}.0` : undefined;
}

/** Hex groups of 1-4 digits, or undefined for anything else (empty, longer, other characters). */
function hexGroups(s: string): number[] | undefined {
  if (s === '') return [];
  const out: number[] = [];
  for (const g of s.split(':')) {
    if (g.length === 0 || g.length > 4) return undefined;
    let n = 0;
    for (let i = 0; i < g.length; i++) {
      const c = g.charCodeAt(i) | 0x20;
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (d < 0) return undefined;
      n = n * 16 + d;
    }
    out.push(n);
  }
  return out;
}

/**
 * The /48 of an IPv6 address written as hex groups of 1-4 digits with at most one `::` (no
 * zone, no embedded IPv4, not IPv4-mapped), as ipaddr.js would give it; else undefined so
 * ipaddr.js decides.
 */
function plainIpv6Prefix(v: string): string | undefined {
  const gap = v.indexOf('::');
  if (gap >= 0 && v.indexOf('::', gap + 1) >= 0) return undefined;
  const head = hexGroups(gap < 0 ? v : v.slice(0, gap));
  const tail = gap < 0 ? [] : hexGroups(v.slice(gap + 2));
  if (head === undefined || tail === undefined) return undefined;
  // Without `::` all eight groups; with it, `::` stands for at least one.
  if (gap < 0 ? head.length !== 8 : head.length + tail.length > 7) return undefined;
  const parts = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  if (parts[5] === 0xffff && parts[0] === 0 && parts[1] === 0 && parts[2] === 0 && parts[3] === 0 && parts[4] === 0) return undefined;
  return `${parts[0].toString(16)}:${parts[1].toString(16)}:${parts[2].toString(16)}::`;
}

/** HHS's 17 ZIP-3 areas with 20,000 or fewer people (2000 Census): they become 000. */
export const HHS_RESTRICTED_ZIP3: readonly string[] = ['036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893'];

/** First three ZIP digits, or `000` for restricted areas; non-ZIPs are dropped. */
export function zip3(value: string | number, restricted: ReadonlySet<string>): string | undefined {
  const text = String(value).trim();
  const digits = text.match(ZIP_CODE) ?? text.match(ZIP_IN_TEXT);
  if (!digits) return undefined;
  return restricted.has(digits[1]) ? '000' : digits[1];
}

/**
 * Safe Harbor's single "90 or older" category. Written `>=90` rather than `90+` so that no
 * output can read as an exact age of 90.
 */
export const AGE_TOP_CODE = '>=90';

// An age band as a form or a report writes it (`18-24`, `25–34 years`, `6-8 yrs`, `65+`, `under 18`, `18 and over`): a
// category, not a person's age, unless it tells an age over 89 (see toYear).
const AGE_RANGE = /^(\d{1,3})\s?(?:-|–|to)\s?(\d{1,3})(?:\s?(?:y|yo|yrs?|years?)(?: old)?\.?)?$/i;
const AGE_FROM = /^(\d{1,3})(?:\s?\+|\s(?:and|&|or)\s(?:over|older|up|above))(?:\s?(?:yrs?|years?))?$/i;
const AGE_BELOW = /^(?:under|below|<|less than)\s?(\d{1,3})(?:\s?(?:yrs?|years?))?$/i;

/** An age band's [lowest, highest] age as the decision reads it (an open band `65+` as [65, 65]), or undefined. */
function ageBand(s: string): [number, number] | undefined {
  const range = AGE_RANGE.exec(s);
  if (range !== null) { const a = +(range[1] as string), b = +(range[2] as string); return [Math.min(a, b), Math.max(a, b)]; }
  const from = AGE_FROM.exec(s);
  if (from !== null) return [+(from[1] as string), +(from[1] as string)];
  const below = AGE_BELOW.exec(s);
  return below === null ? undefined : [0, +(below[1] as string)];
}

const YEAR_IN_DATE = /\b(1[89]\d{2}|20\d{2})\b/;
const SHORT_YEAR_DATE = /^\s*\d{1,2}[/.-]\d{1,2}[/.-](\d{2})\s*$/;
// HL7 v2 / CDA time stamps (`19610305`, `196103051200-0500`): the year is the first four digits.
const COMPACT_DATE = /^\s*(1[89]\d{2}|20\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\d{2}){0,3}(?:\.\d{1,4})?(?:[+-]\d{4})?\s*$/;

/**
 * Dates to their year; a year (or age) that implies an age over 89 becomes "90 or older" (>=90). Ages are
 * numbers or numeric strings up to 3 digits when `ages` (the field holds an age); under a date's
 * own field such a number is a day or a month (`dob_d: 14`), an element of the date: dropped, as
 * is anything else unparsable.
 */
export function toYear(value: string | number, nowYear: number, ages = true): string | number | undefined {
  const s = String(value).trim();
  if (ONE_TO_THREE_DIGITS.test(s)) {
    if (!ages) return undefined;
    const age = Number(s);
    return age > 89 ? AGE_TOP_CODE : typeof value === 'number' ? value : s;
  }
  if (ages) {
    // A band that tells no age over 89 is kept as written; one wholly past 89 (`90-94`, `95+`) is Safe Harbor's top
    // category; one across 89 (`85-94`) would say neither truly, so it goes.
    const band = ageBand(s);
    if (band !== undefined) return band[1] <= 89 ? s : band[0] >= 90 ? AGE_TOP_CODE : undefined;
  }
  let year: number | undefined;
  const m = s.match(YEAR_IN_DATE) ?? s.match(COMPACT_DATE);
  if (m) year = Number(m[1]);
  else {
    const short = s.match(SHORT_YEAR_DATE);
    if (short) { const yy = Number(short[1]); year = yy + (yy > nowYear % 100 ? 1900 : 2000); }
  }
  if (year === undefined) return undefined;
  return nowYear - year > 89 ? AGE_TOP_CODE : String(year);
}

const uaCache = new BoundedMemo<string>(5000);

/** Browser family + major version, OS family, device type: e.g. "Chrome 131 / Windows / desktop". */
export function generalizeUa(ua: string): string {
  const hit = uaCache.get(ua);
  if (hit !== undefined) return hit;
  const r = new UAParser(ua).getResult();
  const browser = [r.browser.name ?? 'Other', r.browser.major].filter(Boolean).join(' ');
  const out = `${browser} / ${r.os.name ?? 'Other'} / ${r.device.type ?? 'desktop'}`;
  uaCache.set(ua, out);
  return out;
}
