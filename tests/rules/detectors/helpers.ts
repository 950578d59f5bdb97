import { expect } from 'vitest';
import type { Detection, ValueDetector } from '../../../src/rules/detectors/index.js';

/** The substrings a single detector reports, in text order. */
export function matches(detector: ValueDetector, text: string): string[] {
  const out: Detection[] = [];
  detector.find(text, out);
  return out.sort((a, b) => a.start - b.start).map((d) => text.slice(d.start, d.end));
}

/** Appends a Luhn check digit to a digit string. */
export function withLuhnDigit(body: string): string {
  for (let check = 0; check <= 9; check++) {
    const candidate = body + String(check);
    let sum = 0;
    for (let i = candidate.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
      let d = candidate.charCodeAt(i) - 48;
      if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** The first detection that is out of bounds, empty, unsorted or overlapping, if any. */
function malformed(text: string, found: readonly Detection[]): Detection | undefined {
  let prevEnd = 0;
  for (const d of found) {
    const ok =
      Number.isInteger(d.start) && Number.isInteger(d.end) && d.start >= prevEnd && d.end > d.start && d.end <= text.length;
    if (!ok) return d;
    prevEnd = d.end;
  }
  return undefined;
}

export function assertWellFormed(text: string, found: readonly Detection[]): void {
  expect(malformed(text, found)).toBeUndefined();
}
