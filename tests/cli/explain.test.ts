import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { explainMarkdown, explainPlan } from '../../src/rules/explain.js';
import { REPO, tempDir } from '../helpers/collector.js';

describe('phiwall explain', () => {
  const plan = compileRules(loadConfig(join(REPO, 'rules/phiwall.yaml'), {}).rules, { dataDir: tempDir() });

  it('docs/data-flow.md is the current output for the bundled config (regenerate: phiwall explain > docs/data-flow.md)', () => {
    expect(readFileSync(join(REPO, 'docs/data-flow.md'), 'utf8')).toBe(explainMarkdown(explainPlan(plan)));
  });

  it('lists what reaches the file destination and what never does', () => {
    const model = explainPlan(plan);
    const file = model.destinations.find((d) => d.name === 'local_file')!;
    expect(file.baa).toBe(false);
    expect(file.allowed.map((a) => a.field)).toContain('ip');
    expect(file.notAllowed).toEqual(expect.arrayContaining(['user_id', 'anonymous_id', 'page.title', 'traits']));
    expect(file.identifierActions.find((i) => i.id === 'email')?.action).toBe('drop');
    expect(model.blockedPaths.map((b) => b.name)).toEqual(expect.arrayContaining(['patient_portal', 'appointment_confirmation', 'pharmacy_refill', 'billing_payment', 'intake_forms', 'login_account', 'site_search']));
  });

  it('shows the public listings whose view or tab filters, and says when a config declares none', () => {
    const listings = explainPlan(plan).listingPages ?? '';
    expect(new RegExp(listings, 'i').test('/es/Locations')).toBe(true);
    expect(new RegExp(listings, 'i').test('/patients')).toBe(false);
    const rules = loadConfig(join(REPO, 'rules/phiwall.yaml'), {}).rules;
    const bare = explainPlan(compileRules({ ...rules, listing_pages: [] }, { dataDir: tempDir() }));
    expect(bare.listingPages).toBeNull();
    expect(explainMarkdown(bare)).toContain("None declared: every page's view, tab or section is read as a sub-page.");
  });
});

describe('phiwall explain --format', () => {
  it('refuses a format it does not write (exit 2), instead of printing Markdown where JSON was asked for', () => {
    const run = (format: string) => spawnSync(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'explain', '--format', format], { cwd: REPO, encoding: 'utf8' });
    const bad = run('jsno');
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, '', 'phiwall explain: --format must be md or json\n']);
    expect(JSON.parse(run('json').stdout)).toHaveProperty('destinations');
  });
});

describe('phiwall schema', () => {
  it('rules/phiwall.schema.json is current (regenerate: phiwall schema > rules/phiwall.schema.json)', async () => {
    const { rulesJsonSchema } = await import('../../src/cli/schema.js');
    expect(readFileSync(join(REPO, 'rules/phiwall.schema.json'), 'utf8')).toBe(rulesJsonSchema());
  });
});
