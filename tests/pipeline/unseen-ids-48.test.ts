import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 48 (/tmp/h215/held): a broad held-out set over the 18 Safe Harbor identifiers. Its misses: a conformed e-signature
// (`/s/ Jane Q. Doe`), a phone number whose gaps are read out (`412 dot 555 dot 0199`), a lower-case British street after a
// flat's number (`flat 2, 131 marlborough gardens`) and a research participant's code under keys no list had
// (`study_subject`, `cohort_member_ref`); and one alteration, `Ich heiße Sie herzlich willkommen` (a welcome, no name) redacted.
// Every event goes to an open destination (no BAA, every field allowed) under keys no free-text rule drops, so the detectors,
// not field drops, do the work, unless a test says the key does.
const { props } = allowAllProbe('s48');

describe('a conformed e-signature', () => {
  it.each([
    ['/s/ Philomena R. Castellanos', ['Philomena', 'Castellanos']],
    ['Signed: /s/ Aurelio Vantongeren-Bly, 03/18/2026', ['Aurelio', 'Vantongeren', '03/18']],
    ['/s/ ignatius moorcroft', ['ignatius', 'moorcroft']],
    ['Attestation accepted. /S/ Wendeline Osterhagen', ['Wendeline', 'Osterhagen']],
    ['Parent or guardian:/s/  Cosima Brandvold', ['Cosima', 'Brandvold']],
  ])('drops the signer from %j', (text, gone) => {
    const out = props({ consent_block: { typed: text } });
    for (const g of gone) expect(out).not.toContain(g);
  });

  it("keeps a link's /s/ segment and a mark with no name after it", () => {
    const texts = ['open /s/spring-sale for the code', 'files at dropbox/s/x7k2q/intake', '/s/ pending review', 'and/or s/he may sign'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });
});

describe('a phone number whose gaps are read out as words', () => {
  it.each([
    ['text me at 971 dot 555 dot 0168', '0168'],
    ['callback 313 DASH 555 DASH 0177 pls', '0177'],
    ['mi celular 786 punto 555 punto 0123', '0123'],
    ['home line 646 hyphen 555 hyphen 0190', '0190'],
  ])('drops the number from %j', (text, line) => {
    expect(props({ reach_at: text })).not.toContain(line);
  });

  it('keeps versions and steps read out with the same words', () => {
    const texts = ['release 2 dot 14 dot 3', 'step 1 dash 2', 'pages 120 dash 135'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });
});

describe("a lower-case British street after a flat's or an apartment's number", () => {
  it.each([
    ['flat 4, 27 primrose mews, york', ['primrose']],
    ['apartment 9b 212 hollybush grove', ['hollybush']],
    ['Flat 12 6 larkhill close', ['larkhill']],
  ])('drops the street from %j', (text, gone) => {
    const out = props({ deliver_here: text });
    for (const g of gone) expect(out).not.toContain(g);
  });

  it('keeps a street type used as a word in prose', () => {
    const texts = ['2 doors close at 5pm', 'we planted 12 rose gardens', 'flat rate for 3 parade floats'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });
});

describe("`ich heiße` before a name, and the welcome it also says", () => {
  it('drops the name after `ich heiße`', () => {
    const out = props({ anfrage_text: 'Guten Tag, ich heiße Volkmar Eisenhut' });
    expect(out).not.toContain('Volkmar');
    expect(out).not.toContain('Eisenhut');
  });

  it('keeps a welcome to whoever a pronoun names', () => {
    const texts = ['Ich heiße Sie herzlich willkommen', 'ich heisse euch willkommen im Team', 'Ich heiße alle neuen Patienten willkommen'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });
});

describe("a research participant's code under a key naming the participant", () => {
  it.each([
    [{ study_subject: 'SUBJ-3317-0082' }, '3317-0082'],
    [{ enrollment: { cohortMemberRef: 'CHX-20-00519' } }, '00519'],
    [{ trial_participant_code: 'TP-7781' }, '7781'],
    [{ randomisationNumber: 'R-004417' }, '004417'],
    [{ 'Enrollee Ref': 'EN 55-2190' }, '55-2190'],
  ])('drops it from %j', (properties, code) => {
    expect(props(properties)).not.toContain(code);
  });

  it("keeps the study's own id and a count of participants", () => {
    const out = props({ study_id: 'CARDIO-7', participant_count: '12', trial_phase: 'phase 2' });
    for (const v of ['CARDIO-7', '"12"', 'phase 2']) expect(out).toContain(v);
  });
});

describe('the prefilter', () => {
  it('runs the detectors wherever the new cues are (it keeps what every detector finds)', () => {
    const parts = ['/s/ ', '/S/', '/s/', 'Signed: ', 'x', 'Jane', ' Q. ', 'Doe', 'doe', ' ', ', ', '971', '555', '0168', ' dot ', ' DASH ', ' punto ',
      ' hyphen ', '-', 'flat 4, ', 'apt 2 ', '27 ', 'primrose mews', ' close', 'ich heiße ', 'Sie ', 'Volkmar', ' willkommen', 'dropbox'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 3000, examples: [['/s/ Jane Q. Doe'], ['Signed: /s/ jane doe'], ['971 dot 555 dot 0168'],
      ['flat 4, 27 primrose mews'], ['ich heiße Volkmar'], ['ich heiße Sie willkommen']] });
  });
});
