/**
 * The one query-key factory of the sharing API, general to specific: invalidating a key refreshes every query
 * under it (e.g. `asset(type, id)` covers the asset, its access list, previews and access explanations).
 */
import type { ShareRecipientType } from './contract.ts';

/** Filters of an access-list query. An empty name is the same as none. */
export interface SharedRolesFilters {
  name?: string;
  shareRecipientType?: ShareRecipientType;
}

/** Filters of a sharing-history query. */
export interface HistoryFilters {
  /** Only the change sets that touch this principal. */
  principalId?: string;
}

/** What narrows an asset list: words of the asset's name. */
export interface AssetListFilters {
  search?: string;
}

/** The filters as a query sees them: trimmed, without empty values. */
export function normalizeSharedRolesFilters(filters: SharedRolesFilters): SharedRolesFilters {
  const normalized: SharedRolesFilters = {};
  const name = filters.name?.trim();
  if (name) normalized.name = name;
  if (filters.shareRecipientType) normalized.shareRecipientType = filters.shareRecipientType;
  return normalized;
}

const all = ['sharewell'] as const;

/** Query keys for everything the dialog and the demo app read. Asset types are named by registry id. */
export const sharingKeys = {
  all,
  account: () => [...all, 'account'] as const,
  /** Every asset query: lists and details. */
  assets: () => [...all, 'assets'] as const,
  /** Every asset list (all types, or one type by registry id). */
  assetLists: () => [...all, 'assets', 'list'] as const,
  assetList: (assetType: string | null, filters: AssetListFilters = {}) =>
    [
      ...all,
      'assets',
      'list',
      assetType ?? '*',
      filters.search?.trim() ? { search: filters.search.trim() } : {},
    ] as const,
  /** One asset and everything under it. */
  asset: (assetType: string, assetId: string) => [...all, 'assets', 'detail', assetType, assetId] as const,
  /** Every page of every filtered view of one asset's access list. */
  sharedRolesAll: (assetType: string, assetId: string) =>
    [...sharingKeys.asset(assetType, assetId), 'sharedRoles'] as const,
  sharedRoles: (assetType: string, assetId: string, filters: SharedRolesFilters = {}) =>
    [...sharingKeys.sharedRolesAll(assetType, assetId), normalizeSharedRolesFilters(filters)] as const,
  /** A preview of a change request, keyed by the request itself. */
  preview: (assetType: string, assetId: string, body: unknown) =>
    [...sharingKeys.asset(assetType, assetId), 'preview', body] as const,
  access: (assetType: string, assetId: string, userId: string) =>
    [...sharingKeys.asset(assetType, assetId), 'access', userId] as const,
  /** The access requests of one asset the actor is answered (§12). */
  accessRequests: (assetType: string, assetId: string) =>
    [...sharingKeys.asset(assetType, assetId), 'accessRequests'] as const,
  /** Every page of every filtered view of one asset's sharing history (§10). */
  historyAll: (assetType: string, assetId: string) =>
    [...sharingKeys.asset(assetType, assetId), 'history'] as const,
  history: (assetType: string, assetId: string, filters: HistoryFilters = {}) =>
    [
      ...sharingKeys.historyAll(assetType, assetId),
      filters.principalId ? { principalId: filters.principalId } : {},
    ] as const,
  externalShare: (assetType: string, assetId: string) =>
    [...sharingKeys.asset(assetType, assetId), 'externalShare'] as const,
  /** Every recipient search's results. */
  principalsAll: () => [...all, 'principals'] as const,
  /** Recipient search results for one search and set of recipient types (order of types does not matter). */
  principals: (search: string, types: readonly ShareRecipientType[]) =>
    [...sharingKeys.principalsAll(), search.trim(), [...types].sort().join(',')] as const,
  notifications: () => [...all, 'notifications'] as const,
  outbox: () => [...all, 'outbox'] as const,
};
