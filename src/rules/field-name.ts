/**
 * Normalizes a field name for matching: `EmailAddress`, `e-mail`, `E_Mail`, `eMail` all become
 * `emailaddress`/`email`. Letters and digits only, lower case; a `#` after a word reads `no`.
 */
const SHARP_S = /ß/g;

export function normalizeFieldName(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 97 && c <= 122) out += key[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c >= 48 && c <= 57) out += key[i];
    // `MR#`, `Claim #`, `acct#`: a number sign after a word is its number (`mrno`, `claimno`), as the pack names them (probe 49).
    else if (c === 35 && out.length > 0) out += 'no';
    else if (c >= 128) return out + foldRest(key.slice(i));
  }
  return out;
}

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * The rest of a name from its first non-ASCII character: accents folded (`prénom` is `prenom`,
 * `họ tên` is `hoten`, `ß` is `ss`) and other scripts' letters kept (`이름`, recomposed after NFKD split its syllables; `фамилия`, `姓名`), so
 * the pack can name them; dropping them left `hten` and `` that no rule could match.
 */
function foldRest(rest: string): string {
  return rest.normalize('NFKD').replace(MARKS, '').normalize('NFC').toLowerCase().replace(NOT_WORD, '').replace(SHARP_S, 'ss');
}

/** Keys that could pollute prototypes if copied naively; events carrying them are rejected. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
