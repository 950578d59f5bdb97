import { BoundedMemo } from '../common/bounded-memo.js';
import { safeDecode } from '../rules/canonical-path.js';
import { normalizeFieldName } from '../rules/field-name.js';
import { NON_ASCII } from '../common/char-gates.js';

export const PLUS_SIGNS = /\+/g;
const UNDERSCORE_OR_SPACE = /[_ ]/g;
const FILE_EXTENSION = /\.[a-z]+$/;

// A form plugin's done step (blind pass 26): after a submission the plugin lands on a thank-you page whose
// query says which form was sent and that it was sent (Joomla RSForm `?task=thankyou&form=…`, Gravity Forms'
// confirmation, WPForms' `?wpforms_return=…&wpforms_form=…`, HubSpot's `?submissionGuid=…`, ChronoForms'
// `event=submit`, a Drupal webform's `/done?webform=…`). Read together they are `/<form name>/submitted`, judged
// like any path: a booking, bill-pay, refill or intake form sent is that area's done step; a newsletter, donation
// or contact form sent names nothing. Compile-time tables only; each key is normalized once and remembered.

/** Normalized parameter names that name the form that was sent. */
const FORM_NAME_PARAMS: ReadonlySet<string> = new Set([
  'form', 'formname', 'formslug', 'formtitle', 'formalias', 'formkey', 'webform', 'webformid', 'chronoform', 'wpformsform',
  'gform', 'gfform', 'ninjaform', 'nfform', 'frmform', 'formidentifier', 'formtype',
  // A form's slug under its id's key (`?form_id=dialysis-referral`, `?FormID=PTSD-Screening`); a numbered id is no name (FORM_NAME).
  'formid', 'scform',
]);
// What the done step was for when no form is named: the event, class or course signed up for, or the item a generic
// forms page shows by its slug (`/events?event=memory-cafe&step=thank-you`, `/forms?id=anxiety-screening&status=completed`).
// Read under the page's path (`/events/memory-cafe/submitted`), so the pack's rules for that area judge it (H188).
const ITEM_PARAMS: ReadonlySet<string> = new Set(['id', 'eventname', 'eventslug', 'class', 'classname', 'course', 'program', 'programme',
  'evento', 'evenement', 'veranstaltung', 'clase', 'curso', 'cours', 'kurs', 'programa', 'group', 'grupo', 'item', 'slug']);
// A submission's id beside a named form (a Drupal webform's `?webform=…&sid=55`): that form was sent. Alone, `sid` is often a session's.
const SUBMISSION_ID_PARAMS: ReadonlySet<string> = new Set(['sid', 'submission', 'entryid', 'entry']);
/** Parameters a plugin adds only to the page after a submission (HubSpot, WPForms, Formstack, Jotform). */
const DONE_ONLY_PARAMS: ReadonlySet<string> = new Set(['submissionguid', 'wpformsreturn', 'submissionid', 'formsubmissionid', 'hssubmission']);
/** Parameters whose value says which step of the form this is (`task=thankyou`, `gf_page=confirmation`, `event=submit`). */
// A multi-step form's or wizard's own step (`?step=confirmation`, `?stage=thank-you`, `?form_step=done`) too.
const STEP_VALUE_PARAMS: ReadonlySet<string> = new Set(['task', 'event', 'gfpage', 'status', 'result', 'formstatus', 'action', 'state', 'page',
  'step', 'stage', 'formstep', 'formstage', 'wizardstep', 'currentstep', 'paso', 'etapa', 'etape', 'schritt', 'fase', 'passo', 'stap', 'krok', 'steg', 'adim',
  // Polish and Czech name a step `etap`/`faze`, Italian `passaggio`, Dutch `fase`/`stap`, Swedish `fas`.
  'etap', 'faza', 'faze', 'passaggio', 'fas',
  // An RSVP's state, a CMS layout shown after a submission (Joomla `layout=thankyou`), Contact Form 7's status.
  'rsvp', 'layout', 'wpcf7', 'registration']);
/** Flags set on the page after a submission (`?submitted=1`, `?success=true`). */
const DONE_FLAG_PARAMS: ReadonlySet<string> = new Set(['submitted', 'formsubmitted', 'success', 'sent', 'thanks', 'thankyou', 'done', 'complete']);
// Also in other languages (`?paso=confirmacion`, `?etape=merci`, `?schritt=bestaetigung`, `?krok=potwierdzenie`), the thank-you
// said as a noun too (`?etap=podziekowanie`, `?paso=agradecimiento`, `?etape=remerciements`, `?krok=podekovani`).
// A plugin's own submit action (`action=gf_submit`, `nf_ajax_submit`) and a booking or sign-up said done (`status=booked`,
// `registered`, `enrolled`) are done steps too (H188).
const DONE_WORD = new RegExp('^((([a-z0-9]+-){1,3}|mail-)(submit|sent)|thank-?you|thanks|confirm(ation|ed)?|submit(ted)?|success(ful)?|done|complete[d]?|received|sent|finish(ed)?' +
  '|registered|booked|scheduled|enrolled|rsvped|reserved' +
  '|gracias|confirmacion|confirmada|confirmado|enviad[oa]|completad[oa]|obrigad[oa]|confirmacao|merci|envoye|terminee?|danke|bestaetigung|bestatigung' +
  '|gesendet|abgeschlossen|grazie|conferma(ta|to)?|inviat[oa]|bedankt|bevestiging|verzonden|dziekujemy|potwierdzenie|wyslano|tack|bekraftelse|skickat' +
  '|tesekkurler|onay|gonderildi|dekujeme|potvrzeni|odeslano' +
  '|podziekowani[ea]|dziekuje|wyslane|zakonczono|agradecimiento|agradecimento|remerciements?|dankeschoen|dankeschon|vielen-dank|ringraziament[oi]' +
  '|dank-u|dankjewel|podekovani|tesekkur|bekraftad|tackar)$');
