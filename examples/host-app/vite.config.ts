import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The port the host-app test previews on, away from the main app's 5173 and 4173. */
const port = Number(process.env.HOST_APP_PORT ?? 4180);

/** `VITE_SHARE_DIALOG=off` builds the portal with a placeholder instead of the dialog, to measure what it adds. */
const withDialog = process.env.VITE_SHARE_DIALOG !== 'off';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: withDialog
      ? []
      : [
          {
            find: './sharing.tsx',
            replacement: fileURLToPath(new URL('./src/sharing-placeholder.tsx', import.meta.url)),
          },
        ],
  },
  build: {
    outDir: process.env.HOST_APP_OUT_DIR ?? 'dist',
    // The host-cost measurement reads source maps to say which package each byte comes from.
    sourcemap: process.env.HOST_APP_SOURCEMAP === 'hidden' ? 'hidden' : false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
  server: { port, strictPort: true },
  preview: { port, strictPort: true, host: '127.0.0.1' },
});
