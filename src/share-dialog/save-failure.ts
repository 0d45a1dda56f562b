/**
 * What a failed save means to the person in the dialog: refused entries (each with its message, found again by
 * the index of its change), a conflict with someone else's save, or a failure worth retrying.
 */
import { isApiError } from '../api/client.ts';
import type { GrantChange } from '../sharing/types.ts';

/** One refused entry of a save, tied back to its recipient. */
export interface FailedEntry {
  /** The recipient's principal id; null when the error concerns the request as a whole. */
  principalId: string | null;
  /** Who the entry is about, as a person reads it. */
  name: string | null;
  code: string;
  message: string;
}

/** Why a save failed, by what the dialog does about it: mark the entries, reload, or offer Retry. */
export type SaveFailure =
  /** The backend refused the changes (403, 409, 422, …): nothing was changed. */
  | { kind: 'rejected'; message: string; entries: FailedEntry[] }
  /** Someone else saved first (412): the list must be reloaded. */
  | { kind: 'conflict' }
  /**
   * Trying again may help: no answer, a server failure, a session that ended (401; nothing was applied), or a
   * slow save the person stopped waiting for (the server may still apply it; a retry then meets a conflict).
   */
  | { kind: 'retryable'; cause: 'network' | 'server' | 'signedOut' | 'cancelled' }
  /** Anything else (e.g. the asset is gone). */
  | { kind: 'other'; message: string };

/**
 * Reads a save's error. `changes` are the entries as sent (`roles[i]` is `changes[i]`); `nameOf` names a principal.
 */
export function describeSaveFailure(
  error: unknown,
  changes: readonly GrantChange[],
  nameOf: (principalId: string) => string | undefined,
): SaveFailure {
  if (error instanceof DOMException && error.name === 'AbortError')
    return { kind: 'retryable', cause: 'cancelled' };
  if (!isApiError(error))
    return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  if (error.status === 412) return { kind: 'conflict' };
  if (error.status === 401) return { kind: 'retryable', cause: 'signedOut' };
  if (error.retryable) return { kind: 'retryable', cause: error.kind === 'network' ? 'network' : 'server' };
  const entries = error.body?.errors;
  if (error.kind === 'http' && entries && entries.length > 0) {
    return {
      kind: 'rejected',
      message: error.message,
      entries: entries.map((entry) => {
        const change = entry.index === null ? undefined : changes[entry.index];
        const principalId = change?.recipient.id ?? null;
        const name =
          (principalId && nameOf(principalId)) || change?.recipient.name || entry.recipient || null;
        return { principalId, name, code: entry.code, message: entry.message };
      }),
    };
  }
  return { kind: 'other', message: error.message };
}

/** The message of each refused entry, by principal id (an entry that broke several rules gets them all). */
export function messagesByPrincipalId(entries: readonly FailedEntry[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.principalId) continue;
    const earlier = messages[entry.principalId];
    messages[entry.principalId] = earlier ? `${earlier} ${entry.message}` : entry.message;
  }
  return messages;
}
