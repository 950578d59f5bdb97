import { dayMonthPublic, wordsBefore } from './day-month-words.js';
import { currentUtcYear } from '../../common/current-year.js';

// A whole date of a public event, an offer or a release in free text (`webinar on March 12, 2026`, `Code SOMMER25 gilt bis
// 31.08.2026`, `Marathon de Paris le 12 avril 2026`, `v3.2.1 released on 2026-01-15`): no one's birth, visit or discharge date,
// but the date detector took every date with a year (blind pass 52). Kept only when a public word stands among the four words
// before (day-month-words.ts), or one of the words below in other languages among the five, the year is from last year to two years ahead (a
// birth date of someone who writes is not; older public dates go, as they may be anyone's), and no word of a life event or
// of care stands in the text before it (`admitted after the conference on …`, `born during the festival on …`).
const PUBLIC_WORDS: ReadonlySet<string> = new Set([
  'marathon', 'maratón', 'maratona', 'webinaire', 'conférence', 'congrès', 'congreso', 'congresso', 'kongress', 'salon', 'atelier', 'taller',
  'charla', 'jornada', 'jornadas', 'feria', 'evento', 'eventos', 'evenement', 'événement', 'veranstaltung', 'vortrag', 'seminario',
  'séminaire', 'seminarium', 'föreläsning', 'evenemang', 'mässa', 'kurs', 'corso', 'convegno', 'fiera', 'palestra', 'curso', 'feira',
  'lezing', 'cursus', 'beurs', 'wykład', 'konferencja', 'wydarzenie', 'gilt', 'gültig', 'valable', 'válido', 'válida', 'valido',
  'valida', 'geldig', 'giltig', 'ważny', 'inscriptions', 'inscripciones', 'anmeldung', 'aktion', 'angebot', 'oferta', 'offre', 'offerta',
  'promoção', 'promoción', 'aanbieding', 'soldes', 'rebajas', 'saldi', 'published', 'launched', 'publié', 'publiée', 'veröffentlicht',
  'publicado', 'publicada', 'pubblicato', 'lanzamiento', 'premiere', 'première', 'estreno', 'tickets', 'entradas', 'billets',
  // An open day (`Tag der offenen Tür`, `journée portes ouvertes`, `puertas abiertas`, `porte aperte`, `portas abertas`; set B).
  'offenen', 'ouvertes', 'abiertas', 'aperte', 'abertas',
]);
// Words of a life event or of care anywhere in the 80 characters before the date.
const LIFE_EVENT = /born|birth|geb\.|geboren|n[ée]e? le|nacid|nac[ií] |nato|nata |nasc|urodz|föd|født|died|death|passed|funeral|decease|admit|discharg|surgery|operat|appointment|appt|visit|termin|cita |rendez|rdv|hospital|klinik|clinic|ingres|ricover|aufnahme|entlass/i;

// A version's number before `released` (`v3.2.1 released on`).
const VERSION_WORD = /^(?:v?\d{1,4})$/;

/** Whether the date at `start`, of the four-digit `year`, is a public event's, an offer's or a release's (see above). */
export function publicEventDate(text: string, start: number, year: number): boolean {
  // Most dates have no four-digit year (0) and stop here, before the clock: the date detector calls this for every date it
  // finds, and a text of thousands of them (`Mar 1, Mar 1, …`) read the clock thousands of times.
  if (year === 0) return false;
  const now = currentUtcYear();
  if (year < now - 1 || year > now + 2 || !publicWordBefore(text, start)) return false;
  return !LIFE_EVENT.test(text.slice(Math.max(0, start - 80), start));
}

function publicWordBefore(text: string, start: number): boolean {
  if (dayMonthPublic(text, start)) return true;
  // Five words: the Romance languages put articles and `de` between (`Feria de la salud el 14 de marzo`).
  const words = wordsBefore(text, start, 5);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (PUBLIC_WORDS.has(w)) return true;
    // `released` counts after a version (`v3.2.1 released on`), not after a person (`I was released on`: a discharge).
    if (w === 'released' && VERSION_WORD.test(words[i + 1] ?? '')) return true;
  }
  return false;
}
