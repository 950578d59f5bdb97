import type { Action } from '../config/schema.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { AllowNode } from './allow-tree.js';
import { VCARD_FIELDS } from './card-lines.js';
import { rewriteEmbedded } from './embedded-fields.js';
import { scrubVariables } from './graphql-vars.js';
import { coordinatePair } from './detectors/geo.js';
import type { FieldRule } from './field-matcher.js';
import { FORBIDDEN_KEYS } from './field-name.js';
import { fieldNameIn } from './link-text.js';
import { generalizeUa, toYear, truncateIp, zip3 } from './ops/generalize.js';
import { keptUrl, sanitizeUrlMemo } from './url-memo.js';
import { AS_IS, mediaSource, NOT_SPARED, PUBLIC_IMAGE, SCREEN_NAME, sparedBy } from './rule-exceptions.js';
import { DROP, HOST_NAME, KEEP, keptHost, keptList, namedValue, PERSON, PERSON_CODE } from './named-values.js';
import { bracketLabel, CHANGE_VALUES, ENTRY_NAME, INNER_LABELS, LABEL_RANK, PAIR_VALUES, placeTypeField, selectorField, VALUE_RANK } from './pair-names.js';
import { namesAThing } from './schema-org.js';
import { scrubNumber } from './scrub-number.js';
import { dropMailbox, spellsIdentifier } from './split-values.js';
import { mayReadNext, NOT_SIBLING, siblingValue, type SiblingScrub } from './array-siblings.js';
import type { DestinationPlan, Plan } from './plan.js';
import type { EventMemo } from './event-memo.js';
import { namesHealthContext, namesTerm } from './health-terms.js';
import { CLEAN_EVERYWHERE, CLEAN_PAST_TERMS, rememberClean, type CleanMemo } from './clean-strings.js';
import { DROPPED, rewriteEncoded } from './encoded-values.js';
import { jsonValuesOf } from './json-text.js';
import { base64Text, scrubEscapedBase64 } from './form-decoded.js';
import { scanString } from './scan-string.js';
import { columnsOf, scrubbedColumns } from './column-arrays.js';
import { holdsBirthDate, recordNamePlaces } from './record-names.js';
import { entryField, formDataEntryField, NO_ENTRIES } from './fhir-fields.js';
export { namesHealth } from './health-terms.js';
export { sanitizeUrlMemo } from './url-memo.js';

export interface ScrubContext {
  readonly plan: Plan;
  readonly dest: DestinationPlan;
  readonly now: number;
  readonly nowYear: number;
  /** Identifier ids that fired (for counters; never values). */
  readonly hits: string[];
  /** Per-event results shared by all destinations' projections (see EventMemo). */
  readonly memo?: EventMemo;
  /** The event's site domain, whose own code URLs in text are kept (detectors/url.ts codeSiteOf); absent: none. */
  readonly codeSite?: string;
  /** The clean strings of that site (`''` when absent) under `plan`: clean-strings.ts cleanMemoOf. */
  readonly clean: CleanMemo;
  /** The page's URL is on a person's host (process.ts foreignPageHost): only its cut origin leaves. */
  readonly foreignPage?: boolean;
}

/**
 * Applies the allow list first (default deny), then field rules and detectors to what is left.
 * `skip`: a key left out (a pair's value, scrubbed by its label's rule instead).
 */
export function scrubObject(obj: JsonObject, allow: AllowNode, ctx: ScrubContext, skip?: string | ReadonlySet<string>): JsonObject {
  const out: JsonObject = {};
  let domain = false;
  const keys = Object.keys(obj);
  // A person's name as a record's values under keys that name nothing, beside a birth date (record-names.ts).
  const names = keys.length < 3 || !holdsBirthDate(obj, keys, ctx.nowYear) ? undefined
    : recordNamePlaces(keys.map((k) => obj[k] as JsonValue), ctx.nowYear, (i) => slotKey(keys[i] as string, ctx));
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (FORBIDDEN_KEYS.has(key) || key === skip || (typeof skip === 'object' && skip.has(key))) continue;
    const node = allow.child(key);
    if (!node) continue;
    if (names?.has(i)) { ctx.hits.push('name'); continue; }
    if (key === 'domain' || key === 'host') domain = true;
    // FHIR and contact links name some fields by a sibling (link-text.ts); a schema.org Product's `name` is the product's (schema-org.ts).
    // A flat pair (`fields[1][name]: "full_name"`, `fields[1][value]`): the label's rule decides the value, as in scrubPair.
    const label = bracketLabel(obj, key);
    const value = key === 'variables' ? scrubRequest(obj, node, ctx) : key === 'name' && namesAThing(obj) ? scrubString(obj.name as string, ctx)
      : scrubField(label !== undefined && namesField(label, ctx) ? label : fieldNameIn(obj, key), obj[key], node, ctx);
    if (value !== undefined) out[key] = value;
  }
  if (domain) dropMailbox(obj, out, ctx);
  return out;
}

