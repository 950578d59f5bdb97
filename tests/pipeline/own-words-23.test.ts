import { describe, expect, it } from 'vitest';
import { HOME_PAGE, openPlanProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Blind pass 23 (H96): identifiers a person typed or a tool wrapped: callers without an apostrophe, honorifics in other
// languages, a family's title, birthplaces, streets without a type word, dates a form's error echoes, ages in words,
// speech-to-text, flat form pairs. The open destination: no BAA, every property allowed; clean look-alikes stay.
const { sent } = openPlanProbe('own-words-23');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Form Submitted', properties, ...HOME_PAGE });
const keeps = (labels: string[]) => {
  const out = sent(track(Object.fromEntries(labels.map((l, i) => [`label_${i}`, l]))));
  for (const l of labels) expect(out).toContain(l);
};

describe('names in people\'s own words', () => {
  it.each([
    ['a caller without an apostrophe', 'hi its Ottilie Brandvold calling about my sons xray', 'Brandvold'],
    ['German Herr', 'Herr Kleinschmidt bittet um Rückruf wegen der Befunde', 'Kleinschmidt'],
    ['Spanish Sr.', 'El Sr. Villalobos llamó para cambiar su cita', 'Villalobos'],
    ['Spanish Señora', 'Señora Gutiérrez llamó ayer', 'Gutiérrez'],
    ['French Mme', 'Mme Durand-Lefèvre a appelé ce matin', 'Durand'],
    ['Dutch Dhr. and a particle', 'Dhr. de Vries belde over de uitslag', 'Vries'],
    ['a family signing a card', 'Thank you for everything you did for Mom. With love, The Lindqvist-Okoro Family', 'Lindqvist'],
    ['German Familie closing the text', 'Gute Besserung wünscht Familie Brandstätter', 'Brandstätter'],
    ['an initial and a surname after spoke with', 'Spoke with J. Whitlock about her refill, she will call back', 'Whitlock'],
    ['a speech-to-text caller in lower case', 'hello this is cornelius abernathy my date of birth is march third', 'abernathy'],
  ])('removes the name: %s', (_what, text, surname) => {
    expect(sent(track({ q2_response: text }))).not.toContain(surname);
  });

  it('keeps titles, programmes, shows and buildings', () => {
    keeps(['The clinic and its Patient Advisory Council meet monthly', 'Sr. Wellness Walk', 'Sr. Fitness Hour', 'Herr der Ringe Marathon',
      'The Addams Family (hospital theater night)', 'Wexler Family Pavilion', 'Family Medicine Residency', 'Resident Evil Village',
      'Resident Evil Village on the lobby console please', 'Spoke with Billing Team', 'this is mission critical for us', 'this is fine and i agree',
      'this is prior authorization and i need help']);
  });

  it('still removes a resident named after the role word', () => {
    expect(sent(track({ q2_response: 'Resident Cornelius Ashdown in room 12 needs a visit' }))).not.toContain('Ashdown');
  });
});

describe('places', () => {
  it.each([
    ['German birthplace after the date', 'Ich bin geboren am 3.4.1961 in Wuppertal und brauche einen Termin', 'Wuppertal'],
    ['French birthplace', 'Je suis née le 14 mars 1958 à Lyon et je voudrais un rendez-vous', 'Lyon'],
    ['Spanish birthplace', 'Mi padre nacido en Sevilla necesita una cita', 'Sevilla'],
    ['an abbreviated geb. with its date', 'geb. 17.09.1955 in Bielefeld, bitte Rückruf', 'Bielefeld'],
    ['a German street without a type word', 'Bitte an Am Kirschgarten 7, 60311 Frankfurt am Main', 'Kirschgarten'],
    ['Unter den Linden', 'Lieferadresse: Unter den Linden 12, 10117 Berlin', 'Linden 12'],
    ['a Dutch canal and postcode', 'Mijn adres is Keizersgracht 123, 1015 CJ Amsterdam', 'Keizersgracht'],
    ['a Danish street', 'Send venligst brevet til Østerbrogade 44, 2100 København', 'Østerbrogade'],
    ['a street after an addressee', 'Herr Albrecht Wunderlich, Am Sonnenhang 3', 'Sonnenhang'],
  ])('removes %s', (_what, text, place) => {
    expect(sent(track({ q2_response: text }))).not.toContain(place);
  });

  it('keeps a state or country after a residence or birth word, and site copy', () => {
    keeps(['I moved to Texas last spring and need a new primary care doctor', 'we just moved to Oregon from California', 'my dad was born in Mexico',
      'Babies born in Portland hospitals', 'NATO summit 2026 in Brussels', 'Seite 3, 2026 Ausgabe', 'Linie 12 Richtung Hauptbahnhof',
      'Auf Station 7 gibt es 12 Betten']);
  });

  it("keeps a room after an addressee's name", () => {
    expect(sent(track({ q2_response: 'Mr. Ortega, Room 12' }))).toContain('Room 12');
  });
});

describe('dates and ages', () => {
  it.each([
    ['an impossible date an error echoes', 'invalid date 31/02/1961', '02/1961'],
    ['an impossible month', 'dob "1961-13-04" rejected: month out of range', '1961-13'],
    ['an age in words after turned', 'my grandmother turned ninety three last week', 'ninety three'],
    ['an age in words said of a person', 'My dad is ninety-four and lives alone', 'ninety-four'],
    ['an age in German words', 'Meine Mutter ist zweiundneunzig Jahre alt', 'neunzig'],
    ['an age in Spanish words', 'mi abuela tiene noventa y dos años', 'noventa'],
    ['an age in French words', 'ma mère a quatre-vingt-treize ans', 'vingt'],
  ])('removes %s', (_what, text, part) => {
    expect(sent(track({ q2_response: text }))).not.toContain(part);
  });

  it('keeps errors without a date, part numbers and spans of time', () => {
    keeps(['invalid date range: end before start', 'part 1961-13-04 in stock', 'the drive is ninety minutes', 'Get a ninety-day supply delivered',
      'neunzig Jahre Klinikum', 'noventa años de experiencia']);
  });
});

describe('a form sent as flat bracketed pairs', () => {
  it('judges each value by its sibling label', () => {
    const out = sent(track({ 'fields[1][name]': 'full_name', 'fields[1][value]': 'Philippa Thorncastle', 'fields[3][name]': 'topic', 'fields[3][value]': 'Payment plan' }));
    expect(out).not.toContain('Thorncastle');
    expect(out).toContain('Payment plan');
  });

  it("reads a value by its field's own name in the bracket before it", () => {
    const out = sent(track({ 'data[fields][name][value]': 'Imogen Strathdee', 'data[fields][topic][value]': 'Medical records' }));
    expect(out).not.toContain('Strathdee');
    expect(out).toContain('Medical records');
  });
});

describe('the prefilter', () => {
  it('skips no text the new cues would read', () => {
    const parts = ['its ', 'Its ', 'Herr ', 'Frau ', 'Sr. ', 'Sra. ', 'Señora ', 'Mme ', 'Dhr. ', 'The ', ' Family', 'Familie ', 'geboren am ', 'née le ', 'nacido en ',
      'born in ', 'geb. ', 'spoke with ', 'this is ', 'in ', 'à ', 'Jane ', 'Doe', 'J. ', 'cornelius abernathy', ' calling', ', ', '3.4.1961 ', 'Lyon', '12', ', 10117 ', 'Berlin',
      'zweiundneunzig ', 'NEUNZIG ', 'noventa y dos ', 'quatre-vingt-treize ', 'Jahre alt', 'años', 'ans'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2500, examples: [['its Jane Doe calling'], ['geboren am 3.4.1961 in Lyon'], ['Herr Doe, Am Lyon 12']] });
  });
});
