import type { Context } from 'hono';
import { PhiwallError } from '../errors.js';
import type { JsonValue } from '../common/json.js';

/** Reads a body as text within `limit` bytes (checked before and after reading). */
export async function readBoundedText(c: Context, limit: number): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) throw new PhiwallError('PW_ERR_BODY_TOO_LARGE', { limit });
  const buf = await c.req.arrayBuffer();
  if (buf.byteLength > limit) throw new PhiwallError('PW_ERR_BODY_TOO_LARGE', { limit });
  return new TextDecoder().decode(buf);
}

/** Reads a JSON body within `limit` bytes; errors never quote the body. */
export async function readBoundedJson(c: Context, limit: number): Promise<JsonValue> {
  const text = await readBoundedText(c, limit);
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new PhiwallError('PW_ERR_MALFORMED_JSON');
  }
}