const MARKS = /\p{M}/gu;
const DONE_FLAG = /^(1|true|yes|y|on)$/i;
// A form's name is a slug or words (`book-appointment`, `Request a Visit`), not a number or a token.
const FORM_NAME = /^[a-z][a-z0-9]*(?:[-_ ][a-z0-9]+)+$/i;

const kinds = new BoundedMemo<number>(10_000);
const NAME = 1, DONE_ONLY = 2, STEP = 3, FLAG = 4, ITEM = 5, SUBMISSION_ID = 6, OTHER = 0;

function kindOf(key: string): number {
  let k = kinds.get(key);
  if (k === undefined) {
    const n = normalizeFieldName(key.indexOf('%') >= 0 ? safeDecode(key) : key);
    k = FORM_NAME_PARAMS.has(n) ? NAME : DONE_ONLY_PARAMS.has(n) ? DONE_ONLY : STEP_VALUE_PARAMS.has(n) ? STEP : DONE_FLAG_PARAMS.has(n) ? FLAG
      : ITEM_PARAMS.has(n) ? ITEM : SUBMISSION_ID_PARAMS.has(n) ? SUBMISSION_ID : OTHER;
    kinds.set(key, k);
  }
  return k;
}

/**
 * What a query says about a form: the name of the form sent, and whether this is its done step; `item`, what a
 * step was for when no form is named (ITEM_PARAMS, or an `event` naming one); `sent`, a submission's id seen.
 */
export interface FormStep { name?: string; done: boolean; item?: string; sent?: boolean }

/** Reads one parameter of a query, `key` and its value url(eq, to) (still escaped), into `step`. */
export function formStepParam(key: string, url: string, eq: number, to: number, step: FormStep): void {
  // Campaign tags are most of the parameters seen, and never a form's.
  if (key.startsWith('utm_')) return;
  const kind = kindOf(key);
  if (kind === OTHER) return;
  if (kind === DONE_ONLY) { step.done = true; return; }
  if (kind === SUBMISSION_ID) { step.sent = true; return; }
  const rawValue = url.slice(eq + 1, to);
  const value = rawValue.indexOf('%') >= 0 || rawValue.indexOf('+') >= 0 ? safeDecode(rawValue.replace(PLUS_SIGNS, ' ')) : rawValue;
  if (kind === NAME) { if (step.name === undefined && FORM_NAME.test(value)) step.name = slug(value); return; }
  if (kind === FLAG) { if (DONE_FLAG.test(value)) step.done = true; return; }
  if (kind === ITEM) { if (step.item === undefined && FORM_NAME.test(value)) step.item = slug(value); return; }
  const word = slug(value);
  // Accents are dropped (`confirmación`, `envoyé`, `bestätigung`): the words above are written without them.
  if (DONE_WORD.test(NON_ASCII.test(word) ? word.normalize('NFD').replace(MARKS, '') : word)) step.done = true;
  // ChronoForms' `event=submit` is a step; any other `event` value names the event signed up for.
  else if (step.item === undefined && FORM_NAME.test(value) && normalizeFieldName(key) === 'event') step.item = word;
}

const slug = (value: string): string => value.toLowerCase().replace(UNDERSCORE_OR_SPACE, '-');

/**
 * The done step `step` names, appended to `out`: `/<form name>/submitted`, or with no name but a submission's
 * own parameter (`/appointment-request?submissionGuid=…`) the page's path then `/submitted`. `path` is the URL's
 * path (its last segment may itself be the done step: `/thank-you?form=…`).
 */
export function formStepRoute(path: string, step: FormStep, out: string[]): void {
  const named = step.name ?? step.item;
  if (!step.done && (named === undefined || !((step.sent === true && step.name !== undefined) || DONE_WORD.test(lastSegment(path))))) return;
  const dir = path.endsWith('/') ? path : `${path}/`;
  if (step.name !== undefined) out.push(`/${step.name}/submitted`);
  else if (step.item !== undefined) out.push(`${dir}${step.item}/submitted`);
  else out.push(`${dir}submitted`);
}

function lastSegment(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1).toLowerCase().replace(UNDERSCORE_OR_SPACE, '-').replace(FILE_EXTENSION, '');
}
