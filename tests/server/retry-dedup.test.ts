import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_AUTH, REPO, post, readOutput, startCollector as startWith, tempDir, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { sqliteAndPostgres } from '../helpers/storages.js';

// A browser that got no answer sends the same batch again (same messageIds). Each copy used to
// be spooled and delivered again (GA4, Mixpanel and Amplitude count it twice). Now a copy is
// answered 200 like its original once that is durable, and delivered once, across a restart too.
let collector: Collector | undefined;
afterEach(async () => { await collector?.close(); collector = undefined; });

const page = { path: '/about', url: 'https://www.northbay-health.example/about' };
const track = (id: string, anonymousId = 'anon-r1') => ({ type: 'track', event: 'Clicked', messageId: id, anonymousId, properties: { cta: 'book' }, context: { page } });
const delivered = (dataDir: string, id: string) => readOutput(dataDir).filter((r) => r.message_id === id).length;

/** POSTs the batch and hangs up without reading the answer, as a tab closed mid-request does. */
function postAndHangUp(url: string, body: unknown): Promise<void> {
  const { port } = new URL(url);
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), '127.0.0.1', () => {
      s.end(`POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
      s.destroy();
      resolve();
    });
    s.on('error', reject);
  });
}

// On both spool adapters: SQLite (one process's file) and a shared PostgreSQL.
const storages = sqliteAndPostgres('dedup');
for (const storage of storages) describe(`a retried POST is idempotent (${storage.name})`, () => {
  let configPath: string | undefined;
  const startCollector = async (opts: { deliver: boolean; dataDir?: string }) => {
    configPath ??= writeConfig(`version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\n${await storage.yaml()}\n`);
    return startWith({ ...opts, configPath });
  };

  it('the retry after a lost answer gets the same 200 and the event is delivered once', async () => {
    collector = await startCollector({ deliver: true });
    const body = { batch: [track('rt-1'), track('rt-2')] };
    await postAndHangUp(collector.url, body);
    const runtime = collector.runtime;
    await waitFor(() => runtime.metrics.ingested.get(), (m) => (m.values[0]?.value ?? 0) >= 2);
    const retry = await post(`${collector.url}/v1/batch`, body);
    const again = await post(`${collector.url}/v1/batch`, body);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual({ success: true, accepted: 2, blocked: 0, failed: 0 });
    expect(again.json).toEqual(retry.json);
    await waitFor(() => delivered(collector!.dataDir, 'rt-2'), (n) => n >= 1);
    await new Promise((r) => setTimeout(r, 800));
    expect([delivered(collector.dataDir, 'rt-1'), delivered(collector.dataDir, 'rt-2')]).toEqual([1, 1]);
    expect((await runtime.metrics.duplicates.get()).values[0]?.value).toBe(4);
  });

  it('copies sent together, and a copy inside one batch, count once; another sender with the same messageId is its own event', async () => {
    collector = await startCollector({ deliver: true });
    const body = { batch: [track('rt-3'), track('rt-3'), track('rt-3', 'anon-other')] };
    const answers = await Promise.all([post(`${collector.url}/v1/batch`, body), post(`${collector.url}/v1/batch`, body), post(`${collector.url}/v1/batch`, body)]);
    for (const a of answers) expect(a.json).toEqual({ success: true, accepted: 3, blocked: 0, failed: 0 });
    await waitFor(() => delivered(collector!.dataDir, 'rt-3'), (n) => n >= 2);
    await new Promise((r) => setTimeout(r, 800));
    expect(delivered(collector.dataDir, 'rt-3')).toBe(2);
  });

  it('a copy arriving after a restart is still known (the key was committed with the rows)', async () => {
    const dataDir = tempDir();
    collector = await startCollector({ deliver: false, dataDir });
    expect((await post(`${collector.url}/v1/batch`, { batch: [track('rt-4')] })).status).toBe(200);
    await collector.close();
    collector = await startCollector({ deliver: true, dataDir });
    expect((await post(`${collector.url}/v1/batch`, { batch: [track('rt-4'), track('rt-5')] })).json).toMatchObject({ accepted: 2 });
    await waitFor(() => delivered(dataDir, 'rt-5'), (n) => n >= 1);
    await new Promise((r) => setTimeout(r, 800));
    expect([delivered(dataDir, 'rt-4'), delivered(dataDir, 'rt-5')]).toEqual([1, 1]);
  });

  if (storage.name === 'sqlite') it('spool.dedup_retries: false takes every copy (as before)', async () => {
    collector = await startWith({ deliver: true, configPath: writeConfig(`version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\nspool: { dedup_retries: false }\n`) });
    const body = { batch: [track('rt-7')] };
    await post(`${collector.url}/v1/batch`, body);
    await post(`${collector.url}/v1/batch`, body);
    await waitFor(() => delivered(collector!.dataDir, 'rt-7'), (n) => n >= 2);
  });

  // Instances sharing one PostgreSQL spool: a copy may reach another instance than its original.
  if (storage.name === 'postgres') it('a copy sent to another instance is known there too', async () => {
    collector = await startCollector({ deliver: true });
    const other = await startCollector({ deliver: true });
    try {
      const body = { batch: [track('rt-6')] };
      expect((await post(`${collector.url}/v1/batch`, body)).status).toBe(200);
      expect((await post(`${other.url}/v1/batch`, body)).json).toEqual({ success: true, accepted: 1, blocked: 0, failed: 0 });
      const both = () => delivered(collector!.dataDir, 'rt-6') + delivered(other.dataDir, 'rt-6');
      await waitFor(both, (n) => n >= 1);
      await new Promise((r) => setTimeout(r, 800));
      expect(both()).toBe(1);
    } finally { await other.close(); }
  });
});
