import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageAt } from '../helpers/open-plan.js';

// Blind pass 46 (H234): a visitor's own areas written with articles and possessives between the words, after a how-to
// section, under a router's group, as a CMS's copy of the page, with a run-together exception word, with a word the rules
// spell only through a class of letters run together, as a list in the second person, in more languages' verb and noun
// forms, and in Arabic written in Latin letters; public pages of each shape flow. Each test uses its own spellings, not
// the held sets' (tests/fixtures/held-pages-46); every event goes to the open destination.
// On main (a8310f2) 11 of these 18 tests fail: nine of the ten that block (not "still blocks when the parted page
// blocks"), the how-to articles in more languages and the run-together exception word; the seven others pass there too.
const { blocked } = openPlanProbe('p47');
const site = (path: string) => pageAt(`https://www.example-health.org${path}`);
const expectAll = (paths: string[], want: boolean) => { for (const p of paths) expect(blocked(site(p)), p).toBe(want); };

describe('articles and possessives between a verb and its object', () => {
  it('blocks as the words without them do, in each language', () => {
    expectAll(['/it/pagare-le-tue-fatture', '/pt/pagar-as-suas-faturas', '/fr/regler-vos-factures',
      '/es/pagar-sus-facturas', '/es/surtir-su-receta', '/tl/kanselahin-ang-iyong-appointment'], true);
  });
  it('lets public pages with the same small words flow', () => {
    expectAll(['/it/prepara-la-tua-visita', '/es/sobre-nosotros/la-historia-de-la-clinica', '/fr/preparer-votre-sejour',
      '/de/ihr-aufenthalt-bei-uns', '/locations/la-jolla', '/billing/understanding-your-bill'], false);
  });
});

describe('a how-to section and its steps', () => {
  it('blocks a step after the section, and a slug ending in the step', () => {
    expectAll(['/how-to-pay/thank-you', '/help/how-to-refill/submitted', '/como-pagar/confirmacion', '/how-to-pay-online-confirmation'], true);
    expect(blocked({ type: 'screen', name: 'how_to_pay_confirmation' })).toBe(true);
  });
  it('lets how-to articles in more languages flow, also under a how-to section', () => {
    expectAll(['/it/come-pagare-il-conto', '/nl/hoe-betaal-ik-mijn-factuur', '/pl/jak-odwolac-wizyte', '/how-to-pay/how-to-pay-by-phone',
      '/de/wie-erneuere-ich-mein-rezept'], false);
  });
});

describe("a router's group in the path", () => {
  it('blocks when the group names the area', () => {
    expectAll(['/(portal)/appointments', '/%28patient%29/visits/upcoming', '/(account)/billing/history'], true);
  });
  it('lets a public group flow', () => {
    expectAll(['/(marketing)/find-a-doctor', '/(site)/locations/downtown'], false);
  });
});

describe("a CMS's copy of a page", () => {
  it('blocks as the page does', () => {
    expectAll(['/copy-of-pay-your-bill', '/test-results-3', '/view-my-statement-2'], true);
  });
  it('lets numbered public pages flow', () => {
    expectAll(['/covid-19', '/blog/top-10-tips', '/locations/clinic-2', '/careers-2'], false);
  });
});

describe("a run-together word holding a rule's exception word", () => {
  it('flows where its hyphenated page flows', () => {
    expectAll(['/billing/financialassistance', '/billing/pricetransparency', '/billing/insuranceinformation'], false);
  });
  it('still blocks when the parted page blocks', () => {
    expectAll(['/billing/paymybill', '/billing/mystatements', '/billing/guestpay'], true);
  });
});

describe('a word the rules spell only through a class of letters, run together', () => {
  it('blocks as its hyphenated page does', () => {
    expectAll(['/pt/consultamarcada', '/it/prenotazioneconfermata', '/pl/wizytazarezerwowana'], true);
  });
});

describe("one's own list named with the second person", () => {
  it('blocks the plural list as its first-person name does', () => {
    expectAll(['/your-appointments', '/es/sus-mensajes', '/it/le-sue-prenotazioni', '/nl/je-berichten', '/de/deine-befunde'], true);
  });
  it("lets a guide's singular, rights and a story flow", () => {
    expectAll(['/your-visit', '/your-bill', '/fr/vos-droits', '/blog/your-results-explained', '/your-care-team'], false);
  });
});

describe('more verb and noun forms', () => {
  it('blocks appointments moved or cancelled, results online or singular, messages to a doctor, fills and payments', () => {
    expectAll(['/pl/anuluj-wizyte', '/pl/przeloz-termin-wizyty', '/zh/gaiqi-yuyue', '/fr/resultats-en-ligne', '/it/scarica-referti',
      '/pt/resultado-dos-exames', '/email-your-provider', '/it/messaggio-al-medico', '/nl/bericht-aan-uw-huisarts', '/fill-my-rx',
      '/payment-confirmed', '/es/abone-su-factura', '/vi/ket-qua-cua-toi', '/pt/consulta-agendada', '/es/mis-turnos'], true);
  });
  it('blocks signed-in areas, records, pre-registration and Arabic in Latin letters', () => {
    expectAll(['/fr/espace-personnel/documents', '/it/area-personale', '/de/elektronische-patientenakte', '/es/historias-clinicas',
      '/it/pre-ricovero', '/ar/nataij-al-fahs', '/ar/sadad-al-fawatir', '/ar/ilgha-al-maw3id', '/ar/tajdid-al-wasfa'], true);
  });
  it('lets public pages flow', () => {
    expectAll(['/es/turnos-y-horarios', '/about/our-results', '/news/message-to-our-doctors', '/donate/payment-confirmation',
      '/parking/pay-confirmation', '/es/historia-clinica/informacion', '/fr/espace-presse', '/ar/man-nahnu'], false);
  });
});

describe("set B's classes, fixed after it was measured", () => {
  it("blocks imperatives, results online first, a 'my care' portal, a patient's own items and a secure chat", () => {
    expectAll(['/es/citas/anule', '/it/sposta-appuntamento', '/online-results', '/fr/online-resultats',
      '/nl/mijngezondheid', '/de/mein-portal/termine', '/es/paciente/resultados', '/it/paziente/referti', '/patients/private-chat'], true);
    expect(blocked({ type: 'screen', name: 'EncryptedChatScreen' })).toBe(true);
  });
  it("lets the patients' section, its rights, insurance and a public chat flow", () => {
    expectAll(['/es/pacientes/citas', '/pl/pacjenci/prawa-pacjenta', '/nl/mijn-zorgverzekering', '/chat-with-us', '/news/secure-chat-launch'], false);
  });
});

