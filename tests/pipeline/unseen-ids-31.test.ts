import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 31 (.tmp/h138): the rarer Safe Harbor categories and the leftovers of pass 30. Every event goes to an open
// destination (no BAA, every field allowed); the look-alikes must stay.
const { props } = allowAllProbe('s31');

describe('a lab specimen number after its label (R)', () => {
  it.each([
    ['`Accession no.`', 'Accession no. S26-041877 not posted yet', 'S26-041877'],
    ['`lab accession #:`', 'lab accession #: 26-CH-007731', '26-CH-007731'],
    ['`accession number`', 'my accession number is B2604418 per the lab', 'B2604418'],
    ['`Specimen ID`', 'Specimen ID 26-HM-0418', '26-HM-0418'],
    ['a bare `Accession:`', 'Accession: SP-26-771', 'SP-26-771'],
  ])('removes the number after %s', (_case, line, part) => {
    expect(props({ results_question: line })).not.toContain(part);
  });

  it('keeps prose with the words and no number after a colon', () => {
    const clean = { a: 'Accession 2026 gala tickets', b: 'Specimen collection hours: 7am-5pm', c: 'Lab accessioning desk closes at 6pm' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });
});

describe("a state programme's beneficiary number, and a member named in a card's cells (I, A)", () => {
  it.each([
    ['after `AHCCCS ID:`', 'AHCCCS ID: A11877342 (Arizona Medicaid)', 'A11877342'],
    ['after `TennCare #:`', 'TennCare #: T4418207', 'T4418207'],
    ['after `SoonerCare ID`', 'SoonerCare ID B4418207 expired?', 'B4418207'],
    ['after `BadgerCare #:`', 'BadgerCare #: 44182-07', '44182-07'],
    ['after `PeachCare ID:`', 'PeachCare ID: G4418207', 'G4418207'],
  ])('removes the number %s', (_case, line, part) => {
    expect(props({ note_to_billing: line })).not.toContain(part);
  });

  it("removes a member's name that opens a card's cell", () => {
    expect(props({ scan_result: 'humana | Member Clementine Ashbwinter | Grp 0044 | PCP Dr. Lee' })).not.toContain('Ashbwinter');
  });

  it("keeps a chip, a team and a portal in the same words", () => {
    const clean = { a: 'chip card reader broken', b: 'Cigna | Member Services Team | 1-800', c: 'Plan | Subscriber Portal Login' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = [' | ', '|', 'Member ', 'Subscriber ', 'Clementine ', 'Ashbwinter', 'Services Team', '\n', ' ', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [['aetna | Member Clementine Ashbwinter | x']] });
  });
});

describe("a visitor's own case number after its label (R)", () => {
  it.each([
    ['a support ticket', 'Ticket #: 48213 about my bill', '48213'],
    ["a booking's confirmation", 'Confirmation #: 7Q2HB4K for Tuesday', '7Q2HB4K'],
    ['an appointment confirmation number', 'appointment confirmation number 48821', '48821'],
    ['a referral number', 'Referral number R-260441 from Dr. Lee', 'R-260441'],
    ["a plan's prior authorization", 'Prior auth #: 26PA0441 approved', '26PA0441'],
    ['a booking reference', 'booking reference: 8XK2P7Q', '8XK2P7Q'],
    ['a grievance', 'Grievance no. 2026-0412 still open', '2026-0412'],
  ])('removes %s', (_case, line, part) => {
    expect(props({ chat_preview: line })).not.toContain(part);
  });

  it("keeps a shop's order, a count, a word and a year after the same words", () => {
    const clean = { a: 'Order #4471 shipped', b: 'Ticket #3 of 5 for the gala', c: 'Confirmation: sent 2026', d: 'Referral: 2 weeks',
      e: 'The incident number 2026 was high' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });
});

describe("a refer-a-friend or invite code, the referrer's own (R)", () => {
  it.each([
    ['referral_code', 'AMBROSEASHBOWNEY25'],
    ['friendReferralCode', 'jane-okafor-4821'],
    ['invite_code', 'OTTOLINE-M-7731'],
    ['invitationCode', 'x7Hk2mQ9'],
  ])('drops `%s`', (key, value) => {
    expect(props({ [key]: value, program: 'refer-a-friend' })).not.toContain(value);
  });

  it("keeps a promotion's code everyone shares and where a referral came from", () => {
    const out = props({ promo_code: 'FLU2026', coupon: 'SPRING10', referral_source: 'newsletter', referral_program: 'friends-2026' });
    for (const v of ['FLU2026', 'SPRING10', 'newsletter', 'friends-2026']) expect(out).toContain(v);
  });
});

describe('a caller naming themselves in a phone message', () => {
  it.each([
    ['after `call me back,`', 'hi its about my refill, call me back, Evangeline Ridgeway, thanks', 'Ridgeway'],
    ['after `Please call me back,` before a stop', 'Please call me back, Barnaby Quenhurst. Thank you.', 'Quenhurst'],
    ['after `text me back,`', 'text me back, Seraphina Dorvanthorpe', 'Dorvanthorpe'],
    ['after `this message is for`', 'This message is for Clementine Orddowney, please call the clinic', 'Orddowney'],
    ['after `Hey,` before `calling`', 'Hey, Lysander Kestrickford calling again re: my bill', 'Kestrickford'],
    ['after `Good morning,` before `calling`', 'Good morning, Percival Thornayne calling about the MRI', 'Thornayne'],
    ['after `Hello` before `calling`', 'Hello Imogen Yelvester calling from home', 'Yelvester'],
  ])('removes the name %s', (_case, line, part) => {
    expect(props({ chat_preview: line })).not.toContain(part);
  });

  it('keeps a desk, a day or a site calling', () => {
    const clean = { a: 'Hi, Patient Services calling to confirm', b: 'Please call me back, Monday or Tuesday', c: 'call me back, Front Desk',
      d: 'Hello, Northbay Health calling', e: 'Good morning, calling about parking' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['call me back, ', 'text me back, ', 'message is for ', 'Hey, ', 'Hello ', ' calling', 'Evangeline ', 'Ridgeway', 'Front Desk', ' ', ', ', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [['Hey, Evangeline Ridgeway calling']] });
  });
});

describe('a Vietnamese name after `Anh`, and after an honorific that a verb opens', () => {
  it.each([
    ['`Anh` opening a note', 'Anh Nguyễn Văn Bình cần đặt lịch khám tim', 'Văn Bình'],
    ['`anh` inside a sentence', 'Tôi là vợ của anh Trần Quốc Tuấn, xin gọi lại', 'Quốc Tuấn'],
    ['`Anh` before Đ', 'Anh Đặng Hữu Khoa gọi lại', 'Hữu Khoa'],
    ['`Bà` after a verb', 'Gọi Bà Lê Thị Hồng lúc 3 giờ', 'Thị Hồng'],
    ['`Chị` after a verb', 'Nhắc Chị Phạm Thị Yến mang thẻ bảo hiểm', 'Thị Yến'],
  ])('removes the name: %s', (_case, line, part) => {
    expect(props({ ghi_chu_crm: line })).not.toContain(part);
  });

  it('keeps English classes, a given name and places named with an honorific', () => {
    const clean = { a: 'Anh Văn giao tiếp cho người đi làm', b: 'Lớp Tiếng Anh Giao Tiếp', c: 'Chợ Bà Chiểu mở cửa', d: 'Núi Bà Đen',
      e: 'Miếu Bà Chúa Xứ Núi Sam', f: 'Bà Rịa Vũng Tàu' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['Anh ', 'anh ', 'Gọi ', 'Chợ ', 'Bà ', 'Nguyễn ', 'Đặng ', 'Văn ', 'Bình', 'Lê ', 'Thị ', 'Hồng', ' ', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [['Anh Nguyễn Văn Bình']] });
  });
});

describe('look-alikes the pass-30 rules cut', () => {
  it("keeps the sentence after an Arabic relative's two-word name, and a name's connector", () => {
    const out = props({ a: 'والدتي سميرة الدباغ مريضة وتحتاج موعد', b: 'زوجتي ليلى الحسيني حامل', c: 'والدي محمد بن سلمان يحتاج موعد' });
    for (const kept of ['مريضة', 'حامل', 'يحتاج']) expect(out).toContain(kept);
    for (const gone of ['الدباغ', 'الحسيني', 'سلمان']) expect(out).not.toContain(gone);
  });

  it('keeps a street named by its number, and reads a house on it', () => {
    expect(props({ t: 'Festival en la 8 Calle Ocho este sábado' })).toContain('la 8 Calle Ocho');
    expect(props({ t: 'Desfile por la 5 Avenida Quinta' })).toContain('5 Avenida Quinta');
    expect(props({ t: 'vivo en 1550 Calle Ocho, Miami' })).not.toContain('1550');
  });

  it("keeps a ranking's count before a month, and a birth date with its label", () => {
    expect(props({ t: 'Top 10 jen 2024: konsèy sante' })).toContain('Top 10 jen 2024');
    expect(props({ t: 'Top 10 June 2025 picks' })).toContain('Top 10 June 2025');
    expect(props({ t: 'li fèt 12 jen 1948' })).not.toContain('12 jen');
  });

  it("keeps a city and its state as an object key, a name still goes", () => {
    const out = props({ clinics_by_city: { 'Portland, Oregon': { count: 3 }, 'Salem, Massachusetts': { count: 1 } },
      roster: { 'Okafor, Kenji': { visits: 3 }, 'Jackson, Virginia': { visits: 1 } } });
    for (const kept of ['Portland, Oregon', 'Salem, Massachusetts']) expect(out).toContain(kept);
    for (const gone of ['Okafor', 'Jackson']) expect(out).not.toContain(gone);
  });
});

describe("a site's own tags, digests and versions", () => {
  it('keeps GA4 measurement ids and Google tag ids', () => {
    const out = props({ ga_measurement_id: 'G-7Q2HB4MZ1K', log: 'Loaded gtag with id G-Q8WERT12YZ and GT-P8XK2M4QZ1' });
    for (const v of ['G-7Q2HB4MZ1K', 'G-Q8WERT12YZ', 'GT-P8XK2M4QZ1']) expect(out).toContain(v);
    expect(props({ t: 'member id XG-7Q2HB4MZ1K' })).not.toContain('7Q2HB4MZ1K');
  });

  it("keeps a CMS content's UUID and a digest named by its algorithm under an object's key", () => {
    const sri = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';
    const out = props({ content_uuid: '3f2b8c1e-7a4d-4e2b-9c1a-5d6e7f8a9b0c', asset_guid: 'c0ffee00-1234-4abc-8def-0123456789ab', bundle_hash: sri });
    for (const v of ['3f2b8c1e-7a4d-4e2b-9c1a-5d6e7f8a9b0c', 'c0ffee00-1234-4abc-8def-0123456789ab', sri]) expect(out).toContain(v);
  });

  it('keeps a dotted version after the word for it; a phone number there still goes', () => {
    const out = props({ a: 'Use version 10.0.19045.3803 or newer', b: 'firmware 4.12.0 installed', c: 'build 120.0.6099.109' });
    for (const v of ['10.0.19045.3803', '4.12.0', '120.0.6099.109']) expect(out).toContain(v);
    expect(props({ t: 'version 617.555.0134' })).not.toContain('555.0134');
  });

  it("keeps public resolvers' addresses a help page names; any other address goes", () => {
    expect(props({ faq_answer: 'Set your DNS to 1.1.1.1 or 8.8.8.8 if the portal will not load' })).toContain('1.1.1.1 or 8.8.8.8');
    expect(props({ t: 'client 8.8.8.9 blocked' })).not.toContain('8.8.8.9');
  });
});
