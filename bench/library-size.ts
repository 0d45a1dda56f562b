/**
 * The two size figures of SPEC §8. Own code: the library built exactly as `npm run build:lib` builds it (same
 * Vite config, peers and dependencies external), into `dist-bench/lib/` so that it never fights a concurrent
 * `build:lib`, measured by `scripts/lib-size.ts`. Host cost: `scripts/lib-size-host.ts`, which builds the example
 * host app with and without the dialog; it needs the packed library installed there (`npm run test:host`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { type EntrySize, measureEntry } from '../scripts/lib-size.ts';
import { hostAppDir, measureHostCost } from '../scripts/lib-size-host.ts';
import { benchOutDir, root } from './serve-app.ts';

const libraryOutDir = join(benchOutDir, 'lib');

/** Builds the library with `vite.lib.config.ts` into `dist-bench/lib/` and measures its dialog entry. */
export async function measureOwnCode(): Promise<EntrySize> {
  await build({
    root,
    configFile: join(root, 'vite.lib.config.ts'),
    logLevel: 'error',
    build: { outDir: libraryOutDir, emptyOutDir: true },
  });
  return measureEntry(join(libraryOutDir, 'index.js'), libraryOutDir);
}

/** The host cost in gzipped bytes (JS and CSS), or why it was not measured. */
export type HostCost = { jsGzip: number; cssGzip: number } | { skipped: string };

/**
 * Measures the host cost, if the example host app has this very build of the library installed: a tarball of an
 * older build would measure old code.
 */
export async function measureHostCostIfInstalled(): Promise<HostCost> {
  const installed = join(hostAppDir, 'node_modules/sharewell/dist-lib/index.js');
  if (!existsSync(installed)) {
    return { skipped: 'the example host app is not installed (run `npm run test:host` once)' };
  }
  if (readFileSync(installed, 'utf8') !== readFileSync(join(libraryOutDir, 'index.js'), 'utf8')) {
    return {
      skipped: 'examples/host-app has an older build of the library installed (run `npm run test:host`)',
    };
  }
  const cost = await measureHostCost();
  return { jsGzip: cost.jsGzip, cssGzip: cost.cssGzip };
}
