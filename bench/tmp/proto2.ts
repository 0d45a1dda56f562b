import { runBrowserBench } from '../browser-bench.ts';
import { serveApp } from '../serve-app.ts';

const server = await serveApp();
try {
  const t = Date.now();
  const r = await runBrowserBench({
    url: server.url,
    runs: 1,
    warmUpRuns: 0,
    scrollRuns: 0,
    log: (m) => console.log(m),
  });
  console.log(JSON.stringify(r, null, 1), Date.now() - t);
} finally {
  await server.close();
}
