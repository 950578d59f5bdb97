import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAttribution, attributionRows } from '../../src/aggregates/views.js';
import { AggregateDestination } from '../../src/destinations/aggregate.js';
import { REPO, post, readOutput, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';

const DAY = 86_400_000;
const NOW = Date.now();
const BACKEND = { authorization: 'Basic ' + Buffer.from('sched-key:').toString('base64') };
const config = `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
sites:
  - name: scheduling
    write_key: sched-key
    backend: true
destinations:
  rollup:
    type: aggregate
    allow: [event, visitor_id, page_group, campaign.*, click_ids.*, page.referrer, page.url, user_agent, properties.value]
    options: { dimensions: [event, channel], sums: [value], k: 11, grace_minutes: 0 }
  journeys:
    type: aggregate
    baa: true
    actions: { email: keep }
    allow: [event, anonymous_id, traits.email, campaign.*, click_ids.*, page.referrer, page.url, properties.value]
    options:
      dimensions: [channel]
      k: 11
      grace_minutes: 0
      attribution: { conversions: [Appointment Requested], models: [last_click, first_touch] }
`;

const iso = (daysAgo: number, h = 0) => new Date(Math.floor(NOW / DAY) * DAY - daysAgo * DAY + h * 3_600_000).toISOString();
const visitors = Array.from({ length: 12 }, (_, i) => `visitor-${String(i).padStart(4, '0')}-token`);

function journey(v: string, i: number) {
  const ctx = { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1' };
  const events: Record<string, unknown>[] = [
    { type: 'page', anonymousId: v, messageId: `m${i}-1`, timestamp: iso(4, 10), context: { ...ctx, campaign: { source: 'google', medium: 'cpc', name: 'cardio-fall' }, page: { url: 'https://www.northbay-health.example/services/cardiology?utm_source=google&utm_medium=cpc&utm_campaign=cardio-fall', path: '/services/cardiology' } } },
    { type: 'page', anonymousId: v, messageId: `m${i}-2`, timestamp: iso(3, 10), context: { ...ctx, page: { url: 'https://www.northbay-health.example/locations', path: '/locations', referrer: 'https://www.bing.com/search?q=clinic' } } },
    { type: 'page', anonymousId: v, messageId: `m${i}-3`, timestamp: iso(3, 10.1), context: { ...ctx, page: { url: 'https://www.northbay-health.example/doctors', path: '/doctors' } } },
    { type: 'identify', anonymousId: v, messageId: `m${i}-4`, timestamp: iso(3, 11), traits: { email: `patient${i}@mail.example` }, context: ctx },
  ];
  if (i < 6) events.push({ type: 'track', event: 'Appointment Requested', anonymousId: v, messageId: `m${i}-5`, timestamp: iso(2, 9), properties: { value: 100 }, context: ctx });
  return events;
}

describe('attribution through the collector: touches, online and offline conversions', () => {
  let c: Collector;
  let dest: AggregateDestination;
  beforeAll(async () => {
    c = await startCollector({ configPath: writeConfig(config) });
    const r = await post(`${c.url}/v1/batch`, { batch: visitors.flatMap(journey) });
    expect(r.status).toBe(200);
    dest = c.runtime.plan.destinations.find((d) => d.name === 'journeys')!.destination as AggregateDestination;
    await waitFor(async () => (await dest.store.conversions('journeys', 0, NOW)).length, (n) => n === 6);
    await waitFor(async () => (await c.runtime.spool.stats()).byDestination.rollup?.pending ?? 0, (n) => n === 0);
  }, 30_000);
  afterAll(async () => { await c.close(); });

  it('records two touches per visitor (navigation is not a touch) and keeps no raw identifier', async () => {
    const touches = await dest.store.touches('journeys', 0, NOW);
    expect(touches).toHaveLength(24);
    expect(new Set(touches.map((t) => t.channel))).toEqual(new Set(['paid_search', 'organic_search']));
    const db = readFileSync(join(c.dataDir, 'aggregates.db')).toString('latin1') + readFileSync(join(c.dataDir, 'aggregates.db-wal')).toString('latin1');
    expect(db).not.toContain('visitor-0');
    expect(db).not.toContain('mail.example');
  });

  it('joins offline conversions by visitor token and by email; pending, then confirmed; duplicates ignored', async () => {
    const offline = visitors.slice(6).map((v, j) => ({ id: `appt-${j}`, type: 'Appointment Booked', time: iso(1, 12), value: 250, status: 'pending', ...(j < 3 ? { visitor_token: v } : { email: ` Patient${j + 6}@Mail.example ` }) }));
    const first = await post(`${c.url}/v1/conversions`, { conversions: offline }, BACKEND);
    expect(first.status).toBe(200);
    expect(first.json.results).toEqual([{ destination: 'journeys', inserted: 6, confirmed: 0, duplicates: 0, unmatched: 0 }]);
    expect((await post(`${c.url}/v1/conversions`, { conversions: offline }, BACKEND)).json.results).toEqual([{ destination: 'journeys', inserted: 0, confirmed: 0, duplicates: 6, unmatched: 0 }]);
    const q = { model: 'last_click' as const, from: 0, to: NOW, lookbackMs: 90 * DAY, halfLifeMs: 7 * DAY };
    const before = await loadAttribution(dest.store, 'journeys', q);
    expect(before.conversions).toHaveLength(6);
    const confirm = offline.map((o) => ({ ...o, status: 'confirmed' }));
    expect((await post(`${c.url}/v1/conversions`, { conversions: confirm }, BACKEND)).json.results).toEqual([{ destination: 'journeys', inserted: 0, confirmed: 6, duplicates: 0, unmatched: 0 }]);
    expect((await post(`${c.url}/v1/conversions`, confirm[0], BACKEND)).json.results).toEqual([{ destination: 'journeys', inserted: 0, confirmed: 0, duplicates: 1, unmatched: 0 }]);
    const after = await loadAttribution(dest.store, 'journeys', q);
    expect(after.conversions).toHaveLength(12);
    const rows = attributionRows(after.journeys, after.conversions, q, { k: 11, mode: 'other' });
    const day = (d: number) => iso(d).slice(0, 10);
    expect(rows).toEqual([
      { day: day(2), model: 'last_click', row: 'withheld', reason: 'fewer than 11 conversions' },
      { day: day(1), model: 'last_click', row: 'withheld', reason: 'fewer than 11 conversions' },
    ]);
    const all = attributionRows(after.journeys, after.conversions.map((x) => ({ ...x, time: Date.parse(iso(1, 12)) })), q, { k: 11, mode: 'other' });
    expect(all).toEqual([
      { day: day(1), model: 'last_click', row: 'cell', channel: 'organic_search', campaign: '(none)', credit: 12, value: 2100, conversions: 12 },
      { day: day(1), model: 'last_click', row: 'total', channel: '(total)', campaign: '(total)', credit: 12, value: 2100, conversions: 12 },
    ]);
  });

  it('counts an unknown token as unmatched and refuses bad requests without echoing values', async () => {
    const r = await post(`${c.url}/v1/conversions`, { id: 'x1', type: 'Call', time: iso(1), visitor_token: 'nobody-knows-me', status: 'pending' }, BACKEND);
    expect(r.json.results).toEqual([{ destination: 'journeys', inserted: 1, confirmed: 0, duplicates: 0, unmatched: 1 }]);
    const browser = await post(`${c.url}/v1/conversions`, { id: 'x2', type: 'Call', time: iso(1), email: 'leaky@mail.example' });
    expect(browser.status).toBe(403);
    const bad = await post(`${c.url}/v1/conversions`, { id: 'x3', type: 'Call', time: iso(1), phone: '555-0100-leaky', gclid: 'secret-token-123!' }, BACKEND);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'PW_ERR_INVALID_CONVERSION' });
    expect(JSON.stringify(bad.json)).not.toMatch(/leaky|secret-token/);
    const future = await post(`${c.url}/v1/conversions`, { id: 'x4', type: 'Call', time: new Date(NOW + DAY).toISOString(), visitor_token: 'a' }, BACKEND);
    expect(future.status).toBe(400);
  });

  it('releases finished days to the file sink, never a cell below k, then late events only as corrections of >= k', async () => {
    const rollup = c.runtime.plan.destinations.find((d) => d.name === 'rollup')!.destination as AggregateDestination;
    const first = await rollup.release(NOW);
    expect(first.failed).toBeUndefined();
    const out = readOutput(c.dataDir, 'rollup');
    expect(out.length).toBeGreaterThan(0);
    for (const row of out) if (typeof row.count === 'number') expect(row.count).toBeGreaterThanOrEqual(11);
    expect(out.filter((r) => r.row === 'cell').map((r) => r.dimensions)).toContainEqual({ event: 'page_view', channel: 'paid_search' });
    // 3 late page views for day -4: held (fewer than k late events).
    const late = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ type: 'page', anonymousId: `late-${tag}-${i}`, messageId: `late-${tag}-${i}`, timestamp: iso(4, 12), context: { campaign: { source: 'google', medium: 'cpc', name: 'cardio-fall' } } }));
    await post(`${c.url}/v1/batch`, { batch: late(3, 'a') });
    await waitFor(async () => (await c.runtime.spool.stats()).byDestination.rollup?.pending ?? 0, (n) => n === 0);
    const held = await rollup.release(NOW);
    expect(held).toMatchObject({ held: 1, rows: 0 });
    await post(`${c.url}/v1/batch`, { batch: late(9, 'b') });
    await waitFor(async () => (await c.runtime.spool.stats()).byDestination.rollup?.pending ?? 0, (n) => n === 0);
    await rollup.release(NOW);
    const corrections = readOutput(c.dataDir, 'rollup').filter((r) => r.kind === 'correction');
    expect(corrections.find((r) => r.row === 'cell')).toMatchObject({ dimensions: { event: 'page_view', channel: 'paid_search' }, count: 24, events: 24, delta_count: 12 });
  });

  it('counts visitors, not events: one visitor repeating an event 30 times never reaches k', async () => {
    const rollup = c.runtime.plan.destinations.find((d) => d.name === 'rollup')!.destination as AggregateDestination;
    const spam = Array.from({ length: 30 }, (_, i) => ({ type: 'track', event: 'Brochure Downloaded', anonymousId: 'one-person', messageId: `spam-${i}`, timestamp: iso(5, 12) }));
    await post(`${c.url}/v1/batch`, { batch: spam });
    await waitFor(async () => (await c.runtime.spool.stats()).byDestination.rollup?.pending ?? 0, (n) => n === 0);
    const cells = await rollup.store.cells('rollup', 'event,channel', Date.parse(iso(5)), Date.parse(iso(4)));
    expect(cells).toMatchObject([{ count: 30, contributors: 1 }]);
    await rollup.release(NOW);
    const day5 = readOutput(c.dataDir, 'rollup').filter((r) => r.window_start === iso(5));
    expect(day5).toEqual([{ kind: 'aggregate', destination: 'rollup', k: 11, window: 'day', window_start: iso(5), row: 'withheld' }]);
  });
});

