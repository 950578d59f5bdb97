import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, DETECTORS_BY_KIND, redactText } from '../../../src/rules/detectors/index.js';
import { DetectorPrefilter } from '../../../src/rules/detectors/prefilter.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';

// Pass 24's detectors and cues were written while every detector ran on every text (the prefilter's 30-detector
// cap, prefilter-size.test.ts): their gates are held here to the prefilter's one promise. A record row's separator
// marks a name cue only around the row's shape, spaces and accented cells included; a user agent's `;` does not.

describe('the prefilter on pass 24 texts', () => {
  const prefilter = new DetectorPrefilter(ALL_DETECTORS, DETECTORS_BY_KIND);

  it.each([
    'Jane |  Doe | 1980-02-03', 'Jane  | Doe | 1980-02-03', 'Achterhof ;  Marieke;12-04-1968', 'René;Dupont;03/04/1961',
    'Okafor\tJane\tF\t1958-07-21', 'Nakamura | Hiro | m | 44 | 1971-09-09', 'Lindqvist;Ärla;1966.10.02',
  ])('lets the name detector see the record row %j', (text) => {
    const all = redactText(text, ALL_DETECTORS);
    expect(all.kinds).toContain('person_name');
    expect(redactText(text, prefilter.candidates(text))).toEqual(all);
  });

  it.each([
    'nacido el cinco de agosto', 'naissance: trois mars', 'Geburtsdatum: dritten Juni', 'bday: July twenty second', 'b-day the third of March',
    'geboorte: dritten Juni', 'fecha de nacimiento cinco de agosto',
  ])('lets the spoken date detector see the birth date %j', (text) => {
    const all = redactText(text, ALL_DETECTORS);
    expect(all.kinds).toContain('spoken_date');
    expect(redactText(text, prefilter.candidates(text))).toEqual(all);
  });

  it('does not open the name scan on a user agent', () => {
    const ua = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Mobile Safari/537.36';
    expect(prefilter.candidates(ua).map((d) => d.kind)).not.toContain('person_name');
  });

  it('stays sound on random record rows', () => {
    expectPrefilterSound(['Jane', 'Doe', 'René', 'Ärla', "O'Neil", 'Lee-', 'Android', ' ', '  ', '|', ';', '\t', '\n', '14', '1961-03-04',
      '03/04/1961', 'F', 'x64', 'Win64', '(', ')', 'Pixel'], { maxLength: 9, numRuns: 3000 });
  });

  it('stays sound on random call logs, titles, spoken dates and KVNRs', () => {
    expectPrefilterSound(['called back', 'texted', 'left ', 'LVM for', 'vm for', 'voicemail for', 'spoke w/', 'phoned', ' ', 'J. ', 'Abernathy-Cole',
      'Patient: ', 'Dr. ', 'Jane Doe', 'my name is ', 'born ', 'geboren am ', 'march third', 'dritten März', 'trois mars', 'cinco de agosto',
      'nineteen sixty one', 'KVNR ', 'A123456780', 'B739201841', ', ', '.', '\n'], { maxLength: 7, numRuns: 3000 });
  });
});
