import { describe, expect, it } from 'vitest';
import { HOME_PAGE, openPlanProbe } from '../helpers/open-plan.js';

// Pass 31 (.tmp/h140): events relayed from server-side sources and other trackers' wire formats (a
// Snowplow GET, a Matomo bulk body, an Adobe beacon, vendors' webhooks) forwarded as `track` properties.
// Every event goes to the open destination (every property allowed, no BAA).
const { sent, blocked } = openPlanProbe('f31');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Webhook Relayed', properties, ...HOME_PAGE });
const out = (properties: Record<string, unknown>): string => sent(track(properties));
const SITE = 'https://www.example-health.org';
const enc = encodeURIComponent;

describe('a tracker hit relayed whole names the page it was sent from', () => {
  it('blocks the event when that page is blocked (Snowplow url, Matomo bulk url, Adobe g, GA dl)', () => {
    const hits = [
      { snowplow_hit: `e=pv&url=${enc(`${SITE}/pharmacy/refill?rx=44`)}&tv=js-3.17.0` },
      { matomo_bulk: { requests: [`?idsite=1&rec=1&url=${enc(`${SITE}/billing/pay?invoice=77`)}&action_name=Pay`] } },
      { beacon_url: `https://metrics.example.net/b/ss/prod/1/JS-2.22.0/s5?AQB=1&pageName=home&g=${enc(`${SITE}/mychart/messages`)}&AQE=1` },
      { relay: { hit: `v=2&tid=G-ABC1234567&en=page_view&dl=${enc(`${SITE}/patient-portal/inbox`)}` } },
    ];
    for (const h of hits) expect(blocked(track(h)), JSON.stringify(h)).toBe(true);
  });

  it('lets a hit from a public page flow, and a link to a blocked page is still only a link', () => {
    expect(blocked(track({ snowplow_hit: `e=pv&url=${enc(`${SITE}/locations`)}&tv=js-3.17.0`, tracker: 'snowplow' }))).toBe(false);
    expect(blocked(track({ matomo_bulk: { requests: [`?idsite=1&rec=1&action_name=Locations&url=${enc(`${SITE}/locations`)}`] } }))).toBe(false);
    // Not a hit (no tracker's own parameter): a query naming a page is a link's.
    expect(blocked(track({ next_link: `a=1&url=${enc(`${SITE}/mychart/login`)}` }))).toBe(false);
  });
});

describe('a tracker’s opaque slots (custom dimensions, props, eVars, event labels)', () => {
  it('cuts a whole full name there, in a relayed query and in a JSON payload alike', () => {
    const queries = [
      'v=1&tid=UA-123456-1&t=event&ec=form&ea=submit&cd3=Rosalind%20Holloidge&cm1=1',
      'idsite=3&rec=1&e_c=Form&e_a=Submit&dimension7=Rosalind+Holloidge',
      'AQB=1&pageName=contact&prop7=Rosalind%20Holloidge&events=event1&AQE=1',
      'AQB=1&pageName=contact&c7=Rosalind Holloidge&AQE=1',
      'idsite=1&rec=1&e_c=Form&e_a=Submit&e_n=Rosalind%20Holloidge',
    ];
    for (const q of queries) {
      const text = out({ collect_query: q, tracker: 'relay' });
      expect(text, q).not.toMatch(/Holloidge/);
      expect(text).toContain('"tracker":"relay"');
    }
    const xdm = out({ xdm: { _experience: { analytics: { customDimensions: { eVars: { eVar1: 'Tomasz Roscidge', eVar2: 'contact-form' }, props: { prop8: 'desktop' } } } } } });
    expect(xdm).not.toMatch(/Roscidge/);
    expect(xdm).toContain('"eVar2":"contact-form"');
    expect(xdm).toContain('"prop8":"desktop"');
  });

  it('keeps what a site puts there that is no one’s name', () => {
    const q = 'v=1&t=event&ec=cta&ea=click&cd3=Find%20a%20Doctor&cd5=West%20Campus&cd6=Spanish&el=Get%20Directions';
    expect(out({ collect_query: q })).toContain(q);
    expect(out({ dims: { dimension3: 'Harbor Clinic', eVar4: 'Sports Medicine', prop2: 'New Patient' } })).toContain('"dimension3":"Harbor Clinic","eVar4":"Sports Medicine","prop2":"New Patient"');
  });
});

