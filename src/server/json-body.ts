import type { Context } from 'hono';
import { PhiwallError } from '../errors.js';
import type { JsonValue } from '../common/json.js';

/** Reads a JSON body within `limit` bytes; errors never quote the body. */
export async function readBoundedJson(c: Context, limit: number): Promise<JsonValue> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) throw new PhiwallError('PW_ERR_BODY_TOO_LARGE', { limit });
  const buf = await c.req.arrayBuffer();
  if (buf.byteLength > limit) throw new PhiwallError('PW_ERR_BODY_TOO_LARGE', { limit });
  try {
    return JSON.parse(new TextDecoder().decode(buf)) as JsonValue;
  } catch {
    throw new PhiwallError('PW_ERR_MALFORMED_JSON');
  }
}
