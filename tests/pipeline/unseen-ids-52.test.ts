import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 52 (tests/fixtures/held-52): a held-out set over the 18 Safe Harbor identifiers. Its misses: name, face and address
// keys of other languages inside compound keys (`patientNamn`, `jmenoPacienta`, `gesichtsvorlage`, `jusho`), a personal site under
// `website`, a letter's closing in Dutch, German, French… before the writer's name, a name spelled with HTML letter references
// (`Aur&eacute;lie`), an address's dot named `kropka`/`nokta` and `arroba` before a plain dot, a record number labelled in German,
// and a European plate after the word for a car. Its over-reach: a four-part version read as an IP address, and a public
// event's, an offer's or a release's whole date in free text.
// On main (a8310f2) 38 of these 53 tests fail. The 15 that pass there: the `still drops …` tests (what a fix must not
// loosen), the `keeps …` tests marked `(on main too)` (what a fix must not take), three of the four record labels (`Fall-Nr.`,
// `numero di cartella`, `hasta no`: other detectors took those numbers already; `Patientennummer` fails) and the prefilter property.
// Every event goes to an open destination (no BAA, every field allowed) under keys no free-text rule drops.
const { props } = allowAllProbe('s52');
const Y = new Date().getUTCFullYear();

describe('a four-part version is no IP address', () => {
  it('keeps it under a version key and after the word for a version', () => {
    const kept = { appVersion: '10.4.2.118', sdk_version: '3.1.0.27', widget_value: 'fw 2.0.14.7 available', cf_1: 'Build 6.2.1.40 is out' };
    const out = props(kept);
    for (const v of ['10.4.2.118', '3.1.0.27', '2.0.14.7', '6.2.1.40']) expect(out).toContain(v);
  });

  it('still drops an address typed as one, and a dotted phone number under a version key', () => {
    const out = props({ widget_value: 'my ip is 10.4.2.118 today', app_version: '1.617.555.0134' });
    for (const g of ['10.4.2.118', '617.555.0134']) expect(out).not.toContain(g);
  });
});

describe("a public event's, an offer's or a release's date in free text", () => {
  it.each([
    [`Join our free webinar on March 12, ${Y}`, `March 12, ${Y}`],
    [`Gutschein gilt bis 30.09.${Y}`, `30.09.${Y}`],
    [`Semi-marathon de Lyon le 5 octobre ${Y}`, `5 octobre ${Y}`],
    [`v4.0.2 released on ${Y}-02-03`, `${Y}-02-03`],
    [`Föreläsning om träning den 3 maj ${Y}`, `3 maj ${Y}`],
    [`Feria de la salud el 14 de marzo de ${Y}`, `14 de marzo de ${Y}`],
  ])('keeps the date in %j', (text, date) => {
    expect(props({ widget_value: text })).toContain(date);
  });

  it.each([
    [`I was released on ${Y}-02-03`, `${Y}-02-03`],
    [`admitted after the conference on March 3, ${Y}`, `March 3, ${Y}`],
    [`born during the festival on May 9, ${Y}`, `May 9, ${Y}`],
    ['webinar on March 12, 1961', 'March 12'],
    [`my appointment on ${Y}-04-22`, `${Y}-04-22`],
  ])('still drops a date tied to a person: %j', (text, date) => {
    expect(props({ widget_value: text })).not.toContain(date);
  });
});

describe('name, face and address words of other languages inside a key, and a bare `website`', () => {
  it.each([
    [{ patientNamn: 'Birgitta Holmqvist' }, 'Holmqvist'],
    [{ jmenoPacienta: 'Libuše Horáková' }, 'Horáková'],
    [{ kontaktNavn: 'Sigrid Aasland' }, 'Aasland'],
    [{ imieOjca: 'Kazimierz' }, 'Kazimierz'],
    [{ gesichtsvorlage_ref: 'GV-7731-QX' }, 'GV-7731-QX'],
    [{ fotoRostro: 'RF-44120' }, 'RF-44120'],
    [{ jusho: '大阪府大阪市北区梅田3-1-1' }, '梅田3-1-1'],
    [{ website: 'https://www.henrikvoss.de' }, 'henrikvoss'],
    [{ homepage: 'http://annelies-baumgartner.at/' }, 'baumgartner'],
  ])('drops the value of %j', (properties, gone) => {
    expect(props(properties)).not.toContain(gone);
  });

  it('keeps keys that only look alike (on main too)', () => {
    const kept = { minimized_panels: '3', numeric_mode: 'on', volume_level: '7' };
    const out = props(kept);
    for (const v of Object.values(kept)) expect(out).toContain(`"${v}"`);
  });
});

describe("an address's dot and `@` named in other languages", () => {
  it.each([
    ['adres: jan.kowalczyk małpa onet kropka pl', 'jan.kowalczyk'],
    ['mail: murat.aksoy at yandex nokta com', 'murat.aksoy'],
    ['email: andrei.popa arroba yahoo punct ro', 'andrei.popa'],
    ['escríbeme a lucia.ferrer arroba gmail.com', 'lucia.ferrer'],
    ['contact : remi.vasseur arobase laposte.fr', 'remi.vasseur'],
  ])('drops the user from %j', (text, user) => {
    expect(props({ widget_value: text })).not.toContain(user);
  });

  it('keeps prose with the same words (on main too)', () => {
    const kept = { a: 'la arroba es un símbolo. Punto final.', b: 'kropka nad i', c: 'nokta koymak lazım' };
    const out = props(kept);
    for (const v of Object.values(kept)) expect(out).toContain(v);
  });
});

