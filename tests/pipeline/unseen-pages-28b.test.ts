import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 28's leftovers (H128): a prescription refilled, renewed, extended or repeated in other nouns and
// languages; a patient's own statement, bill, balance or invoice acted on, also as a dispatcher's camel-case action;
// an escaped `;` session parameter; a generic page's booking form sent, told by a step parameter and named by the
// page's title. Every event goes to the open destination (no BAA); spellings are the tests' own.
const { blocked, sent } = openPlanProbe('p28b');

describe('a prescription refilled, renewed, extended or repeated, in other words and languages', () => {
  it.each([
    '/es/surtido-de-recetas', '/es/resurtido-de-medicamentos', '/es/extension-de-receta', '/pt/renovacao-de-prescricao', '/pt/repetir-receita',
    '/fr/prolongation-ordonnance', '/it/ripetizione-ricetta', '/de/rezept-verlaengerung', '/de/rezeptverlaengerung', '/pl/przedluzenie-recepty',
    '/pl/e-recepta', '/pl/recepta-online', '/cs/e-recept', '/tr/recete-uzatma', '/tr/ilac-recetesi-yenileme', '/repeat-prescriptions',
    '/prescription-extension', '/pharmacy/extend-my-prescription',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets recipes and news about prescriptions flow', () => {
    for (const path of ['/es/recetas-de-cocina', '/es/receta-de-paella', '/pl/przepisy', '/sv/recept/kladdkaka', '/pt/receitas-saudaveis', '/it/ricette-light',
      '/tr/saglikli-tarifler', '/pl/e-rejestracja', '/blog/repeat-prescriptions-explained']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe("a patient's own statement, bill, balance or invoice acted on", () => {
  it.each([
    '/app.do?method=viewStatement', '/app.do?method=viewBill', '/app.do?method=payBalance', '/app.do?method=downloadInvoice',
    '/app.do?method=printStatement', '/view-statement', '/pay-balance', '/billing-center/download-my-invoice', '/patients/see-your-bill',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets statements that are no one\'s bill, and public dispatcher actions, flow', () => {
    for (const path of ['/news/annual-statement', '/about/mission-statement', '/about/privacy-statement', '/press/statement-from-ceo',
      '/app.do?method=viewNews', '/app.do?method=viewLocations', '/news/view-statement', '/gift-card/view-balance', '/vendors/view-invoice']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe('an escaped `;` session parameter is no part of the segment', () => {
  it('sends the segment by its name, as the unescaped form is', () => {
    for (const [path, out] of [['/careers%3Bjsessionid=9A1FC2B7D3E4/search', '/careers/search'], ['/about%3bsid=77ffa01b/history', '/about/history'],
      ['/careers%253Bjsessionid=9A1FC2B7D3E4/nursing', '/careers/nursing']]) {
      const s = sent(pageOn(path));
      expect(s, path).toContain(`"path":"${out}"`);
      expect(s, path).not.toContain('9A1FC2B7D3E4');
    }
  });

  it('still blocks a sensitive page behind an escaped session parameter', () => {
    for (const path of ['/portal%3Bjsessionid=9A1FC2B7D3E4/messages', '/pharmacy%3Bjsessionid=9A1FC2B7D3E4/refill']) expect(blocked(pageOn(path)), path).toBe(true);
  });
});

describe("a generic page's booking form sent: the step parameter says done, the title names the form", () => {
  const titled = (title: string, query: string) => ({ context: { page: { path: '/', url: `${OPEN_SITE}/${query}`, title } } });

  it.each([
    ['Schedule an Appointment', '?page_id=12&step=confirmation'], ['Request an Appointment', '?stage=thank-you'],
    ['Book an Appointment | Example Health', '?form_step=3&status=complete'], ['Example Health - Make an Appointment', '?p=88&step=done'],
    ['Request a Visit', '?wizard_step=finished&current_step=thank-you'], ['Agendar Cita | Clínica Norte', '?page_id=4&paso=confirmaci%C3%B3n'],
    ['Prendre rendez-vous', '?etape=merci'], ['Termin buchen', '?schritt=best%C3%A4tigung'],
  ])('blocks "%s" at %s', (title, query) => {
    expect(blocked(titled(title, query))).toBe(true);
  });

  it('lets a contact or newsletter form sent, and the booking form itself, flow', () => {
    for (const [title, query] of [['Contact Us', '?page_id=12&step=confirmation'], ['Newsletter Signup', '?stage=thank-you'],
      ['Contact Us | Example Health', '?form_step=3&status=complete'], ['Schedule an Appointment', '?page_id=12&step=2'], ['Schedule an Appointment', '?page_id=12'], ['Contacto', '?paso=gracias'],
      ['Kontakt', '?schritt=danke']]) {
      expect(blocked(titled(title, query)), `${title} ${query}`).toBe(false);
    }
  });
});
