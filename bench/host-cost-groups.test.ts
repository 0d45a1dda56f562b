import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type DependencyGraph, groupCosts, groupOfPackage } from './host-cost-groups.ts';

const graph: DependencyGraph = {
  library: 'sharewell',
  dependencies: ['@radix-ui/react-dialog', 'downshift', 'react-hook-form'],
  peers: ['react', 'react-dom'],
  dependenciesOf: (name) =>
    ({
      '@radix-ui/react-dialog': ['@radix-ui/react-focus-scope', 'aria-hidden'],
      '@radix-ui/react-focus-scope': ['@radix-ui/react-primitive'],
      downshift: ['@babel/runtime', 'compute-scroll-into-view'],
      'react-hook-form': ['@babel/runtime'],
      'react-dom': ['scheduler'],
    })[name] ?? [],
};

describe('grouping the host cost by dependency', () => {
  const groupOf = groupOfPackage(graph);

  it('counts a package under the one dependency whose tree holds it, however deep', () => {
    expect(groupOf('@radix-ui/react-primitive')).toBe('@radix-ui/react-dialog');
    expect(groupOf('compute-scroll-into-view')).toBe('downshift');
    expect(groupOf('downshift')).toBe('downshift');
  });

  it('names the library, the shared packages, the peers and the rest', () => {
    expect(groupOf('sharewell')).toBe('sharewell (own code)');
    expect(groupOf('@babel/runtime')).toBe('shared by downshift, react-hook-form');
    expect(groupOf('scheduler')).toMatch(/^peers/);
    expect(groupOf('host')).toMatch(/^the host app/);
  });

  it('adds what a group adds: its code with the dialog less its code without, gzipped together', () => {
    const dialogCode = 'function focusScope(){return 1}'.repeat(20);
    const primitiveCode = 'function primitive(){return 2}'.repeat(10);
    const costs = groupCosts(
      new Map([
        ['react-dom', 'a'.repeat(100)],
        ['react', 'same'],
      ]),
      new Map([
        ['@radix-ui/react-focus-scope', dialogCode],
        ['@radix-ui/react-primitive', primitiveCode],
        ['react-dom', 'a'.repeat(150)],
        ['react', 'same'],
      ]),
      groupOf,
    );
    const dialog = costs.find((cost) => cost.group === '@radix-ui/react-dialog');
    expect(dialog?.packages).toEqual(['@radix-ui/react-focus-scope', '@radix-ui/react-primitive']);
    expect(dialog?.raw).toBe(dialogCode.length + primitiveCode.length);
    expect(dialog?.gzip).toBe(gzipSync(dialogCode + primitiveCode, { level: 9 }).byteLength);
    const peers = costs.find((cost) => cost.group.startsWith('peers'));
    expect(peers?.raw).toBe(50);
    // A package the dialog uses no more of than the host did adds nothing.
    expect(costs.flatMap((cost) => cost.packages)).not.toContain('react');
  });
});
