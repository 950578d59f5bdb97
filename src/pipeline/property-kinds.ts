import { BoundedMemo } from '../common/bounded-memo.js';
import { normalizeFieldName } from '../rules/field-name.js';
import { DEEP_LINK_NAMES } from './app-links.js';
import { RX_FLAGS } from './form-and-item-readings.js';
import { isFrameAt } from './frame-keys.js';

// The kinds of property names page-properties.ts reads (a page field, a page's name, a link...), by their normalized name.

export const NONE = 0;
export const PAGE_FIELD = 1;
export const PAGE_NAME = 2;
export const LINK = 3;
export const PAGE_AT = 4;
export const CRUMBS = 5;
export const CAME_FROM = 6;
export const ROUTE_NAME = 7;
export const FORM_NAME = 8;
export const PRODUCTS = 9;
export const RX_FLAG = 10;
export const DEEP_LINK = 11;
// A router's transition (`{to: "/#/messages", from: "/#/home"}`, as Vue Router's and others' hooks give it).
export const TRANSITION = 12;
const PAGE_FIELDS: ReadonlySet<string> = new Set(['path', 'url', 'referrer', 'title', 'search', 'href', 'name']);
// A page's title (`page_title: "Patient Portal - Messages"`, GA4's `ep.page_title`) names it too.
// So do a content group or site section (`content_group: "MyChart"`).
const PAGE_NAMES: ReadonlySet<string> = new Set(['pagename', 'screenname', 'virtualpage', 'virtualpageview', 'virtualpagepath', 'virtualpageurl', 'virtualpagetitle', 'virtualpagename', 'virtualpath', 'virtualurl', 'vpv', 'vpname', 'screen', 'pagetitle', 'documenttitle', 'screentitle',
  'contentgroup', 'contentgroup1', 'contentgroup2', 'contentgroup3', 'contentgroup4', 'contentgroup5', 'pagecategory', 'pagetype', 'sitesection', 'pagesection',
  // Sections and templates under the site's own names (`section: "mychart > inbox"`), an app's screen class.
  'section', 'subsection', 'sitearea', 'appsection', 'area', 'channel', 'pagetemplate', 'template', 'itemcategory', 'screenclass', 'firebasescreenclass', 'firebasescreen', 'amplitudescreenname',
  // The page's main heading, copied by a CMS's data layer (`h1: "Prescription Refill Request"` on `/?page_id=88`).
  'h1', 'pageh1', 'pageheading',
  // The title a page gives to sharing and search (`og_title`, `meta_title`), and a browser tab's or window's.
  'ogtitle', 'metatitle', 'seotitle', 'twittertitle', 'htmltitle', 'headtitle', 'tabtitle', 'windowtitle']);
// A screen's name or class under a longer key (`previous_screen_name`, `current_screen`, GA4's `ep.firebase_screen`):
// the screen the app shows or showed, read as a page name (a screen left counts like a same-site referrer).
const SCREEN_KEY_END = /screen(?:name|class|title)?$/;
/**
 * Normalized names that say where the page itself is (GA4's `page_location`/`page_path`,
 * Mixpanel's `$current_url`, AMP's `ampdocUrl`...): a path or URL there is read like the page's,
 * even when the event gives its path (GA4 reports `page_location` over `dl`).
 */
const PAGE_AT_NAMES: ReadonlySet<string> = new Set([
  'pagelocation', 'pageurl', 'pagepath', 'pageuri', 'pagehref', 'pathname', 'currenturl', 'currentpath', 'currentpage', 'currentroute',
  'fullurl', 'documentlocation', 'documentpath', 'documenturl', 'locationhref', 'ampdocurl', 'canonicalurl', 'dl', 'dp', 'page', 'location', 'route',
  'hash', 'fragment', 'locationhash',
  // The browser's own location and a router's current path under the site's names.
  'windowlocation', 'windowlocationhref', 'routepath', 'currentroutepath', 'routeurl', 'loc', 'toroute', 'topath', 'newroute', 'newpath', 'newurl',
  // RudderStack's page properties carry the tab's URL (`tab_url`) beside `url`; Amplitude's page view its `[Amplitude] Page URL`.
  'taburl', 'amplitudepageurl', 'amplitudepagepath', 'amplitudepagelocation',
  // A frame's address (a portal or bill-pay page embedded in a public one): the event happened there, not on a link.
  'frameurl', 'framesrc', 'framelocation', 'framehref', 'framepath', 'iframeurl', 'iframesrc', 'iframelocation', 'iframehref', 'iframepath',
  'embedurl', 'embedsrc', 'embeddedurl', 'embedlocation', 'framedurl', 'childframeurl',
]);
/** Normalized names of a router's state or route name (`portal.messages.inbox`, `billing.pay`): the dots separate segments. */
const ROUTE_NAMES: ReadonlySet<string> = new Set(['routename', 'statename', 'currentstate', 'uistate', 'currentroutename']);
/**
 * Normalized names of a form's id or name: a form named after an area (`bill-pay-form`,
 * `Online Bill Payment`, `patientIntakeForm`) is that area's form, on whatever page it sits.
 */
