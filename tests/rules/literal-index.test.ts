import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { LiteralIndex } from '../../src/rules/literal-index.js';
import { neededLiterals } from '../../src/rules/regex-literals.js';
import { polynomialProblem } from '../../src/rules/regex-polynomial.js';
import { backtrackingProblem } from '../../src/rules/regex-safety.js';
import { REPO, tempDir } from '../helpers/collector.js';

// The literal index's one promise: for any text, the first pattern it finds is the first pattern
// that tests true when every pattern is tested in turn. It may only skip patterns that cannot match.

const linearFirst = (res: readonly RegExp[], text: string): number => res.findIndex((re) => re.test(text));

describe('needed literals of a pattern', () => {
  it.each([
    [/^\/patient-portal(?:\/.*)?$/i, ['/patient-portal']],
    [/(^|\/)(pay-?bill|billpay)(\/|$)/i, ['paybill', 'pay-bill', 'billpay']],
    [/(^|\/)([a-z0-9]+-)*refills?(\/|$)/i, ['refill']],
    [/[Rr]x-(Refill|Renew)/, ['rx-refill', 'rx-renew']],
    [/(?<!about-)portal/i, ['portal']],
    [/a\/b\.c\x41/i, ['a/b.ca']],
  ])('%s needs one of %j (possibly with what surrounds them)', (re, cores) => {
    const needs = neededLiterals(re) ?? [];
    expect(needs.length).toBeGreaterThan(0);
    for (const s of needs) expect(cores.some((core) => s.includes(core))).toBe(true);
    for (const core of cores) expect(needs.some((s) => s.includes(core))).toBe(true);
  });

  it.each([
    [/(portal)?/i], [/.*/], [/[a-z]+/i], [/(a|.)bc/], [/(\w+)-\1/], [/x{2,}|y/], [/\p{L}/u], [/portal/gi], [/portal/y], [/a{,2}/],
  ])('%s needs nothing known (always tested)', (re) => {
    const needs = neededLiterals(re);
    expect(needs === undefined || needs.some((s) => s.length < 3) || re.flags.includes('u')).toBe(true);
  });
});

/** Random patterns over a small alphabet, with the syntax the analysis models and some it does not. */
const CHARS = ['a', 'b', 'c', 'A', 'B', '-', '/', 'é', 'É', 'п', 'П', '1'];
const atom: fc.Arbitrary<string> = fc.letrec((tie) => ({
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c', 'ab', 'abc', 'bca', 'cab', 'abcab', 'a-bc', '\\/ab', 'Abc', 'пab', 'A', 'B', 'é', 'п', '\\/', '\\-', '-', '.', '^', '$', '\\b', '\\d', '\\w', '\\s', '\\x61', '\\u00e9', '[ab]', '[a-c]', '[^a]', '[-/]', '[\\/a]', '[éa]', '[a-zA-Z]'),
    tie('group').map((g) => g as string),
  ),
  group: fc.tuple(fc.constantFrom('(', '(?:', '(?=', '(?!', '(?<=', '(?<!', '(?<n>'), fc.array(tie('seq'), { minLength: 1, maxLength: 3 }))
    .map(([open, alts]) => `${open}${(alts as string[]).join('|')})`),
  seq: fc.array(fc.tuple(tie('atom'), fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{1,3}', '{0,2}', '{2,}', '+?')), { minLength: 1, maxLength: 4 })
    .map((parts) => (parts as [string, string][]).map(([a, q]) => (/^(\^|\$|\\b)$/.test(a) ? a : a + q)).join('')),
})).seq;
// Only patterns the rules compiler accepts: a random `(a+)+` against a 30-character text backtracks
// for minutes inside one synchronous test (no timeout can stop it), and no compiled rule has that shape.
const pattern = fc.tuple(fc.array(atom, { minLength: 1, maxLength: 2 }), fc.constantFrom('', 'i', 'i', 'u', 'iu', 's'))
  .map(([alts, flags]) => { try { return new RegExp(alts.join('|'), flags); } catch { return /$^/; } })
  .filter((re) => backtrackingProblem(re.source, re.flags) === undefined && polynomialProblem(re.source, re.flags) === undefined);
const text = fc.array(fc.constantFrom(...CHARS, 'abc', 'bca', 'cab', 'ABC', 'ab-c', 'a-bc', '/ab'), { maxLength: 12 }).map((a) => a.join(''));

describe('the literal index', () => {
  it('finds the same first pattern as testing each in turn (random patterns and texts)', () => {
    fc.assert(fc.property(fc.array(pattern, { minLength: 1, maxLength: 6 }), fc.array(text, { minLength: 1, maxLength: 20 }), (res, texts) => {
      const index = new LiteralIndex(res);
      for (const t of texts) expect(index.firstMatch(t)).toBe(linearFirst(res, t));
      // A pattern matching every text is never ruled out (config-warnings.ts's catch-all test relies on it).
      const every = index.mayMatchEvery(texts);
      res.forEach((re, i) => { if (texts.every((t) => re.test(t))) expect(every[i]).toBe(true); });
    }), { numRuns: 1500 });
  });

  it("finds the same first blocked-path rule of the bundled pack as testing each in turn", () => {
    const plan = compileRules(loadConfig(join(REPO, 'rules/phiwall.yaml')).rules, { dataDir: tempDir() });
    const res = plan.blocked.map((b) => b.re);
    expect(plan.blockedIndex).toBeDefined();
    // Parts: the rules' own needed literals (so that texts often match), upper-cased too, separators and other scripts.
    const needed = [...new Set(res.flatMap((re) => neededLiterals(re) ?? []))];
    const parts = [...needed, ...needed.map((s) => s.toUpperCase()), '/', '-', '_', '.', ' ', 'my', 'new', 'x', 'é', 'İ', 'ſ', 'K', '1'];
    const path = fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 6 }).map((a) => `/${a.join('')}`);
    fc.assert(fc.property(path, (p) => { expect(plan.blockedIndex!.firstMatch(p)).toBe(linearFirst(res, p)); }), { numRuns: 3000 });
    // Every rule is found by a path made of one of its needed strings, where one exists.
    let found = 0;
    for (const s of needed) { const p = `/${s}`; expect(plan.blockedIndex!.firstMatch(p)).toBe(linearFirst(res, p)); if (linearFirst(res, p) >= 0) found++; }
    expect(found).toBeGreaterThan(50);
    // 3,000 paths each tested against every one of the pack's ~380 rules: ~11 s alone, over the default 60 s
    // at load 12+ on two cores. A correctness test, so its own bound says only when it is stuck.
  }, 240_000);
});
