// Command-line reading shared by the in-process stage benches (ingest-ops.mjs, deliver-ops.mjs): `--name value`
// options, the checkout they measure (`--root`, default this one), and callgrind's toggle around the measured part
// (`--cg`: run under `valgrind --tool=callgrind --instr-atstart=no`).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
export const ROOT = resolve(arg('root', join(import.meta.dirname, '..')));
export const CG = process.argv.includes('--cg');
export const cg = (flag) => execFileSync('callgrind_control', [flag, String(process.pid)], { stdio: 'ignore' });
/** A module of the measured checkout (`bench/config.mjs`, `src/runtime.ts`...). */
export const fromRoot = (path) => import(pathToFileURL(join(ROOT, path)).href);
