// The disclosure ledger's field names of a delivered batch (src/audit/field-names.ts through
// summarize): names only, per destination and policy version, each listed once however many
// payloads carry it, at most 200 of a payload's own paths, objects by dotted key and arrays as `[]`.
import { describe, expect, it } from 'vitest';
import { summarize, type Disclosure } from '../../src/audit/ledger.js';
import type { JsonObject } from '../../src/common/json.js';

const now = Date.UTC(2026, 0, 5, 10, 30);
const sent = (payload: JsonObject, destination = 'webhook', policyVersion = 'v1'): Disclosure => ({ destination, messageId: 'm', policyVersion, payload });
const fieldsOf = (items: Disclosure[]) => summarize(items, now, false).counts.map((c) => [c.destination, c.policyVersion, c.events, c.fields]);

describe('ledger field names of a delivered batch', () => {
  it('lists each path once per destination and policy version, whatever the payloads share or add', () => {
    const row = (extra: JsonObject): JsonObject => ({ event_name: 'Form Submitted', consent: { ads: false }, items: [{ sku: 'a' } as JsonObject, { sku: 'b', qty: 2 }], ...extra });
    expect(fieldsOf([sent(row({})), sent(row({ utm_source: 'x' })), sent(row({ traits: {} })), sent(row({}), 'meta'), sent(row({ client: { os: {} } }), 'webhook', 'v2')])).toEqual([
      ['webhook', 'v1', 3, ['consent.ads', 'event_name', 'items[].qty', 'items[].sku', 'traits', 'utm_source']],
      ['meta', 'v1', 1, ['consent.ads', 'event_name', 'items[].qty', 'items[].sku']],
      ['webhook', 'v2', 1, ['client.os', 'consent.ads', 'event_name', 'items[].qty', 'items[].sku']],
    ]);
  });

  it('keeps at most 200 paths of one payload, and the next payload still adds its own', () => {
    const wide = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`k${String(i).padStart(3, '0')}`, i]));
    const [[, , , fields]] = fieldsOf([sent(wide), sent({ k249: 1, other: { deep: true } })]);
    expect(fields).toHaveLength(202);
    expect(fields).toContain('k199');
    expect(fields).not.toContain('k200');
    expect(fields).toEqual(expect.arrayContaining(['k249', 'other.deep']));
  });

  it('records a path nested past eight levels where the walk stops, and a repeated array element once', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } };
    expect(fieldsOf([sent({ ...deep, list: [[1, 2], [3]] })])[0][3]).toEqual(['a.b.c.d.e.f.g.h', 'list[][]']);
  });

  it('gives each payload its own paths whatever order or subset of keys the payloads before it had', () => {
    // The walk guesses each key from the key order it last saw at that path: payloads that reorder,
    // drop, add or repeat keys against it must still get exactly their own paths.
    let seed = 11;
    const rnd = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000) * n);
    const KEYS = ['a', 'b', 'c', 'event', 'params', '1', '0', '__proto__', 'toString'];
    const payload = (depth: number): JsonObject => {
      const o: JsonObject = {};
      for (let i = rnd(5); i > 0; i--) o[KEYS[rnd(KEYS.length)]] = depth < 2 && rnd(3) === 0 ? payload(depth + 1) : depth < 2 && rnd(4) === 0 ? [payload(depth + 1)] : i;
      return o;
    };
    const paths = (v: unknown, at: string, out: Set<string>): Set<string> => {
      if (Array.isArray(v)) { for (const item of v) paths(item, `${at}[]`, out); return out; }
      if (v !== null && typeof v === 'object') {
        const keys = Object.keys(v);
        if (keys.length === 0 && at) out.add(at);
        for (const k of keys) paths((v as JsonObject)[k], at ? `${at}.${k}` : k, out);
        return out;
      }
      if (at) out.add(at);
      return out;
    };
    for (let batch = 0; batch < 300; batch++) {
      const payloads = Array.from({ length: 1 + rnd(6) }, () => JSON.parse(JSON.stringify(payload(0))) as JsonObject);
      const union = new Set<string>();
      for (const p of payloads) {
        expect(fieldsOf([sent(p)])[0]?.[3] ?? [], JSON.stringify(p)).toEqual([...paths(p, '', new Set())].sort());
        paths(p, '', union);
      }
      expect(fieldsOf(payloads.map((p) => sent(p)))[0][3]).toEqual([...union].sort());
    }
  });
});
