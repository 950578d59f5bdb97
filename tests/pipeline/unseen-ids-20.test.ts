import { describe, expect, it } from 'vitest';
import { HOME_PAGE, openPlanProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 20 (.tmp/h78): identifiers in shapes the earlier passes did not write, and the look-alikes that must
// stay beside them. Every event goes to the open destination (no BAA, every property allowed).
const { sent } = openPlanProbe('i20');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Button Clicked', properties, ...HOME_PAGE });

describe('a person named after a contact verb', () => {
  it.each([
    ['a button label', 'Call Imogen Trelawney at the front desk', 'Trelawney'],
    ['a text button', 'Text Ottilie Marchetti', 'Marchetti'],
    ['a message link', 'Message Casimir Oyelaran', 'Oyelaran'],
    ['lower-case verb in a sentence', 'please phone Ravi Castellano today', 'Castellano'],
  ])('removes the name in %s', (_what, label, surname) => {
    expect(sent(track({ cta_label: label }))).not.toContain(surname);
  });

  it('keeps desks, services and providers named with their title', () => {
    const labels = ['Call Now', 'Call the front desk', 'Call Pharmacy', 'Message Billing Team', 'Call Dr. Priya Raman', 'Call Poison Control',
      'Call Northbay Health', 'Text Us', 'Call Centre Hours'];
    const out = sent(track(Object.fromEntries(labels.map((l, i) => [`cta_${i}`, l]))));
    for (const l of labels) expect(out).toContain(l);
  });
});

describe('a name after "my name is" in other scripts', () => {
  it.each([
    ['Russian', 'Здравствуйте, меня зовут Анастасия Кравченко, хочу записаться', 'Кравченко'],
    ['Ukrainian', 'Добрий день, мене звати Богдан Шевчук', 'Шевчук'],
    ['Greek', 'Γεια σας, με λένε Ελένη Παπαδοπούλου', 'Παπαδοπούλου'],
    ['Arabic', 'مرحبا اسمي ليلى الحسيني', 'الحسيني'],
    ['Hebrew', 'שלום, שמי דנה לויתן', 'לויתן'],
    ['Chinese', '你好，我叫王小明，想预约体检', '王小明'],
    ['Japanese', 'こんにちは、私の名前は山田花子です', '山田花子'],
    ['Korean', '안녕하세요 제 이름은 김민준입니다', '김민준'],
  ])('removes the name in %s under a neutral key', (_lang, text, name) => {
    expect(sent(track({ chat_line: text }))).not.toContain(name);
  });

  it('keeps text in those scripts without the cue', () => {
    const out = sent(track({ city_label: 'Москва, Россия', tagline: 'Υγεία για όλους', cn: '预约体检服务中心' }));
    for (const v of ['Москва, Россия', 'Υγεία για όλους', '预约体检服务中心']) expect(out).toContain(v);
  });

  it('the prefilter skips no text the detector would read', () => {
    const parts = ['меня зовут ', 'Меня зовут ', 'με λένε ', 'اسمي ', '我叫', '私の名前は', 'Анна', 'Ли', '王', ' ', ', ', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [['меня зовут Анна Ли'], ['我叫王小明先生']] });
  });
});

describe("a contact link's text sent beside its address", () => {
  // A top-level `href` property is read as the page's own (page-properties.ts), so the link is nested there.
  it.each([
    ['link_url', 'link_text', 'mailto:someone@inbox.example', 'Leontyne Ashcombe', false],
    ['href', 'anchor_text', 'tel:+14155550163', 'Bartholomew Quennell', true],
    ['linkUrl', 'linkText', 'sms:+61298765432', 'Perpetua Haldane', false],
  ])('removes a full name under %s / %s', (urlKey, textKey, url, name, nested) => {
    const link = { [urlKey]: url, [textKey]: name };
    const out = sent(track(nested ? { link, region: 'footer' } : { ...link, region: 'footer' }));
    expect(out).not.toContain(name.split(' ')[1]);
    expect(out).toContain('footer');
  });

  it('keeps link texts that are not a name, and names beside ordinary links', () => {
    expect(sent(track({ link_url: 'mailto:appointments@northbay.example', link_text: 'Email the appointments team' }))).toContain('Email the appointments team');
    expect(sent(track({ link_url: 'tel:+611300555000', link_text: 'Call us' }))).toContain('Call us');
    expect(sent(track({ link_url: 'https://www.example-health.org/providers', link_text: 'Find A Doctor' }))).toContain('Find A Doctor');
  });
});

describe('a vCard inside a data: URI', () => {
  it("removes the card's name as its FN label says", () => {
    const card = 'BEGIN:VCARD\nVERSION:3.0\nFN:Rosalind Fairweather\nTEL:+1 415 555 0137\nEND:VCARD';
    const out = sent(track({ vcard: `data:text/vcard;base64,${Buffer.from(card).toString('base64')}` }));
    expect(out).not.toMatch(/Fairweather|555 0137|4155550137/);
  });
});

