import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REPO, post, readOutput, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';

// H54's blind pass: the same blocked page or identifier sent through each ingest channel (GA4
// gtag hits, RudderStack's text/plain beacon, Segment's batch) must get the same answer. The
// collector runs with the bundled rules plus a file destination that allows every property, so
// whatever the rules let through is visible in its output.

const HOST = 'https://www.ubc.example';
const OPEN = `include: [${JSON.stringify(join(REPO, 'rules/phiwall.yaml'))}]
destinations:
  open_ads: { type: file, allow: [event, name, visitor_id, page.path, page.url, page.title, page.referrer, properties.*, traits.*] }
`;

type Row = Record<string, unknown>;

describe('the same page and identifiers through every channel', () => {
  let c: Collector;
  beforeAll(async () => { c = await startCollector({ configPath: writeConfig(OPEN) }); });
  afterAll(async () => { await c.close(); });

  const gtag = (params: Record<string, string>): Promise<Response> =>
    fetch(`${c.url}/g/collect?${new URLSearchParams({ v: '2', tid: 'G-DEMO000000', cid: '7.1732800000', ...params })}`, { method: 'POST', headers: { 'content-type': 'text/plain' } });
  const beacon = (event: Row): Promise<Response> =>
    fetch(`${c.url}/beacon/v1/batch?writeKey=demo`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: JSON.stringify({ batch: [event] }) });
  /** The open destination's rows carrying `marker` in form_id, once the clean `sentinel` row is written. */
  async function rowsFor(markers: string[], sentinel: string): Promise<Map<string, Row[]>> {
    const rows = await waitFor(() => readOutput(c.dataDir, 'open_ads'), (r) => r.some((x) => JSON.stringify(x).includes(sentinel)));
    return new Map(markers.map((m) => [m, rows.filter((x) => (x.properties as Row | undefined)?.form_id === m)]));
  }

  it('reads GA4 items (pr1…) like Segment products: a prescription item blocks the hit, an item parameter is scrubbed by name', async () => {
    const sent = [
      await gtag({ en: 'add_to_cart', dl: `${HOST}/shop/otc`, pr1: 'idRX1~nmSertraline 50mg~caRx~pr12.5~qt1', 'ep.form_id': 'items-rx' }),
      await gtag({ en: 'add_to_cart', dl: `${HOST}/shop/otc`, pr1: 'idOTC1~nmGift card for Jane Okafor~caDevices~k0patient_email~v0jane.okafor@mailbox.example~pr12~qt2', 'ep.form_id': 'items-k0' }),
      await gtag({ en: 'view_item', dl: `${HOST}/shop/otc`, pr2: 'idOTC9~nmHeat pad~caHome~pr9', pr1: 'idOTC1~nmThermometer~caDevices~pr12~qt1', 'ep.form_id': 'items-clean' }),
    ];
    expect(sent.map((r) => r.status)).toEqual([204, 204, 204]);
    const out = await rowsFor(['items-rx', 'items-k0', 'items-clean'], 'items-clean');
    expect(out.get('items-rx')).toEqual([]);
    expect(JSON.stringify(out.get('items-k0'))).not.toMatch(/jane|okafor/i);
    expect((out.get('items-k0')![0]!.properties as Row).items).toEqual([{ item_id: 'OTC1', item_category: 'Devices', price: 12, quantity: 2 }]);
    // An item's name goes in as a Segment product's `name` and is treated like one: a plain title is the product's and is
    // scanned by the detectors; one saying who it is for (`Gift card for Jane Okafor`) is dropped (H59).
    expect((out.get('items-clean')![0]!.properties as Row).items).toEqual([
      { item_id: 'OTC1', name: 'Thermometer', item_category: 'Devices', price: 12, quantity: 1 },
      { item_id: 'OTC9', name: 'Heat pad', item_category: 'Home', price: 9 },
    ]);
  });

  it('blocks a verb-first event naming a patient\'s own area (GA4 style) on every channel; generic GA4 events flow', async () => {
    const names = ['view_test_results', 'pay_bill', 'requestRefill', 'View Lab Results', 'view_item', 'view_search_results'];
    for (const [i, en] of names.entries()) {
      expect((await gtag({ en, dl: `${HOST}/`, 'ep.form_id': `verb-g${i}` })).status).toBe(204);
      expect((await beacon({ type: 'track', event: en, messageId: `verb-b${i}`, anonymousId: 'r-2', properties: { form_id: `verb-b${i}` }, context: { page: { path: '/', url: `${HOST}/` } } })).status).toBe(200);
    }
    const markers = names.flatMap((_, i) => [`verb-g${i}`, `verb-b${i}`]);
    await gtag({ en: 'view_item', dl: `${HOST}/`, 'ep.form_id': 'verb-sentinel' });
    const out = await rowsFor(markers, 'verb-sentinel');
    expect(markers.filter((m) => out.get(m)!.length > 0)).toEqual(['verb-g4', 'verb-b4', 'verb-g5', 'verb-b5']);
  });

  it('reads RudderStack\'s tab_url as the page: a beacon whose only location is a portal tab URL is blocked', async () => {
    const ev = (id: string, page: Row | undefined, props: Row = {}): Row => ({
      type: 'track', event: 'Lead Submitted', messageId: id, anonymousId: 'r-1', properties: { form_id: id, ...props }, ...(page && { context: { page } }),
    });
    const sent = [
      await beacon(ev('tab-ctx', { tab_url: `${HOST}/patient-portal/messages`, referrer: '$direct', initial_referrer: '$direct' })),
      await beacon(ev('tab-props', undefined, { tab_url: `${HOST}/mychart/inbox` })),
      await beacon(ev('tab-clean', { tab_url: `${HOST}/locations`, url: `${HOST}/locations`, path: '/locations' })),
    ];
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200]);
    const out = await rowsFor(['tab-ctx', 'tab-props', 'tab-clean'], 'tab-clean');
    expect(out.get('tab-ctx')).toEqual([]);
    expect(out.get('tab-props')).toEqual([]);
    expect(out.get('tab-clean')).toHaveLength(1);
  });
});
