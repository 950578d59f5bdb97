import { describe, expect, it } from 'vitest';
import { HOME_PAGE, openPlanProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 21 (.tmp/h84): identifiers whose meaning comes from the structure around them (pieces in sibling keys,
// a link's text beside its address, a role word before a name, a role key above one), and the look-alikes that
// must stay beside them. Every event goes to the open destination (no BAA, every property allowed).
const { sent } = openPlanProbe('i21');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Form Submitted', properties, ...HOME_PAGE });

describe('a telephone number sent in pieces, one sibling key each', () => {
  it.each([
    ['an area box and a number box', { area: '503', number: '555-0142' }, '555-0142'],
    ['an area code and a line', { areaCode: '415', line: '5550199' }, '5550199'],
    ['a prefix and a suffix', { prefix: '617', suffix: '555 0187' }, '555 0187'],
    ["NANP's three boxes", { npa: '617', nxx: '555', xxxx: '0187' }, '"0187"'],
    ['a country code and a national number', { country: '44', national: '7946 0958' }, '7946 0958'],
    ['numbers, not strings', { area_code: 971, local_number: 5550121 }, '5550121'],
  ])('removes %s', (_what, pieces, piece) => {
    expect(sent(track({ widget: pieces, form_id: 'callback' }))).not.toContain(piece);
  });

  it('removes pieces under tel_ keys', () => {
    const out = sent(track({ tel_prefix: '617', tel_suffix: '555-0187', telAreaCode: '206', telLocal: '5550133', jp: { tel1: '090', tel2: '5550', tel3: '0161' } }));
    for (const v of ['555-0187', '5550133', '"5550"', '"0161"']) expect(out).not.toContain(v);
  });

  it('keeps sibling numbers that are not a telephone number', () => {
    const kept = { room_prefix: 'B', room_number: '214', floor: '2', width: '300', height: '250', views_total: '2500000', version_number: '100',
      build_number: '2026', major: 4, minor: 12, page_num: '3', area: 'Cardiology', number_of_visits: '3' };
    const out = sent(track(kept));
    for (const [k, v] of Object.entries(kept)) expect(out).toContain(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
  });
});

describe("an SSN typed into three boxes", () => {
  it.each([
    ['indexed boxes under a neutral word', { social_1: '624', social_2: '18', social_3: '3390' }, '3390'],
    ["the SSA's part names", { area: '458', group: '71', serial: '2265' }, '2265'],
    ['lettered boxes', { taxA: '512', taxB: '38', taxC: '6620' }, '6620'],
  ])('removes %s', (_what, boxes, serial) => {
    expect(sent(track({ step2: boxes, form_name: 'Charity care' }))).not.toContain(serial);
  });

  it('keeps indexed numbers that cannot be an SSN', () => {
    const kept = { score_1: '999', score_2: '10', score_3: '1234', page: '12', size: '20', box_1: '123', box_2: '00', box_3: '4567' };
    const out = sent(track(kept));
    for (const [k, v] of Object.entries(kept)) expect(out).toContain(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
  });
});

describe('age bands', () => {
  it('keeps a band that tells no age over 89, and still top-codes or drops the rest', () => {
    const out = sent(track({ age_range: '25-34', age_band: '65–74', ageGroup: '18 to 24', age_bucket: '65+', more: { age_group: '90+', age_range: '85-94', age_bucket: '95+', age: '93' } }));
    for (const v of ['"age_range":"25-34"', '"age_band":"65–74"', '"ageGroup":"18 to 24"', '"age_bucket":"65+"', '"age_group":">=90"', '"age":">=90"']) expect(out).toContain(v);
    // `:"93"`, not `93`: the output's timestamps hold digits too (a send at …:51.934Z failed the bare form).
    for (const v of ['85-94', '95+', ':"93"']) expect(out).not.toContain(v);
  });
});

describe("a contact link's text beside a top-level href", () => {
  it.each([
    ['mailto', 'mailto:w.pelham@inbox.example', 'label', 'Wystan Pelham', 'Pelham'],
    ['tel', 'tel:+15035550163', 'link_text', 'Eudora Whitlock', 'Whitlock'],
    ['sms', 'sms:+12065550171', 'anchor', 'Seraphina Oyelowo', 'Oyelowo'],
  ])('removes the name beside a %s href', (_s, href, key, name, surname) => {
    const out = sent(track({ href, [key]: name, element: 'a' }));
    expect(out).not.toContain(surname);
    expect(out).toContain('"element":"a"');
  });

  it("keeps a desk's label beside a contact href, and a page link's label", () => {
    expect(sent(track({ href: 'tel:+18005550100', label: 'Call the nurse line' }))).toContain('Call the nurse line');
    expect(sent(track({ href: 'tel:+17025550100', label: 'Call Scheduling' }))).toContain('"label":"Call Scheduling"');
    expect(sent(track({ href: 'mailto:scheduling@example-health.org', link_text: 'Email the scheduling team' }))).toContain('Email the scheduling team');
    expect(sent(track({ href: '/services/cardiology', label: 'Cardiology Services' }))).toContain('Cardiology Services');
  });
});

describe('a patient named after the role word that opens a note', () => {
  it.each([
    ['Patient Ottoline Marchbanks called about her refill status', 'Marchbanks'],
    ['Pt Ignatius Fairweather missed his 3pm slot', 'Fairweather'],
    ['Follow-up needed. Patient Evander Thistlewood rescheduled', 'Thistlewood'],
    ['Patient Perpetua Lindqvist-Borg asked for her imaging CD', 'Lindqvist'],
  ])('removes the name in %j', (note, surname) => {
    expect(sent(track({ summary: note }))).not.toContain(surname);
  });

  it('keeps departments, programmes and pages named after patients', () => {
    const kept = ['Patient Financial Services updated the estimate', 'Patient Experience Team followed up', 'Patient Advocacy Office will call',
      'Patient Access Center closed', 'Patient Portal Login', 'Patient Transport Coordination', 'Patient Navigator Program',
      'Patient Registration Desk', 'Patient Safety Week', 'Patient Stories Video', 'Patient Family Advisory Council'];
    const out = sent(track(Object.fromEntries(kept.map((v, i) => [`status_${i}`, v]))));
    for (const v of kept) expect(out).toContain(v);
  });

  it('the prefilter skips no text the detector would read', () => {
    const parts = ['Patient ', 'Pt ', 'pt ', 'Ottoline ', 'Marchbanks', 'Financial ', 'Services', '. ', 'x'];
    expectPrefilterSound(parts, { maxLength: 5, numRuns: 1500, examples: [['Patient Ottoline Marchbanks called']] });
  });
});

describe("a person's full name under a key naming a role", () => {
  it.each([
    ['customer', { customer: 'Cornelius Abernathy' }, 'Abernathy'],
    ['a buyer with a middle initial', { buyer: 'Wystan Q. Pelham' }, 'Pelham'],
    ['a primary user', { primary_user: 'Tamsin Ravenscroft' }, 'Ravenscroft'],
    ['a payer', { payer: 'Casimir Wendelstein' }, 'Wendelstein'],
    ['a role key inside a key=value text', { label: 'cust=Leopold Castellanet|plan=gold' }, 'Castellanet'],
  ])('removes %s', (_what, props, surname) => {
    expect(sent(track(props))).not.toContain(surname);
  });

  it('keeps segments, states and businesses under those keys', () => {
    const kept = { customer: 'returning', buyer: 'Blue Cross', client: 'Mobile Web', owner: 'Marketing Team', parent: 'Patient Education',
      org_customer: 'Acme Corp', debug: 'plan=gold;billing=annual;seats=5' };
    const out = sent(track(kept));
    for (const [k, v] of Object.entries(kept)) expect(out).toContain(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
  });
});

describe("tools' own objects named alone", () => {
  it('keeps meeting, webinar and experiment numbers, and an order under a plain order key', () => {
    const kept = { zoom_meeting_id: '84512367901', meetingId: '9123456789', webinar_number: '81234567890', experiment: '24567890123',
      variation: '24567890124', order: 'ORD-2026-118833', transaction: 'TXN-98765432' };
    const out = sent(track({ tool: kept }));
    for (const [k, v] of Object.entries(kept)) expect(out).toContain(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
  });

  it("still redacts a telehealth meeting's number and other shapes under those keys", () => {
    const out = sent(track({ telehealth_meeting_id: '84512367901', visit_meeting_id: '84512367902', order: 'MRN-12345678', experiment: '503-555-0142' }));
    for (const v of ['84512367901', '84512367902', '12345678', '555-0142']) expect(out).not.toContain(v);
  });
});

describe('places and numbers read by what surrounds them', () => {
  it("keeps an Australian event's year after a state, and still redacts a suburb's postcode", () => {
    const out = sent(track({ headline: 'Sydney NSW 2026 conference: digital front door', promo: 'Perth WA 2027 Fun Run', tail: 'Bondi NSW 2026' }));
    expect(out).toContain('Sydney NSW 2026 conference');
    expect(out).toContain('Perth WA 2027 Fun Run');
    expect(out).not.toContain('Bondi NSW 2026"');
  });

  it("removes a US city written after a street address, keeping the state", () => {
    const out = sent(track({ summary: 'Please mail the forms to 4411 Juniper Hollow Rd, Wenatchee, WA', note2: 'send to 12 Oak St, Apt 4, Kalispell MT 59901',
      s3: "Ship to 88 Larch Ct, Coeur d'Alene, ID 83814", s4: '742 Evergreen Terrace Springfield, OR' }));
    for (const v of ['Wenatchee', 'Kalispell', 'Juniper', 'Alene', 'Springfield']) expect(out).not.toContain(v);
    expect(sent(track({ s5: 'our clinic at 100 Main St is open daily' }))).toContain('is open daily');
    expect(out).toContain(', WA');
  });

  it("removes an insurance card's bare group number after its member id", () => {
    const out = sent(track({ summary: 'Member ID W772913455, Group 4471120, is my card still valid?' }));
    for (const v of ['W772913455', '4471120']) expect(out).not.toContain(v);
    expect(sent(track({ summary: 'MRN 55123345 in support group 2026 session' }))).toContain('support group 2026 session');
  });

  it('reads labels abbreviated with a full stop, and a pharmacy group under rx_group', () => {
    const out = sent(track({ summary: 'Cert. No. 88-2241-A on file; Pol. No. HMO55213, Grp. # 4471120', rx: { rx_bin: '610014', rx_group: 'RX8842' } }));
    for (const v of ['88-2241-A', 'HMO55213', '4471120', 'RX8842']) expect(out).not.toContain(v);
    // The plan's routing number (the PBM's, shared by every member) stays.
    expect(out).toContain('"rx_bin":"610014"');
  });

  it('keeps the kind and state of a licence, and still drops its number', () => {
    const out = sent(track({ license_type: 'annual', licence_status: 'active', license_seats: '5', license_number: 'WDL0ABC12345' }));
    for (const v of ['"license_type":"annual"', '"licence_status":"active"', '"license_seats":"5"']) expect(out).toContain(v);
    expect(out).not.toContain('WDL0ABC12345');
  });
});
