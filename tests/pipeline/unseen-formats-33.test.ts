import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Formats blind pass 33 (H237, tests/fixtures/held-formats-33): wire formats and encodings. Set A, sent end to end
// through a collector, missed identifiers split across array elements; probes beside it found identifiers split by
// markup's formatting tags, numeric character references without their `;` and ES2015 `\u{…}` escapes. Every event goes
// to the open destination (every property, no BAA), under keys no free-text rule drops.
// On main (a8310f2) all 18 `drops` tests fail and the 7 `keeps` tests pass (they guard against over-reach of the fixes).
const { sent } = openPlanProbe('f33');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Widget Event', properties, ...pageOn('/services/cardiology') });
const out = (properties: Record<string, unknown>) => sent(track(properties));

describe('a number split across array elements is read joined', () => {
  it.each([
    ['a phone in three boxes', { segments: ['503', '555', '0177'] }, '0177'],
    ['a phone after the text it wrapped from', { segments: ['call me at 503', '555', '0177'] }, '0177'],
    ['a phone whose first two groups are one element', { chunks: ['call me at 503-555', '0178'] }, '0178'],
    ['a phone with its country code and parentheses', { boxes: ['+1', '(503)', '555', '0179'] }, '0179'],
    ['an SSN in three boxes under a key naming nothing', { parts: ['287', '65', '4326'], kind: 'id' }, '4326'],
    ['a phone in full-width digits', { segments: ['５０３', '５５５', '０１８１'] }, '０１８１'],
    ['a phone in Arabic-Indic digits', { segments: ['٥٠٣', '٥٥٥', '٠١٨٢'] }, '٠١٨٢'],
    ['a phone in Myanmar digits', { segments: ['၅၀၃', '၅၅၅', '၀၁၈၄'] }, '၀၁၈၄'],
    ['a phone in Khmer digits', { segments: ['៥០៣', '៥៥៥', '០១៨៥'] }, '០១៨៥'],
  ])('drops %s', (_name, properties, tail) => {
    expect(out(properties)).not.toContain(tail);
  });

  it.each([
    ['years', { years: ['2019', '2020', '2021', '2022'] }, '2022'],
    ['sizes', { sizes: ['10', '12', '14', '16'] }, '16'],
    ['room numbers after a room', { rooms: ['Room 214', '215', '216'] }, '216'],
    ['a date in parts', { d: ['2026', '12', '02'] }, '2026'],
    ['opening hours', { hours: ['Mon 8', '30', '1700'] }, '1700'],
  ])('keeps %s', (_name, properties, kept) => {
    expect(out(properties)).toContain(kept);
  });
});

describe('character references without their semicolon and ES2015 code point escapes', () => {
  it.each([
    ['a decimal reference without `;`', 'wilma.ortiz&#64mail.example'],
    ['a hex reference without `;`', 'wilma.ortiz&#x40mail.example'],
    ['an ES2015 escape', 'wilma.ortiz\\u{40}mail.example'],
    ['an ES2015 escape with leading zeros', 'wilma.ortiz\\u{0040}mail.example'],
  ])('drops an email spelled with %s', (_name, value) => {
    expect(out({ label_html: value })).not.toContain('wilma');
  });

  it('keeps text whose `&#` and `\\u{` spell no identifier, as written', () => {
    const clean = { label_html: 'Q&A &#169 2026 North&#38South', code_sample: 'const s = "\\u{1F600}"; AT&T #1 &#' };
    const text = out(clean);
    for (const v of Object.values(clean)) expect(text).toContain(JSON.stringify(v).slice(1, -1));
  });
});

describe('an identifier split by markup’s formatting tags', () => {
  it.each([
    ['a phone with its area code in bold', { el_html: 'Call <strong>503</strong>-555-0188 today' }, '0188'],
    ['an email broken by a word-break tag', { el_text: 'wilma.ortiz<wbr>@mail.example' }, 'wilma'],
    ['an email broken by a comment', { el_text: 'wilma.ortiz<!-- x -->@mail.example' }, 'wilma'],
    ['an email across spans, one with a class', { el_html: 'mail <b>wilma.ortiz</b><span class="at">@</span>mail.example' }, 'wilma'],
    ['an SSN in spans', { el_html: 'SSN <span>287</span>-<span>65</span>-<span>4327</span>' }, '4327'],
    ['a name after a label opening a paragraph', { el_html: '<p>Name: <b>Wilma Ortizvega</b></p>' }, 'Ortizvega'],
    ['an email beside another written whole', { el_html: '<i>wilma.ortiz</i>@mail.example or desk@clinic.example' }, 'wilma'],
  ])('drops %s', (_name, properties, planted) => {
    expect(out(properties)).not.toContain(planted);
  });

  it('keeps markup that spells no identifier, and the markup around a name its own reading removed', () => {
    const clean = { el_html: '<div class="x">Heart &amp; <b>Vascular</b></div>', cta_html: '<p>Call <strong>us</strong> at the <em>front desk</em></p>' };
    const text = out(clean);
    for (const v of Object.values(clean)) expect(text).toContain(JSON.stringify(v).slice(1, -1));
    expect(out({ el_html: '<p>Thanks,<br>Harriet Quarnby</p>' })).toContain('<p>Thanks,<br>');
  });
});
