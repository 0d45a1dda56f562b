/**
 * The dialog's unsaved work outside React state: the draft (the pure reducer of sharing/draft.ts) and the
 * messages failed entries carry. Parts subscribe to the slice they show, so a role change re-renders the one
 * row it concerns instead of the whole list.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { createDraft, type Draft, type DraftAction, draftReducer } from '../sharing/draft.ts';

/** A message per principal id: what went wrong with that recipient's entry. */
export type EntryMessages = Readonly<Record<string, string>>;

/** Everything the dialog's parts read from the store. */
export interface DialogState {
  draft: Draft;
  /** Messages of the entries the last save refused, by principal id. */
  saveErrors: EntryMessages;
  /** Messages of the entries the preview says will be refused, by principal id. */
  previewErrors: EntryMessages;
}

/** Holds the dialog's state outside React; parts subscribe to slices of it (`useDialogState`). */
export interface DialogStore {
  getState(): DialogState;
  subscribe(listener: () => void): () => void;
  /** Applies a draft action; a recipient's old save error goes once its entry changes. */
  dispatch(action: DraftAction): void;
  setSaveErrors(errors: EntryMessages): void;
  setPreviewErrors(errors: EntryMessages): void;
}

const noMessages: EntryMessages = Object.freeze({});

function principalIdOf(action: DraftAction): string | null {
  switch (action.type) {
    case 'removeRecipient':
      return action.id;
    case 'setGrantRole':
    case 'setGrantFlag':
    case 'removeGrant':
      return action.grant.principalId;
    case 'undoGrant':
    case 'removeRestoration':
      return action.principalId;
    default:
      return null;
  }
}

function without(messages: EntryMessages, principalId: string | null): EntryMessages {
  if (principalId === null || !(principalId in messages)) return messages;
  const { [principalId]: _removed, ...rest } = messages;
  return rest;
}

function sameMessages(a: EntryMessages, b: EntryMessages): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** A store holding a fresh draft. */
export function createDialogStore(): DialogStore {
  let state: DialogState = {
    draft: createDraft(),
    saveErrors: noMessages,
    previewErrors: noMessages,
  };
  const listeners = new Set<() => void>();

  function setState(next: DialogState): void {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(action) {
      const draft = draftReducer(state.draft, action);
      const saveErrors =
        action.type === 'reset' ? noMessages : without(state.saveErrors, principalIdOf(action));
      if (draft !== state.draft || saveErrors !== state.saveErrors) setState({ ...state, draft, saveErrors });
    },
    setSaveErrors(errors) {
      if (!sameMessages(errors, state.saveErrors)) setState({ ...state, saveErrors: errors });
    },
    setPreviewErrors(errors) {
      if (!sameMessages(errors, state.previewErrors)) setState({ ...state, previewErrors: errors });
    },
  };
}

/** A slice of the dialog's state; the component re-renders only when the slice changes (by `Object.is`). */
export function useDialogState<Slice>(store: DialogStore, select: (state: DialogState) => Slice): Slice {
  const getSnapshot = useCallback(() => select(store.getState()), [store, select]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

/** The pending edit of one grant, if any: what a row of the list subscribes to. */
export function useGrantEdit(store: DialogStore, principalId: string) {
  return useDialogState(
    store,
    useCallback((state: DialogState) => state.draft.edits[principalId], [principalId]),
  );
}

/** The message of one recipient's entry: a refused save's, else the preview's. */
export function useEntryMessage(store: DialogStore, principalId: string): string | undefined {
  return useDialogState(
    store,
    useCallback(
      (state: DialogState) => state.saveErrors[principalId] ?? state.previewErrors[principalId],
      [principalId],
    ),
  );
}
