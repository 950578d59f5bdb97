import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 29 leftovers (H137): a wizard's step named and said done in Polish and the languages the form-steps code
// knows (`?etap=podziekowanie`); a patient's own zone of the site in Chinese and the pack's other languages; a payment page
// at the root in the languages of language-access programs, as English `/pay` and `/payment`. Every event goes to the
// open destination (no BAA); spellings are the tests' own.
const { blocked } = openPlanProbe('p29b');
const titled = (path: string, title: string) => ({ context: { page: { path: path.split('?')[0], url: `${OPEN_SITE}${path}`, title } } });

describe("a wizard's step parameter and its thank-you word in the languages the form-steps code knows", () => {
  it.each([
    '/pl/zapisz-sie?etap=podziekowanie', '/pl/rejestracja-wizyty?etap=potwierdzenie', '/pl/umow-wizyte?krok=podziekowania',
    '/pl/umow-wizyte/podziekowanie', '/es/agendar-cita?paso=agradecimiento', '/pt/agendamento?etapa=agradecimento',
    '/fr/prendre-rendez-vous?etape=remerciements', '/it/prenotazione-visita?passaggio=ringraziamento', '/cs/objednat-se?faze=podekovani',
    '/de/termin-vereinbaren?schritt=vielen-dank', '/book-appointment?etap=thank-you',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('blocks the step said done on a page named only by its title', () => {
    expect(blocked(titled('/?page_id=40&etap=podziekowanie', 'Umów wizytę | Przychodnia'))).toBe(true);
  });

  it('lets other forms thanked, and a step that is not the last, flow', () => {
    for (const path of ['/pl/newsletter?etap=podziekowanie', '/es/donar?paso=agradecimiento', '/pl/zapisz-sie?etap=2', '/pl/umow-wizyte?etap=wybor-lekarza',
      '/pl/kontakt/podziekowanie', '/fr/contact?etape=remerciements']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe("a patient's own zone of the site", () => {
  it.each(['/zh-tw/病患專區', '/zh-tw/病人專區', '/zh-cn/患者专区', '/zh/病患专区/登入', '/es/zona-paciente', '/es/zona-del-paciente', '/es/area-del-paciente',
    '/es/espacio-paciente', '/vi/cong-benh-nhan', '/it/area-paziente', '/de/patientenbereich', '/cs/zona-pacienta', '/patient-zone', '/patient-area/sign-in'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets pages for patients in general, and other zones, flow', () => {
    for (const path of ['/es/pacientes', '/es/pacientes-y-visitantes', '/zh/患者須知', '/zh-tw/病患衛教', '/vi/benh-nhan', '/es/zona-norte', '/es/areas-de-atencion',
      '/it/pazienti', '/de/patienten-informationen', '/patients', '/patients-and-visitors']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe('a payment page at the root, as English /pay and /payment', () => {
  it.each(['/thanh-toan/?lang=vi', '/vi/thanh-toan', '/thanh-toan-vien-phi', '/tl/pagbabayad', '/magbayad', '/ht/peman', '/peye', '/pagar', '/fr/paiement',
    '/de/zahlung', '/pt/pagamento', '/it/pagamenti', '/pl/platnosci', '/ru/оплата', '/zh/付款', '/zh-cn/支付', '/ja/お支払い', '/ar/الدفع'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it("lets the payment's FAQ and help pages, payment words inside other pages, and an insurer (payer) flow", () => {
    for (const path of ['/thanh-toan/cau-hoi-thuong-gap', '/es/pagar/preguntas-frecuentes', '/fr/paiement/aide', '/payer', '/payers',
      '/de/zahlungsarten-im-shop', '/es/estacionamiento/pagar', '/pt/doacoes/pagamento', '/vi/tin-tuc/thanh-toan-khong-dung-tien-mat']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

// Blind pass 30 (H139) chose one policy for an e-prescription's page: it blocks in every language, as Polish `/e-recepta`
// did (a clinic's or pharmacy's visitor requests or redeems one there); its FAQ and help pages flow (unseen-pages-30).
describe("an e-prescription's page, as English /e-prescription", () => {
  it('blocks the German and English pages alike', () => {
    for (const path of ['/de/e-rezept', '/e-prescription']) expect(blocked(pageOn(path)), path).toBe(true);
  });
});
