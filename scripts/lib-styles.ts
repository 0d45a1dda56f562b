/**
 * Checks that the library's CSS cannot reach outside the dialog nor be reached by a host's names: every selector
 * is scoped by an `sw-` class, every class, custom property, keyframes and `@property` is `sw-` prefixed, and
 * nothing global (`@font-face`, `@import`) or cascade-reordering (`@layer`, which a host's unlayered rules beat
 * whatever their specificity) is declared.
 */

/** One thing in a stylesheet that could leak out of the dialog or let a host's CSS in. */
export interface StyleProblem {
  /** The selector, at-rule or declaration at fault. */
  where: string;
  why: string;
}

const prefix = 'sw-';
const blockAtRules = new Set(['media', 'supports', 'container', 'scope', 'starting-style']);

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** Splits on commas outside parentheses and brackets. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth += 1;
    if (char === ')' || char === ']') depth -= 1;
    if (char === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** The top-level statements of a block: `{ prelude, body }` for blocks, `{ prelude }` for `@x …;` statements. */
function parseBlocks(css: string): { prelude: string; body?: string }[] {
  const items: { prelude: string; body?: string }[] = [];
  let index = 0;
  let prelude = '';
  while (index < css.length) {
    const char = css[index] as string;
    if (char === '"' || char === "'") {
      const end = css.indexOf(char, index + 1);
      prelude += css.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (char === ';') {
      if (prelude.trim()) items.push({ prelude: prelude.trim() });
      prelude = '';
    } else if (char === '{') {
      let depth = 1;
      let cursor = index + 1;
      while (cursor < css.length && depth > 0) {
        if (css[cursor] === '{') depth += 1;
        if (css[cursor] === '}') depth -= 1;
        cursor += 1;
      }
      items.push({ prelude: prelude.trim(), body: css.slice(index + 1, cursor - 1) });
      prelude = '';
      index = cursor;
      continue;
    } else {
      prelude += char;
    }
    index += 1;
  }
  if (prelude.trim()) items.push({ prelude: prelude.trim() });
  return items;
}

function selectorProblems(selectorList: string, scoped: boolean): StyleProblem[] {
  const problems: StyleProblem[] = [];
  for (const selector of splitTopLevel(selectorList, ',')) {
    const withoutValues = selector.replace(/"[^"]*"|'[^']*'/g, '""').replace(/\[[^\]]*\]/g, '[]');
    if (!scoped && !/\.sw-[\w-]/.test(withoutValues)) {
      problems.push({ where: selector, why: 'is not scoped by an sw- class: it would style the host page' });
    }
    for (const match of withoutValues.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) {
      const className = match[1] as string;
      if (!className.startsWith(prefix)) {
        problems.push({
          where: selector,
          why: `uses the class .${className}, which a host's CSS may also style`,
        });
      }
    }
  }
  return problems;
}

/** Problems of the statements of a stylesheet or block; `scoped` inside a rule already scoped (CSS nesting). */
function blockProblems(css: string, scoped: boolean, where = ''): StyleProblem[] {
  const problems: StyleProblem[] = [];
  for (const { prelude, body } of parseBlocks(css)) {
    if (prelude.startsWith('@')) {
      const name = /^@([\w-]+)/.exec(prelude)?.[1]?.toLowerCase() ?? '';
      const rest = prelude.slice(name.length + 1).trim();
      if (name === 'charset') continue;
      if (blockAtRules.has(name)) {
        problems.push(...blockProblems(body ?? '', scoped, where));
      } else if (name === 'keyframes' || name.endsWith('-keyframes')) {
        if (!rest.startsWith(prefix)) problems.push({ where: prelude, why: 'keyframes must be named sw-…' });
      } else if (name === 'property') {
        if (!rest.startsWith(`--${prefix}`))
          problems.push({ where: prelude, why: '@property must register --sw-…' });
      } else if (name === 'layer') {
        problems.push({
          where: prelude,
          why: "layered rules lose to a host's unlayered rules, whatever their specificity",
        });
      } else {
        problems.push({ where: prelude, why: `@${name} is global to the page` });
      }
    } else if (body === undefined) {
      const property = prelude.split(':', 1)[0]?.trim() ?? '';
      if (property.startsWith('--') && !property.startsWith(`--${prefix}`)) {
        problems.push({
          where: `${where} { ${property} }`,
          why: 'declares a custom property without the --sw- prefix',
        });
      }
    } else {
      problems.push(...selectorProblems(prelude, scoped));
      problems.push(...blockProblems(body, true, prelude));
    }
  }
  return problems;
}

/** Everything in a stylesheet that is not scoped to the dialog or not prefixed. */
export function findStyleProblems(css: string): StyleProblem[] {
  return blockProblems(stripComments(css), false);
}
