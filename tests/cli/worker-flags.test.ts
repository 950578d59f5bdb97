import { describe, expect, it } from 'vitest';
import { WORKER_NODE_FLAGS, v8PoolSize, workerExecArgv } from '../../src/cli/worker-flags.js';

// The cluster test (tests/cli/workers.test.ts) checks that running workers carry these flags.
describe('the node flags of serve --workers N', () => {
  it('bound the old generation\'s growth, the young generation and the wasm compiler in each worker, after the primary\'s own flags', () => {
    expect(WORKER_NODE_FLAGS).toEqual(['--heap-growing-percent=100', '--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']);
    expect(workerExecArgv([])).toEqual(['--heap-growing-percent=100', '--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']);
    expect(workerExecArgv(['--enable-source-maps'], '--max-old-space-size=2048')).toEqual(['--enable-source-maps', '--heap-growing-percent=100', '--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']);
  });

  it('leave a growth factor the operator chose as it is (=0 is V8\'s own)', () => {
    expect(workerExecArgv(['--heap-growing-percent=50'])).toEqual(['--heap-growing-percent=50', '--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']);
    expect(workerExecArgv(['--heap_growing_percent=0'])).toEqual(['--heap_growing_percent=0', '--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']);
    expect(workerExecArgv([], '--inspect  --heap-growing-percent=30')).toEqual(['--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']);
  });

  it('leave a young generation or a wasm tier the operator chose as it is (`--no-x` names flag x)', () => {
    expect(workerExecArgv(['--max-semi-space-size=16', '--wasm-tier-up', '--wasm-dynamic-tiering'])).toEqual(['--max-semi-space-size=16', '--wasm-tier-up', '--wasm-dynamic-tiering', '--heap-growing-percent=100']);
    expect(workerExecArgv([], '--max_semi_space_size=32 --no_wasm_tier_up')).toEqual(['--heap-growing-percent=100', '--no-wasm-dynamic-tiering']);
  });

  it('size V8\'s background thread pool to the CPUs each worker has, unless the operator chose one', () => {
    expect(workerExecArgv([], '', 1)).toEqual(['--heap-growing-percent=100', '--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering', '--v8-pool-size=1']);
    expect(workerExecArgv(['--v8-pool-size=4'], '', 1)).toEqual(['--v8-pool-size=4', '--heap-growing-percent=100', '--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']);
    expect(workerExecArgv([], '--v8_pool_size=3', 1)).toEqual(['--heap-growing-percent=100', '--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']);
  });

  it('give a worker one thread per CPU it has: at least 1, at most Node\'s default 4', () => {
    expect(v8PoolSize(2, 2)).toBe(1);
    expect(v8PoolSize(8, 8)).toBe(1);
    expect(v8PoolSize(8, 3)).toBe(2);
    expect(v8PoolSize(2, 4)).toBe(1);
    expect(v8PoolSize(32, 2)).toBe(4);
  });
});
