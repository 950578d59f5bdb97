// Google Ads uploadClickConversions fake (destinations spec §4.2) plus an OAuth2 token endpoint
// at /token. Request-level problems answer 400; per-conversion problems come back per index in
// `partialFailureError` with HTTP 200, as the real API does with partialFailure=true.
import { FakeServer, HEX64, isObject, type FakeReply, type RecordedRequest } from './http-fake.js';

export interface GoogleAdsFakeOptions {
  customerId?: string;
  developerToken?: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  /** Lifetime of issued access tokens, seconds. */
  expiresIn?: number;
}

export const TOKEN_PATH = '/token';
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

interface IndexedError {
  index: number;
  code: string;
  message: string;
}

function conversionErrors(c: unknown, i: number): IndexedError[] {
  const out: IndexedError[] = [];
  const err = (code: string, message: string): void => void out.push({ index: i, code, message });
  if (!isObject(c)) return [{ index: i, code: 'INVALID_ARGUMENT', message: 'not an object' }];
  if (!c.gclid && !c.gbraid && !c.wbraid && !(Array.isArray(c.userIdentifiers) && c.userIdentifiers.length)) err('CLICK_NOT_FOUND', 'click id or user identifiers required');
  // Google's own UploadOfflineConversion examples (Java, PHP, Perl clients): "Set exactly one of gclid, gbraid, or wbraid."
  if ([c.gclid, c.gbraid, c.wbraid].filter((v) => v !== undefined).length > 1) err('VALUE_MUST_BE_UNSET', 'only one of gclid, gbraid and wbraid may be set');
  if (typeof c.gclid === 'string' && !/^[A-Za-z0-9_-]{8,}$/.test(c.gclid)) err('UNPARSEABLE_GCLID', 'The imported gclid could not be decoded.');
  if (!DATE_TIME.test(String(c.conversionDateTime ?? ''))) err('INVALID_ARGUMENT', 'conversionDateTime format yyyy-mm-dd hh:mm:ss+hh:mm');
  if (typeof c.conversionAction !== 'string' || !/^customers\/\d+\/conversionActions\/\d+$/.test(c.conversionAction)) err('NO_CONVERSION_ACTION_FOUND', 'conversion action not found');
  const ids = Array.isArray(c.userIdentifiers) ? c.userIdentifiers : [];
  if (ids.length > 5) err('INVALID_USER_IDENTIFIER', 'max 5 user identifiers');
  for (const u of ids) for (const k of ['hashedEmail', 'hashedPhoneNumber']) if (isObject(u) && u[k] !== undefined && !HEX64.test(String(u[k]))) err('UNHASHED_USER_IDENTIFIER', `${k} must be SHA-256 hex`);
  return out;
}

function partialFailure(errors: IndexedError[]): Record<string, unknown> {
  return {
    code: 3,
    message: errors.map((e) => `${e.message}, at conversions[${e.index}]`).join(', '),
    details: [
      {
        '@type': 'type.googleapis.com/google.ads.googleads.v21.errors.GoogleAdsFailure',
        errors: errors.map((e) => ({
          errorCode: { conversionUploadError: e.code },
          message: e.message,
          location: { fieldPathElements: [{ fieldName: 'conversions', index: e.index }] },
        })),
      },
    ],
  };
}

const googleError = (status: number, code: string, message: string): FakeReply => ({ status, body: { error: { code: status, status: code, message } } });

export class GoogleAdsFake {
  private readonly issued = new Map<string, number>();
  private counter = 0;
  private readonly tokenFaults: number[] = [];
  constructor(readonly options: GoogleAdsFakeOptions) {}

  /** The next `count` token requests answer `status` (the server-level faults skip /token). */
  failNextToken(status: number, count = 1): void {
    for (let i = 0; i < count; i++) this.tokenFaults.push(status);
  }

  tokenRequests(server: FakeServer): RecordedRequest[] {
    return server.requests.filter((r) => r.path === TOKEN_PATH);
  }

  /** Forgets every issued token, as if they were revoked. */
  revokeAll(): void {
    this.issued.clear();
  }

  handle(req: RecordedRequest): FakeReply {
    if (req.method === 'POST' && req.path === TOKEN_PATH) return this.token(req);
    const route = /^\/v\d+\/customers\/(\d+):uploadClickConversions$/.exec(req.path);
    if (req.method !== 'POST' || !route) return googleError(404, 'NOT_FOUND', 'no such fake endpoint');
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const expiry = bearer === undefined ? undefined : this.issued.get(bearer);
    if (expiry === undefined || expiry < Date.now()) return googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
    if (this.options.developerToken && req.headers['developer-token'] !== this.options.developerToken) return googleError(401, 'UNAUTHENTICATED', 'The developer token is not valid.');
    if (this.options.customerId && route[1] !== this.options.customerId) return googleError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
    const body = req.json;
    const cs = isObject(body) ? body.conversions : undefined;
    if (!isObject(body) || body.partialFailure !== true) req.errors.push('partialFailure: must be true');
    if (!Array.isArray(cs) || cs.length === 0) req.errors.push('conversions: required');
    else if (cs.length > 2000) req.errors.push('conversions: TOO_MANY_CONVERSIONS_IN_REQUEST');
    if (req.errors.length) return googleError(400, 'INVALID_ARGUMENT', req.errors.join('; '));
    const errors = (cs as unknown[]).flatMap(conversionErrors);
    req.errors.push(...errors.map((e) => `conversions[${e.index}]: ${e.code}`));
    const failed = new Set(errors.map((e) => e.index));
    const results = (cs as unknown[]).map((c, i) => (failed.has(i) || !isObject(c) ? {} : { gclid: c.gclid, conversionAction: c.conversionAction, conversionDateTime: c.conversionDateTime }));
    return { status: 200, body: errors.length ? { results, partialFailureError: partialFailure(errors) } : { results } };
  }

  private token(req: RecordedRequest): FakeReply {
    const forced = this.tokenFaults.shift();
    if (forced !== undefined) return { status: forced, body: { error: 'temporarily_unavailable', error_description: `forced ${forced}` } };
    const form = new URLSearchParams(req.raw);
    if (form.get('grant_type') !== 'refresh_token' || !form.get('refresh_token') || !form.get('client_id')) return { status: 400, body: { error: 'invalid_request', error_description: 'missing parameter' } };
    const o = this.options;
    if ((o.clientId && form.get('client_id') !== o.clientId) || (o.clientSecret && form.get('client_secret') !== o.clientSecret)) return { status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } };
    if (o.refreshToken && form.get('refresh_token') !== o.refreshToken) return { status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } };
    const expiresIn = o.expiresIn ?? 3599;
    const token = `ya29.fake-access-${++this.counter}-${Date.now()}`;
    this.issued.set(token, Date.now() + expiresIn * 1000);
    return { status: 200, body: { access_token: token, expires_in: expiresIn, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/adwords' } };
  }
}

export async function startGoogleAdsFake(options: GoogleAdsFakeOptions = {}): Promise<{ server: FakeServer; ads: GoogleAdsFake }> {
  const ads = new GoogleAdsFake(options);
  const server = await FakeServer.start((req) => ads.handle(req), { faultExempt: (path) => path === TOKEN_PATH });
  return { server, ads };
}
