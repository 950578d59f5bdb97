import { isJsonObject, type JsonObject } from '../common/json.js';
import type { Plan } from '../rules/plan.js';
import { camelApart } from './camel-words.js';
import { hostBlock } from './path-verdicts.js';
import { namesScreen } from './property-kinds.js';

// An app's web view named after the vendor whose page it shows (blind pass 41, H210): `PaymentusWebView`,
// `InstaMedWebViewController`, `CedarBillPayWebView`, `PhreesiaCheckInWebView`. On the web the vendor's host blocks the
// page (blocked_hosts: `ipn.paymentus.com`, `<system>.cedar.com`); in an app the screen has no URL, only the vendor's
// name. That name is read as the vendor's domain and blocks by the rule its host would: only a rule naming the whole
// label (`(^|\.)paymentus\.`, `domains: [epichosted.com]`), not one matching any host that starts with a word
// (`patient…`, `portal…`: `PatientEducationWebView` is public content in a web view). Path-scoped vendors (Zocdoc's
// booking) name no page by their name alone, and other screens (`PayPalWebView`, `NewsWebView`) name no blocked host.
const WEBVIEW_SCREEN = /^([A-Z][A-Za-z0-9]{1,40}?)(?:InApp)?(?:WebView|Webview|Web|Browser)(?:Controller|Activity|Fragment|Screen|Page|Container|Modal|Sheet|VC)?$/;

/** The blocked-host rule a web view screen's vendor name names, for a screen call's name or an app event's screen key; else undefined. */
export function vendorScreenBlock(raw: JsonObject, context: JsonObject, props: JsonObject, plan: Plan): string | undefined {
  if (raw.type === 'screen' && typeof raw.name === 'string') { const rule = webViewVendor(raw.name, plan); if (rule !== undefined) return rule; }
  if (!isJsonObject(context.app)) return undefined;
  for (const k in props) {
    const v = props[k];
    if (typeof v === 'string' && v.length > 4 && namesScreen(k)) { const rule = webViewVendor(v, plan); if (rule !== undefined) return rule; }
  }
  return undefined;
}

// A vendor's name is its first words, an area or step may follow (`RectangleHealthPaymentWebViewController`: `rectanglehealth`,
// blind pass 43, H222), so each run of leading words is asked, the longest first. Names have a handful of words; longer ones
// are asked for their first six.
const MAX_VENDOR_WORDS = 6;

function webViewVendor(name: string, plan: Plan): string | undefined {
  const m = WEBVIEW_SCREEN.exec(name);
  if (m === null) return undefined;
  const words = camelApart(m[1], ' ').toLowerCase().split(' ');
  for (let n = Math.min(words.length, MAX_VENDOR_WORDS); n >= 1; n--) {
    const rule = vendorRule(words.slice(0, n).join(''), plan);
    if (rule !== undefined) return rule;
  }
  return undefined;
}

/**
 * A rule blocking `app.<label>.com` that names the label whole (`app.<label>-web.com` passes it), else undefined. Each
 * rule is asked on its own: a vendor whose name opens with a portal word (`patientco`) is named whole by its bill-pay
 * rule even though the portal rule also takes any host opening with `patient`.
 */
function vendorRule(label: string, plan: Plan): string | undefined {
  const host = `app.${label}.com`;
  if (hostBlock(host, plan) === null) return undefined;
  const other = `app.${label}-web.com`;
  return plan.blockedHosts.find((b) => b.re.test(host) && !b.re.test(other))?.name;
}
