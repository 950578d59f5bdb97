import { isLetter, lower, matchesAt, codeAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import { commonWord } from './file-name.js';
import { goodsWord, titleWord } from './item-name.js';
import { nameWord } from './verb-name.js';
import type { Detection } from './types.js';

// A newborn's name before a given one is chosen is the family's surname after `Baby Girl`/`Baby Boy` (Safe Harbor A): a
// nursery gallery's title, a birth announcement, a balloon's text (`Baby Girl Thistlewood | Newborn Nursery`, `Welcome to the
// world, Baby Boy Okonjo-Hart!`), and as Spanish, Portuguese and French announcements write it (`Bebé Niña Castellanos`,
// `Bebê Menino Souza`, `Bébé Garçon Lefebvre-Caron`). The surname is one word (hyphens in it) that ends the text or is followed
// by punctuation, a title's separator, a bracket, a number or a birth word, and is no word a shop or a site titles things with:
// `Baby Boy Blue Onesie`, `Baby Girl Gift Basket`, `Baby Boy Keepsake Box` have a second capitalised word, `Baby Girl Clothing`,
// `Baby Boy Names` are a shop's and a site's words. Typed without capitals (`baby boy pemberton born nov 28`) the surname goes
// only before a birth word. The prefilter marks `baby`, `bebé`, `bebê` and `bébé` at their `b` (cue-at.ts bCue).
const NEWBORN_RE =
  /(?<![\p{L}\p{M}])(?:[Bb]aby[ ](?:[Gg]irl|[Bb]oy)|[Bb]eb[ée][ ](?:[Nn]i[ñn][ao])|[Bb]eb[êe][ ](?:[Mm]enin[ao])|[Bb][ée]b[ée][ ](?:[Gg]ar[çc]on|[Ff]ille))[ ]+([\p{L}\p{M}][\p{L}\p{M}'\u2019-]{1,30})/gu;
// After the surname: the end, punctuation, a separator, a bracket, a number or a birth word.
const AFTER_SURNAME = /^(?:$|[ ]*[,.!?;:|()\u2013\u2014\n]|[ ]+-[ ]|[ ]+(?:[0-9]|born|b\.|arrived|naci[óo]|nasceu|n[ée]e?|est[ ]n[ée])(?![\p{L}]))/u;
const BIRTH_AFTER = /^[ ]+(?:born|b\.|arrived|naci[óo]|nasceu|n[ée]e?|est[ ]n[ée])(?![\p{L}])/u;
const ANY_UPPER = /\p{Lu}/u;
const BEBE = /^b[e\u00e9]b[e\u00e9\u00ea][ ]/i;
// Words a shop's or a site's titles make after `Baby Girl`/`Baby Boy` (besides its goods and its common title words).
const NOT_SURNAME = new Set(['clothing', 'clothes', 'outfit', 'outfits', 'onesie', 'onesies', 'bodysuit', 'romper', 'names', 'name', 'shower',
  'announcement', 'announcements', 'photos', 'photo', 'gallery', 'keepsake', 'keepsakes', 'blue', 'pink', 'set', 'sets', 'bundle', 'sale',
  'deals', 'collection', 'essentials', 'hat', 'hats', 'card', 'cards', 'box', 'ideas', 'nursery', 'room', 'decor', 'is', 'was', 'has', 'had',
  'and', 'or', 'the', 'a', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'ropa', 'regalo', 'regalos', 'nombres', 'vêtements', 'roupa']);

/** At the `b` of `baby girl`/`baby boy`, `bebé niña`, `bebê menino`, `bébé garçon` (the prefilter's NAME_CUE). */
export function newbornAt(text: string, i: number): boolean {
  if (isLetter(codeAt(text, i - 1))) return false;
  if (lower(codeAt(text, i + 1)) === 97) return matchesAt(text, i, 'baby girl ', true) || matchesAt(text, i, 'baby boy ', true);
  return BEBE.test(text.slice(i, i + 5));
}

/** Whether the word after the cue is a surname, not a shop's or a title's word. */
export function newbornSurname(word: string): boolean {
  const w = word.toLowerCase();
  return nameWord(w) && !commonWord(w) && !titleWord(w) && !goodsWord(w) && !NOT_SURNAME.has(w);
}

/** Newborns' surnames as above. */
export function scanNewbornNames(text: string, out: Detection[], kind: string): void {
  if (text.length < 10) return;
  const re = resetAt(NEWBORN_RE, 0);
  let caseless: boolean | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const word = m[1] as string;
    const end = m.index + m[0].length;
    if (!newbornSurname(word)) continue;
    const capital = ANY_UPPER.test(word[0] as string);
    if (capital ? !AFTER_SURNAME.test(text.slice(end, end + 12)) : !((caseless ??= !ANY_UPPER.test(text)) && BIRTH_AFTER.test(text.slice(end, end + 12)))) continue;
    out.push({ start: end - word.length, end, kind });
  }
}
