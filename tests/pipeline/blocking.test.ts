import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir } from '../helpers/collector.js';

const plan = compileRules(loadConfig(join(REPO, 'rules/phiwall.yaml'), {}).rules, { dataDir: tempDir() });
const run = (page: Record<string, string>, props: Record<string, string> = {}) =>
  dryRunLine({ type: 'page', messageId: 'b1', anonymousId: 'a', properties: props, context: { page } } as never, plan, { idFor: () => 'pw' })[0];

describe('blocked pages and hosts in the bundled config', () => {
  it.each([
    '/patient-portal/', '/Patient-Portal/Messages', '/mychart-login', '/en/MyChart/Home', '/appointments/confirmation/12345',
    '/appointments/confirmed-visit', '/book-appointment/thank-you', '/pharmacy/refill-request', '/billing/pay-online', '/intake/new-patient-form',
    '/login', '/account/settings', '/search?q=hiv+testing', '/test-results', '/portal', '/telehealth/visit/join',
  ])('blocks %s', (path) => {
    expect(run({ path, url: `https://www.example-health.org${path}` }).blocked).toBeDefined();
  });

  it.each(['/services/cardiology', '/locations/downtown-clinic', '/careers', '/blog/flu-season-tips', '/providers', '/'])('lets %s through', (path) => {
    expect(run({ path, url: `https://www.example-health.org${path}` }).blocked).toBeUndefined();
  });

  it('blocks pages served from a portal host, whatever the path', () => {
    expect(run({ path: '/Home', url: 'https://mychart.example-health.org/Home' }).blocked).toBe('patient_portal');
    expect(run({ path: '/inbox', url: 'https://patientportal.example-health.org/inbox' }).blocked).toBe('patient_portal');
  });

  it('drops a referrer that comes from a portal host instead of forwarding its origin', () => {
    const row = run({ path: '/services/cardiology', url: 'https://www.example-health.org/services/cardiology', referrer: 'https://mychart.example-health.org/Messages' });
    expect(row.blocked).toBeUndefined();
    expect(JSON.stringify(row.payload)).not.toMatch(/mychart/i);
  });

  it('blocks an event whose same-site referrer is a blocked page', () => {
    expect(run({ path: '/services/cardiology', url: 'https://www.example-health.org/services/cardiology', referrer: 'https://www.example-health.org/patient-portal/results' }).blocked).toBe('patient_portal');
  });
});

describe('path spellings and codes in paths', () => {
  it('blocks portal names written with spaces or underscores', () => {
    expect(run({ path: '/Patient%20Portal/home' }).blocked).toBe('patient_portal');
    expect(run({ path: '/my_chart/inbox' }).blocked).toBe('patient_portal');
  });
  it('replaces name-like codes glued to digits in path segments, keeps ordinary words and years', () => {
    const p = run({ path: '/thank-you/kenji-okaforx0003', url: 'https://www.example-health.org/thank-you/kenji-okaforx0003' }).payload as { path: string; url: string };
    expect(p.path).toBe('/thank-you/:id');
    expect((run({ path: '/blog/2024-flu-season' }).payload as { path: string }).path).toBe('/blog/2024-flu-season');
  });
});