describe('address tails of other posts', () => {
  it.each([
    ['an Australian suburb, state and postcode', '17 Wattle Street, Parramatta NSW 2150', ['Parramatta', '2150', 'Wattle']],
    ['a postcode after a state without a street', 'Jacaranda Park, Toowong QLD 4066', ['4066']],
    ['a New Zealand Private Bag and city', 'Private Bag 92019, Victoria Street West, Auckland 1142', ['92019', '1142']],
    ['a PO Box and a Wellington postcode', 'PO Box 5541, Lambton Quay, Wellington 6145', ['5541', '6145']],
    ['a US private mailbox', 'PMB 442, 1200 Kingsway Blvd, Ferndale WA 98248', ['PMB 442', 'Kingsway']],
    ['a GPO box and a locked bag', 'GPO Box 1234 or Locked Bag 7', ['1234', 'Bag 7']],
    ['a British mews', 'Flat 3, 22 Larkspur Mews, London SW1A 1AA', ['Larkspur', 'SW1A 1AA']],
  ])('removes %s', (_what, text, gone) => {
    const out = sent(track({ shipping_summary: text }));
    for (const g of gone) expect(out).not.toContain(g);
  });

  it('keeps years after a state, prose with street words, and numbers under quantity keys', () => {
    const out = sent(track({ headline: 'NSW 2026 budget', hours: 'Open 2 doors close at 5pm', tour: '3 Gardens Tour', points_balance: '12345', step_count: '10021' }));
    for (const v of ['NSW 2026 budget', 'Open 2 doors close at 5pm', '3 Gardens Tour', '"12345"', '"10021"']) expect(out).toContain(v);
  });

  it('still cuts a ZIP under a ZIP key and a five-digit string under a neutral key', () => {
    const out = sent(track({ zip: '97209', ref: '97209' }));
    expect(out).not.toContain('97209');
  });
});

describe('catalogue lists, generated request ids and dated campaigns', () => {
  it('keeps catalogue ids in lists under plural keys', () => {
    const out = sent(track({ content_ids: ['48213', '77120'], item_ids: ['SKU-88412-BLU'], skus: ['30312'] }));
    expect(out).toContain('["48213","77120"]');
    expect(out).toContain('["SKU-88412-BLU"]');
    expect(out).toContain('["30312"]');
  });

  it('still reads a phone number spelled one digit an entry, and lists under other keys', () => {
    expect(sent(track({ content_ids: ['5', '0', '3', '5', '5', '5', '0', '1', '4', '2'] }))).not.toContain('"4","2"');
    expect(sent(track({ codes: ['48213'] }))).not.toContain('48213');
  });

  it('keeps ULIDs and KSUIDs made since 2016, not other tokens of their shape', () => {
    const out = sent(track({ request_id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', trace: '01hzx8k3m9q2w7e5r4t6y8v0jp', event_uid: '2QXyGd8kZfWcM1bR7pNvT3sHaLj', member: '7ZZZZZZZZZ9Q2W7E5R4T6Y8V0J' }));
    for (const v of ['01ARZ3NDEKTSV4RRFFQ69G5FAV', '01hzx8k3m9q2w7e5r4t6y8v0jp', '2QXyGd8kZfWcM1bR7pNvT3sHaLj']) expect(out).toContain(v);
    expect(out).not.toContain('7ZZZZZZZZZ9Q2W7E5R4T6Y8V0J');
  });

  it('keeps a campaign named with a recent day, not an old date or a number in one', () => {
    const out = sent(track({ campaign_id: 'spring_sale_2026-03-14', promo: 'eofy-20260630-email', campaign: 'promo_1961-03-14', utm_content: 'flu_2026-10-01_5035550142' }));
    expect(out).toContain('spring_sale_2026-03-14');
    expect(out).toContain('eofy-20260630-email');
    expect(out).not.toMatch(/1961-03-14|5035550142/);
  });
});

describe('the prefilter with these shapes', () => {
  it('skips no detector that would find a name after a contact verb or an Australian postcode', () => {
    const parts = ['Call', 'call', 'Text', 'text', 'Message', 'Phone', ' ', 'Jane', 'Doe', 'Okafor', 'Now', ', ', 'NSW', 'QLD', '2150', 'Toowong', 'the', 'x', '1'];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 3000, examples: [['Call Jane Okafor'], ['Toowong QLD 2150'], ['please text Jane Doe now']] });
  });
});

describe('a JSON Web Token without a full signature', () => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const header = part({ alg: 'none', typ: 'JWT' });
  // Three digits in its base64url: code_like (4+ digits) does not take it on its own.
  const payload = part({ email: 'wb@mail.example' });

  it.each([
    ['unsigned (alg none)', `${header}.${payload}.`],
    ['with a short signature', `${header}.${payload}.c2ln`],
    ['without its last dot', `${header}.${payload}`],
  ])('removes a token %s, whose payload carries an email', (_what, token) => {
    expect(sent(track({ ref_data: token }))).not.toContain(payload);
  });

  it('keeps dotted text that only opens like a token', () => {
    expect(sent(track({ note_id: 'eyJhbGciOi.notjson.x' }))).toContain('eyJhbGciOi.notjson.x');
  });
});
