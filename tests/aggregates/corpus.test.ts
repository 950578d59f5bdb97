import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AggregateDestination } from '../../src/destinations/aggregate.js';
import { DEMO_AUTH, REPO, post, readOutput, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { leakCheck, type CaptureRow, type Label } from '../helpers/leak-check.js';

const corpusDir = join(REPO, 'tests/fixtures/corpus');
type Ev = { anonymousId?: string; timestamp?: string };
const events = readFileSync(join(corpusDir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { body: { batch: Ev[] } });
const labels = readFileSync(join(corpusDir, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Label);
const BACKEND = { authorization: 'Basic ' + Buffer.from('sched-key:').toString('base64') };

// Every dimension on, a generous allow list, and an attribution destination with a BAA:
// whatever leaves through the sinks must still be free of every planted identifier.
const config = `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
sites:
  - { name: scheduling, write_key: sched-key, backend: true }
destinations:
  rollup:
    type: aggregate
    allow: [event, visitor_id, page_group, name, page.*, campaign.*, click_ids.*, user_agent, properties.*, traits.*]
    options: { dimensions: [event, page_group, channel, campaign, device, region], sums: [value], grace_minutes: 0 }
  journeys:
    type: aggregate
    baa: true
    actions: { email: keep }
    allow: [event, anonymous_id, traits.email, campaign.*, click_ids.*, page.referrer, page.url, properties.value]
    options:
      dimensions: [channel, campaign]
      grace_minutes: 0
      attribution: { conversions: [Appointment Requested], models: [last_click, linear, time_decay, u_shaped, w_shaped, first_touch] }
`;

describe('the labelled dev corpus through aggregate destinations', () => {
  let c: Collector;
  beforeAll(async () => {
    c = await startCollector({ configPath: writeConfig(config) });
    // The corpus requests carry no headers of their own, so they can travel 100 events a request.
    const all = events.flatMap((e) => e.body.batch);
    for (let i = 0; i < all.length; i += 100) expect((await post(`${c.url}/v1/batch`, { batch: all.slice(i, i + 100) }, { authorization: DEMO_AUTH })).status).toBe(200);
    await waitFor(async () => Object.values((await c.runtime.spool.stats()).byDestination).reduce((s, d) => s + d.pending, 0), (n) => n === 0, 30_000);
    // Synthetic offline conversions: every corpus visitor books a day after their last event.
    const last = new Map<string, number>();
    for (const e of events) for (const ev of e.body.batch) if (ev.anonymousId && ev.timestamp) last.set(ev.anonymousId, Math.max(last.get(ev.anonymousId) ?? 0, Date.parse(ev.timestamp)));
    const conversions = [...last].map(([token, t], i) => ({ id: `booking-${i}`, type: 'Appointment Booked', time: new Date(Math.min(t + 3_600_000, Date.now())).toISOString(), value: 200, visitor_token: token }));
    for (let i = 0; i < conversions.length; i += 500) expect((await post(`${c.url}/v1/conversions`, { conversions: conversions.slice(i, i + 500) }, BACKEND)).status).toBe(200);
    for (const name of ['rollup', 'journeys']) {
      const d = c.runtime.plan.destinations.find((x) => x.name === name)!.destination as AggregateDestination;
      expect((await d.release(Date.now() + 2 * 86_400_000)).failed).toBeUndefined();
    }
  }, 120_000);
  afterAll(async () => { await c.close(); });

  // Only what the aggregate sinks released (the bundled config's local_file writes there too).
  const capture = (): CaptureRow[] => ['rollup', 'journeys'].flatMap((dest) => readOutput(c.dataDir, dest).map((body) => ({ dest, body })));

  it('releases rollups and attribution credits for every model', () => {
    const rows = capture().map((r) => r.body as Record<string, unknown>);
    expect(rows.filter((r) => r.kind === 'aggregate' && r.row === 'cell').length).toBeGreaterThan(5);
    const models = new Set(rows.filter((r) => r.kind === 'attribution' && r.row === 'cell').map((r) => r.model));
    expect(models).toEqual(new Set(['last_click', 'linear', 'time_decay', 'u_shaped', 'w_shaped', 'first_touch']));
  });

  it('never publishes a cell, other or total below k = 11, and hidden remainders are 0 or >= k', () => {
    const rows = capture().map((r) => r.body as Record<string, unknown>);
    for (const r of rows) if (typeof r.count === 'number') expect(r.count).toBeGreaterThanOrEqual(11);
    for (const r of rows) if (typeof r.conversions === 'number') expect(r.conversions).toBeGreaterThanOrEqual(11);
    const byTable = new Map<string, Record<string, unknown>[]>();
    for (const r of rows.filter((x) => x.kind === "aggregate")) { const key = `${String(r.destination)} ${String(r.window_start)}`; byTable.set(key, [...(byTable.get(key) ?? []), r]); }
    for (const table of byTable.values()) {
      const total = table.find((r) => r.row === 'total');
      if (!total) continue;
      const hidden = (total.count as number) - table.filter((r) => r.row === 'cell').reduce((s, r) => s + (r.count as number), 0);
      expect(hidden === 0 || hidden >= 11).toBe(true);
    }
  });

  it('leaks no planted identifier (ads scope included) and no trace of a blocked page', () => {
    const report = leakCheck(labels, capture(), /./);
    expect(report.leaks).toEqual([]);
    expect(report.violations).toEqual([]);
    // Aggregates carry no message ids: nothing per event is delivered, by design.
    expect(report.delivered).toBe(0);
  });
});
