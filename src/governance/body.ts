import type { z } from 'zod';
import { PhiwallError } from '../errors.js';

/** Validates a request body; the error names paths and problems, never the posted values. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.code}`).join('; ');
  throw new PhiwallError('PW_ERR_INVALID_BODY', { detail });
}
