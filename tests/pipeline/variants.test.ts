import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { leakCheck, type Label } from '../helpers/leak-check.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// The dev corpus is a sample: here its events are reshaped the way unseen data differs (other
// field names, deeper nesting, form-field arrays, path case and doubled slashes, double
// encoding) and sent to an ad destination allowing every property and trait: only the field
// rules and detectors stand in the way.
type Json = Record<string, unknown>;
const RENAME: Record<string, string> = {
  email: 'Contact-EMail', phone: 'mobileNo', full_name: 'patientFullName', message: 'Comments', member_id: 'insuranceMemberNumber',
  ssn: 'SocialSecurityNo', card_number: 'ccNumber', medicare_id: 'medicareBeneficiaryId', vehicle_vin: 'carVIN', zip: 'postal_code', age: 'patientAge', birthday: 'DOB',
};
const rename = (o: unknown): unknown => (o && typeof o === 'object' && !Array.isArray(o)
  ? Object.fromEntries(Object.entries(o).map(([k, v]) => [RENAME[k] ?? k, rename(v)])) : o);

function reshape(event: Json, i: number): Json {
  const v = JSON.parse(JSON.stringify(event)) as Json;
  const props = (rename(v.properties) ?? {}) as Json;
  v.properties = i % 3 === 0 ? { form: { fields: Object.entries(props).map(([name, value]) => ({ name, value })) } } : i % 3 === 1 ? { data: { nested: { deeper: props } } } : props;
  if (v.traits) v.traits = rename(v.traits);
  const page = (v.context as Json | undefined)?.page as Json | undefined;
  if (page && typeof page.path === 'string' && i % 2 === 0) {
    page.path = page.path.toUpperCase();
    if (typeof page.url === 'string') page.url = page.url.replace(/(\.example)\//, '$1//');
  }
  if (page && typeof page.url === 'string' && i % 4 === 1) page.url = encodeURI(page.url).replace(/%40/g, '%2540');
  return JSON.parse(JSON.stringify(v)) as Json;
}

describe('unseen shapes of the corpus events', () => {
  it('leak nothing to a wide-open ad destination, block every must-block page, deliver the rest', () => {
    const config = writeConfig(`version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\ndestinations:\n  meta_ads: { type: file, allow: [event, name, visitor_id, page_group, page.path, page.url, page.title, page.referrer, campaign.*, properties.*, traits.*, ip, user_agent, locale] }\n`);
    const plan = compileRules(loadConfig(config).rules, { dataDir: tempDir() });
    const read = (f: string) => readFileSync(join(REPO, 'tests/fixtures/corpus', f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
    const events = (read('events.jsonl') as { body: { batch: Json[] } }[]).map((e) => e.body.batch[0]);
    const labels = read('labels.jsonl') as Label[];
    const capture = events.flatMap((e, i) => dryRunLine(reshape(e, i) as never, plan, { idFor: () => 'pw' }).filter((r) => r.payload !== undefined).map((r) => ({ dest: r.destination!, body: r.payload })));
    const report = leakCheck(labels, capture, /ads/);
    expect(report.leaks).toEqual([]);
    expect(report.violations).toEqual([]);
    expect(report.utility).toBe(1);
  });
});
