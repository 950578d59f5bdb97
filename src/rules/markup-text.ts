// Markup kept as text (an element's innerHTML captured by autocapture, a chat widget's message, a CMS
// field) can split an identifier with tags a browser never shows: `jane.doe<wbr>@example.org`,
// `<b>jane.doe</b><span>@</span>example.org`, `<span>287</span>-<span>65</span>-<span>4321</span>`,
// `Name: <b>Jane Doe</b>`. Whoever renders it reads the words whole, so the detectors read the text with
// inline formatting tags and comments taken out. Tags that carry data stay, for markup-fields.ts and the
// link readings: links (`<a href="mailto:…">`), `<data>`, `<time>` and any tag with a data attribute
// (`itemprop`, `property`, `content`, `value`, `datetime`, `href`). Block tags (paragraphs, cells, line
// breaks) part words: they are read as a line break, so a cue opens its line (`<p>Name: Jane Doe</p>`).

const TAG = /<!--[\s\S]{0,2048}?-->|<\/?(?:(b|i|u|s|em|strong|span|small|mark|sub|sup|font|wbr|abbr|bdi|bdo|cite|code|dfn|ins|del|kbd|q|samp|tt|var|nobr)|p|div|li|ul|ol|dl|dt|dd|td|th|tr|table|tbody|thead|br|hr|h[1-6]|section|article|header|footer|blockquote|pre)(\s[^<>]{0,512})?\/?>/gi;
const DATA_ATTR = /\b(?:itemprop|property|content|value|datetime|href)\s*=/i;

const unwrap = (tag: string, inline: string | undefined, attrs: string | undefined): string =>
  (attrs !== undefined && DATA_ATTR.test(attrs) ? tag : inline !== undefined || tag.charCodeAt(1) === 33 ? '' : '\n');

/** `text` as shown: inline formatting tags and comments taken out, block tags a line break; undefined when it has none. */
export function inlineUnwrapped(text: string): string | undefined {
  const lt = text.indexOf('<');
  if (lt < 0 || text.indexOf('>', lt) < 0) return undefined;
  const out = text.replace(TAG, unwrap);
  return out === text ? undefined : out;
}
