import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageAt, pageOn, OPEN_SITE } from '../helpers/open-plan.js';

// Sensitive pages found by blind red-team pass 19 (H72, page addresses and page context): more
// language codes before a path, the areas in Dutch, Turkish, Indonesian/Malay, Swedish, Norwegian,
// Danish, Greek and Hebrew, a visitor's own pages in French, German, Portuguese and Italian, video
// visits' waiting rooms in other languages, a frame's address, and signing up for or ordering care
// on a condition page. Each test uses its own spellings, not the generator's; every event goes to
// the open destination (no BAA).
const { blocked, sent } = openPlanProbe('p19');
const titled = (title: string, path = '/') => ({ context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
const track = (event: string, path: string, properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });

describe('a language code before the path', () => {
  it.each(['/nl/messages', '/sv/account', '/tr/secure/home', '/id/records', '/da/portal', '/fi/my-account'])('reads %s past its language code', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('keeps codes that are also a site’s own sections (`/hr/` is human resources)', () => {
    expect(blocked(pageOn('/hr/portal'))).toBe(false);
    expect(blocked(pageOn('/nl/over-ons'))).toBe(false);
  });
});

describe('the areas in Dutch, Turkish, Indonesian/Malay and the Nordic languages', () => {
  it.each([
    '/nl/uw-labuitslagen', '/nl/herhaalmedicatie', '/nl/afspraak-geannuleerd', '/nl/factuur-online-betalen', '/nl/zorgportaal/home',
    '/tr/tetkik-sonuclarim', '/tr/fatura-odeme', '/tr/e-nabiz', '/tr/randevular%C4%B1m',
    '/id/pembayaran-tagihan', '/id/konfirmasi-janji-temu', '/id/tebus-resep', '/ms/hasil-makmal', '/ms/portal-pesakit',
    '/sv/fornya-recept', '/no/timebekreftelse', '/da/betal-regning', '/no/mine-pr%C3%B8vesvar', '/sv/las-din-journal',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('reads them in titles too', () => {
    expect(blocked(titled('Bekijk uw uitslagen | Ziekenhuis'))).toBe(true);
    expect(blocked(titled('Randevunuz oluşturuldu'))).toBe(true);
  });

  it('lets public pages in those languages through', () => {
    for (const path of ['/nl/werken-bij', '/nl/patientenfolders', '/nl/nieuws/uitslagen-patientenenquete', '/tr/hakkimizda', '/tr/online-randevu', '/id/tentang-kami', '/sv/om-oss', '/no/finn-behandler']) {
      expect(blocked(pageOn(path))).toBe(false);
    }
  });
});

describe('a video visit’s waiting room in other languages', () => {
  it.each(['/pt/telemedicina/sala-de-espera', '/de/online-sprechstunde/wartebereich', '/fr/visio-consultation/salle-d-attente', '/it/teleconsulto/sala-d-attesa'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('reads the room before the visit in a title', () => {
    expect(blocked(titled('Wachtkamer – Beeldbellen'))).toBe(true);
  });

  it('lets the service’s public page and a clinic’s waiting room page through', () => {
    for (const path of ['/de/videosprechstunde', '/it/televisita', '/visitors/wachtkamer', '/fr/salle-d-attente-urgences']) expect(blocked(pageOn(path))).toBe(false);
  });
});

describe('a visitor’s own pages in French, German, Portuguese and Italian', () => {
  it.each([
    '/fr/mon-espace-sante', '/de/einloggen', '/pt/minha-conta', '/it/area-riservata', '/nl/mijn-facturen', '/de/meine-rezepte',
    '/pt/meus-agendamentos', '/it/le-mie-prenotazioni', '/fr/questionnaire-pre-anesthesique', '/de/gesundheitsfragebogen',
    '/it/questionario-anamnestico', '/pt/avaliar-sintomas', '/it/prenotazione-visite/conferma', '/de/terminvereinbarung/vielen-dank',
    '/pt/agendamento/concluido', '/fr/prise-de-rdv/merci',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets booking pages and news through (`Nachrichten` is also news)', () => {
    for (const path of ['/de/nachrichten', '/de/termin-buchen', '/fr/prendre-rendez-vous', '/pt/agendar-consulta', '/it/lavora-con-noi']) expect(blocked(pageOn(path))).toBe(false);
  });
});

describe('the areas in Greek and Hebrew', () => {
  it.each(['Αποτελέσματα Εργαστηρίου', 'Ανανέωση συνταγής', 'Πληρωμή οφειλών', 'חידוש מרשם', 'פורטל מטופלים', 'תשלום חשבון'])('blocks the title %s', (title) => {
    expect(blocked(titled(title))).toBe(true);
  });

  it('blocks a Hebrew path and lets the about pages through', () => {
    expect(blocked(pageOn(`/he/${encodeURIComponent('התורים-שלי')}`))).toBe(true);
    expect(blocked(titled('Σχετικά με εμάς'))).toBe(false);
    expect(blocked(titled('אודות בית החולים'))).toBe(false);
  });
});

describe('a frame’s address is where the event happened', () => {
  it('blocks an event whose frame shows a portal or a bill', () => {
    expect(blocked(track('Widget Loaded', '/services/cardiology', { frame_src: `${OPEN_SITE}/mychart/Scheduling` }))).toBe(true);
    expect(blocked(track('Widget Loaded', '/services/cardiology', { iframeUrl: 'https://pay.paymentus.com/northbay/quickpay' }))).toBe(true);
    expect(blocked(track('Widget Loaded', '/', { embed: { url: `${OPEN_SITE}/portal/messages`, height: 600 } }))).toBe(true);
  });

  it('lets a video or a map in a frame through, and a link to a portal is still only dropped', () => {
    expect(blocked(track('Video Played', '/services/cardiology', { embed_url: 'https://www.youtube-nocookie.com/embed/xyz' }))).toBe(false);
    expect(blocked(track('Map Loaded', '/locations/north', { iframe: { src: 'https://www.google.com/maps/embed?pb=1' } }))).toBe(false);
    const link = track('CTA Clicked', '/services/cardiology', { link_url: `${OPEN_SITE}/mychart/login` });
    expect(blocked(link)).toBe(false);
    expect(sent(link)).not.toContain('mychart');
  });
});

describe('signing up for, enrolling in or ordering care on a condition page', () => {
  it('blocks the step', () => {
    expect(blocked(pageOn('/programs/weight-loss-surgery/info-session/register'))).toBe(true);
    expect(blocked(track('Enrollment Completed', '/services/hiv-prevention'))).toBe(true);
    expect(blocked(pageOn('/sleep-apnea/home-test/track-order'))).toBe(true);
    expect(blocked(track('Order Placed', '/shop/sti-kit-for-home'))).toBe(true);
  });

  it('lets a newsletter sign-up there and a registration on a public page through', () => {
    expect(blocked(track('Newsletter Signup', '/conditions/depression'))).toBe(false);
    expect(blocked(track('Signed Up For Email Updates', '/conditions/lupus'))).toBe(false);
    expect(blocked(pageOn('/careers/register'))).toBe(false);
    expect(blocked(pageOn('/events/fertility-information-night'))).toBe(false);
  });

  it('withholds a sleep-disorder page’s path from a destination without a BAA', () => {
    const page = pageAt(`${OPEN_SITE}/sleep-center/cpap-supplies`);
    expect(blocked(page)).toBe(false);
    expect(sent(page)).not.toContain('cpap');
  });
});

// Found by the held half, fixed after it was measured.
describe('consultations, intake steps, patients’ sign-in and screens named in words', () => {
  it('blocks a consultation booked or confirmed', () => {
    expect(blocked(pageOn('/cosmetic-surgery/consult/booked'))).toBe(true);
    expect(blocked(titled('Your consultation has been scheduled'))).toBe(true);
    expect(blocked(pageOn('/second-opinion/request-a-consultation'))).toBe(false);
  });

  it('blocks an intake named with its step', () => {
    expect(blocked(pageOn('/behavioral-health/intake-questionnaire-adult'))).toBe(true);
    expect(blocked(pageOn('/recovery/intake-step-3'))).toBe(true);
    expect(blocked(pageOn('/careers/intake-coordinator'))).toBe(false);
  });

  it('blocks a patient’s or member’s sign-in, not a help page about it', () => {
    expect(blocked(pageOn('/oncology/member-sign-in'))).toBe(true);
    expect(blocked(titled('Secure Log On | Northbay Clinic'))).toBe(true);
    expect(blocked(pageOn('/patient-login-help'))).toBe(false);
  });

  it('reads an app screen named in words without its UI words', () => {
    expect(blocked({ type: 'screen', name: 'Lab Result Detail' })).toBe(true);
    expect(blocked({ type: 'screen', name: 'Care Team Messages List' })).toBe(true);
    expect(blocked({ type: 'screen', name: 'Find A Doctor List' })).toBe(false);
    expect(blocked({ type: 'screen', name: 'News Detail' })).toBe(false);
  });
});
