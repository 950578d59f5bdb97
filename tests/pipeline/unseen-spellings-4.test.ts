import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Leak classes found by a fourth red-team pass (.tmp/h32/gen.mjs): names under other languages'
// field names and role words, fields written inside a string (k=v blobs, JSON kept as text),
// geocodes, other countries' identity numbers, pictures of people named by path. Each test
// uses its own spellings, not the generator's; the destination allows every property and trait.
const { sent } = openPlanProbe('u4');
const track = (properties: Record<string, unknown>) =>
  sent({ type: 'track', event: 'Form Submitted', properties, context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } } });
const identify = (traits: Record<string, unknown>) => sent({ type: 'identify', traits, context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } } });

describe('names under field names the pack did not list', () => {
  it.each([
    ['Dutch', { Achternaam: 'Vermeulenq' }],
    ['Portuguese', { nomeCompleto: 'Ana Vermeulenq' }],
    ['Polish', { imie_i_nazwisko: 'Ewa Vermeulenq' }],
    ['Norwegian', { etternavn: 'Vermeulenq' }],
    ['a role word', { clientName: 'Ana Vermeulenq' }],
    ['another role word', { 'guest-name': 'Ana Vermeulenq' }],
    ['an abbreviation', { PT_NM: 'Ana Vermeulenq' }],
    ['a Mixpanel-style nested set', { $set_once: { cognome: 'Vermeulenq' } }],
  ])('drops a name under %s keys', (_why, properties) => {
    expect(track(properties)).not.toContain('Vermeulenq');
  });

  it('drops them from traits too', () => {
    expect(identify({ voornaam: 'Ana', achternaam: 'Vermeulenq', plan: 'hmo' })).not.toContain('Vermeulenq');
    expect(identify({ plan: 'hmo' })).toContain('hmo');
  });
});

describe('fields written inside a string', () => {
  it.each([
    ['a query string', 'lname=Vermeulenq&plan=hmo'],
    ['a pipe blob', 'plan:hmo|surname:Vermeulenq|src:web'],
    ['a record with colons', 'achternaam: Vermeulenq; geboren: 1958'],
    ['JSON kept as text', '{"voornaam":"Ana","achternaam":"Vermeulenq","plan":"hmo"}'],
    ['JSON escaped twice', '{\\"customer_name\\":\\"Ana Vermeulenq\\"}'],
    ['a form-builder pair as JSON text', '[{"label":"Last Name","value":"Vermeulenq"}]'],
    ['an encoded blob', 'nazwisko%3DVermeulenq%26plan%3Dhmo'],
    ['a labelled owner name', 'Client Name: Ana Vermeulenq'],
  ])('redacts the value in %s', (_why, text) => {
    const out = track({ step: text });
    expect(out).not.toContain('Vermeulenq');
  });

  it('keeps keys that name nothing, and prose with one colon', () => {
    expect(track({ step: 'plan=hmo&src=web' })).toContain('plan=hmo&src=web');
    expect(track({ step: 'Visiting hours: 9am to 8pm' })).toContain('Visiting hours: 9am to 8pm');
    expect(track({ step: 'Visitor policy: 2 per patient; children: with an adult' })).toContain('Visitor policy: 2 per patient; children: with an adult');
    expect(track({ step: '{"plan":"hmo","tier":2}' })).toContain('{\\"plan\\":\\"hmo\\",\\"tier\\":2}');
  });
});

describe('geocodes', () => {
  it.each([
    ['a comma pair', '51.50722,-0.12754'],
    ['labelled', 'latitude 51.50722 longitude -0.12754'],
    ['a geo URI', 'geo:51.50722,-0.12754;u=35'],
    ['degrees, minutes, seconds', '51\u00b030\'26.0"N 0\u00b007\'39.1"W'],
  ])('redacts %s in text', (_why, text) => {
    expect(track({ step: text })).not.toContain('51.50722');
    expect(track({ step: text })).not.toContain('30\'26');
  });

  it('drops a coordinate pair sent as numbers, in either order', () => {
    expect(track({ spot: [51.50722, -0.12754] })).not.toContain('51.50722');
    expect(track({ origin: { type: 'Point', coordinates: [-0.12754, 51.50722] } })).not.toContain('51.50722');
  });

  it('keeps versions, prices and plain number pairs', () => {
    expect(track({ step: 'app 4.2.1, $129.99 or 2 for $199.50' })).toContain('app 4.2.1, $129.99 or 2 for $199.50');
    expect(track({ sizes: [1.5, 2.25] })).toContain('2.25');
  });
});

describe("other countries' identity numbers and dates", () => {
  it.each([
    ['a DNI under its key', { dni: '87654321X' }],
    ['a DNI in text', { step: 'DNI: 87654321X' }],
    ['a PESEL in text', { step: 'PESEL 58020312345' }],
    ['an NI number', { step: 'ni no. AB 65 43 21' }],
    ['a codice fiscale', { step: 'codice fiscale: VRMNNA58B43F205Z' }],
  ])('redacts %s', (_why, properties) => {
    expect(track(properties)).not.toMatch(/87654321|58020312345|65 43 21|VRMNNA58B43F205Z/);
  });

  it('reads Dutch, Swedish and Polish month names in dates', () => {
    for (const d of ['3 februari 1958', '3 augusti 1958', '3 lutego 1958']) expect(track({ step: `geb. ${d}` })).not.toContain(d);
  });

  it('reduces a birth date under other languages\u2019 keys to its year', () => {
    expect(track({ data_de_nascimento: '03/02/1958', fodelsedatum: '1958-02-03' })).not.toMatch(/03\/02|02-03/);
  });
});

describe('pictures of people named by path', () => {
  it.each([
    ['a headshot directory', 'img/headshots/ana_vermeulenq.png'],
    ['a profile photo', '/members/4411/ana-vermeulenq.webp'],
    ['an insurance card scan', 'ana-vermeulenq-insurance-card-back.HEIC'],
  ])('redacts %s', (_why, path) => {
    expect(track({ step: path })).not.toContain('vermeulenq');
  });

  it('keeps the site\u2019s own images', () => {
    expect(track({ step: '/images/hero-banner.jpg' })).toContain('/images/hero-banner.jpg');
  });
});
