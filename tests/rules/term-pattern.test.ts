import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { compileTerms, PIECE_BUDGET } from '../../src/rules/term-pattern.js';
import { REPO } from '../helpers/collector.js';

// The sensitive-terms regex is built as a trie of the terms: it must answer exactly what the
// plain alternation of the terms answered, for any term list and any text.
function flatAlternation(terms: readonly string[]): RegExp | undefined {
  if (!terms.length) return undefined;
  const alt = terms.map((t) => t.toLowerCase().replace(/[.+?^${}()|[\]\\*]/g, '\\$&').replace(/[\s_-]+/g, '[\\s_-]*')).join('|');
  return new RegExp(`(?:^|[^a-z])(?:${alt})`, 'i');
}

const piece = fc.constantFrom('a', 'b', 'c', 'ab', 'hiv', 'chemo', 'Ch', '-', '_', ' ', '  ', '.', '*', '(', '[', '\\', 'é', 'İ', 'K', '1');
const term = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
const text = fc.array(fc.oneof(piece, fc.constantFrom('x', '/', '?', 'HIV', 'CHEMO-therapy', 'abc')), { maxLength: 10 }).map((p) => p.join(''));

describe('sensitive-terms pattern', () => {
  it('matches what the plain alternation of the terms matches', () => {
    fc.assert(fc.property(fc.array(term, { maxLength: 6 }), fc.array(text, { minLength: 1, maxLength: 8 }), (terms, texts) => {
      const trie = compileTerms(terms);
      const flat = flatAlternation(terms);
      expect(trie === undefined).toBe(flat === undefined);
      for (const t of texts) expect(trie?.test(t)).toBe(flat?.test(t));
    }), { numRuns: 3000 });
  });

  it('answers the same when the terms are split into pieces under any budget', () => {
    // A budget of 20-60 characters puts a word or a few in each piece, and some words alone over it.
    fc.assert(fc.property(fc.array(term, { maxLength: 8 }), fc.integer({ min: 20, max: 60 }), fc.array(text, { minLength: 1, maxLength: 8 }), (terms, budget, texts) => {
      const split = compileTerms(terms, budget);
      const flat = flatAlternation(terms);
      for (const t of texts) expect(split?.test(t)).toBe(flat?.test(t));
    }), { numRuns: 3000 });
  });

  it('the bundled terms answer the same in small pieces as in the default ones', () => {
    const terms = loadConfig(join(REPO, 'rules/phiwall.yaml')).rules.sensitive_terms ?? [];
    const whole = compileTerms(terms)!, small = compileTerms(terms, 1500)!;
    expect(small.pieces.length).toBeGreaterThan(whole.pieces.length);
    const samples = ['/conditions/breast-cancer', '/es/salud-mental/', '/zh/癌症', 'Депрессия', '/ru/онкология', '/about-us', 'HIV testing', '/hivemind', '/services/bh/', 'PrEP', 'prep-school', '/ko/임신', 'yiyu', '/blog/news'];
    for (const t of [...samples, ...terms.map((x) => x.replace(/^[=/]|~$/g, ''))]) expect(small.test(t)).toBe(whole.test(t));
  });

  it('reads the pack terms: words after a non-letter, any separators', () => {
    const re = compileTerms(['hiv', 'hiv-aids', 'chemo', 'chemotherapy', 'weight-loss'])!;
    expect(re.test('/conditions/hiv-testing')).toBe(true);
    expect(re.test('Weight_Loss surgery')).toBe(true);
    expect(re.test('weightloss')).toBe(true);
    expect(re.test('archive')).toBe(false);
    expect(re.test('Chemotherapy')).toBe(true);
  });

  it('reads a `/term` only as a whole path segment', () => {
    const re = compileTerms(['/bh', '/ob-gyn', 'chemo'])!;
    for (const t of ['/bh', '/bh/', '/services/bh/adult', 'https://x.example/bh?q=1'.split('?')[0], '/OB_GYN/', '/care/ob-gyn']) expect(re.test(t)).toBe(true);
    for (const t of ['bh', 'BH Board', '/about/bh-board', '/bhutan', '/abh/', 'x/bh2', '/ob-gyne']) expect(re.test(t)).toBe(false);
  });

  it('reads a `term~` as a whole word, or run on to a plural or a care word', () => {
    const re = compileTerms(['hiv~', 'std~', 'chemo'])!;
    for (const t of ['/hiv', 'HIV+', '/hiv-1/', '/hivtesting', '/HIVCare', '/stds', '/std-screening', 'hiv/aids']) expect(re.test(t)).toBe(true);
    for (const t of ['/hivemind', 'beehives', '/fr/hiver', '/stdout', 'STDLIB', '/archive']) expect(re.test(t)).toBe(false);
  });

  it('reads a `+` in a term as a separator the text must have', () => {
    // H147: `retin+a~` is Retin-A, not `retina`; `treat+ed~` is not `treated`. A term's `-` still matches none.
    const re = compileTerms(['retin+a~', 'treat+ed~', 'weight-loss', 'ed + pill'])!;
    for (const t of ['/skin/retin-a', 'Retin-A Micro', 'retin_a', 'retin  a', '/how-we-treat-ed', 'Treat ED', 'weightloss', 'ed pill', 'ed-pills']) expect(re.test(t)).toBe(true);
    for (const t of ['/retina-center', 'retinal', 'retin-al', 'treated', '/treat-edema', 'edpill', 'retin+a']) expect(re.test(t)).toBe(false);
  });

  it('reads a whole word that a longer whole word extends, and the longer one', () => {
    // H160: `sma-type-i~` cut `sma-type-ii~` off (the trie's "an empty rest matches already"), and the check after
    // the shared run then failed on `SMA type II`.
    const re = compileTerms(['sma-type-i~', 'sma-type-ii~', 'sma-type-iii~'])!;
    for (const t of ['SMA type I', 'sma-type-ii', 'SMA Type III care', '/sma-type-i/']) expect(re.test(t)).toBe(true);
    for (const t of ['sma type iv', 'sma-type-iiii', 'sma type interface']) expect(re.test(t)).toBe(false);
  });

  it('gives terms in other scripts pieces of their own, tested only on a non-ASCII string, only when that saves a piece', () => {
    // H160: inside the ASCII terms' pieces (behind a look ahead) they cost an ASCII string almost nothing until they
    // would add a piece every string scans; apart, the check for a non-ASCII character is one scan of every string.
    const terms = ['癌', 'онколог', 'cancer', 'hiv~'];
    expect(compileTerms(terms)!.pieces.length).toBe(1);
    const asciiOnly = compileTerms(['cancer', 'hiv~'])!.pieces[0].source.length;
    const re = compileTerms(terms, asciiOnly + 5)!;
    expect(re.pieces.length).toBe(2);
    const [ascii, other] = re.pieces;
    expect(/[^\x00-\x7f]/.test(ascii.source)).toBe(false);
    let otherRuns = 0;
    const otherTest = other.test.bind(other);
    other.test = (s: string): boolean => { otherRuns++; return otherTest(s); };
    for (const t of ['/conditions/cancer', '/hiv', '/about-us', '/careers/nursing']) re.test(t);
    expect(otherRuns).toBe(0);
    expect(re.test('/zh/乳腺癌')).toBe(true);
    expect(re.test('/ru/детская-онкология')).toBe(true);
    expect(re.test('/zh/关于我们')).toBe(false);
    expect(otherRuns).toBe(3);
  });

  it("keeps every piece of the bundled terms' regex well under V8's 20 KB optimization limit", () => {
    // Past 20 * 1024 source characters V8 stops optimizing a regex: every string sent to a destination without
    // a BAA then took about ten times as long to test (measured: 0.12 us a string under it, 2.1-2.8 us over it).
    // Each piece stays under half of it (PIECE_BUDGET); more terms make more pieces.
    const terms = loadConfig(join(REPO, 'rules/phiwall.yaml')).rules.sensitive_terms ?? [];
    const pieces = compileTerms(terms)!.pieces;
    expect(PIECE_BUDGET).toBeLessThanOrEqual(10 * 1024);
    for (const re of pieces) expect(re.source.length).toBeLessThanOrEqual(PIECE_BUDGET);
    const doubled = compileTerms([...terms, ...terms.map((t) => t.replace(/^([=/]?)/, '$1zz'))])!.pieces;
    expect(doubled.length).toBeGreaterThan(pieces.length);
    for (const re of doubled) expect(re.source.length).toBeLessThanOrEqual(PIECE_BUDGET);
  });

  it('counts a segment term\'s `/` as its regex source writes it (`\\/`) when cutting pieces', () => {
    // H144: the bundled terms doubled passed the budget by 16 characters, one per `/` of the `/term` checks.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const segments = [...letters].flatMap((a) => [...letters].map((b) => `/q${a}${b}`));
    const pieces = compileTerms(segments, 2048)!.pieces;
    expect(pieces.length).toBeGreaterThan(1);
    for (const re of pieces) expect(re.source.length).toBeLessThanOrEqual(2048);
    expect(pieces.some((re) => re.test('/services/qmz'))).toBe(true);
  });
});
