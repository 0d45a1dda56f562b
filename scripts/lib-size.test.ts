import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkOwnCodeBudget,
  measureEntry,
  ownCodeBudgetBytes,
  reachableFiles,
  relativeImports,
} from './lib-size.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lib-size-'));
  mkdirSync(join(dir, 'chunks'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('relativeImports', () => {
  it('finds static, bare-side-effect and lazy relative imports in minified output, and skips packages', () => {
    const code =
      'import{a as b}from"./chunks/a-1.js";import"./side.js";import{c}from"react";const d=()=>import("../lazy.js");export{b as x};';
    expect(relativeImports(code)).toEqual(['./chunks/a-1.js', './side.js', '../lazy.js']);
  });

  it('finds a lazy import whose path the minifier wrote in backticks', () => {
    expect(relativeImports('const p=()=>import(`./chunks/multi-1.js`).then(m=>m.a);')).toEqual([
      './chunks/multi-1.js',
    ]);
  });
});

describe('measureEntry', () => {
  it('counts the entry and the chunks it reaches, never a package or an unreached file', () => {
    writeFileSync(
      join(dir, 'index.js'),
      'import{a}from"./chunks/a.js";import{useState}from"react";export{a};',
    );
    writeFileSync(join(dir, 'chunks', 'a.js'), 'import{b}from"./b.js";export const a=b+1;');
    writeFileSync(join(dir, 'chunks', 'b.js'), 'export const b=1;');
    writeFileSync(join(dir, 'mocks.js'), `export const seed="${'x'.repeat(5000)}";`);

    expect(
      reachableFiles(join(dir, 'index.js'))
        .map((file) => file.slice(dir.length + 1))
        .sort(),
    ).toEqual(['chunks/a.js', 'chunks/b.js', 'index.js']);

    const size = measureEntry(join(dir, 'index.js'));
    expect(size.files).toHaveLength(3);
    expect(size.raw).toBe(size.files.reduce((total, file) => total + file.raw, 0));
    expect(size.gzip).toBeGreaterThan(0);
    expect(size.raw).toBeLessThan(5000);
  });

  it('leaves out the files it is told to, and what only they reach', () => {
    writeFileSync(
      join(dir, 'index.js'),
      'import{a}from"./chunks/a.js";const h=()=>import("./chunks/history-panel-1.js");export{a,h};',
    );
    writeFileSync(join(dir, 'chunks', 'a.js'), 'export const a=1;');
    writeFileSync(join(dir, 'chunks', 'history-panel-1.js'), 'import{b}from"./b.js";export default b;');
    writeFileSync(join(dir, 'chunks', 'b.js'), 'export const b=1;');
    const files = (leaveOut?: (file: string) => boolean) =>
      measureEntry(join(dir, 'index.js'), dir, leaveOut)
        .files.map((file) => file.file)
        .sort();
    expect(files()).toEqual(['chunks/a.js', 'chunks/b.js', 'chunks/history-panel-1.js', 'index.js']);
    expect(files((file) => file.includes('history-panel-'))).toEqual(['chunks/a.js', 'index.js']);
  });

  it('throws when an entry imports a file that is missing', () => {
    writeFileSync(join(dir, 'index.js'), 'import"./chunks/gone.js";');
    expect(() => measureEntry(join(dir, 'index.js'))).toThrow(/missing/);
  });
});

describe('checkOwnCodeBudget', () => {
  it('passes code under the budget and fails code past it, naming the excess', () => {
    writeFileSync(join(dir, 'index.js'), `export const small=1;`);
    expect(checkOwnCodeBudget(measureEntry(join(dir, 'index.js'))).ok).toBe(true);

    // Random bytes do not compress: past the budget gzipped, whatever gzip does.
    const noise = randomBytes(ownCodeBudgetBytes + 2048).toString('base64');
    writeFileSync(join(dir, 'index.js'), `import"./chunks/big.js";`);
    writeFileSync(join(dir, 'chunks', 'big.js'), `export const big="${noise}";`);
    const verdict = checkOwnCodeBudget(measureEntry(join(dir, 'index.js')));
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/over the budget of 30\.0 KB gzipped/);
  });
});
