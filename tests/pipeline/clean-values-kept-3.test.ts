import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';

// H89, utility pass 3: clean values from a hospital's other sites (dental, foundation, CME, research, parking and
// wayfinding, gift shop, jobs, events, newsroom) and a health app's product analytics that still went out dropped or
// redacted. Each kept class is checked beside the same shape carrying an identifier, which is still caught. The
// destination has no BAA and allows every property.
const { props, pathOut } = allowAllProbe('m89');
const year = new Date().getUTCFullYear();

describe("a field rule's needle inside another word of the key", () => {
  it('keeps waiting, visiting, editing, time-in, Adobe, combined and business keys', () => {
    const out = props({ waiting_period_months: 6, visiting_hours: 'Tue/Thu 2-4 PM', editing_mode: 'draft', time_in_app: '3m 27s',
      timeInterval: 30, adobe_rsid: 'nbhprod', combined_score: 88, business_number: 'B-12', class_number: 'CB-101', ambient_mode: 'on' });
    for (const v of ['"waiting_period_months":6', '"visiting_hours":"Tue/Thu 2-4 PM"', '"editing_mode":"draft"', '"time_in_app":"3m 27s"',
      '"timeInterval":30', '"adobe_rsid":"nbhprod"', '"combined_score":88', '"business_number":"B-12"', '"class_number":"CB-101"',
      '"ambient_mode":"on"']) expect(out).toContain(v);
  });

  it('still drops the identifier a key names as a word, a word end, a plural or a joined compound', () => {
    const out = props({ spouse_ssn: '1120', patientDob: '1961-03-04', patientdob_v2: '03/04/1961', taxpayerITIN: '9x1', my_userssnlast4: '0053',
      kids_firstnames: 'Emma', deviceIMEI: '4901542032', ptdob: '04.03.1961', mbi_number: '1EG4' });
    for (const v of ['1120', '03-04', '03/04', '9x1', '0053', 'Emma', '4901542032', '04.03', '1EG4']) expect(out).not.toContain(v);
  });
});

describe("a site's or tool's objects", () => {
  it("keeps slugs and numbers under a video's, event's, crash's or webinar's id, prefixed campaign ids and NCT numbers", () => {
    const out = props({ video_id: 'gr_2026_11_18', event_id: 'evt_2026_cpr_1205', eventId: 'evt_2026_1214_cpr', crash_id: '5f1c9e0a2b7d4e3f8a6b1c2d3e4f5a6b',
      campaign_id: 'cmp_01JD8QK3W6TZ9X4N2R7VBHF5YA', webinar_id: '84512093311', videoId: '917245633', nct_id: 'NCT06611234', releaseSha: 'a1b2c3d4e5f6a7b8' });
    for (const v of ['gr_2026_11_18', 'evt_2026_cpr_1205', 'evt_2026_1214_cpr', '5f1c9e0a2b7d4e3f8a6b1c2d3e4f5a6b', 'cmp_01JD8QK3W6TZ9X4N2R7VBHF5YA',
      '"84512093311"', '"917245633"', 'NCT06611234', 'a1b2c3d4e5f6a7b8']) expect(out).toContain(v);
  });

  it('still catches a phone number, an SSN or a birth year in those shapes, and ids under other keys', () => {
    const out = props({ event_id: 'ev_617_555_0134', video_id: '5035550142', crash_id: 'cr_123_45_6789', course_id: 'vid_1961_03_14',
      webinar_id: '15035550142', error_id: '536224411', refill_video_id: '917245633', member_ref: 'NCTX6611234Z' });
    for (const v of ['617_555', '5035550142', '123_45', '1961', '15035550142', '536224411', '917245633', 'NCTX6611234Z']) expect(out).not.toContain(v);
  });
});

