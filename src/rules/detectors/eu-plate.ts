import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A European registration typed with no label but beside the vehicle it belongs to (`mein Auto (M-KL 4821) steht auf P3`,
// `my car B-MW 1234`, `ma voiture AB-123-CD`, `mi coche 1234 BCD`, `la macchina EX 472 KM`, `auto 7-TKL-42`). Blind pass 52: a
// plate needed a plate's word (`Kennzeichen`, `matrícula`: labelled-id.ts) or the UK's own shape (uk-plate.ts). In capitals:
//  - German: a district of 1-3 letters, 1-2 letters, 1-4 digits (`B-MW 1234`, `HH AB 123`, `M-KL 4821E`);
//  - the dashed three groups of France, the Netherlands, Belgium and Portugal, letters and digits alternating (`AB-123-CD`,
//    `7-TKL-42`, `GZ-429-F`, `1-ABC-234`, `AA-00-AA`), six or seven characters in all;
//  - Italian `EX 472 KM` (two letters, three digits, two letters);
//  - Spanish `1234 BCD` (four digits, three consonants: Spain issues no vowels);
//  - Polish `WA 4821K` (a district's 2-3 letters and 4-5 characters, a digit first).
// Only after a vehicle's or a parked car's word earlier in the same sentence, within 40 characters: these shapes are also a
// product's or a booking's codes (`SKU AB-123-CD`), which no car word comes before.
const PLATE_RE = new RegExp('(?<![\\p{L}0-9-])(?:[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2}[ -]?[1-9][0-9]{0,3}[EH]?' +
  '|[A-Z]{1,3}-[0-9]{1,3}-[A-Z]{1,3}|[0-9]{1,3}-[A-Z]{1,3}-[0-9]{1,3}|[A-Z]{2}-[0-9]{2}-[A-Z]{2}' +
  '|[A-Z]{2} [0-9]{3} [A-Z]{2}|[0-9]{4}[ -]?[B-DF-HJ-NP-TV-Z]{3}|[A-Z]{2,3} [0-9][0-9A-Z]{3,4})(?![\\p{L}0-9-])', 'gu');
const VEHICLE_BEFORE = new RegExp('(?<![\\p{L}])(?:cars?(?![ -]seats?)|autos?|vehicles?|trucks?|van|suv|camper|motorbike|motorcycle|moto|scooter|wagen|fahrzeug|pkw|lkw|' +
  'wohnmobil|voiture|v[ée]hicule|camion(?:nette)?|coche|carro|veh[ií]culo|furgoneta|macchina|veicolo|furgone|voertuig|busje|samoch[oó]d|pojazd|' +
  'araba(?:m|n[ıi]z)?|ara[çc](?:[ıi]m)?|bil(?:en)?|auton|parked|parking|parkplatz|geparkt|gar[ée]e|stationn[ée]e|aparcado|parcheggiat[oa]|geparkeerd)' +
  '(?![\\p{L}])[^.!?\\n]{0,40}$', 'iu');
// A dashed group run of six or seven characters (`AB-123-CD`); longer runs are codes (`ABC-123-XYZ`).
const DASHED = /^[A-Z0-9]{1,3}-[A-Z0-9]{1,3}-[A-Z0-9]{1,3}$/;

/** Whether a capital letter stands beside a digit with at most one space or dash between: the plates' precheck. */
function mayHold(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    const b = text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 45 ? text.charCodeAt(i - 2) : text.charCodeAt(i - 1);
    const a = text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 45 ? text.charCodeAt(i + 2) : text.charCodeAt(i + 1);
    if ((b >= 65 && b <= 90) || (a >= 65 && a <= 90)) return true;
  }
  return false;
}

/** European registrations after a vehicle's word (see above), pushed as `kind`. */
export function scanEuPlates(text: string, out: Detection[], kind: string): void {
  if (text.length < 10 || !mayHold(text)) return;
  const re = resetAt(PLATE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const plate = m[0];
    if (plate.indexOf('-') > 0 && plate.indexOf(' ') < 0 && DASHED.test(plate) && (plate.length < 8 || plate.length > 9)) continue;
    if (VEHICLE_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) out.push({ start: m.index, end: m.index + plate.length, kind });
  }
}
