// Marketing channel from what a touch carries: UTM medium/source first (the advertiser's own
// labelling), then click ids, then the referrer's host. Everything else is direct.

const LEADING_WWW = /^www\./;
const TRAILING_DOT = /\.$/;

export const CHANNELS = ['paid_search', 'organic_search', 'paid_social', 'organic_social', 'email', 'referral', 'display', 'direct'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChannelInput {
  campaign?: { source?: string; medium?: string; name?: string };
  clickIds?: Record<string, string>;
  /** Referrer (an origin is enough); same-site referrers count as direct. */
  referrer?: string;
  /** Host of the page itself, to recognise internal navigation. */
  pageHost?: string;
}

const SEARCH_CLICK_IDS = new Set(['gclid', 'gbraid', 'wbraid', 'msclkid', 'yclid']);
const SOCIAL_CLICK_IDS = new Set(['fbclid', 'ttclid', 'li_fat_id', 'twclid', 'rdt_cid', 'scclid', 'epik']);
const DISPLAY_CLICK_IDS = new Set(['dclid']);
const PAID_SEARCH_MEDIA = new Set(['cpc', 'ppc', 'paid_search', 'paidsearch', 'sem', 'search_ads']);
const PAID_SOCIAL_MEDIA = new Set(['paid_social', 'paidsocial', 'social_paid', 'social-paid', 'paid-social']);
const ORGANIC_SOCIAL_MEDIA = new Set(['social', 'social_network', 'social-network', 'sm', 'organic_social']);
const EMAIL_MEDIA = new Set(['email', 'e-mail', 'e_mail', 'newsletter']);
const DISPLAY_MEDIA = new Set(['display', 'banner', 'cpm', 'programmatic', 'video', 'native']);
const REFERRAL_MEDIA = new Set(['referral', 'affiliate', 'partner']);
const SEARCH_HOSTS = ['google.', 'bing.', 'yahoo.', 'duckduckgo.', 'baidu.', 'yandex.', 'ecosia.', 'search.brave.', 'startpage.'];
const SOCIAL_HOSTS = ['facebook.', 'instagram.', 'linkedin.', 'twitter.', 'x.com', 't.co', 'tiktok.', 'pinterest.', 'reddit.', 'youtube.', 'threads.', 'nextdoor.', 'lnkd.in'];

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(LEADING_WWW, '');
  } catch {
    return undefined;
  }
}

function hostMatches(host: string, needles: readonly string[]): boolean {
  return needles.some((n) => host === n || host.startsWith(n) || host.includes(`.${n}`) || (n.endsWith('.') && host.includes(n)));
}

function fromMedium(medium: string, source: string): Channel | undefined {
  const socialSource = hostMatches(source, SOCIAL_HOSTS) || SOCIAL_HOSTS.some((h) => source === h.replace(TRAILING_DOT, ''));
  if (PAID_SEARCH_MEDIA.has(medium)) return socialSource ? 'paid_social' : 'paid_search';
  if (PAID_SOCIAL_MEDIA.has(medium)) return 'paid_social';
  if (EMAIL_MEDIA.has(medium)) return 'email';
  if (DISPLAY_MEDIA.has(medium)) return 'display';
  if (ORGANIC_SOCIAL_MEDIA.has(medium)) return 'organic_social';
  if (medium === 'organic') return 'organic_search';
  if (REFERRAL_MEDIA.has(medium)) return 'referral';
  return undefined;
}

function fromClickIds(clickIds: Record<string, string>): Channel | undefined {
  const keys = Object.keys(clickIds).map((k) => k.toLowerCase());
  if (keys.some((k) => SEARCH_CLICK_IDS.has(k))) return 'paid_search';
  if (keys.some((k) => SOCIAL_CLICK_IDS.has(k))) return 'paid_social';
  if (keys.some((k) => DISPLAY_CLICK_IDS.has(k))) return 'display';
  return undefined;
}

function fromReferrer(referrer: string, pageHost: string | undefined): Channel {
  const host = hostOf(referrer);
  if (host === undefined || host === pageHost?.replace(LEADING_WWW, '')) return 'direct';
  if (hostMatches(host, SEARCH_HOSTS)) return 'organic_search';
  if (hostMatches(host, SOCIAL_HOSTS)) return 'organic_social';
  return 'referral';
}

/** The channel of one touch. Unknown UTM media fall through to click ids and referrer. */
export function deriveChannel(input: ChannelInput): Channel {
  const medium = input.campaign?.medium?.trim().toLowerCase() ?? '';
  const source = input.campaign?.source?.trim().toLowerCase() ?? '';
  const byMedium = medium ? fromMedium(medium, source) : undefined;
  if (byMedium) return byMedium;
  const byClick = input.clickIds ? fromClickIds(input.clickIds) : undefined;
  if (byClick) return byClick;
  if (input.referrer) return fromReferrer(input.referrer, input.pageHost);
  if (source) return 'referral';
  return 'direct';
}
