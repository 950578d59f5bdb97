import { describe, expect, it } from 'vitest';
import { gtagToEvents } from '../../src/ingest/gtag.js';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { openPlanProbe, pageOn, OPEN_SITE } from '../helpers/open-plan.js';

// Sensitive pages found by blind red-team pass 20 (H79, page addresses and contexts): the areas in
// Czech, Hungarian, Romanian and Thai and the transliterated spellings of Russian, Ukrainian, Chinese,
// Japanese and Korean; pack patterns read in the same Unicode form as paths; a frame's, widget's or
// host page's address under any key of that shape; file-system routers' groups. Each test uses its own
// spellings, not the blind corpus's; every event goes to the open destination (no BAA).
const { plan, blocked, sent } = openPlanProbe('p20');
const titled = (title: string, path = '/') => ({ context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
const track = (event: string, path: string, properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });
const enc = (s: string) => s.split('/').map(encodeURIComponent).join('/');

describe('the areas in Czech, Hungarian, Romanian, Polish and Vietnamese', () => {
  it.each([
    '/cs/vysledky-laboratornich-vysetreni', '/cs/potvrzeni-rezervace', '/cs/objednavka/dokonceno', '/cs/zaplatit-fakturu', '/cs/prihlaseni',
    '/hu/labor-eredmenyek', '/hu/foglalas/sikeres', '/hu/szamlaim', '/hu/receptigenyles', '/hu/bejelentkezes',
    '/ro/buletin-de-analize', '/ro/programari/multumim', '/ro/plateste-factura', '/ro/prelungire-reteta', '/ro/contul-meu/setari',
    '/pl/moje-wizyty', '/pl/rejestracja-online/dziekujemy', '/pl/platnosc-online',
    '/vi/lich-hen/thanh-cong', '/vi/thanh-toan-truc-tuyen', '/vi/ho-so-benh-an',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('reads them in titles, accents and all', () => {
    expect(blocked(titled('Výsledky vyšetření krve | Nemocnice'))).toBe(true);
    expect(blocked(titled('Rezultatele analizelor | Spital'))).toBe(true);
  });

  it('lets public pages in those languages through', () => {
    for (const path of ['/cs/o-nemocnici', '/cs/kariera/lekarnik', '/hu/allasok/gyogyszeresz', '/ro/despre-noi', '/pl/aktualnosci', '/vi/gioi-thieu', '/vi/tuyen-dung/duoc-si']) {
      expect(blocked(pageOn(path))).toBe(false);
    }
  });
});

describe('Russian and Ukrainian, in Cyrillic and in Latin letters', () => {
  it.each([
    '/ru/lichnyi-kabinet/soobshcheniya', '/ru/zapis-na-priem/uspeshno', '/ru/rezultaty-issledovanij', '/ru/oplatit-schet',
    `/uk/${enc('особистий-кабінет')}`, '/uk/oplata-rakhunku', '/uk/rezultaty-doslidzhen', `/uk/${enc('результати-обстеження')}`,
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets public pages through', () => {
    for (const path of ['/ru/vrachi', '/ru/novosti/otkrytie', '/uk/pro-nas', `/uk/${enc('новини')}`]) expect(blocked(pageOn(path))).toBe(false);
  });
});

describe('Thai, and Chinese, Japanese and Korean romanised', () => {
  it.each([
    `/th/${enc('ผลเลือด')}`, `/th/${enc('จ่ายบิล')}`, `/th/${enc('ยืนยันการนัดหมาย')}`,
    '/zh/guahao/chenggong', '/zh/huayan-jieguo', `/zh-cn/${enc('预约挂号成功')}`,
    '/ja/yoyaku-kanryo', '/ja/oshiharai', '/ja/mypage/settings',
    '/ko/jinryobi-napbu', '/ko/yeyak-hwagin', '/ko/geomsa-gyeolkwa',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('reads a Thai rule typed with SARA AM against the path as read (NFKC splits it)', () => {
    expect(blocked(pageOn(`/th/${enc('ชำระเงินออนไลน์')}`))).toBe(true);
    expect(blocked(titled('ชำระค่าบริการ | โรงพยาบาล'))).toBe(true);
  });

  it('reads a Japanese booking title with its particle', () => {
    expect(blocked(titled('ご予約の完了 | 病院'))).toBe(true);
  });

  it('lets public pages through', () => {
    for (const path of [`/th/${enc('เกี่ยวกับเรา')}`, '/zh/zhaopin/yaoshi', '/ja/saiyo', '/ja/access', '/ko/oshineungil', '/ko/chaeyong/ganhosa']) {
      expect(blocked(pageOn(path))).toBe(false);
    }
  });
});

describe('a frame’s, widget’s or host page’s address under any key of that shape', () => {
  it('blocks an event that happened inside a portal or a bill', () => {
    expect(blocked(track('Widget Loaded', '/services/dermatology', { widgetUrl: `${OPEN_SITE}/portal/messages` }))).toBe(true);
    expect(blocked(track('Chat Opened', '/chat/frame', { parent_href: `${OPEN_SITE}/billing/pay-now` }))).toBe(true);
    expect(blocked(track('Step Viewed', '/embed/scheduler', { container_page: '/mychart/inbox' }))).toBe(true);
    expect(blocked(track('Form Viewed', '/embed/form', { topWindowLocation: `${OPEN_SITE}/test-results/latest` }))).toBe(true);
  });

  it('reads a host page’s object nested in the event', () => {
    expect(blocked(track('Widget Loaded', '/embed/x', { embedContext: { top: { href: `${OPEN_SITE}/test-results` } } }))).toBe(true);
    expect(blocked(track('Widget Loaded', '/embed/x', { chat: { host: { pathname: '/appointments/confirmation' } } }))).toBe(true);
  });

  it('reads the same shapes in the event’s context', () => {
    expect(blocked({ context: { page: { path: '/embed/x', url: `${OPEN_SITE}/embed/x`, parentUrl: `${OPEN_SITE}/patient-portal/inbox` } } })).toBe(true);
    expect(blocked({ context: { page: { path: '/embed/x' }, frame: { top_url: `${OPEN_SITE}/billing/pay` } } })).toBe(true);
    expect(blocked({ type: 'track', event: 'Opened', properties: {}, context: { page: { path: '/embed/x' }, widget: { hostPage: '/mychart/inbox' } } })).toBe(true);
    expect(blocked({ context: { page: { path: '/embed/x' }, widget: { src: 'https://maps.example.com/embed' } } })).toBe(false);
  });

  it('lets a map, a public host page and a named host through; a link is still only dropped', () => {
    expect(blocked(track('Map Loaded', '/locations/eastside', { widget_url: 'https://maps.example.com/embed?q=clinic' }))).toBe(false);
    expect(blocked(track('Widget Loaded', '/widgets/reviews', { host_page: '/locations/eastside' }))).toBe(false);
    expect(blocked(track('Webinar Joined', '/classes/cpr', { host: { name: 'Northbay Health', url: `${OPEN_SITE}/about` } }))).toBe(false);
    // A page's parent in the site's tree, not a window: the billing FAQ stays public.
    expect(blocked(track('FAQ Expanded', '/billing/faq', { parent_path: '/billing', parent: { title: 'Billing', url: `${OPEN_SITE}/billing` } }))).toBe(false);
    expect(blocked(track('Chat Opened', '/chat/frame', { parentWindow: { href: `${OPEN_SITE}/billing/pay-now` } }))).toBe(true);
    const click = track('Link Clicked', '/services/dermatology', { href: `${OPEN_SITE}/mychart/login`, link: { url: `${OPEN_SITE}/pharmacy/refill` } });
    expect(blocked(click)).toBe(false);
    expect(sent(click)).not.toContain('mychart');
    expect(sent(click)).not.toContain('refill');
  });
});

describe('file-system routers’ groups', () => {
  it('reads `/(tabs)/messages` as `/messages`', () => {
    expect(blocked({ type: 'screen', name: 'Inbox', properties: { route: '/(auth)/(tabs)/messages' }, context: {} })).toBe(true);
    expect(blocked(pageOn('/(app)/billing/statements'))).toBe(true);
  });

  it('lets public routes and Angular outlets through', () => {
    expect(blocked({ type: 'screen', name: 'Find Care', properties: { route: '/(tabs)/find-care' }, context: {} })).toBe(false);
    expect(blocked(pageOn('/locations/(sidebar:map)'))).toBe(false);
    expect(blocked(pageOn('/inbox/(popup:compose)'))).toBe(true);
  });
});

describe('GA4 hits', () => {
  const hit = (params: Record<string, string>) => {
    const { events } = gtagToEvents(new URLSearchParams({ v: '2', tid: 'G-X', cid: '1.2', ...params }), '');
    return dryRunLine(events[0] as never, plan, { idFor: () => 'pw' });
  };
  const hitBlocked = (params: Record<string, string>) => hit(params).every((r) => r.blocked !== undefined && r.payload === undefined);

  it('blocks a hit on such a page or inside such a frame', () => {
    expect(hitBlocked({ en: 'page_view', dl: `${OPEN_SITE}/hu/idopontfoglalas/megerosites` })).toBe(true);
    expect(hitBlocked({ en: 'page_view', dl: `${OPEN_SITE}/`, dp: '/ko/geomsa-gyeolgwa' })).toBe(true);
    expect(hitBlocked({ en: 'form_start', dl: `${OPEN_SITE}/embed/chat`, 'ep.parent_url': `${OPEN_SITE}/patient-portal/inbox` })).toBe(true);
  });

  it('lets a public page’s hit through', () => {
    expect(hitBlocked({ en: 'page_view', dl: `${OPEN_SITE}/cs/kontakty` })).toBe(false);
  });
});

describe('patient bill-pay vendors’ own domains', () => {
  it('blocks their pages and keeps the hospital’s', () => {
    expect(blocked({ context: { page: { path: '/', url: 'https://northbay.billpay.waystar.com/' } } })).toBe(true);
    expect(blocked({ context: { page: { path: '/pay', url: 'https://www.paymydoctor.com/pay' } } })).toBe(true);
    expect(blocked({ context: { page: { path: '/statements', url: 'https://stmarys.mysecurebill.com/statements' } } })).toBe(true);
    expect(blocked(pageOn('/patients-and-visitors/paying-your-bill-faq'))).toBe(false);
  });
});

describe('BH (behavioral health) beside a program word', () => {
  it('withholds the page from a destination without a BAA', () => {
    const page = { context: { page: { path: '/bh-clinic/adults', url: `${OPEN_SITE}/bh-clinic/adults`, title: 'Adult BH Clinic' } } };
    expect(blocked(page)).toBe(false);
    expect(sent(page)).not.toContain('bh-clinic');
  });

  it('keeps words that only contain the letters', () => {
    expect(sent(pageOn('/neighborhood-fair'))).toContain('/neighborhood-fair');
  });
});
