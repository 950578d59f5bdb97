// Hangul and kana spelt in Latin letters for GA4 names, which take only [A-Za-z0-9_] on the
// Measurement Protocol: 신청 완료 is sincheong wanryo (Revised Romanization, syllable by
// syllable), カートに追加 keeps kato ni (Hepburn) before its kanji. Both scripts are syllabaries
// whose letters have one reading each, so this is spelling, not guessing; CJK ideographs, Thai,
// Arabic, Hebrew and other scripts are left as they are (see ga4-names.ts for what happens then).
// Run on the name as sent: NFKD would split a Hangul syllable into jamo and が into か + ゙.

const SIBILANT_I_ENDING = /(sh|ch|j)i$/;
const CONSONANT_VOWEL_ENDING = /[^aeiou][aeiou]$/;
const LEADING_SYLLABLE_CONSONANT = /^[bcdfghjkmprstz]/;

const INITIALS = 'g kk n d tt r m b pp s ss _ j jj ch k t p h'.split(' ').map((s) => (s === '_' ? '' : s));
const MEDIALS = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split(' ');
const FINALS = '_ k k k n n n t l k m l l l p l m p p t t ng t t k t p t'.split(' ').map((s) => (s === '_' ? '' : s));
// U+3041..U+3096 in code order; `*` is the small tsu (doubles the next consonant).
const HIRAGANA = ('a a i i u u e e o o ka ga ki gi ku gu ke ge ko go sa za shi ji su zu se ze so zo ta da chi ji * tsu zu te de to do ' +
  'na ni nu ne no ha ba pa hi bi pi fu bu pu he be pe ho bo po ma mi mu me mo ya ya yu yu yo yo ra ri ru re ro wa wa i e o n vu ka ke').split(' ');
const SMALL_Y: ReadonlyMap<number, string> = new Map([[0x3083, 'a'], [0x3085, 'u'], [0x3087, 'o']]);
const SMALL_VOWEL: ReadonlyMap<number, string> = new Map([[0x3041, 'a'], [0x3043, 'i'], [0x3045, 'u'], [0x3047, 'e'], [0x3049, 'o']]);
const SYLLABARY = /[\u3041-\u3096\u30a1-\u30fc\uac00-\ud7a3]/;

function hangul(code: number): string {
  const s = code - 0xac00;
  return INITIALS[Math.floor(s / 588)] + MEDIALS[Math.floor((s % 588) / 28)] + FINALS[s % 28];
}

/** A small ya/yu/yo or vowel kana joins the syllable before it (kya, sha, fa); undefined if it stands alone. */
function joinSmall(prev: string, code: number): string | undefined {
  const y = SMALL_Y.get(code);
  if (y !== undefined && prev.endsWith('i') && prev.length > 1) return SIBILANT_I_ENDING.test(prev) ? prev.slice(0, -1) + y : prev.slice(0, -1) + 'y' + y;
  const v = SMALL_VOWEL.get(code);
  if (v !== undefined && CONSONANT_VOWEL_ENDING.test(prev)) return prev.slice(0, -1) + v;
  return undefined;
}

/** The name with its Hangul syllables and kana in Latin letters; other characters unchanged. */
export function romanizeSyllabaries(name: string): string {
  if (!SYLLABARY.test(name)) return name;
  const out: string[] = [];
  let double = false;
  for (const ch of name) {
    let code = ch.codePointAt(0) ?? 0;
    if (code >= 0xac00 && code <= 0xd7a3) { out.push(hangul(code)); continue; }
    if (code === 0x30fc) continue; // ー lengthens the vowel before it
    if (code >= 0x30a1 && code <= 0x30f6) code -= 0x60; // katakana -> hiragana
    if (code < 0x3041 || code > 0x3096) { double = false; out.push(ch); continue; }
    const joined = out.length > 0 ? joinSmall(out[out.length - 1], code) : undefined;
    if (joined !== undefined) { out[out.length - 1] = joined; continue; }
    const latin = HIRAGANA[code - 0x3041];
    if (latin === '*') { double = true; continue; }
    out.push(double && LEADING_SYLLABLE_CONSONANT.test(latin) ? latin[0] + latin : latin);
    double = false;
  }
  return out.join('');
}
