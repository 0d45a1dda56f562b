/**
 * The two size figures of SPEC §8. Own code: the library built exactly as `npm run build:lib` builds it (same
 * Vite config, peers and dependencies external), into `dist-bench/lib/` so that it never fights a concurrent
 * `build:lib`, measured by `scripts/lib-size.ts`. Host cost: `scripts/lib-size-host.ts`, which builds the example
 * host app with and without the dialog, with what each package adds; the bench first installs this very build
 * into the example, packed as `npm run test:host` packs it (an older build there would measure old code).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, mergeConfig } from 'vite';
import { type EntrySize, measureEntry } from '../scripts/lib-size.ts';
import { hostAppDir, measureHostCost, packageCosts } from '../scripts/lib-size-host.ts';
import { libraryBuildConfig } from '../vite.lib.config.ts';
import { type GroupCost, groupCosts, groupOfPackage, readDependencyGraph } from './host-cost-groups.ts';
import { benchOutDir, root } from './serve-app.ts';

export const libraryOutDir = join(benchOutDir, 'lib');
/** The package as `npm pack` sees it: package.json, README.md and `dist-lib/` (this build of the library). */
const packageDir = join(benchOutDir, 'package');

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

/** What each package adds to the host's bundle: minified, and gzipped on its own. */
export interface PackageCost {
  name: string;
  raw: number;
  gzip: number;
}

/** The host cost in gzipped bytes (JS and CSS), by dependency and by package, or why it was not measured. */
export type HostCost =
  | { jsGzip: number; cssGzip: number; dependencies: GroupCost[]; packages: PackageCost[] }
  | { skipped: string };

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}: ${(result.stderr ?? '').trim().slice(-400)}`,
    );
  }
  return result.stdout;
}

function hostHasThisBuild(): boolean {
  const installed = join(hostAppDir, 'node_modules/sharewell/dist-lib/index.js');
  return (
    existsSync(installed) &&
    readFileSync(installed, 'utf8') === readFileSync(join(libraryOutDir, 'index.js'), 'utf8')
  );
}

/**
 * Installs the library of `dist-bench/lib/` (and its mocks, built beside it) into `examples/host-app/` as a packed
 * tarball, the way `npm run test:host` installs `dist-lib/`, unless that very build is installed already.
 */
async function installThisBuildInHostApp(log: (message: string) => void): Promise<void> {
  if (hostHasThisBuild()) return;
  log('  installing this build of the library into examples/host-app (packed, as npm run test:host does)');
  if (!existsSync(join(hostAppDir, 'node_modules')))
    run('npm', ['ci', '--no-audit', '--no-fund'], hostAppDir);
  rmSync(packageDir, { recursive: true, force: true });
  mkdirSync(packageDir, { recursive: true });
  cpSync(libraryOutDir, join(packageDir, 'dist-lib'), { recursive: true });
  await build(
    mergeConfig(libraryBuildConfig('mocks'), {
      configFile: false,
      root,
      logLevel: 'error',
      build: { outDir: join(packageDir, 'dist-lib'), emptyOutDir: false },
    }),
  );
  for (const file of ['package.json', 'README.md']) copyFileSync(join(root, file), join(packageDir, file));
  const packed = JSON.parse(
    run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', benchOutDir], packageDir),
  ) as { filename: string }[];
  const tarball = packed[0]?.filename;
  if (!tarball) throw new Error('npm pack wrote no tarball');
  // A tarball of the same name and version is not reinstalled unless the old copy is gone.
  rmSync(join(hostAppDir, 'node_modules/sharewell'), { recursive: true, force: true });
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', join(benchOutDir, tarball)], hostAppDir);
  if (!hostHasThisBuild()) throw new Error('examples/host-app did not take this build of the library');
}

/**
 * The host cost of this build of the library, with what each package adds (largest first); skipped, with the
 * reason, when the example host app cannot be installed (e.g. no npm registry).
 */
export async function measureHostCostOfThisBuild(log: (message: string) => void): Promise<HostCost> {
  try {
    await installThisBuildInHostApp(log);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { skipped: `examples/host-app could not be installed: ${reason}` };
  }
  const cost = await measureHostCost();
  const groupOf = groupOfPackage(readDependencyGraph(join(hostAppDir, 'node_modules')));
  return {
    jsGzip: cost.jsGzip,
    cssGzip: cost.cssGzip,
    dependencies: groupCosts(cost.without.code, cost.with.code, groupOf),
    packages: packageCosts(cost.without, cost.with),
  };
}
