import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// Paths to pictures of people (Safe Harbor P/Q: full-face photographs and comparable images),
// whose file names usually name the person too: `/uploads/patients/jane-doe.jpg`,
// `media/avatars/doe_jane.png`, `jane-doe-insurance-card-front.jpeg`. An image path counts when a
// directory says whose pictures it holds, or its file name says what it shows (an ID or insurance
// card, a selfie, a headshot). Full URLs are the url detector's; this covers relative paths and
// bare file names. Site images (`/img/hero-banner.jpg`) have neither cue. Biometric captures (`face-scan-…`)
// and directories of patients' photos or faces count too.
const EXT = '\\.(?:jpe?g|png|gif|webp|hei[cf]|bmp|tiff?)(?![A-Za-z0-9])';
const SEG = '[A-Za-z0-9_.%-]+';
// A biometric capture named as such (`face-scan-1113.heic`, `iris_capture_2.png`, `webcam-capture.png`), not
// a product or a banner (`face-wash.jpg`, `smiling-faces.jpg`).
const CAPTURE = '(?:face|iris|retina|palm|finger)[-_]?(?:scan|capture|print|template|photo|id)|webcam[-_]?(?:capture|photo|snap)';
const PHOTO_RE = new RegExp(
  `(?<![A-Za-z0-9_.%/-])/?(?:${SEG}/){0,6}?(?:(?:patients?|avatars?|headshots?|profiles?|photos?|selfies?|portraits?|users?|members?|patient[-_]?photos?|faces|biometrics?)/(?:${SEG}/){0,4}${SEG}` +
    `|[A-Za-z0-9_.%-]*(?:id[-_]?card|insurance[-_]?card|licen[cs]e|selfie|avatar|headshot|passport|${CAPTURE})[A-Za-z0-9_.%-]*)${EXT}`,
  'gi',
);
const HAS_EXT = new RegExp(EXT, 'i');

// An image inlined as a data URI (`data:image/jpeg;base64,/9j/4AAQ...`): a picture in the event
// itself, whose face no cue can rule out; the whole URI goes. The walk marks `data:image`
// (markers.ts) with this detector's IMG_EXT.
const DATA_IMAGE_RE = /data:image\/[A-Za-z0-9.+-]+(?:;[A-Za-z0-9=.+-]+)*,[A-Za-z0-9+/=%_-]*/gi;

function scan(text: string, out: Detection[], kind: string): void {
  if (text.indexOf('image/') >= 0) {
    const d = resetAt(DATA_IMAGE_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = d.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  if (!HAS_EXT.test(text)) return;
  const re = resetAt(PHOTO_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
}

/** Paths and file names of pictures of people (P/Q). */
export const photoPathDetector = defineDetector('photo_path', '[PHOTO]', 'Q', scan);
