import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeDecode } from '../../src/rules/canonical-path.js';
import { ALL_DETECTORS, findAll, redactText } from '../../src/rules/detectors/index.js';
import { sanitizeUrl, type TextScanner } from '../../src/rules/ops/sanitize-url.js';
import { parseUrl, plainUrl } from '../../src/rules/url-parts.js';
import { queryOf } from '../../src/pipeline/query.js';

// plainUrl reads common page URLs without the WHATWG parser: whenever it answers, every part
// the scrub engine reads must be what `new URL` gives (it may decline anything, never differ).

// Mostly pieces a plain URL is made of, now and then one that is not.
const mostly = (plain: string[], odd: string[]) => fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...plain) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
const hostPiece = mostly(['www', '.', '-', 'a', 'Z', '0', '9', 'example', '.org'], ['--', 'xn--', '0x1', '127', ':', ':443', ':80', '@', ' ', 'é', '%41', '.1']);
const piece = mostly(['/', '//', '.', 'a', 'Z', '9', '-', '?', '#', '%40', '=', '&', '+', ';', ':', '@', '~', '_', 'utm_source=x', 'mrn=1'],
  ['/./', '/../', '/.', '..', '\\', '??', '%', '%2e', "'", '"', '<', '`', '{', '|', '^', ' ', '\t', '\n', 'é', 'ｅ']);
const urlText = fc.tuple(
  fc.constantFrom('https://', 'http://', 'HTTP://', 'ftp://', ''),
  fc.array(hostPiece, { maxLength: 6 }),
  fc.array(piece, { maxLength: 12 }),
).map(([s, h, a]) => s + h.join('') + a.join(''));

function whatwg(s: string) {
  try {
    const u = new URL(s);
    return { protocol: u.protocol, host: u.host, hostname: u.hostname, pathname: u.pathname, search: u.search, params: [...u.searchParams] };
  } catch {
    return undefined;
  }
}

describe('plain URL shortcut', () => {
  it('answers what new URL answers, or declines', () => {
    let answered = 0;
    fc.assert(fc.property(urlText, (s) => {
      const p = plainUrl(s);
      if (p === undefined) return;
      answered++;
      expect({ protocol: p.protocol, host: p.host, hostname: p.hostname, pathname: p.pathname, search: p.search, params: [...p.searchParams] }).toEqual(whatwg(s));
    }), { numRuns: 20000 });
    expect(answered).toBeGreaterThan(300);
  });

  it('reads a URL with a query or fragment as plainUrl does, its base remembered from before (H193)', () => {
    type Parts = { protocol: string; host: string; hostname: string; pathname: string; search: string };
    const seen = (u: Parts | undefined) => u && { protocol: u.protocol, host: u.host, hostname: u.hostname, pathname: u.pathname, search: u.search };
    let plain = 0;
    fc.assert(fc.property(urlText, fc.constantFrom('', '?x=1', '#a', '?utm_source=x&mrn=1#f'), (s, other) => {
      const cut = s.search(/[?#]/);
      if (cut < 0) return;
      // The base read first (remembered), alone or with another query; then the URL itself.
      parseUrl(s.slice(0, cut) + other);
      const p = plainUrl(s);
      if (p !== undefined) plain++;
      expect(seen(parseUrl(s))).toEqual(seen(p ?? whatwg(s)));
    }), { numRuns: 20000 });
    expect(plain).toBeGreaterThan(100);
  });

  it('takes the common page URLs', () => {
    for (const s of ['https://www.northbay-health.example/services/cardiology', 'https://www.northbay-health.example/?utm_source=news&email=a%40b.example', 'http://a.example']) {
      expect(plainUrl(s)).toBeDefined();
    }
  });

  it('keeps the query parameters URLSearchParams would keep, encoded as it encodes them', () => {
    const scanner: TextScanner = { hits: (t) => findAll(t, ALL_DETECTORS).length > 0, redact: (t) => redactText(t, ALL_DETECTORS) };
    const allow = new Set(['utm_source', 'utm_medium']);
    // sanitizeUrl's query as written before its hand-split shortcut.
    const reference = (u: string) => {
      const kept = new Map<string, string>();
      for (const [key, value] of new URL(u).searchParams) {
        const k = key.toLowerCase();
        if (allow.has(k) && !scanner.hits(value) && !scanner.hits(safeDecode(value))) kept.set(k, value);
      }
      return { query: kept, search: kept.size ? '?' + new URLSearchParams([...kept]).toString() : '' };
    };
    const piece = fc.constantFrom('utm_source', 'UTM_Medium', 'utm%5Fsource', 'utm_medium', 'a', '=', '==', '&', '&&', 'news', ' ', '+', '%20', '%40', '%', '%zz', ':', '/', '@', '!', '*', "'", '~', '(', 'é', '\u{1F600}', 'x@y.example', '123-45-6789', '?', '#x');
    const url = fc.array(piece, { maxLength: 12 }).map((a) => 'https://www.example.org/p?' + a.join(''));
    fc.assert(fc.property(url, (u) => {
      const out = sanitizeUrl(u, allow, scanner)!;
      const ref = reference(u);
      expect(out.query).toEqual(ref.query);
      expect(out.url).toBe('https://www.example.org/p' + ref.search);
    }), { numRuns: 5000 });
  });

  it('reads query parameters (campaign, click ids) as URLSearchParams reads them', () => {
    // queryOf before it decoded only the values asked for: a plain query split by hand, any
    // other through URLSearchParams.
    const reference = (url: string) => (name: string): string | null => {
      const q = url.indexOf('?');
      if (q < 0) return null;
      const hash = url.indexOf('#', q);
      const qs = url.slice(q + 1, hash < 0 ? undefined : hash);
      if (/[%+\u0080-\uffff]/.test(qs)) return new URLSearchParams(qs).get(name);
      for (const part of qs.split('&')) {
        const eq = part.indexOf('=');
        if (part !== '' && (eq < 0 ? part : part.slice(0, eq)) === name) return eq < 0 ? '' : part.slice(eq + 1);
      }
      return null;
    };
    const names = ['gclid', 'fbclid', 'utm_source', 'utm_campaign', 'utm%5Fsource', 'gcl+id', 'é'];
    const piece = fc.oneof(fc.constantFrom(...names), fc.constantFrom('=', '&', '?', '#', 'x', '%20', '%zz', '%', '+', ' ', 'é', '\ud800', 'spring%20sale', 'a%40b'));
    const url = fc.array(piece, { maxLength: 10 }).map((a) => 'https://www.example.org/p?' + a.join(''));
    fc.assert(fc.property(url, (u) => {
      const get = queryOf(u);
      const ref = reference(u);
      for (const n of names) expect(get(n)).toBe(ref(n));
    }), { numRuns: 5000 });
  });
});
