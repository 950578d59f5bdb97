import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTH, REPO, readOutput, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { leakCheck, type Label } from '../helpers/leak-check.js';

const corpusDir = join(REPO, 'tests/fixtures/corpus');
const events = readFileSync(join(corpusDir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { body: { batch: { messageId: string }[] } });
const labels = readFileSync(join(corpusDir, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Label);

// The bundled config plus an ad destination without a BAA, so health-context canaries
// (conditions named in paths, titles, event names) are checked against an ads sink too.
const config = `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  meta_ads:
    type: file
    baa: false
    allow: [event, visitor_id, page_group, page.path, page.url, page.title, name, page.referrer, campaign.*, properties.*, traits.*, ip, user_agent]
`;

describe('the labelled dev corpus through serve (file destinations)', () => {
  let c: Collector;
  beforeAll(async () => {
    c = await startCollector({ configPath: writeConfig(config) });
    for (const e of events) {
      const r = await fetch(`${c.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_AUTH }, body: JSON.stringify(e.body) });
      expect(r.status).toBe(200);
    }
    const expected = labels.filter((l) => !l.mustBlock).length;
    await waitFor(() => readOutput(c.dataDir, 'meta_ads').length + readOutput(c.dataDir, 'local_file').length, (n) => n >= 2 * expected, 30_000);
  }, 120_000);
  afterAll(async () => { await c.close(); });

  const capture = () => ['local_file', 'meta_ads'].flatMap((dest) => readOutput(c.dataDir, dest).map((body) => ({ dest, body })));

  it('leaks no planted identifier and no trace of a blocked page, and delivers every other event', () => {
    const report = leakCheck(labels, capture(), /ads/);
    expect(report.leaks).toEqual([]);
    expect(report.violations).toEqual([]);
    expect(report.utility).toBe(1);
  });

  it('keeps the analytics value: event names, paths, service lines, campaign', () => {
    const rows = readOutput(c.dataDir, 'local_file');
    const byId = new Map(rows.map((r) => [r.message_id, r]));
    const kept = labels.filter((l) => !l.mustBlock && l.keep?.length);
    let found = 0;
    for (const l of kept) {
      const text = JSON.stringify(byId.get(l.id) ?? {});
      if (l.keep!.every(([, v]) => text.includes(JSON.stringify(v)) || text.includes(`=${v}`))) found++;
    }
    expect(found / kept.length).toBeGreaterThan(0.95);
  });

  it('sends ad destinations the page group, not the condition page', () => {
    const ads = readOutput(c.dataDir, 'meta_ads').map((r) => JSON.stringify(r));
    const conditionRows = ads.filter((r) => r.includes('"page_group":"condition"'));
    expect(conditionRows.length).toBeGreaterThan(50);
    for (const r of conditionRows) expect(r).not.toMatch(/\/conditions\//);
  });
});
