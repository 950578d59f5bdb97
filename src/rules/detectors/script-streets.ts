import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// Street addresses written in Japanese, Korean and Cyrillic (Safe Harbor B), as patients type them in a form's free text:
//  - Japanese: a ward, city or county (a prefecture before it or not), the town, then the block as `2-8-1`, `2丁目8番1号` or
//    `8番地`: `東京都新宿区西新宿2-8-1`, `大阪市北区梅田3丁目1番3号`. A dash pair followed by a month or day word is a span of
//    dates (`2-3月`), not a block;
//  - Korean: a district (`구`, `군`, `시`; a metropolitan city, province or city before it or not) then a road and its building number (`강남구 테헤란로 152`, `수영구 광안해변로 219-1`),
//    or a neighbourhood and its lot number (`역삼동 123-45`);
//  - Russian and Ukrainian: a street word, its name, then the house (`ул. Ленина, д. 5, кв. 12`, `вул. Хрещатик, буд. 22`).
// Fullwidth digits and dashes are read after folding (text-scanner.ts), so the shapes name ASCII ones.
const JA_BLOCK = '(?:[0-9]{1,4}丁目(?:[0-9]{1,4}(?:番地?|-))?(?:[0-9]{1,4}号?)?|[0-9]{1,4}(?:-[0-9]{1,4}){1,2}(?![0-9月日年時分回階])|[0-9]{1,4}番地?(?:[0-9]{1,4}号?)?)';
const JA_RE = new RegExp(
  `(?:[\\u4e00-\\u9fff]{1,4}[都道府県])?[\\u4e00-\\u9fff\\u3005]{1,6}[市区郡][\\u4e00-\\u9fff\\u3005\\u3040-\\u30ffー]{0,12}?${JA_BLOCK}`, 'gu');
const KO_RE = /(?:[가-힣]{1,10}(?:특별시|광역시|특별자치시|특별자치도|도|시)[ ]?){0,2}[가-힣]{1,10}(?:구|군|시)[ ]?(?:[가-힣0-9]{1,15}(?:로|길)[ ]?[0-9]{1,5}(?:-[0-9]{1,5})?|[가-힣]{1,10}(?:동|리|가)[ ]?[0-9]{1,5}-[0-9]{1,5})(?![0-9])/gu;
const CYRILLIC_STREET = '(?:ул\\.|улица|вул\\.|вулиця|пр-т|просп\\.|проспект|пер\\.|переулок|провулок|ш\\.|шоссе|б-р|бульвар|наб\\.|набережная|пл\\.|площадь)';
const CYRILLIC_HOUSE = '(?:д\\.|дом|буд\\.|будинок)';
const RU_RE = new RegExp(
  `(?<![\\p{L}])${CYRILLIC_STREET}[ ]?[\\p{L}0-9][\\p{L}0-9 .-]{1,40}?,?[ ]?${CYRILLIC_HOUSE}[ ]?[0-9]{1,4}[а-яА-Я]?(?:,?[ ]?(?:к\\.|корп\\.|корпус|стр\\.)[ ]?[0-9]{1,3})?(?:,?[ ]?(?:кв\\.|квартира)[ ]?[0-9]{1,4})?`,
  'giu');
// Any of the three scripts: other text skips the scans.
const SCRIPT_HINT = /[\u4e00-\u9fff\uac00-\ud7af\u0400-\u04ff]/;

/** Street addresses (B) in the shapes above. */
export function scanScriptStreets(text: string, out: Detection[], kind: string): void {
  if (!SCRIPT_HINT.test(text)) return;
  for (const shape of [JA_RE, KO_RE, RU_RE]) {
    const re = resetAt(shape, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}
