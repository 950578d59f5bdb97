import type { PairVerdict } from './embedded-fields.js';

const WHITESPACE_RUN = /\s+/;

// Markup kept as text (a form's HTML captured by a tag, an autofill log, a page's structured data
// copied by a CMS): what an element or attribute holds is the field its markup names.

// Form markup: an element's `value` is the field its `name`, `id` or `autocomplete` names
// (`<input name="last_name" value="Doe">`), or its `type` where that says email or phone.
// Structured data in attributes (schema.org microdata, RDFa, Open Graph): `<meta itemprop="email"
// content="...">`, `<meta property="profile:last_name" content="Doe">`, `<time itemprop="birthDate"
// datetime="1961-03-14">`: the `content`/`datetime` is the field `itemprop`/`property`/`name` names.
// FHIR XML and HL7 CDA write data in attributes of an element the field is named by:
// `<family value="Doe"/>`, `<birthTime value="19610314"/>`, `<id extension="4480123" root="…"/>`
// (an instance identifier): with no naming attribute, the element's own name says what it is.
const TAG_RE = /<([A-Za-z][A-Za-z0-9-]{0,20})(\s[^<>]{0,1024})>/g;
const ATTR_RE = /([A-Za-z_:][A-Za-z0-9_:.-]{0,40})[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)')/g;
const NAMING_ATTRS = ['name', 'id', 'autocomplete'];
const DATA_NAMING_ATTRS = ['itemprop', 'property', 'name'];
const INPUT_TYPES: Readonly<Record<string, string>> = { email: 'email', tel: 'phone' };

interface Attr { value: string; at: number }

function attrsOf(tag: string): Map<string, Attr> {
  const attrs = new Map<string, Attr>();
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(tag)) !== null) {
    const value = m[2] ?? m[3];
    attrs.set(m[1].toLowerCase(), { value, at: m.index + m[0].length - value.length - 1 });
  }
  return attrs;
}

/** The attribute holding the tag's data and the names that say what it is, or undefined. */
function dataOf(attrs: Map<string, Attr>, element: string): { input: Attr; labels: (string | undefined)[] } | undefined {
  const input = attrs.get('value');
  if (input !== undefined && input.value !== '') {
    const type = INPUT_TYPES[attrs.get('type')?.value.toLowerCase() ?? ''];
    return { input, labels: type === undefined ? [...NAMING_ATTRS.map((a) => attrs.get(a)?.value), element] : [type] };
  }
  const id = element === 'id' ? attrs.get('extension') : undefined;
  if (id !== undefined && id.value !== '') return { input: id, labels: [element] };
  const data = attrs.get('content') ?? attrs.get('datetime');
  if (data === undefined || data.value === '') return undefined;
  return { input: data, labels: DATA_NAMING_ATTRS.map((a) => attrs.get(a)?.value) };
}

export function rewriteInputs(text: string, verdict: PairVerdict): string | undefined {
  let changed = false;
  const out = text.replace(TAG_RE, (tag: string, element: string) => {
    const found = dataOf(attrsOf(tag), element);
    if (found === undefined) return tag;
    const { input, labels } = found;
    for (const label of labels) {
      const v = label === undefined ? null : verdict(label, input.value);
      if (v === null) continue;
      changed = true;
      return tag.slice(0, input.at) + v + tag.slice(input.at + input.value.length);
    }
    return tag;
  });
  return changed ? out : undefined;
}

// XML kept as text (a SOAP or CDA fragment, a form serialised as XML): `<lastName>Doe</lastName>`,
// each element's text read as the field its tag names; in HTML, as the field its microdata/RDFa
// property or its microformat class names (`<span itemprop="familyName">Doe</span>`,
// `<span property="name">`, h-card `<span class="p-name">`, hCard `<span class="fn">`).
const ELEMENT_RE = /<([A-Za-z_][\w.:-]{0,40})(\s[^<>]*)?>([^<]{1,256})<\/\1>/g;
const PROPERTY_ATTR = /\b(?:itemprop|property)[ \t]*=[ \t]*["']([^"']{1,60})["']/;
const CLASS_ATTR = /\bclass[ \t]*=[ \t]*["']([^"']{1,120})["']/;
// Classic hCard class names whose own words name no field.
const HCARD: Readonly<Record<string, string>> = { fn: 'fullname', bday: 'birthdate', adr: 'address', tel: 'phone', n: 'fullname' };
const MF_PREFIX = /^(?:p|u|dt|e)-/;

/** Names an element's attributes give its text: a microdata/RDFa property, a naming attribute (`<property name="lastName">`), then microformat classes. */
function attrNames(attrs: string): string[] {
  const names: string[] = [];
  const prop = PROPERTY_ATTR.exec(attrs);
  if (prop !== null) names.push(prop[1]);
  const named = namingAttr(attrs);
  if (named !== undefined) names.push(named);
  const cls = CLASS_ATTR.exec(attrs);
  if (cls !== null) {
    for (const c of cls[1].split(WHITESPACE_RUN)) {
      const bare = c.replace(MF_PREFIX, '');
      if (bare !== '') names.push(HCARD[bare] ?? bare);
    }
  }
  return names;
}

