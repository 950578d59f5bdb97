import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesFile } from '../../src/config/schema.js';
import { serverLimits } from '../../src/server/http-server.js';
import { DEMO_AUTH, startCollector, type Collector } from '../helpers/collector.js';
import { SpoolReader, cleanEvent } from '../helpers/http-fuzz.js';

// The connection level of the collector: pipelined requests each get their answer, an
// `Expect: 100-continue` is refused from its headers when they settle it, and the server caps
// connections and times out slow headers, slow bodies and idle keep-alives.

/** Writes `parts` (with `gapMs` between them) and returns all the server sent, with when it closed. */
function exchange(port: number, parts: string[], opts: { gapMs?: number; waitMs?: number } = {}): Promise<{ text: string; closedAfterMs?: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => { socket.destroy(); resolve({ text }); }, opts.waitMs ?? 3000);
    socket.on('data', (d) => { text += d.toString('latin1'); });
    socket.on('error', () => undefined);
    socket.on('close', () => { clearTimeout(timer); resolve({ text, closedAfterMs: Date.now() - t0 }); });
    socket.on('connect', async () => {
      for (const [i, p] of parts.entries()) {
        if (i > 0 && opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
        if (!socket.destroyed) socket.write(p);
      }
    });
  });
}

const statusLines = (text: string): string[] => text.match(/HTTP\/1\.1 \d{3}/g) ?? [];
const codes = (text: string): string[] => [...text.matchAll(/"code":"(\w+)"/g)].map((m) => m[1]);
const postText = (body: string, extra = '', auth = DEMO_AUTH): string =>
  `POST /v1/track HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;
const MALFORMED = 'POST /v1/track HTTP/1.1\r\nHost: x\r\nBad Header Name: y\r\n\r\n';

describe('pipelined requests and Expect: 100-continue', () => {
  let c: Collector;
  let spool: SpoolReader;
  let port: number;
  const spooled = (id: string) => spool.items().filter((i) => i.messageId === id).length;
  beforeAll(async () => {
    c = await startCollector({ deliver: false });
    spool = new SpoolReader(c.dataDir);
    port = Number(new URL(c.url).port);
  });
  afterAll(async () => { spool.close(); await c.close(); });

  it('good requests pipelined before a malformed one in one write each get their 200 before the 400 (the 400 alone was sent)', async () => {
    const { text } = await exchange(port, [postText(JSON.stringify(cleanEvent('pipe-a'))) + postText(JSON.stringify(cleanEvent('pipe-b'))) + MALFORMED]);
    expect(statusLines(text)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200', 'HTTP/1.1 400']);
    expect(codes(text)).toEqual(['PW_ERR_BAD_REQUEST']);
    expect([spooled('pipe-a'), spooled('pipe-b')]).toEqual([1, 1]);
  });

  it('a malformed request alone is still answered 400 at once', async () => {
    const { text } = await exchange(port, [MALFORMED]);
    expect(statusLines(text)).toEqual(['HTTP/1.1 400']);
  });

  it('Expect: 100-continue with an unknown write key: 401, no 100 Continue, the body never asked for', async () => {
    const wrong = 'Basic ' + Buffer.from('no-such-key:').toString('base64');
    const head = `POST /v1/track HTTP/1.1\r\nHost: x\r\nAuthorization: ${wrong}\r\nContent-Type: application/json\r\nContent-Length: 200\r\nExpect: 100-continue\r\n\r\n`;
    const { text } = await exchange(port, [head]);
    expect(statusLines(text)).toEqual(['HTTP/1.1 401']);
    expect(codes(text)).toEqual(['PW_ERR_UNAUTHORIZED']);
  });

  it('Expect: 100-continue with a declared body over the limit: 413 before the body', async () => {
    const head = `POST /v1/batch HTTP/1.1\r\nHost: x\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nContent-Length: ${c.runtime.plan.limits.bodyBytes + 1}\r\nExpect: 100-continue\r\n\r\n`;
    const { text } = await exchange(port, [head]);
    expect(statusLines(text)).toEqual(['HTTP/1.1 413']);
    expect(codes(text)).toEqual(['PW_ERR_BODY_TOO_LARGE']);
  });

  it('Expect: 100-continue from an Origin the site does not allow: 403 before the body', async () => {
    const { text } = await exchange(port, [postText('', 'Origin: https://elsewhere.example\r\nExpect: 100-continue\r\n').replace('Content-Length: 0', 'Content-Length: 50')]);
    expect(statusLines(text)).toEqual(['HTTP/1.1 403']);
  });

  it('Expect: 100-continue that the headers do not settle (key in the body, or a good key): 100, then the event is taken', async () => {
    const keyed = JSON.stringify(cleanEvent('continue-keyed'));
    const good = await exchange(port, [postText(keyed, 'Expect: 100-continue\r\n').split('\r\n\r\n')[0] + '\r\n\r\n', keyed], { gapMs: 200, waitMs: 1500 });
    expect(statusLines(good.text)).toEqual(['HTTP/1.1 100', 'HTTP/1.1 200']);
    const inBody = JSON.stringify({ ...cleanEvent('continue-body-key'), writeKey: 'demo' });
    const head = `POST /v1/track HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${inBody.length}\r\nExpect: 100-continue\r\n\r\n`;
    const body = await exchange(port, [head, inBody], { gapMs: 200, waitMs: 1500 });
    expect(statusLines(body.text)).toEqual(['HTTP/1.1 100', 'HTTP/1.1 200']);
    expect([spooled('continue-keyed'), spooled('continue-body-key')]).toEqual([1, 1]);
  });
});

describe('connection cap and timeouts', () => {
  let c: Collector;
  let port: number;
  beforeAll(async () => {
    c = await startCollector({ deliver: false, limits: { maxConnections: 2, headersTimeoutMs: 1000, requestTimeoutMs: 4000, keepAliveTimeoutMs: 500 } });
    port = Number(new URL(c.url).port);
  });
  afterAll(async () => { await c.close(); });

  it('a connection past the cap is answered 503 in JSON and closed; once one closes, the next is served', async () => {
    const held = [net.connect(port, '127.0.0.1'), net.connect(port, '127.0.0.1')];
    await Promise.all(held.map((s) => new Promise((r) => s.once('connect', r))));
    await new Promise((r) => setTimeout(r, 100));
    const over = await exchange(port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n']);
    expect(statusLines(over.text)).toEqual(['HTTP/1.1 503']);
    expect(codes(over.text)).toEqual(['PW_ERR_TOO_MANY_CONNECTIONS']);
    expect(over.text.toLowerCase()).toContain('retry-after: 1');
    held[0].destroy();
    await new Promise((r) => setTimeout(r, 100));
    const next = await exchange(port, ['GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
    expect(statusLines(next.text)).toEqual(['HTTP/1.1 200']);
    held[1].destroy();
  });

  it('headers dribbled a byte at a time are cut off (408) at the headers timeout, well before the request timeout, while others are served', async () => {
    const slow = exchange(port, [...'POST /v1/track HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'], { gapMs: 200, waitMs: 6000 });
    await new Promise((r) => setTimeout(r, 300));
    const other = await exchange(port, [postText(JSON.stringify(cleanEvent('beside-slowloris')), 'Connection: close\r\n')]);
    expect(statusLines(other.text)).toEqual(['HTTP/1.1 200']);
    const { text, closedAfterMs } = await slow;
    expect(statusLines(text)).toEqual(['HTTP/1.1 408']);
    expect(codes(text)).toEqual(['PW_ERR_REQUEST_TIMEOUT']);
    expect(closedAfterMs).toBeLessThan(3500);
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const { text, closedAfterMs } = await exchange(port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'], { waitMs: 4000 });
    expect(statusLines(text)).toEqual(['HTTP/1.1 200']);
    expect(closedAfterMs).toBeLessThan(2000);
  });
});

describe('server limits in YAML', () => {
  it('defaults: 900 connections, headers 10 s shorter than the request 60 s, keep-alive 5 s', () => {
    const server = RulesFile.parse({ server: {} }).server;
    expect(serverLimits(server)).toEqual({ maxConnections: 900, headersTimeoutMs: 10_000, requestTimeoutMs: 60_000, keepAliveTimeoutMs: 5_000 });
  });

  it('a headers timeout not shorter than the request timeout is refused', () => {
    const r = RulesFile.safeParse({ server: { headers_timeout_ms: 60_000, request_timeout_ms: 60_000 } });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('headers_timeout_ms');
  });
});
