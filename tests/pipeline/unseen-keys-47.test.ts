import { describe, expect, it } from 'vitest';
import { allowAllProbe, openPlanProbe, pageAt, pageOn, termProbes } from '../helpers/open-plan.js';

// Pass 47 (structure probe, H247): values only their key protects went out under keys the rules did not know: a name part after
// a role word (`contact_first`, `patient_last`, `name_first`), relatives' and contacts' words in es/pt/fr/de (`madre`,
// `contacto_emergencia`), a birthday's parts (`bmonth`, `bday_day`, `cumpleanos`), a ZIP as a number under a longer key
// (`home_zip: 82070`), a town under `ort`/`colonia`, a patient's or hospital number (`pat_id`, `hosp_num`), a builder's pair
// keyed in another language (`{label: "Apellido", valor}`), and service pages under short names (`/services/aids`).
// Every event goes to an open destination (no BAA, every field allowed).
const { props } = allowAllProbe('k47');

describe('values under keys that name them in other words', () => {
  it.each([
    [{ contact_first: 'Xiomara', patient_last: 'Okonkwo' }, ['Xiomara', 'Okonkwo']],
    [{ name_first: 'Xiomara', name_last: 'Okonkwo', patientFirst: 'Tobenna', pt_last: 'Adeyemi' }, ['Xiomara', 'Okonkwo', 'Tobenna', 'Adeyemi']],
    [{ nom_patient: 'Xiomara Okonkwo', name_of_patient: 'Tobenna Adeyemi', middle_initial: 'Q', alias: 'Xio' }, ['Xiomara', 'Tobenna', '"Q"', 'Xio']],
    [{ madre: 'Ana Ruiz', contacto_emergencia: 'Luz Pardo', notfallkontakt: 'Jörg Brandt' }, ['Ruiz', 'Pardo', 'Brandt']],
    [{ bmonth: '03', bday_day: '14', b_month: 'March', cumpleanos: '14/03', born_month: 'March' }, ['"03"', '"14"', 'March', '14/03']],
    [{ home_zip: 82070, zip_full: 82070 }, ['82070']],
    [{ colonia: 'Polanco', ort: 'Laramie', where: 'Laramie, WY' }, ['Polanco', 'Laramie']],
    [{ pat_id: 'PT4471928', visit_id: 'V4471928', hosp_num: 'H4471928' }, ['4471928']],
    [{ form: [{ label: 'Apellido', valor: 'Okonkwo' }, { feld: 'nachname', wert: 'Adeyemi' }, { champ: 'nom', valeur: 'Brandt' }] }, ['Okonkwo', 'Adeyemi', 'Brandt']],
  ])('drops what %j names', (properties, gone) => {
    const out = props(properties);
    for (const g of gone) expect(out).not.toContain(g);
  });

  it("keeps a ZIP's first three digits, attribution's first and last touch, and a pair naming no field", () => {
    const out = props({ home_zip: 82070, source_first: 'google', source_last: 'bing', first_touch: 'email', form: [{ campo: 'Servicio', valor: 'Cardiología' }] });
    for (const kept of ['"820"', '"google"', '"bing"', '"email"', 'Cardiología']) expect(out).toContain(kept);
  });
});

describe('service pages under short or plain names', () => {
  const { withheld, flows } = termProbes('t47');

  it.each([['/services/aids', 'aids'], ['/services/prep', 'prep'], ['/services/psych', 'psych'], ['/services/family-planning', 'planning'],
    ['/services/sexual-medicine', 'sexual'], ['/services/weight-management', 'weight'], ['/services/gastro/hemorrhoids', 'hemorrhoid']])('withholds %s', (path, word) => {
    withheld(path, word);
  });

  it('lets pages whose words are other things flow whole', () => {
    for (const path of ['/services/hearing-aids', '/blog/meal-prep-tips', '/services/cardiology']) flows(path);
  });
});

describe("a system's branded portal and bill-pay hosts", () => {
  const { blocked } = openPlanProbe('h47');

  it('blocks `my<brand>.`, `my.`, `pay.`, `statements.` and `chart.` subdomains', () => {
    for (const host of ['mynorthbay.northbay-health.example', 'my.example-health.org', 'pay.example-health.org', 'statements.example-health.org', 'chart.example-health.org']) {
      expect(blocked(pageAt(`https://${host}/`))).toBe(true);
    }
  });

  it('lets a site whose own domain starts with `my` flow', () => {
    for (const host of ['mywellness.com', 'www.mywellness.com', 'www.example-health.org']) expect(blocked(pageAt(`https://${host}/`))).toBe(false);
  });
});

describe('portal actions named in other languages', () => {
  const { blocked } = openPlanProbe('e47');
  const named = (event: string) => ({ type: 'track', event, ...pageOn('/about') });

  it.each(['Resultados vistos', 'Ver resultados', 'Résultats consultés', 'Befund angesehen', 'Factura pagada', 'Pagar factura', 'Fatura paga', 'Receta renovada',
    'Rezept erneuert', 'Ordonnance renouvelée', 'Mensaje enviado a mi médico', 'Nachricht an Arzt gesendet', 'Message Sent to Doctor'])('blocks %s', (event) => {
    expect(blocked(named(event))).toBe(true);
  });

  it('lets ordinary events in the same words flow', () => {
    for (const event of ['Message Sent', 'Ver horarios', 'Resultados de la encuesta', 'Pagar en línea', 'Receta de cocina', 'Results Page Viewed']) expect(blocked(named(event))).toBe(false);
  });
});
