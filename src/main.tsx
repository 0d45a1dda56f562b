import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { startMockBackend } from './mock-backend/browser.ts';
import { mockBackend } from './mock-backend/control.ts';

/** Whether the page opened is a gallery story that needs the scale seed (the gallery loads only on its pages). */
async function galleryNeedsScaleSeed(pathname: string): Promise<boolean> {
  if (!pathname.startsWith('/gallery/')) return false;
  const { pathNeedsScaleSeed } = await import('./app/gallery/gallery-catalogue.ts');
  return pathNeedsScaleSeed(pathname);
}

/** Starts the mock backend, then renders the app: its first request already needs the backend to answer. */
async function boot(container: HTMLElement): Promise<void> {
  try {
    // The demo app is a demo in every build: its backend is meant to be the mock, so it says so explicitly.
    await startMockBackend({
      allowInProduction: true,
      ...((await galleryNeedsScaleSeed(window.location.pathname)) ? { scale: true } : {}),
    });
  } catch (error) {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'app-boot';
    message.textContent = `The demo backend could not start in this browser (${
      error instanceof Error ? error.message : String(error)
    }). Sharewell's demo needs service workers: try a normal, non-private window.`;
    container.replaceChildren(message);
    return;
  }
  createRoot(container).render(
    <StrictMode>
      <App scale={mockBackend.scale} />
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
void boot(container);
