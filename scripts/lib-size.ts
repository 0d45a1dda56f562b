/**
 * The library's own JavaScript, measured the way a host receives it: the files an entry of `dist-lib/` reaches
 * through its relative imports (its dependencies and peers stay bare imports and are not counted), gzipped and
 * brotli'd. Run directly, it prints the figures and fails past the budget (SPEC §8: 30 KB gzipped).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** SPEC §8: the library's own JavaScript, gzipped, at most 30 KB. */
export const ownCodeBudgetBytes = 30 * 1024;

/** One file's sizes in bytes. */
export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

/** The sizes of an entry and every file it reaches. */
export interface EntrySize {
  entry: string;
  files: FileSize[];
  raw: number;
  gzip: number;
  brotli: number;
}

// Minifiers write a lazy import's path in backticks as often as in quotes.
const relativeImportPattern = /(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g;

/** The relative specifiers a module imports, statically or lazily. */
export function relativeImports(code: string): string[] {
  return [...code.matchAll(relativeImportPattern)].map((match) => match[1] as string);
}

/** The JavaScript files an entry reaches through relative imports, the entry first, less those `leaveOut` names. */
export function reachableFiles(
  entryPath: string,
  leaveOut: (file: string) => boolean = () => false,
): string[] {
  const seen = new Set<string>();
  const pending = [resolve(entryPath)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${file} is imported but missing`);
    seen.add(file);
    for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
      const imported = resolve(dirname(file), specifier);
      if (specifier.endsWith('.js') && !leaveOut(imported)) pending.push(imported);
    }
  }
  return [...seen];
}

/** gzip (level 9) and brotli (quality 11) sizes of some bytes. */
export function compressedSizes(content: Buffer): { raw: number; gzip: number; brotli: number } {
  return {
    raw: content.byteLength,
    gzip: gzipSync(content, { level: 9 }).byteLength,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

/**
 * Measures an entry and the files it reaches, each file compressed on its own (as a server sends them); the files
 * `leaveOut` names, and what only they reach, are not counted.
 */
export function measureEntry(
  entryPath: string,
  baseDir = dirname(entryPath),
  leaveOut?: (file: string) => boolean,
): EntrySize {
  const files = reachableFiles(entryPath, leaveOut).map((file) => ({
    file: relative(baseDir, file),
    ...compressedSizes(readFileSync(file)),
  }));
  const sum = (key: 'raw' | 'gzip' | 'brotli') => files.reduce((total, file) => total + file[key], 0);
  return {
    entry: relative(baseDir, entryPath),
    files,
    raw: sum('raw'),
    gzip: sum('gzip'),
    brotli: sum('brotli'),
  };
}

/** A byte count as KB with one decimal. */
export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Whether an entry fits the own-code budget, and the line that says so. */
export function checkOwnCodeBudget(
  size: EntrySize,
  budget = ownCodeBudgetBytes,
): { ok: boolean; message: string } {
  const figures = `${formatKb(size.gzip)} gzipped, ${formatKb(size.brotli)} brotli, ${formatKb(size.raw)} minified`;
  return size.gzip <= budget
    ? {
        ok: true,
        message: `own JS (${size.entry} + ${size.files.length - 1} chunks): ${figures}; budget ${formatKb(budget)} gz`,
      }
    : {
        ok: false,
        message: `own JS (${size.entry}) is ${figures}: over the budget of ${formatKb(budget)} gzipped by ${formatKb(size.gzip - budget)}`,
      };
}

/** Prints the size of every entry of `dist-lib/` and returns whether the dialog's own JS fits its budget. */
export function reportLibrarySize(distDir: string): boolean {
  const dialog = measureEntry(join(distDir, 'index.js'), distDir);
  for (const file of [...dialog.files].sort((a, b) => b.gzip - a.gzip)) {
    console.log(
      `  ${file.file.padEnd(40)} ${formatKb(file.raw).padStart(9)}  ${formatKb(file.gzip).padStart(8)} gz`,
    );
  }
  const verdict = checkOwnCodeBudget(dialog);
  console.log(verdict.ok ? `✓ ${verdict.message}` : `✗ ${verdict.message}`);
  for (const entry of ['mocks.js', 'mocks-browser.js', 'contract.js']) {
    const path = join(distDir, entry);
    if (!existsSync(path)) continue;
    const mocks = measureEntry(path, distDir);
    console.log(`  (test-only entry ${entry}: ${formatKb(mocks.gzip)} gzipped, not part of the dialog)`);
  }
  const css = join(distDir, 'styles.css');
  if (existsSync(css))
    console.log(`  styles.css: ${formatKb(compressedSizes(readFileSync(css)).gzip)} gzipped`);
  return verdict.ok;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = resolve(process.argv[2] ?? 'dist-lib');
  if (!reportLibrarySize(distDir)) process.exit(1);
}
