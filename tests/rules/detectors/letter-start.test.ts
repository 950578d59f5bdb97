import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LETTER_STARTS } from '../../../src/rules/detectors/letter-start.js';
import { ALL_DETECTORS, redactText } from '../../../src/rules/detectors/index.js';

// A cue pattern gated by letterStart (src/rules/detectors/letter-start.ts) is tried only where a letter (or a listed
// character) stands: its matches must be those of its plain form, on any text. Every gated pattern is compared on the
// corpus's strings, on texts opening with each cue shape, and on random texts of cue words, digits, punctuation, marks
// and the letters that case folding joins to ASCII ones (KELVIN SIGN, long s, dotless i, sharp s).

const REPO = join(import.meta.dirname, '../../..');

function strings(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) { out.push(k); strings(x, out); }
}

function corpusStrings(): string[] {
  const out: string[] = [];
  for (const line of readFileSync(join(REPO, 'tests/fixtures/corpus/events.jsonl'), 'utf8').split('\n')) if (line) strings(JSON.parse(line), out);
  return [...new Set(out)];
}

const PIECES = ['my name is ', "I'm ", 'I am ', 'this is ', "it's ", 'Patient: ', 'pt - ', 'Dear ', 'Mrs. ', 'Sincerely,\n', 'Thanks,<br>',
  '--\n', '-- \r\n', 'Happy 90th birthday ', 'soy ', ', soy ', 'je suis ', 'ich bin ', 'Hello, ', 'good morning ', 'my mother (', 'Name: ',
  'nombre: ', 'me llamo ', 'mijn naam is ', 'benim adım ', 'Jane ', 'Doe', 'O\u2019Brien', '\u212Aenji ', '\u017Fincerely,\n', 'ı', 'ß', 'e\u0301',
  '(617) 555-0002', ' ', '  ', ',', '.', '-', '\n', '|', '"', "'", '\u2019', '42', 'é', 'Ж', '\u00a0'];

function randomTexts(n: number): string[] {
  let seed = 20261202;
  const next = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let t = '';
    const parts = 1 + (next() % 8);
    for (let p = 0; p < parts; p++) t += PIECES[next() % PIECES.length];
    out.push(t);
  }
  return out;
}

function matches(re: RegExp, text: string): string {
  const out: string[] = [];
  if (!re.global) return JSON.stringify(re.exec(text));
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(JSON.stringify([m.index, ...m]));
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return out.join('\n');
}

describe('letter-gated cue patterns', () => {
  it('gate the person-name cue at least (the detectors are loaded)', () => {
    expect(ALL_DETECTORS.some((d) => d.kind === 'person_name')).toBe(true);
    expect(LETTER_STARTS.length).toBeGreaterThan(0);
    for (const { plain, gated } of LETTER_STARTS) expect(gated.source.startsWith('(?=[\\p{L}')).toBe(true), expect(gated.flags).toBe(plain.flags);
  });

  it('match exactly as their plain forms on the corpus, each cue shape and random cue texts', () => {
    const texts = [...corpusStrings(), ...PIECES.map((p) => `${p}Jane Doe calling`), ...randomTexts(4000)];
    for (const { plain, gated } of LETTER_STARTS) {
      const differ = texts.filter((t) => matches(plain, t) !== matches(gated, t));
      expect(differ.slice(0, 5)).toEqual([]);
    }
  });

  it('still find a signature after `--` and a name after a cue', () => {
    expect(redactText('Thanks for the help\n-- \nJane Doe', ALL_DETECTORS).text).toBe('Thanks for the help\n-- \n[NAME]');
    expect(redactText('Hi, this is Jane Doe, please call me back', ALL_DETECTORS).text).toContain('this is [NAME]');
  });
});
