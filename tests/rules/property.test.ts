import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// The worst case for leaks: a destination without a BAA that allows every property and trait,
// so only field rules and value detectors stand between an identifier and the output.
const config = writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  wide_open:
    type: file
    baa: false
    allow: [event, name, visitor_id, page_group, page.path, page.url, page.title, page.referrer, campaign.*, properties.*, traits.*, ip, user_agent, locale]
`);
const plan = compileRules(loadConfig(config).rules, { dataDir: tempDir() });
const ids = { idFor: () => 'pw_test' };

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const word = fc.stringMatching(/^[a-z]{3,9}$/);
const email = fc.tuple(word, word, fc.integer({ min: 1, max: 9999 }), word).map(([a, b, n, d]) => `${a}.${b}${n}@${d}.example`);
const phone = fc.tuple(fc.integer({ min: 201, max: 989 }), fc.integer({ min: 200, max: 999 }), digits(4), fc.constantFrom(0, 1, 2, 3, 4))
  .map(([a, e, s, f]) => [`(${a}) ${e}-${s}`, `${a}-${e}-${s}`, `${a}.${e}.${s}`, `+1 ${a} ${e} ${s}`, `1${a}${e}${s}`][f]);
const ssn = fc.tuple(fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }), fc.constantFrom('-', ' ', '.'))
  .map(([a, g, s, sep]) => `${String(a).padStart(3, '0')}${sep}${String(g).padStart(2, '0')}${sep}${String(s).padStart(4, '0')}`)
  .filter((s) => !['123-45-6789', '078-05-1120'].includes(s.replace(/[ .]/g, '-')));
const card = digits(14).map((body) => { const base = '4' + body; let sum = 0; for (let i = 0; i < 15; i++) { let d = Number(base[14 - i]); if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; } sum += d; } return base + ((10 - (sum % 10)) % 10); });
const ipv4 = fc.tuple(fc.integer({ min: 11, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((o) => o.join('.'));
const identifier = fc.oneof(
  email.map((v) => ({ kind: 'email', v })), phone.map((v) => ({ kind: 'phone', v })), ssn.map((v) => ({ kind: 'ssn', v })),
  card.map((v) => ({ kind: 'card', v })), ipv4.map((v) => ({ kind: 'ip', v })),
);
const neutralKey = fc.constantFrom('info', 'data', 'value', 'x', 'fieldA', 'contactInfo', 'meta', 'payload', 'item', 'detail2', 'entry');
const idKey = fc.constantFrom('EmailAddress', 'e-mail', 'eMail', 'user_email', 'Phone_Number', 'mobileNo', 'SSN', 'social_security', 'card_number', 'CreditCard', 'ip_address', 'clientIP');
const carrier = fc.constantFrom('raw', 'sentence', 'url', 'encoded-url', 'double-encoded-url');

function embed(v: string, how: string): string {
  switch (how) {
    case 'sentence': return `please contact me at ${v} tomorrow`;
    case 'url': return `https://www.northbay-health.example/services/x?ref=${v}&utm_source=mail`;
    case 'encoded-url': return `https://www.northbay-health.example/services/x?ref=${encodeURIComponent(v)}`;
    case 'double-encoded-url': return `https://www.northbay-health.example/services/x?ref=${encodeURIComponent(encodeURIComponent(v))}`;
    default: return v;
  }
}

function forms(kind: string, v: string): string[] {
  const lower = v.toLowerCase();
  const out = [lower, encodeURIComponent(lower).toLowerCase()];
  const d = v.replace(/\D/g, '');
  if (kind !== 'email' && kind !== 'ip') out.push(d);
  if (kind === 'phone' && d.length === 10) out.push('1' + d);
  for (const f of [lower, d]) { out.push(createHash('sha256').update(f).digest('hex'), createHash('md5').update(f).digest('hex')); }
  return out.filter((f) => f.length >= 6);
}

/** Puts a value at a random depth under a random path of keys. */
function plant(path: string[], value: string): Record<string, unknown> {
  let node: unknown = value;
  for (let i = path.length - 1; i >= 0; i--) node = { [path[i]]: node };
  return node as Record<string, unknown>;
}