describe("a letter's closing in other languages before the writer's name", () => {
  it.each([
    ['Graag een afspraak.\nMet vriendelijke groet,\nWillemijn de Graaf', 'Willemijn'],
    ['Bitte um Rückruf.\nMit freundlichen Grüßen\nFriederike Albrecht', 'Friederike'],
    ['Merci.\nCordialement,\nBénédicte Rouault', 'Bénédicte'],
    ['Dziękuję.\nPozdrawiam,\nJadwiga Szymańska', 'Jadwiga'],
    ['Tack.\nMed vänliga hälsningar\nAstrid Lundqvist', 'Astrid'],
    ['Gracias.\nUn cordial saludo,\nMontserrat Vidal', 'Montserrat'],
  ])('drops the name from %j', (text, given) => {
    expect(props({ widget_value: text })).not.toContain(given);
  });

  it('keeps a closing signed by a team (on main too)', () => {
    expect(props({ widget_value: 'Cordialement, l équipe Santé Plus' })).toContain('Santé Plus');
  });
});

describe('a name spelled with HTML letter references', () => {
  it('drops every part of it', () => {
    const out = props({ widget_value: 'Bonjour, je m&apos;appelle Ana&iuml;s Lef&egrave;vre' });
    for (const g of ['Lef&egrave;vre', 'Lefèvre', 'Ana&iuml;s']) expect(out).not.toContain(g);
  });

  it('keeps clean text spelled the same way (on main too)', () => {
    expect(props({ widget_value: 'Caf&eacute; Cr&egrave;me &amp; more' })).toContain('Caf&eacute; Cr&egrave;me');
  });
});

describe('a record number labelled in other languages', () => {
  it.each(['Patientennummer 00731942, Station 4', 'Fall-Nr. 2025-88213 (Notaufnahme)', 'numero di cartella 5518204 del reparto', 'hasta no: 88123407 poliklinik'])('drops the number from %j', (text) => {
    const digits = /[0-9-]{5,}/.exec(text)?.[0] ?? '';
    expect(props({ widget_value: text })).not.toContain(digits);
  });
});

describe('a European plate after the word for a car', () => {
  it.each([
    ['mein Auto (HB-RT 772) steht vor der Tür', 'HB-RT 772'],
    ['my car K-LM 4410 is the grey one', 'K-LM 4410'],
    ['ma voiture FG-881-TR est garée devant', 'FG-881-TR'],
    ['mi coche 8812 KLR está fuera', '8812 KLR'],
    ['la macchina GH 553 PL, posto 12', 'GH 553 PL'],
    ['de auto 9-XKL-27 staat buiten', '9-XKL-27'],
  ])('drops it from %j', (text, plate) => {
    expect(props({ widget_value: text })).not.toContain(plate);
  });

  it('keeps the same shapes with no car word before them (on main too)', () => {
    const kept = { a: 'SKU AB-123-CD in stock', b: 'car seat model HH AB 123', c: 'Kurs EX 472 KM', d: 'room 1234 BCD wing' };
    const out = props(kept);
    for (const v of Object.values(kept)) expect(out).toContain(v);
  });
});

// Set B, measured once after the fixes above (misses 1/24, clean altered 2/9), then fixed as classes.
describe("set B's classes: `my name is` in Indonesian and Malay, an open day's date, a version after a platform's word", () => {
  it.each(['nama saya Wulan Pratiwi, mohon dihubungi', 'Halo, nama aku Rizky Ramadhan'])('drops the name from %j', (text) => {
    const out = props({ widget_value: text });
    for (const g of ['Wulan', 'Pratiwi', 'Rizky', 'Ramadhan']) expect(out).not.toContain(g);
  });

  it('keeps an open day\'s date and a versioned SDK', () => {
    const kept = { teaser: `Tag der offenen Tür am 7. November ${Y}`, promo: `Journée portes ouvertes le 3 juin ${Y}`, sdk: 'android 7.3.0.12' };
    const out = props(kept);
    for (const v of [`7. November ${Y}`, `3 juin ${Y}`, 'android 7.3.0.12']) expect(out).toContain(v);
  });
});

describe('the prefilter', () => {
  it('runs the detectors wherever the new shapes are (it keeps what every detector finds)', () => {
    const parts = ['jan.kowalczyk', ' małpa ', ' arroba ', ' arobase ', 'gmail', ' kropka ', ' nokta ', ' punct ', '.com', 'pl', '\n',
      'Met vriendelijke groet,', 'Mit freundlichen Grüßen', 'Pozdrawiam,', 'Cu stimă,', 'Willemijn de Graaf', ' ', 'Patientennummer ', '00731942',
      'nama saya ', 'mein Auto ', 'HB-RT 772', ', Station 4', ' webinar on ', `March 12, ${Y}`, 'fw ', '2.0.14.7'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2000, examples: [['jan.kowalczyk małpa onet kropka pl'], ['lucia.ferrer arroba gmail.com'], ['Met vriendelijke groet,\nWillemijn de Graaf']] });
  });
});
