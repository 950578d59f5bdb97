import { isJsonObject, type JsonObject } from '../common/json.js';
import { classNamePaths } from './class-names.js';
import { screenPath, statePath } from './screen-names.js';
import { screenClassValues } from './app-routes.js';
import { namesScreen } from './property-kinds.js';
import { isRouteObject } from '../rules/route-object.js';

// Where an app event is, beyond its screen's name read as a path (page-readings). A screen of a
// health system's app, a check-in kiosk or a bedside tablet shows its user's own data: the same name
// on a web page (`/immunizations`, `/allergies`) is the public page about the topic, but the app's
// `ImmunizationsScreen` is the user's immunization record. So an app screen is also read as the
// user's own page, `/my-<screen>` (`/my-immunizations`), which the pack's `^/my-…` rules block; a web
// page is never read that way. A page inside an app (a Capacitor or Ionic webview, Android's asset
// loader) is an app screen too, and the app's own name (`MyChart`) names the app's area.

// Webview origins: the path after them is the app's route (`capacitor://localhost/rpm`,
// `https://appassets.androidplatform.net/assets/portal/inbox.html`, `file:///android_asset/www/…`).
const WEBVIEW = /^(?:(?:capacitor|ionic):\/\/localhost|https?:\/\/appassets\.androidplatform\.net\/(?:assets|res)|file:\/\/\/android_(?:asset|res)(?:\/www)?)(\/[^?#]*)?/i;

/** The app readings of an event, appended to `out` (usually none: only app events have them). */
export function appReadings(raw: JsonObject, context: JsonObject, props: JsonObject, pageUrl: string | undefined, out: string[] | undefined): string[] | undefined {
  // A screen call names its screen at the top, or (some SDKs and server-side senders) in its properties.
  const name = raw.type !== 'screen' ? undefined : typeof raw.name === 'string' && raw.name.length > 0 ? raw.name : typeof props.name === 'string' && props.name.length > 0 ? props.name : undefined;
  if (name !== undefined) out = ownScreen(name, out);
  const app = context.app;
  if (isJsonObject(app)) {
    // An app's tracked events name their screen in a property (`screen_name`, Firebase's `firebase_screen_class`).
    // Or a router's route name (React Navigation's `currentRouteName`), or its route object (`route: {name, params}`, the
    // properties themselves in that shape; app-routes.ts reads it as a page, a path as it is).
    for (const k in props) {
      const v = props[k];
      if (typeof v === 'string') { if (v.length > 1 && namesScreen(k)) out = ownScreen(v, out); } else if (isJsonObject(v) && isRouteObject(v)) out = ownScreen(v.name as string, out);
    }
    if (isRouteObject(props)) out = ownScreen(props.name as string, out);
    // Or its event's name says a screen was viewed (`Viewed Appointment Booked Screen`, `Lab Result Screen Viewed`).
    const viewed = typeof raw.event === 'string' ? viewedScreen(raw.event) : undefined;
    if (viewed !== undefined) out = ownScreen(viewed, asNamed(viewed, out));
    // Or a screen's class under any key (a crash report's `transaction`, `activity`, `previous_screen`; app-routes.ts).
    screenClassValues(props, (screen) => { out = ownScreen(screen, asNamed(screen, out)); });
    // The app's own name (`MyChart`, `Lobby Kiosk`, `Bedside Tablet`) names every screen's area.
    if (typeof app.name === 'string' && app.name.length > 1) { const p = screenPath(app.name); out = own(p, push(out, p)); }
  }
  const m = pageUrl === undefined || pageUrl.length < 12 ? null : WEBVIEW.exec(pageUrl);
  if (m) {
    const route = m[1] ?? '/';
    out = push(out, route);
    out = own(route, out);
  }
  return out;
}

// A screen view named the way Segment's and Amplitude's naming guides name events: a verb of seeing, the screen's words, its kind.
const VIEWED_SCREEN = /^(?:Viewed|Opened|Visited|Loaded) ([A-Za-z][A-Za-z0-9 &'-]{2,80}?) (?:Screen|Page|View|Tab)$|^([A-Za-z][A-Za-z0-9 &'-]{2,80}?) (?:Screen|Page) (?:Viewed|Opened|Loaded|Shown)$/i;

/** The screen's words an event's name says was viewed, or undefined. */
function viewedScreen(event: string): string | undefined {
  if (event.length > 100) return undefined;
  const m = VIEWED_SCREEN.exec(event);
  return m === null ? undefined : m[1] ?? m[2];
}

function ownScreen(name: string, out: string[] | undefined): string[] | undefined {
  // A route named by its path (Flutter's `/lab-results/detail`) is that path.
  if (name.charCodeAt(0) === 47) return own(name, out);
  // A router's dotted state (`results.detail`) names the app's own segments (`/my-results/detail`); only in an app, where
  // a screen's name is the app's route (a web page named `patient.education` is the public section, not `/patient/…`).
  const state = name.indexOf('.') > 0 ? statePath(name) : undefined;
  if (state !== undefined) out = own(state.toLowerCase(), out);
  out = own(screenPath(name), out);
  for (const p of classNamePaths(name)) out = own(p, out);
  return out;
}

/** A screen's name read as paths, as a screen call's is (page-readings). */
function asNamed(name: string, out: string[] | undefined): string[] | undefined {
  out = push(out, screenPath(name));
  for (const p of classNamePaths(name)) out = push(out, p);
  return out;
}

/** `/x` also read as the user's own `/my-x`. */
const own = (p: string, out: string[] | undefined): string[] | undefined => (p.length > 1 ? push(out, `/my-${p.slice(1)}`) : out);

function push(out: string[] | undefined, p: string): string[] {
  if (out === undefined) return [p];
  if (!out.includes(p)) out.push(p);
  return out;
}
