import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTH, post, readOutput, startCollector, waitFor, type Collector } from '../helpers/collector.js';

const page = (id: string, path = '/services/cardiology') => ({
  type: 'page', messageId: id, anonymousId: 'anon-1', properties: { path },
  context: { page: { path, url: `https://www.northbay-health.example${path}` } },
});

describe('Segment-compatible ingest', () => {
  let c: Collector;
  beforeAll(async () => { c = await startCollector(); });
  afterAll(async () => { await c.close(); });

  it.each(['batch', 'b'])('accepts /v1/%s and delivers to the file destination', async (route) => {
    const id = `batch-${route}`;
    const r = await post(`${c.url}/v1/${route}`, { batch: [page(id)] });
    expect(r.status).toBe(200);
    expect(r.json.success).toBe(true);
    const out = await waitFor(() => readOutput(c.dataDir), (rows) => rows.some((x) => x.message_id === id));
    expect(out.find((x) => x.message_id === id)?.path).toBe('/services/cardiology');
  });

  it.each([
    ['track', { event: 'Form Submitted' }], ['t', { event: 'Form Submitted' }], ['page', {}], ['p', {}],
    ['identify', { userId: 'u1' }], ['i', { userId: 'u1' }], ['screen', {}], ['s', {}],
    ['group', { userId: 'u1', groupId: 'g1' }], ['g', { userId: 'u1', groupId: 'g1' }],
    ['alias', { userId: 'u1', previousId: 'a1' }], ['a', { userId: 'u1', previousId: 'a1' }],
  ])('accepts single events on /v1/%s', async (route, extra) => {
    const r = await post(`${c.url}/v1/${route}`, { messageId: `single-${route}`, anonymousId: 'anon-2', ...extra });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ success: true, accepted: 1 });
  });

  // Segment's HTTP API: on a single call the route names the kind. A body `type` saying otherwise
  // does not turn a track call into an identify (nor a page call into an alias).
  it('treats a single-event call as the route\'s type, whatever the body\'s type says', async () => {
    const r = await post(`${c.url}/v1/t`, { type: 'identify', event: 'Route Wins', messageId: 'route-t', anonymousId: 'anon-r' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ success: true, accepted: 1 });
    const out = await waitFor(() => readOutput(c.dataDir), (rows) => rows.some((x) => x.message_id === 'route-t'));
    expect(out.find((x) => x.message_id === 'route-t')).toMatchObject({ event_type: 'track', event_name: 'Route Wins' });
    const p = await post(`${c.url}/v1/page`, { ...page('route-p'), type: 'alias', previousId: 'old-id' });
    expect(p.status).toBe(200);
    const pages = await waitFor(() => readOutput(c.dataDir), (rows) => rows.some((x) => x.message_id === 'route-p'));
    expect(pages.find((x) => x.message_id === 'route-p')).toMatchObject({ event_type: 'page', path: '/services/cardiology' });
  });

  it('validates a single-event call as the route\'s type: an identify body without event name on /v1/track is refused', async () => {
    const r = await post(`${c.url}/v1/track`, { type: 'identify', userId: 'u-route', messageId: 'route-bad' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ success: false, error: { code: 'PW_ERR_NO_EVENTS' } });
    expect((r.json.rejected as { message: string }[])[0]!.message).toMatch(/invalid event: event/);
    // A `type` that is structure, not a kind, is judged as sent: refused.
    const hostile = await post(`${c.url}/v1/t`, { type: [{ kind: 'identify' }], event: 'X', messageId: 'route-obj', anonymousId: 'a' });
    expect(hostile.status).toBe(400);
  });

  it('takes the write key from the body when there is no Authorization header', async () => {
    const r = await post(`${c.url}/v1/batch`, { writeKey: 'demo', batch: [page('wk-body')] }, { authorization: '' });
    expect(r.status).toBe(200);
  });

  it('accepts text/plain bodies (what sendBeacon sends) and the RudderStack beacon path', async () => {
    const body = JSON.stringify({ batch: [page('beacon-1')] });
    const r = await fetch(`${c.url}/beacon/v1/batch?writeKey=demo`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body });
    expect(r.status).toBe(200);
  });

  it('rejects an unknown write key with 401 and a JSON error', async () => {
    const r = await post(`${c.url}/v1/batch`, { batch: [page('x')] }, { authorization: 'Basic ' + Buffer.from('nope:').toString('base64') });
    expect(r.status).toBe(401);
    expect(r.json.error).toMatchObject({ code: 'PW_ERR_UNAUTHORIZED' });
  });

  it('answers CORS preflight with the exact origin and the headers real SDKs send', async () => {
    const r = await fetch(`${c.url}/v1/batch`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-retry-count' } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(r.headers.get('access-control-allow-credentials')).toBe('true');
    for (const h of ['Authorization', 'AnonymousId', 'SentAt', 'Content-Type', 'X-Retry-Count']) expect(r.headers.get('access-control-allow-headers')).toContain(h);
  });

  it('refuses preflight and posts from an origin the site does not allow', async () => {
    const pre = await fetch(`${c.url}/v1/batch`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(403);
    const r = await post(`${c.url}/v1/batch`, { batch: [page('evil')] }, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const ok = await post(`${c.url}/v1/batch`, { batch: [page('good-origin')] }, { origin: 'http://127.0.0.1:5173' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
  });

  it('applies the same origin rule to gtag hits on /g/collect', async () => {
    const hit = `${c.url}/g/collect?v=2&tid=G-DEMO000000&cid=1.2&en=page_view&dl=${encodeURIComponent('https://www.northbay-health.example/services/x')}`;
    expect((await fetch(hit, { method: 'POST', headers: { origin: 'https://evil.example' } })).status).toBe(403);
    const ok = await fetch(hit, { method: 'POST', headers: { origin: 'http://localhost:3000' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('rejects malformed JSON with 400 naming the problem', async () => {
    const r = await post(`${c.url}/v1/batch`, '{"batch": [', {});
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'PW_ERR_MALFORMED_JSON' });
  });

  it('rejects unsupported content types with 415', async () => {
    const r = await post(`${c.url}/v1/batch`, { batch: [] }, { 'content-type': 'application/xml' });
    expect(r.status).toBe(415);
  });

  it('rejects a body over 500 KB with 413 naming the limit', async () => {
    const big = { batch: [{ ...page('big'), properties: { pad: 'x'.repeat(600 * 1024) } }] };
    const r = await post(`${c.url}/v1/batch`, big);
    expect(r.status).toBe(413);
    expect(String((r.json.error as { message: string }).message)).toContain('512000');
  });

  it('rejects one oversized event in a batch on its own and keeps the rest', async () => {
    const r = await post(`${c.url}/v1/batch`, { batch: [page('ok-1'), { ...page('too-big'), properties: { pad: 'y'.repeat(40 * 1024) } }, page('ok-2')] });
    expect(r.status).toBe(200);
    expect(r.json.accepted).toBe(2);
    expect(r.json.rejected).toEqual([{ index: 1, code: 'PW_ERR_EVENT_TOO_LARGE', message: expect.stringContaining('32768') }]);
  });

  it('rejects events nested too deep or with too many keys', async () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 30; i++) deep = { d: deep };
    const wide = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, i]));
    const r = await post(`${c.url}/v1/batch`, { batch: [{ ...page('deep'), properties: deep }, { ...page('wide'), properties: wide }, page('fine')] });
    expect(r.status).toBe(200);
    expect((r.json.rejected as { code: string }[]).map((x) => x.code)).toEqual(['PW_ERR_TOO_DEEP', 'PW_ERR_TOO_MANY_KEYS']);
  });

  it('counts distinct key names, not list entries: 500 products of 3 keys within 32 KB are one event, as Segment takes them', async () => {
    const products = Array.from({ length: 500 }, (_, i) => ({ product_id: `p${i}`, price: 1 + (i % 7), quantity: 1 }));
    const tags = Array.from({ length: 400 }, (_, i) => `t${i}`);
    const r = await post(`${c.url}/v1/batch`, { batch: [{ ...page('long-list'), properties: { products, tags } }, page('fine-2')] });
    expect(r.status).toBe(200);
    expect(r.json.accepted).toBe(2);
    expect(r.json.rejected ?? []).toEqual([]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects an event carrying a %s key and pollutes nothing', async (key) => {
    const body = `{"batch":[{"type":"track","event":"X","messageId":"proto-${key}","anonymousId":"a","properties":{"${key}":{"polluted":true}}}]}`;
    const r = await post(`${c.url}/v1/batch`, body);
    expect(r.status).toBe(400);
    expect((r.json.rejected as { code: string }[])[0].code).toBe('PW_ERR_FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects invalid events (bad type, track without event name) individually', async () => {
    const r = await post(`${c.url}/v1/batch`, { batch: [{ type: 'bogus', messageId: 'b1' }, { type: 'track', messageId: 'b2', anonymousId: 'a' }, page('b3')] });
    expect(r.status).toBe(200);
    expect((r.json.rejected as { index: number }[]).map((x) => x.index)).toEqual([0, 1]);
  });

  it('never answers 5xx for garbage bodies', async () => {
    for (const body of ['null', '[]', '"str"', '{"batch": 5}', '{"batch": [null, 1, "x"]}', '\u0000\u0001']) {
      const r = await post(`${c.url}/v1/batch`, body);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.json.success).toBe(false);
    }
  });

  it('serves /healthz and /readyz', async () => {
    expect((await fetch(`${c.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${c.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
  });

  it('blocks portal pages and counts them by reason in /metrics', async () => {
    const r = await post(`${c.url}/v1/batch`, { batch: [page('portal-1', '/patient-portal/messages')] }, { authorization: DEMO_AUTH });
    expect(r.json).toMatchObject({ success: true, blocked: 1 });
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).toMatch(/phiwall_events_blocked_total\{reason="patient_portal"\} [1-9]/);
  });
});
