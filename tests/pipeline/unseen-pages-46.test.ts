import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageAt } from '../helpers/open-plan.js';

// Blind pass 45 (H232): a visitor's own areas written with the words run together in lower case, under a CMS's content tree,
// moved or cancelled in other languages, renewed noun first, billed at the root in other languages, and deeper than the
// root; how-to articles about those areas flow. Public pages of each shape flow. Each test uses its own spellings, not the
// held sets'; every event goes to the open destination.
const { blocked } = openPlanProbe('p46');
const site = (path: string) => pageAt(`https://www.example-health.org${path}`);
const expectAll = (paths: string[], want: boolean) => { for (const p of paths) expect(blocked(site(p)), p).toBe(want); };

describe('words run together in lower case', () => {
  it('blocks a visitor\'s own area as its hyphenated path does', () => {
    expectAll(['/messagemydoctor', '/proxyaccessrequest', '/videovisitroom/join', '/requestrecordsonline'], true);
  });
  it('lets public pages run together flow, and keeps the rules\' own exceptions whole', () => {
    expectAll(['/findalocation', '/patientsandvisitors', '/classesandevents', '/billingfaq', '/billing/financial-policies',
      '/renew/license', '/healthlibrary/renewyourlicense'], false);
  });
});

describe("a page under a CMS's content tree", () => {
  it('blocks as the page\'s own path does', () => {
    expectAll(['/content/acme/us/en/prescriptions/status.html', '/content/acme/en/records/request.html',
      '/sitecore/content/acme/home/records/request'], true);
  });
  it('lets its public pages and a site\'s own content section flow', () => {
    expectAll(['/content/acme/en/locations/downtown.html', '/content/health-topics/heart-health', '/sitecore/content/acme/home/news/2026/portal-launch'], false);
  });
});

describe('a how-to article about a visitor\'s own area', () => {
  it('flows, in English and Spanish, wherever its title names the area', () => {
    expectAll(['/support/how-to-renew-a-prescription', '/how-do-i-cancel-my-appointment', '/es/ayuda/como-cancelar-su-cita',
      '/help/how-to-email-your-care-team'], false);
  });
  it('blocks under a page that blocks', () => {
    expectAll(['/portal/how-to-upload-a-document', '/mychart/how-to-read-your-results'], true);
  });
});

describe('an appointment moved or cancelled in other languages', () => {
  it('blocks noun first and verb first', () => {
    expectAll(['/pt/agendamentos/cancelar', '/fr/annuler-mon-rendez-vous', '/it/appuntamenti/spostare', '/vi/doi-lich-kham'], true);
  });
  it('lets a cancellation policy, a course calendar and a visit guide flow', () => {
    expectAll(['/es/citas/politica-de-cancelacion', '/de/termine/kurse', '/fr/rendez-vous/preparer-votre-visite'], false);
  });
});

describe('prescriptions renewed noun first, and bills at the root in other languages', () => {
  it('blocks them', () => {
    expectAll(['/de/rezepte/erneuern', '/it/ricette/rinnovo', '/fr/factures/2026-03', '/it/fatture', '/zh/zhangdan', '/zh/wode-yuyue'], true);
  });
  it('lets recipes and the bills\' FAQs flow', () => {
    expectAll(['/es/recetas/ensalada-de-quinoa', '/de/rezepte/apfelkuchen', '/fr/factures/questions-frequentes', '/pt/faturas/perguntas-frequentes'], false);
  });
});

describe("a visitor's own area deeper than the root", () => {
  it('blocks the portal, records releases, family access, summaries and findings', () => {
    expectAll(['/clinics/north/patients/portal', '/heart/portal/results', '/him/release-of-information/online', '/family-access/request-access',
      '/er/discharge-summary', '/ortho/imaging-findings', '/billing-office/myaccount/statements'], true);
  });
  it("lets a vendor's portal, visiting hours, a story and a guide flow", () => {
    expectAll(['/vendors/portal/billing', '/visitors/family-access', '/news/2026/new-visit-summary', '/about/portal-partners',
      '/discharge-instructions/what-to-expect'], false);
  });
});

describe("an app screen's class name with its words run together", () => {
  const screen = (name: string) => ({ type: 'screen', name, context: { app: { name: 'Example Health', version: '5.12.0' }, os: { name: 'iOS' } } });
  it('lets a directory or search screen flow on an app nothing says is signed in', () => {
    for (const n of ['FindADoctor', 'FindCare', 'SearchProviders', 'FindAPharmacy', 'FindALocation']) expect(blocked(screen(n)), n).toBe(false);
  });
  it("blocks the member's own screens written the same way", () => {
    for (const n of ['MessageCareTeam', 'MyClaims', 'RefillRequest']) expect(blocked(screen(n)), n).toBe(true);
  });
});
