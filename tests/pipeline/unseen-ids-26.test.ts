import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 26 (.tmp/h113): identifiers whose cue is weak or absent, and clean numbers read as identifiers. Every event goes to
// an open destination (no BAA, every field allowed) under keys a site really uses (`image_alt`, `caption`, `share_link`);
// the look-alikes beside them must stay as they are.
const { props, expectKept } = allowAllProbe('s26');

describe('a caption or alt text that opens with a person and goes on about their care', () => {
  it.each([
    ['an alt text', { image_alt: 'Maria Gonzalez after her knee surgery' }, 'Gonzalez'],
    ['a caption after its lead', { caption: "Photo: James O'Neil, recovering at home" }, "O'Neil"],
    ['an aria label', { aria_label: 'Video: Robert Lindqvist talks about his recovery' }, 'Lindqvist'],
    ['a figure caption', { figcaption: 'Deborah Kessler with her newborn' }, 'Kessler'],
  ])('removes the name in %s', (_what, event, surname) => {
    expect(props(event)).not.toContain(surname);
  });

  it('keeps captions that name a place, a team, a product, an award or a clinician', () => {
    const clean = { a: "Dr. Smith's team in the cardiology wing", b: 'Mayo Clinic campus at sunset', c: 'Saint Mary Hospital main entrance',
      d: 'Apple Watch heart rate screen', e: 'Mary Jones Award winners announced', f: 'Photo of Linda Nguyen, RN, with her team',
      g: 'Martin Luther King Day service with our team' };
    expectKept(clean);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Photo: ', 'Image of ', 'Maria ', 'Mary ', 'Saint ', 'Gonzalez', "O'Neil", 'Kessler ', ' after her', ', recovering', ' surgery',
      ', RN', ' team', ' ', ',', 'Dr. ', 'video: ', 'X'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2000, examples: [['Maria Gonzalez after her surgery'], ["Photo: James O'Neil, recovering"]] });
  });
});

describe('an SMS short code or a promo code under its own key is no ZIP code', () => {
  it('keeps the code whole', () => {
    const out = props({ sms_short_code: '47132', promo_code: '90210', coupon: '10021', shortcode: '22395' });
    for (const v of ['"47132"', '"90210"', '"10021"', '"22395"']) expect(out).toContain(v);
  });

  it('still cuts a ZIP under a key naming nothing or naming the ZIP to its ZIP-3', () => {
    const out = props({ code: '47132', postal_code: '62704', loc: '45419' });
    for (const v of ['47132', '62704', '45419']) expect(out).not.toContain(v);
  });
});

describe('a calendar version after its word is no date', () => {
  it('keeps the version', () => {
    const out = props({ a: 'build 2026.11.29', b: 'ver. 2026.11.29', c: 'firmware: 2025.12.01 installed', d: 'Build #2026.11.29 deployed' });
    for (const v of ['build 2026.11.29', 'ver. 2026.11.29', 'firmware: 2025.12.01', 'Build #2026.11.29']) expect(out).toContain(v);
  });

  it('still cuts a dotted date of care or birth, and a year from last century after a version word', () => {
    const out = props({ a: 'seen on 2026.11.29 for follow-up', b: 'born 29.11.1961 in Ohio', c: 'build 1961.03.14', d: 'release 2026.11.28 from ward 3' });
    for (const v of ['2026.11.29', '29.11.1961', '1961.03.14', '2026.11.28']) expect(out).not.toContain(v);
  });
});

describe("a mailto link's query", () => {
  it('reads subject and body by their keys', () => {
    const out = props({ share_link: 'mailto:scheduling@northbay-health.example?subject=Appointment%20for%20Desmond%20Achterberg&body=Please%20call' });
    expect(out).not.toContain('Achterberg');
    expect(out).toContain('mailto:');
  });
});

