import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, startCollector, writeConfig, type Collector } from '../helpers/collector.js';
import { SpoolReader, cleanEvent, rawRequest } from '../helpers/http-fuzz.js';

// `Transfer-Encoding: gzip, chunked`: Node's parser undoes `chunked` only, so the body still
// carries the codings before it. They are undone like a Content-Encoding (then the Content-Encoding
// itself); one the collector does not decode is a 400 naming it (a registered name) or "an
// unknown coding" (anything else is not quoted). Before: the gzip bytes were read as text (400
// PW_ERR_BAD_CHARSET), and an unknown coding before chunked was ignored (a compressed body taken as is).

const port = (c: Collector) => Number(new URL(c.url).port);
const chunked = (te: string, body: Buffer, extra = ''): Buffer => Buffer.concat([
  Buffer.from(`POST /v1/track HTTP/1.1\r\nHost: x\r\nAuthorization: Basic ZGVtbzo=\r\nContent-Type: application/json\r\nTransfer-Encoding: ${te}\r\n${extra}Connection: close\r\n\r\n`),
  Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n'),
]);
const event = (id: string) => Buffer.from(JSON.stringify(cleanEvent(id)));

describe('transfer codings before chunked', () => {
  let c: Collector;
  let spool: SpoolReader;
  const spooled = (id: string) => spool.items().some((i) => i.messageId === id);
  beforeAll(async () => {
    c = await startCollector({ configPath: writeConfig(`version: 1\ninclude: ["${REPO}/rules/phiwall.yaml"]\n`), deliver: false });
    spool = new SpoolReader(c.dataDir);
  });
  afterAll(async () => { spool.close(); await c.close(); });

  it.each([
    ['gzip, chunked', gzipSync], ['deflate, chunked', deflateSync], ['x-gzip,chunked', gzipSync], ['br, chunked', brotliCompressSync], ['identity, chunked', (b: Buffer) => b],
  ] as const)('%s is decoded and the event spooled', async (te, zip) => {
    const id = `te-${te.replace(/\W+/g, '-')}`;
    const r = await rawRequest(port(c), [chunked(te, zip(event(id)))]);
    expect(r?.status, r?.body).toBe(200);
    expect(JSON.parse(r!.body)).toMatchObject({ success: true, accepted: 1 });
    expect(spooled(id)).toBe(true);
  });

  it('a transfer coding over a content coding: both are undone, transfer first', async () => {
    const r = await rawRequest(port(c), [chunked('gzip, chunked', gzipSync(deflateSync(event('te-over-ce'))), 'Content-Encoding: deflate\r\n')]);
    expect(r?.status, r?.body).toBe(200);
    expect(spooled('te-over-ce')).toBe(true);
  });

  it.each([
    ['compress, chunked', 'transfer-encoding compress is not supported'],
    ['Qz7-private-token, chunked', 'transfer-encoding (an unknown coding) is not supported'],
  ])('%s: 400 naming the coding (or not quoting an unknown one), nothing spooled', async (te, message) => {
    const id = `te-refused-${te.length}`;
    const r = await rawRequest(port(c), [chunked(te, event(id))]);
    expect(r?.status).toBe(400);
    expect(JSON.parse(r!.body)).toMatchObject({ success: false, error: { code: 'PW_ERR_UNSUPPORTED_TRANSFER_CODING', message: expect.stringContaining(message) } });
    expect(r!.body).not.toContain('Qz7');
    expect(spooled(id)).toBe(false);
  });

  it('gzip declared but not applied is a 400 naming gzip; three codings are refused before any is undone', async () => {
    const plain = await rawRequest(port(c), [chunked('gzip, chunked', event('te-not-gzip'))]);
    expect(plain?.status).toBe(400);
    expect(JSON.parse(plain!.body)).toMatchObject({ error: { code: 'PW_ERR_BAD_ENCODING', message: 'body is not valid gzip data' } });
    const stacked = await rawRequest(port(c), [chunked('gzip, gzip, chunked', gzipSync(gzipSync(gzipSync(event('te-three')))), 'Content-Encoding: gzip\r\n')]);
    expect(stacked?.status).toBe(400);
    expect(JSON.parse(stacked!.body)).toMatchObject({ error: { code: 'PW_ERR_TOO_MANY_CODINGS' } });
    expect(spooled('te-not-gzip') || spooled('te-three')).toBe(false);
  });

  it('a small gzip transfer bomb stops at the body limit (413)', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, ' '));
    const r = await rawRequest(port(c), [chunked('gzip, chunked', bomb)], { waitMs: 5000 });
    expect(r?.status).toBe(413);
  });
});
