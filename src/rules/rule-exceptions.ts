// Values under a key a field rule names that name no one, told by the value's whole shape (scrub-tree's scrubField asks
// only after a rule matched the key, so other strings pay nothing):
// - an app's screen, view or route name under a screen-name key (`screen_name: "FindCareScreen"`, `screenName:
//   "appointment_type_screen"`): the unique_id rule reads `screen_name` as Twitter's username, which `DorotaK` or
//   `marisolq_1984` still is;
// - a site's picture under an image key (`hero_image`, `og:image`, `thumbnail_url`, `featured_image`): a web address or
//   path of an image file, with no query but an image CDN's size and format, no directory or file name of a person's
//   pictures (the photo_path detector: `/patients/123/photo.jpg`, `avatars/`, `headshot`) and no number of 3+ digits as
//   a directory (`/users/77120/…`, `/u/8841/…`). It then goes as the url rule sends an address (sanitize_url: id-like
//   segments cut, detectors read). Keys naming a person's, a document's or a body's picture stay dropped whatever the value.
import { photoPathDetector } from './detectors/photo-path.js';
import type { Detection } from './detectors/types.js';

export const NOT_SPARED = 0;
/** Scrubbed as any string (the detectors still read it). */
export const SCREEN_NAME = 1;
/** Sent as the url rule sends an address. */
export const PUBLIC_IMAGE = 2;
export type Spared = typeof NOT_SPARED | typeof SCREEN_NAME | typeof PUBLIC_IMAGE;

const SCREEN_KEY = /screen|view|route/;
const SCREEN_VALUE = /^(?:[A-Z][A-Za-z0-9]{0,40}(?:Screen|View|Page|Activity|Fragment|Controller|Tab|Modal|Dialog|Sheet|Scene|Route|Picker|List|Details?|Form|Wizard|Flow|Menu|Drawer|Panel|Popup|Overlay)|[a-z]{1,20}(?:[_-][a-z]{1,20}){0,4}[_-](?:screen|view|page|tab|modal|dialog|sheet))$/;

const IMAGE_KEY = /image|thumbnail|picture/;
const PERSON_KEY = /profile|avatar|user|patient|member|selfie|face|headshot|portrait|person|people|customer|signature|upload|card|licen[cs]e|passport|insurance|document|scan|xray|wound|skin|rash|lesion|photo|biometric|finger|retina|iris|my/;
const SIZE_PARAM = '(?:w|h|width|height|fm|format|q|quality|fit|auto|dpr|crop|v|ver)=[A-Za-z0-9.,_-]{1,16}';
const IMAGE_URL = new RegExp(`^(?:https?://[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?)?/[A-Za-z0-9@._~%/-]{0,400}\\.(?:jpe?g|png|gif|webp|avif|svg)` +
  `(?:\\?${SIZE_PARAM}(?:&${SIZE_PARAM}){0,7})?$`, 'i');
const NUMBER_DIR = /\/(?!(?:19|20)\d\d\/)\d{3,}\//;

const found: Detection[] = [];

/** Whether `value` under the key `norm`, which the rule `ruleId` names, is one of the values above. */
export function sparedBy(ruleId: string, norm: string, value: string): Spared {
  if (ruleId === 'unique_id') return SCREEN_KEY.test(norm) && SCREEN_VALUE.test(value) ? SCREEN_NAME : NOT_SPARED;
  if (ruleId !== 'biometric' || !IMAGE_KEY.test(norm) || PERSON_KEY.test(norm)) return NOT_SPARED;
  if (!IMAGE_URL.test(value) || NUMBER_DIR.test(value)) return NOT_SPARED;
  found.length = 0;
  photoPathDetector.find(value.replace(/^https?:\/\/[^/]*/i, ''), found);
  return found.length === 0 ? PUBLIC_IMAGE : NOT_SPARED;
}
