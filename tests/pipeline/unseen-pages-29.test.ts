import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageAt, pageOn } from '../helpers/open-plan.js';

// Blind pass 29 (H131): sensitive pages in the languages of US language-access programs. A booking's done step with
// the flow word and the done word from different languages, or said as an event's name; a prescription continued
// without a visit; recipes that share the word for prescriptions; stories and postings under translated area names;
// pages served through Google Translate's proxy; Clockwise.MD's scheduling pages. Every event goes to the open
// destination (no BAA); spellings are the tests' own.
const { blocked, sent } = openPlanProbe('p29');
const track = (event: string, path: string) => ({ type: 'track', event, ...pageOn(path) });

describe("a booking's done step, the flow word and the done word in any of the languages the pack knows", () => {
  it.each([
    '/pl/umow-wizyte/confirmation', '/pl/rejestracja-wizyty/thank-you', '/cs/objednat-se/submitted',
    '/es/agendar-cita/submitted', '/es/programar-cita/confirmacion', '/es/reservar-turno/gracias', '/pt/marcar-consulta/sucesso',
    '/pt-br/agendamento/submitted', '/fr/prendre-rendez-vous/success', '/de/termin-vereinbaren/submitted', '/it/prenotazione-visita/thank-you',
    '/tl/mag-iskedyul/nakumpirma', '/vi/dang-ky-kham/xac-nhan', '/ht/pran-randevou/konfime', '/so/qabso-ballan/mahadsanid',
    '/ko/yeyak/wanryo', '/ru/zapis-k-vrachu/success',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('blocks a wizard step saying done in Polish on a booking page named by its title', () => {
    expect(blocked({ context: { page: { path: '/', url: `${OPEN_SITE}/?page_id=40&krok=potwierdzenie`, title: 'Umów wizytę | Przychodnia' } } })).toBe(true);
  });

  it.each(['Cita confirmada', 'Turno reservado', 'Agendamento confirmado', 'Consulta agendada', 'Termin gebucht', 'Wizyta potwierdzona', 'Đặt lịch thành công',
    'Randevou konfime', 'Appuntamento confermato'])('blocks the event "%s"', (event) => {
    expect(blocked(track(event, '/es'))).toBe(true);
  });

  it('lets other forms sent, and the booking form itself, flow', () => {
    for (const path of ['/es/donar/gracias', '/es/boletin/confirmacion', '/pl/newsletter/potwierdzenie', '/es/agendar-cita', '/cs/objednani',
      '/vi/lien-he/cam-on']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
    for (const event of ['Cita solicitada', 'Consulta iniciada', 'Donación confirmada', 'Suscripción confirmada']) expect(blocked(track(event, '/es')), event).toBe(false);
  });
});

describe('a prescription continued without a visit, or asked for noun first', () => {
  it.each(['/pl/kontynuacja-leczenia-recepta', '/pl/recepta-na-kontynuacje-leczenia', '/pl/pacjent/kontynuacja-terapii', '/pl/e-recepta-kontynuacja',
    '/cs/zadost-o-recept', '/sk/ziadost-o-e-recept', '/pl/prosba-o-recepte', '/ro/cerere-reteta', '/ht/peye-bodwo-ou'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets a continuing-education or news page flow', () => {
    for (const path of ['/pl/kontynuacja-nauki', '/pl/aktualnosci/kontynuacja-budowy', '/cs/zadost-o-zamestnani']) expect(blocked(pageOn(path)), path).toBe(false);
  });
});

describe('recipes share the word for prescriptions in many languages', () => {
  it('lets recipe lists and dishes flow', () => {
    for (const path of ['/de/rezepte', '/de/rezepte/linsensuppe', '/cs/recepty', '/cs/recepty/bramboracka', '/nl/recepten/erwtensoep', '/es/recetas',
      '/es/recetas/gazpacho', '/pt/receitas/feijoada', '/it/ricette/minestrone', '/ro/retete', '/hu/receptek/gulyas', '/ru/рецепты/борщ', '/sk/recepty']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });

  it('still blocks one prescription of the list, its state or its renewal, and the words that only mean a prescription', () => {
    for (const path of ['/de/rezepte/884213', '/es/recetas/activas', '/pt/receitas/historico', '/cs/recepty/aktivni', '/nl/recepten/verlengen',
      '/it/ricette/rinnovo', `/de/rezepte/${'3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e'}`, '/de/meine-rezepte', '/fr/ordonnances', '/zh/处方', '/ko/처방전', '/es/mis-recetas',
      '/pl/moje-recepty', '/pl/recepta', '/pl/recepta/zamow']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
  });
});

describe('stories and postings under a translated area name are read like /news and /careers', () => {
  it('lets a story about the portal or a posting that names it flow', () => {
    for (const path of ['/es/noticias/nuevo-portal-del-paciente', '/pt/noticias/novo-portal-do-paciente', '/fr/actualites/nouveau-portail-patient',
      '/vi/tin-tuc/ra-mat-cong-thong-tin-benh-nhan', '/es/empleos/analista-del-portal-del-paciente', '/tl/mga-balita/bagong-portal-ng-pasyente']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });

  it('still blocks what the English area blocks', () => {
    for (const path of ['/es/noticias/pay-my-bill', '/vi/tin-tuc/pay-my-bill', '/es/empleos/refill-request']) expect(blocked(pageOn(path)), path).toBe(true);
  });
});

describe("Google Translate's proxy serves the site's own page", () => {
  const proxied = 'https://www-example--health-org.translate.goog';
  it("blocks a page reached from the proxied portal, as from the site's own", () => {
    expect(blocked({ context: { page: { path: '/services', url: `${OPEN_SITE}/services`, referrer: `${proxied}/mychart/billing?_x_tr_sl=en&_x_tr_tl=vi` } } })).toBe(true);
  });

  it("sends a proxied clean page as the site's page, without the proxy's parameters", () => {
    const out = sent(pageAt(`${proxied}/careers/nursing?_x_tr_sl=en&_x_tr_tl=es&_x_tr_hl=es&utm_source=mail`));
    expect(out).toContain(`"url":"${OPEN_SITE}/careers/nursing?utm_source=mail"`);
    expect(out).not.toContain('_x_tr_');
    expect(blocked(pageAt(`${proxied}/patient-portal/inbox?_x_tr_sl=en&_x_tr_tl=ko`))).toBe(true);
  });
});

describe("Clockwise.MD's patient scheduling pages", () => {
  it('blocks a page embedding its booking form, and the form itself', () => {
    expect(blocked({ properties: { frame_url: 'https://www.clockwisemd.com/hospitals/2871/appointments/new' }, ...pageOn('/urgent-care') })).toBe(true);
    expect(blocked(pageAt('https://www.clockwisemd.com/hospitals/2871/appointments/schedule_visit'))).toBe(true);
  });

  it("lets the vendor's other pages flow", () => {
    expect(blocked({ properties: { frame_url: 'https://www.clockwisemd.com/about' }, ...pageOn('/urgent-care') })).toBe(false);
  });
});

describe('addiction and mental health in Russian and Ukrainian name a condition', () => {
  it('withholds the page without naming it', () => {
    for (const [path, title] of [['/ru/lechenie/лечение-алкоголизма', 'Лечение алкоголизма'], ['/uk/послуги/психічне-здоров-я', 'Психічне здоров’я'],
      ['/ru/narkologiya/наркомания', 'Наркомания']]) {
      const out = sent({ context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
      expect(out, path).not.toMatch(/алкогол|психічн|наркоман/);
    }
  });
});

describe("a language's own name as the folder of its translated pages", () => {
  it('reads the path after it as after a language code', () => {
    for (const path of ['/espanol/mensajes', '/tieng-viet/tin-nhan', '/kreyol/mesaj', '/chinese/my-account', '/espanol/mi-salud']) expect(blocked(pageOn(path)), path).toBe(true);
    for (const path of ['/espanol', '/espanol/servicios/pediatria', '/tieng-viet/lien-he', '/kreyol/sevis']) expect(blocked(pageOn(path)), path).toBe(false);
  });
});

describe('the areas in the Asian, Middle Eastern and South Asian languages of language-access programs', () => {
  it.each([
    '/ko/비대면진료/대기실', '/ko/화상상담/입장', '/ja/オンライン診療/待合室', '/zh/在线问诊/候诊室', '/zh-hant/視訊門診/等候室', '/vi/kham-truc-tuyen/phong-cho',
    '/ja/web問診票', '/ko/사전문진', '/zh/预问诊/填写', '/ru/анкета-для-пациента', '/vi/dang-ky-truoc', '/ar/إعادة-صرف-الوصفة', '/ur/دوا-کی-ریفل',
    '/hi/प्रिस्क्रिप्शन-रिफिल', '/fa/نوبت-گیری/ثبت-شد', '/hi/अपॉइंटमेंट-सफल', '/ht/mesaj', '/vi/tin-nhan', '/ja/メッセージ',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it.each(['예약이 확정되었습니다', '予約が完了しました'])('blocks the event "%s"', (event) => {
    expect(blocked(track(event, '/'))).toBe(true);
  });

  it('lets the services, guides and news pages flow', () => {
    for (const path of ['/ko/비대면진료', '/ja/オンライン診療', '/zh/就诊指南', '/vi/kham-tu-xa', '/ko/오시는길', '/ar/الأخبار', '/ja/アクセス', '/vi/tin-tuc']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});
