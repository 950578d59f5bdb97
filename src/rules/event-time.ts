// The time of the event itself (`event_time`, `client_ts`, `sent_at`, `server_date`, GA4's `event_date: 20261128`),
// which the date detector redacts and the long-number check drops (an epoch in seconds or milliseconds has 10 or
// 13 digits), although every event already goes out with its own timestamp. Kept only when the field is named
// for a record's or a clock's time and for nothing about care (an appointment's, a visit's, an arrival's or a
// session's time stays redacted: a telehealth session is a visit), and the whole value is one moment within two
// days of the moment the collector received the event: it then tells nothing that the timestamp does not.

// A word naming whose time it is: the event's, the sending or receiving client's or server's, a log's.
const TIME_KEY_VERBS = /started|ended|send/g;
const START_OR_END = /start|end/;

const ANCHORS = ['event', 'client', 'server', 'sent', 'received', 'created', 'updated', 'modified', 'logged', 'log', 'hit',
  'request', 'response', 'local', 'utc', 'unix', 'epoch', 'fired', 'tracked', 'captured', 'recorded', 'processed', 'ingest',
  'collected', 'browser', 'device', 'pageload', 'loaded', 'started', 'ended', 'heartbeat', 'clock', 'current', 'now', 'send',
  // A report's, an export's or a tool's own step (`generated_at`, `exported_at`, `exposure_ts`, `synced_at`).
  'generated', 'exported', 'computed', 'rendered', 'fetched', 'synced', 'sampled', 'evaluated', 'exposure', 'exposed', 'polled',
  // A push or mailing tool's step on this device (`subscribed_at`, `opened_at`, `clicked_at`).
  'subscribed', 'unsubscribed', 'opened', 'clicked', 'dismissed', 'delivered'];
// Names that are the time alone.
const BARE = new Set(['ts', 'time', 'timestamp', 'datetime', 'unixtime', 'epoch', 'epochms', 'timestampms', 'tsms', 'tsunix', 'unixts']);
// A word about care, a person's life or a booking: its date is a Safe Harbor date however near it is.
const CARE = ['appoint', 'appt', 'visit', 'admi', 'discharg', 'arriv', 'checkin', 'surg', 'procedur', 'birth', 'dob', 'born', 'death',
  'deceas', 'dose', 'refill', 'lab', 'test', 'result', 'servic', 'treat', 'exam', 'scan', 'specimen', 'collection', 'injur', 'onset',
  'symptom', 'medic', 'infusion', 'therap', 'session', 'consult', 'encounter', 'deliver', 'due', 'sched', 'book', 'slot', 'release',
  'transfer', 'expir', 'vacc', 'immun', 'shot', 'rx', 'pickup', 'patient', 'order', 'member', 'claim', 'message', 'chat'];
const TIME_WORD = /(?:time|timestamp|ts|date|at|epoch|unix|ms)$/;

/** Whether a normalized key has a word about care, a person or a booking (see CARE). */
export function careWord(norm: string): boolean {
  return CARE.some((c) => norm.includes(c));
}

/** Whether a normalized key names the time of the event or of its sending (see above). */
export function eventTimeName(norm: string): boolean {
  if (BARE.has(norm)) return true;
  if (!TIME_WORD.test(norm) || !ANCHORS.some((a) => norm.includes(a))) return false;
  // `started_at`/`ended_at` name the event's own span; `start`/`end` alone may be an appointment's.
  // `send` (`send_time`) holds `end` in its letters.
  const rest = norm.replace(TIME_KEY_VERBS, '');
  return !careWord(rest) && !START_OR_END.test(rest);
}

const DAY = 86_400_000;
const WINDOW = 2 * DAY;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s?(?:Z|UTC|[+-]\d{2}:?\d{2})?)?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const EPOCH = /^(\d{10}|\d{13})(?:\.\d{1,6})?$/;

/** The moment a whole value names, in ms since 1970 (to the day for dates without a time), or NaN. */
function moment(value: string): number {
  const iso = ISO.exec(value) ?? COMPACT.exec(value);
  if (iso !== null) return Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!, +(iso[4] ?? 12), +(iso[5] ?? 0));
  const us = US.exec(value);
  if (us !== null) return Date.UTC(+us[3]!, +us[1]! - 1, +us[2]!, 12);
  const ep = EPOCH.exec(value);
  if (ep !== null) return ep[1]!.length === 13 ? +ep[1]! : +ep[1]! * 1000;
  return NaN;
}

/** Whether the whole value is one moment within two days of `now` (ms). */
export function nearNow(value: string | number, now: number): boolean {
  if (typeof value === 'string' && value.length > 35) return false;
  const t = typeof value === 'number' ? epochMs(value) : moment(value);
  return Math.abs(t - now) <= WINDOW;
}

/** A JSON number as an epoch in seconds or milliseconds (by its size), or NaN. */
function epochMs(value: number): number {
  if (!Number.isFinite(value)) return NaN;
  if (value >= 1e9 && value < 1e10) return value * 1000;
  if (value >= 1e12 && value < 1e13) return value;
  return NaN;
}
