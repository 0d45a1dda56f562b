import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ShareButton, SharingProvider } from './sharing.tsx';

/** The host's own query client: the dialog shares it (and its cache) because it renders inside its provider. */
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

/** The host's own view of an asset, from its own request: it needs no part of Sharewell for that. */
export interface HostAsset {
  id: string;
  name: string;
  assetType: string;
}

function useAssets(token: string) {
  return useQuery({
    queryKey: ['northwind', 'assets'],
    queryFn: async ({ signal }): Promise<HostAsset[]> => {
      const response = await fetch('/api/v2/assets?limit=20', {
        headers: { Authorization: `Bearer ${token}` },
        signal,
      });
      if (!response.ok) throw new Error(`The portal's API answered ${response.status}.`);
      const page = (await response.json()) as { data: HostAsset[] };
      return page.data;
    },
  });
}

function AssetList({ token }: { token: string }) {
  const assets = useAssets(token);
  if (assets.isPending) return <p>Loading your assets…</p>;
  if (assets.isError) return <p role="alert">{assets.error.message}</p>;
  return (
    <ul className="host-assets" aria-label="Your assets">
      {assets.data.map((asset) => (
        <li key={asset.id} className="host-asset">
          <span>{asset.name}</span>
          <ShareButton asset={asset} />
        </li>
      ))}
    </ul>
  );
}

/** Northwind's data portal: a host page with its own styles, query client and auth, embedding the dialog. */
export function App({ token }: { token: string }) {
  const [dark, setDark] = useState(false);
  return (
    <QueryClientProvider client={queryClient}>
      <SharingProvider token={token} dark={dark}>
        <div className="host-page" data-host-theme={dark ? 'dark' : 'light'}>
          <header className="host-header">
            <h1>Northwind data portal</h1>
            <label>
              <input
                type="checkbox"
                checked={dark}
                onChange={(event) => {
                  setDark(event.target.checked);
                  document.documentElement.dataset.hostTheme = event.target.checked ? 'dark' : 'light';
                }}
              />{' '}
              Dark dialog
            </label>
          </header>
          <main>
            <h2>Your assets</h2>
            <AssetList token={token} />
          </main>
        </div>
      </SharingProvider>
    </QueryClientProvider>
  );
}
