import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/common/json.js';
import { EventShape, isPlainValidEvent } from '../../src/ingest/event-shape.js';
import { checkShape } from '../../src/ingest/limits.js';
import { parseSegmentBody } from '../../src/ingest/segment.js';

// The hand-written shortcuts in event validation must never let through what the zod schema or
// the exact JSON length refuse: a batch event is accepted or rejected (and named) the same way.

const text = (max: number) => fc.oneof(fc.string({ maxLength: max }), fc.constantFrom('', 'a'.repeat(64), 'a'.repeat(65), 'x'.repeat(128), 'x'.repeat(129), 'y'.repeat(512), 'y'.repeat(513), 'id 1', 'ok-1.2:3+4_5', 'é', '\u0000'));
const anyJson: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
const field = (value: fc.Arbitrary<JsonValue>) => fc.option(fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: anyJson }), { nil: undefined });
const record = fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 4, noNullPrototype: true }), fc.constant(Object.create(null) as JsonObject));
const defined = (o: Record<string, JsonValue | undefined>): JsonObject => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as JsonObject;
/** Page address fields, mostly text and sometimes any JSON, which the schema and the shortcut must judge alike. */
const textFields = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, field(text(20))])), { requiredKeys: [] }).map(defined);
const event = fc.record({
  type: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('track', 'page', 'identify', 'screen', 'group', 'alias', 'Track', 'batch') }, { weight: 1, arbitrary: anyJson }),
  messageId: field(fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[\w.:+-]{1,130}$/) }, { weight: 1, arbitrary: text(130) })),
  event: field(text(520)),
  userId: field(fc.oneof(text(520), fc.double(), fc.constant(null))),
  anonymousId: field(fc.oneof(text(520), fc.integer(), fc.constant(null))),
  timestamp: field(text(70)),
  properties: field(fc.oneof(record, textFields(['path', 'url']))), traits: field(record),
  context: field(fc.oneof(record, fc.record({ page: field(textFields(['path', 'url', 'referrer', 'title', 'search'])) }).map(defined))),
  extra: field(anyJson),
}, { requiredKeys: [], noNullPrototype: true }).map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as JsonObject);

describe('event validation shortcut', () => {
  it('accepts only events the schema accepts', () => {
    let shortcut = 0;
    fc.assert(fc.property(event, (e) => {
      if (!isPlainValidEvent(e)) return;
      shortcut++;
      expect(EventShape.safeParse(e).success).toBe(true);
    }), { numRuns: 30000 });
    // The shortcut is worth having only if it answers for ordinary events.
    expect(shortcut).toBeGreaterThan(1000);
  });

  it('gives the same verdict and message per batch event as the schema alone', () => {
    fc.assert(fc.property(fc.array(event, { maxLength: 5 }), (batch) => {
      const { rejected, events } = parseSegmentBody({ batch: structuredClone(batch) }, 'batch', { depth: 16, keys: 500, eventBytes: 32768 });
      // fc.jsonValue can make `__proto__` keys, which the shape check refuses before the schema runs.
      const refused = (e: JsonObject) => checkShape(e, { depth: 16, keys: 500, bytes: 32768 }) !== undefined || !EventShape.safeParse(e).success;
      const expected = batch.map((e, index) => ({ index, bad: refused(e) })).filter((x) => x.bad).map((x) => x.index);
      expect(rejected.map((r) => r.index)).toEqual(expected);
      expect(events.length).toBe(batch.length - expected.length);
    }), { numRuns: 3000 });
  });
});

describe('event size limit without serialising every event', () => {
  const value = fc.oneof(anyJson, fc.dictionary(fc.string(), fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.double(), fc.constantFrom('"\\\n\u2028\ud800')), { maxKeys: 30 }));
  it('refuses exactly the values whose JSON text is longer than the limit', () => {
    fc.assert(fc.property(value, fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 3 }), (v, delta, scale) => {
      const exact = JSON.stringify(v).length;
      // Limits around the exact length, and far from it on both sides (where no serialising happens).
      for (const limit of [exact + delta, exact * scale, exact * 6 + 10, Math.floor(exact / 2)]) {
        if (limit < 0) continue;
        const problem = checkShape(v, { depth: 64, keys: 100000, bytes: limit });
        if (problem?.code === 'PW_ERR_FORBIDDEN_KEY') return;
        expect(problem?.code === 'PW_ERR_EVENT_TOO_LARGE').toBe(exact > limit);
      }
    }), { numRuns: 20000 });
  });

  it('measures values that are not plain JSON exactly (undefined members are left out of the text)', () => {
    const v = { a: undefined, b: 'x' } as unknown as JsonValue;
    expect(checkShape(v, { depth: 4, keys: 10, bytes: 9 })).toBeUndefined(); // {"b":"x"} is 9
    expect(checkShape(v, { depth: 4, keys: 10, bytes: 8 })?.code).toBe('PW_ERR_EVENT_TOO_LARGE');
    const dated = { at: new Date(0) } as unknown as JsonValue;
    expect(checkShape(dated, { depth: 4, keys: 10, bytes: 33 })).toBeUndefined(); // {"at":"1970-01-01T00:00:00.000Z"} is 33
    expect(checkShape(dated, { depth: 4, keys: 10, bytes: 32 })?.code).toBe('PW_ERR_EVENT_TOO_LARGE');
  });
});
