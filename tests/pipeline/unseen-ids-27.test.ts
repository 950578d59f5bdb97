import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 27 (.tmp/h119): identifiers whose cue is weak (a caption's name whose given name is in no list, a keypad-lettered
// number the writer calls their own), structured fragments cut short (FHIR JSON lists), and clean numbers read as
// identifiers (a build numbered by its day). Every event goes to an open destination (no BAA, every field allowed) under
// keys sites really use; the look-alikes beside them must stay as they are.
const { props, expectKept } = allowAllProbe('s27');

describe('a caption that opens with a name whose given name is in no list and goes on about that person', () => {
  it.each([
    ['an alt text', { image_alt: 'Oluwaseun Adeyemi after her knee surgery' }, ['Oluwaseun', 'Adeyemi']],
    ['a caption after its lead', { caption: 'Photo: Thandiwe Mokoena recovering at home' }, ['Thandiwe', 'Mokoena']],
    ['a figure caption after a comma', { figcaption: 'Siosaia Taufahema, a year after his first visit' }, ['Taufahema']],
    ['an aria label with a linking verb', { aria_label: 'Video: Bartek Wozniak describes his recovery' }, ['Wozniak']],
    ['a name opening with a letter beyond ASCII', { image_alt: 'Ólafur Sigurðsson after his knee surgery' }, ['Sigurðsson']],
    ['a name in another script, in an English caption', { image_alt: 'Γιώργος Παπαδόπουλος after his knee surgery' }, ['Παπαδόπουλος']],
  ])('removes the name in %s', (_what, event, words) => {
    const out = props(event);
    for (const w of words) expect(out).not.toContain(w);
  });

  it("keeps captions of places, buildings, events and products, and a product's verb before a pronoun", () => {
    const clean = { a: "Dr. Smith's team with her patients", b: 'Mayo Clinic campus at sunset', c: 'Saint Mary Hospital after the storm',
      d: 'Heart Walk 2026 volunteers at the finish line', e: 'Northbay Pavilion after its renovation', f: 'Central Park with her kids',
      g: 'Boston Marathon, his first since the injury', h: 'Fitbit Charge helps her sleep', i: 'Golden Gate Bridge at dawn, seen from her window',
      j: 'Cardiology Services | Northbay Health', k: 'Île Saint-Louis with her dog', l: 'Zürich Hauptbahnhof after its renovation' };
    expectKept(clean);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Photo: ', 'Oluwaseun ', 'Adeyemi', 'Mokoena ', 'Ólafur ', 'Γιώργος ', 'Central ', 'Park', ' after her', ' recovering', ', two years after his',
      ' helps her', ' with', ' ', ',', 'X', 'Dr. ', 'surgery'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2000, examples: [['Oluwaseun Adeyemi after her surgery'], ['Photo: Adeyemi Mokoena recovering']] });
  });
});

describe('a FHIR or JSON fragment cut short, with a list of strings after a key', () => {
  it('removes every given name in the list, quoted once or escaped inside another string', () => {
    const out = props({ frag: '{"name":[{"given":["Marguerite","Q"],"family":"Quisenberry"', log: '{\\"name\\":[{\\"given\\":[\\"Perpetua\\",\\"R\\"],\\"family\\":\\"Oyela' });
    for (const w of ['Marguerite', 'Quisenberry', 'Perpetua', 'Oyela']) expect(out).not.toContain(w);
  });

  it('removes the last names listed under a last-name key', () => {
    expect(props({ frag: 'resource: {"last_names":["Oyelaran","Brautigam"],"telecom":[{"value":"617' })).not.toMatch(/Oyelaran|Brautigam/);
  });

  it('keeps a list of plain tags under keys that name no identifier', () => {
    const frag = '{"tags":["cardiology","spring"],"sizes":["S","M"';
    expect(props({ frag })).toContain(JSON.stringify(frag).slice(1, -1));
  });
});

describe('a build or release numbered by its day, written without separators', () => {
  it('keeps the version', () => {
    const out = props({ a: 'build 20261129', b: 'release 20261104', c: 'build 20261128.3', d: 'Build #20261129 shipped', e: 'sdk: release 20261104; os: 17' });
    for (const v of ['build 20261129', 'release 20261104', 'build 20261128.3', 'Build #20261129', 'release 20261104; os']) expect(out).toContain(v);
  });

  it('still cuts the same digits as a date of birth or care, a discharge, and a date with a time', () => {
    const out = props({ a: 'dob 19611129 confirmed', b: 'DOS 20261104, follow up', c: 'release 20261128 from ward 3', d: 'ref 20261129', e: '1961-11-29T00:00' });
    for (const v of ['19611129', '20261104', '20261128', '20261129', '1961-11-29']) expect(out).not.toContain(v);
    expect(props({ birth_date: '1961-11-29T00:00' })).toContain('"birth_date":"1961"');
  });
});

describe('a telephone number written with keypad letters', () => {
  it("keeps a clinic's own marketing number", () => {
    const clean = { cta: 'Call 617-555-CARE to book', banner: 'Questions? 1-800-MY-DOCTOR', footer: 'Nurse line: (555) 123-HEAL, 24/7', ad: 'Call us at 1-888-NORTHBAY' };
    expectKept(clean);
  });

  it('removes a number the writer says is their own', () => {
    const out = props({ a: 'please text me back, my cell is 617-555-HOPE, thanks', b: 'you can reach me at 503-555-DOGS after 5', c: 'text me on (555) 123-HEAL', d: 'my number: 1-800-MY-DOCTOR' });
    for (const v of ['HOPE', 'DOGS', 'HEAL', 'DOCTOR']) expect(out).not.toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['my cell is ', 'reach me at ', 'Call ', '617-555-', 'HOPE', '1-800-', 'MY-', 'DOCTOR', '(555) ', '123-', ' ', ',', 'X', '5'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [['my cell is 617-555-HOPE'], ['reach me at 1-800-MY-DOCTOR']] });
  });
});

describe('clean look-alikes under keys that name them', () => {
  it("keeps a book's ISBN whose check digit holds under an isbn key, and a test's slug with its launch day and version", () => {
    const clean = { book_isbn: '978-0-306-40615-7', isbn: '9780306406157', isbn10: '0-306-40615-2', experiment_id: 'exp_20261129_checkout_v2' };
    expectKept(clean);
  });

  it('still cuts an ISBN-shaped number whose check digit fails, and a slug holding a birth date or a phone number', () => {
    const out = props({ book_isbn: '978-0-306-40615-8', isbn_note: '123456789', experiment: 'exp_61755501_v2', video_id: 'vid_19610314_x' });
    for (const v of ['40615-8', '123456789', '61755501', '19610314']) expect(out).not.toContain(v);
  });
});

// Found by the held half of pass 27's blind set (fixed after it was measured).
describe('held-set findings', () => {
  it("removes the surname in a FHIR fragment printed as a Python dict", () => {
    const out = props({ raw: "{'resourceType': 'Patient', 'name': [{'given': ['Ottoline', 'R'], 'family': 'Brackenbury'}], 'birthDate': '1950-02-17'}" });
    for (const w of ['Ottoline', 'Brackenbury', '02-17']) expect(out).not.toContain(w);
  });

  it("keeps a marketplace's 3-7-7 order number under an order key, not under another key", () => {
    expect(props({ order_number: '112-7734019-2284711' })).toContain('112-7734019-2284711');
    expect(props({ member_ref: '112-7734019-2284711' })).not.toContain('2284711');
  });
});
