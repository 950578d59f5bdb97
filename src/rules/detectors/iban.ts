// An IBAN (J: an account number), compact or printed in groups of four (`GB29 NWBK 6016 1331 9268 19`,
// `DE89370400440532013000`): two letters, two check digits, 11-30 letters and digits, valid when the
// ISO 7064 mod-97 check holds. Read whole, so its groups are not left behind when a label's value or a
// number's scan takes only the first of them (`Account number: ES91 2100 0418 4502 0005 1332`).
const MIN = 15;
const MAX = 34;

const upper = (c: number): boolean => c >= 65 && c <= 90;
const digit = (c: number): boolean => c >= 48 && c <= 57;
const alnum = (c: number): boolean => upper(c) || digit(c);

function mod97(iban: string): number {
  const s = iban.slice(4) + iban.slice(0, 4);
  let r = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    r = digit(c) ? (r * 10 + c - 48) % 97 : (r * 100 + c - 55) % 97;
  }
  return r;
}

/** The end of an IBAN starting at `s` (its country letters), or -1. */
export function ibanEnd(text: string, s: number): number {
  if (!upper(text.charCodeAt(s)) || !upper(text.charCodeAt(s + 1)) || !digit(text.charCodeAt(s + 2)) || !digit(text.charCodeAt(s + 3))) return -1;
  if (s > 0 && (alnum(text.charCodeAt(s - 1)) || upper(text.charCodeAt(s - 1) & ~0x20))) return -1;
  let chars = text.slice(s, s + 4);
  let i = s + 4;
  // Each reading: [characters, end in text]. Printed in groups, the longest one whose check holds
  // (a trailing group may be another word: `… 0130 00 OK`); compact, the whole token.
  const readings: [number, number][] = [];
  if (text.charCodeAt(i) === 32) {
    while (chars.length < MAX && text.charCodeAt(i) === 32) {
      let j = i + 1;
      while (j - i - 1 < 4 && alnum(text.charCodeAt(j))) j++;
      const n = j - i - 1;
      if (n === 0 || alnum(text.charCodeAt(j))) break;
      chars += text.slice(i + 1, j);
      i = j;
      readings.push([chars.length, i]);
      if (n < 4) break;
    }
  } else {
    while (chars.length <= MAX && alnum(text.charCodeAt(i))) chars += text[i++];
    readings.push([chars.length, i]);
  }
  for (let k = readings.length - 1; k >= 0; k--) {
    const [len, end] = readings[k];
    if (len >= MIN && len <= MAX && mod97(chars.slice(0, len)) === 1) return end;
  }
  return -1;
}
