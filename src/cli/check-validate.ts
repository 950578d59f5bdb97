import { Ga4Config, validateGa4 } from '../destinations/ga4.js';
import type { Plan } from '../rules/plan.js';
import type { JsonValue } from '../common/json.js';
import { dryRunLine } from './dry-run.js';

/** Sample events covering the shapes GA4 receives: a page view and a tracked conversion. */
function sampleEvents(now: number): JsonValue[] {
  const timestamp = new Date(now - 60_000).toISOString();
  const page = { path: '/services/cardiology', url: 'https://www.example-health.org/services/cardiology?utm_source=newsletter', referrer: 'https://www.google.com/' };
  return [
    { type: 'page', messageId: 'validate-page', anonymousId: 'validate-visitor', timestamp, context: { page, campaign: { source: 'newsletter', medium: 'email' } } },
    { type: 'track', event: 'Appointment Requested', messageId: 'validate-track', anonymousId: 'validate-visitor', timestamp, properties: { service_line: 'cardiology', value: 1, currency: 'USD' }, context: { page } },
  ];
}

/**
 * `phiwall check --validate`: maps sample events through each GA4 destination's rules and posts
 * the payloads to GA4's validation endpoint (`/debug/mp/collect`), printing its messages.
 */
export async function validateDestinations(plan: Plan, write: (line: string) => void): Promise<number> {
  const ga4 = plan.destinations.filter((d) => d.type === 'ga4');
  if (!ga4.length) { write('validate: no GA4 destination to validate\n'); return 0; }
  const ids = { idFor: () => 'pw_validate_client' };
  let problems = 0;
  for (const dest of ga4) {
    const payloads = sampleEvents(Date.now()).flatMap((ev) => dryRunLine(ev, plan, ids, dest.name)).flatMap((r) => (r.payload !== undefined ? [r.payload] : []));
    try {
      const messages = await validateGa4(payloads, Ga4Config.parse(dest.config.options));
      problems += messages.length;
      write(messages.length ? `${dest.name}: ${messages.length} validation message(s)\n` : `${dest.name}: ${payloads.length} sample payload(s) valid\n`);
      for (const m of messages) write(`  ${m.validationCode} ${m.fieldPath}: ${m.description}\n`);
    } catch (err) {
      problems++;
      write(`${dest.name}: validation request failed (${(err as Error).message})\n`);
    }
  }
  return problems ? 1 : 0;
}
