import type { BuildOptions } from 'esbuild';

/** The collector bundle's esbuild options: every runtime dependency external but zod, bundled with its English locale only. */
export function bundleOptions(root: string): Pick<BuildOptions, 'bundle' | 'platform' | 'format' | 'target' | 'external' | 'plugins'>;