describe("a public event's and a report's dates", () => {
  const iso = new Date(Date.now() - 3_600_000).toISOString();
  it('keeps coming dates of events, classes, galas and menus, and a report generated or synced now', () => {
    const out = props({ event_date: `${year + 1}-01-12`, gala_date: `December 12, ${year + 1}`, class_start_date: `01/05/${year + 1}`,
      menu_date: iso.slice(0, 10), race_starts_at: `${year + 1}-01-13T08:15:00-08:00`, generated_at: iso, synced_at: iso });
    for (const v of [`${year + 1}-01-12`, `December 12, ${year + 1}`, `01/05/${year + 1}`, `"menu_date":"${iso.slice(0, 10)}"`,
      `${year + 1}-01-13T08:15:00-08:00`, `"generated_at":"${iso}"`, `"synced_at":"${iso}"`]) expect(out).toContain(v);
  });

  it("still redacts a past event's date, a birth date, a visit's event date and an old date under a report's time", () => {
    const out = props({ event_date: `${year - 1}-05-03`, eventDate: '1961-03-04', visit_event_date: `${year + 1}-01-12`,
      generated_at: '1961-03-05', appointment_date: `${year + 1}-01-14` });
    for (const v of [`${year - 1}-05-03`, '1961-03-04', `${year + 1}-01-12`, '1961-03-05', `${year + 1}-01-14`]) expect(out).not.toContain(v);
  });
});

describe('names that are not people', () => {
  it("keeps a gift item's title after a greeting and file formats listed in capitals", () => {
    const out = props({ label: 'Get Well Teddy Bear', title: 'Get Well Soon Cookie Tin', logo_formats: 'SVG, PNG, EPS', formats: 'PDF, DOCX' });
    for (const v of ['Get Well Teddy Bear', 'Get Well Soon Cookie Tin', 'SVG, PNG, EPS', 'PDF, DOCX']) expect(out).toContain(v);
  });

  it('still redacts a person after the greeting and a record name in capitals', () => {
    const out = props({ label: 'Get well soon, Jane Doe!', title: 'Get Well Jane Bear', card: 'Get well soon Teddy Okafor', record: 'OKAFOR, JANE' });
    for (const v of ['Jane Doe', 'Jane Bear', 'Okafor', 'OKAFOR']) expect(out).not.toContain(v);
  });
});

describe("an article's slug in a path", () => {
  it('keeps a long slug of words under the newsroom or a blog', () => {
    expect(pathOut('/newsroom/northbay-opens-west-tower-to-patients')).toContain('/newsroom/northbay-opens-west-tower-to-patients');
    expect(pathOut('/news/2026/11/hospital-earns-fourth-magnet-designation')).toContain('hospital-earns-fourth-magnet-designation');
  });

  it("still cuts a person's names under a people parent, four words or long, and under a tribute or an obituary", () => {
    for (const p of ['/patients/jane-doe-okafor-smith', '/thank-you/jane-elizabeth-okafor-smith', '/give/tribute/jane-elizabeth-okafor-smith',
      '/obituaries/walter-james-brzezinski', '/patients/jane-doe-okafor-smith-profile']) expect(pathOut(p)).not.toMatch(/okafor|brzezinski/);
  });
});

describe('age bands', () => {
  it('keeps bands and open ranges under an age key', () => {
    const out = props({ age_band: '6-8 yrs', age_group: '18-24', age_range: '65+', ageBracket: '25–34 years', age_bucket: 'under 18', patient_age: '18 and over' });
    for (const v of ['"6-8 yrs"', '"18-24"', '"65+"', '"25–34 years"', '"under 18"', '"18 and over"']) expect(out).toContain(v);
  });

  it('top-codes a band wholly past 89 and an age over 89, drops a band across 89 and a band under a birth key', () => {
    const out = props({ age_range: '85-94', age: 93, age_group: '90+', age_bucket: '95-99', birth_year: '12-18', dob: '03-04' });
    expect(out).not.toContain('"age_range"');
    expect(out).toContain('"age_bucket":">=90"');
    expect(out).toContain('"age":">=90"');
    expect(out).toContain('"age_group":">=90"');
    // Quoted or after a colon: the payload's own timestamps may hold these digits (a received time of …:01.936Z).
    for (const v of ['85-94', ':93', '"93', '"12-18', '"03-04']) expect(out).not.toContain(v);
  });
});

describe('order ids and versions', () => {
  it("keeps any shop's prefixed order ids and calendar versions written with a channel word or dashes", () => {
    const out = props({ order_id: 'GS-2026-004187', transaction_id: 'WS-2026-58213', bundleVersion: 'web-2026.11.27-3', flag_set_version: 'fs-2026-11-27.3' });
    for (const v of ['GS-2026-004187', 'WS-2026-58213', 'web-2026.11.27-3', 'fs-2026-11-27.3']) expect(out).toContain(v);
  });

  it("still redacts a record's, a financial number's or a phone's shape under those keys", () => {
    const out = props({ order_number: 'MRN-2026-123456', orderId: 'FIN-12345678', order_no: 'GS-617-555-0134', txn_id: 'GS-123456789', sdk_version: '617.555.0134' });
    for (const v of ['123456', '12345678', '617-555-0134', '123456789', '617.555.0134']) expect(out).not.toContain(v);
  });
});

