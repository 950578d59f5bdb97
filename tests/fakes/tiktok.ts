// TikTok Events API 2.0 fake (destinations spec §4.1): HTTP 200 for nearly everything, with
// the real outcome in the JSON `code` (0 = OK, 40002 = parameter error, 40105 = bad token).
import { FakeServer, HEX64, isObject, type FakeReply } from './http-fake.js';

export interface TikTokFakeOptions {
  pixelCode?: string;
  accessToken?: string;
}

export const TIKTOK_PATH = '/open_api/v1.3/event/track/';

export function validateTikTokBody(body: unknown, pixelCode?: string): string[] {
  const out: string[] = [];
  if (!isObject(body)) return ['body: must be an object'];
  if (!['web', 'app', 'offline', 'crm'].includes(String(body.event_source))) out.push('event_source: invalid');
  if (!body.event_source_id) out.push('event_source_id: required');
  else if (pixelCode && body.event_source_id !== pixelCode) out.push('event_source_id: unknown pixel');
  const data = body.data;
  if (!Array.isArray(data) || data.length === 0) return [...out, 'data: required'];
  if (data.length > 1000) out.push('data: more than 1000 events');
  data.forEach((e, i) => {
    if (!isObject(e) || !e.event) return void out.push(`data[${i}].event: required`);
    if (typeof e.event_time !== 'number' || !Number.isInteger(e.event_time)) out.push(`data[${i}].event_time: integer seconds required`);
    const user = isObject(e.user) ? e.user : {};
    for (const k of ['email', 'phone', 'external_id']) {
      for (const v of ([] as unknown[]).concat(user[k] ?? [])) if (typeof v !== 'string' || !HEX64.test(v)) out.push(`data[${i}].user.${k}: must be SHA-256 hex`);
    }
    // properties.contents (Events API 2.0): objects with a string content_id, a number price, an integer quantity.
    const contents = isObject(e.properties) ? e.properties.contents : undefined;
    if (contents !== undefined && !(Array.isArray(contents) && contents.every((c) => isObject(c) && typeof c.content_id === 'string'
      && (c.price === undefined || typeof c.price === 'number') && (c.quantity === undefined || Number.isInteger(c.quantity))))) out.push(`data[${i}].properties.contents: invalid`);
  });
  return out;
}

export function startTikTokFake(options: TikTokFakeOptions = {}): Promise<FakeServer> {
  return FakeServer.start((req): FakeReply => {
    if (req.method !== 'POST' || !req.path.startsWith('/open_api/v1.3/event/track')) return { status: 404, body: { code: 40400, message: 'not found' } };
    if (options.accessToken && req.headers['access-token'] !== options.accessToken) {
      req.errors.push('Access-Token: invalid');
      return { status: 200, body: { code: 40105, message: 'Access token is incorrect or has been revoked.', request_id: 'fake' } };
    }
    const errors = req.json === undefined ? ['body: invalid JSON'] : validateTikTokBody(req.json, options.pixelCode);
    req.errors.push(...errors);
    if (errors.length) return { status: 200, body: { code: 40002, message: errors.join('; '), request_id: 'fake' } };
    return { status: 200, body: { code: 0, message: 'OK', request_id: 'fake', data: {} } };
  });
}

export function acceptedTikTokEvents(fake: FakeServer): Record<string, unknown>[] {
  return fake
    .handled()
    .filter((r) => r.errors.length === 0 && isObject(r.json) && Array.isArray(r.json.data))
    .flatMap((r) => ((r.json as { data: unknown[] }).data).filter(isObject));
}
