/**
 * `npm run test:host`: what a front-end team does with the package, end to end. Builds the library, packs it,
 * checks what the tarball ships, installs the tarball into `examples/host-app/` (never a path into `src/`),
 * builds the example, measures the host cost (and fails past its budget), and runs the example's browser test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackedFiles } from './lib-pack.ts';
import { hostAppDir, reportHostCost } from './lib-size-host.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

function step(title: string): void {
  console.log(`\n▶ ${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function run(command: string, args: string[], cwd = root, env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    console.error(`✗ ${command} ${args.join(' ')} failed in ${cwd}`);
    process.exit(1);
  }
  return result.stdout;
}

function runVisible(command: string, args: string[], cwd = root): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✗ ${command} ${args.join(' ')} failed in ${cwd}`);
    process.exit(1);
  }
}

step('Building the library');
runVisible('npx', ['tsx', 'scripts/build-lib.ts']);

step('Packing it');
const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts'])) as {
  filename: string;
  files: { path: string }[];
}[];
const tarball = packed[0];
if (!tarball) throw new Error('npm pack wrote no tarball');
const problems = checkPackedFiles(tarball.files.map((file) => file.path));
if (problems.length > 0) {
  console.error(
    `✗ the tarball ships what a host does not need, or misses what it does:\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(
  `  ${tarball.filename}: ${tarball.files.length} files, none of them tests, demo app or scale seed`,
);

step('Installing the tarball into examples/host-app');
if (process.env.CI || !existsSync(join(hostAppDir, 'node_modules'))) {
  run('npm', ['ci', '--no-audit', '--no-fund'], hostAppDir);
}
// A tarball of the same name and version is not reinstalled unless the old copy is gone.
rmSync(join(hostAppDir, 'node_modules/sharewell'), { recursive: true, force: true });
run('npm', ['install', '--no-save', '--no-audit', '--no-fund', join(root, tarball.filename)], hostAppDir);
run('npx', ['msw', 'init', 'public', '--no-save'], hostAppDir);

step('Running sharewell/mocks in Node');
runVisible('node', ['--test', 'tests/'], hostAppDir);

step('Building the example (typecheck + vite build, a demo build that ships the mock worker on purpose)');
// Without VITE_MOCKS=demo the production build would refuse to start the mock worker (SPEC §7).
run('npm', ['run', 'build'], hostAppDir, { VITE_MOCKS: 'demo' });

step('Measuring the host cost');
// SPEC §8: what a host's bundle grows by to render the dialog, at most 65 KB gzipped; bytes, so the test holds it.
if (!(await reportHostCost())) {
  console.error('✗ the host cost is over its budget (SPEC §8): `npm run size:host` prints it by package');
  process.exit(1);
}

step('Running the example in Chromium');
runVisible('node', ['scripts/ensure-browser.mjs']);
runVisible('npx', ['playwright', 'test', '-c', 'playwright.host.config.ts']);

console.log(`\n✓ test:host passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
