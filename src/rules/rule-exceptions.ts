// Values under a key a field rule names that name no one, told by the value's whole shape (scrub-tree's scrubField asks
// only after a rule matched the key, so other strings pay nothing):
// - an app's screen, view or route name under a screen-name key (`screen_name: "FindCareScreen"`, `screenName:
//   "appointment_type_screen"`): the unique_id rule reads `screen_name` as Twitter's username, which `DorotaK` or
//   `marisolq_1984` still is;
// - a site's picture under an image key (`hero_image`, `og:image`, `thumbnail_url`, `featured_image`): a web address or
//   path of an image file, with no query but an image CDN's size and format, no directory or file name of a person's
//   pictures (the photo_path detector: `/patients/123/photo.jpg`, `avatars/`, `headshot`) and no number of 3+ digits as
//   a directory (`/users/77120/…`, `/u/8841/…`). It then goes as the url rule sends an address (sanitize_url: id-like
//   segments cut, detectors read). Keys naming a person's, a document's or a body's picture stay dropped whatever the value;
// - a region's or a form's word under a bare `reg` (`reg: EMEA`), which the vehicle_id rule reads as a plate's registration.
import { photoPathDetector } from './detectors/photo-path.js';
import { comingDate } from './content-date.js';
import { onAssetHost } from './ops/media-urls.js';
import type { Detection } from './detectors/types.js';
import { letterAt, letterMask } from '../common/char-gates.js';

const HTTP_ORIGIN = /^https?:\/\/[^/]*/i;

export const NOT_SPARED = 0;
/** Scrubbed as any string (the detectors still read it). */
export const SCREEN_NAME = 1;
/** Sent as the url rule sends an address. */
export const PUBLIC_IMAGE = 2;
/** Sent as it is. */
export const AS_IS = 3;
export type Spared = typeof NOT_SPARED | typeof SCREEN_NAME | typeof PUBLIC_IMAGE | typeof AS_IS;

const SCREEN_KEY = /screen|view|route/;
const SCREEN_VALUE = /^(?:[A-Z][A-Za-z0-9]{0,40}(?:Screen|View|Page|Activity|Fragment|Controller|Tab|Modal|Dialog|Sheet|Scene|Route|Picker|List|Details?|Form|Wizard|Flow|Menu|Drawer|Panel|Popup|Overlay)|[a-z]{1,20}(?:[_-][a-z]{1,20}){0,4}[_-](?:screen|view|page|tab|modal|dialog|sheet))$/;

const IMAGE_KEY = /image|thumbnail|picture/;
const PERSON_KEY = /profile|avatar|user|patient|member|selfie|face|headshot|portrait|person|people|customer|signature|upload|card|licen[cs]e|passport|insurance|document|scan|xray|wound|skin|rash|lesion|photo|biometric|finger|retina|iris|my/;
const SIZE_PARAM = '(?:w|h|width|height|fm|format|q|quality|fit|auto|dpr|crop|v|ver)=[A-Za-z0-9.,_-]{1,16}';
const IMAGE_URL = new RegExp(`^(?:https?://[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?)?/[A-Za-z0-9@._~%/,-]{0,400}\\.(?:jpe?g|png|gif|webp|avif|svg)` +
  `(?:\\?${SIZE_PARAM}(?:&${SIZE_PARAM}){0,7})?$`, 'i');
const NUMBER_DIR = /\/(?!(?:19|20)\d\d\/)\d{3,}\//;

const found: Detection[] = [];

// A bare `reg` is a plate's registration only with a digit in it (`AB12 CDE`, `7XYZ123`); `EMEA`, `eu`, `complete` are a
// region's or a form's state, read by the detectors as any text. (A vanity plate of letters alone there is the accepted cost.)
const DIGIT = /[0-9]/;

