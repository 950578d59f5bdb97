import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { loadConfig } from '../../src/config/load.js';
import { processEvent } from '../../src/pipeline/process.js';
import { compileRules } from '../../src/rules/compile.js';
import type { Plan } from '../../src/rules/plan.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// Strings that scrub to themselves are remembered across events (src/rules/clean-strings.ts).
// What a destination receives must never depend on which events came before: a string first
// seen by a destination that keeps it (a BAA skips the sensitive-terms test; an action override
// keeps an embedded pair) must still be withheld or redacted for the next destination that
// must not see it.
const DESTINATIONS: Record<string, string> = {
  baa_hook: '{ type: webhook, baa: true, allow: ["**"], actions: { medical_record_number: keep }, options: { url: "http://127.0.0.1:9/hook" } }',
  ads_file: '{ type: file, allow: ["**"], events: { exclude: [First] } }',
};
const configOf = (names: readonly string[]) => `version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  local_file: { type: file, enabled: false }
${names.map((n) => `  ${n}: ${DESTINATIONS[n]}`).join('\n')}
`;

const NOW = Date.parse('2026-11-20T00:00:00Z');
const ids = { idFor: (visitor: string, dest: string) => `pw_${dest}_${visitor.length}` };
const compile = (names = Object.keys(DESTINATIONS)): Plan => compileRules(loadConfig(writeConfig(configOf(names))).rules, { dataDir: tempDir() });

function track(messageId: string, event: string, properties: JsonObject): JsonObject {
  return { type: 'track', messageId, event, anonymousId: 'a1', properties, context: { page: { path: '/contact', url: 'https://www.northbay-health.example/contact' } } };
}

/** Each destination's payload and the hits for `event`: from `plan` (warm), and from fresh plans holding that destination alone (cold). */
function outcomes(plan: Plan, event: JsonObject) {
  const rowsOf = (p: Plan) => {
    const out = processEvent(structuredClone(event), p.sites[0], p, ids, NOW);
    if (out.kind !== 'routed') throw new Error(out.kind);
    return { rows: out.rows.map((r) => JSON.stringify(r)), hits: out.hits };
  };
  const warm = rowsOf(plan);
  const alone = Object.keys(DESTINATIONS).map((n) => rowsOf(compile([n])));
  const cold = { rows: alone.flatMap((o) => o.rows), hits: alone.flatMap((o) => o.hits) };
  return { warm: { rows: warm.rows, hits: [...warm.hits].sort() }, cold: { rows: cold.rows, hits: [...cold.hits].sort() } };
}

describe('strings remembered clean across events', () => {
  // A sensitive term; a free-text key inside the text (a BAA leaves its pair as it is); an
  // identifier's pair (kept by the BAA destination's override); a clean label; JSON text.
  // A condition page's title and event name (the BAA destination remembers them clean past the terms test).
  const strings = ['oncology follow-up', 'comments=call me back', 'mrn=A1234567', 'Spring newsletter', '{"cta":"depression"}', 'hiv testing | Northbay Health', 'depression treatment | Northbay Health'];

  it.each(strings)('scrub %j for a later destination as if never seen before', (note) => {
    const plan = compile();
    // Only the BAA destination takes event First (the file destination excludes it).
    const first = processEvent(track('m1', 'First', { cta: note, form_id: note }), plan.sites[0], plan, ids, NOW);
    expect(first.kind).toBe('routed');
    const { warm, cold } = outcomes(plan, track('m2', 'Second', { cta: note, form_id: note }));
    expect(warm).toEqual(cold);
  });

  it.each(['hiv Screening Started', 'Diabetes Guide Downloaded'])('withhold the event name %j from the destination without a BAA after the BAA one sent it twice', (name) => {
    const plan = compile();
    for (const id of ['m1', 'm2']) processEvent(track(id, 'First', { cta: name }), plan.sites[0], plan, ids, NOW);
    processEvent(track('m3', name, { cta: name }), plan.sites[0], plan, ids, NOW);
    const { warm, cold } = outcomes(plan, track('m4', name, { cta: name, title: name }));
    expect(warm).toEqual(cold);
    expect(warm.rows.find((r) => r.includes('"ads_file"'))).not.toMatch(/hiv|diabetes/i);
    expect(warm.rows.find((r) => r.includes('"baa_hook"'))).toContain(name);
  });

  it('keep a value the BAA destination received unchanged away from the one without a BAA', () => {
    const plan = compile();
    processEvent(track('m1', 'First', { cta: 'oncology follow-up' }), plan.sites[0], plan, ids, NOW);
    const out = processEvent(track('m2', 'Second', { cta: 'oncology follow-up' }), plan.sites[0], plan, ids, NOW);
    if (out.kind !== 'routed') throw new Error(out.kind);
    const byDest = new Map(out.rows.map((r) => [r.destination, JSON.stringify(r.payload)]));
    expect(byDest.get('baa_hook')).toContain('oncology follow-up');
    expect(byDest.get('ads_file')).not.toContain('oncology');
  });
});

// sanitize_url takes a text scrubbed to itself before as no hit (src/rules/query-fields.ts): a page URL's
// allowlisted parameters keep or lose a value the same whether or not a field carried it in an earlier event.
describe('query values remembered clean across events', () => {
  const values = ['oncology follow-up', 'comments=call me back', 'mrn=A1234567', 'Spring newsletter', 'newsletter', 'last_name=Doe', 'jane.doe@example.org', 'MRN23078668'];
  const plainSpelling = (v: string) => v.replace(/[^A-Za-z0-9=._@-]/g, '-');

  it.each(values)('keep or drop %j in the page URL as if never seen before', (v) => {
    const plan = compile();
    for (const [i, text] of [v, plainSpelling(v)].entries()) {
      processEvent(track(`m${i}`, 'First', { cta: text, form_id: text }), plan.sites[0], plan, ids, NOW);
      processEvent(track(`n${i}`, 'Second', { cta: text }), plan.sites[0], plan, ids, NOW);
    }
    const url = `https://www.northbay-health.example/services/orthopedics?utm_source=${encodeURIComponent(v)}&utm_content=${plainSpelling(v)}&email=x`;
    const page: JsonObject = { type: 'page', messageId: 'p1', anonymousId: 'a1', properties: {}, context: { page: { path: '/services/orthopedics', url } } };
    const { warm, cold } = outcomes(plan, page);
    expect(warm).toEqual(cold);
  });
});
