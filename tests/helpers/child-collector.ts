import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port.mjs';
import { DEMO_AUTH, REPO } from './collector.js';

export { freePort };

export interface ChildCollector { url: string; child: ChildProcess }

/**
 * `phiwall serve` as a real child process (what operators run), ready when /healthz answers.
 * Without PHIWALL_WORKERS in `env` it is a cluster of one worker per core (the default).
 */
export async function spawnCollector(configPath: string, dataDir: string, env: Record<string, string> = {}): Promise<ChildCollector> {
  const port = await freePort();
  const log = openSync(join(dataDir, 'serve.log'), 'a');
  const child = spawn(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'serve', '--config', configPath, '--data', dataDir, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: REPO, stdio: ['ignore', log, log], env: { ...process.env, ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`collector exited with ${child.exitCode}; see ${dataDir}/serve.log`);
    try { if (await allListening(url)) return { url, child }; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('collector did not become healthy');
}

/** `phiwall serve` with `workers` cluster workers, returned once all of them run. */
export async function spawnCluster(configPath: string, dataDir: string, workers: number): Promise<ChildCollector> {
  const c = await spawnCollector(configPath, dataDir, { PHIWALL_WORKERS: String(workers) });
  const deadline = Date.now() + 20_000;
  while (childPids(c.child.pid!).length !== workers) {
    if (Date.now() > deadline) throw new Error(`expected ${workers} workers`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return c;
}

/** Every worker of a cluster listens (a cluster's /metrics counts them); a single process once it answers. */
async function allListening(url: string): Promise<boolean> {
  const r = await fetch(`${url}/metrics`);
  if (!r.ok) return false;
  const text = await r.text();
  return metric(text, 'phiwall_cluster_workers_reporting') === metric(text, 'phiwall_cluster_workers');
}

export function exited(child: ChildProcess): Promise<number | null> {
  // A child killed by a signal has exitCode null and signalCode set: it has exited too.
  const done = child.exitCode !== null || child.signalCode !== null;
  return done ? Promise.resolve(child.exitCode) : new Promise((ok) => child.once('exit', (code) => ok(code)));
}

/** Processes whose parent is `pid` (a cluster primary's workers). */
export function childPids(pid: number): number[] {
  return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).filter((n) => {
    try {
      const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
    } catch { return false; }
  }).map(Number);
}

/** True while process `pid` exists (and is not a zombie). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch { return false; }
}

/**
 * One request on a fresh connection, so the cluster's round-robin spreads requests over workers
 * (fetch keeps one connection alive: one worker). `timeoutMs` gives up on a worker that hangs.
 */
export function request(url: string, method: string, body?: unknown, timeoutMs = 30_000): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(url, { method, agent: false, timeout: timeoutMs, headers: { 'content-type': 'application/json', authorization: DEMO_AUTH } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString('utf8'); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(data);
  });
}

/** A metric's value in a Prometheus text scrape (0 when absent); `labels` as written, e.g. `{result="refused"}`. */
export function metric(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}
