import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SqliteAggregateStore } from '../aggregates/sqlite-store.js';
import type { AggregateStore } from '../aggregates/store.js';

// Demo journeys (already-derived touches and conversions, no identifiers) for the worked
// example and `phiwall report attribution --demo`, loaded into an in-memory store.

export const DEMO_DEST = 'demo';
const DemoLine = z.union([
  z.strictObject({ journey: z.string().min(1), time: z.iso.datetime({ offset: true }), channel: z.string().min(1), campaign: z.string().default('(none)'), lead: z.boolean().optional() }),
  z.strictObject({ journey: z.string().min(1), time: z.iso.datetime({ offset: true }), conversion: z.string().min(1), value: z.number().default(0), status: z.enum(['pending', 'confirmed']).default('confirmed'), id: z.string().optional() }),
]);

/** The repository root (works from src/ under tsx and from the dist/ bundle). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5 && !existsSync(join(dir, 'package.json')); i++) dir = dirname(dir);
  return dir;
}

export const DEMO_JOURNEYS = 'tests/fixtures/attribution/demo-journeys.jsonl';

export async function loadJourneyFile(path: string): Promise<AggregateStore> {
  const store = new SqliteAggregateStore(':memory:');
  const lines = readFileSync(path, 'utf8').split('\n');
  await store.transaction(async (w) => {
    for (const [i, text] of lines.entries()) {
      if (!text.trim() || text.trim().startsWith('//')) continue;
      const parsed = DemoLine.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      const l = parsed.data;
      const time = Date.parse(l.time);
      if ('channel' in l) await w.addTouch(DEMO_DEST, { journey: l.journey, time, channel: l.channel, campaign: l.campaign, lead: l.lead ? 1 : 0 });
      else await w.addConversion(DEMO_DEST, { conversion_id: l.id ?? `${l.journey}:${i}`, journey: l.journey, type: l.conversion, time, value: l.value, status: l.status, source: 'demo' });
    }
  });
  return store;
}
