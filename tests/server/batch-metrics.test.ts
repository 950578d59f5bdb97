import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTH, post, startCollector, type Collector } from '../helpers/collector.js';

// A request's counter increments are added up and applied once (src/runtime-account.ts
// MetricTally): /metrics must still count every event of a batch, per label set, exactly.
const page = (id: string, path: string, extra: Record<string, unknown> = {}) => ({
  type: 'page', messageId: id, anonymousId: 'anon-m', properties: { path, ...extra },
  context: { page: { path, url: `https://www.northbay-health.example${path}` } },
});

/** Every sample of /metrics as `name{labels}` -> value. */
async function samples(c: Collector): Promise<Map<string, number>> {
  const text = await (await fetch(`${c.url}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(phiwall_[a-z_]+(?:\{[^}]*\})?) ([0-9.e+-]+)$/.exec(line);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

const delta = (before: Map<string, number>, after: Map<string, number>, key: string): number => (after.get(key) ?? 0) - (before.get(key) ?? 0);

describe('/metrics after a batch', () => {
  let c: Collector;
  beforeAll(async () => { c = await startCollector({ deliver: false }); });
  afterAll(async () => { await c.close(); });

  it('counts each event once per label set: ingested, routed, blocked, duplicates, identifier hits', async () => {
    const before = await samples(c);
    const batch = [
      page('m-1', '/services/cardiology'), page('m-2', '/services/oncology'), page('m-3', '/services/cardiology'),
      page('m-4', '/patient-portal/messages'), page('m-5', '/patient-portal/billing'),
      page('m-6', '/contact', { cta: 'reach me at jane.roe@example.com' }), page('m-7', '/contact', { cta: 'or john.doe@example.org' }),
    ];
    const r = await post(`${c.url}/v1/batch`, { batch }, { authorization: DEMO_AUTH });
    expect(r.json).toMatchObject({ success: true, accepted: 5, blocked: 2 });
    // The same request again: the five taken events are copies; the blocked ones, never remembered, are blocked again.
    const again = await post(`${c.url}/v1/batch`, { batch }, { authorization: DEMO_AUTH });
    expect(again.json).toMatchObject({ success: true, accepted: 5, blocked: 2 });
    const after = await samples(c);
    expect(delta(before, after, 'phiwall_events_ingested_total')).toBe(9);
    expect(delta(before, after, 'phiwall_events_duplicate_total')).toBe(5);
    expect(delta(before, after, 'phiwall_events_blocked_total{reason="patient_portal"}')).toBe(4);
    const routed = [...after.keys()].filter((k) => k.startsWith('phiwall_events_routed_total{'));
    expect(routed.length).toBeGreaterThan(0);
    // Each routed destination took the five accepted events once each.
    for (const k of routed) expect(delta(before, after, k)).toBe(5);
    const emailHits = [...after.keys()].filter((k) => k.startsWith('phiwall_identifier_hits_total{') && /email/i.test(k));
    expect(emailHits.reduce((n, k) => n + delta(before, after, k), 0)).toBeGreaterThanOrEqual(2);
  });
});
