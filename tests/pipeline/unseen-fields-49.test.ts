import { describe, expect, it } from 'vitest';
import { OPEN_SITE, allowAllProbe } from '../helpers/open-plan.js';

// Probe 49 (H249): identifiers in a campaign's own keys, in an external referrer's host, and under abbreviated or other
// languages' keys. Every event goes to an open destination (no BAA, every field allowed).
const { sent, props } = allowAllProbe('f49');
const withCampaign = (campaign: Record<string, string>) => sent({ context: { page: { path: '/about', url: `${OPEN_SITE}/about` }, campaign } });
const withReferrer = (referrer: string) => sent({ type: 'page', context: { page: { path: '/about', url: `${OPEN_SITE}/about`, referrer } } });

describe("a campaign's own keys", () => {
  it("reads a key other than the standard ones by its name's identifier rule, as a property's", () => {
    const out = withCampaign({ name: 'spring', mrn: 'E39770501', member_id: 'A91656066', drivers_license: 'D4935299', utm_passport: 'N26274281', 'MR#': 'E72204021' });
    for (const v of ['E39770501', 'A91656066', 'D4935299', 'N26274281', 'E72204021']) expect(out).not.toContain(v);
    expect(out).toContain('"spring"');
  });
  it('keeps the standard parameters and a custom key naming nothing', () => {
    const out = withCampaign({ source: 'sms', medium: 'text', content: 'banner-b', audience: 'seniors' });
    for (const v of ['"sms"', '"text"', '"banner-b"', '"seniors"']) expect(out).toContain(v);
  });
});

describe("an external referrer's host", () => {
  it('is cut to the site it names: a personal subdomain goes, an address as host goes whole', () => {
    expect(withReferrer('https://kenjiokaforx0003.substack.com/p/my-surgery')).not.toContain('kenjiokafor');
    expect(withReferrer('https://kenji-okaforx0003.github.io/blog/knee')).toContain('"https://github.io/"');
    for (const r of ['http://198.51.100.77/portal', 'http://[2001:db8:1234:5678::1]/x']) {
      const out = withReferrer(r);
      expect(out).not.toContain('198.51.100');
      expect(out).not.toContain('2001:db8');
    }
  });
  it("keeps a search engine's or a social site's shared subdomain", () => {
    expect(withReferrer('https://www.google.co.uk/search?q=x')).toContain('"https://www.google.co.uk/"');
    expect(withReferrer('https://l.facebook.com/l.php?u=x')).toContain('"https://l.facebook.com/"');
    expect(withReferrer('https://duckduckgo.com/')).toContain('"https://duckduckgo.com/"');
  });
});

describe('abbreviated and other languages\' keys', () => {
  it.each([
    ['licencia', 'D4935299'], ['cnh', 'D4935297'], ['driverLic', 'D4935298'], ['medrec', 'E39770501'], ['enc_id', 'E39770502'], ['MR#', 'E39770503'],
    ['mem_no', 'A91656066'], ['ins_id', 'A91656067'], ['health_card', 'A91656060'], ['claim_no', 'A91656068'], ['kontonummer', 'A91656069'],
    ['plates', '9GPZ776'], ['anschrift', 'Maple Ave 5342'], ['logradouro', 'Rua Augusta 1500'], ['dia_chi', '45 Nguyen Trai'], ['apelyido', 'Dimaculangan'],
  ])('drops %s', (key, value) => {
    expect(props({ category: { [key]: value } })).not.toContain(value);
  });
});

describe("an identifier's number beside its kind", () => {
  it.each([
    [{ label: 'mrn', number: 'E44055766' }], [{ type: 'passport', number: 'S59565731' }], [{ doc_type: 'drivers_license', doc_number: 'F61747091' }],
    [{ tipo: 'member_id', numero: 'A54202775' }], [{ id_type: 'Member ID', id_value: 'YEH517573' }], [{ use: 'mrn', value: 'E32892235' }],
    [{ system: 'passport', code: 'J27888027' }],
  ])('drops the number of %j', (pair) => {
    const [, v] = Object.entries(pair)[1] as [string, string];
    expect(props({ category: [pair] })).not.toContain(v);
  });
  it('keeps a pair whose kind names no identifier', () => {
    const out = props({ category: [{ type: 'button', number: 3 }, { label: 'Step', number: '2' }] });
    expect(out).toContain('"button"');
    expect(out).toContain('"number":3');
  });
});

describe('a label in text naming a bill, a claim or a membership', () => {
  it.each(['Claim ID CLM746261', 'Statement # BA-400306', 'Guarantor # BA-652113', 'Cuenta BA-615338', 'Nº afiliado - YEH583525',
    'Versichertennummer - A50297079', 'placa: 5YVR651', 'Licencia de conducir - P81239954'])('drops the number of %s', (text) => {
    const number = text.split(/[ :#-]+/).pop() as string;
    expect(props({ cta: text })).not.toContain(number);
  });
  it('keeps a year after the words in prose', () => {
    for (const text of ['tener en cuenta el 2024', 'la póliza 2026 cubre más']) expect(props({ cta: text })).toContain(text);
  });
});

describe('a person named in a page path under a story, a thank-you, a donor or an e-card', () => {
  const { pathOut } = allowAllProbe('f49p');
  it.each(['/patient-stories/siobhan-castellanos', '/es/gracias/maria-lopez-garcia', '/testimonials/rowena-villanueva', '/donors/kenji-okafor',
    '/ecard/to/kenji.okafor/from/maria'])('replaces the name in %s', (path) => {
    const name = (path.match(/[a-z]+[-.][a-z]+(?:-[a-z]+)?$|[a-z]+\.[a-z]+(?=\/from)/) as RegExpMatchArray)[0];
    expect(pathOut(path)).not.toContain(name);
  });
  it('keeps a story or a section named in words', () => {
    for (const path of ['/patient-stories/heart-surgery-recovery', '/volunteers/opportunities', '/directions/to/main-campus']) expect(pathOut(path)).toContain(path);
  });
});

describe('titles and providers in page paths', () => {
  const { pathOut } = allowAllProbe('f49t');
  it("keeps a capitalised article's slug and a provider directory's profile", () => {
    for (const path of ['/News/2026/Northbay-Opens-New-Tower', '/Careers/Patient-Access-Representative', '/find-a-doctor/profile/james-lee-do']) {
      expect(pathOut(path)).toContain(path);
    }
  });
  it('still replaces a token and a person thanked', () => {
    expect(pathOut('/x/AbCdEfGhIjKlMnOpQrStUvWx')).toContain('/x/:id');
    expect(pathOut('/thank-you/Maria-Lopez-Garcia')).toContain('/thank-you/:id');
  });
});
