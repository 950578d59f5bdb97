import { commonWord } from '../detectors/file-name.js';
import { GIVEN_NAMES } from '../detectors/given-names.js';
import { newbornSurname } from '../detectors/newborn-name.js';

// A path segment naming a person under a segment that lists people who are not staff:
// `/patients/jane-doe-1961`, `/members/doe-jane/`, `/thank-you/robert-brightwater`, `/u/jdoe61`. A site's
// own pages under those parents are words (`/patients/new-patient-forms`, `/members/login`); a person is a
// common given name beside another word (given-names.ts), or a username (letters, then 2+ digits).
// Providers' and staff pages (`/providers/jane-lee`, `/our-team/jane-lee`) are not under these parents
// and keep their names (a provider's public profile is not a patient's identifier).
export const PERSON_PARENTS: ReadonlySet<string> = new Set(['patients', 'patient', 'members', 'member', 'clients', 'client', 'users', 'user', 'u',
  'profile', 'profiles', 'my', 'me', 'share', 'shared', 'account', 'accounts', 'thank-you', 'thankyou', 'thanks', 'guests', 'guest',
  'customers', 'customer', 'invitee', 'invitees', 'attendees', 'attendee', 'residents', 'resident', 'family', 'dependents', 'dependent',
  // A tribute's, memorial's or obituary's page names the person it honours (`/give/tribute/jane-okafor-smith`).
  'tribute', 'tributes', 'memorial', 'memorials', 'obituary', 'obituaries', 'in-memory-of', 'in-honor-of', 'in-honour-of',
  // A newborn's page in a nursery's gallery, and an obituary site's `/obituaries/name/jane-doe-obituary`.
  'newborns', 'newborn', 'nursery', 'babies', 'name',
  // A page greeting, inviting or unsubscribing one person (`/welcome/aisha-nakamura`, `/unsubscribe/john-okonkwo`, `/rsvp/jane-doe`).
  'welcome', 'hello', 'hi', 'dear', 'greeting', 'greetings', 'bienvenido', 'bienvenida', 'invite', 'invited', 'invitation', 'invitations',
  'rsvp', 'unsubscribe', 'opt-out', 'optout', 'ecard', 'ecards',
  // Probe 49: a patient's story or testimonial, a thank-you in other languages, a donor, volunteer or honoree, an announcement,
  // and an e-card's addressee and sender (`/patient-stories/siobhan-castellanos`, `/es/gracias/maria-lopez`, `/ecard/to/kenji.okafor/from/maria`).
  'patient-stories', 'patient-story', 'testimonials', 'testimonial', 'gracias', 'danke', 'merci', 'obrigado', 'obrigada', 'grazie',
  'donors', 'donor', 'volunteers', 'volunteer', 'honorees', 'honoree', 'celebrate', 'birth-announcements', 'announcements', 'to', 'from']);
const USERNAME = /^[a-z]{2,}\d{2,}$/i;
const CAMEL_JOIN = /([a-z])([A-Z])/g;
const PART = /[a-z]+|\d+/gi;
const OLD_YEAR = /^(?:19\d\d|200\d)$/;

// Social networks whose first path segment is a member's handle (`facebook.com/margot.willoughby.9`, `instagram.com/jane.doe88`,
// `tiktok.com/@jane.okafor`), and the segments that open a member's page there (`linkedin.com/in/jane-doe`, `youtube.com/c/…`).
// A link to a person's profile is that person's identifier (Safe Harbor N) as a `/u/` page is; a clinic's own page
// (`facebook.com/northbayhealth`) is one word, and stays as personSlug reads it.
const PROFILE_HOSTS: ReadonlySet<string> = new Set(['facebook.com', 'fb.com', 'instagram.com', 'x.com', 'twitter.com', 'tiktok.com', 'threads.net',
  'linkedin.com', 'youtube.com', 'pinterest.com', 'github.com', 'medium.com', 'reddit.com', 'snapchat.com', 'twitch.tv', 'soundcloud.com',
  'tumblr.com', 'bsky.app', 'mastodon.social', 'venmo.com', 'cash.app', 'flickr.com', 'quora.com', 'vk.com', 'ok.ru', 'xing.com']);
