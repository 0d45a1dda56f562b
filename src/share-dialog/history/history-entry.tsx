import { memo, useId } from 'react';
import type { ChangedPrincipal, ChangeSet } from '../../sharing/history.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Hint } from '../ui/hint.tsx';
import { UndoIcon } from '../ui/icons.tsx';
import { changeParts, type RoleLabel } from './describe-change.ts';
import type { HistoryMessages } from './messages.ts';

/** Props of {@link HistoryEntry}. Every prop but `start`, `index` and the state flags is shared by all entries. */
export interface HistoryEntryProps {
  changeSet: ChangeSet;
  /** Position in the whole history (0 = newest) and its length, for `aria-posinset`/`aria-setsize`. */
  index: number;
  setSize: number;
  /** Offset from the top of the list, in pixels. */
  start: number;
  measureRef(element: HTMLLIElement | null): void;
  assetType: AssetTypeConfig;
  roleLabel: RoleLabel;
  messages: HistoryMessages;
  /** Whether this change set's undo is being worked out, failed to be, or is loaded in the draft. */
  checking: boolean;
  failed: boolean;
  pending: boolean;
  /** The principal the list is filtered to, if any: their name needs no filter button. */
  filterId: string | null;
  onUndo(changeSet: ChangeSet): void;
  onFilter(principal: ChangedPrincipal): void;
}

/** One change set: when, who, why, what changed in words, and `Undo`. */
export const HistoryEntry = memo(function HistoryEntry({
  changeSet,
  index,
  setSize,
  start,
  measureRef,
  assetType,
  roleLabel,
  messages,
  checking,
  failed,
  pending,
  filterId,
  onUndo,
  onFilter,
}: HistoryEntryProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const errorId = `${id}-error`;
  const cause = messages.cause[changeSet.cause];
  return (
    <li
      ref={measureRef}
      data-index={index}
      data-slot="history-entry"
      data-pending={pending ? 'true' : undefined}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className="sw-history-entry"
      style={{ transform: `translateY(${start}px)` }}
    >
      <div className="sw-history-entry__head">
        <p id={titleId} className="sw-history-entry__title">
          <time dateTime={changeSet.at}>{messages.time(changeSet.at)}</time>
          <span aria-hidden="true"> · </span>
          <span className="sw-history-entry__actor">{changeSet.actor?.fullName ?? messages.noActor}</span>
          {cause ? <Badge tone="accent">{cause}</Badge> : null}
          {pending ? <Badge tone="pending">{messages.undoPending}</Badge> : null}
        </p>
        <Button
          size="sm"
          variant="ghost"
          pending={checking}
          aria-describedby={[titleId, failed ? errorId : null].filter(Boolean).join(' ')}
          onClick={() => (checking ? undefined : onUndo(changeSet))}
        >
          {checking ? null : <UndoIcon />}
          {messages.undo}
        </Button>
      </div>
      {changeSet.note ? <p className="sw-history-entry__note">“{changeSet.note}”</p> : null}
      <ul className="sw-history-entry__changes">
        {changeSet.changes.map((change) => {
          const name = change.principal.displayName;
          const parts = changeParts(assetType, roleLabel, messages, change.before, change.after);
          return (
            <li key={change.principal.id}>
              {change.principal.id === filterId ? (
                <span className="sw-history-entry__name">{name}</span>
              ) : (
                <button
                  type="button"
                  className="sw-history-entry__name sw-history-entry__name--button"
                  aria-label={messages.historyOf(name)}
                  onClick={() => onFilter(change.principal)}
                >
                  {name}
                </button>
              )}
              {messages.changeDetail(parts)}
            </li>
          );
        })}
      </ul>
      {failed ? (
        <Hint id={errorId} tone="danger">
          {messages.undoFailed}
        </Hint>
      ) : null}
    </li>
  );
});
