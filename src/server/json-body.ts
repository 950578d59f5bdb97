import type { Context } from 'hono';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';
import { errorCode, PhiwallError } from '../errors.js';
import type { JsonValue } from '../common/json.js';
import { makeWellFormed, mayHoldSurrogate } from '../common/well-formed.js';

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

type Decode = (buf: Uint8Array, opts: ZlibOptions) => Buffer;
/** `label`: the coding named when its data is broken. */
type Decoder = Decode & { label: string };
/** HTTP `deflate` is zlib-wrapped, but some clients send raw deflate: both are read. */
const inflateEither: Decode = (buf, opts) => {
  try { return inflateSync(buf, opts); } catch (err) {
    if (errorCode(err) === 'ERR_BUFFER_TOO_LARGE') throw err;
    return inflateRawSync(buf, opts);
  }
};
const labelled = (label: string, d: Decode): Decoder => Object.assign((buf: Uint8Array, opts: ZlibOptions) => d(buf, opts), { label });
const DECODERS: ReadonlyMap<string, Decoder> = new Map<string, Decoder>([
  ['gzip', labelled('gzip', gunzipSync)], ['x-gzip', labelled('gzip', gunzipSync)],
  ['deflate', labelled('deflate', inflateEither)], ['br', labelled('br', brotliDecompressSync)],
]);

/** Registered codings we do not decode, named in the refusal; any other token is "an unknown one". */
const NAMED_CODINGS = new Set(['compress', 'x-compress', 'zstd', 'exi', 'pack200-gzip', 'dcb', 'dcz', 'aes128gcm']);
/** A body is decompressed at most this many times (each capped at the limit): no coding chains. */
const MAX_CODINGS = 2;

const tokens = (header: string | undefined): string[] =>
  (header ?? '').split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== '' && t !== 'identity');

/**
 * The codings to undo, in order. Node's parser undoes only `chunked` (always last on a request);
 * codings before it (`Transfer-Encoding: gzip, chunked`) are still on the bytes, applied after the
 * Content-Encoding: they are undone first, last applied first, then the Content-Encoding's.
 */
function codingsOf(c: Context): Decoder[] {
  const transfer = tokens(c.req.header('transfer-encoding')).filter((t) => t !== 'chunked');
  const content = tokens(c.req.header('content-encoding'));
  if (transfer.length + content.length > MAX_CODINGS) throw new PhiwallError('PW_ERR_TOO_MANY_CODINGS', { limit: MAX_CODINGS });
  const decoders = transfer.reverse().map((t) => {
    const d = DECODERS.get(t);
    if (!d) throw new PhiwallError('PW_ERR_UNSUPPORTED_TRANSFER_CODING', { coding: NAMED_CODINGS.has(t) ? t : '(an unknown coding)' });
    return d;
  });
  for (const t of content.reverse()) {
    const d = DECODERS.get(t);
    if (!d) throw new PhiwallError('PW_ERR_UNSUPPORTED_ENCODING');
    decoders.push(d);
  }
  return decoders;
}

/**
 * Undoes the body's codings (server-side SDKs gzip batches; some proxies gzip the transfer).
 * Each decompressed size is capped at `limit` too, so a small bomb stops at the limit instead of
 * filling memory.
 */
function decode(c: Context, raw: Uint8Array, limit: number): Uint8Array {
  let bytes = raw;
  for (const decoder of codingsOf(c)) {
    if (bytes.byteLength === 0) return bytes;
    try {
      bytes = decoder(bytes, { maxOutputLength: limit });
    } catch (err) {
      if (errorCode(err) === 'ERR_BUFFER_TOO_LARGE') throw new PhiwallError('PW_ERR_BODY_TOO_LARGE', { limit });
      throw new PhiwallError('PW_ERR_BAD_ENCODING', { encoding: decoder.label });
    }
  }
  return bytes;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** One decoder per WHATWG label a client named (a fixed set: an unknown label is refused, not kept). */
const CHARSET_DECODERS = new Map<string, TextDecoder>();
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/**
 * The body's text in the charset its Content-Type names (UTF-8 when none, as JSON and gtag.js
 * send), decoded strictly: a byte that is not in that charset refuses the request (400) rather
 * than becoming U+FFFD, which would turn `José` into `Jos\uFFFD` and a name or an email the
 * detectors know into text they do not. A BOM is dropped.
 */
function decodeText(c: Context, bytes: Uint8Array): string {
  const label = CHARSET.exec(c.req.header('content-type') ?? '')?.[1]?.toLowerCase();
  const decoder = label === undefined || label === 'utf-8' || label === 'utf8' ? UTF8 : decoderFor(label);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new PhiwallError('PW_ERR_BAD_CHARSET', { what: 'body', charset: decoder.encoding });
  }
}

function decoderFor(label: string): TextDecoder {
  let decoder = CHARSET_DECODERS.get(label);
  if (decoder) return decoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new PhiwallError('PW_ERR_UNSUPPORTED_CHARSET');
  }
  CHARSET_DECODERS.set(label, decoder);
  return decoder;
}

/** Reads a body as text within `limit` bytes (raw and decompressed), in its declared charset. */
export async function readBoundedText(c: Context, limit: number): Promise<string> {
  return decodeText(c, decode(c, await readRaw(c, limit), limit));
}

/**
 * Reads a JSON body within `limit` bytes; errors never quote the body. Lone surrogates
 * (`"\ud800"` escapes) become U+FFFD here, before anything reads the value (common/well-formed.ts).
 */
export async function readBoundedJson(c: Context, limit: number): Promise<JsonValue> {
  const text = await readBoundedText(c, limit);
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    throw new PhiwallError('PW_ERR_MALFORMED_JSON');
  }
  return mayHoldSurrogate(text) ? makeWellFormed(value) : value;
}
