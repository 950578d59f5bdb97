import { describe, expect, it } from 'vitest';
import { HOME_PAGE, openPlanProbe } from '../helpers/open-plan.js';

// Pass 30 (.tmp/h132): text sent in base64 that is not JSON (a SAML response's XML, a note wrapped in
// mail's 76-character lines), and a survey tool's answers keyed by question id beside the questions'
// labels. Every event goes to the open destination (every property allowed, no BAA).
const { sent } = openPlanProbe('f30');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Form Submitted', properties, ...HOME_PAGE });
const out = (properties: Record<string, unknown>): string => sent(track(properties));
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const wrap = (s: string, width: number, eol: string): string => s.match(new RegExp(`.{1,${width}}`, 'g'))!.join(eol);

describe('text in base64', () => {
  it('reads a SAML response whose base64 holds a `+` (a digit there, not a form space)', () => {
    const xml = '<samlp:Response><saml:Assertion><saml:Subject><saml:NameID>barnaby.lomb47@webmail.example</saml:NameID></saml:Subject>' +
      '<saml:AttributeStatement><saml:Attribute Name="role"><saml:AttributeValue>member</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>';
    const token = b64(xml);
    expect(token).toContain('+');
    const text = out({ SAMLResponse: token, sso: 'okta' });
    // Whatever base64 is left in the output, decoded, names no one.
    const runs = (text.match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []).map((r) => Buffer.from(r, 'base64').toString('latin1')).join(' ');
    expect(`${text} ${runs}`).not.toMatch(/barnaby\.lomb47/);
    expect(text).toContain('<saml:NameID>[EMAIL]</saml:NameID>');
    expect(text).toContain('"sso":"okta"');
  });

  it('reads plain text wrapped in lines of 76 (MIME) or 64 (PEM) as one token', () => {
    const note = 'Patient: Octavius Vespickford\nDate of birth: 05/07/1948\nPhone: (617) 555-0123\nReason: follow-up';
    for (const [width, eol] of [[76, '\r\n'], [64, '\n']] as const) {
      const text = out({ attachment: wrap(b64(note), width, eol), kind: 'upload' });
      expect(text).not.toContain(b64(note).slice(0, 24));
      expect(text).not.toMatch(/Vespickford|05\/07\/1948|555-0123/);
      expect(text).toContain('"kind":"upload"');
    }
  });

  it('leaves clean wrapped text as it came', () => {
    const wrapped = wrap(b64('Visiting hours are 8am to 8pm daily. Parking is free on weekends. '.repeat(3)), 76, '\r\n');
    expect(out({ attachment: wrapped })).toContain(JSON.stringify(wrapped).slice(1, -1));
  });
});

describe('answers keyed by question id beside their labels', () => {
  it('takes each answer by its question’s label (Qualtrics `values` and `labels`)', () => {
    const text = out({ responseId: 'R_1abcXYZ', values: { QID1_TEXT: 'Clementine Upwarrick', QID3_TEXT: 'kept as typed', QID4: 2 }, labels: { QID1_TEXT: 'Full name', QID3_TEXT: 'Favourite season', QID4: 'Satisfaction' } });
    expect(text).not.toMatch(/Upwarrick/);
    expect(text).toContain('"QID4":2');
    expect(text).toContain('"responseId":"R_1abcXYZ"');
  });

  it('does the same one level down, and with questions and answers in parallel lists', () => {
    expect(out({ survey: { values: { q7: 'Upwarrick' }, fieldLabels: { q7: 'Last name' } } })).not.toMatch(/Upwarrick/);
    const text = out({ questions: ['Last name', 'Preferred campus'], answers: ['Upwarrick', 'North Annex'] });
    expect(text).not.toMatch(/Upwarrick/);
    expect(text).toContain('North Annex');
  });

  it('never makes an answer laxer than its own key: a label naming nothing leaves the key’s rule', () => {
    const text = out({ values: { email: 'c.upwarrick@post.example', QID9: 'Spring' }, labels: { email: 'Your contact', QID9: 'Season' } });
    expect(text).not.toMatch(/upwarrick/i);
    expect(text).toContain('"QID9":"Spring"');
  });
});

describe('a multipart body kept as text', () => {
  it('keeps its parts’ names as they came, and still takes a named part by its rule', () => {
    const body = '--XyZ\r\nContent-Disposition: form-data; name="topic"\r\n\r\nparking\r\n--XyZ\r\nContent-Disposition: form-data; name="campus"\r\n\r\nNorth Annex\r\n--XyZ--';
    expect(out({ raw_post: body })).toContain('name=\\"topic\\"\\r\\n\\r\\nparking');
    const named = out({ raw_post: '--XyZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nc.upwarrick@post.example\r\n--XyZ--' });
    expect(named).toContain('name=\\"email\\"');
    expect(named).not.toMatch(/upwarrick/i);
  });
});

describe('XML that names a value by an attribute', () => {
  it('takes a SAML attribute’s value by its Name or claim URI', () => {
    const xml = '<saml:AttributeStatement><saml:Attribute Name="displayName"><saml:AttributeValue>Barnaby Lombidgeway</saml:AttributeValue></saml:Attribute>' +
      '<saml:Attribute Name="http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"><saml:AttributeValue>Quenwinter</saml:AttributeValue></saml:Attribute>' +
      '<saml:Attribute Name="role"><saml:AttributeValue>member</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>';
    const text = out({ assertion: xml, saml: Buffer.from(xml).toString('base64') });
    expect(text).not.toMatch(/Lombidgeway|Quenwinter/);
    expect(text).toContain('<saml:AttributeValue>member</saml:AttributeValue>');
  });

  it('takes an element’s text by its name or key attribute, and keeps element names as they came', () => {
    const text = out({ cfg: '<properties><property name="lastName">Lombidgeway</property><property name="theme">dark</property></properties>' });
    expect(text).not.toMatch(/Lombidgeway/);
    expect(text).toContain('<property name=\\"theme\\">dark</property>');
    expect(out({ form: '<form name="contact"><select name="campus"><option>North Annex</option></select></form>' })).toContain('<select name=\\"campus\\">');
    const inputs = out({ html: '<form><input name="topic" value="parking"><input name="last_name" value="Quenwinter"></form>' });
    expect(inputs).toContain('<input name=\\"topic\\" value=\\"parking\\">');
    expect(inputs).toContain('<input name=\\"last_name\\"');
    expect(inputs).not.toMatch(/Quenwinter/);
  });
});
