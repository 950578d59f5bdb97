import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../scripts/ascii-only.mjs';
import { bundleOptions } from '../../scripts/bundle-options.mjs';

const REPO = join(import.meta.dirname, '../..');
const NON_ASCII = /[^\x00-\x7f]/;

describe('asciiOnly: the bundle V8 keeps in memory is one byte per character', () => {
  it('escapes characters in comments and regex literals without changing what the regex matches', () => {
    const source = "// I’m • here\nexport const re = /stra(?:ß|ss)e|ra[çc]a|歳|😀/u;\n";
    const out = asciiOnly(source);
    expect(out).not.toMatch(NON_ASCII);
    const escaped = new Function(`${out.replace('export ', '')}; return re;`)() as RegExp;
    const original = new Function(`${source.replace('export ', '')}; return re;`)() as RegExp;
    for (const text of ['Hauptstraße', 'Hauptstrasse', 'Praça', 'Praca', '92歳', 'hi 😀', 'plain']) expect(escaped.test(text)).toBe(original.test(text));
  });

  it('refuses a backslash before such a character (its escape would mean something else)', () => {
    expect(() => asciiOnly('const re = /\\é/;', 'x.js')).toThrow(/x\.js:1: escaped non-ASCII/);
  });

  it('leaves the collector bundle with no character beyond ASCII', async () => {
    const result = await build({ entryPoints: [join(REPO, 'src/cli/main.ts')], write: false, logLevel: 'silent', ...bundleOptions(REPO) });
    const text = result.outputFiles[0].text;
    expect(asciiOnly(text)).not.toMatch(NON_ASCII);
  });
});
