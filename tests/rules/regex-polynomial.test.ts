import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileLocated } from '../../src/config/compile-located.js';
import { ConfigError } from '../../src/errors.js';
import { polynomialProblem } from '../../src/rules/regex-polynomial.js';
import { backtrackingProblem } from '../../src/rules/regex-safety.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// Two unbounded repetitions that can read the same characters, with only optional parts between
// them, split one run of those characters in as many ways as it is long: `\s*\s*x` took 7 s on 2,000
// spaces. An operator's `regex:` of that kind is refused when the rules compile, as the exponential
// kind is (regex-safety.test.ts). Structural: no pattern is run, nothing is timed.

const refused = (p: string) => backtrackingProblem(p, 'i') ?? polynomialProblem(p, 'i');

// Each a shape of the class: adjacent, across an optional part, a group's last repetition meeting the next
// part's first, in a lookaround, beyond ASCII; and the brief's four (two of them exponential, refused before).
const POLYNOMIAL = ['\\s*\\s*x', '.*.*=.*', '^a*a*$', 'a+(b)?a+c', '(x\\s*)*\\s*y', '(?:\\s*)\\s+x', '(a*|b)a+c', '[a-z-]+(-[a-z0-9]+)*/',
  '(?=\\d+\\w+!)', '[а-я]*[ж]+!', '\\w+(?=x)?\\d+!', 'x(.*)?(.+)?y', '[a-z]+(?:\\.)?[a-z]*(?:\\.)?[a-z]+!'];
const BRIEF = ['(\\w+\\s?)*$', '\\s*\\s*x', '(a|aa)+', '.*.*=.*'];
// Look-alikes with one way to split: a required character between (`.*=.*`), sets that do not meet,
// bounded repetitions, a group that ends on a character the next part never reads.
const LINEAR = ['.*=.*', '\\s*x\\s*', '[a-z]+\\d+', '\\s?\\s*x', '\\d{1,3}\\d{1,3}', '([^/]+/)*[^/]+\\.pdf$', '[а-я]*[\\s/_-]*x', '^/(login|logout)(/.*)?$',
  'resultats?([/_-]*(d|de|des))?[/_-]*(analyses?|examens?)', '(?<!about[\\s._-]*((the|our)[\\s._-]*)?)portal', 'video[a-z]*[\\s/_-](.*[\\s/_-])?(salle|sala)', '[^/0-9]*[0-9][^/]*$'];

// Separated by a required part that can be one character both repetitions read: a run of it splits at each
// of its characters (`.*=.*b` took 51 s on 4,000 "=", `[^/]*[0-9][^/]*/$` 65 s on 4,000 digits). Anchored,
// after a literal, the part repeated, in a group followed by more, the part an alternation or a class.
const SEPARATED = ['x.*y.*z', 'a.*=.*b', '[^/]*[0-9][^/]*$', '^x.*y.*z$', '^/s/[^/]*-[^/]*/', '.*(=|;).*x', '(.*=.*)x', '\\w+(_|\\.)\\w+!', '[a-z]*[aeiou][a-z]*\\d', '\\s*[\\t ]\\s*x', 'x.*y.*y.*z'];
// Look-alikes: the part between is something the first cannot read, or the second ends the pattern
// (its first split is a match), or the repetitions share no character, or one is bounded.
const SEPARATED_SAFE = ['.*=.*', '[^=]*=.*b', '^/search/[^/]*/.*x', '[a-z]+-[0-9]+x', '\\d+\\.\\d+x', '[^/]*/[^/]*/x', '\\s*,\\s*x', '[a-z]*(-|_)[a-z-]*!',
  '[^/0-9]*[0-9][^/]*$', 'x.{0,20}y.*z', 'x(a.*=.*)?', '\\w+-\\w+!'];

// Separated by a part of several characters that can match a text both repetitions read: a run repeating
// that text splits at each repeat ("refill-refill-…": 1-8 ms per rule on a 2,000-character segment, the
// square of the length). The bundled page rules of that shape are written in the linear form below.
const SEPARATED_WORD = ['(^|/)([a-z0-9]+-)*refills?(-[a-z0-9]+)*(/|$)', '([a-z0-9]+-)*(bill|pay)-now(-[a-z0-9]+)*/x', '[a-z]*ab[a-z]*$', 'x.*yz.*w',
  '(^|/)(?!x)([a-z0-9]+-)*(appointments?|visits?)(-[a-z0-9]+)*/(confirm|done)(/|$)', '\\w+(__)\\w+!'];
// Look-alikes: the linear form (the segment checked once in a lookahead, the word found lazily and ended
// by a lookahead), a part between that the repetitions cannot read, a second repetition ending the pattern.
const SEPARATED_WORD_SAFE = ['(^|/)(?=[a-z0-9]+(?:-[a-z0-9]+)*(?:/|$))(?:[a-z0-9]+-)*?refills?(?=[-/]|$)',
  '(^|/)(?=[a-z0-9]+(?:-[a-z0-9]+)*/(?:confirm|done)(?:/|$))(?:[a-z0-9]+-)*?(appointments?|visits?)(?=[-/]|$)',
  '[a-z-]*/x/[a-z-]*!', '[a-z]*ab[a-z]*', '[0-9]*ab[0-9]*$', '^/forms/(?=[^/]*$)(?:[a-z0-9]+-)*?intakes?(?![a-z0-9])'];

