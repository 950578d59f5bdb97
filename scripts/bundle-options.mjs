// esbuild options of the server/CLI bundle (scripts/build.mjs; tests/build reads the same).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Runtime dependencies stay external (loaded from node_modules), except zod, which is bundled so
 * that only its English messages are loaded. `import { z } from 'zod'` loads zod's `locales` index
 * with it: 60 modules of translated error messages, ~0.5 MB of source and compiled code in every
 * collector process, for a `z.locales` the collector never reads (its messages are English, the
 * default zod sets from `locales/en.js` itself). Bundled, the index is replaced by one naming `en`
 * alone (issue #5: a worker's live heap after the bench's single events, 25.2 -> 24.3 MB besides
 * its regexes).
 */
export function bundleOptions(root) {
  const deps = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies);
  const external = deps.filter((d) => d !== 'zod').flatMap((d) => [d, `${d}/*`]);
  return { bundle: true, platform: 'node', format: 'esm', target: 'node20', external, plugins: [zodEnglishOnly] };
}

/** Within zod, `locales/index.js` becomes `export { default as en } from './en.js'`. */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /(^|\/)locales\/index\.js$/ }, (args) => (
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), args.path), namespace: 'zod-english-only' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
      resolveDir: dirname(args.path),
    }));
  },
};