const FORM_NAMES: ReadonlySet<string> = new Set(['formid', 'formname', 'formtitle', 'form', 'formslug', 'formkey', 'formlabel', 'formtype', 'formref',
  // So is an event's category or a widget's view or tab (`category: "Bill Pay"`, `view: "test-results"`) when
  // it names an area in two words or more: one word (`view: "results"`, `tab: "reviews"`) is a display option.
  'category', 'eventcategory', 'view', 'viewname', 'currentview', 'activeview', 'tab', 'tabname', 'activetab', 'selectedtab', 'currenttab']);
// A form under the site's or a plugin's own key (`wpforms_form`, `gravityForm`, `hsFormName`); not `platform`.
const FORM_KEY = /(?:^|[_.\-\s])[Ff]orms?(?:[_.\-\s]?(?:[Ii][Dd]|[Nn]ame|[Tt]itle|[Ss]lug|[Kk]ey|[Ll]abel))?$|[a-z0-9]Forms?(?:Id|ID|Name|Title|Slug|Key|Label)?$/;
/** Normalized names of e-commerce item lists (Segment's `products`, GA4's `items`): see productCategories. */
const PRODUCT_LISTS: ReadonlySet<string> = new Set(['products', 'items', 'cartitems', 'lineitems', 'ecommerce']);
/**
 * Normalized names of pages the visitor came from (GA4's `page_referrer`, a landing page): read
 * as referrers are, so a blocked page of the same site blocks the event and another site's does not.
 */
const CAME_FROM_NAMES: ReadonlySet<string> = new Set([
  'pagereferrer', 'referrerurl', 'previouspage', 'previousurl', 'previouspath', 'landingpage', 'landingpageurl', 'landingpath', 'initialurl', 'initialpath', 'entrypage', 'entryurl',
  'previouspagepath', 'previouspageurl', 'prevpage', 'prevurl', 'prevpath', 'frompage', 'fromurl', 'frompath', 'sourcepage', 'sourceurl', 'lastpage', 'lasturl', 'lastpath',
  'referringurl', 'referringpage', 'referringpath', 'referer', 'refererurl', 'originpage', 'originurl', 'originpath', 'documentreferrer',
  'fromroute', 'oldroute', 'oldpath', 'oldurl', 'prevroute', 'previousroute',
]);
/** Normalized name parts of arrays of pages (breadcrumbs): each entry's path or URL is read. */
const CRUMB_PARTS = ['breadcrumb', 'crumbs'];
/** Parts of normalized key names that hold a link or a place to go. */
const LINK_PARTS = ['url', 'uri', 'href', 'link', 'dest', 'target', 'outbound', 'redirect', 'path', 'location', 'goto', 'next', 'return', 'continue', 'route'];

// Property names repeat across events: their kind is remembered (bounded), one lookup a key.
const kinds = new BoundedMemo<number>(10_000);

/** What a property name says about pages (one of the kinds above), remembered per name. */
export function kindOf(key: string): number {
  let kind = kinds.get(key);
  if (kind === undefined) {
    const norm = normalizeFieldName(key);
    kind = key === 'to' || key === 'from' ? TRANSITION : PAGE_FIELDS.has(key) ? PAGE_FIELD : PAGE_NAMES.has(norm) || SCREEN_KEY_END.test(norm) ? PAGE_NAME : PAGE_AT_NAMES.has(norm) || isFrameAt(norm) ? PAGE_AT : DEEP_LINK_NAMES.has(norm) ? DEEP_LINK : CAME_FROM_NAMES.has(norm) ? CAME_FROM
      : ROUTE_NAMES.has(norm) ? ROUTE_NAME : FORM_NAMES.has(norm) || FORM_KEY.test(key) ? FORM_NAME : PRODUCT_LISTS.has(norm) ? PRODUCTS : RX_FLAGS.has(norm) ? RX_FLAG
      : CRUMB_PARTS.some((p) => norm.includes(p)) ? CRUMBS : LINK_PARTS.some((p) => norm.includes(p)) ? LINK : NONE;
    kinds.set(key, kind);
  }
  return kind;
}

const screenKeys = new BoundedMemo<boolean>(10_000);

/**
 * Whether a property name says an app's screen or route (`screen_name`, Firebase's `firebase_screen_class`, `current_screen`,
 * `[Amplitude] Screen Name`, React Navigation's `currentRouteName`): in an app's event its value is the screen shown (app-screens.ts).
 */
export function namesScreen(key: string): boolean {
  let yes = screenKeys.get(key);
  if (yes === undefined) {
    const norm = normalizeFieldName(key);
    yes = SCREEN_KEY_END.test(norm) || ROUTE_NAMES.has(norm);
    screenKeys.set(key, yes);
  }
  return yes;
}
