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
});
