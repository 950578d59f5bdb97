#!/usr/bin/env node
// Entry point: runs the bundled CLI, rebuilding it first when src/ is newer than the bundle
// (so a fresh clone or an edited checkout never runs stale code).
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import v8 from 'node:v8';

// Memory under load (issue #5). When collection looks cheap, V8 lets the old generation grow to
// ~4x what survived the last full GC before the next one: a worker that keeps ~30 MB live under
// the batch bench peaked at 90-110 MB of old space (--trace-gc: "Mark-Compact 108.7 -> 27.3 MB").
// Growing by half the live set bounds it at ~1.5x: batch-bench worker peak RSS ~235 -> ~160 MB,
// for ~3x as many full GCs, each marking only the ~25 MB that is live (a few % more CPU per
// 20-event request in GC accounting under a paced load; none visible in the bench's req/s per
// core, which is noisier than that). V8 recomputes the limit after every full GC, so setting it here,
// before anything is loaded, covers whichever process this becomes (cluster primary, worker,
// single process). An explicit --heap-growing-percent on the command line wins.
if (!process.execArgv.some((a) => /^--heap[-_]growing[-_]percent/.test(a))) v8.setFlagsFromString('--heap-growing-percent=50');

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