describe('a page path written into a value, with a person under a parent that lists people', () => {
  it('removes the person and keeps the path around it', () => {
    // H151: a member's claims page is a plan member's own area (blocked, so a link to it is dropped): the member's events page here.
    const out = props({ next: '/members/ophelia-brandstetter-1977/events', redirect: '/patients/jane-doe-1961', back: 'return to /patients/doe-jane?tab=2' });
    for (const v of ['brandstetter', 'jane-doe', 'doe-jane']) expect(out).not.toContain(v);
    for (const v of ['/members/', '/events', '/patients/', '?tab=2']) expect(out).toContain(v);
  });

  it("keeps a site's own pages under those parents and providers' pages", () => {
    const clean = { a: '/patients/new-patient-forms', b: '/members/login', c: '/providers/jane-lee', d: '/patients/flu-shot-2026', e: '/patients/visitor-guide-1998' };
    expectKept(clean);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['/patients/', '/members/', '/providers/', 'jane-doe', 'wendell-ashcroft', '-1961', '-2026', 'login', '/', '?', ' ', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [['/patients/jane-doe-1961'], ['go /members/wendell-ashcroft-1961/x']] });
  });
});

describe('a phone number said digit by digit after the words that give it', () => {
  it('removes the number', () => {
    const out = props({ transcript: 'my number is five five five one two three four', speech: 'ok so my cell number is four one five two nine eight one and thanks' });
    for (const v of ['five five five one two three four', 'four one five two nine eight one']) expect(out).not.toContain(v);
    expect(props({ chat_line: 'my number is 555-0143 if you need it' })).not.toContain('555-0143');
  });

  it('keeps counted words that are no number of anyone', () => {
    const clean = { a: 'the number is one two three four five six seven in the queue', d: 'the number is 555-0143 in the queue', b: 'I would like to book one of the three five minute slots',
      c: 'Call 1-800-FLOWERS for sympathy arrangements' };
    expectKept(clean);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['my number is ', 'my cell number: ', 'my ', 'the number is ', 'five ', 'two ', 'seven ', '555 ', '555-0143', 'x', ' '];
    expectPrefilterSound(parts, { maxLength: 10, numRuns: 2000, examples: [['my number is five five five one two three four']] });
  });
});

describe('a fragment of FHIR JSON pasted into a field, cut short so it no longer parses', () => {
  it('reads the quoted family key as the surname', () => {
    const out = props({ pasted: '{"resourceType":"Patient","name":[{"use":"official","family":"Lindqvist","given":["Astrid"]}],"birthDate":"1958-03-14"' });
    expect(out).not.toContain('Lindqvist');
    expect(out).not.toContain('1958-03-14');
    expect(props({ label: 'our family: 4 kids, given the chance' })).toContain('our family: 4 kids, given the chance');
  });
});

describe('a ZIP code right after the place someone says they live in', () => {
  it('goes with the place', () => {
    const out = props({ chat_line: 'I live in Beverly Hills 90210 and need a closer clinic', other: 'we moved to Springfield 62704 last year' });
    for (const v of ['90210', '62704', 'Beverly Hills', 'Springfield']) expect(out).not.toContain(v);
  });

  it('keeps five digits that follow no one\'s place', () => {
    const clean = { a: 'Beverly Hills 90210 was a TV show', b: 'Text STOP to 47132 to opt out', c: 'Reply HELP to 78512 for help' };
    expectKept(clean);
  });
});

describe('a number said with only the words one, three, four, nine, zero, niner and oh', () => {
  it('is removed like any number read out', () => {
    const out = props({ transcript: 'reach me at nine one three 555 0143 anytime', b: 'nine one three, four four four, zero one nine three',
      c: 'oh one oh, three three three, oh nine one four' });
    for (const v of ['nine one three 555 0143', 'four four four', 'three three three']) expect(out).not.toContain(v);
  });

  it('keeps prose with those words', () => {
    const clean = { a: 'one of our three clinics is open nine to four', b: 'Oh, one more thing: zero copay for four visits' };
    expectKept(clean);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['one', 'three', 'four', 'nine', 'zero', 'niner', 'oh', 'ONE', 'Four', 'Zero', '555', '0143', ' ', ', ', '-', 'x', 'bone', 'reach me at '];
    expectPrefilterSound(parts, { maxLength: 14, numRuns: 4000, examples: [['nine one three, four four four, zero one nine three']] });
  });
});
