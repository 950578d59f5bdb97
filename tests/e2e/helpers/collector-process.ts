import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../../scripts/free-port.mjs';

// The collector as users run it: `node bin/phiwall.mjs serve` in a child process, with its own
// temp data dir, asserted on through the file destination's JSONL output.

export const REPO = resolve(import.meta.dirname, '../../..');
export const BUNDLED_CONFIG = join(REPO, 'rules/phiwall.yaml');

export interface CollectorProcess {
  url: string;
  port: number;
  dataDir: string;
  logs: () => string;
  output: () => Record<string, any>[];
  outputText: () => string;
  stop: () => Promise<void>;
}

export { freePort };

/** A config that includes the bundled one and overrides what a test needs (YAML text appended). */
export function writeTestConfig(dir: string, extraYaml = ''): string {
  const path = join(dir, 'phiwall.yaml');
  writeFileSync(path, `include:\n  - ${JSON.stringify(BUNDLED_CONFIG)}\n${extraYaml}`);
  return path;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * bin/phiwall.mjs rebuilds dist/ when src/ is newer; several test files starting collectors at
 * once (a fresh clone in CI) would rebuild it concurrently and one could import a half-written
 * bundle. Build once here under a mkdir lock, so bin finds it fresh.
 */
async function ensureServerBundle(): Promise<void> {
  const bundle = join(REPO, 'dist/phiwall.js');
  const stale = (): boolean => !existsSync(bundle) || newestMtime(join(REPO, 'src')) > statSync(bundle).mtimeMs;
  if (!stale()) return;
  mkdirSync(join(REPO, 'dist'), { recursive: true });
  const lock = join(REPO, 'dist/.e2e-build.lock');
  const end = Date.now() + 60_000;
  for (;;) {
    try { mkdirSync(lock); break; } catch {
      // Another test file is building; a lock older than a minute is left over from a crash.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > end) throw new Error('timed out waiting for the server bundle build lock');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (stale()) execFileSync(process.execPath, [join(REPO, 'scripts/build.mjs')], { stdio: 'pipe' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function waitHealthy(url: string, child: ChildProcess, logs: () => string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`collector exited with ${child.exitCode}:\n${logs()}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`collector not healthy after ${timeoutMs} ms:\n${logs()}`);
}

export async function startCollectorProcess(opts: { config?: string; env?: Record<string, string> } = {}): Promise<CollectorProcess> {
  await ensureServerBundle();
  const dataDir = mkdtempSync(join(process.env.PHIWALL_TEST_TMP ?? tmpdir(), 'phiwall-e2e-'));
  const port = await freePort();
  const config = opts.config ?? BUNDLED_CONFIG;
  const child = spawn(process.execPath, ['bin/phiwall.mjs', 'serve', '--config', config, '--port', String(port), '--host', '127.0.0.1', '--data', dataDir], {
    cwd: REPO,
    // One process: these tests are about the browser snippet and the ingest paths, not the
    // cluster (tests/cli/workers.test.ts, crash and reload tests run the default cluster).
    env: { ...process.env, PHIWALL_WORKERS: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => { log += d; });
  child.stderr?.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  const outFile = join(dataDir, 'out', 'local_file.jsonl');
  const outputText = (): string => (existsSync(outFile) ? readFileSync(outFile, 'utf8') : '');
  try {
    await waitHealthy(url, child, () => log, 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    port,
    dataDir,
    logs: () => log,
    outputText,
    output: () => outputText().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `ok` holds (the file destination writes asynchronously, after the spool). */
export async function waitUntil<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await read();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}