/** GraphQL variables named by position (`$a`) go by the argument each fills (graphql-vars.ts). */
function scrubRequest(obj: JsonObject, allow: AllowNode, ctx: ScrubContext): JsonValue | undefined {
  const vars = obj.variables;
  if (typeof obj.query !== 'string' || !isJsonObject(vars)) return scrubField('variables', vars, allow, ctx);
  return scrubVariables(vars, obj.query, (k, name, v) => { const n = allow.child(k); return n && scrubField(name, v, n, ctx); });
}

/** A string value under its key's name, as a property is read (the key's identifier rule, then the value): a campaign's own keys. */
export function scrubNamedString(key: string, value: string, allow: AllowNode, ctx: ScrubContext): string | undefined {
  const out = scrubField(key, value, allow, ctx);
  return typeof out === 'string' ? out : undefined;
}

function scrubField(key: string, value: JsonValue, allow: AllowNode, ctx: ScrubContext): JsonValue | undefined {
  const { norm, rule, suspect, personKey } = ctx.plan.fields.matchKey(key);
  if (rule) {
    // A value the rule's key does not make someone's (rule-exceptions.ts): a screen's name, a site's picture.
    const spared = typeof value === 'string' ? sparedBy(rule.id, norm, value, ctx.now) : NOT_SPARED;
    if (spared !== NOT_SPARED) return spared === PUBLIC_IMAGE ? keptUrl(value as string, ctx) : spared === AS_IS ? value : scrubString(value as string, ctx);
    ctx.hits.push(rule.id);
    return applyRule(rule, value, ctx);
  }
  // Data used as a key (`{"617-555-0134": "mobile"}`, `{"Okafor, Kenji": …}`) goes out with the key: the entry goes.
  if (personKey || (suspect && ctx.plan.scanner.hits(key, ctx.codeSite))) { ctx.hits.push('key'); return undefined; }
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return scrubNumber(value, ctx, norm);
  if (typeof value === 'string') {
    if (!ctx.dest.baa && ctx.plan.freeTextFields.has(norm)) { ctx.hits.push('free_text'); return undefined; }
    const named = namedValue(norm, value, ctx.nowYear, ctx.now);
    if (named === DROP || named === PERSON || named === PERSON_CODE) { ctx.hits.push(named === DROP ? 'age' : named === PERSON ? 'name' : 'unique_id'); return undefined; }
    if (named === KEEP) return namesHealthContext(value, ctx) ? undefined : value; // kept for its shape (`product_id: "tadalafil-5"`), not what it names
    if (named === HOST_NAME) return namesHealthContext(value, ctx) ? scrubString(value, ctx) : keptHost(value, ctx);
    return mediaSource(norm, value) ? keptUrl(value, ctx) : scrubString(value, ctx);
  }
  if (Array.isArray(value)) return keptList(norm, value, ctx.nowYear, ctx.now) && !spellsIdentifier(value, ctx) ? value : scrubArray(value, allow, ctx);
  return scrubAnyObject(value, allow, ctx);
}

/** An object in whichever shape it has: one label-value pair, names and values in columns, or field by field. */
export function scrubAnyObject(obj: JsonObject, allow: AllowNode, ctx: ScrubContext): JsonObject {
  return scrubPair(obj, allow, ctx) ?? scrubColumns(obj, allow, ctx) ?? scrubObject(obj, allow, ctx);
}

/** Names and values in parallel arrays or keyed objects (column-arrays.ts): each value by the name at its place; undefined when `obj` holds none. */
export function scrubColumns(obj: JsonObject, allow: AllowNode, ctx: ScrubContext): JsonObject | undefined {
  const cols = columnsOf(obj);
  if (cols === undefined) return undefined;
  const out = scrubObject(obj, allow, ctx, cols.key);
  const node = allow.child(cols.key);
  if (node) out[cols.key] = scrubbedColumns(obj[cols.key], cols.names, (name, v, k) => scrubField(k === undefined || (name !== undefined && namesField(name, ctx)) ? name ?? '' : k, v, node, ctx));
  return out;
}

