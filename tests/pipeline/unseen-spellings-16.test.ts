import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageAt } from '../helpers/open-plan.js';

// Pass 16 (.tmp/h66): names written surname first in mixed case, one-line label pipes and arrows,
// Gravity Forms' numbered name and address parts and bracketed form keys, a person's name or username
// as a page path segment under a segment that lists people, lettered house numbers, rural route boxes,
// a second unit and a ZIP after a state's name, a birth date in digits only after its cue, and
// biometric captures named as such. Each test uses its own spellings, not the generator's;
// every event goes to the open destination (no BAA).
const { sent } = openPlanProbe('u16');
const props = (properties: Record<string, unknown>): string => {
  const out = sent({ type: 'track', event: 'Form Submitted', context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } }, properties });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown } | null)[]).map((p) => p?.properties ?? null));
};
const kept = (properties: Record<string, string>): void => {
  const out = props(properties);
  for (const v of Object.values(properties)) expect(out).toContain(JSON.stringify(v).slice(1, -1));
};

describe('a name written surname first', () => {
  it('drops a mixed-case surname before a common given name, wherever it stands', () => {
    const out = props({
      option: 'Okafor, Linda', chip: 'MacLeod-Hughes, Mary Ann', title_attr: 'Okafor,Linda (self)', crumbs: 'Home > Visits > Okafor, Linda > Edit',
      aria: 'Remove Okafor, Linda from the list', heading: 'Booked: Okafor, Linda',
    });
    expect(out).not.toMatch(/Okafor|Hughes/);
  });

  it('drops a surname in capitals before a capitalised given name when it stands alone', () => {
    const out = props({ row: 'OKAFOR, Linnea', picked: 'Results for VANTERPOOL, Idris', tight: 'OKAFOR,Linnea' });
    expect(out).not.toMatch(/OKAFOR|VANTERPOOL/);
  });

  it('keeps places, categories and shop copy written the same way', () => {
    kept({ a: 'Portland, Oregon', b: 'Vitamins, Supplements', c: 'SALE, Today only', d: 'Shoes, Bags, Hats', e: 'Monday, June 3', f: 'Paris, France', g: 'Cardiology, Internal Medicine' });
  });
});

describe('a record printed on one line', () => {
  it('drops the value beside a name label after a pipe, a broken bar, an arrow, a guillemet, a spaced dash or a double colon', () => {
    const out = props({
      a: 'Name | Linnea Okafor', b: 'Patient name ¦ Linnea Okafor', c: 'Full name » Linnea Okafor', d: 'Name – Linnea Okafor', e: 'Name::Linnea Okafor',
      f: 'Name ⇒ Linnea Okafor',
    });
    expect(out).not.toContain('Okafor');
  });

  it('reads labels alternating with values and items after a semicolon, keeping a birth year', () => {
    const out = props({ kv: 'name|Linnea Okafor|dob|1957-09-21|plan|gold', arrows: 'Name → Linnea Okafor; Birthday → 09/21/1957' });
    expect(out).not.toMatch(/Okafor|09-21|09\/21/);
    expect(out).toContain('dob|1957|plan|gold');
  });

  it('keeps options, page titles, breadcrumbs and hours written with the same separators', () => {
    kept({ a: 'Size | Medium', b: 'Contact | Northbay Health', c: 'Home » Services » Cardiology', d: 'Open 9 – 5', e: 'Step 2 | Contact details', f: 'Total | $84.99',
      g: 'Name | Value', h: 'WRH|web|mobile|v1' });
  });
});

describe("Gravity Forms' numbered parts", () => {
  it('drops the first, last and street parts as keys, in a post body and in an entry object', () => {
    const out = props({
      input_4_3: 'Linnea', input_4_6: 'Okafor', input_2_1: '88 Quarry Hill Rd',
      post: 'input_4.3=Linnea&input_4.6=Okafor&gform_submit=4',
      entry: { '4.3': 'Linnea', '4.6': 'Okafor', 9: 'Morning' },
    });
    expect(out).not.toMatch(/Linnea|Okafor|Quarry/);
    expect(out).toContain('Morning');
  });

  it("cuts an address field's ZIP part to ZIP-3 and keeps a checkbox's choice", () => {
    const out = props({ input_2_5: '97209', input_5_7: 'Email me updates' });
    expect(out).not.toContain('97209');
    expect(out).toContain('Email me updates');
  });
});

describe('a person in a page path', () => {
  // A common given name beside another word (given-names.ts), or letters then digits.
  it('replaces a name or username under patients, members, users or a thank-you page', () => {
    const out = sent(pageAt(`${OPEN_SITE}/patients/dorothy-okafor-1957`)) + props({
      link_url: `${OPEN_SITE}/members/okafor-dorothy/`, next_url: `${OPEN_SITE}/u/lokafor57`, done_url: `${OPEN_SITE}/thank-you/dorothy-okafor`,
    });
    expect(out).not.toMatch(/okafor/i);
    expect(out).toContain('/patients/:id');
  });

  it("keeps a provider's profile and a site's own pages under the same segments", () => {
    const out = props({ a_url: `${OPEN_SITE}/providers/linnea-okafor`, b_url: `${OPEN_SITE}/patients/new-patient-forms`, c_url: `${OPEN_SITE}/patients/billing-and-insurance` });
    expect(out).toContain('/providers/linnea-okafor');
    expect(out).toContain('/patients/new-patient-forms');
    expect(out).toContain('/patients/billing-and-insurance');
  });
});

describe('form bodies with bracketed keys', () => {
  it('reads a bracketed key by its last part (PHP, Rails, WPForms)', () => {
    const out = props({ wp: 'wpforms[fields][3][first]=Idris&wpforms[fields][3][last]=Vanterpool', rails: 'member[profile][surname]=Vanterpool&member[dob]=1957-09-21' });
    expect(out).not.toMatch(/Idris|Vanterpool|09-21/);
    expect(out).toContain('member[dob]=1957');
  });
});

describe('addresses, dates and pictures in other shapes', () => {
  it('drops a lettered house number, a rural route box, a second unit and a ZIP after a state name', () => {
    const out = props({ a: '2207-C Larkmead Ave Ste. 300, Hood River, OR 97031', b: 'RR 4 Box 2207, Wasco OR 97065', c: '2207 Larkmead Blvd Bldg 7 Apt 3 Hood River Oregon 97031' });
    expect(out).not.toMatch(/Larkmead|2207|97031|97065/);
  });

  it('drops a birth date written in digits only after its cue', () => {
    const out = props({ a: 'dob 092157', b: 'born 09211957', c: 'DOB: 19570921' });
    expect(out).not.toMatch(/092157|09211957|19570921/);
  });

  it('drops biometric captures and a directory of patients\' photos, not product images', () => {
    const out = props({ a: 'face_scan_2207.heic', b: '/media/patient_photos/2207.jpg', c: 'palm-print-2207.png' });
    expect(out).not.toContain('2207');
    kept({ d: '/img/face-wash-200ml.jpg', e: '/img/smiling-faces-banner.jpg' });
  });
});
