import type { PairVerdict } from './embedded-fields.js';

// vCard and iCalendar text (a contact or an appointment saved into a property): properties are
// `NAME;PARAM=...:value` lines, the name says what the value is (`FN:Jane Doe`, `N:Doe;Jane;;;`,
// `TEL;TYPE=cell:...`, `BDAY:19610304`, `DTSTART:20260315T140000Z`, `ATTENDEE;CN=Jane Doe:mailto:...`).
// Each is read as the field it names; a name's parameters (`CN=`) go with its value. An invite's
// `SUMMARY`/`DESCRIPTION` are its subject and notes (`Follow-up - DOE, JANE`, `Patient: ...`).
export const VCARD_FIELDS: Readonly<Record<string, string>> = {
  FN: 'fullname', N: 'fullname', NICKNAME: 'nickname', TEL: 'phone', EMAIL: 'email', ADR: 'address', LABEL: 'address', GEO: 'geo',
  BDAY: 'birthdate', ANNIVERSARY: 'date', DTSTART: 'appointmentdate', DTEND: 'appointmentdate', PHOTO: 'photo',
  ATTENDEE: 'attendeename', ORGANIZER: 'contactname', CONTACT: 'contactname',
  SUMMARY: 'subject', DESCRIPTION: 'description', COMMENT: 'comment', 'X-WR-CALNAME': 'subject', 'X-SOCIALPROFILE': 'socialprofile', IMPP: 'socialprofile',
};
// A card or calendar is recognised by one of these lines anywhere in the text (a copied fragment
// need not start with BEGIN:, nor with the line that names the person).
const CARD_LINE = '(?:BEGIN:V(?:CARD|CALENDAR|EVENT)|(?:FN|N|TEL|EMAIL|ADR|BDAY|DTSTART|ATTENDEE|ORGANIZER|NICKNAME|SUMMARY|DESCRIPTION|X-WR-CALNAME)[;:])';
const VCARD_START = new RegExp(`^${CARD_LINE}`);
const VCARD_HINT = new RegExp(`\n${CARD_LINE}`);
const VCARD_LINE = /^([A-Z][A-Z-]*)((?:;[^:\n]*)?):(.*)$/gm;
// RFC 6350/5545 fold long lines: a line break then a space or tab continues the line.
const FOLD = /\r?\n[ \t]/g;

/** Whether `text` (with a `:`) could be a card: it starts with a capital (cheap), then its first line or a later one. */
export function mayBeCard(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  return VCARD_START.test(text) || (text.indexOf('\n') > 0 && VCARD_HINT.test(text));
}

export function rewriteVcard(text: string, verdict: PairVerdict): string | undefined {
  const unfolded = text.indexOf('\n ') >= 0 || text.indexOf('\n\t') >= 0 ? text.replace(FOLD, '') : text;
  let changed = unfolded !== text;
  const out = unfolded.replace(VCARD_LINE, (line: string, name: string, params: string, value: string) => {
    const key = VCARD_FIELDS[name];
    if (key === undefined) return line;
    // A name in the parameters (`CN=Jane Doe`) is as much the value as what follows the colon.
    const named = params.includes('CN=');
    const v = verdict(key, named ? `${params.slice(1)}:${value}` : value);
    if (v === null) return line;
    changed = true;
    return named ? `${name}:${v}` : `${name}${params}:${v}`;
  });
  return changed ? out : undefined;
}
