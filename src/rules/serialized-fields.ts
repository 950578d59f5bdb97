import type { PairVerdict } from './embedded-fields.js';

// Field names inside serialisations that no `key=value` reading sees.

// PHP `serialize()` (a WordPress plugin's stored form, a session blob): each key is a string
// entry followed by its value entry, `s:9:"last_name";s:3:"Doe";` or `s:3:"age";i:93;`. The
// length prefixes are rewritten to fit the replaced values.
const PHP_PAIR = /s:\d{1,4}:"([^"]{1,64})";(?:s:\d{1,6}:"([^"]{0,4096})"|[id]:(-?[\d.]{1,20}));/g;

export function rewritePhp(text: string, verdict: PairVerdict): string | undefined {
  let changed = false;
  const out = text.replace(PHP_PAIR, (whole: string, key: string, str: string | undefined, num: string | undefined) => {
    const value = str ?? num ?? '';
    const v = value === '' ? null : verdict(key, value);
    if (v === null) return whole;
    changed = true;
    // A number's replacement (`[REDACTED]`, `>=90`) is text: written back as a string entry.
    return `s:${key.length}:"${key}";s:${v.length}:"${v}";`;
  });
  return changed ? out : undefined;
}

// A multipart/form-data body kept as text: `Content-Disposition: form-data; name="last_name"`,
// optional headers, a blank line, then the value on its own line(s) up to the boundary.
const PART = /form-data;[ \t]*name="([^"]{1,64})"[^\r\n]*\r?\n(?:[A-Za-z-]{1,40}:[^\r\n]*\r?\n){0,4}\r?\n([^\r\n]{1,4096})/g;

export function rewriteMultipart(text: string, verdict: PairVerdict): string | undefined {
  let changed = false;
  const out = text.replace(PART, (whole: string, key: string, value: string) => {
    const v = verdict(key, value);
    if (v === null) return whole;
    changed = true;
    return whole.slice(0, whole.length - value.length) + v;
  });
  return changed ? out : undefined;
}
