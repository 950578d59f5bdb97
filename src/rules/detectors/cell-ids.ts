import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A bare `ID` labelling a number in a cell of a card or table copied out as text (Safe Harbor H, I): an insurance
// card's `Member | ID H44182071`, `| ID H44182071 |`, `| ID | W12345678 |`, a line `ID: 88213341`. Alone `ID` says
// little in prose (`the ID 12345 you sent us`), so the label must open a cell (the text's or a line's start, after
// `|`, a tab or a tag's `>`) and the value must end one (the line's end, `|`, a tab or `<`). The value is an id's
// shape: up to three letters, five digits or more, one more letter (`ABC-123456`, `W12345678`, `88213341X`).
const CELL_ID_RE = /(?:^|[|\t>])[ \t]*(?:ID|Id)(?:[ \t]*[:#|][ \t]*|[ \t]+)([A-Za-z]{0,3}-?[0-9]{5,15}[A-Za-z]?)(?=[ \t]*(?:$|[|\t<]))/gm;

/** Ids after a bare `ID` opening a cell, ending theirs (see above). */
export function scanCellIds(text: string, out: Detection[], kind: string): void {
  if (text.indexOf('ID') < 0 && text.indexOf('Id') < 0) return;
  const re = resetAt(CELL_ID_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index + m[0].length - (m[1] as string).length, end: m.index + m[0].length, kind });
}
