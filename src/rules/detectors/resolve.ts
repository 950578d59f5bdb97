import type { Detection, ValueDetector } from './types.js';
import { isDigit } from './scan.js';

/** Non-overlapping detections sorted by start, with the index of the detector that made each. */
export interface Resolved {
  detections: Detection[];
  owners: number[];
}

// Scratch buffers reused across calls: resolution is synchronous and not re-entrant, and the
// common case (nothing found) should allocate nothing.
const raw: Detection[] = [];
const owner: number[] = [];

function collect(text: string, detectors: readonly ValueDetector[], site: string): number {
  // Setting an array's length is a runtime call even when it changes nothing (most texts leave both empty).
  if (raw.length !== 0) raw.length = 0;
  if (owner.length !== 0) owner.length = 0;
  for (let i = 0; i < detectors.length; i++) {
    const mark = raw.length;
    try {
      detectors[i].find(text, raw, site);
    } catch {
      // Same fail-closed rule as the built-ins (define.ts), for custom detectors that break the contract.
      raw.length = mark;
      raw.push({ start: 0, end: text.length, kind: detectors[i].kind });
    }
    while (owner.length < raw.length) owner.push(i);
  }
  // Custom detectors are not trusted to report sane spans.
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const d = raw[i];
    if (Number.isInteger(d.start) && Number.isInteger(d.end) && d.start >= 0 && d.end <= text.length && d.start < d.end) {
      raw[n] = d;
      owner[n] = owner[i];
      n++;
    }
  }
  raw.length = n;
  owner.length = n;
  return n;
}

function take(indices: readonly number[]): Resolved {
  return { detections: indices.map((i) => raw[i]), owners: indices.map((i) => owner[i]) };
}

/**
 * Runs `detectors` and resolves overlaps: specific kinds before `fallbackKinds`, then the longer
 * span, then the detector listed first. A fallback span that collides is not dropped whole: its
 * unclaimed stretches are rescanned (see `refill`).
 */
export function resolveDetections(
  text: string,
  detectors: readonly ValueDetector[],
  fallbackKinds: ReadonlySet<string>,
  site = '',
): Resolved {
  const n = collect(text, detectors, site);
  if (n === 0) return { detections: [], owners: [] };

  const byStart: number[] = [];
  for (let i = 0; i < n; i++) byStart.push(i);
  byStart.sort((a, b) => raw[a].start - raw[b].start || owner[a] - owner[b]);
  // Usual case: detectors agree (or only one hit), so there is nothing to arbitrate.
  let maxEnd = 0;
  let overlap = false;
  for (const i of byStart) {
    if (raw[i].start < maxEnd) {
      overlap = true;
      break;
    }
    maxEnd = raw[i].end;
  }
  if (!overlap) return take(byStart);

  const fallback = (i: number): number => (fallbackKinds.has(raw[i].kind) ? 1 : 0);
  const order = byStart.slice().sort((a, b) => {
    const f = fallback(a) - fallback(b);
    if (f !== 0) return f;
    const len = raw[b].end - raw[b].start - (raw[a].end - raw[a].start);
    return len !== 0 ? len : owner[a] - owner[b] || raw[a].start - raw[b].start;
  });
  return claimInOrder(text, site, detectors, order, fallback);
}

/** Claims spans in `order` (see resolveDetections), the kept ones sorted by their start. */
function claimInOrder(text: string, site: string, detectors: readonly ValueDetector[], order: readonly number[], fallback: (i: number) => number): Resolved {
  // Per-character claim map: each check and mark is O(span), so the whole pass is linear in the
  // total length of all detections rather than quadratic in their number.
  // Each claimed character holds its detector's index + 1 (0: free), so a span overlapping one of its own kind is known.
  const claimed = claimMap(text.length);
  const kept: Detection[] = [];
  const keptOwners: number[] = [];
  for (const i of order) {
    const d = raw[i];
    if (isFree(claimed, d.start, d.end)) {
      claimed.fill(owner[i] + 1, d.start, d.end);
      kept.push(d);
      keptOwners.push(owner[i]);
    } else if (fallback(i) === 1) {
      // A run of 20 digits or more is one account's number (a Polish NRB, an IBAN's body without its country: `61 1090 1014 0000
      // 0712 1981 2874`) even where a card's 16 claim its middle: the rest goes with it, not only what qualifies alone.
      if (digitCount(text, d.start, d.end) >= ACCOUNT_RUN) keepRest(claimed, d, owner[i], kept, keptOwners, text);
      else refill(text, site, detectors[owner[i]], owner[i], d, claimed, kept, keptOwners);
    } else if (onlyOwnOverlap(claimed, d, owner[i] + 1)) {
      // Two readings of one detector overlapping (`Congratulations, Jane` read as `Surname, Given` and `Jane Doe` addressed after
      // the comma): both were found, so their union goes, not the longer alone (which left `Doe`).
      keepRest(claimed, d, owner[i], kept, keptOwners);
    }
  }
  const idx = kept.map((_, i) => i).sort((a, b) => kept[a].start - kept[b].start);
  return { detections: idx.map((i) => kept[i]), owners: idx.map((i) => keptOwners[i]) };
}

