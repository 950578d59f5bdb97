// Latin spellings of Cyrillic and Greek letters (lower case, after NFKD has split off accents:
// й is и + breve, ά is α + acute), so a GA4 name keeps its meaning: "Заявка отправлена" is
// zayavka_otpravlena rather than nothing, which GA4's [A-Za-z0-9_] names would otherwise leave.
// Scripts without a letter-by-letter romanisation (CJK, Arabic, Hebrew, Thai...) are not guessed.

const CYRILLIC = 'a b v g d e zh z i i k l m n o p r s t u f kh ts ch sh shch  y  e iu ia';
const GREEK = 'a v g d e z i th i k l m n x o p r s s t y f ch ps o';
// Letters outside the two basic runs (Ukrainian, Belarusian, Serbian, Macedonian), and Latin
// letters NFKD does not split into a base letter and an accent (German, Nordic, Polish...).
const EXTRA: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'], ['æ', 'ae'], ['ø', 'o'], ['œ', 'oe'], ['ł', 'l'], ['đ', 'd'], ['ð', 'd'], ['þ', 'th'], ['ı', 'i'],
  ['ё', 'e'], ['є', 'ie'], ['і', 'i'], ['ї', 'i'], ['ґ', 'g'], ['ў', 'u'], ['ђ', 'dj'], ['ј', 'j'],
  ['љ', 'lj'], ['њ', 'nj'], ['ћ', 'c'], ['џ', 'dz'], ['ѓ', 'g'], ['ќ', 'k'], ['ѕ', 'dz'],
]);

function table(): ReadonlyMap<string, string> {
  const map = new Map(EXTRA);
  // а..я is U+0430..U+044F (32 letters); α..ω is U+03B1..U+03C9 (25, with final sigma ς).
  CYRILLIC.split(' ').forEach((latin, i) => map.set(String.fromCharCode(0x430 + i), latin));
  GREEK.split(' ').forEach((latin, i) => map.set(String.fromCharCode(0x3b1 + i), latin));
  return map;
}

const LATIN = table();
const SCRIPT = /[\u00df-\u017f\u0370-\u03ff\u0400-\u04ff]/;

/** Lower-case text with its Cyrillic, Greek and unsplittable Latin letters in ASCII; other characters unchanged. */
export function romanize(lower: string): string {
  if (!SCRIPT.test(lower)) return lower;
  let out = '';
  for (const ch of lower) out += LATIN.get(ch) ?? ch;
  return out;
}
