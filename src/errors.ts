// A catalogue of errors, each with a stable code and an HTTP status. Messages name
// fields, limits and counts, never values (values may be PHI).
export const ERROR_CATALOGUE = {
  PW_ERR_BODY_TOO_LARGE: { status: 413, message: 'request body exceeds the limit of {limit} bytes' },
  PW_ERR_EVENT_TOO_LARGE: { status: 413, message: 'event exceeds the limit of {limit} bytes' },
  PW_ERR_MALFORMED_JSON: { status: 400, message: 'body is not valid JSON' },
  PW_ERR_UNSUPPORTED_MEDIA: { status: 415, message: 'content-type must be application/json or text/plain' },
  PW_ERR_UNSUPPORTED_ENCODING: { status: 415, message: 'content-encoding must be gzip, deflate, br or identity' },
  PW_ERR_UNSUPPORTED_TRANSFER_CODING: { status: 400, message: 'transfer-encoding {coding} is not supported: send chunked, after gzip, deflate or br if compressed' },
  PW_ERR_TOO_MANY_CODINGS: { status: 400, message: 'more than {limit} content and transfer codings on one body' },
  PW_ERR_BAD_ENCODING: { status: 400, message: 'body is not valid {encoding} data' },
  PW_ERR_BAD_CHARSET: { status: 400, message: '{what} is not valid {charset} text (send UTF-8, or name the charset in Content-Type)' },
  PW_ERR_UNSUPPORTED_CHARSET: { status: 415, message: 'the charset in Content-Type is not one the collector reads (send UTF-8)' },
  PW_ERR_BODY_INCOMPLETE: { status: 400, message: 'request body was cut short or could not be read' },
  PW_ERR_METHOD_NOT_ALLOWED: { status: 405, message: 'method not allowed on this route' },
  PW_ERR_TOO_DEEP: { status: 400, message: 'nesting depth exceeds the limit of {limit}' },
  PW_ERR_TOO_MANY_KEYS: { status: 400, message: 'distinct key names exceed the limit of {limit}' },
  PW_ERR_FORBIDDEN_KEY: { status: 400, message: 'forbidden key name at {path}' },
  PW_ERR_INVALID_EVENT: { status: 400, message: 'invalid event: {detail}' },
  PW_ERR_NO_EVENTS: { status: 400, message: 'no valid event in the request' },
  PW_ERR_UNAUTHORIZED: { status: 401, message: 'unknown or missing write key' },
  PW_ERR_FORBIDDEN: { status: 403, message: '{detail}' },
  PW_ERR_NOT_FOUND: { status: 404, message: 'no route {detail}' },
  PW_ERR_SPOOL_FULL: { status: 503, message: 'spool is full; retry later' },
  PW_ERR_SPOOL_UNAVAILABLE: { status: 503, message: 'spool is unavailable; retry later' },
  PW_ERR_STORAGE_LOST: { status: 503, message: 'the storage connection was lost; retry later' },
  PW_ERR_AUDIT_UNAVAILABLE: { status: 503, message: 'the audit log cannot take records now ({detail}); nothing was done; retry later' },
  PW_ERR_AUDIT_PENDING: { status: 503, message: 'the action took effect, but its audit record is not written yet (queued; written once the audit store is reachable); check the state before retrying' },
  PW_ERR_CONFIG: { status: 500, message: '{detail}' },
  PW_ERR_RATE_LIMITED: { status: 429, message: 'rate limit exceeded' },
  PW_ERR_INVALID_BODY: { status: 400, message: 'invalid request: {detail}' },
  PW_ERR_ADMIN_UNAUTHORIZED: { status: 401, message: 'missing or unknown admin API key (Authorization: Bearer <key>)' },
  PW_ERR_ADMIN_FORBIDDEN: { status: 403, message: 'role {role} may not call {route} (needs {needed})' },
  PW_ERR_INVALID_CONVERSION: { status: 400, message: 'invalid conversion: {detail}' },
  PW_ERR_NO_ATTRIBUTION: { status: 404, message: 'no aggregate destination with attribution is configured' },
  PW_ERR_REPLAY_REFUSED: { status: 409, message: 'replay refused: {reason}; the dead letters stay' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class PhiwallError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    const entry = ERROR_CATALOGUE[code];
    super(entry.message.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')));
    this.name = 'PhiwallError';
    this.code = code;
    this.status = entry.status;
    this.params = params;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/**
 * A SQLite file under --data that cannot be opened (corrupt, not a database, read-only, a
 * directory): the collector refuses to start, and says which file, with SQLite's own code.
 */
export class StorageFileError extends Error {
  readonly code: string;
  constructor(readonly path: string, cause: unknown) {
    const code = String((cause as { code?: unknown }).code ?? 'error');
    super(`cannot open ${path}: ${(cause as Error).message} (${code})`);
    this.name = 'StorageFileError';
    this.code = code;
  }
}

/** A configuration problem, located in a file. */
export class ConfigError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(issues.join('\n'));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/**
 * What a caught error is, for logs and reports: its code (a driver's SQLSTATE, a Node errno,
 * a PhiwallError code), else its class name. Never its message, which may quote values or a URL.
 */
export const errorCode = (err: unknown): string => String((err as { code?: unknown }).code ?? (err as Error).name ?? 'error');

/** What a zod issue carries that an error detail may use. */
interface SchemaIssue { readonly path: readonly PropertyKey[]; readonly code: string; readonly message: string }

/**
 * A request's schema failures as `path: problem` for an error detail. zod's unknown-key message
 * quotes the keys, which are client text (a key can be an email), so that one is named, not quoted.
 */
export function issuesDetail(issues: readonly SchemaIssue[], root: string, limit = 5): string {
  return issues.slice(0, limit).map((i) => `${i.path.map(String).join('.') || root}: ${i.code === 'unrecognized_keys' ? 'unknown key(s)' : i.message}`).join('; ');
}