describe('a form plugin’s inputs named by a field number', () => {
  it('reads a bracketed key by its last named part (WPForms `wpforms[fields][3][last]`)', () => {
    const text = out({ 'wpforms[fields][3][first]': 'Harold', 'wpforms[fields][3][last]': 'Nortingham', 'wpforms[fields][8]': 'Cardiology', 'wpforms[id]': '112' });
    expect(text).not.toMatch(/Nortingham|Harold/);
    expect(text).toContain('"wpforms[fields][8]":"Cardiology"');
    expect(text).toContain('"wpforms[id]":"112"');
  });

  it('takes an input numbered only by its field from the labels beside the entry', () => {
    const text = out({ entry: { 'wpforms[fields][5]': 'Fairweather', 'wpforms[fields][8]': 'Cardiology' }, field_labels: { 5: 'Last name', 8: 'Department' } });
    expect(text).not.toMatch(/Fairweather/);
    expect(text).toContain('"wpforms[fields][8]":"Cardiology"');
  });

  it('finds that entry under the site’s own key (Gravity Forms `input_4` beside `labels`)', () => {
    const text = out({ gf_entry: { input_4: 'Fairweather', input_9: 'Morning' }, labels: { 4: 'Surname', 9: 'Best time' } });
    expect(text).not.toMatch(/Fairweather/);
    expect(text).toContain('"input_9":"Morning"');
    expect(out({ meta: { a: 'b' }, labels: { x: 'Surname' } })).toContain('"meta":{"a":"b"}');
  });
});

describe('a multipart part named `family` alone', () => {
  const part = (name: string, value: string) => `--X7\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  it('is the surname when its value is shaped like one', () => {
    for (const surname of ['Ashboway', 'Van Buren']) {
      const text = out({ request_body: `${part('family', surname)}${part('topic', 'billing')}--X7--\r\n`, content_type: 'multipart/form-data' });
      expect(text).not.toContain(surname);
      expect(text).toContain('billing');
    }
  });

  it('leaves a value no surname is shaped like', () => {
    for (const value of ['yes', '2 children', 'Family Medicine']) {
      expect(out({ request_body: `${part('family', value)}--X7--\r\n` })).toContain(`\\r\\n\\r\\n${value}\\r\\n`);
    }
  });
});

describe('base64 text inside a form-encoded string', () => {
  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
  const xml = '<samlp:Response><saml:Assertion><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">tomasz.woldurst55@post.example</saml:NameID></saml:Subject>' +
    '<saml:AttributeStatement><saml:Attribute Name="surname"><saml:AttributeValue>Woldurst</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>';
  const decodedRuns = (text: string): string => (text.match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []).map((r) => Buffer.from(r, 'base64').toString('latin1')).join(' ');

  it('reads a SAML response posted in a form (its `+`, `/` and `=` escaped) as its XML', () => {
    for (const body of [new URLSearchParams({ SAMLResponse: b64(xml), RelayState: '/portal-home' }).toString(), `RelayState=%2Fdashboard&SAMLResponse=${enc(b64(xml))}`]) {
      const text = out({ sso_post_body: body, step: 'sso-acs' });
      const plain = decodeURIComponent(text);
      expect(`${plain} ${decodedRuns(plain)}`).not.toMatch(/woldurst/i);
      expect(plain).toContain('<saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">[EMAIL]</saml:NameID>');
      expect(text).toContain('"step":"sso-acs"');
    }
  });
});

describe('a web API’s version in a relayed webhook', () => {
  it('keeps a dated API version from 2000 on (Twilio `ApiVersion: 2010-04-01`); a birth date under another key still goes', () => {
    const text = out({ sms_status: { MessageStatus: 'delivered', ApiVersion: '2010-04-01', api_version: '2024-06-20' }, dob: '2010-04-01' });
    expect(text).toContain('"ApiVersion":"2010-04-01"');
    expect(text).toContain('"api_version":"2024-06-20"');
    expect(text).not.toContain('"dob":"2010-04-01"');
    expect(out({ apiVersion: '1961-03-14' })).not.toContain('1961-03-14');
  });
});

describe('a list of two relayed hits', () => {
  it('is a list, not an entry named by the first: both are scanned and both go', () => {
    const text = out({ requests: ['?idsite=1&rec=1&uid=jane.whitlock%40mail.example&url=https%3A%2F%2Fwww.example-health.org%2Flocations', '?idsite=1&rec=1&e_c=CTA&e_a=click'] });
    expect(decodeURIComponent(text)).not.toContain('jane.whitlock');
    expect(text).toContain('?idsite=1&rec=1&e_c=CTA&e_a=click');
  });

  it('scans an entry’s name as text too', () => {
    expect(out({ pair: ['email 617-555-0134', 'x'] })).not.toContain('555-0134');
    expect(out({ pair: ['last_name', 'Whitlock'] })).not.toContain('Whitlock');
  });
});
