import { isJsonObject, type JsonObject } from '../common/json.js';
import { camelApart } from './camel-words.js';
import { campaignNamesNotice } from './page-context.js';
import { NON_ASCII } from '../common/char-gates.js';

// A campaign whose name says its audience are a provider's patients, or that follows a visit, a stay or a care gap of
// one's own, goes only to patients: its click is a patient following it, on whatever public page it lands (blind pass
// 39). The name is read as words (`PostDischargeCall`, `20261115_ONC_PatientNewsletter_Nov`, `Missed%20Appointment`):
//   - patients or recipients as the audience of a mailing (`dialysis-patients-winter-update`, `new-patient-welcome`,
//     `welcome-new-patients`, a list named last: `EMAIL_CAMPAIGN_2026_11_10_Diabetes_Patients`, `ivf-patients-q4`);
//   - a care event it follows (`post-op-followup`, `discharge-survey`, `after-visit-summary`, `no-show-followup`,
//     `missed-appointment`, `readmission-prevention`, a visit's survey, HCAHPS, Press Ganey);
//   - a care gap (`mammogram-overdue-reminder`, `care-gap-colorectal-screening-due`) and one's own instructions
//     (`pre-procedure-instructions`);
//   - the patient portal (`utm_source=mychart`, `patient-portal-activation`) and a searcher's own matter in a keyword
//     (`utm_term=pay my hospital bill`, `my test results`);
//   - a reminder, results or a follow-up in Spanish, French, German and Portuguese (`recordatorio-de-cita`).
// A public campaign flows: `accepting-new-patients`, `new-patient-special`, `patient-safety-awareness-week`,
// `patient-stories`, `flu-shot-2026`, `community-newsletter`, `urgent care near me` (a condition named in a campaign is
// withheld from it instead: page-context.ts).
const AUDIENCE = 'patients?|recipients?|pacientes?';
const MAILING = 'newsletters?|updates?|welcome|onboarding|orientation|surveys?|outreach|emails?|e-?mailings?|mailings?|letters?|notices?|notifications?|bulletins?|digests?|reminders?|education|enrol(?:l?ment)?|list|only|check-?ins?|follow-?ups?|journey|monthly|weekly|communications?|comms|sms|texts?|nurture|messages?|boletin|actualizacion|bienvenida|encuesta';
const WHEN = 'q[1-4]|20[0-9]{2}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|week-?[0-9]+|wk-?[0-9]+';
const CARE_EVENT = 'op|operative|surgery|surgical|procedure|procedural|visit|discharge|hospital(?:i[sz]ation)?|treatment|appointment|appt|stay|admission';
const FOLLOW = 'follow-?ups?|check-?ins?|surveys?|summary|instructions|feedback|calls?|outreach|care|reminders?';
const CARE_DUE = 'screening|mammograms?|colonoscopy|a1c|checkups?|check-ups?|exams?|physicals?|wellness|well-child|vaccines?|vaccinations?|immuni[sz]ations?|labs?|bloodwork|recall';
const OWN = 'results?|bills?|statements?|balance|records?|chart|prescriptions?|refills?|rx|appointments?|appts?|messages?|care-team|medications?|meds';

// Every alternative starts a word: the word start is tested once per position, then the alternatives.
const PATIENT_CAMPAIGN = new RegExp(`(?:^|-)(?:${[
  // The audience named before the mailing's word, with up to two words between (`dialysis-patients-winter-update`).
  `(?:${AUDIENCE})(?:-[a-z0-9]+){0,2}-(?:${MAILING})(?:-|$)`,
  // The mailing's word first (`welcome-new-patients`, `newsletter-for-patients`).
  `(?:welcome|newsletter|update|survey|letter|boletin)-(?:(?:to|for|para)-)?(?:(?:our|all|current|new|nuevos)-)?(?:${AUDIENCE})(?:-|$)`,
  // The list named last (`…_Diabetes_Patients`, `copd-patients-2026`): not one that welcomes prospective patients.
  `(?<!(?:accepting|new|welcoming|taking|seeing|for|international|future|prospective|nuevos)-)(?:${AUDIENCE})(?:-(?:${WHEN}))*$`,
  // `post-er`, `after-ed` only with the hyphen (`posted`, `poster` are other words).
  `(?:post|after)(?:-?(?:${CARE_EVENT})|-(?:er|ed))(?:-|$)`,
  `(?:${CARE_EVENT}|discharged?|er|ed)-(?:${FOLLOW})(?:-|$)`,
  `(?:no-?shows?|missed-(?:appointments?|appts?|visits?)|readmissions?|hcahps|cahps|press-?ganey|care-?gaps?|gaps?-in-care|overdue)(?:-|$)`,
  `(?:patient|satisfaction|experience|stay)-surveys?(?:-|$)`,
  `(?:${CARE_DUE})-(?:is-)?(?:now-)?(?:over)?due(?:-|$)`,
  `pre-?(?:op|operative|procedure|surgery|surgical|visit|admission|appointment)-(?:instructions|checklist|reminders?|calls?|prep)(?:-|$)`,
  `(?:my-?chart|patient-?portal|follow-?my-?health|healow)(?:-|$)|portal-(?:activation|activate|sign-?up|invite|invitation|enrol(?:l?ment)?|registration|access|log-?in|code|messages?)(?:-|$)`,
  `my(?:-[a-z]+)?-(?:(?:test|lab)-)?(?:${OWN})(?:-|$)`,
  `your-(?:visit|appointment|appt|surgery|procedure|stay|results?|bill|statement)-(?:${FOLLOW}|is|are|has)(?:-|$)`,
  // Spanish, French, German and Portuguese reminders, results and follow-ups.
  `(?:recordatorio-(?:de-)?(?:(?:su|tu)-)?(?:cita|consulta|turno)|resultados-(?:listos|disponibles|prontos)|seguimiento-(?:post-?operatorio|posoperatorio|de-alta|alta|despues|tras)|encuesta-(?:de-)?satisfaccion)(?:-|$)`,
  `(?:rappel-(?:de-|du-)?(?:rendez-vous|rdv|consultation)|resultats-(?:disponibles|prets)|suivi-post-?operatoire|enquete-(?:de-)?satisfaction|termin-?erinnerung|terminerinnerung|befunde?-(?:verfugbar|bereit|da)|nachsorge|lembrete-(?:de-)?(?:consulta|exame)|pos-operatorio)(?:-|$)`,
].join('|')})`);