// A class's or webinar's session (`webinar_session`, `next_class_session`; a bare `next_session` beside a class's key,
// link-text.ts): `session` makes the unique_id rule read a session id. A coming date there passes; any other value is
// scanned as text (a schedule, `Tuesdays 6:30 PM`; a token with digits is still code_like). A bare `session` or
// `next_session` may be a therapy's or a telehealth visit's and stays dropped.
const SESSION_SCHEDULE = /^(?:next|upcoming|following)?(?:class|course|webinar|workshop|seminar)session(?:date|start|starts)?$/;
// A video tool's own id of a video under a hashed-id key (Wistia's `wistia_hashed_id`, `videoHashedId`): `hashed`
// makes the unique_id rule read a hashed identifier; the key's video word and the id's shape (10 lower-case letters
// and digits, as Wistia makes them; no digest, which is 32+ hex) say it is a video's.
const MEDIA_HASH_KEY = /(?:wistia|video|media)hashedid$/;
const MEDIA_HASH = /^(?=[a-z]*[0-9])(?=[0-9]*[a-z])[a-z0-9]{10}$/;
// A picture's alt text or caption under an image key (`image_alt`, `imageCaption`): the words describing a site's
// picture, scanned as any text, as a title is. A person's picture's (`avatar_alt`, `profile_image_alt`) stays dropped.
const IMAGE_TEXT = /(?:alt|alttext|caption|imagetitle)$/;

// An app's bundle or package id under `id` (an SDK's `app: {id: "com.hospital.app"}`, Firebase's `app_info.id`): a
// reverse domain name, the same for every user of the app. Only under a generic top-level domain, so a dotted username
// (`jo.smith.md`) is not one; still scanned.
const ID_KEY = /^(?:id|identifier)$/;
const BUNDLE_ID = /^(?:com|org|net|edu|gov|io|co|app|dev|health|care)\.[a-z][a-z0-9_-]{0,40}(?:\.[a-z][a-z0-9_-]{0,40}){1,6}$/i;

function uniqueIdSpared(norm: string, value: string, now: number): Spared {
  if (SCREEN_KEY.test(norm) && SCREEN_VALUE.test(value)) return SCREEN_NAME;
  if (ID_KEY.test(norm) && BUNDLE_ID.test(value)) return SCREEN_NAME;
  if (SESSION_SCHEDULE.test(norm)) return comingDate(value, now) ? AS_IS : SCREEN_NAME;
  return MEDIA_HASH_KEY.test(norm) && MEDIA_HASH.test(value) ? AS_IS : NOT_SPARED;
}

/** Whether `value` under the key `norm`, which the rule `ruleId` names, is one of the values above. */
export function sparedBy(ruleId: string, norm: string, value: string, now: number): Spared {
  if (ruleId === 'unique_id') return uniqueIdSpared(norm, value, now);
  if (ruleId === 'vehicle_id') return norm === 'reg' && !DIGIT.test(value) ? SCREEN_NAME : NOT_SPARED;
  if (ruleId !== 'biometric' || !IMAGE_KEY.test(norm) || PERSON_KEY.test(norm)) return NOT_SPARED;
  if (IMAGE_TEXT.test(norm)) return SCREEN_NAME;
  // An asset host's numbered directories are a shop's or a space's (media-urls.ts); sanitize_url still reads them.
  if (!IMAGE_URL.test(value) || (NUMBER_DIR.test(value) && !onAssetHost(value))) return NOT_SPARED;
  found.length = 0;
  photoPathDetector.find(value.replace(HTTP_ORIGIN, ''), found);
  return found.length === 0 ? PUBLIC_IMAGE : NOT_SPARED;
}

// A media element's source under a key that says so and no url word (`poster`, `embed_src`, `player_src`, `video_src`):
// one address, sent as the url rule sends one (sanitize_url) rather than `[URL]`; at the top of the properties, dropped
// when it leads to a blocked page (page-properties.ts). A person's picture's key is not one.
const MEDIA_SOURCE_KEY = /(?:src|poster|img)$/;
// MEDIA_SOURCE_KEY's last letters.
const MEDIA_SOURCE_LAST = letterMask('crg');
const ONE_ADDRESS = /^(?:https?:\/\/[A-Za-z0-9.-]{1,253}(?::\d{1,5})?)?\/[^\s"'<>\\]{0,2000}$/;

/** Whether a string under the key `norm`, which no rule names, is a media element's address (above). */
export function mediaSource(norm: string, value: string): boolean {
  return letterAt(norm, norm.length - 1, MEDIA_SOURCE_LAST) && MEDIA_SOURCE_KEY.test(norm) && !PERSON_KEY.test(norm) && ONE_ADDRESS.test(value);
}
