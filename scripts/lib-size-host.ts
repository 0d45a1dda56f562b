/**
 * Host cost (SPEC §8): how much a host app's production bundle grows when it renders the ShareDialog. Builds
 * `examples/host-app/` twice, with the dialog and with a placeholder button in its place, both without the
 * mock backend; react, react-dom and @tanstack/react-query are in both builds, so they count as already there.
 * It counts the code that loads to render the dialog: the parts that load only once used — the History view, the
 * view for several assets at once, access requests — are printed apart (the host's browser test checks that an open loads
 * neither).
 * Needs the packed tarball installed in the example (`npm run test:host` does that). Run directly, it prints
 * the figures and fails past the budget (65 KB gzipped).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressedSizes, type EntrySize, formatKb, measureEntry } from './lib-size.ts';
import { attributeCode, packageSizes, type SourceMap } from './lib-size-attribution.ts';

/** SPEC §8: what a host's bundle grows by, gzipped, at most 65 KB. */
export const hostCostBudgetBytes = 65 * 1024;

/**
 * The dialog's parts that load only when used, by the name their chunk starts with: the History view once
 * `History` is opened, the multi-asset view once several assets are shared at once, the requests to answer once
 * `Requests (<n>)` is expanded, the form to ask for access for a person who could hold more than they do, `Make owner`'s confirmation once it
 * is pointed at, the external link's controls for asset types that have one (applications). The save's error
 * summary and `Discard changes?` are not among them: they must show when the network is gone.
 */
export const partsLoadedOnUse = [
  'history-panel',
  'multi-asset-panel',
  'request-list',
  'request-access-form',
  'make-owner-dialog',
  'external-link-section',
] as const;

/** Whether a built file is the chunk of a part that loads only when used. */
export function isPartLoadedOnUse(file: string): boolean {
  const name = basename(file);
  return partsLoadedOnUse.some((part) => name.startsWith(`${part}-`));
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const hostAppDir = join(root, 'examples/host-app');

/**
 * One production build of the host app: the JavaScript that loads to render it, its CSS, the JS's bytes (and code)
 * by package, and the parts that load only once used.
 */
export interface HostBuildSize {
  js: EntrySize;
  /** What the parts that load only once used add, on top of `js`. */
  onUse: EntrySize;
  cssGzip: number;
  packages: Map<string, { raw: number; gzip: number }>;
  /** The generated code of each package, to weigh packages together (e.g. a dependency with its own). */
  code: Map<string, string>;
}

/** The script entry that a built `index.html` loads. */
export function entryScriptOf(html: string): string {
  const match = /<script[^>]+type="module"[^>]+src="\/?([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('the built index.html loads no module script');
  return match[1];
}

/** Builds the host app into `outDir`, with or without the dialog, never with the mock backend. */
export async function buildHostApp(outDir: string, withDialog: boolean): Promise<HostBuildSize> {
  rmSync(join(hostAppDir, outDir), { recursive: true, force: true });
  const vite = spawn('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: hostAppDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      HOST_APP_OUT_DIR: outDir,
      HOST_APP_SOURCEMAP: 'hidden',
      VITE_SHARE_DIALOG: withDialog ? 'on' : 'off',
      VITE_MOCKS: 'off',
    },
  });
  const status = await new Promise<number | null>((done) => vite.on('close', done));
  if (status !== 0) throw new Error(`building the host app (${outDir}) failed`);
  const dist = join(hostAppDir, outDir);
  const entry = join(dist, entryScriptOf(readFileSync(join(dist, 'index.html'), 'utf8')));
  const js = measureEntry(entry, dist, isPartLoadedOnUse);
  const everything = measureEntry(entry, dist);
  const loaded = new Set(js.files.map((file) => file.file));
  const onUseFiles = everything.files.filter((file) => !loaded.has(file.file));
  const onUse: EntrySize = {
    entry: js.entry,
    files: onUseFiles,
    raw: everything.raw - js.raw,
    gzip: everything.gzip - js.gzip,
    brotli: everything.brotli - js.brotli,
  };
  const assets = join(dist, 'assets');
  const cssGzip = readdirSync(assets)
    .filter((file) => file.endsWith('.css'))
    .reduce((total, file) => total + compressedSizes(readFileSync(join(assets, file))).gzip, 0);
  const code = new Map<string, string>();
  for (const file of js.files) {
    const path = join(dist, file.file);
    const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as SourceMap;
    for (const [name, text] of attributeCode(readFileSync(path, 'utf8'), map)) {
      code.set(name, (code.get(name) ?? '') + text);
    }
  }
  const packages = new Map(packageSizes(code).map(({ name, raw, gzip }) => [name, { raw, gzip }]));
  return { js, onUse, cssGzip, packages, code };
}

/** What each package adds to the host's bundle: in the build with the dialog, less the build without it. */
export function packageCosts(
  without: HostBuildSize,
  withDialog: HostBuildSize,
): { name: string; raw: number; gzip: number }[] {
  return [...withDialog.packages]
    .map(([name, size]) => {
      const before = without.packages.get(name) ?? { raw: 0, gzip: 0 };
      return { name, raw: size.raw - before.raw, gzip: size.gzip - before.gzip };
    })
    .filter((cost) => cost.raw > 0)
    .sort((a, b) => b.raw - a.raw);
}

/** The host cost: both builds and the difference, gzipped. */
export async function measureHostCost(): Promise<{
  without: HostBuildSize;
  with: HostBuildSize;
  jsGzip: number;
  cssGzip: number;
}> {
  const [without, withDialog] = await Promise.all([
    buildHostApp('dist-size/without-dialog', false),
    buildHostApp('dist-size/with-dialog', true),
  ]);
  return {
    without,
    with: withDialog,
    jsGzip: withDialog.js.gzip - without.js.gzip,
    cssGzip: withDialog.cssGzip - without.cssGzip,
  };
}

/** Prints the host cost and returns whether its JavaScript fits the budget. */
export async function reportHostCost(): Promise<boolean> {
  const cost = await measureHostCost();
  console.log(
    `  host app without the dialog: ${formatKb(cost.without.js.gzip)} JS gzipped (react, react-dom, react-query)`,
  );
  console.log(
    `  host app with the dialog:    ${formatKb(cost.with.js.gzip)} JS gzipped; what it adds, by package:`,
  );
  for (const item of packageCosts(cost.without, cost.with).slice(0, 12)) {
    console.log(
      `    ${item.name.padEnd(34)} ${formatKb(item.raw).padStart(9)} minified  ~${formatKb(item.gzip).padStart(8)} gz alone`,
    );
  }
  console.log(`  and, loaded only once used (not counted): ${formatKb(cost.with.onUse.gzip)} JS gzipped`);
  for (const file of cost.with.onUse.files) {
    console.log(`    ${basename(file.file).padEnd(44)} ${formatKb(file.gzip).padStart(8)} gz`);
  }
  const line = `host cost: +${formatKb(cost.jsGzip)} JS gzipped (+${formatKb(cost.cssGzip)} CSS gzipped); budget ${formatKb(hostCostBudgetBytes)} JS gz`;
  const ok = cost.jsGzip <= hostCostBudgetBytes;
  console.log(ok ? `✓ ${line}` : `✗ ${line}: over by ${formatKb(cost.jsGzip - hostCostBudgetBytes)}`);
  return ok;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!(await reportHostCost())) process.exit(1);
}
