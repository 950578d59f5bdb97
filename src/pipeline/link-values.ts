import type { JsonValue } from '../common/json.js';

// A file's extension ending the path (a query of its own may follow; no fragment), of a path or an http(s) URL.
const DOCUMENT_FILE = /^(?:\/|https?:\/\/)[^?#]*\/[^/?#]+\.(?:pdf|docx?|xlsx?|pptx?|csv|rtf|odt|ods|txt|zip|ics|epub)(?:\?[^#]*)?$/i;

/**
 * A document's address under `href` or `url` (a download: `href: "/documents/visitor-guide.docx"`) is the link's, not
 * the page's: analytics runs on pages, not inside a PDF. page-properties.ts reads it as a link (dropped when it leads
 * to a blocked page) and the url rule sends it (sanitize_url).
 */
export function documentLink(key: string, v: JsonValue | undefined): v is string {
  return (key === 'href' || key === 'url') && typeof v === 'string' && v.length <= 2048 && DOCUMENT_FILE.test(v);
}

// A media element's source as a string (`poster`, `player_src`) is an address too, sent as the url rule sends one
// (rule-exceptions.ts mediaSource): page-properties.ts drops it when it leads to a blocked page, like a link.
const MEDIA_KEY = /(?:src|poster|img)$/i;

/** Whether a top-level property's key names a media element's source (see above). */
export function mediaKey(key: string): boolean {
  return MEDIA_KEY.test(key);
}
