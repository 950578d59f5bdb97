// Blind pass 46 (H234): more spellings of one page, each read as a second path (once per path and plan: the answer is
// remembered with the path's verdict, the stricter of the readings counts).

// Articles and possessives a slug puts between a verb and its object in the pack's Latin-script languages
// (`/it/paga-la-tua-fattura`, `/pt/pagar-a-sua-fatura`, `/fr/payer-vos-factures`, `/es/pagar-tu-factura`,
// `/de/ihre-rechnung-online-bezahlen`). The rules name each area with a few such words at most, in one language each;
// read without them, `paga-fattura` is the rules' own `paga[/_-]*fattura`. Only a word between two others is dropped:
// a segment's first or last word is what the page is about (`/the-bill`, `/es/la-cita`), and prepositions stay
// (`message-to-doctor` is not `message-doctor`). `our` and its kin are not dropped: they name the site's own
// (`/email-our-care-team` is the hospital's team page, `/pay-your-bill` the visitor's).
const FILLERS = [
  'my', 'your', 'the', 'a', 'an',
  'mi', 'mis', 'tu', 'tus', 'su', 'sus', 'el', 'la', 'los', 'las', 'un', 'una',
  'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'votre', 'vos', 'le', 'les', 'une', 'l',
  'meu', 'minha', 'meus', 'minhas', 'seu', 'sua', 'seus', 'suas', 'o', 'os', 'as', 'um', 'uma',
  'il', 'lo', 'i', 'gli', 'mio', 'mia', 'miei', 'mie', 'tuo', 'tua', 'tuoi', 'tue', 'suo', 'suoi', 'sue', 'vostro', 'vostra', 'vostri', 'vostre', 'uno',
  'mein', 'meine', 'meinen', 'meiner', 'meinem', 'ihr', 'ihre', 'ihren', 'ihrer', 'ihrem', 'dein', 'deine', 'deinen', 'der', 'die', 'das', 'den', 'dem', 'ein', 'eine', 'einen',
  'mijn', 'uw', 'je', 'jouw', 'het', 'een',
  'moj', 'moja', 'moje', 'moich', 'moim', 'twoj', 'twoja', 'twoje', 'twoich',
  'ang', 'ng', 'mga', 'aking', 'iyong', 'inyong',
];
const FILLER_SET: ReadonlySet<string> = new Set(FILLERS);
// Cheap gate: most paths have no filler word between two others.
const MAY_HOLD_FILLER = new RegExp(`[a-z0-9]-(?:${FILLERS.join('|')})-[a-z0-9]`);

/** The path with the articles and possessives between two words of a segment dropped, or undefined when it has none. */
export function fillersDropped(path: string): string | undefined {
  if (!MAY_HOLD_FILLER.test(path)) return undefined;
  const segments = path.split('/');
  for (let s = 0; s < segments.length; s++) {
    const words = segments[s].split('-');
    if (words.length < 3) continue;
    segments[s] = words.filter((w, i) => i === 0 || i === words.length - 1 || !FILLER_SET.has(w)).join('-');
  }
  const out = segments.join('/');
  return out === path ? undefined : out;
}

// A how-to section's step (`/how-to-pay/confirmation`, `/help/how-to-refill/submitted`) is the step of the area the
// section is named for: a confirmation page is a visitor's own payment or request, whatever the section's name. The
// section is read without its opening words (`/pay/confirmation`); a how-to article (the path's last segment, not a
// step) is left to how-to-articles.ts.
// A last segment ending in a step's word (`/how-to-pay-confirmation`) is that step too (how-to-articles.ts).
const HOW_TO_SECTION = new RegExp('/(?:how-(?:to|do-i|can-i|do-you|does)|ways-to|steps-to|como|comment|come|wie|hoe|jak|paano|cach)-' +
  '(?=[a-z0-9-]*[a-z0-9]/[^/]|[a-z0-9-]*-(?:confirm|confirmation|confirmed|success|successful|thank-you|thanks|submitted|complete|completed|done)$)', 'g');

/** The path with a how-to section's opening words dropped (`/how-to-pay/confirmation` → `/pay/confirmation`), or undefined. */
export function howToSectionRead(path: string): string | undefined {
  if (path.indexOf('-') < 0) return undefined;
  const out = path.replace(HOW_TO_SECTION, '/');
  return out === path ? undefined : out;
}

// A CMS's copy of a page keeps the page's slug with a mark (Wix `copy-of-pay-my-bill`, WordPress `pay-my-bill-2` when
// the slug was taken, an editor's `lab-results-copy`): it is the same page, read without the mark. `-2` at a
// segment's end goes only after a word (`/covid-19` is read as `/covid`, which only adds a reading).
const DUPLICATE_MARK = /\/copy-of-(?=[a-z])|(?<=[a-z])-(?:copy(?:-[0-9]{1,2})?|[0-9]{1,2})(?=\/|$)/g;

/** The path without a CMS's duplicate marks (`/copy-of-pay-my-bill-2` → `/pay-my-bill`), or undefined when it has none. */
export function duplicateMarksDropped(path: string): string | undefined {
  if (path.indexOf('-') < 0) return undefined;
  const out = path.replace(DUPLICATE_MARK, (m) => (m.charCodeAt(0) === 47 ? '/' : ''));
  return out === path ? undefined : out;
}
