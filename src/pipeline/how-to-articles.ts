// Blind pass 45 (H232): a help article telling how to use one of a visitor's own areas (`/help/how-to-request-a-refill`,
// `/how-to-cancel-an-appointment`, `/ayuda/como-pagar-su-factura`) is public: anyone reads it, before or without being a
// patient, and it reveals no one's care (OCR 2024: an unauthenticated page without a booking or a condition). README's
// policy lets how-to pages flow (`/how-to-request-your-records-online`, `/blog/how-to-make-a-referral`, `/mychart-help/faq`),
// but the rules that find an area's words anywhere in a segment (`…-refill`, `cancel-an-appointment`, `…-intake-form`)
// blocked such an article wherever its title named the area. The rules still decide for the page it sits under: an
// article under a blocked page (`/portal/how-to-…`) blocks, and so does any step after it (`/how-to-pay/confirmation`).
// Blind pass 46 (H234): the openings in the pack's other languages too, whatever word follows them (`/it/come-pagare-la-
// fattura` blocked where `/es/como-pagar-mi-factura` flowed): Italian `come`, German `wie`, Dutch `hoe`, Polish `jak`,
// Tagalog `paano`, Vietnamese `cach`, pinyin `ruhe`, transliterated Arabic `kayfa`.
const HOW_TO = /\/(?:how-(?:to|do-i|can-i|do-you|does)|como|comment|come|wie|hoe|jak|paano|cach|ruhe|kayfa|kaifa)-[a-z0-9-]*[a-z0-9]$/;

// A slug that ends in a step's word (`how_to_pay_confirmation`, an app's screen for the step after paying) is that step,
// not an article about it.
const STEP_END = /-(?:confirm|confirmation|confirmed|success|successful|thank-you|thanks|submitted|complete|completed|done)$/;

/** Whether the path's last segment is a how-to article's slug. */
export const isHowToArticle = (path: string): boolean => path.length > 8 && HOW_TO.test(path) && !STEP_END.test(path);

/** The path the article sits under (`/help/how-to-x` → `/help`, `/how-to-x` → `/`). */
export const articleParent = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';
