import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LiteralIndex, rememberWindows } from '../../src/rules/literal-index.js';
import { checkPattern } from '../../src/rules/regex-checks.js';
import { neededLiterals } from '../../src/rules/regex-literals.js';
import { polynomialProblem } from '../../src/rules/regex-polynomial.js';
import { backtrackingProblem } from '../../src/rules/regex-safety.js';
import { parseRegex } from '../../src/rules/regex-syntax.js';

// The compiler reads an operator's pattern once for the exponential check, the polynomial check
// and the literal index (regex-checks.ts). The fixture holds what the per-check functions answered
// before that change (commit d35586a: each parsed the pattern itself), for every `regex:` of the
// bundled rules (flag i, as the compiler reads them) and for crafted patterns (nested quantifiers,
// overlapping alternations, backreferences, polynomial runs; with and without i). A refusal, its
// message or a pattern's needed literals changing would change which pages are blocked, or let a
// pattern that can hold the event loop through. After a deliberate change to a check,
// fixtures/regex-checks-baseline.regen.ts rewrites the answers (its diff shows every one that moved).
interface Case { source: string; flags: string; exponential: string | null; polynomial: string | null; literals: string[] | null }
const cases = JSON.parse(readFileSync(new URL('./fixtures/regex-checks-baseline.json', import.meta.url), 'utf8')) as Case[];

describe('one parse for the compiler\'s regex checks', () => {
  it('covers the bundled rules and refusals of both kinds', () => {
    expect(cases.length).toBeGreaterThan(500);
    expect(cases.filter((c) => c.exponential !== null).length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.exponential === null && c.polynomial !== null).length).toBeGreaterThan(10);
  });

  it('refuses with the same messages as before, single parse and per-check functions alike', () => {
    for (const c of cases) {
      const got = checkPattern(c.source, c.flags);
      expect({ source: c.source, exponential: got.exponential ?? null }).toEqual({ source: c.source, exponential: c.exponential });
      if (c.exponential === null) expect({ source: c.source, polynomial: got.polynomial ?? null }).toEqual({ source: c.source, polynomial: c.polynomial });
      expect(backtrackingProblem(c.source, c.flags) ?? null).toBe(c.exponential);
      expect(polynomialProblem(c.source, c.flags) ?? null).toBe(c.polynomial);
    }
  });

  it('finds the same needed literals from the shared parse as before', () => {
    for (const c of cases) {
      const re = new RegExp(c.source, c.flags);
      expect({ source: c.source, literals: neededLiterals(re, checkPattern(c.source, c.flags).parsed) ?? null }).toEqual({ source: c.source, literals: c.literals });
      expect(neededLiterals(re) ?? null).toEqual(c.literals);
    }
  });

  it('indexes patterns whose windows were remembered from the shared parse as when it reads them itself', () => {
    const safe = cases.filter((c) => c.exponential === null && c.polynomial === null);
    const remembered = safe.map((c) => new RegExp(c.source, c.flags));
    for (const re of remembered) rememberWindows(re, parseRegex(re.source));
    const [a, b] = [new LiteralIndex(remembered), new LiteralIndex(safe.map((c) => new RegExp(c.source, c.flags)))];
    const texts = ['/my-chart/messages', '/patient-portal/login', '/pharmacy/refill-prescription', '/about/our-team', '/', '/mi-salud/mensajes', '/billpay/123', '/abc/def/ghi'];
    for (const t of texts) {
      expect(a.firstMatch(t)).toBe(b.firstMatch(t));
      expect(a.mayMatchEvery([t])).toEqual(b.mayMatchEvery([t]));
    }
  });
});
