import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { type ApiClient, createApiClient } from '../api/client.ts';
import { sharingApiBasePath } from '../api/contract.ts';
import { contractParsers } from '../api/contract-parsers.ts';
import type { Persona } from '../api/demo-contract.ts';
import { personasQueryOptions } from './demo-api.ts';

const tokenStorageKey = 'sharewell.demo.actingAs';
/** The persona the demo opens as when nobody was chosen yet: the owner of every demo asset. */
const defaultPersonaUsername = 'olivia@acme.test';

/** Who the demo app acts as, and the API client that signs every request as them. */
export interface Session {
  client: ApiClient;
  personas: readonly Persona[];
  persona: Persona;
  /** Signs in as another persona and refetches everything as them. */
  actAs(token: string): void;
  /** The headers that sign a request as the current persona (for the Share dialog's provider). */
  authorizationHeaders(): Record<string, string>;
  /** Whether the mock backend runs the scale seed. */
  scale: boolean;
}

const SessionContext = createContext<Session | null>(null);

function readStoredToken(): string | null {
  try {
    return localStorage.getItem(tokenStorageKey);
  } catch {
    return null;
  }
}

function storeToken(token: string): void {
  try {
    localStorage.setItem(tokenStorageKey, token);
  } catch {
    // Private browsing may refuse storage; the session still works until the page reloads.
  }
}

function bearer(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Creates an API client that sends whatever token `readToken` answers as the bearer token. */
export function createSessionClient(readToken: () => string | null): ApiClient {
  return createApiClient({
    baseUrl: sharingApiBasePath,
    headers: () => bearer(readToken()),
    parseAnswers: contractParsers,
  });
}

export interface SessionProviderProps {
  /** Whether the mock backend runs the scale seed. */
  scale?: boolean;
  children: ReactNode;
}

/** Loads the personas, restores the chosen one from storage and provides the signed-in API client. */
export function SessionProvider({ scale = false, children }: SessionProviderProps) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(readStoredToken);
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const client = useMemo(() => createSessionClient(() => tokenRef.current), []);
  const personasQuery = useQuery(personasQueryOptions(client));

  const actAs = useCallback(
    (nextToken: string) => {
      tokenRef.current = nextToken;
      storeToken(nextToken);
      setToken(nextToken);
      // Everything the app shows depends on who is asking: drop it all and ask again as the new persona.
      void queryClient.resetQueries();
    },
    [queryClient],
  );

  const session = useMemo<Session | null>(() => {
    const personas = personasQuery.data?.data;
    if (!personas || personas.length === 0) return null;
    const persona =
      personas.find((candidate) => candidate.token === token) ??
      personas.find((candidate) => candidate.username === defaultPersonaUsername) ??
      personas[0];
    if (!persona) return null;
    const authorizationHeaders = () => bearer(tokenRef.current);
    return { client, personas, persona, actAs, authorizationHeaders, scale };
  }, [personasQuery.data, token, client, actAs, scale]);

  if (personasQuery.isError) {
    return (
      <div className="app-boot" role="alert">
        <p>The demo backend did not answer. Reload the page to try again.</p>
      </div>
    );
  }
  if (!session) {
    return (
      <div className="app-boot" aria-busy="true">
        <p>Starting Sharewell…</p>
      </div>
    );
  }
  if (session.persona.token !== token) {
    // No persona chosen yet (or a stale one after a reset): sign in as the default before anything asks.
    tokenRef.current = session.persona.token;
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The current session. Only inside `SessionProvider`. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionProvider.');
  return session;
}
