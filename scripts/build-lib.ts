/**
 * `npm run build:lib`: the package a host installs. ES modules and one `styles.css` from Vite
 * (`vite.lib.config.ts`, the dialog and the mocks built apart), type declarations from `tsc -p tsconfig.lib.json`,
 * then the checks a published package must pass: declarations that resolve, the dialog's types free of the demo
 * app and the mock backend, CSS that stays inside the dialog; then it prints the own code's size (gzipped and
 * brotli'd) against its budget.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, mergeConfig } from 'vite';
import { libraryBuildConfig } from '../vite.lib.config.ts';
import { reachableFiles, reportLibrarySize } from './lib-size.ts';
import { findStyleProblems } from './lib-styles.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, 'dist-lib');
const typesDir = join(distDir, 'types');

/** Each published entry and the source module its declarations come from (relative to `src/`). */
const declarationEntries = {
  index: 'share-dialog/index',
  mocks: 'mocks/node',
  'mocks-browser': 'mocks/browser',
  contract: 'api/contract-parsers',
} as const;

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => join(dir, file));
}

const relativeSpecifier = /((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+?)\.tsx?(["'])/g;

/** Source imports say `./x.ts`; a host's TypeScript resolves the emitted `./x.js` to `./x.d.ts`. */
function rewriteDeclarationSpecifiers(): void {
  for (const file of declarationFiles(typesDir)) {
    const code = readFileSync(file, 'utf8');
    // A stylesheet import is the JS's business (and the host's, through `sharewell/styles.css`), not the types'.
    const rewritten = code
      .replace(relativeSpecifier, '$1$2.js$3')
      .replace(/^import\s+["'][^"']+\.css["'];\n/gm, '');
    if (rewritten !== code) writeFileSync(file, rewritten);
  }
}

/** The declaration files a declaration file reaches through relative imports. */
function reachableDeclarations(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    if (!existsSync(file)) fail(`declarations: ${relative(distDir, file)} is imported but was not emitted`);
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const specifier = match[1] as string;
      if (specifier.endsWith('.css')) continue;
      pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.d.ts')));
    }
  }
  return [...seen];
}

/** Writes each entry's declarations, checks what they reach, and drops declarations no entry reaches. */
function writeEntryDeclarations(): void {
  for (const [entry, source] of Object.entries(declarationEntries)) {
    const target = `./types/${source}.js`;
    writeFileSync(join(distDir, `${entry}.d.ts`), `export * from '${target}';\n`);
  }
  const reached = new Set(
    Object.values(declarationEntries).flatMap((source) =>
      reachableDeclarations(join(typesDir, `${source}.d.ts`)),
    ),
  );
  for (const file of declarationFiles(typesDir)) if (!reached.has(file)) rmSync(file);
  const dialogTypes = reachableDeclarations(join(typesDir, `${declarationEntries.index}.d.ts`));
  const leaked = dialogTypes
    .map((file) => relative(typesDir, file))
    .filter(
      (file) => file.startsWith('app/') || file.startsWith('mock-backend/') || file.startsWith('mocks/'),
    );
  if (leaked.length > 0)
    fail(`the dialog's declarations reach the demo app or the mock backend: ${leaked.join(', ')}`);
  const appTypes = declarationFiles(typesDir).filter((file) => relative(typesDir, file).startsWith('app/'));
  if (appTypes.length > 0) fail(`declarations of the demo app were emitted: ${appTypes.join(', ')}`);
}

function checkStyles(): void {
  const stylesheet = join(distDir, 'styles.css');
  if (!existsSync(stylesheet)) fail('dist-lib/styles.css was not emitted');
  const problems = findStyleProblems(readFileSync(stylesheet, 'utf8'));
  if (problems.length > 0) {
    fail(
      `styles.css reaches outside the dialog:\n${problems.map((p) => `  ${p.where}: ${p.why}`).join('\n')}`,
    );
  }
}

/** The package a bare specifier names: `react` for `react/jsx-runtime`, `@radix-ui/react-dialog` for itself. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** Every package the built JS imports must be a dependency or a peer: a host installs nothing else. */
function checkImportedPackages(): void {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  const browserFiles = new Set(
    ['index.js', 'mocks-browser.js', 'contract.js'].flatMap((entry) => reachableFiles(join(distDir, entry))),
  );
  const dialogFiles = new Set(reachableFiles(join(distDir, 'index.js')));
  for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.js'),
  )) {
    const path = join(distDir, file);
    const code = readFileSync(path, 'utf8');
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^./"'][^"']*)["']/g)) {
      const specifier = match[1] as string;
      if (specifier.startsWith('node:')) {
        if (browserFiles.has(path)) fail(`${file} imports ${specifier}, which a browser does not have`);
        continue;
      }
      if (!declared.has(packageOf(specifier)))
        fail(`${file} imports ${specifier}, which package.json does not declare`);
      // The contract's schemas are for the mocks and for hosts that ask for them (`parseAnswers`), not the dialog.
      if (dialogFiles.has(path) && packageOf(specifier) === 'zod')
        fail(`${file} imports ${specifier}: the dialog would carry the contract's schemas`);
    }
  }
}

/** Runs tsc for the declarations; resolves with whether it succeeded. */
function emitDeclarations(): Promise<boolean> {
  const tsc = spawn(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.lib.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  return new Promise((done) => tsc.on('close', (code) => done(code === 0)));
}

console.log('Building the library into dist-lib/ …');
rmSync(distDir, { recursive: true, force: true });
// Vite (the dialog's JS and CSS, then the mocks' JS) and tsc (declarations) write to separate places in dist-lib/:
// they run side by side.
const [, declarationsEmitted] = await Promise.all([
  (async () => {
    for (const part of ['dialog', 'mocks'] as const) {
      await build(
        mergeConfig(libraryBuildConfig(part), {
          configFile: false,
          root,
          logLevel: 'warn',
          build: { emptyOutDir: false },
        }),
      );
    }
  })(),
  emitDeclarations(),
]);
checkStyles();
checkImportedPackages();
if (!declarationsEmitted) fail('tsc -p tsconfig.lib.json failed');
rewriteDeclarationSpecifiers();
writeEntryDeclarations();

// The size is printed here and judged by `npm run size:lib` and `npm run bench`, which fail past SPEC §8's budget:
// a package over it still builds, so that its other checks run.
console.log('Size of the library (peers and dependencies external):');
reportLibrarySize(distDir);