// Separators a campaign tool writes between words (`_`, `+`, `%20` already decoded, `.`), and accents folded.
const SEPARATORS = /[^a-z0-9]+/g;
const MARKS = /[\u0300-\u036f]/g;
// Read afresh every event, not remembered: a campaign's values come from the page's query (`utm_term`, `utm_content` may
// carry a subscriber's id or a searcher's words), and no memo keeps a query.

const LOWER_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const wordsOf = (value: string): string => {
  const folded = NON_ASCII.test(value) ? value.normalize('NFD').replace(MARKS, '') : value;
  return camelApart(folded, '-').toLowerCase().replace(SEPARATORS, '-');
};

/** Whether one campaign value names patients as its audience, a care event it follows, the portal or one's own matter. */
export function namesPatientAudience(value: string): boolean {
  // Most campaign values are written as a lower-case slug already (`spring-open-house`): read as they are.
  return PATIENT_CAMPAIGN.test(LOWER_SLUG.test(value) ? value : wordsOf(value));
}

// Campaign fields an event's properties carry themselves (gtag's `campaign`, a copy of the URL's `utm_*`, a messaging
// tool's campaign or template: Braze's `campaign_name`, Iterable's `campaignName` and `templateName`, Klaviyo's
// `Campaign Name`, Marketing Cloud's `EmailName`), besides `context.campaign` and the page URL's parameters.
const PROPERTY_KEYS = ['utm_campaign', 'utm_source', 'utm_medium', 'utm_term', 'utm_content', 'campaign', 'campaign_name', 'campaignName',
  'Campaign Name', 'template_name', 'templateName', 'EmailName', 'email_name', 'message_name'];
const PROPERTY_KEY_SET = new Set(PROPERTY_KEYS);
// Their first letters (u, c, C, t, E, e, m): most properties' keys are passed over by one comparison.
const firstLetterOfKey = (k: string): boolean => { const c = k.charCodeAt(0); return c === 117 || c === 99 || c === 67 || c === 116 || c === 69 || c === 101 || c === 109; };
const NESTED_KEYS = ['name', 'source', 'medium', 'term', 'content'];

/**
 * Whether the event's campaign (`campaign`: context's and the URL's) or its properties' campaign fields name patients,
 * or a patient's own notice (page-context.ts campaignNamesNotice: `appointment-reminder`, `Lab Results Available`).
 */
export function campaignNamesPatients(campaign: Readonly<Record<string, string>>, props: JsonObject): boolean {
  if (campaignNamesNotice(campaign)) return true;
  for (const k in campaign) if (namesPatientAudience(campaign[k] as string)) return true;
  const own = propertyCampaign(props);
  if (own === undefined) return false;
  if (campaignNamesNotice(own)) return true;
  for (const k in own) if (namesPatientAudience(own[k] as string)) return true;
  return false;
}

/** The properties' campaign fields, top-level or in a `campaign: {name, …}` object; undefined when there are none (most events). */
function propertyCampaign(props: JsonObject): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const k in props) {
    if (!firstLetterOfKey(k) || !PROPERTY_KEY_SET.has(k)) continue;
    const v = props[k];
    if (typeof v === 'string') { if (v.length > 0) (out ??= {})[k] = v; continue; }
    if (!isJsonObject(v)) continue;
    for (const n of NESTED_KEYS) { const w = v[n]; if (typeof w === 'string' && w.length > 0) (out ??= {})[`${k}.${n}`] = w; }
  }
  return out;
}
