import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { retryApiError } from '../api/client.ts';
import { sharingApiBasePath } from '../api/contract.ts';
import { contractParsers } from '../api/contract-parsers.ts';
import { mockBackend } from '../mock-backend/control.ts';
import { ShareDialogProvider } from '../share-dialog/index.ts';
import { AppShell } from './app-shell.tsx';
import { AssetPage } from './asset-page.tsx';
import { HomePage } from './home-page.tsx';
import { NotFound } from './not-found-page.tsx';
import { OutboxPage } from './outbox-page.tsx';
import { SessionProvider, useSession } from './session.tsx';
// A host imports the dialog's styles once, as the library's README says; the app's own styles follow.
import '../share-dialog/styles.css';
import './app.css';

// The gallery renders the library's stories through Storybook's `composeStories`: loaded on its pages only.
const GalleryIndexPage = lazy(() =>
  import('./gallery/gallery-index-page.tsx').then((module) => ({ default: module.GalleryIndexPage })),
);
const GalleryStatePage = lazy(() =>
  import('./gallery/gallery-state-page.tsx').then((module) => ({ default: module.GalleryStatePage })),
);

function galleryRoute(page: ReactNode): ReactNode {
  return (
    <Suspense
      fallback={
        <p className="page muted" aria-busy="true">
          Loading the gallery…
        </p>
      }
    >
      {page}
    </Suspense>
  );
}

export interface AppProps {
  /** Whether the mock backend runs the scale seed (`?scale=large`): the shell says so. */
  scale?: boolean;
}

function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: retryApiError, staleTime: 10_000, refetchOnWindowFocus: true },
    },
  });
}

/**
 * Every Share dialog of the app signs its requests as the current persona, shares the app's cache, and counts
 * time by the demo backend's clock (which the demo can move), not the browser's.
 */
function SignedInShareDialogProvider({ children }: { children: ReactNode }) {
  const { authorizationHeaders } = useSession();
  const queryClient = useQueryClient();
  return (
    <ShareDialogProvider
      baseUrl={sharingApiBasePath}
      headers={authorizationHeaders}
      parseAnswers={contractParsers}
      queryClient={queryClient}
      now={mockBackend.now}
    >
      {children}
    </ShareDialogProvider>
  );
}

/** The Sharewell demo: the asset browser, acting-as, notifications, the outbox and the gallery. */
export function App({ scale = false }: AppProps) {
  const [queryClient] = useState(createAppQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider scale={scale}>
          <SignedInShareDialogProvider>
            <Routes>
              <Route element={<AppShell scale={scale} />}>
                <Route index element={<HomePage />} />
                <Route path="assets/:assetType/:id" element={<AssetPage />} />
                <Route path="outbox" element={<OutboxPage />} />
                <Route path="gallery" element={galleryRoute(<GalleryIndexPage />)} />
                <Route path="gallery/:assetType/:state" element={galleryRoute(<GalleryStatePage />)} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </SignedInShareDialogProvider>
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
