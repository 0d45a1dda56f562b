import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findStyleProblems } from './lib-styles.ts';

describe('findStyleProblems', () => {
  it('accepts rules scoped by sw- classes, sw- keyframes and properties, media and nesting', () => {
    const css = `
      /* theming */
      .sw-root { --sw-accent: #2563eb; font: inherit; }
      .sw-root *, .sw-root *::before { box-sizing: border-box; }
      .sw-button[data-variant="primary"]:hover { background: var(--sw-accent); }
      @media (prefers-color-scheme: dark) { .sw-root[data-theme="system"] { --sw-bg: #111; } }
      @keyframes sw-spin { from { transform: rotate(0) } to { transform: rotate(360deg) } }
      @property --sw-angle { syntax: '<angle>'; inherits: false; initial-value: 0deg; }
      .sw-row { color: red; &:hover { color: blue } & .sw-chip { margin: 0 } }
      @supports (inset: 0) { .sw-overlay { inset: 0 } }
    `;
    expect(findStyleProblems(css)).toEqual([]);
  });

  it('flags global selectors, foreign classes and names, @layer, @font-face and @import', () => {
    const css = `
      :root { --sw-accent: red; }
      button, .sw-button { color: red }
      .sw-dialog .active { color: blue }
      .sw-root { --accent: red; }
      @media (min-width: 1px) { body { margin: 0 } }
      @keyframes spin { to { transform: none } }
      @layer sharewell { .sw-x { color: red } }
      @font-face { font-family: X; src: url(x.woff2); }
      @import url("x.css");
    `;
    const problems = findStyleProblems(css).map((problem) => problem.where);
    expect(problems).toEqual([
      ':root',
      'button',
      '.sw-dialog .active',
      '.sw-root { --accent }',
      'body',
      '@keyframes spin',
      '@layer sharewell',
      '@font-face',
      '@import url("x.css")',
    ]);
  });

  it('ignores dots and braces inside strings and attribute values', () => {
    expect(findStyleProblems(`.sw-link[href$=".pdf"]::after { content: "{.x}"; }`)).toEqual([]);
  });
});

/** Every stylesheet of the dialog, as the library ships them. */
function dialogStylesheets(dir = 'src/share-dialog'): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("the dialog's stylesheets", () => {
  it.each(dialogStylesheets())('%s stays inside the dialog', (file) => {
    expect(findStyleProblems(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
