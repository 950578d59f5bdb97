import type { Detection, ValueDetector } from './types.js';

/** The detector-specific scanning routine; may assume `text` is a string. */
/** `site`: the event's site domain (see ValueDetector.find), '' when none. */
export type Scan = (text: string, out: Detection[], kind: string, site: string) => void;

/**
 * Wraps a scan routine into a frozen ValueDetector that upholds the "never throws" contract.
 *
 * If a scan ever throws (a bug, or an engine limit on some unforeseen input), we fail closed:
 * partial results are discarded and the whole text is reported as one detection, so a redactor
 * masks everything rather than forwarding a value we could not inspect.
 */
export function defineDetector(
  kind: string,
  label: string,
  safeHarbor: string,
  scan: Scan,
): ValueDetector {
  return Object.freeze({
    kind,
    label,
    safeHarbor,
    find(text: string, out: Detection[], site = ''): void {
      // Callers hand us parsed JSON; a non-string has nothing to scan, and must not crash the event.
      if (typeof text !== 'string' || text.length === 0) return;
      const mark = out.length;
      try {
        scan(text, out, kind, site);
      } catch {
        out.length = mark;
        out.push({ start: 0, end: text.length, kind });
      }
    },
  });
}
