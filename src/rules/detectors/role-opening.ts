import { lower, codeAt } from './marker-bits.js';
import { nameEnd } from './person-name.js';
import { wholeFullName } from './verb-name.js';
import type { Detection } from './types.js';

// A note, a message or one of its lines that opens with the role of the person it is about, then
// that person's full name (Safe Harbor A): `Caller Eudora Whitlock asked…`, `Member: Thaddeus Quimby`,
// `Guardian Rosalind Fairweather will sign`, `Parent of Wilhelmina Drayton here`, and the same roles
// in Spanish, Portuguese, French and German (`Paciente Rodrigo Villaseñor`, `Responsável: Joaquim
// Figueiredo`, `Assurée : Amélie Durand`, `Versicherte: Hildegard Schwarzenberger`). Only at the
// opening of the text or a line, where a role word heads a note, with or without a colon, and the name
// must be two or three capitalised words none of which a desk, team, product or programme is named by
// (verb-name.ts wholeFullName), so `Caller ID enabled`, `Member Services Team`, `Client Portal Upgrade`,
// `Guardian Angel Program` stay. `patient`/`pt` anywhere in the text are verb-name.ts's ROLE_RE.
// The prefilter marks the opening (roleOpensAt) at the text's start, after each line break and after each `|` (a card's
// text copied out as one line of cells).
const ROLES = ['caller', 'member', 'guardian', 'subscriber', 'resident', 'client', 'spouse', 'dependent', 'dependant', 'insured',
  'policyholder', 'enrollee', 'enrolee', 'beneficiary', 'mother', 'father', 'parent of', 'guardian of', 'mother of', 'father of',
  'caregiver of', 'caregiver', 'paciente', 'patiente', 'patientin', 'versicherte', 'versicherter', 'versicherungsnehmer', 'mitglied',
  'responsável', 'responsavel', 'asegurado', 'asegurada', 'afiliado', 'afiliada', 'segurado', 'segurada', 'beneficiário',
  'beneficiario', 'titular', 'tutor', 'tutora', 'tuteur', 'tutrice', 'assuré', 'assurée', 'adhérent', 'adhérente', 'membre'];
// Role words by first letter, longest first (`guardian of` before `guardian`).
const BY_FIRST = new Map<number, string[]>();
for (const w of [...ROLES].sort((a, b) => b.length - a.length)) {
  const c = w.charCodeAt(0);
  BY_FIRST.set(c, [...(BY_FIRST.get(c) ?? []), w]);
}

/** Start of the name after a role word opening the text or line at `i` (spaces and tabs first), or -1. */
function nameStartAt(text: string, i: number): number {
  let j = i;
  while (codeAt(text, j) === 32 || codeAt(text, j) === 9) j++;
  const words = BY_FIRST.get(lower(codeAt(text, j)));
  if (words === undefined) return -1;
  for (const w of words) {
    if (text.slice(j, j + w.length).toLowerCase() !== w) continue;
    let k = j + w.length;
    const sep = k;
    while (codeAt(text, k) === 32) k++;
    const c = codeAt(text, k);
    if (c === 58 || c === 61 || c === 0x2013 || c === 45 || c === 0xff1a) { k++; while (codeAt(text, k) === 32) k++; } else if (k === sep) return -1;
    const n = codeAt(text, k);
    return (n >= 65 && n <= 90) || (n >= 192 && n !== 215 && n !== 247) ? k : -1;
  }
  return -1;
}

/** Whether a role word and a capital open the text or line at `i` (the prefilter's NAME_CUE). */
export function roleOpensAt(text: string, i: number): boolean {
  return nameStartAt(text, i) >= 0;
}

/**
 * Where the next line or cell opens: after a line break, or after a `|` that parts a card's or a record's cells as one
 * line (`aetna | Subscriber Wilhelmina Upwembry | Mbr ID …`); -1 if none.
 */
function nextOpening(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  const bar = text.indexOf('|', i);
  const at = nl < 0 ? bar : bar < 0 ? nl : Math.min(nl, bar);
  return at < 0 ? -1 : at + 1;
}

/** Full names after a role word opening the text, a line or a `|` cell (see above). */
export function scanRoleOpening(text: string, out: Detection[], kind: string): void {
  for (let i = 0; i >= 0; ) {
    const from = nameStartAt(text, i);
    const end = from < 0 ? -1 : nameEnd(text, from, true, true);
    if (end > from && wholeFullName(text.slice(from, end))) out.push({ start: from, end, kind });
    i = nextOpening(text, i);
  }
}