const ACCOUNT_RUN = 20;

// The claim map's buffer, reused (most texts with an overlap are short): only [0, text.length) is read, zeroed first.
let claimBuffer = new Uint16Array(512);

function claimMap(length: number): Uint16Array {
  if (claimBuffer.length < length) claimBuffer = new Uint16Array(Math.max(length, claimBuffer.length * 2));
  claimBuffer.fill(0, 0, length);
  return claimBuffer;
}

function digitCount(text: string, start: number, end: number): number {
  let n = 0;
  for (let p = start; p < end; p++) if (isDigit(text.charCodeAt(p))) n++;
  return n;
}

function isFree(claimed: Uint16Array, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (claimed[p] !== 0) return false;
  return true;
}

/** Whether every claimed character under `d` is claimed by the detector marked `mark` (d's own). */
function onlyOwnOverlap(claimed: Uint16Array, d: Detection, mark: number): boolean {
  for (let p = d.start; p < d.end; p++) if (claimed[p] !== 0 && claimed[p] !== mark) return false;
  return true;
}

/** Keeps the stretches of `d` no detection claimed yet, as detections of its kind (given the text, `digitsIn`: each from its first digit to its last). */
function keepRest(claimed: Uint16Array, d: Detection, detectorIndex: number, kept: Detection[], keptOwners: number[], digitsIn?: string): void {
  forEachFreeStretch(claimed, d, (from, to) => {
    let a = from, p = to;
    if (digitsIn !== undefined) { while (a < p && !isDigit(digitsIn.charCodeAt(a))) a++; while (p > a && !isDigit(digitsIn.charCodeAt(p - 1))) p--; }
    if (a === p) return;
    claimed.fill(detectorIndex + 1, a, p);
    kept.push({ start: a, end: p, kind: d.kind });
    keptOwners.push(detectorIndex);
  });
}

/** Calls `visit` with each stretch of `d` no detection has claimed, left to right. */
function forEachFreeStretch(claimed: Uint16Array, d: Detection, visit: (start: number, end: number) => void): void {
  let p = d.start;
  while (p < d.end) {
    while (p < d.end && claimed[p] !== 0) p++;
    const a = p;
    while (p < d.end && claimed[p] === 0) p++;
    if (p === a) break;
    visit(a, p);
  }
}

/**
 * A fallback match overlapping a specific one (`1234567893 1234567890`: NPI + a bad number) must
 * not vanish whole: each unclaimed stretch is rescanned by the same detector, so a remainder that
 * still qualifies on its own is kept.
 */
function refill(
  text: string,
  site: string,
  detector: ValueDetector,
  detectorIndex: number,
  d: Detection,
  claimed: Uint16Array,
  kept: Detection[],
  keptOwners: number[],
): void {
  forEachFreeStretch(claimed, d, (a, p) => {
    const found: Detection[] = [];
    try {
      detector.find(text.slice(a, p), found, site);
    } catch {
      found.length = 0;
      found.push({ start: 0, end: p - a, kind: detector.kind });
    }
    for (const f of found) {
      const start = f.start + a;
      const end = f.end + a;
      if (start >= a && end <= p && start < end && isFree(claimed, start, end)) {
        claimed.fill(detectorIndex + 1, start, end);
        kept.push({ start, end, kind: f.kind });
        keptOwners.push(detectorIndex);
      }
    }
  });
}
