import type { ServerType } from '@hono/node-server';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { Runtime } from '../../src/runtime.js';
import { buildApp } from '../../src/server/app.js';
import { serveHardened, type ServerLimits } from '../../src/server/http-server.js';
import { continueCheck } from '../../src/server/expect-continue.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const PACKS = join(REPO, 'rules/packs');

export interface Collector {
  url: string;
  runtime: Runtime;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh directory under the run's temp root (removed by tests/global-setup.ts at the end). */
export function tempDir(prefix = 'phiwall-test-'): string {
  return mkdtempSync(join(process.env.PHIWALL_TEST_TMP ?? tmpdir(), prefix));
}

/** Writes a YAML config into a temp dir and returns its path. */
export function writeConfig(yaml: string, dir = tempDir()): string {
  const path = join(dir, 'phiwall.yaml');
  writeFileSync(path, yaml.replaceAll('${PACKS}', PACKS));
  return path;
}

/** A real collector on a loopback port, in this process. */
export async function startCollector(opts: { configPath?: string; dataDir?: string; deliver?: boolean; maxPageCount?: number; logger?: import('pino').Logger; limits?: Partial<ServerLimits> } = {}): Promise<Collector> {
  const dataDir = opts.dataDir ?? tempDir();
  const runtime = new Runtime({
    configPath: opts.configPath ?? join(REPO, 'rules/phiwall.yaml'),
    dataDir,
    deliver: opts.deliver,
    logger: opts.logger ?? pino({ level: 'silent' }),
    maxPageCount: opts.maxPageCount,
  });
  const app = buildApp(runtime);
  const server: ServerType = await new Promise((ok) => {
    const s = serveHardened({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', limits: opts.limits, continueCheck: continueCheck(runtime) }, () => ok(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    dataDir,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await runtime.shutdown(2000);
    },
  };
}

export const DEMO_AUTH = 'Basic ' + Buffer.from('demo:').toString('base64');

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_AUTH, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await r.text();
  let json: Record<string, unknown> = {};
  try { json = JSON.parse(text) as Record<string, unknown>; } catch { /* empty or non-JSON body */ }
  return { status: r.status, json, headers: r.headers };
}

/** Lines written by a file destination. */
export function readOutput(dataDir: string, destination = 'local_file'): Record<string, unknown>[] {
  const file = join(dataDir, 'out', `${destination}.jsonl`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

export async function waitFor<T>(fn: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await fn();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error('timed out waiting for condition');
    await new Promise((r) => setTimeout(r, 50));
    v = await fn();
  }
  return v;
}
