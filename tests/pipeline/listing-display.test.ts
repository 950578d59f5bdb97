import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { compileLocated } from '../../src/config/compile-located.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';
import { openPlanProbe, pageAt } from '../helpers/open-plan.js';

// A page's view, tab or section in its query is read as a sub-page (`/patients?view=lab-results` is
// `/patients/lab-results`), except on a public listing, where it filters what the page lists (route-values.ts
// displayRoute). The bundled pack's listings are its `listing_pages`; a site declares its own in its config, and they
// get the same treatment. Spellings here are the site's own, not the pack's sections.
const SITE_YAML = `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
page_groups:
  - { name: our_clinics, paths: ["/our-clinics/**"] }
listing_pages: ["/our-clinics/**", "/wellness-programs/**", "/care-finder/**"]
destinations:
  open: { type: file, baa: false, allow: [event, name, page.path, page.url, page.title, properties.*] }
`;
const sitePlan = compileRules(loadConfig(writeConfig(SITE_YAML)).rules, { dataDir: tempDir() });
const onSite = (plan: typeof sitePlan) => (path: string): boolean => {
  const rows = dryRunLine({ type: 'page', messageId: 'ld', anonymousId: 'a-ld', ...pageAt(`https://www.example-health.org${path}`) } as never, plan, { idFor: () => 'pw' });
  return rows.every((r) => r.blocked !== undefined && r.payload === undefined);
};
const siteBlocked = onSite(sitePlan);
const bundled = openPlanProbe('ld-bundled');
const expectAll = (blocked: (p: string) => boolean, paths: string[], want: boolean) => { for (const p of paths) expect(blocked(p), p).toBe(want); };

// Display options that name a patient's area when read as a sub-page: a listing's filters in these words.
const FILTERS = ['/our-clinics?view=test-results', '/our-clinics/north?tab=MyAppointments', '/es/our-clinics?section=lab-results',
  '/Wellness-Programs?tab=pay-my-bill', '/care-finder.php?view=results&tab=MyAppointments', '/wellness-programs/?panel=refill-request'];

describe("a site's own listing pages", () => {
  it('let their view, tab or section flow as the filter it is', () => {
    expectAll(siteBlocked, FILTERS, false);
  });
  it('are read as sub-pages without the declaration (the bundled pack alone does not list them)', () => {
    expectAll((p) => bundled.blocked(pageAt(`https://www.example-health.org${p}`)), FILTERS, true);
  });
  it("still block another page's view that names a patient's area, a page merely starting with a listing's name, and the root's", () => {
    expectAll(siteBlocked, ['/patients?view=lab-results', '/pharmacy?tab=RefillRequest', '/our-clinics-portal?view=test-results',
      '/my-wellness-programs?tab=pay-my-bill', '/account?section=appointments', '/?panel=pay-my-bill'], true);
  });
  it("keep the bundled listings' display options flowing, and the bundled sensitive views blocked", () => {
    expectAll(siteBlocked, ['/find-a-doctor?view=results&tab=profile', '/locations?view=map', '/classes?view=schedule'], false);
    expectAll(siteBlocked, ['/patients/services?tab=TestResults', '/care?section=test-results'], true);
  });
});

describe('listing_pages in a config', () => {
  it('refuses a glob matching the site root, located at its file and line', () => {
    const path = writeConfig(`version: 1\nsites:\n  - { name: s, write_key: k }\ndestinations:\n  out: { type: file, allow: [event] }\nlisting_pages:\n  - "/our-clinics/**"\n  - "/**"\n`);
    let issues: readonly string[] = [];
    try { compileLocated(loadConfig(path, {}), { dataDir: tempDir() }); } catch (err) { if (err instanceof ConfigError) issues = err.issues; else throw err; }
    expect(issues.join('\n')).toMatch(/phiwall\.yaml:8:\d+: listing_pages\[1\]: matches the site's root page/);
    expect(issues.join('\n')).not.toMatch(/listing_pages\[0\]/);
  });
});
