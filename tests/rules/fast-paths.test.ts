import ipaddr from 'ipaddr.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';
import { toSnakeCase } from '../../src/destinations/ga4-names.js';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { analyzeEvent } from '../../src/pipeline/analyze.js';
import { canonicalPath, safeDecode } from '../../src/rules/canonical-path.js';
import { undoUrlEscapes } from '../../src/rules/form-decoded.js';
import { compileRules } from '../../src/rules/compile.js';
import { ALL_DETECTORS, findAll, redactText } from '../../src/rules/detectors/index.js';
import { truncateIp } from '../../src/rules/ops/generalize.js';
import { sanitizeUrl, type TextScanner } from '../../src/rules/ops/sanitize-url.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// The scrub engine takes shortcuts for the common case (plain ASCII paths, dotted-quad IPs,
// strings no detector can fire on). Each must answer exactly what the general algorithm
// answers: these compare them with reference copies of the general code on generated inputs.

const pieces = ['/', '//', '.', '..', '/./', '/../', '%2e', '%2F', '%25', '%', ';jsessionid=1', '\\', ' ', '\t', '?', '#', 'index', '.html', 'Patient-Portal', 'ＰＡＴＩＥＮＴ', 'K', 'é', 'en', 'es', 'a', 'Z', '9', '-', '_', '~', '@', '+', '&', '=', ':', '_next/data/', '.json', 'page-data', '_payload.json'];
const text = (n: number) => fc.array(fc.constantFrom(...pieces), { maxLength: n }).map((a) => a.join(''));

