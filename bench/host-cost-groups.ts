/**
 * The host cost by dependency of the library: each package the dialog adds to a host's bundle is counted under
 * the dependency of `sharewell` that brings it in (a Radix dialog's focus scope and scroll lock under
 * `@radix-ui/react-dialog`), so that the cost of each choice of dependency can be read off.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Who depends on whom: the library's own dependencies and peers, and each installed package's dependencies. */
export interface DependencyGraph {
  /** The library's package name. */
  library: string;
  dependencies: readonly string[];
  peers: readonly string[];
  dependenciesOf(name: string): readonly string[];
}

/** Reads the dependency graph of `library` from a `node_modules` folder (packages' `dependencies` fields). */
export function readDependencyGraph(nodeModules: string, library = 'sharewell'): DependencyGraph {
  const manifest = (name: string) => {
    const path = join(nodeModules, name, 'package.json');
    return existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as {
          dependencies?: Record<string, string>;
          peerDependencies?: Record<string, string>;
        })
      : {};
  };
  const own = manifest(library);
  return {
    library,
    dependencies: Object.keys(own.dependencies ?? {}),
    peers: Object.keys(own.peerDependencies ?? {}),
    dependenciesOf: (name) => Object.keys(manifest(name).dependencies ?? {}),
  };
}

function closure(start: string, graph: DependencyGraph): Set<string> {
  const seen = new Set<string>();
  const pending = [start];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    pending.push(...graph.dependenciesOf(name));
  }
  return seen;
}

/**
 * The group each package belongs to: the library itself; the one dependency whose tree holds it; `shared by …`
 * when several dependencies' trees do; the peers (which the host has already: what counts is how much more of
 * them the dialog uses); or `the host app` for the host's own code and bytes no source map claims.
 */
export function groupOfPackage(graph: DependencyGraph): (name: string) => string {
  const peerTrees = new Set(graph.peers.flatMap((peer) => [...closure(peer, graph)]));
  const trees = graph.dependencies.map((dependency) => ({ dependency, tree: closure(dependency, graph) }));
  return (name) => {
    if (name === graph.library) return `${graph.library} (own code)`;
    const owners = trees.filter(({ tree }) => tree.has(name)).map(({ dependency }) => dependency);
    if (owners.length === 1) return owners[0] as string;
    if (owners.length > 1) return `shared by ${owners.sort().join(', ')}`;
    if (peerTrees.has(name)) return 'peers, more of them used (react, react-dom, @tanstack/react-query)';
    return 'the host app (its own code, unmapped bytes)';
  };
}

/** One group's share of the host cost: minified bytes added, and gzipped bytes added (its code gzipped together). */
export interface GroupCost {
  group: string;
  packages: string[];
  raw: number;
  gzip: number;
}

const gzipped = (text: string) => (text.length === 0 ? 0 : gzipSync(text, { level: 9 }).byteLength);

/**
 * What each group adds to the host's bundle: its packages' code in the build with the dialog, less their code in
 * the build without it, largest first. Gzip is taken over a group's code together, as a bundle would compress it.
 */
export function groupCosts(
  without: ReadonlyMap<string, string>,
  withDialog: ReadonlyMap<string, string>,
  groupOf: (name: string) => string,
): GroupCost[] {
  const groups = new Map<string, { packages: string[]; before: string; after: string }>();
  for (const [name, code] of withDialog) {
    const before = without.get(name) ?? '';
    if (code.length <= before.length) continue;
    const group = groupOf(name);
    const entry = groups.get(group) ?? { packages: [], before: '', after: '' };
    entry.packages.push(name);
    entry.before += before;
    entry.after += code;
    groups.set(group, entry);
  }
  return [...groups]
    .map(([group, { packages, before, after }]) => ({
      group,
      packages: packages.sort(),
      raw: Buffer.byteLength(after) - Buffer.byteLength(before),
      gzip: gzipped(after) - gzipped(before),
    }))
    .sort((a, b) => b.gzip - a.gzip);
}
