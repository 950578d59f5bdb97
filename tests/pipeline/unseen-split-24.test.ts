import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';

// Pass 24 (.tmp/h104): identifiers no single string shows whole (a cue in one array element, the value in the next),
// call-log shorthand, a doctor who is the patient, birth dates in words, and Germany's KVNR. Every event goes to an open
// destination (no BAA, every field allowed); the look-alikes beside them must stay.
const { props } = allowAllProbe('s24');

describe('an array element read by the one before it', () => {
  it.each([
    ['a transcript cut after "this is"', ['Visitor: this is', 'Ingrid Valtonen', 'calling about my results'], 'Valtonen'],
    ['a question asking for the full name', ['Agent: May I have your full name?', 'Ingrid Valtonen', 'Agent: Thanks!'], 'Valtonen'],
    ['a question naming the name', ['Bot: What name is the appointment under?', 'Chinedu Marlowe'], 'Marlowe'],
    ['a label with a colon', ['Patient name:', 'Rosalind Thackeray', 'Reason', 'follow-up'], 'Thackeray'],
    ['labels alternating with values', ['Name of patient', 'Wilhelmina Draycott', 'Relationship', 'self'], 'Draycott'],
  ])('removes %s', (_what, transcript, surname) => {
    expect(props({ transcript })).not.toContain(surname);
  });

  it('removes a value object after its label object', () => {
    expect(props({ cells: [{ label: 'Full name' }, { value: 'Bartholomew Quennell' }, { label: 'Preferred time' }, { value: 'mornings' }] })).not.toContain('Quennell');
  });

  it('keeps elements after a cue that name no one, and lists of labels', () => {
    const out = props({ a: ['Visitor: this is', 'about parking', 'Agent: the garage is on Elm St'], b: ['Variant', 'control', 'Traffic', '50%'],
      c: ['name', 'email', 'phone'], d: ['What is your name?', 'Enter your email:', 'Pick a time?'] });
    for (const v of ['about parking', 'control', '50%', '"email"', 'Enter your email:', 'Pick a time?']) expect(out).toContain(v);
  });
});

describe('call-log shorthand and a doctor who is the patient', () => {
  it.each([
    'left vm for T. Kowalczyk-Ruiz re: lab results',
    'LVM for M. Kowalczyk-Ruiz to confirm Tuesday',
    'texted P. Kowalczyk-Ruiz the prep instructions',
    'called back J. Kowalczyk-Ruiz, no answer',
    'spoke w/ R. Kowalczyk-Ruiz about prior auth',
    'patient: Dr. Amelia Kowalczyk-Ruiz, returning for a knee consult',
    'my name is Dr. Amelia Kowalczyk-Ruiz and I need my records',
  ])('removes the name in "%s"', (line) => {
    expect(props({ summary_line: line })).not.toContain('Kowalczyk');
  });

  it('keeps a provider with a title and desks after a verb', () => {
    const out = props({ a: 'Call Dr. Priya Raman at the front desk', b: 'left vm for Dr. Patel re: schedule change', c: 'called Pharmacy about refill', d: 'vm for Billing Team' });
    for (const v of ['Priya Raman', 'Dr. Patel', 'called Pharmacy', 'Billing Team']) expect(out).toContain(v);
  });
});

describe('a birth date in words', () => {
  it.each([
    ['my date of birth is march third nineteen sixty one', 'march third'],
    ['I was born on the third of March sixty-one', 'third of March'],
    ['date of birth, uh, july twenty second nineteen seventy', 'july twenty second'],
    ['Mein Geburtsdatum ist der dritte März neunzehnhunderteinundsechzig', 'dritte März'],
    ['je suis née le trois mars mille neuf cent soixante et un', 'trois mars'],
  ])('removes the day and month of "%s"', (utterance, date) => {
    expect(props({ utterance })).not.toContain(date);
  });

  it('keeps dates in words with no birth word', () => {
    expect(props({ a: 'our march third banner is live', b: 'the clinic opens on the first of June' })).toContain('march third banner');
    expect(props({ b: 'the clinic opens on the first of June' })).toContain('first of June');
  });
});

describe("Germany's health insurance number (KVNR)", () => {
  it('removes a valid KVNR, its letter too', () => {
    const out = props({ kv: 'T482019373', msg: 'Versichertennummer: A123456780, bitte Rückruf' });
    for (const v of ['T482019373', 'A123456780', '"T[']) expect(out).not.toContain(v);
  });
});

describe('a record row with `;` or tabs between its cells', () => {
  it('removes the surname and given name beside a birth date', () => {
    const out = props({ line: 'Achterhof;Marieke;12-04-1968;Utrecht', tsv: 'Okafor\tJane\t1961-03-03' });
    for (const v of ['Achterhof', 'Marieke', 'Okafor']) expect(out).not.toContain(v);
  });

  it('keeps rows that are no one (no old year, no given name) and style strings', () => {
    const out = props({ x: 'Size;Medium;2026-01-02', css: 'color:Red;Font:Bold' });
    for (const v of ['Size;Medium;', 'color:Red;Font:Bold']) expect(out).toContain(v);
  });
});

describe('a web-vitals metric', () => {
  it("keeps the metric's name beside its value and rating", () => {
    const out = props({ metric: { name: 'INP', value: 184, rating: 'good', delta: 12, navigationType: 'navigate' } });
    expect(out).toContain('"name":"INP"');
  });

  it('keeps the name when the metric is sent as the properties (it is not the page name)', () => {
    expect(props({ name: 'LCP', value: 2100.4, rating: 'needs-improvement', delta: 2100.4, navigationType: 'navigate' })).toContain('"name":"LCP"');
  });

  it('still drops a person-shaped name beside a number', () => {
    expect(props({ score: { name: 'JANE', value: 5 }, other: { name: 'Jane Okafor', value: 5, rating: 'good' } })).not.toMatch(/JANE|Okafor/);
  });
});

describe("a code host's revision in a link", () => {
  it('keeps a commit hash after commit, blob or tree, and still cuts ids elsewhere', () => {
    const link = (url: string) => props({ link: url });
    expect(link('https://github.com/northbay/design-system/tree/5e4d3c2b1a09f8e7/packages/button')).toContain('tree/5e4d3c2b1a09f8e7/packages');
    expect(link('https://gitlab.example.com/web/site/-/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/src/app.ts')).toContain('blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/src');
    const out = link('https://www.example-health.org/patients/5e4d3c2b1a09f8e7/records');
    expect(out).not.toContain('patients/5e4d3c2b1a09f8e7');
  });
});
