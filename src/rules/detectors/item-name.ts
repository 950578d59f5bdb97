import { commonWord } from './file-name.js';
import { lower } from './marker-bits.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A gift-shop item names its recipient (Safe Harbor A, and often a room): `Gift card for Jane
// Okafor`, `Flowers to Room 412 for Maria Lopez`, `Balloon bouquet - to Ana Ruiz`. Read only in a
// short value that starts with a gift word (the prefilter's whole-text check, giftItem), and only
// a capitalised pair after `for`/`to`/`from` whose words are not title words (`Gift card for
// Mother's Day`, `Get well card for Kids`).
const GIFT_START = /^(?:e-?gift|gift|flowers?|floral|bouquet|balloons?|get[ -]well|greeting|sympathy|teddy|plush|fruit|care[ -]package|delivery|cards?)(?![a-z])/i;
// The first two letters of those words (`gi`, `fl`, `ba`...) as a bitmask of second letters per
// first letter: most values fail this with integer tests alone.
const OPENINGS = ['gi', 'e-', 'eg', 'fl', 'bo', 'ba', 'ge', 'gr', 'sy', 'te', 'pl', 'fr', 'ca', 'de'];
const SECOND = new Int32Array(26);
for (const w of OPENINGS) SECOND[w.charCodeAt(0) - 97] |= 1 << (w.charCodeAt(1) === 45 ? 26 : w.charCodeAt(1) - 97);
export const GIFT_MAX = 100;
const NAME_AFTER = /(?<![\p{L}\p{M}])(?:for|to|from):?[ ]+(\p{Lu}[\p{Ll}'\u2019-]+)(?:[ ]\p{Lu}\.?)?[ ](\p{Lu}[\p{Ll}'\u2019-]+)(?![\p{L}\p{M}])/gu;
const HOLIDAY = new Set(["mother's", "father's", "valentine's", "mothers", "fathers", 'valentines', 'christmas', 'easter', 'hanukkah', 'birthday',
  'anniversary', 'graduation', 'get', 'well', 'thank', 'thanks', 'new', 'boy', 'girl', 'nurses', 'nurse', 'doctors', 'staff', 'teachers',
  'any', 'all', 'every', 'occasion', 'occasions', 'holiday', 'holidays', 'season', 'order', 'orders', 'friends', 'loved', 'ones', 'someone', 'special',
  // A giver or a shop is an organisation (`from Providence Foundation`, `for Whole Foods`).
  'gift', 'gifts', 'foundation', 'auxiliary', 'volunteers', 'guild', 'society', 'association', 'inc', 'llc', 'company', 'shop', 'store', 'foods', 'market',
  'pharmacy', 'florist', 'bakery', 'cafe', 'restaurant', 'coffee', 'amazon', 'target', 'walmart', 'starbucks']);

// What a gift shop sells, as the last word of an item's title after a greeting (`Get Well Teddy Bear`, `Get Well Soon
// Cookie Tin`): no one is surnamed so. Not `Card`, `Box`, `Rose` or `Brace`, which are surnames.
const GOODS = new Set(['bear', 'bears', 'teddy', 'balloon', 'balloons', 'bouquet', 'bouquets', 'basket', 'baskets', 'arrangement',
  'arrangements', 'flowers', 'roses', 'tulips', 'lilies', 'daisies', 'orchid', 'orchids', 'plant', 'plants', 'plush', 'plushie', 'cookies',
  'cupcakes', 'chocolates', 'candy', 'tin', 'mug', 'mugs', 'blanket', 'blankets', 'socks', 'slippers', 'pillow', 'candle', 'candles', 'kit', 'kits']);

/** Whether a lower-case word is a kind of gift-shop item (see GOODS). */
export function goodsWord(lower: string): boolean {
  return GOODS.has(lower);
}

/** A word of a holiday, an occasion or an organisation (never a recipient's name). */
export function titleWord(lower: string): boolean {
  return HOLIDAY.has(lower);
}

/** Whether `text` is a short value opening with a gift word (the prefilter's NAME_CUE). */
export function giftItem(text: string): boolean {
  if (text.length > GIFT_MAX || text.length < 8) return false;
  const a = lower(text.charCodeAt(0)) - 97;
  if (a < 0 || a > 25 || SECOND[a] === 0) return false;
  const c = text.charCodeAt(1);
  const b = c === 45 ? 26 : lower(c) - 97;
  return b >= 0 && b <= 26 && ((SECOND[a] >> b) & 1) === 1 && GIFT_START.test(text);
}

/** The recipient named in a gift item (see above); the caller has checked giftItem. */
export function scanGiftItem(text: string, out: Detection[], kind: string): void {
  const re = resetAt(NAME_AFTER, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const a = m[1].toLowerCase();
    const b = m[2].toLowerCase();
    if (commonWord(a) || commonWord(b) || HOLIDAY.has(a) || HOLIDAY.has(b)) continue;
    // The cue word is lower case, so the first place the first name word occurs is where it starts.
    out.push({ start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].length, kind });
  }
}
