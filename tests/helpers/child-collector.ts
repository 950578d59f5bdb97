import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port.mjs';
import { REPO } from './collector.js';

export { freePort };

export interface ChildCollector { url: string; child: ChildProcess }

/** `phiwall serve` as a real child process (what operators run), ready when /healthz answers. */
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
    try { if ((await fetch(`${url}/healthz`)).ok) return { url, child }; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('collector did not become healthy');
}

export function exited(child: ChildProcess): Promise<number | null> {
  // A child killed by a signal has exitCode null and signalCode set: it has exited too.
  const done = child.exitCode !== null || child.signalCode !== null;
  return done ? Promise.resolve(child.exitCode) : new Promise((ok) => child.once('exit', (code) => ok(code)));
}
