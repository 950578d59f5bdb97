// `npm test`: the whole suite in three vitest runs (vitest.config.ts's three projects). The system and scrub tests
// share one process and module graph per fork; the CPU-time guards (`*.fresh.test.ts`) get a fresh process per file.
// Isolation is decided for a whole vitest run, not per project. Extra arguments (file filters, `-t`) go to every run;
// the exit code is the first failure's, and the second run still runs so one report shows every failure.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs');
const extra = process.argv.slice(2);
const runs = [
  ['--project', 'system', '--no-isolate'],
  ['--project', 'scrub', '--no-isolate'],
  ['--project', 'fresh'],
];

let exitCode = 0;
for (const run of runs) {
  const result = spawnSync(process.execPath, [vitest, 'run', '--passWithNoTests', ...run, ...extra], { stdio: 'inherit' });
  const code = result.status ?? 1;
  if (code !== 0 && exitCode === 0) exitCode = code;
}
process.exit(exitCode);
