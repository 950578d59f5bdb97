import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// US street addresses as visitors write them in Spanish, Vietnamese and Chinese (Safe Harbor B): the house number before a
// Spanish or Vietnamese street word and a capitalised name (`4410 Calle Olvera`, `1200 Camino del Sol`, `2718 Đường Tully`),
// and a Chinese street name with its number and `号` (`斯托克顿街1187号`, `唐人街路88號`). street-address.ts reads English
// suffixes and type-first continental addresses (`Calle Mayor 12`).
const NUMBER_TYPE_RE = new RegExp('(?<![\\p{L}\\p{N}.,/-])[0-9]{1,6}[ ]+(?:Calle|Camino|Avenida|Paseo|Calzada|Callej[oó]n|Privada|[ĐđD][uư][oờơ]ng|Ph[ốo])' +
  "[ ]+(?:(?:de|del|la|las|los|el)[ ]+){0,2}\\p{Lu}[\\p{L}'.-]+(?:[ ]+\\p{Lu}[\\p{L}'.-]+){0,2}", 'gu');
const CJK_STREET_RE = /[\u4e00-\u9fff]{1,12}(?:街|路|大道|巷)[0-9]{1,6}(?:号|號)/gu;
const HINT = /Calle|Camino|Avenida|Paseo|Calzada|Callej|Privada|[ĐđD][uư][oờơ]ng|Ph[ốo]|[号號]/;

/** Street addresses (B) in the shapes above. */
export function scanAccessStreets(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  for (const shape of [NUMBER_TYPE_RE, CJK_STREET_RE]) {
    const re = resetAt(shape, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}