/** A pair's label (pair-names.ts lists a pair's label and value names): a string, or the first string naming a field inside a label object. */
function labelOf(label: JsonValue, ctx: ScrubContext, value: JsonValue | undefined, entries: readonly JsonValue[]): string | undefined {
  // `{label: "family", value}` is the surname beside a given name's entry, or when shaped as one (entryField, fhir-fields.ts).
  if (typeof label === 'string') { const named = entryField(label, value, entries), f = namesField(named, ctx) ? named : selectorField(label); return f !== undefined && namesField(f, ctx) ? f : undefined; }
  if (!isJsonObject(label)) return Array.isArray(label) ? placeTypeField(label) : undefined;
  for (const k of INNER_LABELS) { const v = label[k]; if (typeof v === 'string' && namesField(v, ctx)) return v; }
  return undefined;
}

/**
 * A pair whose label names a field rule or a free-text field: that rule decides the value, as
 * if the label were its key (where the allow list lets the value's own key through). Undefined when `obj` is no such pair (it
 * is then scrubbed as an object: a label naming nothing never makes a value laxer than its own key would).
 */
export function scrubPair(obj: JsonObject, allow: AllowNode, ctx: ScrubContext, entries: readonly JsonValue[] = NO_ENTRIES): JsonObject | undefined {
  let valueKey: string | undefined;
  let best = PAIR_VALUES.length;
  for (const k in obj) { const r = VALUE_RANK.get(k); if (r !== undefined && r < best) { best = r; valueKey = k; } }
  if (valueKey === undefined) return undefined;
  const labels: string[] = [];
  for (const k in obj) if (k !== valueKey && LABEL_RANK.has(k)) labels.push(k);
  if (labels.length > 1) labels.sort((a, b) => (LABEL_RANK.get(a) ?? 0) - (LABEL_RANK.get(b) ?? 0));
  for (const k of labels) {
    const label = labelOf(obj[k], ctx, obj[valueKey], entries);
    if (label === undefined) continue;
    // A change record's values before and after (`oldValue`, `newValue`) all go by the label's rule.
    const values = [valueKey];
    for (const v in obj) if (v !== valueKey && CHANGE_VALUES.has(v)) values.push(v);
    const out = scrubObject(obj, allow, ctx, values.length === 1 ? valueKey : new Set(values));
    for (const v of values) { const node = allow.child(v), inner = node && scrubField(label, obj[v], node, ctx); if (inner !== undefined) out[v] = inner; }
    return out;
  }
  return undefined;
}

function scrubArray(values: JsonValue[], allow: AllowNode, ctx: ScrubContext): JsonValue[] | undefined {
  // A jCard property `["fn", {}, "text", "Jane Doe"]`: its name says what the value is, as in a vCard.
  const card = values.length === 4 && typeof values[0] === 'string' && typeof values[2] === 'string' && isJsonObject(values[1]) ? VCARD_FIELDS[values[0].toUpperCase()] : undefined;
  if (card !== undefined) { const v = scrubField(card, values[3], allow, ctx); return v === undefined ? values.slice(0, 3) : [...values.slice(0, 3), v]; }
  if (values.length > 1 && spellsIdentifier(values, ctx)) { ctx.hits.push('split'); return undefined; }
  // `[42.3601, -71.0589]`: a geocode as numbers (the geo detector reads it as text).
  if (values.length === 2) {
    if (coordinatePair(values[0], values[1])) { ctx.hits.push('geo'); return undefined; }
    // One entry `["last_name", "Doe"]` as a field's value: by its name's rule (`["name", "email"]` is a list of names).
    const k = values[0], v = values[1];
    if (typeof k === 'string' && typeof v === 'string' && ENTRY_NAME.test(k) && namesField(k, ctx) && !namesField(v, ctx)) {
      const inner = scrubField(k, v, allow, ctx), name = scrubString(k, ctx); // the name is text too (`url: Jane Doe`)
      return name === undefined ? [] : inner === undefined ? [name] : [name, inner];
    }
  }
  const out: JsonValue[] = [];
  // `["Patient name:", "Jane Doe", …]`, `["Visitor: this is", "Jane Doe", …]`: an element read by the one before it (array-siblings.ts).
  // Built on the first element that may be so read (mayReadNext, a few character tests): most arrays never build it.
  let sib: SiblingScrub | undefined;
  const names = recordNamePlaces(values, ctx.nowYear); // `["Xiomara", "Okonkwo", "03/14/1971"]` (record-names.ts)
  for (let i = 0; i < values.length; i++) {
    const item = values[i];
    if (names?.has(i)) { ctx.hits.push('name'); continue; }
    const bySibling = i > 0 && mayReadNext(values[i - 1], item) ? siblingValue(values, i, (sib ??= siblingScrub(allow, ctx))) : NOT_SIBLING;
    if (bySibling !== NOT_SIBLING) { if (bySibling !== undefined) out.push(bySibling); continue; }
    // Form-field arrays: [{name: "email", value: "..."}] carry the field name as data.
    if (isJsonObject(item) && typeof item.name === 'string' && 'value' in item) {
      // `{name: "input_1.6", label: "Last", value}`: a builder's input id beside the label naming the field; `family` (fhir-fields.ts).
      const field = entryField(item.name, item.value, values);
      const paired = namesField(field, ctx) ? undefined : scrubPair(item, allow, ctx);
      if (paired !== undefined) { out.push(paired); continue; }
      const inner = scrubField(field, item.value, allow, ctx);
      if (inner !== undefined) out.push({ name: item.name, value: inner });
      continue;
    }
    const entry = formDataEntryField(item, values); // `Array.from(new FormData(form))`: [["last_name", "Doe"], ...]
    if (entry !== undefined && namesField(entry, ctx)) { // a named field's entry goes by its rule (`family`: entryField)
      const [label, value] = item as [string, JsonValue], inner = scrubField(entry, value, allow, ctx);
      if (inner !== undefined) out.push([label, inner]);
    } else {
      const v = item === null || typeof item === 'boolean' ? item
        : typeof item === 'number' ? scrubNumber(item, ctx)
        : typeof item === 'string' ? scrubString(item, ctx)
        : Array.isArray(item) ? scrubArray(item, allow, ctx)
        : scrubPair(item, allow, ctx, values) ?? scrubObject(item, allow, ctx);
      if (v !== undefined) out.push(v);
    }
  }
  return out;
}

