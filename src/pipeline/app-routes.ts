import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { isRouteObject, routeNameShaped } from '../rules/route-object.js';
import { classNamePaths } from './class-names.js';
import { screenPath, statePath } from './screen-names.js';
import { SCREEN_KINDS, WIDGET_KINDS } from './ui-kinds.js';
import { deepLinkReadings } from './app-links.js';

// Where an app's own payloads say its screen is, beyond a screen call's name and the screen-name keys:
// - a router's route object (`route: {name: "AppointmentConfirm", params}`, Flutter's `settings: {name:
//   "/lab-results/detail", arguments}`, a navigator state's `routes: [{key, name}]`; rules/route-object.ts);
// - in an app's events, a screen's class under any key (Sentry's `transaction: "BillPayScreen"`, an Android
//   `activity: "org.example.ui.results.LabResultDetailActivity"`, `previous_screen: "PayBillScreen"`, a SwiftUI
//   view's type `ModifiedContent<LabResultDetailView, …>`): the suffix says it is a screen, the words which one.
//   A previous screen counts like a same-site referrer: the visitor was there.

/** A route object's name read as a screen's: a path as it is, a dotted state as segments, else a screen name. */
export function routeScreen(obj: JsonObject, out: string[] | undefined): string[] | undefined {
  const name = (obj.name as string).trim();
  // A name with a `/` is the route's path (Flutter's `/lab-results/detail`, Expo Router's `(tabs)/results/[id]`).
  if (name.indexOf('/') >= 0) { (out ??= []).push(name.charCodeAt(0) === 47 ? name : `/${name}`); return out; }
  // A dotted state is segments and is also read as the rules read dots (`my.chart` as `/my-chart`).
  const state = statePath(name);
  const named = screenPath(name);
  (out ??= []).push(named);
  if (state !== undefined && state !== named) out.push(state);
  for (const p of classNamePaths(name)) if (p !== named && p !== state) out.push(p);
  return out;
}

/** The screen the properties name when they are a route object themselves (`{name: "AppointmentConfirm", params}`). */
export const propsRoute = (props: JsonObject): string[] | undefined => (isRouteObject(props) ? routeScreen(props, undefined) : undefined);

// A class name that ends with a screen's kind of UI or a widget's (words run together before it).
const SCREEN_CLASS = new RegExp(`^[A-Z][A-Za-z0-9]{1,60}[a-z0-9](?:${SCREEN_KINDS}|${WIDGET_KINDS})$`);
// A package or module before the class (`org.example.ui.LabActivity`, `NorthbayHealth.LabViewController`).
const QUALIFIER = /^(?:[A-Za-z_][A-Za-z0-9_]{0,40}\.){1,12}/;
// A generic type's first argument (SwiftUI reports `ModifiedContent<LabResultDetailView, …>`).
const FIRST_TYPE_ARGUMENT = /^[A-Za-z_][A-Za-z0-9_.]{0,60}<([A-Za-z_][A-Za-z0-9_.]{0,120})[,<>]/;
// A screen key written in snake case (`lab_result_detail_screen`).
const SNAKE_SCREEN = /^[a-z]{2,20}(?:_[a-z]{1,20}){1,5}_screen$/;
const SNAKE_WORD = /(?:^|_)([a-z])/g;
const upper = (_: string, c: string): string => c.toUpperCase();

/** The screen class a value names (`LabResultDetailActivity`), or undefined when it names none. */
export function screenClassOf(value: string): string | undefined {
  if (value.length < 8 || value.length > 300) return undefined;
  // Read as the class it names (`LabResultDetailScreen`), so a trailing `Detail` or `List` is read both ways too.
  if (SNAKE_SCREEN.test(value)) return value.replace(SNAKE_WORD, upper);
  let t = value;
  if (t.indexOf('<') > 0) { const m = FIRST_TYPE_ARGUMENT.exec(t); if (m === null) return undefined; t = m[1] as string; }
  // Its package stays: it names the screen's area (qualified-names.ts).
  return SCREEN_CLASS.test(t.indexOf('.') > 0 ? t.replace(QUALIFIER, '') : t) ? t : undefined;
}

/** Screen classes named by the string values of `v` (three levels, 50 entries a list), each passed to `add`. */
export function screenClassValues(v: JsonValue, add: (screen: string) => void, depth = 0): void {
  if (typeof v === 'string') { const c = screenClassOf(v); if (c !== undefined) add(c); return; }
  if (depth > 2 || typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) { for (let i = 0; i < v.length && i < 50; i++) screenClassValues(v[i] as JsonValue, add, depth + 1); return; }
  for (const k in v) screenClassValues(v[k] as JsonValue, add, depth + 1);
}

/**
 * Route objects in `v` (an object, a navigator state's `routes` and their nested `state.routes`), following only the
 * keys routers keep routes under, six levels down; any entry of a `routes` list with a route's name is a route.
 */
export function routeObjects(v: JsonValue, out: string[] | undefined, depth = 0, listed = false): string[] | undefined {
  if (depth > 6 || typeof v !== 'object' || v === null) return out;
  if (Array.isArray(v)) { for (let i = 0; i < v.length && i < 50; i++) out = routeObjects(v[i] as JsonValue, out, depth + 1, listed); return out; }
  if (listed ? routeNameShaped(v.name) : isRouteObject(v)) out = routeScreen(v, out);
  else if (isNavDestination(v)) out = deepLinkReadings(v.route as string, out);
  for (const k of ROUTE_HOLDERS) { const x = v[k]; if (isJsonObject(x) || Array.isArray(x)) out = routeObjects(x, out, depth + 1, k === 'routes'); }
  return out;
}
// Where routers keep routes: a navigator state's `routes` and a route's nested `state`, the current `route`.
const ROUTE_HOLDERS = ['routes', 'state', 'route', 'settings'] as const;

// Jetpack Navigation's destination (`NavDestination`: `{route: "results/{id}", id: 2131230890, label, navigatorName}`):
// its route is the screen's, a path without its `/`. A `route` string beside a destination's own fields says so.
const DESTINATION_FIELDS = ['id', 'label', 'navigatorName', 'navigator_name', 'arguments', 'parent'] as const;

function isNavDestination(v: JsonObject): boolean {
  if (typeof v.route !== 'string' || v.route.length < 2) return false;
  for (const k of DESTINATION_FIELDS) if (v[k] !== undefined) return true;
  return false;
}
