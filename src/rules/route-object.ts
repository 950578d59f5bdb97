import { isJsonObject, type JsonObject } from '../common/json.js';

// A navigation library's route object: React Navigation's `{name, key, params}` (its key is the name and a random
// suffix, `ProviderProfile-x8Kq2`), Flutter's RouteSettings `{name, arguments}`, Vue Router's `{name, params, query}`.
// Its `name` is the screen's as the app registered it (`AppointmentConfirm`, `/provider-detail`, `billing.pay`), not a
// person's: it names where the app is (pipeline/app-routes.ts reads it like a screen name) and stays in the event, still
// scanned. A name with a space in it is not a route's (`Jane Doe` beside `params` stays a person's and is dropped).

// One token: letters, digits and the separators routers use (`/`, `.`, `_`, `-`, `:`), opening with a letter or `/`; also
// Expo Router's groups and parameters and Jetpack Compose's arguments (`(tabs)/results/[id]`, `lab_results/{resultId}`).
const ROUTE_NAME = /^\/?(?:\([a-z0-9_-]{1,30}\)\/)*[A-Za-z][A-Za-z0-9_.:\/()[\]{}-]{0,79}$/;
const ROUTE_PARTS = ['params', 'arguments', 'query', 'state'] as const;

/** Whether `name` is shaped like a route's name (one token; see above). */
export const routeNameShaped = (name: unknown): name is string => typeof name === 'string' && ROUTE_NAME.test(name);

/** Whether `obj` is a router's route object whose `name` is the screen's (see above). */
export function isRouteObject(obj: JsonObject): boolean {
  const name = obj.name;
  if (!routeNameShaped(name)) return false;
  const key = obj.key;
  if (typeof key === 'string' && key.length > name.length + 1 && key.startsWith(name) && key.charCodeAt(name.length) === 45) return true;
  for (const part of ROUTE_PARTS) {
    const v = obj[part];
    // Flutter's arguments may be any value; the others are objects (a query string is a link's, not a route's).
    if (part === 'arguments' ? v !== undefined : isJsonObject(v)) return true;
  }
  return false;
}