// An attribute naming what an element holds: SAML's `FriendlyName`/`Name` (a claim URI or `urn:oid:…`: its last segment
// names the field, `…/claims/emailaddress`), a config's or a serialiser's `name`, `key` or `field`.
const NAMING_ATTR = /\b(?:FriendlyName|Name|name|key|field)[ \t]*=[ \t]*["']([^"']{1,200})["']/;
function namingAttr(attrs: string): string | undefined {
  const m = NAMING_ATTR.exec(attrs);
  if (m === null) return undefined;
  const v = m[1];
  return v.slice(Math.max(v.lastIndexOf('/'), v.lastIndexOf(':'), v.lastIndexOf('#')) + 1) || undefined;
}

// A value element inside one that names it by attribute: SAML's `<saml:Attribute Name="displayName"><saml:AttributeValue>Jane
// Doe</saml:AttributeValue>`, a config's `<property name="lastName"><value>Doe</value>`. The inner element's text goes by that name.
const WRAPPED_RE = /<([A-Za-z_][\w.:-]{0,40})(\s[^<>]{0,400})>(\s{0,20}<([A-Za-z_][\w.:-]{0,40})(?:\s[^<>]{0,200})?>)([^<]{1,256})<\/\4>/g;

export function rewriteWrappedValues(text: string, verdict: PairVerdict): string | undefined {
  let changed = false;
  const out = text.replace(WRAPPED_RE, (whole: string, _tag: string, attrs: string, open: string, inner: string, value: string) => {
    const name = namingAttr(attrs);
    const v = name === undefined ? null : verdict(name, value);
    if (v === null) return whole;
    changed = true;
    return `${whole.slice(0, whole.length - value.length - inner.length - 3)}${v}</${inner}>`;
  });
  return changed ? out : undefined;
}

export function rewriteElements(text: string, verdict: PairVerdict): string | undefined {
  let changed = false;
  const out = text.replace(ELEMENT_RE, (whole: string, tag: string, attrs: string | undefined, value: string) => {
    let v: string | null = null;
    if (attrs !== undefined && attrs.indexOf('=') >= 0) for (const name of attrNames(attrs)) if ((v = verdict(name, value)) !== null) break;
    if (v === null) v = verdict(tag.slice(tag.indexOf(':') + 1), value);
    if (v === null) return whole;
    changed = true;
    return `<${tag}${attrs ?? ''}>${v}</${tag}>`;
  });
  return changed ? out : undefined;
}

// A record printed as an HTML table or description list: a label cell, then the cell holding its
// value (`<th>Patient</th><td>Jane Doe</td>`, `<dt>Date of birth:</dt><dd>03/04/1961</dd>`,
// `<b>Name:</b> <span>Jane Doe</span>`). The label names the field, as a two-column text table's does.
const CELL_PAIR_RE = /<(th|td|dt|label|b|strong)\b[^<>]{0,200}>\s*([A-Za-z][A-Za-z0-9 _.\/-]{0,40}?)\s*:?\s*<\/\1>(\s*<(td|dd|span)\b[^<>]{0,200}>)([^<]{1,200})<\/\4>/gi;

// A label split over two cells, its id word in the second (`<td>Subscriber</td><td>ID</td><td>W12345678</td>`): read pairwise
// the first cell names the second and the id in the third passes. The two cells together name the third; the id word stays.
// An id word alone in a cell is a label's piece, never a value (the pairwise read would redact `ID` and let the id pass).
const ID_WORD = /^(?:ids?|number|no\.?|#|nbr|num)$/i;
const SPLIT_LABEL_RE = /<(th|td|dt|b|strong)\b[^<>]{0,200}>\s*([A-Za-z][A-Za-z0-9 _.\/-]{0,40}?)\s*<\/\1>\s*<(th|td|dt|b|strong)\b[^<>]{0,200}>\s*(ids?|number|no\.?|#|nbr|num)\s*:?\s*<\/\3>(\s*<(td|dd|span)\b[^<>]{0,200}>)([^<]{1,200})<\/\6>/gi;

function rewriteSplitLabels(text: string, verdict: PairVerdict): string {
  if (text.indexOf('</') < 0) return text;
  return text.replace(SPLIT_LABEL_RE, (whole: string, _t1: string, label: string, _t2: string, idWord: string, open: string, tag: string, value: string) => {
    const trimmed = value.trim();
    const v = trimmed === '' ? null : verdict(`${label} ${idWord}`, trimmed);
    if (v === null) return whole;
    return `${whole.slice(0, whole.length - value.length - tag.length - 3 - open.length)}${open}${v}</${tag}>`;
  });
}

export function rewriteCellPairs(text: string, verdict: PairVerdict): string | undefined {
  let changed = false;
  const split = rewriteSplitLabels(text, verdict);
  if (split !== text) { changed = true; text = split; }
  const out = text.replace(CELL_PAIR_RE, (whole: string, _label: string, label: string, open: string, tag: string, value: string) => {
    const trimmed = value.trim();
    const v = trimmed === '' || ID_WORD.test(trimmed) ? null : verdict(label, trimmed);
    if (v === null) return whole;
    changed = true;
    return `${whole.slice(0, whole.length - value.length - tag.length - 3 - open.length)}${open}${v}</${tag}>`;
  });
  return changed ? out : undefined;
}
