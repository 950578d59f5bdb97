// V8 keeps each module's source text for the life of the process, and one character beyond
// Latin-1 makes it store the whole text as UTF-16: dist/phiwall.js (~0.6 MB) held 1.2 MB in every
// collector process for a `’` in a comment. esbuild already escapes strings, templates and
// identifiers; it leaves comments and regular-expression literals as written, so those characters
// are escaped here. `\uXXXX` means the same character in a regex literal (a character beyond the
// BMP as its two surrogate escapes, which a `u` regex reads as one code point) and is plain text
// in a comment. A backslash right before such a character would change meaning, so it is refused.

/** `code` with every character beyond ASCII written as `\uXXXX`. */
export function asciiOnly(code, file = 'bundle') {
  return code.replace(/[^\x00-\x7f]/g, (ch, offset) => {
    if (code[offset - 1] === '\\') {
      const line = code.slice(0, offset).split('\n').length;
      throw new Error(`${file}:${line}: escaped non-ASCII character ${JSON.stringify(ch)}: write it as \\u${ch.charCodeAt(0).toString(16).padStart(4, '0')} in the source`);
    }
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
