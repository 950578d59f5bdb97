import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 29 (.tmp/h124): identifiers as Central, Eastern and Northern European visitors write them, and the shapes tools
// wrap them in. Every event goes to an open destination (no BAA, every field allowed); the look-alikes must stay.
const { props } = allowAllProbe('s29');

describe('`my name is` in Romanian, Turkish, Hungarian, Finnish, Estonian, South Slavic, Slovak and Baltic', () => {
  it.each([
    ['Romanian', 'Bună ziua, mă numesc Andreea Vasilescu și aș dori o programare', 'Vasilescu'],
    ['Romanian, `numele meu este`', 'numele meu este Ionuț Constantinescu', 'Constantinescu'],
    ['Turkish, `benim adım`', 'Merhaba, benim adım Ayşe Karabulut, randevu istiyorum', 'Karabulut'],
    ['Turkish, `adım` after a greeting', 'İyi günler, adım Elif Çelikkaya', 'Çelikkaya'],
    ['Turkish, `ismim`', 'benim ismim Kemal Öztürkmen', 'Öztürkmen'],
    ['Hungarian', 'Jó napot, a nevem Szabó Erzsébet, időpontot kérnék', 'Erzsébet'],
    ['Hungarian, `nevem`', 'Nevem Kovácsné Tóth Ilona', 'Kovácsné'],
    ['Finnish', 'Hei, nimeni on Aino Hämäläinen ja haluaisin ajan', 'Hämäläinen'],
    ['Estonian', 'Tere, minu nimi on Mari Tammsaare', 'Tammsaare'],
    ['Croatian', 'Poštovani, zovem se Marija Kovačević', 'Kovačević'],
    ['Slovak', 'Dobrý deň, volám sa Zuzana Horváthová', 'Horváthová'],
    ['Lithuanian', 'Laba diena, mano vardas Rūta Kazlauskienė', 'Kazlauskienė'],
    ['Latvian', 'Labdien, mani sauc Anna Bērziņa', 'Bērziņa'],
    ['Greek, `το όνομά μου είναι`', 'Καλησπέρα, το όνομά μου είναι Ελένη Καραγιάννη', 'Καραγιάννη'],
  ])('removes the name after the %s cue', (_lang, line, surname) => {
    expect(props({ chat_preview: line })).not.toContain(surname);
  });

  it('keeps the words after the name, and `adım` meaning a step', () => {
    const out = props({ a: 'mă numesc Andreea Vasilescu și aș dori o programare', b: 'Adım Adım Sağlıklı Yaşam Semineri',
      c: 'Merhaba, Adım Adım Diyabet Okulu başlıyor', d: 'Adım Sayar ile günde 10.000 adım', e: 'nimeni on Aino Virtanen ja haluaisin ajan' });
    for (const v of ['și aș dori o programare', 'Adım Adım Sağlıklı Yaşam Semineri', 'Adım Adım Diyabet Okulu başlıyor', 'Adım Sayar ile günde 10.000 adım',
      'ja haluaisin ajan']) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['mă numesc ', 'numele meu este ', 'benim adım ', 'adım ', 'ismim ', 'a nevem ', 'Nevem ', 'nimeni on ', 'minu nimi on ', 'zovem se ',
      'Volám sa ', 'mano vardas ', 'mani sauc ', 'Ayşe ', 'Karabulut', 'ADIM ', ', ', 'X', ' '];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 2000, examples: [['benim adım Ayşe Karabulut'], ['zovem se Marija Kovačević']] });
  });
});

