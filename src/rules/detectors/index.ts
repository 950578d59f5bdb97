import { bearerDetector, jwtDetector } from './tokens.js';
import { creditCardDetector } from './credit-card.js';
import { dateDetector } from './date.js';
import { deaDetector } from './dea.js';
import { emailDetector } from './email.js';
import { ipDetector } from './ip.js';
import { labelledIdDetector } from './labelled-id.js';
import { longNumberDetector } from './long-number.js';
import { mbiDetector } from './mbi.js';
import { npiDetector } from './npi.js';
import { phoneDetector } from './phone.js';
import { ssnDetector } from './ssn.js';
import { streetAddressDetector } from './street-address.js';
import { urlDetector } from './url.js';
import { codeLikeDetector } from './code-like.js';
import { uuidDetector } from './uuid.js';
import { vinDetector } from './vin.js';
import { resolveDetections } from './resolve.js';
import { ssnPartialDetector } from './ssn-partial.js';
import { partialDateDetector } from './partial-date.js';
import { spokenDateDetector } from './spoken-date.js';
import { dayMonthDetector } from './day-month.js';
import { kvnrDetector } from './health-number.js';
import { mrzDetector } from './mrz.js';
import { personNameDetector } from './person-name.js';
import { macDetector } from './mac.js';
import { geoDetector } from './geo.js';
import { photoPathDetector } from './photo-path.js';
import { phoneLocalDetector } from './phone-local.js';
import { phoneVanityDetector } from './phone-vanity.js';
import { zipDetector } from './zip.js';
import { postcodeDetector } from './postcode.js';
import { geocodeDetector } from './geocode.js';
import { ageOver89Detector } from './age.js';
import { spelledIdDetector } from './spelled-id.js';
import { lookalikeNumberDetector } from './lookalike-number.js';
import { onlineHandleDetector } from './online-handle.js';
import type { Detection, ValueDetector } from './types.js';

export type { Detection, ValueDetector } from './types.js';
export { deaValid, luhnValid, mbiValid, npiValid, ssnValid, vinCheckDigitValid } from './checksums.js';
export {
  ageOver89Detector,
  bearerDetector,
  creditCardDetector,
  dateDetector,
  dayMonthDetector,
  deaDetector,
  emailDetector,
  geoDetector,
  geocodeDetector,
  ipDetector,
  jwtDetector,
  kvnrDetector,
  labelledIdDetector,
  longNumberDetector,
  lookalikeNumberDetector,
  macDetector,
  mbiDetector,
  mrzDetector,
  npiDetector,
  onlineHandleDetector,
  partialDateDetector,
  personNameDetector,
  phoneDetector,
  phoneLocalDetector,
  phoneVanityDetector,
  photoPathDetector,
  postcodeDetector,
  spelledIdDetector,
  spokenDateDetector,
  ssnDetector,
  ssnPartialDetector,
  streetAddressDetector,
  urlDetector,
  uuidDetector,
  vinDetector,
  zipDetector,
};

/**
 * Every built-in detector. The order is the tie-break when two detections cover the same span (a
 * handle after `IG:` is the online_handle's `[HANDLE]`, though the email detector finds it too):
 * containers first (a URL holds emails), then labelled and checksum-validated identifiers, then
 * pattern-only ones, and the long-number safety net last.
 */
export const ALL_DETECTORS: readonly ValueDetector[] = Object.freeze([
  onlineHandleDetector,
  emailDetector,
  urlDetector,
  jwtDetector,
  bearerDetector,
  uuidDetector,
  labelledIdDetector,
  kvnrDetector,
  mrzDetector,
  ssnDetector,
  ssnPartialDetector,
  spelledIdDetector,
  lookalikeNumberDetector,
  creditCardDetector,
  npiDetector,
  deaDetector,
  mbiDetector,
  vinDetector,
  phoneDetector,
  phoneLocalDetector,
  phoneVanityDetector,
  ipDetector,
  macDetector,
  geoDetector,
  geocodeDetector,
  photoPathDetector,
  dateDetector,
  partialDateDetector,
  spokenDateDetector,
  dayMonthDetector,
  ageOver89Detector,
  streetAddressDetector,
  personNameDetector,
  zipDetector,
  postcodeDetector,
  codeLikeDetector,
  longNumberDetector,
]);

export const DETECTORS_BY_KIND: ReadonlyMap<string, ValueDetector> = new Map(
  ALL_DETECTORS.map((d) => [d.kind, d] as const),
);

/** Kinds that only fill gaps: they never displace, or partly survive beside, a specific match. */
const FALLBACK_KINDS: ReadonlySet<string> = new Set([longNumberDetector.kind, codeLikeDetector.kind]);

/**
 * Runs every detector over `text` and returns non-overlapping detections sorted by start. On
 * overlap the longer detection wins, ties go to the detector listed first; fallback kinds
 * (`long_number`) only survive where nothing else matched.
 */
export function findAll(text: string, detectors: readonly ValueDetector[], site = ''): Detection[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  return resolveDetections(text, detectors, FALLBACK_KINDS, site).detections;
}

/**
 * Whether findAll would find anything, without resolving overlaps: resolution always keeps at
 * least one of several valid detections, so the first valid one answers. Same fail-closed rule
 * as collect (resolve.ts): a detector that throws counts as covering the whole text.
 */
export function hasAny(text: string, detectors: readonly ValueDetector[], site = ''): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  const found: Detection[] = [];
  for (const d of detectors) {
    // Setting an array's length is a runtime call even when it changes nothing; most detectors find nothing.
    if (found.length !== 0) found.length = 0;
    try {
      d.find(text, found, site);
    } catch {
      return true;
    }
    for (const f of found) if (Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end <= text.length && f.start < f.end) return true;
  }
  return false;
}

/** How a detection marked `generalize` is rewritten (e.g. a ZIP to its ZIP-3 under the plan's
 * restricted list); undefined falls back to the label. */
export type Generalize = (kind: string, match: string) => string | undefined;

/**
 * Replaces each detection with its detector's label (or its generalised form, see Detection).
 * `kinds` lists each detector kind that hit, once, in order of first occurrence (callers count
 * per kind, not per match).
 */
export function redactText(text: string, detectors: readonly ValueDetector[], generalize?: Generalize, site = ''): { text: string; kinds: string[] } {
  if (typeof text !== 'string' || text.length === 0) return { text, kinds: [] };
  const { detections, owners } = resolveDetections(text, detectors, FALLBACK_KINDS, site);
  if (detections.length === 0) return { text, kinds: [] };
  let result = '';
  let cursor = 0;
  const kinds: string[] = [];
  for (let i = 0; i < detections.length; i++) {
    const d = detections[i];
    const detector = detectors[owners[i]];
    const general = d.generalize && generalize ? generalize(detector.kind, text.slice(d.start, d.end)) : undefined;
    result += text.slice(cursor, d.start) + (general ?? detector.label);
    cursor = d.end;
    if (!kinds.includes(detector.kind)) kinds.push(detector.kind);
  }
  return { text: result + text.slice(cursor), kinds };
}
