import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Leak classes found by sending reshaped corpus events through the collector: pages that say
// where they are somewhere other than `path`/`url`, and identifiers in spellings no detector
// knew. Each test uses its own spellings, not the red-team generator's.
const { blocked, sent } = openPlanProbe('u1');
const SITE = OPEN_SITE;

describe('pages that route outside their path', () => {
  it.each([
    ['a hash route', { context: { page: { path: '/app/', url: `${SITE}/app/#/MyChart/Inbox` } } }],
    ['a hashbang route', { context: { page: { path: '/', url: `${SITE}/#!billing/pay-online` } } }],
    ['a query route', { context: { page: { path: '/', url: `${SITE}/?route=pharmacy%2Frefill-request` } } }],
    ['a redirect target', { context: { page: { path: '/Default.aspx', url: `${SITE}/Default.aspx?ReturnTo=/portal/messages` } } }],
    ['a query sent apart from the URL', { context: { page: { path: '/', url: `${SITE}/`, search: '?step=intake/new-patient' } } }],
    ['only an href', { context: { page: { href: `${SITE}/patient-portal/visits` } } }],
    ['only a GA4 page_location', { properties: { page_location: `${SITE}/test-results/123` } }],
    ['only a $current_url', { properties: { $current_url: `${SITE}/appointments/confirmed` } }],
    ['a nested page object', { properties: { page: { url: `${SITE}/login` } } }],
    ['a portal title on a plain URL', { context: { page: { path: '/app', url: `${SITE}/app`, title: 'Inbox - MyChart' } } }],
  ])('blocks %s', (_why, event) => {
    expect(blocked(event)).toBe(true);
  });

  it.each(['/pay-a-bill-online', '/rx-refill-status', '/e-intake', '/secure/inbox', '/My.Chart/home', '/#%2Fbilling%2Fpay'])('blocks %s, a blocked page in other words', (path) => {
    expect(blocked({ context: { page: { path: path.startsWith('/#') ? '/' : path, url: `${SITE}${path}` } } })).toBe(true);
  });

  it('blocks app screens named like a blocked page', () => {
    expect(blocked({ type: 'screen', name: 'Rx Refill > Confirm' })).toBe(true);
    expect(blocked({ type: 'screen', name: 'My Chart: Messages' })).toBe(true);
  });

  it('lets anchors, pagination and ordinary screens through', () => {
    expect(blocked({ context: { page: { path: '/services/cardiology', url: `${SITE}/services/cardiology#billing` } } })).toBe(false);
    expect(blocked({ context: { page: { path: '/blog', url: `${SITE}/blog?page=2` } } })).toBe(false);
    expect(blocked({ context: { page: { path: '/find-a-doctor', url: `${SITE}/find-a-doctor?view=results&tab=profile` } } })).toBe(false);
    expect(blocked({ type: 'screen', name: 'Find a Doctor' })).toBe(false);
  });
});

