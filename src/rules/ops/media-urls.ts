import { objectDigits } from '../marketing-ids.js';
import type { TextScanner } from './sanitize-url.js';

// Public media addresses that sanitize_url used to cut: a video player's address names its video, and an image CDN's
// query its size and format. Neither names a visitor: they are the same for everyone who watches or loads them.
//
// - A video host's own id (YouTube's `watch?v=dQw4w9WgXcQ`, `youtu.be/…`, `/embed/…`, `/shorts/…`; Vimeo's
//   `player.vimeo.com/video/873214560`; Wistia's `fast.wistia.net/embed/iframe/e4a27b971d`): the host and the id's
//   shape both say so. A video id is no one's; on any other host the same shapes are ids as before.
// - A video player's options there (`rel=0`, `autoplay=1`, `muted=true`) and a start time (`t=30s`, `start=15`):
//   a flag or a number of seconds holds no identifier.
// - An image file's CDN parameters (`?w=800&q=75&fm=webp`, `auto=compress,format`, Shopify's `v=1730137722`):
//   size, quality, format, crop and cache version, each a short value the detectors find nothing in.

export const NO_MEDIA = 0;
export const VIDEO_HOST = 1;
export const IMAGE_FILE_URL = 2;
/** An image file on a CMS's or shop's asset host (below). */
export const ASSET_IMAGE = 3;
export type MediaKind = typeof NO_MEDIA | typeof VIDEO_HOST | typeof IMAGE_FILE_URL | typeof ASSET_IMAGE;

// A CMS's or a shop platform's public asset hosts: the directories of an image there are the platform's space, project
// and asset ids (Contentful's `images.ctfassets.net/x7q2kz9lm3/5nQw8Rk2Tt/…`, Sanity's `cdn.sanity.io/images/q8n2kz4a/
// production/<content hash>-1200x800.jpg`, Shopify's `cdn.shopify.com/s/files/1/0612/3344/products/…`), the same for
// every visitor. A directory there is kept when it is letters and digits with no run of 5 digits (no phone number, SSN
// or record number fits) and no `@`; a person's directory (`/patients/`, `/u/`) is still read as one; the file's name
// is kept when it is a content hash (16-64 hex digits, perhaps with its pixel size), else read as anywhere.
const ASSET_HOSTS = /^(?:images\.ctfassets\.net|cdn\.sanity\.io|cdn\.shopify\.com|res\.cloudinary\.com|images\.prismic\.io|[a-z0-9-]{1,63}\.imgix\.net)$/i;
// Cloudinary's transformations (`f_auto,q_auto,w_1600`) and version (`v1731000000`, epoch seconds) are directories too.
const ASSET_DIR = /^(?:(?!.*\d{5})[A-Za-z0-9_-]{1,40}|v1[4-8]\d{8}|[a-z]{1,2}_[A-Za-z0-9.]{1,20}(?:,[a-z]{1,2}_[A-Za-z0-9.]{1,20}){0,9})$/;
const HASH_FILE = /^[0-9a-f]{16,64}(?:-\d{2,5}x\d{2,5})?\.(?:jpe?g|png|gif|webp|avif|svg)$/i;

const ASSET_URL = /^https:\/\/([A-Za-z0-9.-]{1,253})\//;

/** Whether an address is on an asset host (above), whose numeric directories are a shop's or a space's. */
export function onAssetHost(url: string): boolean {
  const m = ASSET_URL.exec(url);
  return m !== null && ASSET_HOSTS.test(m[1] as string);
}

/** Whether a path segment of an asset host's image (see above) is the platform's id; `last`: the file's name. */
export function assetIdSegment(segment: string, last: boolean): boolean {
  return last ? HASH_FILE.test(segment) : ASSET_DIR.test(segment);
}

const VIDEO_HOSTS = /^(?:(?:www|m|music)\.)?(?:youtube(?:-nocookie)?\.com|youtu\.be)$|^(?:www\.|player\.)?vimeo\.com$|^(?:[a-z0-9-]{1,63}\.)?wistia\.(?:com|net)$/i;
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg)$/i;

/** What kind of public media address a URL with this host and path is, if any. */
export function mediaKind(host: string, pathname: string): MediaKind {
  if (VIDEO_HOSTS.test(host)) return VIDEO_HOST;
  if (!IMAGE_FILE.test(pathname)) return NO_MEDIA;
  return ASSET_HOSTS.test(host) ? ASSET_IMAGE : IMAGE_FILE_URL;
}

// YouTube's 11-character id (not all digits: a telephone number has 11 with its 1), Vimeo's 6-11 digits, Wistia's 10
// lower-case letters and digits (`.jsonp`/`.json` after it on its API's address).
const YOUTUBE_ID = /^(?=[^A-Za-z_-]*[A-Za-z_-])[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{6,11}$/;
const WISTIA_ID = /^(?=[a-z]*[0-9])(?=[0-9]*[a-z])[a-z0-9]{10}(?:\.jsonp?)?$/;

/** Whether a path segment on a video host is the video's id (see above), which sanitize_url keeps. */
export function videoIdSegment(host: string, segment: string): boolean {
  const h = host.toLowerCase();
  if (h.includes('youtu')) return YOUTUBE_ID.test(segment);
  // Not a valid SSN's nine digits nor a phone number's ten, as under `vimeo_id` (objectDigits).
  if (h.includes('vimeo')) return VIMEO_ID.test(segment) && objectDigits(segment);
  return WISTIA_ID.test(segment);
}

const FLAG = /^(?:0|1|true|false)$/i;
const SECONDS = /^(?:\d{1,6}s?|(?:\d{1,2}h)?(?:\d{1,3}m)?\d{1,2}s)$/;
const TIME_PARAMS: ReadonlySet<string> = new Set(['t', 'start', 'end', 'time_continue']);
const IMAGE_PARAMS: ReadonlySet<string> = new Set(['w', 'h', 'width', 'height', 'fm', 'format', 'q', 'quality', 'fit', 'auto', 'dpr', 'crop', 'v', 'ver', 'version']);
const IMAGE_VALUE = /^[A-Za-z0-9.,_-]{1,16}$/;
// A cache version as epoch seconds from 2014 to 2027 (Shopify's `v=1730137722`): 10 digits starting with 1, which no NANP
// number does (its area code cannot start with 1); long_number would read it as an account's.
const EPOCH_VERSION = /^1[4-8]\d{8}$/;
const VERSION_PARAMS: ReadonlySet<string> = new Set(['v', 'ver', 'version']);

/** Whether a query parameter (name lower-cased) of a media address is one of the above, kept by sanitize_url. */
export function keptMediaParam(kind: MediaKind, host: string, name: string, value: string, scanner: TextScanner): boolean {
  if (kind === VIDEO_HOST) {
    if (name === 'v') return host.toLowerCase().includes('youtu') && YOUTUBE_ID.test(value);
    return FLAG.test(value) || (TIME_PARAMS.has(name) && SECONDS.test(value));
  }
  if (kind === NO_MEDIA || !IMAGE_PARAMS.has(name) || !IMAGE_VALUE.test(value)) return false;
  return (VERSION_PARAMS.has(name) && EPOCH_VERSION.test(value)) || !scanner.hits(value);
}
