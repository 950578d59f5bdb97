import { codeAt, lower, matchesAt } from './marker-bits.js';

// Numbers read out in Spanish, Portuguese, French, Italian and German (`mi número es seis uno siete, cinco cinco
// cinco…`, `meu telefone é…`, `appelez-moi au zéro six, douze, trente-quatre…`): phone-local.ts reads them beside the
// English words. Tens count as two digits (French and Spanish speakers read a number in pairs).
const DIGITS = [
  'cero', 'uno', 'una', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', // es
  'um', 'dois', 'duas', 'tr\u00eas', 'quatro', 'sete', 'oito', 'nove', // pt (zero, cinco, seis as en, es)
  'z\u00e9ro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'sept', 'huit', 'neuf', // fr (six as en)
  'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', // it
  'null', 'eins', 'zwei', 'zwo', 'drei', 'vier', 'f\u00fcnf', 'fuenf', 'sechs', 'sieben', 'acht', 'neun', // de
];
const TENS = [
  'diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieci[a-z\u00e9\u00f3]+', 'veinte', 'veinti[a-z\u00e9\u00f3\u00fa]+', 'treinta', 'cuarenta',
  'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa', // es
  'dez', 'doze', 'treze', 'quatorze', 'catorze', 'quinze', 'dezesseis', 'dezessete', 'dezoito', 'dezenove', 'vinte', 'trinta',
  'quarenta', 'cinquenta', 'sessenta', 'oitenta', // pt
  'dix', 'onze', 'douze', 'treize', 'seize', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', // fr
  'dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove',
  'venti', 'trenta', 'quaranta', 'sessanta', 'settanta', 'ottanta', 'novanta', // it
];
// Longest first: an alternation takes the first word that matches (`dieciocho`, not `dieci`).
const byLength = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
export const FOREIGN_DIGIT_WORDS = byLength(DIGITS);
export const FOREIGN_TENS = byLength(TENS);
/** `treinta y cuatro`, `trinta e quatro`, `vingt et un`: the word joining a pair's tens and units. */
export const PAIR_JOINER = '(?:y|e|et)[ ]';
/** Letters a word of these languages runs on with (`cinquième` is not `cinq`). */
export const LATIN_LETTER = 'A-Za-z\u00c0-\u00ff';

// Words that say a phone number follows, before it (phone-local.ts CUE_BEFORE has the English ones; `tel`, `cel` cover
// teléfono, telefone, Telefon and celular). The prefilter marks each (cue-at.ts foreignPhoneCueAt).
export const FOREIGN_PHONE_CUES = 'n[u\u00fa]m[e\u00e9]ro|nummer|ll[a\u00e1]m[a-z\u00e1\u00e9]*|appel[a-z]*|chiam[a-z]*|whatsapp';

/**
 * Whether the walk's `m` (número, numéro, numero, nummer; llámame, llame, llamar; chiamami, chiamare) or `p` (the first
 * of appelez, appeler; WhatsApp) is in one of FOREIGN_PHONE_CUES: the prefilter's PHONE_CUE mark for them.
 */
export function foreignPhoneCueAt(text: string, i: number): boolean {
  const p1 = lower(codeAt(text, i - 1));
  const p2 = lower(codeAt(text, i - 2));
  if (lower(codeAt(text, i)) === 112) return p1 === 97 && (matchesAt(text, i + 1, 'pel', true) || matchesAt(text, i - 6, 'whatsapp', true));
  const n1 = lower(codeAt(text, i + 1));
  if ((p1 === 117 || p1 === 250) && p2 === 110) return (n1 === 101 || n1 === 233) && lower(codeAt(text, i + 2)) === 114;
  if (p1 === 109) return matchesAt(text, i - 3, 'nummer', true);
  if (n1 !== 97 && n1 !== 101 && n1 !== 225) return false;
  if ((p1 === 97 || p1 === 225) && p2 === 108) return lower(codeAt(text, i - 3)) === 108;
  return p1 === 97 && p2 === 105 && matchesAt(text, i - 4, 'chiam', true);
}
