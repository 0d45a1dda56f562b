import { build } from 'vite';

await build({
  root: process.cwd(),
  configFile: 'vite.config.ts',
  logLevel: 'warn',
  build: { outDir: 'dist-bench/app', emptyOutDir: true, minify: false, reportCompressedSize: false },
});
