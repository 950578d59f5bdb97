// Random ids only: nothing here is derived from the device (no fingerprinting).

/**
 * 128 random bits as four decimal words. Segment only asks messageId/anonymousId to be unique
 * strings, and getRandomValues (unlike randomUUID) also exists on plain-http pages.
 */
export const randomId = (): string => crypto.getRandomValues(new Uint32Array(4)).join('-');

/**
 * Opt-in first-party id: reads or creates the `pw_id` cookie (1 year, SameSite=Lax, Secure; on a
 * plain-http page other than localhost the browser refuses it and the id lasts one page). With
 * `remove` it deletes it: the id must not outlive withdrawn consent.
 */
export function cookieId(remove?: boolean): string {
  const m = document.cookie.match(/pw_id=([\d-]+)/);
  const id = m && !remove ? m[1] : randomId();
  document.cookie = `pw_id=${id};path=/;SameSite=Lax;Secure;max-age=${remove ? 0 : 31536000}`;
  return id;
}
