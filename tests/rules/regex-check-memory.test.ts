import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { backtrackingProblem } from '../../src/rules/regex-safety.js';
import { polynomialProblem } from '../../src/rules/regex-polynomial.js';

// The compiler checks every pack regex for backtracking; what those checks remember is per regex.
// A collector compiles its rules once and then runs for weeks: memory the checks keep afterwards is
// kept by every worker (issue #5), and V8 lets the old generation grow to twice of it.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = async (): Promise<number> => {
  for (let i = 0; i < 3; i++) { await new Promise((r) => setImmediate(r)); gc(); }
  return process.memoryUsage().heapUsed;
};
const words = (n: number, salt: string): string => Array.from({ length: n }, (_, i) => `${salt}${i.toString(36)}word`).join('|');

describe('regex checks and memory', () => {
  it('keep nothing once a large alternation has been checked', async () => {
    const check = (source: string) => [backtrackingProblem(source, 'i'), polynomialProblem(source, 'i')];
    expect(check(`(?:${words(50, 'a')})+x`)).toEqual([undefined, undefined]); // the checks' own code compiled first
    const before = await heapAfterGc();
    expect(check(`(?:^|[^a-z])(?:${words(4000, 'b')})(?:$|[^a-z])`)).toEqual([undefined, undefined]);
    const kept = (await heapAfterGc()) - before;
    expect(kept).toBeLessThan(100 * 1024);
  });
});
