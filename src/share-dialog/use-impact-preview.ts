import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { SharedRolesUpdateBody } from '../api/contract.ts';
import { previewSharedRolesQueryOptions } from '../api/preview-shared-roles.ts';
import { accessImpactOf, changeRequestToBody } from '../api/wire-mapping.ts';
import {
  type Draft,
  draftToChangeRequest,
  type GrantLookup,
  hasPendingChanges,
  type InviteSettings,
} from '../sharing/draft.ts';
import type { AccessImpact } from '../sharing/policy.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import type { DialogStore } from './dialog-store.ts';
import { useDebouncedValue } from './recipient-search/use-debounced-value.ts';

/** How long the draft must rest before its impact is previewed. */
export const PREVIEW_DEBOUNCE_MS = 400;

const emptyBody: SharedRolesUpdateBody = { operation: 'updateRoles', roles: [] };

/** The invite settings that change who gets access (a note or a notification changes no one's). */
export type PreviewedInvite = Pick<
  InviteSettings,
  'newRole' | 'canShare' | 'canUseData' | 'expiry' | 'shareWithLineage'
>;

/** What the preview needs of a save: its entries (a note or a notification changes no one's access). */
function previewBodyOf(body: SharedRolesUpdateBody): SharedRolesUpdateBody {
  const { note: _note, sendNotification: _sendNotification, ...entries } = body;
  return entries;
}

/** The latest preview answered, and whether it is current. */
export interface ImpactPreviewState {
  /** Who gains, changes or loses access, by the latest preview answered. */
  impact: AccessImpact | undefined;
  /** A newer preview is on its way (the one shown, if any, is for an earlier draft). */
  checking: boolean;
  failed: boolean;
}

/**
 * Previews the draft once it rests: who gains, changes or loses access. The entries the backend would refuse get
 * their messages in the store, found again by index, before anyone presses Save.
 */
export function useImpactPreview(options: {
  client: ApiClient;
  /** What time it is for the backend: "7 days" counts from it. */
  now(): number;
  store: DialogStore;
  assetType: AssetTypeConfig;
  assetId: string;
  draft: Draft;
  invite: PreviewedInvite;
  lookup: GrantLookup;
}): ImpactPreviewState {
  const { client, now, store, assetType, assetId, draft, invite, lookup } = options;
  const body = useMemo(() => {
    if (!hasPendingChanges(draft)) return null;
    const settings = { ...invite, note: '', sendNotification: false };
    return previewBodyOf(
      changeRequestToBody(draftToChangeRequest(draft, settings, assetType, lookup, now())),
    );
  }, [draft, invite, assetType, lookup, now]);
  const restingBody = useDebouncedValue(body, PREVIEW_DEBOUNCE_MS);
  const query = useQuery({
    ...previewSharedRolesQueryOptions(client, assetType, assetId, restingBody ?? emptyBody),
    enabled: restingBody !== null && body !== null,
    placeholderData: keepPreviousData,
  });
  const current = query.data !== undefined && !query.isPlaceholderData;

  useEffect(() => {
    if (!body || !restingBody || !current || !query.data) {
      store.setPreviewErrors({});
      return;
    }
    const errors: Record<string, string> = {};
    for (const error of query.data.errors) {
      const principalId = error.index === null ? undefined : restingBody.roles[error.index]?.id;
      if (principalId)
        errors[principalId] = errors[principalId] ? `${errors[principalId]} ${error.message}` : error.message;
    }
    store.setPreviewErrors(errors);
  }, [store, body, restingBody, current, query.data]);

  const impact = useMemo(
    () => (query.data ? accessImpactOf(assetType, query.data.impact) : undefined),
    [assetType, query.data],
  );
  return { impact, checking: body !== restingBody || query.isFetching, failed: query.isError };
}