const siblingScrub = (allow: AllowNode, ctx: ScrubContext): SiblingScrub => ({
  namesField: (l) => namesField(l, ctx), field: (l, v) => scrubField(l, v, allow, ctx), object: (o, skip) => scrubObject(o, allow, ctx, skip),
  string: (v) => scrubString(v, ctx), scan: (t) => scanString(t, ctx, undefined), redacted: (t) => ctx.plan.scanner.redact(t).text,
});

// A form builder's numbered slot (`Field1`, `field_17`, `q3`, `nf-field-5`, `input_1_3`, `text-123`): a key that says where, not what.
const SLOT_KEY = /^[A-Za-z_-]{0,16}[0-9]{1,4}(?:[_.-][0-9]{1,4})*$/;
const slotKey = (key: string, ctx: ScrubContext): boolean => SLOT_KEY.test(key) && !namesField(key, ctx);

/** Whether `label` names a field rule or a free-text field (a pair's label that decides its value). */
const namesField = (label: string, ctx: ScrubContext): boolean => {
  const { norm, rule } = ctx.plan.fields.matchKey(label);
  return rule !== undefined || ctx.plan.freeTextFields.has(norm);
};

export function actionFor(rule: FieldRule, ctx: ScrubContext): Action {
  return ctx.dest.actions.get(rule.id) ?? (ctx.dest.baa ? rule.baaAction : rule.action);
}

function applyRule(rule: FieldRule, value: JsonValue, ctx: ScrubContext): JsonValue | undefined {
  const action = actionFor(rule, ctx);
  if (action === 'drop' || action === 'match_key' || value === null) return undefined;
  if (action === 'keep') return value;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value);
  switch (action) {
    case 'redact': return typeof value === 'number' ? scrubNumber(value, ctx) : scrubString(s, ctx);
    case 'hash': return ctx.plan.hasher.hash(ctx.dest.name, s.trim().toLowerCase(), ctx.now);
    case 'truncate_ip': return truncateIp(s);
    case 'zip3': return zip3(value, ctx.plan.zip3Restricted);
    case 'year': return toYear(value, ctx.nowYear, rule.ages === true);
    case 'generalize_ua': return generalizeUa(s);
    case 'sanitize_url': return keptUrl(s, ctx);
  }
}

