import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_CANARIES, PORTAL_CANARIES, leakedCanaries } from './helpers/canaries.js';
import { REPO, startCollectorProcess, waitUntil, type CollectorProcess } from './helpers/collector-process.js';

// gtag.js is not redistributable (no npm package, no internet here), so its hits are replayed from
// hand-built fixtures (tests/fixtures/gtag) to the collector process, as gtag would send them with
// `server_container_url` pointed at it: text/plain POSTs (or GETs), credentials, a page Origin.

const ORIGIN = 'http://127.0.0.1:8001';

function replay(collector: CollectorProcess, fixture: string, measurementId = 'G-DEMO000000'): Promise<Response> {
  const text = readFileSync(join(REPO, 'tests/fixtures/gtag', fixture), 'utf8');
  const [, method = 'GET', target = '', body = ''] = /^(\w+) (\S+)\r?\n\r?\n?([\s\S]*)$/.exec(text) ?? [];
  const url = new URL(target, collector.url);
  url.searchParams.set('tid', measurementId);
  return fetch(url, { method, headers: { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8' }, body: method === 'POST' ? body : undefined });
}

describe('gtag /g/collect hits through the collector', () => {
  let collector: CollectorProcess;
  beforeAll(async () => { collector = await startCollectorProcess(); });
  afterAll(async () => { await collector?.stop(); });

  it('answers 204 with CORS and delivers every event of a GET and a batched POST', async () => {
    const single = await replay(collector, 'single-page-view.txt');
    expect(single.status).toBe(204);
    expect(single.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect((await replay(collector, 'batched.txt')).status).toBe(204);
    const out = await waitUntil(() => collector.output(), (l) => l.length >= 4, 10_000, '4 gtag events');
    expect(out.map((l) => l.event_name ?? `page ${l.path}`).sort()).toEqual(['form_submit', 'page /contact', 'page /services', 'sign_up']);
    // cid is a device id: it must come out pseudonymized.
    expect(collector.outputText()).not.toContain('1849362211');
  });

  it('scrubs identifiers from event parameters and drops the portal page view', async () => {
    const before = collector.output().length;
    expect((await replay(collector, 'phi-lead.txt')).status).toBe(204);
    const out = await waitUntil(() => collector.output().slice(before), (l) => l.length >= 2, 10_000, '2 gtag events');
    await new Promise((r) => setTimeout(r, 300)); // a portal line would have been written with them
    expect(collector.output().slice(before).map((l) => l.event_name ?? `page ${l.path}`).sort()).toEqual(['generate_lead', 'page /contact']);
    expect(out.find((l) => l.event_name === 'generate_lead')?.properties).toEqual({ form_id: 'contact' });
    expect(leakedCanaries(collector.outputText(), [...FORM_CANARIES, ...PORTAL_CANARIES])).toEqual([]);
  });

  it('refuses hits for a measurement id no site accepts', async () => {
    const r = await replay(collector, 'single-page-view.txt', 'G-UNKNOWN');
    expect(r.status).toBeGreaterThanOrEqual(400);
  });
});
