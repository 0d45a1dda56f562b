/**
 * The requests of a multi-asset dialog: loading each asset, previewing and saving its request. Every batch goes
 * through `mapWithConcurrency` at {@link MULTI_ASSET_CONCURRENCY}, and batches run one after another, so that no
 * more than that many requests are ever in flight, however many assets are selected (SPEC §11).
 */
import type { QueryClient } from '@tanstack/react-query';
import { type ApiClient, isApiError } from '../../api/client.ts';
import type { SharedRolesUpdateBody } from '../../api/contract.ts';
import { assetQueryOptions } from '../../api/get-asset.ts';
import { getSharedRoles } from '../../api/get-shared-roles.ts';
import { previewSharedRoles } from '../../api/preview-shared-roles.ts';
import { sharingKeys } from '../../api/query-keys.ts';
import { invalidateSharingViews, updateSharedRoles } from '../../api/update-shared-roles.ts';
import type { AssetTypeConfig, GrantChange } from '../../sharing/types.ts';
import { mapWithConcurrency } from '../map-with-concurrency.ts';
import { describeSaveFailure } from '../save-failure.ts';
import type { AssetOutcome, MultiAssetStore } from './multi-asset-store.ts';

/** At most this many requests are in flight at once. */
export const MULTI_ASSET_CONCURRENCY = 4;

/** One asset's request, as a batch sends it. */
export interface AssetRequestJob {
  index: number;
  assetType: AssetTypeConfig;
  assetId: string;
  body: SharedRolesUpdateBody;
  /** The body as text: what the preview it got is known by. */
  key: string;
  /** The entries as sent (`body.roles[i]` is `changes[i]`), to name the recipient of each refused entry. */
  changes: readonly GrantChange[];
}

/** What the requests need. */
export interface MultiAssetRequestContext {
  client: ApiClient;
  queryClient: QueryClient;
  store: MultiAssetStore;
  /** A principal's name as a person reads it. */
  nameOf(principalId: string): string | undefined;
  /** "Eddie Evans: <message>" */
  formatEntry(name: string, message: string): string;
}

/** The version of an asset's access list, from a one-entry page (every page answers the list's `ETag`). */
async function readVersion(client: ApiClient, assetType: AssetTypeConfig, assetId: string) {
  return (await getSharedRoles(client, assetType, assetId, { limit: 1 })).etag;
}

/** Loads every selected asset the registry knows: its standing (`yourRole`, `canShare`) and its list's version. */
export async function loadAssets(context: MultiAssetRequestContext): Promise<void> {
  const { client, queryClient, store } = context;
  await mapWithConcurrency(store.getState(), MULTI_ASSET_CONCURRENCY, async (entry, index) => {
    const { assetType } = entry;
    if (entry.load.status === 'ready') return;
    if (!assetType) {
      store.dispatch({ type: 'loaded', index, load: { status: 'failed', notFound: true } });
      return;
    }
    try {
      const asset = await queryClient.fetchQuery(assetQueryOptions(client, assetType, entry.ref.assetId));
      const etag = await readVersion(client, assetType, entry.ref.assetId);
      store.dispatch({ type: 'loaded', index, load: { status: 'ready', asset, etag } });
    } catch (error) {
      const notFound = isApiError(error) && error.status === 404;
      store.dispatch({ type: 'loaded', index, load: { status: 'failed', notFound } });
    }
  });
}

async function previewOne(context: MultiAssetRequestContext, job: AssetRequestJob): Promise<void> {
  const { client, store } = context;
  store.dispatch({ type: 'preview', index: job.index, preview: { key: job.key, status: 'checking' } });
  try {
    const preview = await previewSharedRoles(client, job.assetType, job.assetId, job.body);
    store.dispatch({
      type: 'preview',
      index: job.index,
      preview: { key: job.key, status: 'ready', preview },
    });
  } catch {
    store.dispatch({ type: 'preview', index: job.index, preview: { key: job.key, status: 'failed' } });
  }
}

/** Previews each job's request; once `isCurrent` answers false (the draft moved on), the rest are not sent. */
export async function previewAssets(
  context: MultiAssetRequestContext,
  jobs: readonly AssetRequestJob[],
  isCurrent: () => boolean,
): Promise<void> {
  await mapWithConcurrency(jobs, MULTI_ASSET_CONCURRENCY, async (job) => {
    if (isCurrent()) await previewOne(context, job);
  });
}

function failureOutcome(
  error: unknown,
  job: AssetRequestJob,
  context: MultiAssetRequestContext,
): AssetOutcome {
  const failure = describeSaveFailure(error, job.changes, context.nameOf);
  switch (failure.kind) {
    case 'rejected':
      return {
        status: 'refused',
        messages: failure.entries.map((entry) =>
          entry.name ? context.formatEntry(entry.name, entry.message) : entry.message,
        ),
      };
    case 'conflict':
      return { status: 'failed', cause: 'conflict' };
    case 'retryable':
      return { status: 'failed', cause: failure.cause === 'cancelled' ? 'network' : failure.cause };
    case 'other':
      return { status: 'failed', cause: 'other', message: failure.message };
  }
}

async function saveOne(context: MultiAssetRequestContext, job: AssetRequestJob): Promise<boolean> {
  const { client, queryClient, store } = context;
  const entry = store.getState()[job.index];
  const ifMatch = entry?.load.status === 'ready' ? entry.load.etag : null;
  store.dispatch({ type: 'outcome', index: job.index, outcome: { status: 'saving' } });
  try {
    const { etag } = await updateSharedRoles(client, job.assetType, job.assetId, { body: job.body, ifMatch });
    store.dispatch({ type: 'version', index: job.index, etag });
    store.dispatch({ type: 'outcome', index: job.index, outcome: { status: 'changed' } });
    void queryClient.invalidateQueries({ queryKey: sharingKeys.asset(job.assetType.id, job.assetId) });
    return true;
  } catch (error) {
    const outcome = failureOutcome(error, job, context);
    if (outcome.status === 'failed' && outcome.cause === 'conflict') {
      // Someone else saved first: read the list's new version and check the request again, never overwrite.
      try {
        store.dispatch({
          type: 'version',
          index: job.index,
          etag: await readVersion(client, job.assetType, job.assetId),
        });
        await previewOne(context, job);
      } catch {
        // The asset stays failed; retrying reads it again.
      }
    }
    store.dispatch({ type: 'outcome', index: job.index, outcome });
    return false;
  }
}

/** Saves each job's request with its own `If-Match`; each asset's outcome lands in the store as it answers. */
export async function saveAssets(
  context: MultiAssetRequestContext,
  jobs: readonly AssetRequestJob[],
): Promise<void> {
  for (const job of jobs) {
    context.store.dispatch({ type: 'outcome', index: job.index, outcome: { status: 'waiting' } });
  }
  const applied = await mapWithConcurrency(jobs, MULTI_ASSET_CONCURRENCY, (job) => saveOne(context, job));
  if (applied.some(Boolean)) await invalidateSharingViews(context.queryClient);
}
