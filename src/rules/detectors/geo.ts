import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// Geocodes (Safe Harbor B: geographic subdivisions smaller than a state): a latitude/longitude
// pair to three or more decimals (about 100 m) names a street, often a house: `42.36012,-71.05891`,
// `lat 42.3601 lon -71.0589`, `geo:42.3601,-71.0589`, GeoJSON's `[-71.0589, 42.3601]` printed as
// text; and degrees-minutes-seconds (`42°21'36.4"N`). Two such decimals side by side are rarely
// anything else; both must be in range (|lat| <= 90 for one of them, |lon| <= 180).
const NUM = '[-+\\u2212]?\\d{1,3}\\.\\d{3,12}';
const PAIR_RE = new RegExp(
  `(?<![\\d.])(${NUM})\\u00b0?[ \\t]*[NSns]?[ \\t]*(?:[,;/]|[ \\t])[ \\t]*(?:(?:lon|lng|long|longitude)[ \\t]*[:=]?[ \\t]*)?(${NUM})\\u00b0?(?!\\d|\\.\\d)`,
  'g',
);
const DMS_RE = /(?<!\d)\d{1,3}\u00b0[ \t]?\d{1,2}['\u2032][ \t]?\d{1,2}(?:\.\d+)?(?:"|\u2033|'')?[ \t]?[NSEWnsew](?![A-Za-z])/g;

const value = (s: string): number => Number(s.replace('\u2212', '-'));

function scan(text: string, out: Detection[], kind: string): void {
  const re = resetAt(PAIR_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const a = Math.abs(value(m[1]));
    const b = Math.abs(value(m[2]));
    if (a > 180 || b > 180 || (a > 90 && b > 90)) { re.lastIndex = m.index + 1; continue; }
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  if (text.indexOf('\u00b0') < 0) return;
  const dms = resetAt(DMS_RE, 0);
  while ((m = dms.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
}

/** Latitude/longitude pairs and DMS coordinates (B). */
export const geoDetector = defineDetector('geo', '[GEO]', 'B', scan);

const decimals = (x: number): number => {
  const s = String(x);
  const dot = s.indexOf('.');
  return dot < 0 || s.indexOf('e') >= 0 ? 0 : s.length - dot - 1;
};

/** Two JSON numbers that read as a coordinate pair (`[42.3601, -71.0589]`, GeoJSON's lon/lat). */
export function coordinatePair(a: unknown, b: unknown): boolean {
  if (typeof a !== 'number' || typeof b !== 'number' || decimals(a) < 3 || decimals(b) < 3) return false;
  const x = Math.abs(a);
  const y = Math.abs(b);
  return x <= 180 && y <= 180 && Math.min(x, y) <= 90;
}
