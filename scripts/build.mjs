// Bundles the server/CLI (src/) into dist/ with esbuild; runtime dependencies but zod stay external (bundle-options.mjs).
import { build } from 'esbuild';
import { writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { asciiOnly } from './ascii-only.mjs';
import { bundleOptions } from './bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'dist'), { recursive: true });
// Written to temporary files then renamed: collectors starting at once never load half a bundle.
const result = await build({
  // primary.js: the cluster primary alone, so that process skips the collector's code (src/cli/primary.ts).
  entryPoints: { phiwall: join(root, 'src/cli/main.ts'), primary: join(root, 'src/cli/primary.ts') },
  outdir: join(root, 'dist'),
  write: false,
  ...bundleOptions(root),
  sourcemap: true,
  logLevel: 'warning',
});
for (const file of result.outputFiles) {
  const tmp = `${file.path}.${process.pid}.tmp`;
  // Pure ASCII, so V8 stores the module source in one byte per character (scripts/ascii-only.mjs).
  writeFileSync(tmp, file.path.endsWith('.js') ? asciiOnly(file.text, file.path) : file.contents);
  renameSync(tmp, file.path);
}
writeFileSync(join(root, 'dist/.stamp'), String(Date.now()));
