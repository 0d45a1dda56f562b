/** Builds the demo app for production into its own folder and serves it with `vite preview` on a free port. */
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type PreviewServer, preview } from 'vite';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Apart from `dist/`, so the bench never fights another build or the browser tests' server. */
export const benchOutDir = join(root, 'dist-bench');
const appOutDir = join(benchOutDir, 'app');
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

/** `vite build` of the demo app (no typecheck: `npm run build` does that) into `dist-bench/app/`. */
export async function buildApp(): Promise<void> {
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: appOutDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  });
}

/** Serves `dist-bench/app/` on a free port; `close()` stops it. */
export async function serveApp(): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  const server: PreviewServer = await preview({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: appOutDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