describe('ages over 89 in more European languages', () => {
  it.each([
    ['Polish `lata`', 'Moja babcia ma 93 lata'], ['Turkish', 'Annem 94 yaşında'], ['Finnish', 'isäni on 91-vuotias'],
    ['Finnish `vuotta`', 'isoäitini on 92 vuotta'], ['Hungarian', 'Édesanyám 95 éves'], ['Romanian', 'bunica mea are 92 de ani'],
    ['Czech', 'můj děda má 94 let'], ['Croatian', 'baka ima 92 godine'], ['Greek', 'η γιαγιά μου είναι 93 ετών'], ['Lithuanian', 'senelis 96 metų'],
  ])('removes an age in %s', (_lang, line) => {
    expect(props({ last_input: line })).toContain('[AGE]');
  });

  it('keeps spans of years and other units', () => {
    const out = props({ a: '90 de ani de experiență', b: '95 minutes', c: '100 lat tradycji' });
    for (const v of ['90 de ani de experiență', '95 minutes', '100 lat tradycji']) expect(out).toContain(v);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['93', '101', ' ', '-', 'lata', 'let', 'yaşında', 'vuotias', 'vuotta', 'éves', 'ÉVES', 'de ani', 'godina', 'ετών', 'ΧΡΟΝΏΝ', 'metų', 'rokov', 'X'];
    expectPrefilterSound(parts, { maxLength: 5, numRuns: 2000, examples: [['93 ΕΤΩΝ'], ['92 de ani']] });
  });
});

describe('birth dates in short shapes after European birth labels', () => {
  it.each([
    ['Polish', 'Pacjentka, data urodzenia 3.5.80, prosi o termin', '3.5.80'],
    ['Polish `ur.`', 'Jan Nowak, ur. 14.07.52', '14.07.52'],
    ['Swedish', 'födelsedatum 3/5-80, vill boka tid', '3/5-80'],
    ['Swedish `född`', 'född 3/5 1980', '3/5 1980'],
    ['Finnish', 'syntymäaika 3.5.80', '3.5.80'],
    ['Slovak, spaced', 'dátum narodenia: 7. 9. 1963', '7. 9. 1963'],
    ['Czech', 'datum narození 22.1.71', '22.1.71'],
    ['Danish', 'fødselsdato 03.05.80', '03.05.80'],
    ['Hungarian, year first', 'születési dátum: 1980. 05. 03.', '1980. 05. 03'],
    ['Romanian', 'data nașterii 9.11.58', '9.11.58'],
    ['Turkish', 'doğum tarihi 12.4.75', '12.4.75'],
    ['Croatian', 'datum rođenja 3.5.80.', '3.5.80'],
  ])('removes a %s birth date', (_lang, line, date) => {
    expect(props({ widget_text: line })).not.toContain(date);
  });

  it('keeps the same shapes with no birth label', () => {
    const out = props({ a: 'urodziny 3.5.80 w klubie', b: 'version 3.5.80', c: 'score 3/5-80 final', d: 'Öppet 3/5 1980-talsfest' });
    for (const v of ['urodziny 3.5.80 w klubie', 'version 3.5.80', 'score 3/5-80 final']) expect(out).toContain(v);
  });
});

