// Single-instance ingest throughput, in process (no HTTP): pipeline + group commit into the
// spool, SQLite vs a throwaway PostgreSQL (initdb + pg_ctl, fsync on), same run, same events.
// Usage: npx tsx scripts/storage-bench.mts [seconds=5] [rounds=2]
// The bench harness can import measureIngest() for its own --storage runs.
import { join } from 'node:path';
import pino from 'pino';
import { Runtime } from '../src/runtime.js';
import { startPostgres } from '../tests/helpers/postgres.js';
import { REPO, tempDir, writeConfig } from '../tests/helpers/collector.js';
const cfg = (storage: string) => writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
${storage}
destinations:
  local_file: { type: file, enabled: false }
  hook: { type: webhook, allow: [event, visitor_id, properties.plan], options: { url: "http://127.0.0.1:9/hook/x" } }
`);
export async function measureIngest(name: string, path: string, seconds: number): Promise<number> {
  const rt = new Runtime({ configPath: path, dataDir: tempDir(), deliver: false, logger: pino({ level: 'silent' }) });
  const site = rt.site('demo')!;
  let events = 0, k = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (Date.now() < end) {
      const batch = Array.from({ length: 20 }, (_, i) => ({ type: 'track', event: 'Clicked', messageId: `m${k}-${i}`, anonymousId: `v${(k * 20 + i) % 5000}`, properties: { plan: 'gold' } }));
      k++;
      await rt.ingest(batch, site);
      events += batch.length;
    }
  }));
  console.log(`${name}: ${Math.round(events / seconds)} events/s (${events} events in ${seconds} s)`);
  await rt.shutdown(1000);
  return events / seconds;
}
if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.argv[2] ?? 5), rounds = Number(process.argv[3] ?? 2);
  const pg = await startPostgres();
  try {
    for (let r = 0; r < rounds; r++) {
      const lite = await measureIngest('sqlite  ', cfg(''), seconds);
      const post = await measureIngest('postgres', cfg(`storage: { kind: postgres, url: "${pg.url}", pool: 10 }`), seconds);
      console.log(`postgres/sqlite ratio: ${(post / lite).toFixed(2)}`);
    }
  } finally { await pg.stop(); }
}