describe('operator regexes that take polynomial time', () => {
  it.each(SEPARATED)('%s (separated by a part both read) is refused', (p) => expect(polynomialProblem(p, 'i')).toMatch(/between them, which both can read too/));
  it.each(SEPARATED_SAFE)('%s passes', (p) => expect(refused(p)).toBeUndefined());
  it.each(SEPARATED_WORD)('%s (separated by a word both read) is refused', (p) => expect(polynomialProblem(p, 'i')).toMatch(/between them, which both can read too/));
  it.each(SEPARATED_WORD_SAFE)('%s passes', (p) => expect(refused(p)).toBeUndefined());

  // Every pair of repetitions across every one-character separator: refused exactly when a character the
  // separator matches is read by both (decided by trying sample characters, not by the check's own sets).
  it('refuses a separated pair exactly when both read a character the part between matches', () => {
    const reps = ['.*', '[a-z]+', '\\d*', '[^/]*', '\\s+', '[а-я]+'];
    const seps = ['=', '[0-9]', '/', '(a|-)', 'ж', '\\s', 'q?[5/]'];
    const samples = [' ', 'a', 'q', '5', '/', '-', '=', 'ж', '!'];
    const reads = (re: string, c: string) => new RegExp(`^(?:${re})$`, 'i').test(c);
    for (const a of reps) for (const b of reps) for (const m of seps) {
      const pumps = samples.some((c) => reads(a, c) && reads(b, c) && reads(m, c));
      expect([a, m, b, polynomialProblem(`${a}${m}${b}!`, 'i') !== undefined]).toEqual([a, m, b, pumps]);
    }
  });

  it.each(POLYNOMIAL)('%s is refused', (p) => expect(polynomialProblem(p, 'i')).toBeDefined());
  it.each(BRIEF)('%s is refused (polynomial or exponential)', (p) => expect(refused(p)).toBeDefined());
  it.each(LINEAR)('%s passes', (p) => expect(refused(p)).toBeUndefined());

  // Every pair of repetitions from a list, side by side and across every optional part: refused exactly
  // when the two can read a common character (decided here by trying sample characters, not by the check's own sets).
  it('refuses a pair of repetitions exactly when their characters meet', () => {
    const reps = ['\\s*', '\\s+', '.*', '[a-z]+', '\\d*', '[а-я]+', '[/_-]*', 'é+'];
    const samples = [' ', '\u00a0', 'a', 'q', '5', '/', '_', 'ж', 'é', 'É', '!'];
    const between = ['', '(b)?', '(?:-x)?', '(?=z)', '$?'];
    for (const a of reps) for (const b of reps) for (const m of between) {
      const meet = samples.some((c) => new RegExp(`^(?:${a})$`, 'i').test(c) && new RegExp(`^(?:${b})$`, 'i').test(c));
      expect([a, m, b, polynomialProblem(`${a}${m}${b}!`, 'i') !== undefined]).toEqual([a, m, b, meet]);
    }
  });
});

function problems(yaml: string): string[] {
  try { compileLocated(loadConfig(writeConfig(yaml), {}), { dataDir: tempDir() }); } catch (err) { if (err instanceof ConfigError) return [...err.issues]; throw err; }
  return [];
}

describe('a blocked path or host of that kind in the rules', () => {
  const base = `version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\n`;
  it('is refused at its file:line, naming both parts and why; the bundled rules compile', () => {
    expect(problems(base)).toEqual([]);
    const found = problems(`${base}blocked_paths:\n  - { name: ok_rule, regex: "^/patient/[^/]+/records$" }\n  - { name: slow_rule, regex: "^/search/.*.*=.*" }\n` +
      `blocked_hosts:\n  - { name: slow_host, regex: "^portal\\\\s*\\\\s*x\\\\.example$" }\n`).join('\n');
    expect(found).toMatch(/phiwall\.yaml:5:\d+: blocked_paths\[\d+\]\.regex: refused: this pattern can take polynomial time .*"\.\*" and "\.\*" can both read the same run of characters/);
    expect(found).toMatch(/phiwall\.yaml:7:\d+: blocked_hosts\[\d+\]\.regex: refused: .*polynomial.*"\\s\*" and "\\s\*"/);
    expect(found).not.toMatch(/ok_rule|\^\/patient/);
  });

  it('separated by a word both read: refused at its file:line, with the linear form as the hint', () => {
    const found = problems(`${base}blocked_paths:\n  - { name: ok_rule, regex: "(^|/)(?=[a-z0-9]+(?:-[a-z0-9]+)*(?:/|$))(?:[a-z0-9]+-)*?refills?(?=[-/]|$)" }\n` +
      '  - { name: slow_rule, regex: "(^|/)([a-z0-9]+-)*refills?(-[a-z0-9]+)*(/|$)" }\n').join('\n');
    expect(found).toMatch(/phiwall\.yaml:5:\d+: blocked_paths\[\d+\]\.regex: refused: this pattern can take polynomial time .*"\(\[a-z0-9\]\+-\)\*" and "\(-\[a-z0-9\]\+\)\*" can both read the same run of characters, with "refills\?" between them, which both can read too \(check the text around the word once, in a lookahead/);
    expect(found.split('\n')).toHaveLength(1);
  });

  it('separated by a part both read: refused at its file:line, naming both parts and the part between', () => {
    const found = problems(`${base}blocked_paths:\n  - { name: ok_rule, regex: "^/search/[^=]*=.*&page=" }\n  - { name: slow_rule, regex: "^/search/.*=.*&page=" }\n`).join('\n');
    expect(found).toMatch(/phiwall\.yaml:5:\d+: blocked_paths\[\d+\]\.regex: refused: this pattern can take polynomial time .*"\.\*" and "\.\*" can both read the same run of characters, with "=" between them, which both can read too/);
    expect(found.split('\n')).toHaveLength(1);
  });
});