const PROFILE_PARENTS: ReadonlySet<string> = new Set(['in', 'pub', 'user', 'people', 'profile', 'add', 'u']);
// A handle of name parts joined by dots or underscores, perhaps numbered (`margot.willoughby.9`, `jdoe_77`, `jane88`): a
// network's default for a person's page. A brand's page is one word (`northbayhealth`, `NorthbayHealth`).
const HANDLE = /^@?(?:[a-z]{2,}(?:[._][a-z]{2,}){1,3}(?:[._]?\d{1,4})?|[a-z]{2,}[._]?\d{2,4})$/i;
const MOBILE_PREFIX = /^(?:www|m|mobile|web|[a-z]{2}(?:-[a-z]{2})?)\./;

/** Whether `host` (as the URL parser gives it, lower case) is a social network whose root lists its members (see above). */
export function profileHost(host: string): boolean {
  return PROFILE_HOSTS.has(host) || PROFILE_HOSTS.has(host.replace(MOBILE_PREFIX, ''));
}

/** Whether the segment `parent` (decoded) is one whose child segment names a person; on a social network, its member pages' too. */
export function personParent(parent: string, onProfileHost = false): boolean {
  if (parent.length > 18) return false;
  const p = parent.toLowerCase();
  return PERSON_PARENTS.has(p) || (onProfileHost && PROFILE_PARENTS.has(p));
}

/** Whether `segment` (decoded, under a person parent) is a person's name or username. */
export function personSlug(segment: string): boolean {
  if (USERNAME.test(segment)) return true;
  // Run-together capitals are words too (`LachlanDelacroix`, `JaneDoe1961`).
  const parts = segment.replace(CAMEL_JOIN, '$1 $2').toLowerCase().match(PART);
  if (parts === null) return false;
  let words = 0, given = false, born = false;
  for (const p of parts) {
    const c = p.charCodeAt(0);
    if (c >= 48 && c <= 57) { born ||= OLD_YEAR.test(p); continue; }
    if (commonWord(p)) return false;
    words++;
    if (GIVEN_NAMES.has(p)) given = true;
  }
  // Up to five words: a given name, a middle name and a double surname (`jane-elizabeth-okafor-smith`). Two names
  // and a year before 2010 are someone's name and birth year whatever the given name (`wendell-ashcroft-1961`): a
  // site's own page under these parents is recent (`/patients/flu-shot-2026`) or made of common words.
  return (given || born) && words >= 2 && words <= 5;
}

// A newborn's page named for the family before a given name is chosen (`/nursery/gallery/baby-girl-whitcombe`,
// `baby-boy-ravensworth-2026-11-28`), under any parent: the shop's `baby-boy-blue-onesie` and `baby-girl-gift-basket` have
// more words or a shop's word (newborn-name.ts).
const NEWBORN_SLUG = /^baby[-_](?:girl|boy)[-_]([a-z\u00e0-\u00ff']+(?:-[a-z\u00e0-\u00ff']+)?)(?:[-_]\d[\d-]*)?$/i;

/** Whether `segment` (decoded) is a newborn's page as above. */
export function newbornSlug(segment: string): boolean {
  const m = NEWBORN_SLUG.exec(segment);
  return m !== null && (m[1] as string).split('-').every(newbornSurname);
}

/** Whether `segment` (decoded) on a social network names a member: anything under a member page's parent, else a name or a handle. */
export function profileSlug(segment: string, parent: string): boolean {
  if (PROFILE_PARENTS.has(parent.toLowerCase())) return !commonWord(segment.toLowerCase());
  return personSlug(segment) || HANDLE.test(segment);
}
