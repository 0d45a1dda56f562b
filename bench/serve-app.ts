/**
 * Builds the demo app and the bare peer (`bench/bare-peer/`) for production, each into its own folder, and serves
 * each with `vite preview` on a free port.
 */
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type InlineConfig, type PreviewServer, preview } from 'vite';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Apart from `dist/`, so the bench never fights another build or the browser tests' server. */
export const benchOutDir = join(root, 'dist-bench');
const appOutDir = join(benchOutDir, 'app');
const barePeerOutDir = join(benchOutDir, 'bare');
const barePeerRoot = join(root, 'bench/bare-peer');
/** Ports other tools of the project use: never taken by the bench. */
const reservedPorts = new Set([4010, 4173, 4180, 5173]);

/** A free TCP port on 127.0.0.1, chosen by the system (never one of the project's fixed ports). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolvePort, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port > 0 && !reservedPorts.has(port)) return port;
  }
}

/** The demo app's own Vite config, writing into `dist-bench/app/`. */
const appConfig: InlineConfig = {
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: appOutDir },
};

/** The bare peer's config: React and nothing else, writing into `dist-bench/bare/`. */
const barePeerConfig: InlineConfig = {
  root: barePeerRoot,
  configFile: false,
  plugins: [react()],
  publicDir: false,
  logLevel: 'warn',
  build: { outDir: barePeerOutDir },
};

async function buildFor(config: InlineConfig): Promise<void> {
  await build({
    ...config,
    build: { ...config.build, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  });
}

/** `vite build` of the demo app (no typecheck: `npm run build` does that) into `dist-bench/app/`. */
export function buildApp(): Promise<void> {
  return buildFor(appConfig);
}

/** `vite build` of the bare peer into `dist-bench/bare/`. */
export function buildBarePeer(): Promise<void> {
  return buildFor(barePeerConfig);
}

/** A production build served on a free port; `close()` stops it. */
export interface ServedBuild {
  url: string;
  close(): Promise<void>;
}

async function serveFor(config: InlineConfig): Promise<ServedBuild> {
  const port = await freePort();
  const server: PreviewServer = await preview({
    ...config,
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** Serves `dist-bench/app/` on a free port. */
export function serveApp(): Promise<ServedBuild> {
  return serveFor(appConfig);
}

/** Serves `dist-bench/bare/` on a free port. */
export function serveBarePeer(): Promise<ServedBuild> {
  return serveFor(barePeerConfig);
}
