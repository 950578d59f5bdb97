import { pino, type Logger } from 'pino';
import { ConfigError } from '../errors.js';

// Checked by hand, not with zod: the cluster primary's small bundle loads this and no zod.
const LEVELS: ReadonlySet<string> = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * Structured JSON logs. Callers pass ids, names and counts only, never event values; the
 * redact list is a second line of defence for fields that must never appear.
 */
export function createLogger(level = process.env.PHIWALL_LOG_LEVEL || 'info'): Logger {
  if (!LEVELS.has(level)) throw new ConfigError([`PHIWALL_LOG_LEVEL: must be one of ${[...LEVELS].join(', ')}`]);
  return pino({
    level,
    base: { service: 'phiwall' },
    redact: { paths: ['payload', 'body', 'event', 'properties', 'traits', 'headers', 'url', 'ip', 'email', '*.payload', '*.body'], censor: '[omitted]' },
  });
}

export type { Logger };
