import { useCallback, useEffect, useRef } from 'react';
import { prefetchShareDialog } from '../api/share-dialog-queries.ts';
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { useShareDialogRoot } from './share-dialog-root.tsx';

/**
 * How long the pointer or focus must rest on the trigger before the dialog's data is asked for: enough to pass
 * over a list of Share buttons without asking for each, short against the time a click takes to follow.
 */
export const OPEN_INTENT_DELAY_MS = 50;

/** What the trigger listens to, to show intent: the pointer resting on it, focus in it, a press starting. */
export interface OpenIntentHandlers {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onFocus(): void;
  onBlur(): void;
  onPointerDown(): void;
}

/**
 * Prefetches what the root's dialog opens on (the actor, the asset, the first page of its access list) on intent,
 * as routers prefetch links: after the pointer or focus rests on the trigger, and at once when a press starts.
 */
export function useOpenIntent(): OpenIntentHandlers {
  const { client, queryClient, registry } = useShareDialogConfig();
  const { assetType: assetTypeId, assetId } = useShareDialogRoot();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const prefetch = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const assetType = registry.get(assetTypeId);
    if (assetType) prefetchShareDialog(queryClient, client, assetType, assetId);
  }, [client, queryClient, registry, assetTypeId, assetId]);
  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(prefetch, OPEN_INTENT_DELAY_MS);
  }, [prefetch]);
  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
  }, []);
  useEffect(() => cancel, [cancel]);

  return {
    onPointerEnter: schedule,
    onPointerLeave: cancel,
    onFocus: schedule,
    onBlur: cancel,
    onPointerDown: prefetch,
  };
}
