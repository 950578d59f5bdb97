import type { Context } from 'hono';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';
import { errorCode, PhiwallError } from '../errors.js';
import type { JsonValue } from '../common/json.js';

// Request bodies are untrusted in size, framing and encoding. Every problem becomes a 4xx
// PhiwallError naming the limit or the encoding, never quoting the body.

/** The raw body within `limit` bytes. A client that goes away mid-body is a 400, not a 500. */
async function readRaw(c: Context, limit: number): Promise<Uint8Array> {
  const declared = c.req.header('content-length');
  if (declared === undefined) {
    // Neither Content-Length nor Transfer-Encoding: HTTP/1.1 says there is no body (gtag.js's
    // hits). Answered here, since opening the body stream costs a web Request per hit.
    if (c.req.header('transfer-encoding') === undefined) return new Uint8Array(0);
    return readChunked(c, limit);
  }
  if (Number(declared) > limit) throw new PhiwallError('PW_ERR_BODY_TOO_LARGE', { limit });
  // Node's parser frames a body by its Content-Length, so this (fast) read cannot pass the limit.
  try {
    return new Uint8Array(await c.req.arrayBuffer());
  } catch {
    throw new PhiwallError('PW_ERR_BODY_INCOMPLETE');
  }
}

/**
 * A chunked body declares no length: it is read chunk by chunk and refused as soon as it passes
 * `limit`. The rest is left unread (the HTTP server drains or closes the connection).
 */
async function readChunked(c: Context, limit: number): Promise<Uint8Array> {
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      // The client went away or sent broken chunked framing: nothing was acknowledged.
      throw new PhiwallError('PW_ERR_BODY_INCOMPLETE');
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > limit) throw new PhiwallError('PW_ERR_BODY_TOO_LARGE', { limit });
    chunks.push(step.value);
  }
  return Buffer.concat(chunks, size);
}

type Decoder = (buf: Uint8Array, opts: ZlibOptions) => Buffer;
/** HTTP `deflate` is zlib-wrapped, but some clients send raw deflate: both are read. */
const inflateEither: Decoder = (buf, opts) => {
  try { return inflateSync(buf, opts); } catch (err) {
    if (errorCode(err) === 'ERR_BUFFER_TOO_LARGE') throw err;
    return inflateRawSync(buf, opts);
  }
};
const DECODERS: ReadonlyMap<string, Decoder> = new Map<string, Decoder>([
  ['gzip', gunzipSync], ['x-gzip', gunzipSync], ['deflate', inflateEither], ['br', brotliDecompressSync],
]);

/**
 * Undoes one Content-Encoding (server-side SDKs gzip batches). The decompressed size is capped
 * at `limit` too, so a small bomb stops at the limit instead of filling memory.
 */
function decode(c: Context, raw: Uint8Array, limit: number): Uint8Array {
  const encoding = (c.req.header('content-encoding') ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return raw;
  const decoder = DECODERS.get(encoding);
  if (!decoder) throw new PhiwallError('PW_ERR_UNSUPPORTED_ENCODING');
  if (raw.byteLength === 0) return raw;
  try {
    return decoder(raw, { maxOutputLength: limit });
  } catch (err) {
    if (errorCode(err) === 'ERR_BUFFER_TOO_LARGE') throw new PhiwallError('PW_ERR_BODY_TOO_LARGE', { limit });
    throw new PhiwallError('PW_ERR_BAD_ENCODING', { encoding });
  }
}

/** Reads a body as text within `limit` bytes (raw and decompressed). Invalid UTF-8 becomes U+FFFD. */
export async function readBoundedText(c: Context, limit: number): Promise<string> {
  return new TextDecoder().decode(decode(c, await readRaw(c, limit), limit));
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
