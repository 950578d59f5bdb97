import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { loadConfig } from '../../src/config/load.js';
import { processEvent } from '../../src/pipeline/process.js';
import { compileRules } from '../../src/rules/compile.js';
import type { Plan } from '../../src/rules/plan.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// Texts that scrubbed to themselves are remembered across events (clean-strings.ts). The detectors'
// reading depends on the event's site (a person's own site is kept on that site's pages,
// personal-site.ts), so what a destination receives must be what a fresh plan would send,
// whichever site's events came first.
const CONFIG = `version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  local_file: { type: file, enabled: false }
  baa_hook: { type: webhook, baa: true, allow: ["**"], options: { url: "http://127.0.0.1:9/hook" } }
  ads_file: { type: file, allow: ["**"] }
`;
const NOW = Date.parse('2026-11-20T00:00:00Z');
const ids = { idFor: (visitor: string, dest: string) => `pw_${dest}_${visitor.length}` };
const compile = (): Plan => compileRules(loadConfig(writeConfig(CONFIG)).rules, { dataDir: tempDir() });

function contact(messageId: string, host: string, properties: JsonObject): JsonObject {
  return { type: 'track', messageId, event: 'Contact Form Submitted', anonymousId: 'a1', properties, context: { page: { path: '/contact', url: `https://${host}/contact` } } };
}

/** Each destination's payload (as JSON) and the hits, for `event` through `plan`. */
function sent(plan: Plan, event: JsonObject): { rows: Record<string, string>; hits: string[] } {
  const out = processEvent(structuredClone(event), plan.sites[0], plan, ids, NOW);
  if (out.kind !== 'routed') throw new Error(out.kind);
  return { rows: Object.fromEntries(out.rows.map((r) => [r.destination, JSON.stringify(r.payload)])), hits: [...out.hits].sort() };
}

const OWN = 'janedoe.net';
const CLINIC = 'www.northbay-health.example';

describe('texts remembered across events, per site', () => {
  // A clean text on the person's own site. `cta` is scanned for every destination; `message` is free text only the BAA destination keeps.
  const texts = ['see my blog janedoe.net'];

  it.each(texts)('redact the host in %j on another site after the person\'s own site sent it', (text) => {
    const plan = compile();
    const props = { cta: text, message: text };
    const own = sent(plan, contact('m1', OWN, props));
    expect(own.rows.baa_hook).toContain('janedoe.net'); // the site's own host is kept on its pages
    const other = sent(plan, contact('m2', CLINIC, props));
    expect(other).toEqual(sent(compile(), contact('m2', CLINIC, props)));
    expect(other.rows.baa_hook).not.toContain('janedoe.net');
    expect(other.rows.ads_file).not.toContain('janedoe.net');
    // And back on the person's own site, its own reading again.
    expect(sent(plan, contact('m3', OWN, props))).toEqual(sent(compile(), contact('m3', OWN, props)));
  });
});
