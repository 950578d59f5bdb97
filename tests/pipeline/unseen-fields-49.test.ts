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
