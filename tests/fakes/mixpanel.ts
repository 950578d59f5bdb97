// Mixpanel /import fake (destinations spec §6.1): strict-mode validation per record, 400 as a
// partial success naming failed_records by index, 413 over the size limit, 401 on bad auth.
import { FakeServer, isObject, type FakeReply, type RecordedRequest } from './http-fake.js';

export interface MixpanelFakeOptions {
  projectToken?: string;
  serviceAccount?: { user: string; secret: string; projectId: string };
  /** Request size limit in bytes (docs disagree: 10 MB now, 2 MB on older pages). */
  maxBytes?: number;
}

const PLACEHOLDERS = new Set(['anon', 'anonymous', 'nil', 'none', 'null', 'n/a', 'na', 'undefined', 'unknown', '<nil>', '0', '-1', 'true', 'false', '[]', '{}', '00000000-0000-0000-0000-000000000000']);
const MIN_TIME_S = Date.UTC(1971, 0, 1) / 1000;

interface Failed {
  index: number;
  insert_id: string;
  field: string;
  message: string;
}

function authorized(req: RecordedRequest, o: MixpanelFakeOptions): boolean {
  const basic = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
  if (!basic) return false;
  const [user, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
  if (o.serviceAccount) return user === o.serviceAccount.user && secret === o.serviceAccount.secret && req.query.project_id === o.serviceAccount.projectId;
  return o.projectToken === undefined || (user === o.projectToken && secret === '');
}

function recordProblem(e: unknown): [field: string, message: string] | undefined {
  if (!isObject(e) || typeof e.event !== 'string' || e.event === '') return ['event', "'event' must be a non-empty string"];
  const p = isObject(e.properties) ? e.properties : {};
  const insertId = p.$insert_id;
  if (typeof insertId !== 'string') return ['properties.$insert_id', "'properties.$insert_id' is required in strict mode"];
  if (!/^[A-Za-z0-9-]{1,36}$/.test(insertId) || PLACEHOLDERS.has(insertId.toLowerCase())) return ['properties.$insert_id', "'properties.$insert_id' is invalid"];
  if (typeof p.time !== 'number') return ['properties.time', "'properties.time' is required"];
  const timeS = p.time > 1e11 ? p.time / 1000 : p.time;
  if (timeS < MIN_TIME_S) return ['properties.time', "'properties.time' is before 1971"];
  if (timeS > Date.now() / 1000 + 3600) return ['properties.time', "'properties.time' must not be more than 1 hour in the future"];
  if (typeof p.distinct_id !== 'string' || PLACEHOLDERS.has(p.distinct_id.toLowerCase())) return ['properties.distinct_id', "'properties.distinct_id' is invalid"];
  if (Object.keys(p).length >= 255) return ['properties', 'too many properties'];
  // $merge joins exactly two distinct_ids (identity-merge reference).
  const ids = p.$distinct_ids;
  if (e.event === '$merge' && !(Array.isArray(ids) && ids.length === 2 && ids.every((id) => typeof id === 'string' && id !== '' && !PLACEHOLDERS.has(id.toLowerCase())))) return ['properties.$distinct_ids', "'$merge' needs two valid $distinct_ids"];
  for (const [k, v] of Object.entries(p)) {
    const problem = nestedProblem(v, 0);
    if (problem) return [`properties.${k}`, problem];
  }
  return undefined;
}

/** Nested objects at most 3 deep with < 255 keys, arrays < 255 elements (import-events limits). */
function nestedProblem(v: unknown, depth: number): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  if (depth >= 3) return 'nesting deeper than 3 levels';
  const children = Array.isArray(v) ? v : Object.values(v);
  if (children.length >= 255) return Array.isArray(v) ? 'array of 255 or more elements' : 'object of 255 or more keys';
  for (const c of children) {
    const problem = nestedProblem(c, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

// Profile APIs (/engage user profiles, /groups group profiles; Ingestion API reference): a JSON
// array of updates, each with the project token, its profile's ids and one operation. They answer
// 200 whatever happened; with verbose=1 the body is {status: 1|0, error}.
const PROFILE_OPS = ['$set', '$set_once', '$add', '$union', '$append', '$remove', '$unset', '$delete'];

function profileProblem(u: unknown, path: string, o: MixpanelFakeOptions): string | undefined {
  if (!isObject(u)) return 'update must be an object';
  if (typeof u.$token !== 'string' || (o.projectToken !== undefined && u.$token !== o.projectToken)) return '$token is missing or invalid';
  if (path === '/engage' && (typeof u.$distinct_id !== 'string' || u.$distinct_id === '' || PLACEHOLDERS.has(u.$distinct_id.toLowerCase()))) return '$distinct_id is missing or invalid';
  if (path === '/groups' && (typeof u.$group_key !== 'string' || u.$group_key === '' || (typeof u.$group_id !== 'string' && typeof u.$group_id !== 'number'))) return '$group_key and $group_id are required';
  const ops = PROFILE_OPS.filter((k) => k in u);
  if (ops.length !== 1) return 'exactly one operation per update';
  const set = u[ops[0]];
  if (ops[0] === '$set' && (!isObject(set) || Object.keys(set).length >= 255)) return '$set must be an object of fewer than 255 properties';
  for (const [k, v] of Object.entries(isObject(set) ? set : {})) {
    const problem = nestedProblem(v, 0);
    if (problem) return `$set.${k}: ${problem}`;
  }
  return undefined;
}

function profileReply(req: RecordedRequest, o: MixpanelFakeOptions): FakeReply {
  const verbose = req.query.verbose === '1';
  const updates = req.json;
  const problem = !Array.isArray(updates) ? 'body must be a JSON array of updates' : updates.length > 2000 ? 'more than 2000 updates'
    : updates.map((u) => profileProblem(u, req.path, o)).find((p) => p !== undefined);
  if (problem) req.errors.push(`! ${problem}`);
  if (!verbose) return { status: 200, body: problem ? 0 : 1 };
  return { status: 200, body: { status: problem ? 0 : 1, error: problem ?? null } };
}

export function startMixpanelFake(options: MixpanelFakeOptions = {}): Promise<FakeServer> {
  return FakeServer.start((req): FakeReply => {
    if (req.method === 'POST' && (req.path === '/engage' || req.path === '/groups')) return profileReply(req, options);
    if (req.method !== 'POST' || req.path !== '/import') return { status: 404, body: { error: 'not found' } };
    const reject = (reply: FakeReply): FakeReply => {
      req.errors.push(`* ${JSON.stringify(reply.body)}`);
      return reply;
    };
    if (!authorized(req, options)) return reject({ status: 401, body: { code: 401, error: 'Invalid credentials', status: 'Unauthorized' } });
    const max = options.maxBytes ?? 10 * 1024 * 1024;
    if (Buffer.byteLength(req.raw) > max) return reject({ status: 413, body: { code: 413, error: `request exceeds max limit of ${max} bytes`, status: 'Request Entity Too Large' } });
    const records = req.json;
    if (!Array.isArray(records)) return reject({ status: 400, body: { code: 400, error: 'body must be a JSON array', status: 'Bad Request' } });
    if (records.length > 2000) return reject({ status: 400, body: { code: 400, error: 'too many records (max 2000)', status: 'Bad Request' } });
    const failed: Failed[] = [];
    records.forEach((e, index) => {
      const problem = recordProblem(e);
      const insertId = isObject(e) && isObject(e.properties) ? String(e.properties.$insert_id ?? '') : '';
      if (problem) failed.push({ index, insert_id: insertId, field: problem[0], message: problem[1] });
    });
    req.errors.push(...failed.map((f) => `[${f.index}] ${f.field}: ${f.message}`));
    const imported = records.length - failed.length;
    if (failed.length) return { status: 400, body: { code: 400, error: 'some data points in the request failed validation', status: 'Bad Request', num_records_imported: imported, failed_records: failed } };
    return { status: 200, body: { code: 200, num_records_imported: imported, status: 'OK' } };
  });
}

/** Profile updates a profile API took (`/engage` or `/groups`). */
export function acceptedMixpanelProfiles(fake: FakeServer, path: '/engage' | '/groups'): Record<string, unknown>[] {
  return fake.handled(path).filter((r) => r.errors.length === 0 && Array.isArray(r.json)).flatMap((r) => (r.json as unknown[]).filter(isObject));
}

/** Records Mixpanel imported (a 400 still imports the records not listed as failed). */
export function importedMixpanelRecords(fake: FakeServer): Record<string, unknown>[] {
  return fake.handled('/import').flatMap((r) => {
    if (!Array.isArray(r.json) || r.errors.some((e) => e.startsWith('*'))) return [];
    const failed = new Set(r.errors.map((e) => Number(/^\[(\d+)\]/.exec(e)?.[1])));
    return (r.json as unknown[]).filter((rec, i): rec is Record<string, unknown> => isObject(rec) && !failed.has(i));
  });
}
