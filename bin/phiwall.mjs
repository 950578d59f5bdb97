#!/usr/bin/env node
// Entry point: runs the bundled CLI, rebuilding it first when src/ is newer than the bundle
// (so a fresh clone or an edited checkout never runs stale code).
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';

// Memory vs speed (issue #5): `serve --workers N` starts each worker with
// --heap-growing-percent=100 (src/cli/worker-flags.ts): V8 would let the old generation grow to
// ~4x what survived the last full GC. `node --heap-growing-percent=50 bin/phiwall.mjs serve`
// (workers inherit the flag) bounds it at ~1.5x, ~40 MB less in the batch bench, but costs ~12%
// of single-event throughput per core against V8's own growth; `=0` restores V8's own growth.
// Workers also get --max-semi-space-size=8 (a 16 MB young generation instead of 32) and
// --no-wasm-tier-up --no-wasm-dynamic-tiering (undici's wasm HTTP parser is not recompiled by
// TurboFan: a 30-40 MB compile under load); `node --max-semi-space-size=16 --wasm-tier-up
// --wasm-dynamic-tiering bin/phiwall.mjs serve` undoes them.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist/phiwall.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const srcDir = join(root, 'src');
const primary = join(root, 'dist/primary.js');
const stale = !existsSync(bundle) || !existsSync(primary) || (existsSync(srcDir) && newestMtime(srcDir) > statSync(bundle).mtimeMs);
if (stale) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
// `serve --workers N`: the cluster primary runs from its own small bundle (src/cli/primary.ts).
const argv = process.argv.slice(2);
const runsPrimary = argv[0] === 'serve' && (await import(pathToFileURL(primary).href)).primaryMain(argv);
if (!runsPrimary) {
  const { main } = await import(pathToFileURL(bundle).href);
  await main(argv);
}
