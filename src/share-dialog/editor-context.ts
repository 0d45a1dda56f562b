/**
 * What the editor's parts (`ShareDialog.Invite`, `.SharedWith`, `.Footer`, …) share, in four contexts split by how
 * often they change, so that a part re-renders only when what it reads changes: a role change re-renders the one
 * row it concerns, not every row.
 */
import { createContext, useContext } from 'react';
import type { Account, Asset, SharedRole } from '../api/contract.ts';
import type { RoleOption } from '../sharing/capabilities.ts';
import type { GrantFlag } from '../sharing/draft.ts';
import type { ActorStanding, AssetTypeConfig, Grant, Permission } from '../sharing/types.ts';
import type { DialogStore } from './dialog-store.ts';
import type { GuardListSource } from './guard-list-source.ts';
import type { InviteForm } from './invite-form.ts';
import type { SaveFailure } from './save-failure.ts';
import type { ImpactPreviewState } from './use-impact-preview.ts';

/** Ids of visible sentences that several parts point at with `aria-describedby`, and of the list's title. */
export interface EditorIds {
  /** Why the actor may not share at all (R7), shown once, in the invite part's banner. */
  sharingReason: string;
  /** Which roles the actor may not grant, and why (R5), shown under the role picker. */
  roleReasons: string;
  listTitle: string;
}

/** Who acts on which asset, and the two stores of the dialog's work: the draft and the invite form. */
export interface SharingEditorValue {
  assetType: AssetTypeConfig;
  asset: Asset;
  account: Account;
  actor: ActorStanding;
  /** Whether the actor may share at all (R7). */
  sharing: Permission;
  /** The roles new recipients may get, each with whether the actor may grant it. */
  roleOptions: readonly RoleOption[];
  /** The pending changes. */
  store: DialogStore;
  /** The invite fields: new recipients' role and options, note, notification, lineage. */
  form: InviteForm;
  ids: EditorIds;
}

/** What a row can ask the draft to do; one stable object for every row. */
export interface RowActions {
  setRole(grant: Grant, role: string): void;
  setFlag(grant: Grant, flag: GrantFlag, value: boolean): void;
  remove(grant: Grant): void;
  undo(principalId: string): void;
}

/** What every row of `Shared with` reads besides its own grant; it changes only when the rows must be re-judged. */
export interface SharedWithRowsValue {
  actions: RowActions;
  /**
   * The grants the whole-list guards (R9, R10) look at, as the draft would leave them (none when not all loaded):
   * rows subscribe to their own verdict on it, so that it changes without re-rendering every row.
   */
  guards: GuardListSource;
  /** Whether to ask the backend why a user has access (only worth it when groups or roles are on the list). */
  explainAccess: boolean;
  /** The name of an organization grant that reaches every user on the list, if any. */
  organizationVia: string | null;
  /** The shared sentences' ids, when they are shown: why sharing is not allowed (R7), why roles are not (R5). */
  sharingReasonId: string | null;
  roleReasonsId: string | null;
}

/** The access list as loaded so far, and its filter. */
export interface AccessListValue {
  entries: readonly SharedRole[];
  /** `grants[i]` is `entries[i]` as the domain sees it. */
  grants: readonly Grant[];
  /** Entries on the whole list, loaded or not. */
  totalCount: number;
  status: 'pending' | 'error' | 'success';
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): void;
  retry(): void;
  /** The filter the list was asked for (typing settles first). */
  filter: string;
  setFilter(filter: string): void;
}

/** The save and what leads up to it: the impact preview, the save in flight, its failure, the announcement. */
export interface EditorSaveValue {
  submit(): void;
  saving: boolean;
  /** The save has taken long enough that the person may stop waiting (`cancel`). */
  slow: boolean;
  cancel(): void;
  failure: SaveFailure | null;
  /** What the footer's status says after a save. */
  announcement: string;
  impact: ImpactPreviewState;
}

export const SharingEditorContext = createContext<SharingEditorValue | null>(null);
export const SharedWithRowsContext = createContext<SharedWithRowsValue | null>(null);
export const AccessListContext = createContext<AccessListValue | null>(null);
export const EditorSaveContext = createContext<EditorSaveValue | null>(null);

function required<Value>(value: Value | null, part: string): Value {
  if (value === null) throw new Error(`${part} must be inside ShareDialog.Editor.`);
  return value;
}

/** The editor's asset, actor, draft store and invite form. */
export function useSharingEditor(): SharingEditorValue {
  return required(useContext(SharingEditorContext), 'This part of ShareDialog');
}

/** What the rows of `Shared with` share. */
export function useSharedWithRows(): SharedWithRowsValue {
  return required(useContext(SharedWithRowsContext), 'A row of ShareDialog.SharedWith');
}

/** The access list as loaded so far. */
export function useAccessList(): AccessListValue {
  return required(useContext(AccessListContext), 'ShareDialog.SharedWith');
}

/** The save, its failure and the impact preview. */
export function useEditorSave(): EditorSaveValue {
  return required(useContext(EditorSaveContext), 'This part of ShareDialog');
}
