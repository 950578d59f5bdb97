import type { PairVerdict } from './embedded-fields.js';

// A table kept as text (a CSV export or upload preview, a pasted spreadsheet, a Markdown table):
// `first,last,dob` on the first line names each column, and every cell below is read as the field
// its column names. A two-column table is also read row by row as label and value (`| Patient | Jane
// Doe |`, `DOB<TAB>1961-03-04`): a record printed as a table names each field in its first cell.
const HEADER_CELL = /^[A-Za-z_][A-Za-z0-9_ .-]{0,40}$/;
const TABLE_SEPARATORS = [',', ';', '\t', '|'];
// Markdown's line under the header (`|---|:---:|`).
const RULE_ROW = /^[\s|:-]*-{3,}[\s|:-]*$/;
const TRAILING_CR = /\r$/;
const EDGE_QUOTES = /^"|"$/g;
const EDGE_QUOTES_AND_CR = /^\s*"|"\s*$|\r$/g;
// A Markdown row's outer pipes (kept) around its cells.
const TABLE_ROW_CELLS = /^(\s*\|)?([^]*?)(\|\s*\r?)?$/;

/** `nl`: the text's first line break, which ends the header. */
export function rewriteTable(text: string, nl: number, verdict: PairVerdict): string | undefined {
  const header = text.slice(0, nl).replace(TRAILING_CR, '');
  const sep = TABLE_SEPARATORS.find((c) => header.includes(c));
  if (sep === undefined) return undefined;
  const names = rowOf(header, sep).cells.map((c) => c.replace(EDGE_QUOTES, '').trim());
  if (names.length < 2 || !names.every((n) => HEADER_CELL.test(n))) return undefined;
  let changed = false;
  let vertical = false;
  const lines = text.split('\n');
  for (let at = 1; at < lines.length; at++) {
    if (RULE_ROW.test(lines[at])) continue;
    const row = rowOf(lines[at], sep);
    const cells = row.cells;
    if (names.length === 2 && labelPair(cells, verdict)) vertical = changed = true;
    for (let i = 0; i < cells.length && i < names.length; i++) {
      const cell = cells[i].replace(EDGE_QUOTES_AND_CR, '').trim();
      const v = cell === '' ? null : verdict(names[i], cell);
      if (v !== null) { cells[i] = v; changed = true; }
    }
    lines[at] = `${row.pre}${cells.join(sep)}${row.post}`;
  }
  // The first line is a header unless the rows below are labels and values: then it is a pair too.
  if (vertical) { const row = rowOf(lines[0], sep); if (labelPair(row.cells, verdict)) lines[0] = `${row.pre}${row.cells.join(sep)}${row.post}`; }
  return changed ? lines.join('\n') : undefined;
}

/** Reads a two-cell row as a label and its value (`Patient | Jane Doe`), replacing the value in `cells`. */
function labelPair(cells: string[], verdict: PairVerdict): boolean {
  if (cells.length !== 2) return false;
  const label = cells[0].trim();
  const value = cells[1].replace(TRAILING_CR, '').trim();
  const v = value !== '' && HEADER_CELL.test(label) ? verdict(label, value) : null;
  if (v === null) return false;
  cells[1] = cells[1].endsWith('\r') ? `${v}\r` : v;
  return true;
}

/** A row's cells without a Markdown row's outer pipes (`| a | b |`), which are kept as `pre`/`post`. */
function rowOf(line: string, sep: string): { cells: string[]; pre: string; post: string } {
  if (sep !== '|') return { cells: splitRow(line, sep), pre: '', post: '' };
  const m = TABLE_ROW_CELLS.exec(line);
  const pre = m?.[1] ?? '', post = m?.[3] ?? '';
  return { cells: splitRow(m?.[2] ?? line, sep), pre, post };
}

/** A row's cells; a separator inside double quotes (`"Doe, Jane"`) is part of its cell. */
function splitRow(line: string, sep: string): string[] {
  const cells: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) { cells.push(line.slice(start, i)); start = i + 1; }
  }
  cells.push(line.slice(start));
  return cells;
}
