// CPU per claim + release of one fresh key once the memory of recent commits is full (src/spool/ingest-dedup.ts):
//   node --import tsx bench/micro/dedup-recent.mts [ROOT (this checkout)]
// Runs ROOT/src's IngestDedup with a store that has seen nothing: 20,000 keys to fill, then three rounds of 40,000.
const root = process.argv[2] ?? new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const { IngestDedup } = await import(`${root}/src/spool/ingest-dedup.ts`);
const store = { seen: async () => new Set<string>() };
const d = new IngestDedup(store, 'k'.repeat(32));
const sender = () => 'a-1';
const now = Date.now();
async function run(n: number, from: number) {
  const t = process.cpuUsage();
  for (let i = from; i < from + n; i++) {
    const c = await d.claim('demo', [{ messageId: `m${i}` }], sender, now);
    c.release(undefined, new Set(c.keys as string[]), now);
  }
  const u = process.cpuUsage(t); return (u.user + u.system) / n;
}
await run(20000, 0);
const out = [];
for (let r = 0; r < 3; r++) out.push((await run(40000, 20000 + r * 40000)).toFixed(2));
console.log(root, 'us per key (3 rounds):', out.join(' / '));
