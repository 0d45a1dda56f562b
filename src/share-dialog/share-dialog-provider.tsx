import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { type ApiClient, type ApiClientOptions, createApiClient } from '../api/client.ts';
import { type AssetTypeRegistry, createAssetTypeRegistry } from '../sharing/asset-types.ts';
import type { AssetTypeConfig, RoleDefinition } from '../sharing/types.ts';
import { resolveMessages, type ShareDialogMessages, type ShareDialogMessagesOverrides } from './messages.ts';

/** The dialog's colour scheme: fixed, or following the system setting. */
export type ShareDialogTheme = 'light' | 'dark' | 'system';

const prefersDark = '(prefers-color-scheme: dark)';

function subscribeToSystemScheme(onChange: () => void): () => void {
  const query = typeof window === 'undefined' ? undefined : window.matchMedia?.(prefersDark);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.(prefersDark).matches === true;
}

/** The scheme the dialog shows: the host's, or the system's (kept up to date) when the host says `system`. */
function useColorScheme(theme: ShareDialogTheme): 'light' | 'dark' {
  const dark = useSyncExternalStore(subscribeToSystemScheme, systemPrefersDark, () => false);
  if (theme !== 'system') return theme;
  return dark ? 'dark' : 'light';
}

/** How a host configures every ShareDialog below it. */
export interface ShareDialogProviderProps {
  /** The API root of a backend of SPEC §5's shape, e.g. `/api/v2`. */
  baseUrl: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /** Headers for every request (e.g. `Authorization`), asked for anew each time. */
  headers?: ApiClientOptions['headers'];
  /**
   * The contract's parsers (`contractParsers` from `sharewell/contract`), to check every answer of the backend against
   * the contract (in tests and development builds); without them, answers are taken as the contract types them.
   */
  parseAnswers?: ApiClientOptions['parseAnswers'];
  /** The query client to use. Without it, a surrounding `QueryClientProvider`'s client, else the dialog's own. */
  queryClient?: QueryClient;
  /** Texts to replace (i18n); any subset. */
  messages?: ShareDialogMessagesOverrides;
  /** Role labels to replace, by wire name (`EDITOR`) or by asset type and wire name (`dataset.EDITOR`). */
  roleLabels?: Readonly<Record<string, string>>;
  /** Extra asset types (or replacements of built-in ones, by id). */
  assetTypes?: readonly AssetTypeConfig[];
  /** Colour scheme; `system` (the default) follows `prefers-color-scheme`. */
  theme?: ShareDialogTheme;
  /** Where the dialog is portalled; `document.body` by default. */
  container?: HTMLElement | null;
  /**
   * What time it is for the backend, in ms since the epoch: what "Expires in 6 days" and "7 days" count from.
   * The system clock by default; a demo whose backend runs on a moved clock passes that clock.
   */
  now?: () => number;
  children?: ReactNode;
}

/** What every part of the dialog reads from the provider. */
export interface ShareDialogConfig {
  client: ApiClient;
  queryClient: QueryClient;
  messages: ShareDialogMessages;
  registry: AssetTypeRegistry;
  /** The label a person reads for a role of an asset type. */
  roleLabel(assetType: AssetTypeConfig, role: RoleDefinition): string;
  /** The scheme the dialog shows (`system` resolved), as its `data-sw-theme`. */
  colorScheme: 'light' | 'dark';
  container: HTMLElement | null | undefined;
  /** What time it is for the backend (ms since the epoch). */
  now(): number;
}

const ShareDialogConfigContext = createContext<ShareDialogConfig | null>(null);

function createOwnQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: 15_000 } } });
}

/** Configures the ShareDialogs below it: the backend, the query client, texts, role labels and asset types. */
export function ShareDialogProvider({
  baseUrl,
  fetch: fetchImpl,
  headers,
  parseAnswers,
  queryClient,
  messages,
  roleLabels,
  assetTypes,
  theme = 'system',
  container,
  now = Date.now,
  children,
}: ShareDialogProviderProps) {
  const hostQueryClient = useContext(QueryClientContext);
  const [ownQueryClient] = useState(() => (queryClient || hostQueryClient ? null : createOwnQueryClient()));
  const resolvedQueryClient = queryClient ?? hostQueryClient ?? ownQueryClient ?? createOwnQueryClient();

  // Hosts often pass an inline function; the client reads the latest one instead of being rebuilt each render.
  const headersRef = useRef(headers);
  headersRef.current = headers;
  const client = useMemo(
    () =>
      createApiClient({
        baseUrl,
        fetch: fetchImpl,
        headers: async () => (headersRef.current ? headersRef.current() : {}),
        parseAnswers,
      }),
    [baseUrl, fetchImpl, parseAnswers],
  );
  // Read anew on each call, like the headers: an inline clock does not rebuild the configuration every render.
  const nowRef = useRef(now);
  nowRef.current = now;
  const readNow = useCallback(() => nowRef.current(), []);
  const registry = useMemo(() => createAssetTypeRegistry(assetTypes), [assetTypes]);
  const resolvedMessages = useMemo(() => resolveMessages(messages), [messages]);
  const colorScheme = useColorScheme(theme);

  const config = useMemo<ShareDialogConfig>(
    () => ({
      client,
      queryClient: resolvedQueryClient,
      messages: resolvedMessages,
      registry,
      roleLabel: (assetType, role) =>
        roleLabels?.[`${assetType.id}.${role.name}`] ?? roleLabels?.[role.name] ?? role.label,
      colorScheme,
      container,
      now: readNow,
    }),
    [client, resolvedQueryClient, resolvedMessages, registry, roleLabels, colorScheme, container, readNow],
  );

  const content = (
    <ShareDialogConfigContext.Provider value={config}>{children}</ShareDialogConfigContext.Provider>
  );
  if (resolvedQueryClient === hostQueryClient) return content;
  return <QueryClientProvider client={resolvedQueryClient}>{content}</QueryClientProvider>;
}

/** The provider's configuration; throws when a dialog part is rendered outside `ShareDialogProvider`. */
export function useShareDialogConfig(): ShareDialogConfig {
  const config = useContext(ShareDialogConfigContext);
  if (!config) throw new Error('ShareDialog parts must be rendered inside <ShareDialogProvider>.');
  return config;
}
