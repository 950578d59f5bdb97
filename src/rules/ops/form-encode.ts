// sanitize_url's kept query parameters written back as URLSearchParams writes them (split from sanitize-url.ts, H193).

// Bytes the form encoder leaves as they are: `*-._`, digits, ASCII letters.
const FORM_SAFE = new Uint8Array(128);
for (const c of '*-._0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') FORM_SAFE[c.charCodeAt(0)] = 1;

/** `new URLSearchParams([...kept]).toString()`, by hand when every name and value is ASCII. */
export function serializeQuery(kept: ReadonlyMap<string, string>): string {
  let out = '';
  for (const [k, v] of kept) {
    const name = formEncode(k);
    const value = formEncode(v);
    if (name === undefined || value === undefined) return new URLSearchParams([...kept]).toString();
    out += (out === '' ? '' : '&') + name + '=' + value;
  }
  return out;
}

function formEncode(s: string): string | undefined {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return undefined;
    if (FORM_SAFE[c] === 1) continue;
    out += s.slice(from, i) + (c === 32 ? '+' : '%' + (c < 16 ? '0' : '') + c.toString(16).toUpperCase());
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
