// A build or release numbered by its day, written without separators (`build 20261129`, `release 20261104`,
// `build 20261128.3`): a version, not a date of birth or service nor a record number. Only a year of this century with a
// real month and day, right after the word for a version (`build`, `release`, `version`, `ver`, `rev`, `sdk`, `firmware`,
// `fw`, `nightly`), optionally `#` or `:` between, and optionally one `.N` counter after. After `dob`, `DOS` or any other
// word the same digits are still a date (date.ts) or a number (long-number.ts). A bare `release` may be a discharge
// (date.ts skips it for dotted dates): here it counts only when the number ends the value or a list item
// (`release 20261104`, `sdk: release 20261104; os: 17`), not before more words (`release 20261128 from ward 3`).
const LEAD_RE = /(?:^|[^A-Za-z])(?:version|ver|build|firmware|fw|sdk|rev|revision|nightly)\.?\s?[:#]?\s?$/i;
const RELEASE_RE = /(?:^|[^A-Za-z])(?:release|rel)\.?\s?[:#]?\s?$/i;
const ENDS_ITEM_RE = /^\s*(?:$|[,;|)\]}"'\n])/;
const COMPACT_RE = /^20\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\.\d{1,4})?$/;

/** Whether the digits at [start, end) are a day-numbered build after a version word (see above). */
export function calendarBuild(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 8 || len > 13 || text.charCodeAt(start) !== 50) return false;
  if (!COMPACT_RE.test(text.slice(start, end))) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  return LEAD_RE.test(before) || (RELEASE_RE.test(before) && ENDS_ITEM_RE.test(text.slice(end, end + 3)));
}

// A dotted version of three or four parts after the word for it (`version 10.0.19045.3803`, `build 17.1.2`, `firmware
// 4.12.0`): a major part of 1-3 digits and no part over 5 digits. `version 617.555.0134` (three parts, a 3-digit major)
// stays a phone number's shape, as under a version key.
const DOTTED_RE = /^[0-9]{1,3}(?:\.[0-9]{1,5}){2,3}$/;

/** Whether the dotted digits at [start, end) are a software version after a version word (see above). */
export function dottedVersion(text: string, start: number, end: number, parts: number): boolean {
  if (parts === 3 && text.charCodeAt(start + 2) !== 46 && text.charCodeAt(start + 1) !== 46) return false;
  return DOTTED_RE.test(text.slice(start, end)) && LEAD_RE.test(text.slice(Math.max(0, start - 12), start));
}
