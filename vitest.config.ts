import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The scrub tests (tests/rules, tests/pipeline) run the compiled plan in-process: no servers, no child
// processes, no module state but the plans' content-keyed memos. Loading the source tree and compiling the
// bundled rules was most of their time when every file got a fresh module graph (a third of the suite's
// worker time on a 2-core machine), so they share one module graph per fork. Everything else keeps its own.
// The system tests share a process per fork too: their time is in child collectors, Postgres and Chromium, and
// their module state (servers, pools, timers) is closed by each file's own hooks.
// A `*.fresh.test.ts` file measures CPU time, which a shared process skews: each gets a process of its own.
const FRESH = 'tests/**/*.fresh.test.ts';
const SCRUB = ['tests/rules/**/!(*.fresh).test.ts', 'tests/pipeline/**/!(*.fresh).test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one fork per core less one: a single fork on a 2-core machine, where most test
    // time is spent waiting on child collectors, Postgres and timers. Two test files at a time there.
    poolOptions: { forks: { maxForks: Math.max(2, availableParallelism() - 1) } },
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'scrub', include: SCRUB, isolate: false } },
      { extends: true, test: { name: 'system', include: ['tests/**/*.test.ts'], exclude: [...SCRUB, FRESH], isolate: false } },
      { extends: true, test: { name: 'fresh', include: [FRESH] } },
    ],
  },
});
