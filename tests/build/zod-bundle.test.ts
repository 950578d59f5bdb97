import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/bundle-options.mjs';
import { tempDir } from '../helpers/collector.js';

// The collector bundle carries zod with its English messages only (scripts/bundle-options.mjs, issue #5):
// its other runtime dependencies stay external, and zod's 60 locale modules are never loaded.
const REPO = join(import.meta.dirname, '../..');

describe('the bundle: zod inside, English only', () => {
  it('bundles no dependency but zod, and of zod\'s locales only en', async () => {
    const result = await build({ entryPoints: [join(REPO, 'src/cli/main.ts'), join(REPO, 'src/cli/primary.ts')], outdir: tempDir(), write: false, metafile: true, logLevel: 'silent', ...bundleOptions(REPO) });
    const inputs = Object.keys(result.metafile.inputs);
    const packages = new Set(inputs.filter((f) => f.includes('node_modules/')).map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]));
    expect([...packages]).toEqual(['zod']);
    expect(inputs.filter((f) => f.includes('/locales/')).map((f) => f.replace(/^.*\/locales\//, '')).sort()).toEqual(['en.js', 'index.js']);
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    expect(imports.filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
    expect(imports).toContain('yaml');
  });

  it('zod bundled so still reads and reports in English', async () => {
    const dir = tempDir();
    const entry = join(dir, 'entry.mjs');
    writeFileSync(entry, "export { z } from 'zod';\n");
    await build({ entryPoints: [entry], outfile: join(dir, 'out.mjs'), nodePaths: [join(REPO, 'node_modules')], logLevel: 'silent', ...bundleOptions(REPO) });
    const { z } = await import(pathToFileURL(join(dir, 'out.mjs')).href) as typeof import('zod');
    expect(Object.keys(z.locales)).toEqual(['en']);
    const shape = z.object({ port: z.number().int().min(1), name: z.string() });
    expect(shape.parse({ port: 8080, name: 'a' })).toEqual({ port: 8080, name: 'a' });
    const issues = shape.safeParse({ port: 0, name: 1 }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(['port: Too small: expected number to be >=1', 'name: Invalid input: expected string, received number']);
  });
});