describe('admin reports app (mounted by the admin API)', () => {
  it('serves k-anonymous attribution and aggregates and rejects bad queries', async () => {
    const c = await startCollector({ configPath: writeConfig(config) });
    try {
      const { buildReportsApp } = await import('../../src/aggregates/admin-routes.js');
      await post(`${c.url}/v1/batch`, { batch: visitors.flatMap(journey) });
      const dest = c.runtime.plan.destinations.find((d) => d.name === 'journeys')!.destination as AggregateDestination;
      await waitFor(async () => (await dest.store.conversions('journeys', 0, NOW)).length, (n) => n === 6);
      // Six more online conversions the same day so the day reaches k.
      const more = visitors.slice(6).map((v, i) => ({ type: 'track', event: 'Appointment Requested', anonymousId: v, messageId: `more-${i}`, timestamp: iso(2, 9), properties: { value: 100 } }));
      await post(`${c.url}/v1/batch`, { batch: more });
      await waitFor(async () => (await dest.store.conversions('journeys', 0, NOW)).length, (n) => n === 12);
      const app = buildReportsApp(c.runtime);
      const day = iso(2).slice(0, 10);
      const r = await app.request(`/attribution?model=first-touch&from=${day}&to=${day}`);
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ destination: 'journeys', k: 11, rows: [
        { day, model: 'first_touch', row: 'cell', channel: 'paid_search', campaign: 'cardio-fall', credit: 12, value: 1200, conversions: 12 },
        { day, model: 'first_touch', row: 'total', channel: '(total)', campaign: '(total)', credit: 12, value: 1200, conversions: 12 },
      ] });
      const agg = await app.request(`/aggregates?destination=rollup&from=${iso(4).slice(0, 10)}&to=${day}`);
      const body = await agg.json() as { rows: { row: string; count?: number }[] };
      expect(body.rows.length).toBeGreaterThan(0);
      for (const row of body.rows) if (row.count !== undefined) expect(row.count).toBeGreaterThanOrEqual(11);
      expect((await app.request('/attribution?from=yesterday&to=today')).status).toBe(400);
    } finally {
      await c.close();
    }
  });
});