describe('identifiers in spellings no detector knew', () => {
  const track = (properties: Record<string, unknown>, traits: Record<string, unknown> = {}) =>
    sent({ type: 'track', event: 'Form Submitted', properties, traits, context: { page: { path: '/contact', url: `${SITE}/contact` } } });

  it('record numbers under a site\'s own label, and bare 7-8 digit numbers', () => {
    const t = track({ cta: 'Med. Rec. # 7788123', step: 'Hosp #: A55667', value: 'ref 3344556', category: 'expediente 9081726' });
    for (const v of ['7788123', 'A55667', '3344556', '9081726']) expect(t).not.toContain(v);
  });

  it('dates written with a two-digit year after an apostrophe, or as 8 bare digits', () => {
    const t = track({ cta: 'born Aug 14 ’72', value: 'dob 19720814' });
    expect(t).not.toMatch(/Aug 14|19720814/);
  });

  it('street addresses and PO boxes in free text and under unknown names', () => {
    const t = track({ cta: 'Deliver to 19 Harbor View Rd, Unit 7' }, { ubicacion: '402 S 3rd Ave', buzon: 'PO Box 9912', contact: { domicilioFiscal: 'Av. Reforma 222' } });
    for (const v of ['Harbor View', '3rd Ave', '9912', 'Reforma']) expect(t).not.toContain(v);
  });

  it('field names in other languages and abbreviations', () => {
    const t = track({}, { correoElectronico: 'x', telefonoCasa: '555 0134', apellidoPaterno: 'Quarshie', fechaNac: '14/08/1972', celularNbr: '0134', nombreCompleto: 'Ximena Q' });
    for (const v of ['555 0134', 'Quarshie', '14/08', '0134', 'Ximena']) expect(t).not.toContain(v);
  });

  it('identifiers form-encoded or double-encoded inside free text', () => {
    const t = sent({ type: 'track', event: 'Callback: (508)+555-0147', properties: { cta: 'reach+me+at+508+555+0147', value: 'ssn%3A%20212%2D45%2D7733', step: 'kim.ito%2540example.org', category: 'card%204012%208888%208888%201881' } });
    const digits = t.replace(/\D/g, '');
    for (const d of ['5085550147', '212457733', '4012888888881881']) expect(digits).not.toContain(d);
    expect(t).not.toMatch(/kim\.ito/);
  });

  it('identifiers typed in fullwidth forms (IME input), alone or mixed with ASCII', () => {
    const t = sent({ type: 'track', event: 'Form Submitted', properties: { note: 'write to ｌｅｅ．ｍｉｎ＠ｅｘａｍｐｌｅ．ｏｒｇ', cta: 'tel ５０８－５５５－０１９２', value: 'ssn ２１９－０９－９９９９', step: 'born ０７/２２/１９５８', mixed: 'ping lee.min＠example.org or 508-555-０１９２' } });
    const folded = t.normalize('NFKC');
    const digits = folded.replace(/\D/g, '');
    for (const d of ['5085550192', '219099999', '07221958']) expect(digits).not.toContain(d);
    expect(folded).not.toMatch(/lee\.min/);
  });

  it('keeps what the plain reading found when folding glues it to a fullwidth word', () => {
    const t = sent({ type: 'track', event: 'Form Submitted', properties: { note: 'mbi 1EG4-TE5-MK72ｒｅｆｅｒｒａｌ' } });
    expect(t).not.toContain('1EG4-TE5-MK72');
  });

  it('dates with the month glued to day and year, or written "the 3rd of July"', () => {
    const t = track({ cta: 'seen 09JUL1958', value: 'the 3rd of July, 1958' });
    expect(t).not.toMatch(/09JUL|July/);
  });

  it('generic labels that announce a value with a colon, hash or equals sign', () => {
    const t = track({ cta: 'Policy: QXT-44120-7', value: 'Subscriber= 88A-1290', step: 'policy 2024 update' });
    expect(t).not.toMatch(/QXT-44120|88A-1290/);
    expect(t).toContain('policy 2024 update');
  });

  it('a value whose field name travels beside it as a label, key, question or title', () => {
    const t = track({
      step: [{ label: 'Legal name', value: 'Perpetua Okonkwo' }, { key: 'Mother maiden name', val: 'Abernathy' }],
      category: { custom_field_31: { title: 'Caregiver', text: 'Lucius Penhallow' }, custom_field_32: { fieldName: 'Birth date', fieldValue: '1958-07-09' } },
    }, { answers: [{ question: 'Home street', response: 'Quillfeather Close' }] });
    for (const v of ['Perpetua', 'Abernathy', 'Penhallow', '07-09', 'Quillfeather']) expect(t).not.toContain(v);
  });

  it('keeps pairs whose label names no identifier', () => {
    const t = track({ step: [{ label: 'Preferred clinic', value: 'Downtown' }], category: { custom_field_1: { key: 'Visit type', val: 'in-person' } } });
    expect(t).toContain('Downtown');
    expect(t).toContain('in-person');
  });

  it('keeps ordinary content: service lines, step numbers, prices', () => {
    const t = track({ service_line: 'cardiology-2024', step: 3, value: '$1250000', cta: 'Open 7 days a week' });
    expect(t).toContain('cardiology-2024');
    expect(t).toContain('$1250000');
    expect(t).toContain('Open 7 days a week');
  });
});
