// Base64 as mail (MIME, 76 characters a line) and PEM (64) write it: the lines joined are one
// token, and a scrubbed copy is wrapped the same way. Only the first line's length is looked at
// before anything is split: most values have no line break at 64 or 76.
export type Wrapped = { readonly token: string; readonly wrap: (token: string) => string };

export function wrappedToken(value: string): Wrapped | undefined {
  const nl = value.indexOf('\n');
  const cr = nl > 0 && value.charCodeAt(nl - 1) === 13;
  const width = cr ? nl - 1 : nl;
  if (width !== 76 && width !== 64) return undefined;
  const eol = cr ? '\r\n' : '\n';
  const lines = value.split(eol);
  const trailing = lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  const last = lines[lines.length - 1];
  if (last.length === 0 || last.length > width || lines.some((l, i) => i < lines.length - 1 && l.length !== width)) return undefined;
  const wrap = (token: string): string => {
    const out: string[] = [];
    for (let i = 0; i < token.length; i += width) out.push(token.slice(i, i + width));
    return out.join(eol) + (trailing ? eol : '');
  };
  return { token: lines.join(''), wrap };
}
