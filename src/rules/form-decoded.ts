import { safeDecode } from './canonical-path.js';

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
}

/** Whether `text` holds a `%XX` escape. */
function hasEscape(text: string): boolean {
  for (let i = text.indexOf('%'); i >= 0 && i + 2 < text.length; i = text.indexOf('%', i + 1)) {
    if (isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) return true;
  }
  return false;
}

/** A `+` standing for a space: glued to text on both sides (`617+555`), not `+1 617` or `C++`. */
function hasGluedPlus(text: string): boolean {
  for (let i = text.indexOf('+'); i >= 0; i = text.indexOf('+', i + 1)) {
    if (i === 0 || i + 1 === text.length) continue;
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    if (before !== 32 && before !== 43 && after !== 32 && after !== 43) return true;
  }
  return false;
}

/**
 * The text as a form decoder reads it (`+` is a space, `%XX` escapes undone, repeatedly), or
 * undefined when it does not look encoded. Values copied from query strings and form posts
 * arrive encoded (`617+555+0100`, `dob%3D1961-03-05`, `jane%2540example.org`), sometimes after
 * a plain prefix (`Form Submitted: (617)+555-0100`): detectors must see what the receiving end
 * will decode, not only the escaped spelling.
 */
export function formDecoded(text: string): string | undefined {
  const plus = hasGluedPlus(text);
  if (!plus && !hasEscape(text)) return undefined;
  const decoded = safeDecode(plus ? text.replace(/\+/g, ' ') : text);
  return decoded === text ? undefined : decoded;
}

/** The text with compatibility forms folded (NFKC: fullwidth `＠１２３`, typed by IME users, is `@123` to any system downstream), or undefined when that changes nothing. */
export function folded(text: string): string | undefined {
  const f = text.normalize('NFKC');
  return f === text ? undefined : f;
}
