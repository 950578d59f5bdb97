import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, DETECTORS_BY_KIND, redactText } from '../../../src/rules/detectors/index.js';
import { DetectorPrefilter } from '../../../src/rules/detectors/prefilter.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';

// The prefilter skips a detector on texts shorter than the shortest it fires on. A name cue
// makes that four characters (`Ms Li`, `Mr X`, a signature's `--` line and `Jo`): the gate said
// six, and the random soundness run found `--\nM` in CI only by its seed.

describe('the prefilter on the shortest texts', () => {
  const prefilter = new DetectorPrefilter(ALL_DETECTORS, DETECTORS_BY_KIND);

  it.each(['Ms Li', 'Mr X', "I'm J", '--\nJo', '--\nM'])('lets the name detector see %j', (text) => {
    const all = redactText(text, ALL_DETECTORS);
    expect(all.kinds).toEqual(['person_name']);
    expect(redactText(text, prefilter.candidates(text))).toEqual(all);
  });

  it('redacts every text of up to four characters from cue letters as all detectors do', () => {
    const alphabet = [...'MXJlrsi .,:\n-\'I'];
    let texts = [''];
    for (let n = 1; n <= 4; n++) {
      texts = texts.flatMap((t) => alphabet.map((c) => t + c));
      for (const t of texts) expect(redactText(t, prefilter.candidates(t))).toEqual(redactText(t, ALL_DETECTORS));
    }
  });

  it('stays sound on random short texts around a cue', () => {
    expectPrefilterSound(['--', '\n', ' ', 'M', 'Jo', 'Ms', 'Mr', "I'm", 'Li', '.', ','], { maxLength: 4, numRuns: 2000 });
  });
});
