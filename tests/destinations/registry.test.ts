import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DESTINATION_TYPES } from '../../src/destinations/registry.js';

describe('destination registry', () => {
  it('registers every destination type under its own name', () => {
    expect([...DESTINATION_TYPES.keys()]).toEqual(expect.arrayContaining(['amplitude', 'file', 'ga4', 'google-ads', 'meta', 'mixpanel', 'segment', 'tiktok', 'webhook']));
    for (const [name, type] of DESTINATION_TYPES) {
      expect(type.type).toBe(name);
      expect(type.describe.length).toBeGreaterThan(10);
    }
  });

  it('every config schema converts to JSON Schema (for phiwall.schema.json)', () => {
    for (const [name, type] of DESTINATION_TYPES) {
      const schema = z.toJSONSchema(type.configSchema, { io: 'input' }) as { additionalProperties?: unknown };
      expect(schema.additionalProperties, name).toBe(false);
    }
  });
});
