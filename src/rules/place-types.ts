// The part of an address a geocoder's component holds, named by its `types` (Google Places' `address_components`
// `{long_name, short_name, types: ["route"]}`, Places API (New) `{longText, shortText, types}`). The component's
// values carry no field name of their own: blind pass 32 found the street, city and county of an autocompleted home
// address going out whole while its `formatted_address` was cut. Each type is read as the field its pack rule knows.
import type { JsonValue } from '../common/json.js';

const PLACE_TYPE_FIELDS: ReadonlyMap<string, string> = new Map([
  ['street_number', 'street'], ['route', 'street'], ['street_address', 'street'], ['premise', 'street'], ['subpremise', 'street'],
  ['intersection', 'street'], ['plus_code', 'pluscode'], ['establishment', 'street'], ['point_of_interest', 'street'],
  ['locality', 'city'], ['postal_town', 'city'], ['neighborhood', 'neighborhood'], ['colloquial_area', 'city'],
  ['postal_code', 'zip'], ['postal_code_suffix', 'zip4'], ['administrative_area_level_1', 'state'], ['country', 'country'],
]);
// Every sublocality level and every administrative level below a state's (`administrative_area_level_2` is a county).
const SMALLER_AREA = /^(?:sublocality(?:_level_\d)?|administrative_area_level_[2-7])$/;

/** The field an address component's `types` list names (its first known type), or undefined when it names none. */
export function placeTypeField(types: readonly JsonValue[]): string | undefined {
  for (const t of types) {
    if (typeof t !== 'string') continue;
    const field = PLACE_TYPE_FIELDS.get(t) ?? (SMALLER_AREA.test(t) ? 'county' : undefined);
    if (field !== undefined) return field;
  }
  return undefined;
}
