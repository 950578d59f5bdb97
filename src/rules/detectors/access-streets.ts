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

// A street named by a number (`Calle Ocho`, `Avenida Quinta`): the digits before it that say the same number name the
// street, not a house on it (`Festival en la 8 Calle Ocho`), and so does a number after an article (`la 8`, `el 5`:
// Spanish names a street so); `1550 Calle Ocho` is still a house on it.
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([['uno', 1], ['una', 1], ['primera', 1], ['primero', 1], ['dos', 2], ['segunda', 2],
  ['segundo', 2], ['tres', 3], ['tercera', 3], ['tercero', 3], ['cuatro', 4], ['cuarta', 4], ['cuarto', 4], ['cinco', 5], ['quinta', 5],
  ['quinto', 5], ['seis', 6], ['sexta', 6], ['sexto', 6], ['siete', 7], ['séptima', 7], ['septima', 7], ['ocho', 8], ['octava', 8],
  ['octavo', 8], ['nueve', 9], ['novena', 9], ['noveno', 9], ['diez', 10], ['décima', 10], ['decima', 10], ['once', 11], ['doce', 12]]);
const LEADING_NUMBER = /^[0-9]+/;
const NAME_WORD = /[ ](\p{Lu}[\p{L}]*)/u;
const ARTICLE_BEFORE = /(?<![\p{L}])(?:la|el)[ ]+$/iu;

function streetNamedByNumber(text: string, at: number, match: string): boolean {
  if (ARTICLE_BEFORE.test(text.slice(Math.max(0, at - 4), at))) return true;
  const word = NAME_WORD.exec(match.slice(match.indexOf(' ', match.indexOf(' ') + 1)))?.[1]?.toLowerCase() ?? '';
  return NUMBER_WORDS.get(word) === Number(LEADING_NUMBER.exec(match)?.[0]);
}

/** Street addresses (B) in the shapes above. */
export function scanAccessStreets(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  for (const shape of [NUMBER_TYPE_RE, CJK_STREET_RE]) {
    const re = resetAt(shape, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (shape === NUMBER_TYPE_RE && streetNamedByNumber(text, m.index, m[0])) continue;
      out.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  }
}
