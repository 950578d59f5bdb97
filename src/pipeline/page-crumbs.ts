// Breadcrumbs as page readings: an array of pages or a trail written as text.
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { classNamePaths } from './class-names.js';
import { isPathOrUrl } from './link-values.js';
import { pageNamePath } from './page-readings.js';

// A trail's leading `Home` crumb, as pageNamePath writes it.
const HOME_PREFIX = /^\/home(?=\/)/;

/** The paths and URLs of an array of pages (strings, or objects with a url, path or href), or a trail as text, appended to `out`. */
export function crumbs(v: JsonValue | undefined, out: string[] | undefined): string[] | undefined {
  // A trail written as text (`Home > Billing > Pay My Bill`) is a page name after its first crumb.
  if (typeof v === 'string' && v.length > 0) { (out ??= []).push(pageNamePath(v).replace(HOME_PREFIX, '')); return out; }
  // Sentry's breadcrumbs as its envelope sends them: `{values: [...]}`.
  if (isJsonObject(v) && Array.isArray(v.values)) v = v.values;
  if (!Array.isArray(v)) return out;
  for (const item of v.slice(0, 50)) {
    if (isPathOrUrl(item)) (out ??= []).push(item);
    else if (isJsonObject(item)) {
      for (const k of ['url', 'path', 'href', 'link', 'item']) { const u = item[k]; if (isPathOrUrl(u)) (out ??= []).push(u); }
      if (item.category === 'navigation' && isJsonObject(item.data)) out = navigation(item.data, out);
    }
  }
  return out;
}

/**
 * A crash reporter's navigation crumb (Sentry's `{category: "navigation", data: {from, to}}`): the screens or pages the
 * app went between, by path or by a screen's name (`LabResultDetail`, `PatientPortalInbox`), both screens the user saw.
 */
function navigation(data: JsonObject, out: string[] | undefined): string[] | undefined {
  for (const k of ['from', 'to']) {
    const s = data[k];
    if (typeof s !== 'string' || s.length < 2) continue;
    (out ??= []).push(isPathOrUrl(s) ? s : pageNamePath(s));
    for (const p of isPathOrUrl(s) ? [] : classNamePaths(s)) out.push(p);
  }
  return out;
}
