// Segment HTTP Tracking API fake (destinations spec §5.1, §8): long and short paths, JSON or
// text/plain, Basic or body writeKey. Only size and JSON problems answer 400; everything else
// answers 200 and is merely recorded (the real service reports it in the Debugger only).
import { FakeServer, isObject, type FakeReply, type RecordedRequest } from './http-fake.js';

export interface SegmentFakeOptions {
  writeKey?: string;
}

const PATHS = /^\/v1\/(batch|b|track|t|page|p|identify|i|screen|s|group|g|alias|a)$/;
const TYPES = new Set(['track', 'page', 'identify', 'screen', 'group', 'alias']);

function writeKeyOf(req: RecordedRequest): string | undefined {
  const basic = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
  if (basic) return Buffer.from(basic, 'base64').toString('utf8').replace(/:$/, '');
  return isObject(req.json) && typeof req.json.writeKey === 'string' ? req.json.writeKey : undefined;
}

/** [fatal (400) problems, recorded-only problems]. */
export function validateSegment(req: RecordedRequest, isBatch: boolean): [string[], string[]] {
  if (Buffer.byteLength(req.raw) > 500 * 1024) return [['body: batch over 500 KB'], []];
  const body = req.json;
  const items = isBatch ? (isObject(body) && Array.isArray(body.batch) ? body.batch : undefined) : [body];
  if (!items) return [['batch: required'], []];
  const fatal: string[] = [];
  const soft: string[] = [];
  if (items.length > 2500) soft.push('batch: over 2500 events (silently dropped)');
  items.forEach((e, i) => {
    if (Buffer.byteLength(JSON.stringify(e)) > 32 * 1024) fatal.push(`batch[${i}]: event over 32 KB`);
    if (!isObject(e)) return void soft.push(`batch[${i}]: not an object`);
    if (isBatch && !TYPES.has(String(e.type))) soft.push(`batch[${i}].type: invalid`);
    if (!e.userId && !e.anonymousId) soft.push(`batch[${i}]: no_user_anon_id`);
    if (e.type === 'track' && !e.event) soft.push(`batch[${i}].event: required for track`);
    // Per-type required fields (spec §5.1): group needs groupId, alias previousId and userId.
    if (e.type === 'group' && !e.groupId) soft.push(`batch[${i}].groupId: required for group`);
    if (e.type === 'alias' && (!e.previousId || !e.userId)) soft.push(`batch[${i}]: alias needs previousId and userId`);
    if (typeof e.messageId === 'string' && e.messageId.length >= 100) soft.push(`batch[${i}].messageId: over 100 chars`);
  });
  return [fatal, soft];
}

export function startSegmentFake(options: SegmentFakeOptions = {}): Promise<FakeServer> {
  return FakeServer.start((req): FakeReply => {
    const route = PATHS.exec(req.path);
    if (req.method !== 'POST' || !route) return { status: 404, body: { error: 'not found' } };
    if (req.json === undefined) return { status: 400, body: { error: 'Invalid JSON' } };
    const [fatal, soft] = validateSegment(req, route[1] === 'batch' || route[1] === 'b');
    if (options.writeKey && writeKeyOf(req) !== options.writeKey) soft.push('writeKey: unknown');
    req.errors.push(...fatal, ...soft);
    return fatal.length ? { status: 400, body: { error: fatal.join('; ') } } : { status: 200, body: { success: true } };
  });
}

export function acceptedSegmentMessages(fake: FakeServer): Record<string, unknown>[] {
  return fake
    .handled()
    .filter((r) => r.errors.length === 0 && isObject(r.json))
    .flatMap((r) => (Array.isArray((r.json as { batch?: unknown }).batch) ? ((r.json as { batch: unknown[] }).batch) : [r.json]).filter(isObject));
}
