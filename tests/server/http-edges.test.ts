import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/common/hash.js';
import { DEMO_AUTH, REPO, post, startCollector, writeConfig, type Collector } from '../helpers/collector.js';
import { SpoolReader, cleanEvent, rawRequest } from '../helpers/http-fuzz.js';

// One regression test per robustness failure tests/server/http-fuzz.test.ts found at the HTTP edge.

const ADMIN = 'edges-admin-token-00000001';
const yaml = `version: 1
include: ["${REPO}/rules/phiwall.yaml"]
admin: { enabled: true, keys: [{ name: ops, role: admin, sha256: ${sha256Hex(ADMIN)} }] }
`;
const JSON_AUTH = { 'content-type': 'application/json', authorization: DEMO_AUTH };
const hit = (query: string) => `/g/collect?v=2&tid=G-DEMO000000&cid=1.2&${query}`;

describe('HTTP edge regressions', () => {
  let c: Collector;
  let spool: SpoolReader;
  const logs: string[] = [];
  const spooled = () => new Set(spool.items().map((i) => i.messageId));
  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (l: string) => { logs.push(l); } });
    c = await startCollector({ configPath: writeConfig(yaml), deliver: false, logger });
    spool = new SpoolReader(c.dataDir);
  });
  afterAll(async () => { spool.close(); await c.close(); });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('/v1/%s is no route (it named an Object.prototype member and took the event)', async (kind) => {
    const r = await post(`${c.url}/v1/${kind}`, cleanEvent(`proto-route-${kind}`));
    expect(r.status).toBe(404);
    expect(spooled().has(`proto-route-${kind}`)).toBe(false);
  });

  it('a 404 does not echo the unknown route segment', async () => {
    const r = await post(`${c.url}/v1/jane.doe@example.com`, cleanEvent('echo'));
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.json)).not.toContain('jane');
  });

  it('a batch-level context obeys the forbidden-key, depth and size limits before it is merged into each event', async () => {
    const proto = await post(`${c.url}/v1/batch`, `{"context":{"page":{"__proto__":{"x":1}}},"batch":[${JSON.stringify(cleanEvent('shared-proto'))}]}`);
    expect(proto.status).toBe(400);
    expect(proto.json.error).toMatchObject({ code: 'PW_ERR_FORBIDDEN_KEY' });
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expect((await post(`${c.url}/v1/batch`, { context: deep, batch: [cleanEvent('shared-deep')] })).json.error).toMatchObject({ code: 'PW_ERR_TOO_DEEP' });
    // 20 KB shared + 20 KB own context: each part fits, the merged event does not.
    const big = await post(`${c.url}/v1/batch`, { context: { a: 'x'.repeat(20_000) }, batch: [{ ...cleanEvent('merged-big'), context: { b: 'y'.repeat(20_000) } }, cleanEvent('merged-ok')] });
    expect(big.status).toBe(200);
    expect(big.json.rejected).toEqual([expect.objectContaining({ index: 0, code: 'PW_ERR_EVENT_TOO_LARGE' })]);
    const ids = spooled();
    expect(['shared-proto', 'shared-deep', 'merged-big'].filter((id) => ids.has(id))).toEqual([]);
    expect(ids.has('merged-ok')).toBe(true);
  });

  it('reads gzip, deflate and br bodies; refuses corrupt ones (400), bombs (413) and unknown encodings (415)', async () => {
    for (const [encoding, zip] of [['gzip', gzipSync], ['deflate', deflateSync], ['br', brotliCompressSync]] as const) {
      const id = `enc-${encoding}`;
      const r = await fetch(`${c.url}/v1/batch`, { method: 'POST', headers: { ...JSON_AUTH, 'content-encoding': encoding }, body: zip(JSON.stringify({ batch: [cleanEvent(id)] })) });
      expect(r.status).toBe(200);
      expect(spooled().has(id)).toBe(true);
      const bomb = await fetch(`${c.url}/v1/batch`, { method: 'POST', headers: { ...JSON_AUTH, 'content-encoding': encoding }, body: zip(Buffer.alloc(5_000_000, ' ')) });
      expect(bomb.status).toBe(413);
    }
    const corrupt = await fetch(`${c.url}/v1/batch`, { method: 'POST', headers: { ...JSON_AUTH, 'content-encoding': 'gzip' }, body: gzipSync('{"batch":[]}').subarray(0, 12) });
    expect(corrupt.status).toBe(400);
    expect(await corrupt.json()).toMatchObject({ error: { code: 'PW_ERR_BAD_ENCODING' } });
    const unknown = await fetch(`${c.url}/v1/batch`, { method: 'POST', headers: { ...JSON_AUTH, 'content-encoding': 'zstd' }, body: '{}' });
    expect(unknown.status).toBe(415);
  });

  it('answers 413 to a chunked body as soon as it passes the limit, without waiting for its end', async () => {
    const port = Number(new URL(c.url).port);
    const limit = c.runtime.plan.limits.bodyBytes;
    const chunk = `${(limit + 10).toString(16)}\r\n${'x'.repeat(limit + 10)}\r\n`;
    const r = await rawRequest(port, [`POST /v1/batch HTTP/1.1\r\nHost: x\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`, chunk], { waitMs: 10_000 });
    expect(r?.status).toBe(413);
  });

  it('a body cut off mid-way is a client problem, not an unhandled server error', async () => {
    const port = Number(new URL(c.url).port);
    await rawRequest(port, [`POST /v1/batch HTTP/1.1\r\nHost: x\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`, '10\r\n{"batch":[{"type"'], { end: false });
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${c.url}/healthz`)).status).toBe(200);
    expect(logs.filter((l) => /unhandled request error/.test(l))).toEqual([]);
  });

  it('answers what the HTTP parser refuses with a JSON error', async () => {
    const r = await rawRequest(Number(new URL(c.url).port), ['FOO /v1/batch HTTP/1.1\r\nHost: x\r\n\r\n']);
    expect(r?.status).toBe(400);
    expect(JSON.parse(r!.body)).toMatchObject({ success: false, error: { code: 'PW_ERR_BAD_REQUEST' } });
    const expect417 = await rawRequest(Number(new URL(c.url).port), [`POST /v1/track HTTP/1.1\r\nHost: x\r\nExpect: later\r\nContent-Length: 2\r\n\r\n{}`]);
    expect(expect417?.status).toBe(417);
    expect(JSON.parse(expect417!.body)).toMatchObject({ success: false, error: { code: 'PW_ERR_EXPECTATION_FAILED' } });
  });

  it('refuses a CORS preflight from an unknown origin with a JSON error', async () => {
    const r = await fetch(`${c.url}/v1/batch`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ success: false, error: { code: 'PW_ERR_FORBIDDEN' } });
  });

  it('gtag: a HEAD records nothing; hits it cannot take are refused with 4xx, not acknowledged with 204', async () => {
    const before = spool.items().length;
    expect((await fetch(`${c.url}${hit('en=head_probe')}`, { method: 'HEAD' })).status).toBe(405);
    expect((await fetch(`${c.url}${hit('dl=https%3A%2F%2Fx.org%2F')}`)).status).toBe(400);
    const wide = await fetch(`${c.url}${hit(`en=wide&${Array.from({ length: 1100 }, (_, i) => `ep.k${i}=v`).join('&')}`)}`, { method: 'POST' });
    expect(wide.status).toBe(400);
    expect(await wide.json()).toMatchObject({ rejected: [{ code: 'PW_ERR_TOO_MANY_KEYS' }] });
    const lines = Array.from({ length: 26 }, (_, i) => `en=line_${i}`).join('\n');
    expect((await fetch(`${c.url}${hit('')}`, { method: 'POST', body: lines })).status).toBe(400);
    expect(spool.items().length).toBe(before);
  });

  it('gtag: with one hit rejected the others are kept and the answer lists the rejected one', async () => {
    const body = [`en=kept_one`, `en=too_big&ep.pad=${'z'.repeat(40_000)}`].join('\n');
    const r = await fetch(`${c.url}${hit('')}`, { method: 'POST', body });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ success: true, accepted: 1, rejected: [{ index: 1, code: 'PW_ERR_EVENT_TOO_LARGE' }] });
    expect(spool.items().some((i) => i.payload.event_name === 'kept_one')).toBe(true);
  });

  it('refuses a request of more than 100 invalid events as a whole, with a short answer', async () => {
    const r = await post(`${c.url}/v1/batch`, `{"batch":[${JSON.stringify(cleanEvent('among-garbage'))},${Array(50_000).fill('{}').join(',')}]}`);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'PW_ERR_INVALID_EVENT', message: expect.stringContaining('more than 100 invalid events') });
    expect(JSON.stringify(r.json).length).toBeLessThan(1000);
    expect(spooled().has('among-garbage')).toBe(false);
    const some = await post(`${c.url}/v1/batch`, `{"batch":[${JSON.stringify(cleanEvent('among-few'))},${Array(100).fill('{}').join(',')}]}`);
    expect(some.status).toBe(200);
    expect(some.json.rejected).toHaveLength(100);
  });

  it('admin: a dry-run nested past the limit is a 400, not a stack overflow', async () => {
    const body = `{"type":"track","event":"x","anonymousId":"a","properties":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = await fetch(`${c.url}/admin/dry-run`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` }, body });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: { code: 'PW_ERR_TOO_DEEP' } });
  });

  it('admin: an unknown report kind is a JSON 404', async () => {
    const r = await fetch(`${c.url}/admin/reports/nope`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ success: false, error: { code: 'PW_ERR_NOT_FOUND' } });
  });
});
