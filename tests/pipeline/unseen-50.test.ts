import { describe, expect, it } from 'vitest';
import { allowAllProbe, openPlanProbe, OPEN_SITE } from '../helpers/open-plan.js';

// Probe 50 (H249): an event's time that is a birth date, a page opened from the visitor's disk or on a person's own host, and
// consent banners read as a patient's consent form. Every event goes to an open destination (no BAA, every field allowed).
const { sent } = allowAllProbe('u50');
const { blocked } = openPlanProbe('u50b');
const at = (url: string, path: string) => ({ type: 'page', context: { page: { path, url } } });

describe("an event's time", () => {
  it('is the arrival time when the client sends a date more than a year old (a birth date in its place)', () => {
    for (const timestamp of ['1961-03-14', 'March 14, 1961', '0001-01-01']) {
      const out = sent({ timestamp, ...at(`${OPEN_SITE}/about`, '/about') });
      expect(out).not.toContain('1961');
      expect(out).not.toContain('0001-01-01');
    }
  });
  it("keeps a recent client time", () => {
    const recent = new Date(Date.now() - 3 * 86_400_000).toISOString();
    expect(sent({ timestamp: recent, ...at(`${OPEN_SITE}/about`, '/about') })).toContain(recent);
  });
});

describe("a page's address", () => {
  it("withholds a page opened from the visitor's disk", () => {
    for (const [url, path] of [['file:///home/kenji/cardiology.html', '/home/kenji/cardiology.html'], ['file:///Users/kokafor/Downloads/x.html', '/Users/kokafor/Downloads/x.html']]) {
      const out = sent(at(url, path));
      expect(out).not.toContain('kenji');
      expect(out).not.toContain('kokafor');
    }
    expect(sent(at(`${OPEN_SITE}/x`, '/C:/Documents and Settings/Kenji Okafor/Desktop/page.html'))).not.toContain('Okafor');
  });
  it("cuts a person's own host to the site it is under, and drops an address as host", () => {
    expect(sent(at('https://kenji-okafor.github.io/blog/knee', '/blog/knee'))).not.toContain('kenji');
    expect(sent(at('https://kenjiokaforx0003.substack.com/p/x', '/p/x'))).toContain('"https://substack.com/"');
    expect(sent(at('https://198.51.100.7/services/cardiology', '/services/cardiology'))).not.toContain('198.51.100');
  });
  it("keeps a site's own pages, /home and /users sections included", () => {
    for (const path of ['/home/services', '/users/guide', '/services/cardiology']) expect(sent(at(`${OPEN_SITE}${path}`, path))).toContain(`"${path}"`);
    expect(sent(at('https://clinic.example/services/cardiology', '/services/cardiology'))).toContain('https://clinic.example/services/cardiology');
    // The machine's own or a private network's address is a site tested or run on an intranet, no person's.
    expect(sent(at('http://127.0.0.1:8080/services/cardiology', '/services/cardiology'))).toContain('"/services/cardiology"');
    expect(sent(at('http://10.2.3.4/services/cardiology', '/services/cardiology'))).toContain('"/services/cardiology"');
  });
});

describe('consent banners and consent forms', () => {
  const form = (event: string, properties: Record<string, string>) => ({ type: 'track', event, properties, context: { page: { path: '/', url: `${OPEN_SITE}/` } } });
  it("lets a cookie banner's, a messaging opt-in's and a volunteer's consent flow", () => {
    for (const p of [{ form_id: 'onetrust-consent-sdk' }, { category: 'Cookie Consent' }, { form_id: 'volunteer-consent' }, { form_id: 'sms-consent' }, { form_id: 'gdpr-consent' }] as Record<string, string>[]) {
      expect(blocked(form('Form Started', p)), JSON.stringify(p)).toBe(false);
    }
  });
  it("still blocks a patient's consent form", () => {
    for (const p of [{ form_id: 'consent-form' }, { form_id: 'treatment-consent' }]) expect(blocked(form('Form Submitted', p)), JSON.stringify(p)).toBe(true);
  });
});
