import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one fork per core less one: a single fork on a 2-core machine, where most test
    // time is spent waiting on child collectors, Postgres and timers. Two test files at a time there.
    poolOptions: { forks: { maxForks: Math.max(2, availableParallelism() - 1) } },
    reporters: ['default'],
  },
});
