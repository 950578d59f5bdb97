export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string with at least one character, else undefined (a raw event's optional text fields). */
export const nonEmptyString = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The object, or an empty one for anything else (a raw event's optional sub-objects). */
export const objectOrEmpty = (v: JsonValue | undefined): JsonObject => (isJsonObject(v) ? v : {});