describe('national telephone numbers and European street addresses', () => {
  it.each([
    ['a Brazilian mobile in brackets', 'Meu celular é (11) 94827-3516, pode me ligar', '(11)'],
    ['a Brazilian landline', 'fixo (21) 3456-7890 horário comercial', '(21)'],
    ['a Brazilian mobile without brackets', 'meu número 31 99812-4470', '31 '],
  ])('removes %s with its area code', (_what, line, code) => {
    const out = props({ chat_preview: line });
    expect(out).toContain('[PHONE]');
    expect(out).not.toContain(code);
  });

  it.each([
    ['Polish `ul.`', 'Mieszkam przy ul. Długa 12/4 w Gdańsku', 'Długa'],
    ['Polish `al.` with a flat', 'adres: al. Jerozolimskie 144 m. 17', 'm. 17'],
    ['Romanian', 'Locuiesc pe Str. Mihai Eminescu nr. 14, bl. 3', 'bl. 3'],
    ['Hungarian', 'Címem: Kossuth Lajos utca 12.', 'Kossuth'],
    ['French, the number last', "J'habite rue des Lilas 18, au 3e étage", 'Lilas'],
    ['Spanish with its floor', 'Vivo en Calle Mayor 3, 2º B, Alcalá', '2º B'],
    ['Dutch', 'Mijn adres is Kerkstraat 14-2 hoog', 'Kerkstraat'],
    ['Swedish', 'Skicka remissen till Storgatan 8B, lgh 1102', 'Storgatan'],
    ['Finnish', 'osoite Hämeenkatu 4 B 12', 'Hämeenkatu'],
    ['Czech', 'bydlím v ulici Vinohradská 1284/56', 'Vinohradská'],
  ])('removes a %s street address', (_what, line, part) => {
    expect(props({ last_input: line })).not.toContain(part);
  });

  it('keeps numbered phrases, fractions and seasons', () => {
    const clean = { a: 'Size 38/40 in stock', b: 'Season 2024/25 tickets', c: 'Place 2 in the ranking', d: 'Rated 4/5 by patients', e: 'Tahini 1/2 cup',
      f: 'Page 12/4', g: 'Route 66 diner', h: 'Teams 3 and 4', i: 'Place Your Order 2 Day Shipping', j: 'Bowtie 3 pack', k: 'Fire Brigade 3 arrives',
      l: 'Avenue Q 2 tickets' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });
});

describe('captions in other languages, event titles, header blocks and labelled ids', () => {
  it.each([
    ['Spanish', 'Lucía Etxeberria tras su cirugía de rodilla', 'Etxeberria'],
    ['French', 'Photo : Mathilde Vandenbergue après son opération du cœur', 'Vandenbergue'],
    ['German', 'Jürgen Oberhauser nach seiner Knie-OP in der Reha', 'Oberhauser'],
    ['Portuguese', 'Joana Figueiredo durante o tratamento de quimioterapia', 'Figueiredo'],
    ['Italian', 'Chiara Benedettini dopo il suo intervento al cuore', 'Benedettini'],
    ['German, unlisted given name', 'Bild: Ottilie Brandmeier nach ihrer OP', 'Brandmeier'],
  ])('removes the patient a %s caption names', (_lang, caption, surname) => {
    expect(props({ image_alt: caption })).not.toContain(surname);
  });

  it('keeps places and event titles whose words say her, his or theirs', () => {
    const clean = { caption: 'Zoom Webinar on her recovery', alt: 'Facebook Live with her care team', image_alt: 'YouTube Premiere of her story',
      aria_label: 'Instagram Live about their journey', figcaption: 'Parque del Retiro con su familia', title_alt: 'Kölner Dom nach seiner Renovierung',
      hero_alt: 'Hôpital Saint-Louis après sa rénovation', banner_alt: 'Plaza Mayor con su familia' };
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  });

  it('removes the user a header block names and keeps the other headers', () => {
    const out = props({ raw_headers: 'Host: www.example-health.org\r\nX-Forwarded-User: Ottokar Wendelstein\r\nAccept: */*\r\nX-Remote-User: ottowendel\r\nContent-Type: text/html' });
    for (const v of ['Wendelstein', 'ottowendel']) expect(out).not.toContain(v);
    for (const v of ['Accept: */*', 'Content-Type: text/html']) expect(out).toContain(v);
  });

  it.each([
    ['a French serial number', "Mon appareil auditif n° de série HA-77321-KF ne marche plus", 'HA-77321-KF'],
    ['a Polish plate', 'nr rejestracyjny WX 48271 na parking', '48271'],
    ['a Spanish driving licence', 'permiso de conducir 48271936Q', '48271936Q'],
    ['a biometric template id', 'fingerprint template id FPT-8821-QX-4471 enrolled', 'FPT-8821-QX-4471'],
  ])('removes %s after its label', (_what, line, id) => {
    expect(props({ widget_text: line })).not.toContain(id);
  });

  it('removes the name in a patient result photo and keeps a procedure gallery image', () => {
    expect(props({ image: 'https://cdn.example-health.org/uploads/2026/11/wilhelmina-kastellanos-before-after.jpg' })).not.toContain('kastellanos');
    expect(props({ image: 'https://cdn.example-health.org/uploads/2026/11/rhinoplasty-before-after.jpg' })).toContain('rhinoplasty-before-after.jpg');
  });

  it('drops free text under Romanian, Turkish, Hungarian, Finnish, Czech, Croatian and Greek field names', () => {
    const out = props({ mesaj: 'vă rog sunați-mă', yorum: 'lütfen arayın', uzenet: 'kérem hívjanak', viesti: 'soittakaa', zprava: 'zavolejte mi',
      poruka: 'nazovite me', μήνυμα: 'καλέστε με', form_name: 'Kontakt' });
    for (const v of ['sunați', 'arayın', 'hívjanak', 'soittakaa', 'zavolejte', 'nazovite', 'καλέστε']) expect(out).not.toContain(v);
    expect(out).toContain('Kontakt');
  });
});