describe('property: planted identifiers never leave', () => {
  it('raw, encoded, digits-only, SHA-256 and MD5 forms are absent from every output', () => {
    fc.assert(fc.property(identifier, fc.array(neutralKey, { minLength: 0, maxLength: 4 }), fc.oneof(neutralKey, idKey), carrier, fc.constantFrom('properties', 'traits', 'title', 'url', 'event'),
      ({ kind, v }, path, leafKey, how, where) => {
        const carried = embed(v, how);
        const ev: Record<string, unknown> = { type: 'track', event: 'Form Submitted', messageId: 'prop-1', anonymousId: 'a1', properties: {}, traits: {}, context: { page: { path: '/services/x', url: 'https://www.northbay-health.example/services/x' } } };
        if (where === 'properties' || where === 'traits') ev[where] = plant([...path, leafKey], carried);
        if (where === 'title') (ev.context as { page: Record<string, string> }).page.title = `Thanks ${carried}`;
        if (where === 'url') (ev.context as { page: Record<string, string> }).page.url = embed(v, how === 'raw' ? 'url' : how);
        if (where === 'event') ev.event = `Signup ${carried}`;
        const out = JSON.stringify(dryRunLine(ev as never, plan, ids)).toLowerCase();
        for (const f of forms(kind, v)) {
          if (out.includes(f)) throw new Error(`${kind} leaked as "${f}" via ${where}/${how}/${leafKey}`);
        }
      }), { numRuns: 400, seed: 42 });
  });

  it('names and addresses under identifying field names at any depth, in any casing, are dropped', () => {
    const nameKey = fc.constantFrom('firstName', 'LAST_NAME', 'full-name', 'patientName', 'Surname', 'givenName', 'streetAddress', 'address_line_1', 'home_address', 'emergency_contact', 'spouseName', 'employer');
    fc.assert(fc.property(fc.array(neutralKey, { maxLength: 3 }), nameKey, fc.stringMatching(/^[A-Z][a-z]{3,8}x\d{4}$/), fc.boolean(),
      (path, key, value, asFormField) => {
        const props = asFormField ? { fields: [{ name: key, value }] } : plant([...path, key], value);
        const ev = { type: 'track', event: 'Form Submitted', messageId: 'n1', anonymousId: 'a', properties: props };
        const out = JSON.stringify(dryRunLine(ev as never, plan, ids));
        expect(out).not.toContain(value);
      }), { numRuns: 200, seed: 7 });
  });
});

describe('property: blocked-path evasions stay blocked', () => {
  const blockedPaths = ['/patient-portal/messages', '/appointments/confirm', '/pharmacy/refill', '/billing/pay', '/intake/new-patient', '/mychart/login'];
  const mutate = fc.constantFrom('upper', 'encode-one', 'encode-all', 'double-encode', 'double-slash', 'dot-segment', 'dotdot', 'jsessionid', 'locale', 'trailing-slash', 'html', 'mixed');
  function evade(path: string, how: string, pick: number): string {
    const segs = path.split('/');
    switch (how) {
      case 'upper': return path.toUpperCase();
      case 'encode-one': { const i = pick % path.length; return path.slice(0, i) + '%' + path.charCodeAt(i).toString(16).toUpperCase() + path.slice(i + 1); }
      case 'encode-all': return [...path].map((ch) => (ch === '/' ? ch : '%' + ch.charCodeAt(0).toString(16))).join('');
      case 'double-encode': return encodeURIComponent(encodeURIComponent(path));
      case 'double-slash': return path.replace(/\//g, '//');
      case 'dot-segment': return path.replace(/\//g, '/./');
      case 'dotdot': return `/foo/../${path.slice(1)}`;
      case 'jsessionid': return `${segs.slice(0, 2).join('/')};jsessionid=ABC123/${segs.slice(2).join('/')}`;
      case 'locale': return `/es-US${path}`;
      case 'trailing-slash': return `${path}/`;
      case 'html': return `${path}.html`;
      default: return `/EN//${path.slice(1).toUpperCase()}/;x=1`;
    }
  }
  it('every mutation of every default blocked path is blocked, wherever the path travels', () => {
    fc.assert(fc.property(fc.constantFrom(...blockedPaths), mutate, fc.nat(1000), fc.constantFrom('path', 'url', 'props.url', 'referrer'),
      (path, how, pick, where) => {
        const evaded = evade(path, how, pick);
        const page: Record<string, string> = { path: '/services/x', url: 'https://www.northbay-health.example/services/x' };
        const props: Record<string, string> = {};
        if (where === 'path') page.path = evaded;
        if (where === 'url') page.url = `https://www.northbay-health.example${evaded}?x=1`;
        if (where === 'props.url') props.url = `https://www.northbay-health.example${evaded}`;
        if (where === 'referrer') page.referrer = `https://www.northbay-health.example${evaded}`;
        const ev = { type: 'page', messageId: 'blk', anonymousId: 'a', properties: props, context: { page } };
        const out = dryRunLine(ev as never, plan, ids);
        expect(out).toHaveLength(1);
        expect(out[0].blocked, `${where}: ${evaded}`).toBeDefined();
      }), { numRuns: 500, seed: 3 });
  });
});
