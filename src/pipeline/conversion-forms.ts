import { BoundedMemo } from '../common/bounded-memo.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { normalizeFieldName } from '../rules/field-name.js';
import { pageNamePath } from './page-readings.js';
import { SCHEME_AND_HOST } from './route-values.js';
import { camelApart } from './camel-words.js';

// A conversion event says a form was sent: Meta's standard `Lead`, `CompleteRegistration`, `SubmitApplication`, `Schedule`
// and `Contact`, GA4's `generate_lead`, `sign_up` and `form_submit`, a form tool's own (`Form Submitted`, HubSpot's
// `hs_form_submit`, `Contact Form Submitted`). The form it names (`content_name`, `form_name`, `form_id`, `form: {title}`,
// GA4's `form_destination`) under the page it was sent from, or naming none that page, is read as `<page>/<form>/converted`. The pack blocks a
// sent form that names a condition or its care, and any form but a newsletter's sent from a condition's page, as a booking
// there (a `when: sensitive` rule, H188). `/converted` and not a done step such as `/submitted`: a booking form sent from a
// public page stays a conversion that flows (`Lead` naming `Request an Appointment`, as `Appointment Requested` does).

const CONVERSION_EVENT = new RegExp('^(?:lead|leads? (?:submitted|created|generated|captured|sent)|generate lead|(?:close convert|qualify) lead' +
  '|complete registration|registration (?:completed?|submitted)|submit application|application submitted|schedule|contact|sign up' +
  '|(?:[a-z0-9]+ ){0,3}form (?:submit|submitted|submission|sent|completed?|success)|wpcf7 ?mail ?sent|gform confirmation loaded)$');
const SEPARATOR_RUNS = /[\s_.-]+/g;
const MARKER = '/converted';
const QUERY_OR_FRAGMENT = /[?#].*$/s;
const TRAILING_SLASH = /\/$/;
const DIGITS_ONLY = /^[0-9]+$/;

/** Normalized keys naming the form sent, best first: its name, then its id, then where it was sent (a URL). */
const NAME_KEYS = ['contentname', 'formname', 'formtitle', 'formlabel', 'form'];
const ID_KEYS = ['formid', 'formguid', 'formslug', 'formkey'];
const DESTINATION_KEYS = ['formdestination', 'formaction', 'formurl'];
const NESTED_KEYS = ['name', 'title', 'label', 'id', 'slug'];

// Event names repeat: whether one is a conversion is remembered (bounded).
const conversions = new BoundedMemo<boolean>(2048);

function isConversion(event: string): boolean {
  let hit = conversions.get(event);
  if (hit === undefined) {
    hit = event.length <= 60 && CONVERSION_EVENT.test(camelApart(event, ' ').replace(SEPARATOR_RUNS, ' ').trim().toLowerCase());
    conversions.set(event, hit);
  }
  return hit;
}

/**
 * The forms a conversion event says were sent (see above) as `<page>/<form>/converted` paths, appended to `out`; other events
 * add none. Under the page it was sent from: a careers or news page's form (`/careers` + `Oncology Nurse Application`) is read
 * as the pack reads those areas, and a condition's page makes any form but a newsletter's care asked for.
 */
export function conversionFormPaths(event: string | undefined, props: JsonObject, pageAt: string | undefined, out: string[] | undefined): string[] | undefined {
  if (event === undefined || !isConversion(event)) return out;
  const page = pageAt === undefined ? '' : pageAt.replace(SCHEME_AND_HOST, '').replace(QUERY_OR_FRAGMENT, '').replace(TRAILING_SLASH, '');
  if (page.length > 512) return out;
  const named = formNames(props, page);
  // No form named: the page it was sent from (the site's root names nothing: `/converted` matches no rule).
  return [...(out ?? []), ...(named.length > 0 ? named : [`${page}${MARKER}`])];
}

function formNames(props: JsonObject, page: string): string[] {
  const found: string[] = [];
  const byKey = new Map<string, JsonValue>();
  for (const k in props) byKey.set(normalizeFieldName(k), props[k]);
  for (const k of [...NAME_KEYS, ...ID_KEYS]) {
    const v = byKey.get(k);
    if (typeof v === 'string') add(v, page, found);
    else if (isJsonObject(v)) for (const n of NESTED_KEYS) { const x = v[n]; if (typeof x === 'string') add(x, page, found); }
  }
  // Where the form was sent (GA4's `form_destination`): that page's path, itself read as a form sent.
  for (const k of DESTINATION_KEYS) {
    const v = byKey.get(k);
    if (typeof v === 'string' && (v.charCodeAt(0) === 47 || SCHEME_AND_HOST.test(v))) found.push(`${v.replace(SCHEME_AND_HOST, '').replace(QUERY_OR_FRAGMENT, '').replace(TRAILING_SLASH, '')}${MARKER}`);
  }
  return found;
}

/** A form's name or id as `<page>/<its words>/converted`; an empty or overlong value, or a number, names no form. */
function add(v: string, page: string, found: string[]): void {
  const t = v.trim();
  if (t.length === 0 || t.length > 120 || DIGITS_ONLY.test(t)) return;
  const at = `${page}${pageNamePath(t)}${MARKER}`;
  if (!found.includes(at)) found.push(at);
}
