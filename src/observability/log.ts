import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs. Callers pass ids, names and counts only, never event values; the
 * redact list is a second line of defence for fields that must never appear.
 */
export function createLogger(level = process.env.PHIWALL_LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'phiwall' },
    redact: { paths: ['payload', 'body', 'event', 'properties', 'traits', 'headers', 'url', 'ip', 'email', '*.payload', '*.body'], censor: '[omitted]' },
  });
}

export type { Logger };
