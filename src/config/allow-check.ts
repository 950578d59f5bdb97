import { ALLOW_ROOTS, PAGE_FIELDS } from '../pipeline/allowed-fields.js';
import { didYouMean } from './suggest.js';

// An allow entry whose first segment names no output field allows nothing, silently: the analyst
// believes a field flows that never does.
const ROOTS: readonly string[] = ALLOW_ROOTS;
const PAGE_KEYS: readonly string[] = PAGE_FIELDS;
const WILD = new Set(['*', '**']);

export interface AllowIssue { path: (string | number)[]; message: string }

/** Allow entries that cannot match any output field, with the nearest valid one. */
export function allowIssues(destinations: Readonly<Record<string, { allow: readonly string[] }>> | undefined): AllowIssue[] {
  const out: AllowIssue[] = [];
  for (const [name, d] of Object.entries(destinations ?? {})) {
    d.allow.forEach((pattern, i) => {
      const [root = '', sub] = pattern.split('.');
      const path = ['destinations', name, 'allow', i];
      if (!WILD.has(root) && !ROOTS.includes(root)) {
        out.push({ path, message: `"${root}" is not an output field${didYouMean(root, ROOTS)}; an entry starts with one of: ${ROOTS.join(', ')}` });
      } else if (root === 'page' && sub !== undefined && !WILD.has(sub) && !PAGE_KEYS.includes(sub)) {
        out.push({ path, message: `"page.${sub}" is not an output field${didYouMean(sub, PAGE_KEYS)}; page has ${PAGE_KEYS.join(', ')}` });
      }
    });
  }
  return out;
}
