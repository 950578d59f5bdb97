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
