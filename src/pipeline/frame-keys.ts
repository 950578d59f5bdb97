import { normalizeFieldName } from '../rules/field-name.js';
import { BoundedMemo } from '../common/bounded-memo.js';

// Key shapes that put an event inside a frame, widget or host page (see page-properties.ts): the
// address under them is where the event happened, not a link the visitor may follow.

/**
 * The shape of a key that says where the event happened rather than where a link goes: a word for
 * the place a script runs in (the page, the document or window, a frame or embed, the widget, the
 * parent or top window, the host or container page), then a word for an address (`widget_url`,
 * `parentUrl`, `top_location`, `host_page`, `embedding_page_url`, `containerHref`). A key with the
 * address word alone (`url`, `href`, `link_url`, `target`) stays a link (see LINK_PARTS). `parent`
 * is also a page's parent in a site's tree (`parent_path: "/billing"` on the billing FAQ): with it
 * only the browser's address words count (`parent_url`, `parentLocation`), not a path or a page.
 */
const PLACE = 'page|current|document|window|browser|i?frame|framed|framing|embed|embedded|embedding|widget|top|toplevel|host|hosting|container|outer';
const FRAME_AT = new RegExp(`^(?:${PLACE}|parent)+(?:url|uri|href|location|loc|src|address)$|^(?:${PLACE})+(?:path|pathname)$|^(?:${PLACE})*(?:host|hosting|embedding|framing|container|outer)page$`);
/**
 * Normalized names of a frame's or host page's own object (`iframe: {src, title}`, `widget: {host: {url}}`,
 * `parentWindow: {href}`): its `src`/`url`/`href`/`path` is where the event happened. `parent` alone is
 * a site tree's as often as a window's: only `parentWindow`, `parentFrame`, `parentDocument`.
 */
const FRAME_OBJECT = /^(?:i?frame|framed|framing|embed|embedded|embedding|widget|top|toplevel|host|hosting|container|outer|child)+(?:frame|window|page|context|info|document)?$|^parent(?:frame|window|document)$/;
export const FRAME_SRC_KEYS = ['src', 'url', 'href', 'location', 'path', 'pathname', 'uri'];

/** Whether a normalized key name has FRAME_AT's shape. */
export const isFrameAt = (norm: string): boolean => FRAME_AT.test(norm);

// Object keys repeat across events: remembered (bounded) like kinds.
const frameObjects = new BoundedMemo<boolean>(10_000);
export function isFrameObject(key: string): boolean {
  let hit = frameObjects.get(key);
  if (hit === undefined) {
    hit = FRAME_OBJECT.test(normalizeFieldName(key));
    frameObjects.set(key, hit);
  }
  return hit;
}
