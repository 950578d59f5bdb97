// Names V8's JIT code in a callgrind dump: callgrind_annotate lists code without symbols by address
// (0x...), which `node --perf-basic-prof`'s /tmp/perf-<pid>.map (start, size, name) resolves.
//
//   node bench/micro/callgrind-jit.mjs DUMP PERF_MAP [--inclusive] [--top 60] [--per N]
//
// Prints the top functions (self, or inclusive with --inclusive) by instructions, divided by
// `--per` (the measured events) when given. Addresses in no map entry keep their address.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i < 0 ? fallback : args[i + 1]; };
const [dump, mapFile] = args;
const inclusive = args.includes('--inclusive');
const top = Number(opt('top', '60'));
const per = Number(opt('per', '1'));

const entries = readFileSync(mapFile, 'utf8').split('\n').filter(Boolean).map((l) => {
  const m = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(l);
  return m ? { start: BigInt(`0x${m[1]}`), end: BigInt(`0x${m[1]}`) + BigInt(`0x${m[2]}`), name: m[3] } : undefined;
}).filter(Boolean).sort((a, b) => (a.start < b.start ? -1 : 1));

function nameOf(addr) {
  let lo = 0, hi = entries.length - 1, found;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].start <= addr) { found = entries[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return found && addr < found.end ? found.name : undefined;
}

const out = execFileSync('callgrind_annotate', [`--inclusive=${inclusive ? 'yes' : 'no'}`, '--threshold=100', dump], { encoding: 'utf8', maxBuffer: 1 << 29 });
const totals = new Map();
for (const line of out.split('\n')) {
  const m = /^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(\S.*)$/.exec(line);
  if (!m) continue;
  const cost = Number(m[1].replace(/,/g, ''));
  let name = m[2];
  const addr = /(0x[0-9a-f]+)/.exec(name);
  if (addr && /^\?\?\?:|^0x/.test(name)) name = nameOf(BigInt(addr[1])) ?? name;
  totals.set(name, (totals.get(name) ?? 0) + cost);
}
const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
for (const [name, cost] of rows) console.log(String(Math.round(cost / per)).padStart(10), name);
