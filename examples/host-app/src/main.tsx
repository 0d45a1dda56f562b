import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './host.css';
import './theme.css';

/** The signed-in person's token: the host's own auth in a real app; a demo persona's with the mock backend. */
async function startBackend(): Promise<string> {
  if (import.meta.env.VITE_MOCKS === 'off') return sessionStorage.getItem('northwind-token') ?? '';
  // Loaded lazily so that the mock backend never weighs on the host's own bundle.
  const { startMockWorker } = await import('./mock-backend.ts');
  return startMockWorker();
}

const token = await startBackend();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App token={token} />
  </StrictMode>,
);
