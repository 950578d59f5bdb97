// Builds the first-party snippet: sdk/src -> sdk/dist/phiwall.min.js (minified IIFE, ES2017).
// Prints the gzipped size and the SRI hash, writes the hash next to the bundle, and fails the build
// when the gzipped size passes the budget (the snippet loads on every page of the site).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 1500;
const sdk = dirname(fileURLToPath(import.meta.url));
const out = join(sdk, 'dist/phiwall.min.js');
const { version } = JSON.parse(readFileSync(join(sdk, '../package.json'), 'utf8'));

mkdirSync(dirname(out), { recursive: true });
const result = await build({
  entryPoints: [join(sdk, 'src/index.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2017',
  define: { __VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  // The IIFE needs no "use strict" prologue; 13 bytes matter at this budget.
  tsconfigRaw: { compilerOptions: { alwaysStrict: false } },
  write: false,
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;
const gz = gzipSync(code, { level: 9 }).length;
const sri = 'sha384-' + createHash('sha384').update(code).digest('base64');
// Write-then-rename: a collector or test serving the file never reads half of it; the temporary name is
// this process's, so two builds at once (test files running in parallel) never rename each other's file.
for (const [file, data] of [[out, code], [out + '.sri', sri + '\n']]) {
  writeFileSync(`${file}.${process.pid}.tmp`, data);
  renameSync(`${file}.${process.pid}.tmp`, file);
}
console.log(`sdk/dist/phiwall.min.js ${code.length} bytes, ${gz} bytes gzipped (budget ${BUDGET})`);
console.log(`integrity="${sri}"`);
if (gz > BUDGET) {
  console.error(`snippet is ${gz - BUDGET} bytes over the ${BUDGET}-byte gzip budget`);
  process.exit(1);
}