/** Free text: each detector hit is redacted, or the whole value dropped where a rule says so. */
export function scrubString(value: string, ctx: ScrubContext): string | undefined {
  const known = ctx.clean.get(value); // scrubbed to itself in an earlier event: the same answer, without the scans
  if (known === CLEAN_EVERYWHERE) return value;
  const facts = ctx.memo?.of(value);
  if (namesHealthContext(value, ctx, facts)) return undefined;
  if (known === CLEAN_PAST_TERMS) return value; // naming a sensitive term: only once past that test (a BAA destination)
  // Fields inside the text (JSON kept as a string, `k=v` blobs) follow their keys' rules first.
  const json = scrubJsonText(value, ctx) ?? scrubEncoded(value, ctx);
  if (json !== undefined) return json === DROPPED ? undefined : json;
  const text = base64Text(value); // base64 text (a SAML response's XML, an attachment): read as that text; clean, it leaves as it came
  if (text !== undefined) { const out = scrubString(text, ctx); return out === text ? value : out; }
  const mark = ctx.hits.length;
  let judged = false;
  // Judged: a key naming a rule or a free-text field, whose action differs per destination. A key naming
  // nothing (`Flu Shots | Northbay Health` read as a label) leaves the text the same for every destination;
  // its value may still be encoded JSON (`ue_px=eyJ...` in a tracker's query string), judged by its own keys.
  const inner = rewriteEmbedded(value, (key, v) => {
    if (namesField(key, ctx)) judged = true;
    const named = embeddedValue(key, v, ctx);
    if (named !== null) return named;
    const enc = scrubEncoded(v, ctx) ?? scrubEscapedBase64(v, (t) => scrubString(t, ctx));
    if (enc === undefined) return null;
    judged = true;
    return enc === DROPPED ? REDACTED : enc === v ? null : enc;
  });
  if (inner !== undefined) return scanString(inner, ctx, ctx.memo?.of(inner));
  const out = scanString(value, ctx, facts);
  // Clean (clean-strings.ts): nothing found, no pair judged by a key's rule (actions differ per destination); past the terms test if it names one.
  if (out === value && ctx.hits.length === mark && !judged) rememberClean(ctx.clean, value, namesTerm(value, ctx.plan, facts) ? CLEAN_PAST_TERMS : CLEAN_EVERYWHERE);
  return out;
}

const ALLOW_ALL = AllowNode.compile(['**']);

/** JSON kept as text (an object, an array, or JSON Lines: json-text.ts), scrubbed as the structures it holds (field rules apply to their keys). */
function scrubJsonText(value: string, ctx: ScrubContext): string | undefined {
  const values = jsonValuesOf(value);
  if (values === undefined) return undefined;
  if (values.length === 1) return scrubbedJson(values[0], ctx);
  // Clean lines leave the text as it came; a line that scrubs to nothing goes.
  const lines = values.map((v) => scrubbedJson(v, ctx));
  return lines.every((l, i) => l === JSON.stringify(values[i])) ? value : lines.filter((l) => l !== undefined).join('\n');
}

function scrubbedJson(parsed: JsonValue, ctx: ScrubContext): string | undefined {
  if (Array.isArray(parsed)) return JSON.stringify(scrubArray(parsed, ALLOW_ALL, ctx));
  return isJsonObject(parsed) ? JSON.stringify(scrubPair(parsed, ALLOW_ALL, ctx) ?? scrubObject(parsed, ALLOW_ALL, ctx)) : undefined;
}

/**
 * base64 JSON scrubbed by its keys, then read whole by the detectors as the token's decoded reading
 * was (a link in it goes), and spelled as it came; DROPPED for a compressed blob (encoded-values.ts).
 */
function scrubEncoded(value: string, ctx: ScrubContext): string | undefined {
  const out = rewriteEncoded(value, (json) => { const s = scrubJsonText(json, ctx); return s === undefined ? s : scanString(s, ctx, undefined) ?? DROPPED; });
  if (out === DROPPED) ctx.hits.push('compressed');
  return out;
}

/** An embedded pair's value under its key's rule (as if it were a field), or null when the key names none or its rule spares the value. */
function embeddedValue(key: string, value: string, ctx: ScrubContext): string | null {
  const { norm, rule } = ctx.plan.fields.matchKey(key);
  // A value its whole shape spares from the key's rule (rule-exceptions.ts: `reg=EMEA`) is left to the detectors, as in scrubField.
  if (rule && sparedBy(rule.id, norm, value, ctx.now) !== SCREEN_NAME) {
    ctx.hits.push(rule.id);
    const out = applyRule(rule, value, ctx);
    return out === undefined || out === null ? REDACTED : String(out);
  }
  if (ctx.dest.baa || !ctx.plan.freeTextFields.has(norm)) return null;
  ctx.hits.push('free_text');
  return REDACTED;
}
const REDACTED = '[REDACTED]';
