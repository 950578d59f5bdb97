// Meta Conversions API fake (destinations spec §3, §8): validates every server event the way
// Graph does and rejects the WHOLE request with a Graph error when any one event is invalid.
import { FakeServer, HEX64, isObject, type FakeReply } from './http-fake.js';

const ACTION_SOURCES = new Set(['email', 'website', 'app', 'phone_call', 'chat', 'physical_store', 'system_generated', 'business_messaging', 'other']);
const HASHED = ['em', 'ph', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country', 'external_id'];
const FB_COOKIE = /^fb\.\d\.\d+\.[^.]+(\.[^.]+)?$/;

export interface MetaFakeOptions {
  pixelId?: string;
  accessToken?: string;
  /**
   * Fault injection: event_ids Meta rejects for a reason we do not model (e.g. a policy
   * block). Like any invalid event, one of them fails the whole request.
   */
  poisonEventIds?: ReadonlySet<string>;
}

type Problem = [path: string, message: string, subcode?: number];

function checkUserData(ud: unknown, i: number, website: boolean, out: Problem[]): void {
  if (!isObject(ud) || Object.keys(ud).length === 0) return void out.push([`data[${i}].user_data`, 'at least one customer information parameter']);
  if (website && !ud.client_user_agent) out.push([`data[${i}].user_data.client_user_agent`, 'required for website events']);
  for (const k of HASHED) {
    if (ud[k] === undefined) continue;
    for (const v of ([] as unknown[]).concat(ud[k])) if (typeof v !== 'string' || !HEX64.test(v)) out.push([`data[${i}].user_data.${k}`, 'must be SHA-256 lowercase hex']);
  }
  for (const k of ['fbp', 'fbc']) if (ud[k] !== undefined && !(typeof ud[k] === 'string' && FB_COOKIE.test(ud[k]))) out.push([`data[${i}].user_data.${k}`, 'bad format']);
}

// custom_data product fields (server-event custom data parameters): content_ids strings,
// contents objects with a string id, an integer quantity and a number item_price, num_items an integer.
function checkContents(cd: unknown, i: number, out: Problem[]): void {
  if (!isObject(cd)) return;
  // "Meta's Conversion API does not accept negative value fields" (a CAPI integrator's refund
  // notes, help.smart-modules.com pixel-plus/refund-event: [C]; Meta's own page is silent).
  if (typeof cd.value === 'number' && cd.value < 0) out.push([`data[${i}].custom_data.value`, 'must not be negative']);
  if (cd.content_ids !== undefined && !(Array.isArray(cd.content_ids) && cd.content_ids.every((id) => typeof id === 'string'))) out.push([`data[${i}].custom_data.content_ids`, 'array of strings']);
  if (cd.num_items !== undefined && !Number.isInteger(cd.num_items)) out.push([`data[${i}].custom_data.num_items`, 'integer']);
  if (cd.contents === undefined) return;
  const ok = Array.isArray(cd.contents) && cd.contents.every((c) => isObject(c) && typeof c.id === 'string'
    && (c.quantity === undefined || Number.isInteger(c.quantity)) && (c.item_price === undefined || (typeof c.item_price === 'number' && c.item_price >= 0)));
  if (!ok) out.push([`data[${i}].custom_data.contents`, 'objects with id string, integer quantity, non-negative number item_price']);
}

function checkEvent(e: unknown, i: number, nowS: number, out: Problem[]): void {
  if (!isObject(e)) return void out.push([`data[${i}]`, 'must be an object']);
  if (!e.event_name) out.push([`data[${i}].event_name`, 'required']);
  if (typeof e.event_time !== 'number' || !Number.isInteger(e.event_time)) out.push([`data[${i}].event_time`, 'integer seconds required']);
  else if (nowS - e.event_time > (e.action_source === 'physical_store' ? 62 : 7) * 86400) out.push([`data[${i}].event_time`, 'too old', 2804003]);
  else if (e.event_time - nowS > 600) out.push([`data[${i}].event_time`, 'in the future']);
  if (typeof e.action_source !== 'string' || !ACTION_SOURCES.has(e.action_source)) out.push([`data[${i}].action_source`, 'invalid']);
  const website = e.action_source === 'website';
  if (website && !e.event_source_url) out.push([`data[${i}].event_source_url`, 'required for website events']);
  checkUserData(e.user_data, i, website, out);
  checkContents(e.custom_data, i, out);
  if (e.event_name === 'Purchase') {
    const cd = isObject(e.custom_data) ? e.custom_data : {};
    if (typeof cd.value !== 'number' || typeof cd.currency !== 'string') out.push([`data[${i}].custom_data`, 'Purchase requires value and currency', 2804019]);
  }
}

export function validateMetaBody(body: unknown): Problem[] {
  const data = isObject(body) ? body.data : undefined;
  if (!Array.isArray(data) || data.length === 0) return [['data', 'required']];
  const out: Problem[] = [];
  if (data.length > 1000) out.push(['data', 'more than 1000 events']);
  const nowS = Date.now() / 1000;
  data.forEach((e, i) => checkEvent(e, i, nowS, out));
  return out;
}

function graphError(code: number, message: string, extra: Record<string, unknown> = {}): FakeReply {
  return { status: 400, body: { error: { message, type: 'OAuthException', code, is_transient: false, fbtrace_id: 'AbCdEfFake', ...extra } } };
}

export function startMetaFake(options: MetaFakeOptions = {}): Promise<FakeServer> {
  return FakeServer.start((req): FakeReply => {
    const route = /^\/v\d+\.\d+\/([^/]+)\/events\/?$/.exec(req.path);
    if (req.method !== 'POST' || !route) return { status: 404, body: { error: { message: 'Unknown path components', code: 2500 } } };
    if (options.accessToken && req.query.access_token !== options.accessToken) {
      req.errors.push('access_token: invalid');
      return graphError(190, 'Invalid OAuth access token - Cannot parse access token');
    }
    if (options.pixelId && route[1] !== options.pixelId) {
      req.errors.push('pixel: unknown');
      return graphError(100, `Unsupported post request. Object with ID '${route[1]}' does not exist`, { type: 'GraphMethodException', error_subcode: 33 });
    }
    if (req.json === undefined) return graphError(100, 'Invalid parameter', { error_subcode: 2804050 });
    const problems = validateMetaBody(req.json);
    const data = isObject(req.json) && Array.isArray(req.json.data) ? req.json.data : [];
    data.forEach((e, i) => {
      if (isObject(e) && options.poisonEventIds?.has(String(e.event_id))) problems.push([`data[${i}]`, 'event rejected', 2804050]);
    });
    req.errors.push(...problems.map(([p, m]) => `${p}: ${m}`));
    if (problems.length) {
      const subcode = problems.find((p) => p[2] !== undefined)?.[2] ?? 2804050;
      return graphError(100, 'Invalid parameter', { error_subcode: subcode, error_user_title: 'Invalid event', error_user_msg: problems.map((p) => `${p[0]}: ${p[1]}`).join('; ').slice(0, 500) });
    }
    return { status: 200, body: { events_received: data.length, messages: [], fbtrace_id: 'AbCdEfFake' } };
  });
}

/** Server events the fake accepted. */
export function acceptedMetaEvents(fake: FakeServer): Record<string, unknown>[] {
  return fake
    .handled()
    .filter((r) => r.errors.length === 0 && isObject(r.json) && Array.isArray(r.json.data))
    .flatMap((r) => ((r.json as { data: unknown[] }).data).filter(isObject));
}
