import { isAsciiLetter, isDigit } from './scan.js';

const HYPHEN_OR_SPACE = /[- ]/g;

// Codes that name a product, not a person, printed after their own label (R's long-number net
// would take them): a drug's NDC in one of its three dashed layouts (`NDC 0002-8215-01`: 4-4-2,
// 5-3-2, 5-4-1; the 11-digit 5-4-2 billing form too) and a book's ISBN whose check digit holds
// (`ISBN 978-0-306-40615-7`, `ISBN-10: 0-306-40615-2`), a UPC/EAN/GTIN whose GS1 check digit holds
// (`UPC 036000291452`). Without the label, or with another
// layout or a wrong check digit, the digits stay a number.
const NDC_LAYOUTS = new Set(['4-4-2', '5-3-2', '5-4-1', '5-4-2']);

/** The label right before `start` (spaces, `:`, `#` between), lower-cased, or ''. */
function labelBefore(text: string, start: number): string {
  let j = start;
  while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 58 || text.charCodeAt(j - 1) === 35)) j--;
  let k = j;
  while (k > 0 && (isAsciiLetter(text.charCodeAt(k - 1)) || isDigit(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 45) && j - k < 8) k--;
  if (k > 0 && isAsciiLetter(text.charCodeAt(k - 1))) return '';
  return text.slice(k, j).toLowerCase();
}

/** An ISBN-13 (978/979) or ISBN-10 whose check digit holds, digits only. */
export function isbnValid(d: string): boolean {
  if (d.length === 13) {
    let s = 0;
    for (let i = 0; i < 13; i++) s += (d.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
    return s % 10 === 0 && (d.startsWith('978') || d.startsWith('979'));
  }
  if (d.length !== 10) return false;
  let s = 0;
  for (let i = 0; i < 10; i++) s += (d.charCodeAt(i) - 48) * (10 - i);
  return s % 11 === 0;
}

/** A GS1 check digit (UPC-A, EAN-8/13, GTIN-14): the digits weighted 3 and 1 from the right sum to a multiple of 10. */
function gs1Valid(d: string): boolean {
  if (d.length !== 8 && d.length !== 12 && d.length !== 13 && d.length !== 14) return false;
  let s = 0;
  for (let i = d.length - 1, w = 1; i >= 0; i--, w = 4 - w) s += (d.charCodeAt(i) - 48) * w;
  return s % 10 === 0;
}

// A shop's order or invoice number written with its prefix and year (`ORD-2026-123456` in a receipt's table, `INV-2025-0042`):
// a purchase, not a person (the order keys keep the same shapes, named-values.ts). A record's prefix (`MRN-2026-…`) is no
// shop's, and a number of 9 digits or more after the year stays a number.
const SHOP_PREFIX = /^(?:ord|order|txn|trx|inv|invoice|po|so|pur|pay|cart|bsk|basket|shop|web|receipt|rcpt)[-_#]$/;
const YEAR_ORDER = /^20\d\d[-_]\d{4,8}$/;

/** Whether text[start, end) is an NDC, ISBN or GS1 product number (UPC, EAN, GTIN) printed after its label, or a shop's order number. */
export function productCode(text: string, start: number, end: number): boolean {
  const label = labelBefore(text, start);
  if (label === 'ndc') return NDC_LAYOUTS.has(text.slice(start, end).split('-').map((g) => g.length).join('-'));
  if (label === 'isbn' || label === 'isbn-13' || label === 'isbn-10' || label === 'isbn13' || label === 'isbn10') return isbnValid(text.slice(start, end).replace(HYPHEN_OR_SPACE, ''));
  if (label === 'upc' || label === 'ean' || label === 'gtin' || label === 'upc-a' || label === 'ean-13') return gs1Valid(text.slice(start, end).replace(HYPHEN_OR_SPACE, ''));
  return SHOP_PREFIX.test(label) && YEAR_ORDER.test(text.slice(start, end));
}
