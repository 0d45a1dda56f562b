import { readdirSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { ChunkingContext } from 'rolldown';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const dialogDir = fileURLToPath(new URL('./src/share-dialog/', import.meta.url));

/**
 * The package's entry points: the dialog, the mock backend for a host's tests (Node) and demos (browser), and the
 * contract's parsers, to check a backend's answers with.
 */
export const libraryEntries = {
  index: fileURLToPath(new URL('./src/share-dialog/index.ts', import.meta.url)),
  mocks: fileURLToPath(new URL('./src/mocks/node.ts', import.meta.url)),
  'mocks-browser': fileURLToPath(new URL('./src/mocks/browser.ts', import.meta.url)),
  contract: fileURLToPath(new URL('./src/api/contract-parsers.ts', import.meta.url)),
};

const scaleData = fileURLToPath(new URL('./src/mock-backend/scale.ts', import.meta.url));
const withoutScaleData = fileURLToPath(new URL('./src/mocks/without-scale-data.ts', import.meta.url));

/** The package's mocks carry the normal seed only: the demo app's scale data is left out of them. */
function leaveOutScaleData(): Plugin {
  return {
    name: 'sharewell:leave-out-scale-data',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('scale.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === scaleData ? withoutScaleData : null;
    },
  };
}

/** Every bare import (react, @radix-ui/*, zod, msw, …) stays an import: a host's bundler dedupes and shares them. */
function isPackageImport(id: string): boolean {
  return !id.startsWith('.') && !id.startsWith('\0') && !isAbsolute(id);
}

/** The dialog's stylesheets, its base `styles.css` first so that parts can refine it. */
export function dialogStylesheets(): string[] {
  return readdirSync(dialogDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.css'))
    .map((file) => file.split('\\').join('/'))
    .sort((a, b) => Number(b === 'styles.css') - Number(a === 'styles.css') || a.localeCompare(b));
}

/**
 * Makes the dialog entry import every stylesheet of the dialog, so that Vite gathers them into one minified
 * `styles.css`, whether or not the components import their CSS themselves (the library's JS never does: a host
 * imports `sharewell/styles.css` once).
 */
function gatherDialogStyles(): Plugin {
  const entry = libraryEntries.index;
  return {
    name: 'sharewell:gather-dialog-styles',
    transform(code, id) {
      if (id !== entry) return null;
      const imports = dialogStylesheets().map((file) => `import './${file}';`);
      return { code: `${imports.join('\n')}\n${code}`, map: null };
    },
  };
}

/** Fails the build when a dependency's code was bundled: a host would load a second React or query cache. */
function keepDependenciesExternal(): Plugin {
  return {
    name: 'sharewell:keep-dependencies-external',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const bundled = output.moduleIds.filter((id) => id.includes('/node_modules/'));
        if (bundled.length > 0) this.error(`${output.fileName} bundles ${bundled.join(', ')}`);
      }
    },
  };
}

/**
 * Everything the dialog's entry imports statically goes into one chunk beside it, so that opening the dialog loads
 * two files, not one per module that a lazy part shares with it; what only lazy parts use stays in their chunks.
 */
function openingChunk(entry: string): (id: string, context: ChunkingContext) => string | null {
  let opening: Set<string> | undefined;
  return (id, context) => {
    if (!opening) {
      opening = new Set();
      const pending = [entry];
      while (pending.length > 0) {
        const next = pending.pop() as string;
        if (opening.has(next)) continue;
        opening.add(next);
        pending.push(...(context.getModuleInfo(next)?.importedIds ?? []));
      }
    }
    return opening.has(id) && id !== entry ? 'dialog' : null;
  };
}

/** The parts of the package, each built on its own: the dialog, and the mock backend's two entries. */
export type LibraryPart = 'dialog' | 'mocks';

const partEntries: Record<LibraryPart, Partial<typeof libraryEntries>> = {
  dialog: { index: libraryEntries.index },
  mocks: {
    mocks: libraryEntries.mocks,
    'mocks-browser': libraryEntries['mocks-browser'],
    contract: libraryEntries.contract,
  },
};

/**
 * One part of the library build (`npm run build:lib` builds both into `dist-lib/`): ES modules, dependencies and
 * peers external, the dialog's CSS as one `styles.css`. Minified, because a host's bundler keeps what it is given.
 * The dialog is built apart from the mocks so that its files hold only what it runs: in one build, the code both
 * use (the contract, the sharing rules) would sit in a shared chunk together with the parts only the mocks need.
 */
export function libraryBuildConfig(part: LibraryPart): UserConfig {
  return {
    plugins: [react(), gatherDialogStyles(), leaveOutScaleData(), keepDependenciesExternal()],
    publicDir: false,
    css: {
      // lightningcss's `light-dark()` fallback declares unprefixed `--lightningcss-*` properties on every rule that
      // sets `color-scheme`; the dialog never uses `light-dark()`, so the fallback is left out
      // (1048576 = lightningcss `Features.LightDark`, which the config cannot import without depending on it).
      lightningcss: { exclude: 1048576 },
    },
    build: {
      outDir: 'dist-lib',
      emptyOutDir: true,
      target: 'es2022',
      // The browsers Vite targets by default for apps: the dialog's CSS (color-mix, dvh) needs them anyway.
      cssTarget: ['chrome111', 'edge111', 'firefox114', 'safari16.4'],
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      cssCodeSplit: false,
      reportCompressedSize: false,
      lib: {
        entry: partEntries[part],
        formats: ['es'],
        fileName: (_format, entryName) => `${entryName}.js`,
        cssFileName: 'styles',
      },
      rolldownOptions: {
        external: isPackageImport,
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
          codeSplitting:
            part === 'dialog' ? { groups: [{ name: openingChunk(libraryEntries.index) }] } : undefined,
          // Vite keeps whitespace in ES libraries; removing it keeps the `#__PURE__` annotations hosts tree-shake by.
          minify: { compress: true, mangle: true, codegen: { removeWhitespace: true } },
          // The dialog uses state and effects: React Server Components frameworks must load it on the client.
          banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : ''),
        },
      },
    },
  };
}

/** The dialog's build, which `npm run bench` measures; `scripts/build-lib.ts` adds the mocks' build. */
export default defineConfig(libraryBuildConfig('dialog'));
