// Blind pass 45 (H232): a help article telling how to use one of a visitor's own areas (`/help/how-to-request-a-refill`,
// `/how-to-cancel-an-appointment`, `/ayuda/como-pagar-su-factura`) is public: anyone reads it, before or without being a
// patient, and it reveals no one's care (OCR 2024: an unauthenticated page without a booking or a condition). README's
// policy lets how-to pages flow (`/how-to-request-your-records-online`, `/blog/how-to-make-a-referral`, `/mychart-help/faq`),
// but the rules that find an area's words anywhere in a segment (`…-refill`, `cancel-an-appointment`, `…-intake-form`)
// blocked such an article wherever its title named the area. The rules still decide for the page it sits under: an
// article under a blocked page (`/portal/how-to-…`) blocks, and so does any step after it (`/how-to-pay/confirmation`).
const HOW_TO = /\/(?:how-(?:to|do-i|can-i|do-you|does)|como|comment|come-(?:si|fare)|wie-(?:sie|kann|man))-[a-z0-9-]*[a-z0-9]$/;

/** Whether the path's last segment is a how-to article's slug. */
export const isHowToArticle = (path: string): boolean => path.length > 8 && HOW_TO.test(path);

/** The path the article sits under (`/help/how-to-x` → `/help`, `/how-to-x` → `/`). */
export const articleParent = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';
