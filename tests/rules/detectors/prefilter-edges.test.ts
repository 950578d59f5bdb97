import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, DETECTORS_BY_KIND, redactText } from '../../../src/rules/detectors/index.js';
import { DetectorPrefilter } from '../../../src/rules/detectors/prefilter.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';

const REPO = join(import.meta.dirname, '../../..');

// The prefilter's walk reads characters before and after the one it stands on (a digit's neighbours, the
// letter after a cue letter, a dash's surroundings). At a text's first or last character those reads fall
// outside the text: they go through codeAt (src/common/code-at.ts), whose 0 must answer every test as
// charCodeAt's NaN did there, and must not send V8's optimised walk back to the interpreter (H192).

describe('the prefilter walk at a text\'s ends', () => {
  const prefilter = new DetectorPrefilter(ALL_DETECTORS, DETECTORS_BY_KIND);

  it.each([
    ['age 92', 'age [AGE]'],
    ['092Y', '[AGE]Y'],
    ['call me at 555-0143', 'call me at [PHONE]'],
    ['tel 617-555-0143', 'tel [PHONE]'],
    ['DOE, JANE', '[NAME]'],
    ['our son Ethan', 'our son [NAME]'],
    ['Aunt Rosie', 'Aunt [NAME]'],
    ['see http://x.org/a?', 'see [URL]?'],
    ['lee -at- example -dot- org', '[EMAIL]'],
    ['2B:3C:4D:5E:6F:70', '[DEVICE]'],
  ])('redacts %j, its identifier against the end, as every detector does', (text, redacted) => {
    expect(redactText(text, prefilter.candidates(text)).text).toBe(redacted);
    expect(redactText(text, ALL_DETECTORS).text).toBe(redacted);
  });

  it('stays sound on short texts opening or closing on a cue character', () => {
    expectPrefilterSound(['9', '1', '0', '92', '-', 'tel', 'e', 'h', 'http', 'w', '.', ',', ':', '<', '%4', '/', "'", '\n', 'DOE', 'Z', ' ', 'my', 'xo', 'b.', 'our', 'Jane'],
      { maxLength: 3, numRuns: 3000 });
  });

  it('is not deoptimised by reads past a text\'s ends', () => {
    // Warmed on texts whose cues stand inside them, the walk is optimised; the texts after it end (or open) on a cue.
    const script = `const { textFeatures } = await import('./src/rules/detectors/prefilter.ts');
const inner = ['Call me at 555-0143 tomorrow please', 'Patient Jane Doe, age 92 years old.', 'see https://x.org/a?b=1#c now', 'DOE, JANE M was seen', 'my cell: 617-555-0143 ok', 'born 3/4/1950 in Ohio ok'];
let h = 0;
for (let k = 0; k < 40000; k++) h += textFeatures(inner[k % inner.length]).flags & 1;
const edges = ['9', '91', 'age 92', '-', 'x -', 'tel', 'TEL', 'e', 'E', 'h', 'http', 'w', '.', '.j', '<', '%', '%4', '/', 'u/', ':', 'C:', 'DOE,', ',AB', 'Z,', 'xo', 'my', 'b.', 'dob', 'ssn', 'pt', 'cell', 'our', 'sr', 'v', 'five', "'", '\\n', '|', 'Photo: J', 'Jane'];
for (let r = 0; r < 50; r++) for (const t of edges) h += textFeatures(t).flags & 1;
process.stdout.write('walked ' + h);`;
    const out = execFileSync(process.execPath, ['--no-concurrent-recompilation', '--trace-deopt', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(out).toContain('walked');
    expect(out.split('\n').filter((l) => l.includes('reason: out of bounds'))).toEqual([]);
  }, 60_000);
});
