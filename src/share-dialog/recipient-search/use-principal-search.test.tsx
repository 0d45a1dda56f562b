// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrincipalItem } from '../../api/contract.ts';
import { createMockServer } from '../../mock-backend/node.ts';
import type { RecipientType } from '../../sharing/types.ts';
import { ShareDialogProvider } from '../share-dialog-provider.tsx';
import { suggestionMatches } from './refine-suggestions.ts';
import { usePrincipalSearch } from './use-principal-search.ts';

const api = 'http://localhost/api/v2';
const searched: string[] = [];
const server = createMockServer();
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  if (url.pathname.endsWith('/principals')) searched.push(url.searchParams.get('search') ?? '');
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  searched.length = 0;
});
afterAll(() => server.close());

const types: readonly RecipientType[] = ['user', 'group'];
/** Typing never pauses within a test: whatever the server is asked, it is asked without waiting for a pause. */
const neverPauses = { disabled: false, debounceMs: 3_600_000, isOutsideOrganization: () => false };

function renderSearch() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ShareDialogProvider
      baseUrl={api}
      headers={() => ({ Authorization: 'Bearer demo-olivia' })}
      queryClient={queryClient}
    >
      {children}
    </ShareDialogProvider>
  );
  return renderHook(({ text }) => usePrincipalSearch(text, types, neverPauses), {
    wrapper,
    initialProps: { text: '' },
  });
}

const names = (items: readonly PrincipalItem[]) => items.map((item) => item.displayName);

describe('usePrincipalSearch', () => {
  it('asks the server at once when nothing typed so far can be refined: the debounce delays no first suggestion', async () => {
    const { result, rerender } = renderSearch();
    rerender({ text: 'e' });
    await waitFor(() => expect(result.current.settled).toBe(true));
    expect(searched).toEqual(['e']);
    expect(names(result.current.items)).toContain('Eddie Evans');
  });

  it('refines the cached answer to a shorter search at once, then takes the server’s answer once typing pauses', async () => {
    const { result, rerender } = renderSearch();
    rerender({ text: 'e' });
    await waitFor(() => expect(result.current.settled).toBe(true));
    const answerToE = result.current.items;

    rerender({ text: 'ed' });
    // At once, with nothing asked: the answer to `e`, narrowed to what matches `ed`.
    expect(searched).toEqual(['e']);
    expect(result.current.items.length).toBeGreaterThan(0);
    expect(result.current.items).toEqual(answerToE.filter((item) => suggestionMatches(item, 'ed')));
    expect(result.current.items.length).toBeLessThan(answerToE.length);
    expect(result.current.settled).toBe(false);
    expect(result.current.busy).toBe(true);
  });

  it('never shows the entries of an older answer that do not match what is typed now', async () => {
    const stale: PrincipalItem = {
      id: 'f'.repeat(24),
      shareRecipientType: 'user',
      name: 'oscar.stale@acme.test',
      displayName: 'Oscar Stale',
      email: 'oscar.stale@acme.test',
      active: true,
      orgId: 'e'.repeat(24),
    };
    server.use(
      http.get('*/api/v2/principals', ({ request }) => {
        if (new URL(request.url).searchParams.get('search') !== 'o') return;
        return HttpResponse.json({ count: 1, totalCount: 1, next: null, previous: null, data: [stale] });
      }),
    );
    const { result, rerender } = renderSearch();
    rerender({ text: 'o' });
    await waitFor(() => expect(names(result.current.items)).toEqual(['Oscar Stale']));

    // `ol` refines the answer to `o` (nothing of it matches) and, having nothing to show, asks at once.
    rerender({ text: 'ol' });
    expect(names(result.current.items)).toEqual([]);
    await waitFor(() => expect(result.current.settled).toBe(true));
    expect(searched).toEqual(['o', 'ol']);
    expect(names(result.current.items)).toContain('Olivia Owens');
    expect(names(result.current.items)).not.toContain('Oscar Stale');
  });
});

describe('suggestionMatches', () => {
  const olivia: PrincipalItem = {
    id: 'a'.repeat(24),
    shareRecipientType: 'user',
    name: 'olivia@acme.test',
    displayName: 'Olivia Owens',
    email: 'olivia@acme.test',
    active: true,
    orgId: 'e'.repeat(24),
  };

  it('matches as the directory search does: a start of a word of the name or the username, every word typed', () => {
    expect(suggestionMatches(olivia, 'oli')).toBe(true);
    expect(suggestionMatches(olivia, 'OWE')).toBe(true);
    expect(suggestionMatches(olivia, 'owens oli')).toBe(true);
    expect(suggestionMatches(olivia, 'olivia@acme')).toBe(true);
    expect(suggestionMatches(olivia, 'livia')).toBe(false);
    expect(suggestionMatches(olivia, 'acme')).toBe(false);
    expect(suggestionMatches(olivia, 'oli eddie')).toBe(false);
    expect(suggestionMatches({ ...olivia, displayName: 'Ólivia Owens' }, 'oli')).toBe(true);
  });
});
