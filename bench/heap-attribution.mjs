// What a collector's live heap is made of, from a V8 heap snapshot (a full GC precedes it):
//   node bench/rss-probe.mjs --scenario batch --workers 2 --heapsnapshot DIR   (one file per process)
//   node bench/heap-attribution.mjs DIR/<pid>.heapsnapshot [--top 15]
// Prints the self size by node type (code, string, array, ...), then the native code V8 compiled
// for regular expressions: irregexp compiles a pattern to machine code once it has run (after
// --regexp-tier-up-ticks runs; 1 by default) and never frees it while the RegExp lives, so the
// rules' large alternations hold 100-500 KB each. A RegExp's compiled data is a hidden array; its
// code objects are the nameless `code` nodes reached from it through other nameless code nodes
// (the chain V8 links them by). Each code node is counted once, for the first RegExp reaching it.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/heap-attribution.mjs FILE.heapsnapshot [--top N]');
const topIdx = process.argv.indexOf('--top');
const TOP = topIdx > 0 ? Number(process.argv[topIdx + 1]) : 15;
const snap = JSON.parse(readFileSync(file, 'utf8'));
const meta = snap.snapshot.meta;
const NF = meta.node_fields.length, EF = meta.edge_fields.length;
const [TYPE, NAME, SIZE, EDGES] = ['type', 'name', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f));
const nodeTypes = meta.node_types[0], edgeTypes = meta.edge_types[0];
const { nodes, edges, strings } = snap;
const count = nodes.length / NF;
const type = (n) => nodeTypes[nodes[n * NF + TYPE]];
const name = (n) => strings[nodes[n * NF + NAME]];
const size = (n) => nodes[n * NF + SIZE];
const firstEdge = new Uint32Array(count + 1);
for (let n = 0; n < count; n++) firstEdge[n + 1] = firstEdge[n] + nodes[n * NF + EDGES] * EF;
function* children(n) {
  for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += EF) yield { edge: edgeTypes[edges[e]], to: edges[e + 2] / NF };
}
const mb = (b) => +(b / 1048576).toFixed(2);

const byType = new Map();
let total = 0;
for (let n = 0; n < count; n++) { byType.set(type(n), (byType.get(type(n)) ?? 0) + size(n)); total += size(n); }
console.log(`live heap in the snapshot: ${mb(total)} MB`);
for (const [t, b] of [...byType].sort((a, b) => b[1] - a[1]).filter(([, b]) => b > 65536)) console.log(`  ${t}: ${mb(b)} MB`);

const claimed = new Uint8Array(count);
const rows = [];
for (let r = 0; r < count; r++) {
  if (type(r) !== 'regexp') continue;
  let bytes = 0;
  for (const { edge, to } of children(r)) {
    if (edge !== 'hidden' || type(to) !== 'array' || claimed[to]) continue;
    claimed[to] = 1;
    const stack = [...children(to)].map((c) => c.to).filter((c) => type(c) === 'code' && name(c) === '');
    while (stack.length) {
      const c = stack.pop();
      if (claimed[c] || type(c) !== 'code' || (name(c) !== '' && !name(c).startsWith('(code'))) continue;
      claimed[c] = 1;
      bytes += size(c);
      for (const k of children(c)) if (k.edge !== 'weak') stack.push(k.to);
    }
  }
  if (bytes > 0) rows.push({ bytes, source: name(r) });
}
rows.sort((a, b) => b.bytes - a.bytes);
const regexBytes = rows.reduce((s, x) => s + x.bytes, 0);
console.log(`regexp native code: ${mb(regexBytes)} MB in ${rows.length} compiled patterns; the ${TOP} largest: ${mb(rows.slice(0, TOP).reduce((s, x) => s + x.bytes, 0))} MB`);
for (const { bytes, source } of rows.slice(0, TOP)) console.log(`  ${(bytes / 1024).toFixed(1)} KB  ${source.length >= 1024 ? '(≥1024 chars) ' : ''}${source.slice(0, 100)}`);
