import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import {
  ACCESS_LIST_PAGE_SIZES,
  sharedRolesInfiniteQueryOptions,
  type VersionedSharedRolesPage,
} from '../api/get-shared-roles.ts';
import { displayNameOf, grantOf } from '../api/wire-mapping.ts';
import type { GrantLookup } from '../sharing/draft.ts';
import type { AssetTypeConfig, Grant } from '../sharing/types.ts';
import type { AccessListValue } from './editor-context.ts';
import type { ListSnapshot } from './use-save-draft.ts';

/**
 * How far ahead of the last rendered row the next page is asked for: half a page, so that a list scrolled fast (a
 * screenful a frame) has its next rows before it reaches them.
 */
export const ACCESS_LIST_FETCH_AHEAD_ROWS = ACCESS_LIST_PAGE_SIZES.next / 2;

/** Each page's grants, mapped once: a page arriving maps its own entries only, and earlier rows keep their grants. */
const grantsByPage = new WeakMap<VersionedSharedRolesPage, readonly Grant[]>();

function grantsOf(page: VersionedSharedRolesPage): readonly Grant[] {
  let grants = grantsByPage.get(page);
  if (!grants) {
    grants = page.data.map(grantOf);
    grantsByPage.set(page, grants);
  }
  return grants;
}

/** The access list the editor works against, and what the save and the rows need of it. */
export interface LoadedAccessList {
  /** What `ShareDialog.SharedWith` shows. */
  value: AccessListValue;
  grants: readonly Grant[];
  lookup: GrantLookup;
  /** Whether every entry is loaded and unfiltered: only then are the whole-list guards (R9, R10) judged here. */
  complete: boolean;
  /** The organization grant that reaches every user on the list (the actor's own organization), if any. */
  organizationVia: string | null;
  /** Whether any grant goes to a group or a role, so that asking why a user has access is worth it. */
  explainAccess: boolean;
  /** The list as it is right now: read when a save starts, and again after a reload. */
  snapshot(): ListSnapshot;
}

/** The access list, a page at a time as it scrolls, filtered on the server. */
export function useLoadedAccessList(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  organizationId: string,
): LoadedAccessList {
  const [filter, setFilter] = useState('');
  const options = sharedRolesInfiniteQueryOptions(client, assetType, assetId, { name: filter });
  const query = useInfiniteQuery({ ...options, placeholderData: keepPreviousData });
  const { data, status, hasNextPage, isFetchingNextPage, isSuccess, fetchNextPage, refetch } = query;

  const entries = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data]);
  const grants = useMemo(() => data?.pages.flatMap(grantsOf) ?? [], [data]);
  const grantsById = useMemo(() => new Map(grants.map((grant) => [grant.principalId, grant])), [grants]);
  const names = useMemo(() => new Map(entries.map((entry) => [entry.id, displayNameOf(entry)])), [entries]);
  const lookup = useCallback((principalId: string) => grantsById.get(principalId), [grantsById]);
  const totalCount = data?.pages[0]?.totalCount ?? 0;
  const complete = isSuccess && !hasNextPage && filter === '';

  const value = useMemo<AccessListValue>(
    () => ({
      entries,
      grants,
      totalCount,
      // Kept data stays shown while a refetch fails; only a list never loaded is an error.
      status: status === 'error' && data ? 'success' : status,
      hasNextPage,
      isFetchingNextPage,
      // A page already on its way is awaited, not asked for again (the list asks as it scrolls, frame after frame).
      fetchNextPage: () => void fetchNextPage({ cancelRefetch: false }),
      retry: () => void refetch(),
      filter,
      setFilter,
    }),
    [
      entries,
      grants,
      totalCount,
      status,
      data,
      hasNextPage,
      isFetchingNextPage,
      fetchNextPage,
      refetch,
      filter,
    ],
  );

  const now = useRef<ListSnapshot | null>(null);
  now.current = { data, queryKey: options.queryKey, complete, lookup, names };
  const snapshot = useCallback(() => now.current as ListSnapshot, []);

  const organizationVia = useMemo(
    () =>
      entries.find((entry) => entry.shareRecipientType === 'organization' && entry.id === organizationId)
        ?.name ?? null,
    [entries, organizationId],
  );
  const explainAccess = useMemo(
    () => grants.some((grant) => grant.principalType === 'group' || grant.principalType === 'role'),
    [grants],
  );

  return { value, grants, lookup, complete, organizationVia, explainAccess, snapshot };
}