describe('personal text under compound keys', () => {
  it("drops a card's, a gift's or a tribute's message and a listed text field's text", () => {
    const out = props({ card_message: 'Get well soon Nell! Love, the Teague family', gift_note: 'For Nell in room 4', feedback_text: 'Call me back',
      tribute_comments: 'In memory of Walt' });
    for (const v of ['Teague', 'Nell', 'Call me back', 'Walt']) expect(out).not.toContain(v);
  });

  it("keeps the software's own messages, a keynote, counts and ids of messages", () => {
    const out = props({ error_message: 'TypeError: x is undefined', commit_message: 'fix: retry', toast_message: 'Saved', keynote: 'AI in care',
      notes_count: 3, message_id: 'm-1', message_variant: 'B' });
    for (const v of ['TypeError: x is undefined', 'fix: retry', '"toast_message":"Saved"', 'AI in care', '"notes_count":3', '"message_id":"m-1"',
      '"message_variant":"B"']) expect(out).toContain(v);
  });
});

describe('amounts in millionths and sizes in kilobytes', () => {
  it('keeps 7-8 digit micros and kilobytes as numbers and strings', () => {
    const out = props({ price_amount_micros: 12990000, revenue_micros: '99900000', bundle_size_kb: 18342112, heap_mb: '12843105' });
    for (const v of ['12990000', '"99900000"', '18342112', '"12843105"']) expect(out).toContain(v);
  });

  it('still drops the same digits under an account, a record or a neutral key', () => {
    const out = props({ account_micros: 12990001, mrn_kb: '12843106', ref: '12843107' });
    for (const v of ['12990001', '12843106', '12843107']) expect(out).not.toContain(v);
  });
});

// Found by the held half of the blind corpus (run once before these; reported as such).
describe("a vehicle's kind, a build's fingerprint, a posting's pay and number, an order's trailing year", () => {
  it('keeps them', () => {
    const out = props({ vehicle_color: 'Silver', vehicleMake: 'Subaru', build_fingerprint: 'google/husky/husky:15/AP3A/user/release-keys',
      requisition: 'JR-2026-18842', salary_min: '70000', wage: '21.15', transaction_id: 'T-88213-2026' });
    for (const v of ['"vehicle_color":"Silver"', '"vehicleMake":"Subaru"', 'google/husky/husky:15/AP3A/user/release-keys', 'JR-2026-18842',
      '"salary_min":"70000"', '"wage":"21.15"', 'T-88213-2026']) expect(out).toContain(v);
  });

  it("still drops a vehicle's plate and id, a fingerprint, a ZIP under another key and a record's number with a year", () => {
    const out = props({ vehicle_plate: '8KLM442', vehicle_id: 'SHTL-12', fingerprint_hash: 'f1e2d3', zip_min: '70000', order_id: 'MRN-88213-2026' });
    for (const v of ['8KLM442', 'SHTL-12', 'f1e2d3', '70000', '88213']) expect(out).not.toContain(v);
  });
});

// Found probing slugs for the object-id class: digits joined by underscores went out under any neutral key on d844ad5.
describe('an SSN or a phone number written with underscores', () => {
  it('is redacted like its dashed form, alone, in text and inside a slug', () => {
    const out = props({ a: '536_22_4411', b: 'ref 536_22_4411', c: 'x_536_22_4411', d: '503_555_0142', e: 'call 503_555_0142', f: 'lead_1_503_555_0142' });
    for (const v of ['536_22', '503_555']) expect(out).not.toContain(v);
  });

  it('leaves slugs of dates, ad sizes and counters as they were', () => {
    const out = props({ video_id: 'gr_2026_11_18', creative: 'banner_728x90_v2', campaign: 'flu_2026_q4' });
    for (const v of ['gr_2026_11_18', 'banner_728x90_v2', 'flu_2026_q4']) expect(out).toContain(v);
  });
});