/** canonicalPath as written before its plain-path shortcut (the general algorithm). */
function referenceCanonical(urlOrPath: string, localePrefixes: ReadonlySet<string>): string {
  let s = urlOrPath.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#\\\uff0f]*/i, '');
  let cut0 = s.search(/[?#]/);
  // `&#45;` is a character reference, its `#` no fragment (a template escaped the address twice).
  if (cut0 > 0 && s[cut0] === '#' && s[cut0 - 1] === '&') { s = undoUrlEscapes(s, false); cut0 = s.search(/[?#]/); }
  const decoded = safeDecode(cut0 >= 0 ? s.slice(0, cut0) : s);
  let p = (/[^\x00-\x7f]/.test(decoded) ? decoded.normalize('NFKC') : decoded).toLowerCase().replace(/\\/g, '/');
  const cut = p.search(/[?#]/);
  if (cut >= 0) p = p.slice(0, cut);
  const out: string[] = [];
  for (const rawSeg of p.split('/')) {
    const seg = rawSeg.split(';')[0].trim();
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { out.pop(); continue; }
    if (seg.replace(/[.~]+$/, '') !== '') out.push(seg.replace(/[.~]+$/, ''));
  }
  // A single-page framework's data route (`/_next/data/<build>/x.json`, Gatsby's page-data, Nuxt's payload) is its page's path.
  const last = out[out.length - 1] ?? '';
  if (out.length >= 2 && last.endsWith('.json')) {
    if (last === '_payload.json' || last === 'payload.json') out.pop();
    else if (out[0] === 'page-data' && last === 'page-data.json') { out.pop(); out.shift(); }
    else if (out[0] === '_next' && out[1] === 'data' && out.length > 3) { out[out.length - 1] = last.slice(0, -5); out.splice(0, 3); }
  }
  const ext = /\.(s?html?|xhtml|php|aspx?|jspx?|cfm|cgi|pl|do|action|faces|nsf)$/;
  // Locale prefixes and region tags (`en-gb`, `es-419`), and a front controller before more segments.
  while (out.length && (localePrefixes.has(out[0]) || (/^[a-z]{2}[-_](?:[a-z]{2}|[0-9]{3}|latn|cyrl|hans|hant|arab|deva|beng|grek|hebr|jpan|kore|thai|geor|armn|ethi|taml|telu|guru|gujr|knda|mlym|sinh|khmr|laoo|mymr|tibt)$/.test(out[0]) && !/^m[yi][-_](?!mm$|nz$)/.test(out[0])) || (out.length > 1 && ext.test(out[0])))) out.shift();
  // An AMP cache's `/c/s/<host>/` before the page's own path.
  let cache = ['c', 'v', 'i'].includes(out[0]) ? 1 : 0;
  if (out[cache] === 's') cache++;
  if (cache > 0 && cache < out.length - 1 && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(out[cache]) && !ext.test(out[cache])) out.splice(0, cache + 1);
  if (out.length) out[out.length - 1] = out[out.length - 1].replace(ext, '');
  if (out.length && (out[out.length - 1] === 'index' || out[out.length - 1] === '')) out.pop();
  return '/' + out.join('/');
}

describe('scrub-engine shortcuts answer what the general algorithm answers', () => {
  it('canonical paths', () => {
    const locales = new Set(['en', 'es']);
    const prefixes = fc.constantFrom('', 'https://www.Example.org', 'HTTP://x.example:8080', '//host', 'a+b.c-D9://h', '1a://h', 'ab:c://h', '\x0b://h', 'a\x0d://h', 'é://h', '://h', 'x:/', 'svc://');
    fc.assert(fc.property(prefixes, text(12), (pre, path) => {
      expect(canonicalPath(pre + path, locales)).toBe(referenceCanonical(pre + path, locales));
    }), { numRuns: 5000 });
  });

  it('IP truncation', () => {
    // truncateIp as written before its dotted-quad shortcut (IPv4 inputs only here).
    const reference = (v: string): string | undefined => {
      const t = v.trim();
      if (!ipaddr.isValid(t)) return undefined;
      const o = (ipaddr.parse(t) as ipaddr.IPv4).octets;
      return `${o[0]}.${o[1]}.${o[2]}.0`;
    };
    const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '010', '0x1f', '08', '', '1e2'));
    const ip = fc.tuple(octet, octet, octet, octet, fc.integer({ min: 2, max: 5 }), fc.constantFrom('', ' ', '.')).map(([a, b, c, d, n, pad]) => pad + [a, b, c, d].slice(0, n).join('.') + pad);
    fc.assert(fc.property(ip, (v) => { expect(truncateIp(v)).toBe(reference(v)); }), { numRuns: 5000 });
  });

  it('IPv6 truncation', () => {
    // truncateIp as written before its IPv6 shortcut: ipaddr.js reads the address.
    const reference = (v: string): string | undefined => {
      const t = v.trim();
      if (!ipaddr.isValid(t)) return undefined;
      const addr = ipaddr.parse(t);
      if (addr.kind() === 'ipv4') return truncateIp((addr as ipaddr.IPv4).toString());
      const v6 = addr as ipaddr.IPv6;
      if (v6.isIPv4MappedAddress()) return truncateIp(v6.toIPv4Address().toString());
      return `${v6.parts[0].toString(16)}:${v6.parts[1].toString(16)}:${v6.parts[2].toString(16)}::`;
    };
    const group = fc.constantFrom('0', '1', 'ffff', 'FFFF', '2001', 'db8', '00000', 'abcde', 'g', '', '1.2.3.4', '%eth0', '0:0');
    const ip = fc.array(fc.oneof(group, fc.constantFrom(':', '::', ':::')), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(fc.property(ip, (v) => { expect(truncateIp(v)).toBe(reference(v)); }), { numRuns: 20000 });
    for (const v of ['2001:db8:85a3::8a2e:370:7334', '::', '::1', '1::', '1:2:3:4:5:6:7:8', '::ffff:1.2.3.4', '::ffff:102:304', '1:2:3:4:5:6:7::']) expect(truncateIp(v)).toBe(reference(v));
  });

  it('GA4 snake_case names', () => {
    const reference = (name: string) => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    const name = fc.array(fc.constantFrom('a', 'Z', 'bC', '9', '_', '__', ' ', '-', '.', 'é', 'Ö', '#', 'Order', 'completed'), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(fc.property(name, (n) => { expect(toSnakeCase(n)).toBe(reference(n)); }), { numRuns: 5000 });
  });

  it('detector prefilter: the same redactions and hits as running every detector', () => {
    const parts = ['jane.doe@example.com', 'a%40b.example', 'https://x.example/a', 'www.example.org', 'Bearer abcdefghij1', 'token=abcdef', 'x%3Dy', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop',
      'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'abcdefab-abcd-abcd-abcd-abcdefabcdef', 'MRN 1234567', '123-45-6789', '4111 1111 1111 1111', '1234567893', 'AB1234563', '1EG4-TE5-MK73',
      '1HGCM82633A004352', '(617) 555-0002', '192.168.1.20', 'ab:cd::ef', '2001:db8::1', '03/14/1961', 'March 14, 1961', 'zip 02115', 'Boston, MA 02115', 'abc12345xyz', '123456789012',
      ' ', 'the', 'Care', '.', ':', '-', '=', 'EARER', 'W', 'h', '7'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 3000 });
  });

  it('site-relative URLs read as the URL parser reads them', () => {
    const scanner: TextScanner = { hits: (t) => findAll(t, ALL_DETECTORS).length > 0, redact: (t) => redactText(t, ALL_DETECTORS) };
    const allow = new Set(['utm_source']);
    const base = 'http://relative.invalid';
    const segment = fc.constantFrom('', 'services', 'Cardiology', '12345678', 'jane@x.example', 'a-b_c~', '(x)', '!$*,;=:@+&', '%2e', '.', '..', '?utm_source=x', '#f', 'é', '%20');
    const path = fc.array(segment, { minLength: 1, maxLength: 6 }).map((a) => '/' + a.join('/'));
    fc.assert(fc.property(path, (p) => {
      if (p.startsWith('//')) return;
      // The absolute form always goes through the URL parser (and, without `\\` or whitespace,
      // resolves the path as the relative form does).
      const viaParser = sanitizeUrl(base + p, allow, scanner);
      const relative = sanitizeUrl(p, allow, scanner);
      expect(relative && { ...relative, url: base + relative.url }).toEqual(viaParser);
    }), { numRuns: 3000 });
  });

  it('page groups: the first-segment and combined tests never hide a group', () => {
    const plan = compileRules(loadConfig(writeConfig(`version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\n`)).rules, { dataDir: tempDir() });
    const segment = fc.constantFrom('conditions', 'Conditions', 'condition', 'drugs', 'health-library', 'services', 'cardiology', 'es', 'en', '', 'x', 'classes', 'library', 'cancer-care', 'locations', 'index.html');
    const path = fc.array(segment, { maxLength: 4 }).map((a) => '/' + a.join('/'));
    fc.assert(fc.property(path, (p) => {
      const info = analyzeEvent({ type: 'page', messageId: 'm', context: { page: { path: p } } }, plan.sites[0], plan, Date.now(), 'm');
      const group = plan.pageGroups.find((g) => g.res.some((re) => re.test(info.canonicalPagePath ?? '')));
      const sensitiveTerm = plan.sensitiveTerms !== undefined && info.checkPaths.some((c) => plan.sensitiveTerms!.test(c));
      expect(info.pageGroup).toBe(group?.name ?? (sensitiveTerm ? 'health_topic' : undefined));
    }), { numRuns: 2000 });
  });
});
