import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../..');

// A collector delivers through undici, whose HTTP parser (llhttp) is WebAssembly. Left to V8's
// defaults, a few hundred deliveries in, V8 recompiles that module with its optimizing compiler,
// which holds 30-40 MB of memory at once, under load, on top of the heap: the largest share of a
// worker's peak over its steady state (src/cli/worker-flags.ts). serve's node flags keep it on
// the baseline compiler.
describe('the memory delivery costs a collector with serve\'s node flags', () => {
  it('stays under 15 MB of V8 compiler memory over 1,500 deliveries through the pool', () => {
    const script = `const { applyOwnNodeFlags } = await import('./src/cli/worker-flags.ts');
applyOwnNodeFlags([], '');
const { Pool, poolRequest } = await import('./src/destinations/undici-pool.ts');
const http = await import('node:http');
const v8 = await import('node:v8');
const server = http.createServer((req, res) => { req.resume(); req.on('end', () => res.end('{"events_received":1}')); }).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const pool = new Pool('http://127.0.0.1:' + server.address().port, { connections: 4 });
const send = async () => { const r = await poolRequest(pool, { path: '/collect', method: 'POST', body: '{"event":"x"}', headers: { 'content-type': 'application/json' } }); await r.body.text(); return r.statusCode; };
let ok = 0;
for (let i = 0; i < 150; i++) for (const s of await Promise.all(Array.from({ length: 10 }, send))) ok += s === 200 ? 1 : 0;
await new Promise((r) => setTimeout(r, 300));
await pool.close(); server.close();
process.stdout.write(JSON.stringify({ ok, compilerPeakMb: v8.getHeapStatistics().peak_malloced_memory / 1048576 }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' })) as { ok: number; compilerPeakMb: number };
    expect(out.ok).toBe(1500);
    expect(out.compilerPeakMb).toBeLessThan(15);
  }, 60_000);
});
