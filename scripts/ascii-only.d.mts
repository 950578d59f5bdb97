/** `code` with every character beyond ASCII written as `\uXXXX` (comments and regex literals esbuild leaves as written). */
export function asciiOnly(code: string, file?: string): string;
