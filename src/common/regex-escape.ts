const REGEX_SPECIAL_CHARS = /[.*+?^${}()|[\]\\]/g;

/** `text` as a regex source that matches it literally. */
export const escapeRegExp = (text: string): string => text.replace(REGEX_SPECIAL_CHARS, '\\$&');
