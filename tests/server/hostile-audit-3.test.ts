import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTH, post, startCollector, type Collector } from '../helpers/collector.js';
import { MARK, SpoolReader, cleanEvent, rawRequest } from '../helpers/http-fuzz.js';

// Audit round 3 probes that no other test held (each passed already; kept as regressions):
// request smuggling framings, numbers JSON cannot carry exactly, prototype keys deep down, and
// a preflight's requested headers, which are never echoed.

describe('hostile input, audit round 3', () => {
  let c: Collector;
  let spool: SpoolReader;
  let port: number;
  const spooled = (id: string) => spool.items().filter((i) => i.messageId === id);
  beforeAll(async () => {
    c = await startCollector({ deliver: false });
    spool = new SpoolReader(c.dataDir);
    port = Number(new URL(c.url).port);
  });
  afterAll(async () => { spool.close(); await c.close(); });

  it.each([
    ['Content-Length and Transfer-Encoding together', 'Content-Length: 4\r\nTransfer-Encoding: chunked\r\n'],
    ['two differing Content-Lengths', 'Content-Length: 2\r\nContent-Length: 120\r\n'],
  ])('%s: 400 in JSON, nothing spooled', async (_name, framing) => {
    const body = JSON.stringify(cleanEvent('smuggled'));
    const r = await rawRequest(port, [`POST /v1/track HTTP/1.1\r\nHost: x\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\n${framing}\r\n0\r\n\r\n${body}`]);
    expect(r?.status).toBe(400);
    expect(JSON.parse(r!.body)).toMatchObject({ success: false, error: { code: 'PW_ERR_BAD_REQUEST' } });
    expect(spooled('smuggled')).toEqual([]);
  });

  it('numbers past 2^53 and past a double are taken; the spooled payload is valid JSON without Infinity', async () => {
    const r = await post(`${c.url}/v1/track`, '{"type":"track","event":"Numbers","messageId":"big-numbers","anonymousId":"a","properties":{"big":9007199254740993,"huge":1e400,"tiny":1e-400}}');
    expect(r.status).toBe(200);
    const [row] = spooled('big-numbers');
    expect(JSON.stringify(row.payload)).not.toMatch(/Infinity|NaN/);
  });

  it('a messageId that is a number is refused with a message naming the field, not the value', async () => {
    const r = await post(`${c.url}/v1/track`, '{"type":"track","event":"N","messageId":9007199254740993,"anonymousId":"a"}');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toContain('messageId');
    expect(JSON.stringify(r.json)).not.toContain('9007199254740993');
  });

  it('__proto__ six levels down in properties is refused (400), naming the key, not the value', async () => {
    let nested = `{"__proto__":{"polluted":"${MARK}"}}`;
    for (let i = 0; i < 5; i++) nested = `{"a":${nested}}`;
    const r = await post(`${c.url}/v1/track`, `{"type":"track","event":"P","messageId":"deep-proto","anonymousId":"a","properties":${nested}}`);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toContain('PW_ERR_FORBIDDEN_KEY');
    expect(JSON.stringify(r.json)).not.toContain(MARK);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a preflight from an allowed origin answers the fixed header list, never the requested headers', async () => {
    const r = await fetch(`${c.url}/v1/track`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': `x-${MARK}` } });
    expect(r.status).toBe(204);
    const echoed: string[] = [];
    r.headers.forEach((value) => { echoed.push(value); });
    expect(echoed.join(' ')).not.toContain(MARK);
  });
});
