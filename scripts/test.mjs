// `npm test`: the whole suite in two vitest runs (vitest.config.ts's two projects). The system tests run one file per
// fresh process; the scrub tests (compiled plan in-process, no servers) share one process and module graph per fork,
// which vitest decides for the whole run, not per project. Extra arguments (file filters, `-t`) go to both runs;
// the exit code is the first failure's, and the second run still runs so one report shows every failure.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs');
const extra = process.argv.slice(2);
const runs = [
  ['--project', 'system'],
  ['--project', 'scrub', '--no-isolate'],
];

let exitCode = 0;
for (const run of runs) {
  const result = spawnSync(process.execPath, [vitest, 'run', '--passWithNoTests', ...run, ...extra], { stdio: 'inherit' });
  const code = result.status ?? 1;
  if (code !== 0 && exitCode === 0) exitCode = code;
}
process.exit(exitCode);
