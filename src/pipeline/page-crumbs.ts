// Breadcrumbs as page readings: an array of pages or a trail written as text.
import type { JsonValue } from '../common/json.js';
import { isPathOrUrl } from './link-values.js';
import { pageNamePath } from './page-readings.js';

// A trail's leading `Home` crumb, as pageNamePath writes it.
const HOME_PREFIX = /^\/home(?=\/)/;

/** The paths and URLs of an array of pages (strings, or objects with a url, path or href), or a trail as text, appended to `out`. */
export function crumbs(v: JsonValue | undefined, out: string[] | undefined): string[] | undefined {
  // A trail written as text (`Home > Billing > Pay My Bill`) is a page name after its first crumb.
  if (typeof v === 'string' && v.length > 0) { (out ??= []).push(pageNamePath(v).replace(HOME_PREFIX, '')); return out; }
  if (!Array.isArray(v)) return out;
  for (const item of v.slice(0, 50)) {
    if (isPathOrUrl(item)) (out ??= []).push(item);
    else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      for (const k of ['url', 'path', 'href', 'link', 'item']) { const u = item[k]; if (isPathOrUrl(u)) (out ??= []).push(u); }
    }
  }
  return out;
}
