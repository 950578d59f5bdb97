import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { loadConfig } from '../../src/config/load.js';
import type { CleanEvent } from '../../src/destinations/types.js';
import { processEvent } from '../../src/pipeline/process.js';
import { copyWith } from '../../src/pipeline/shared-projection.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// Destinations with the same projection policy share one scrubbed event per event (the engine
// projects once and reuses it). What each destination receives must not depend on which other
// destinations are configured: run the corpus through all of them at once and through each one
// alone, and compare every payload and the identifier counters.
const ALLOW = '[event, visitor_id, page_group, page.path, page.url, page.referrer, campaign.*, ip, user_agent, locale, consent, properties.service_line, properties.form_id, properties.email, properties.value, properties.currency]';
const DESTINATIONS: Record<string, string> = {
  ga4: `{ type: ga4, allow: ${ALLOW}, options: { measurement_id: G-TEST000001, api_secret: s, endpoint: "http://127.0.0.1:9" } }`,
  meta: `{ type: meta, allow: ${ALLOW}, options: { pixel_id: "1234567890", access_token: t, endpoint: "http://127.0.0.1:9" } }`,
  tiktok: `{ type: tiktok, allow: ${ALLOW}, options: { pixel_code: PIXEL, access_token: t, endpoint: "http://127.0.0.1:9" } }`,
  // Same allow list, different action override: a policy of its own.
  strict_file: `{ type: file, allow: ${ALLOW}, actions: { ip: drop } }`,
  wide_file: '{ type: file, allow: ["**"] }',
  baa_hook: '{ type: webhook, baa: true, allow: ["**"], options: { url: "http://127.0.0.1:9/hook" } }',
};

function run(names: readonly string[], events: readonly JsonObject[]) {
  const yaml = `version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\ndestinations:\n  local_file: { type: file, enabled: false }\n${names.map((n) => `  ${n}: ${DESTINATIONS[n]}`).join('\n')}\n`;
  const plan = compileRules(loadConfig(writeConfig(yaml)).rules, { dataDir: tempDir() });
  const ids = { idFor: (visitor: string, dest: string) => `pw_${dest}_${visitor.length}` };
  const now = Date.parse('2026-11-20T00:00:00Z');
  const payloads = new Map<string, string>();
  const hits = new Map<string, number>();
  for (const ev of events) {
    const out = processEvent(structuredClone(ev), plan.sites[0], plan, ids, now);
    if (out.kind !== 'routed') { payloads.set(`${String(ev.messageId)}|*`, out.kind); continue; }
    for (const r of out.rows) payloads.set(`${r.messageId}|${r.destination}`, JSON.stringify([r.payload, r.dead]));
    for (const s of out.skipped) payloads.set(`${String(ev.messageId)}|${s.destination}`, s.reason);
    for (const h of out.hits) hits.set(h, (hits.get(h) ?? 0) + 1);
  }
  return { payloads, hits };
}

describe('shared projections', () => {
  it('give each destination exactly what it gets when configured alone', () => {
    const lines = readFileSync(join(REPO, 'tests/fixtures/corpus/events.jsonl'), 'utf8').split('\n').filter(Boolean);
    const events = lines.map((l) => (JSON.parse(l) as { body: { batch: JsonObject[] } }).body.batch[0]);
    const names = Object.keys(DESTINATIONS);
    const together = run(names, events);
    const alone = new Map<string, string>();
    const hitsAlone = new Map<string, number>();
    for (const n of names) {
      const one = run([n], events);
      for (const [k, v] of one.payloads) alone.set(k, v);
      for (const [h, c] of one.hits) hitsAlone.set(h, (hitsAlone.get(h) ?? 0) + c);
    }
    expect(together.payloads.size).toBeGreaterThan(events.length * 3);
    expect(Object.fromEntries(together.payloads)).toEqual(Object.fromEntries(alone));
    expect(Object.fromEntries(together.hits)).toEqual(Object.fromEntries(hitsAlone));
  });

  it('copy a projection with every field, in the same key order as an object spread', () => {
    // Every key a projection can carry, in projectEvent's order: a field added to CleanEvent
    // must be added to copyWith too.
    const full: Required<CleanEvent> = {
      messageId: 'm', type: 'track', timestamp: 't', receivedAt: 'r', properties: { p: 1 }, traits: { t: 1 }, event: 'e', name: 'n', visitorId: 'v',
      userId: 'u', anonymousId: 'a', groupId: 'gr', previousId: 'pv', pageGroup: 'g', page: { path: '/' }, campaign: { source: 's' }, clickIds: { gclid: 'c' },
      ip: '1.2.3.0', userAgent: 'ua', locale: 'en', consent: { ads: true }, sessionId: 1, client: { os: { name: 'iOS' } }, matchKeys: { em: 'h' },
    };
    expect(JSON.stringify(copyWith(full, 'other'))).toBe(JSON.stringify({ ...full, visitorId: 'other' }));
    const { visitorId: _v, ...anonymous } = full;
    expect(JSON.stringify(copyWith(anonymous, undefined))).toBe(JSON.stringify({ ...anonymous }));
    expect(Object.keys(full).length).toBe(24);
  });
});
