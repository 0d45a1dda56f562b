import { memo, useId } from 'react';
import type { SharedRole } from '../../api/contract.ts';
import { displayNameOf } from '../../api/wire-mapping.ts';
import { findRole } from '../../sharing/asset-types.ts';
import type { Grant } from '../../sharing/types.ts';
import { useEntryMessage, useGrantEdit } from '../dialog-store.ts';
import { useSharedWithRows, useSharingEditor } from '../editor-context.ts';
import type { ShareDialogMessages } from '../messages.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { preloadMakeOwnerDialog } from '../transfer/use-make-owner.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { GrantExpiry } from './grant-expiry.tsx';
import { RowFlags, RowRoleSelect, RowUndoOrRemove } from './row-controls.tsx';
import { useAccessVia, useRowJudgement } from './row-judgement.ts';
import { RowNotes } from './row-notes.tsx';

/** Props of {@link SharedWithRow}: one entry, its place in the list, and how the list measures it. */
export interface SharedWithRowProps {
  entry: SharedRole;
  /** The entry as the domain sees it. */
  grant: Grant;
  /** Position in the whole list (0-based) and the list's full length, for `aria-posinset`/`aria-setsize`. */
  index: number;
  setSize: number;
  measureRef(element: HTMLLIElement | null): void;
}

/** The line under the name: a user's e-mail; a container's kind and member count. */
function secondaryLine(entry: SharedRole, messages: ShareDialogMessages): string {
  if (entry.shareRecipientType === 'user')
    return entry.userFullName ? entry.name : messages.recipientType.user;
  const kind = messages.recipientType[entry.shareRecipientType];
  return entry.memberCount === undefined ? kind : `${kind} · ${messages.memberCount(entry.memberCount)}`;
}

/** One grant of the list: who, their role and options, and what the actor may change, with the reasons. */
export const SharedWithRow = memo(function SharedWithRow({
  entry,
  grant,
  index,
  setSize,
  measureRef,
}: SharedWithRowProps) {
  const { messages } = useShareDialogConfig();
  const { actor, store } = useSharingEditor();
  const { actions } = useSharedWithRows();
  const rowId = useId();
  const edit = useGrantEdit(store, grant.principalId);
  const entryMessage = useEntryMessage(store, grant.principalId);
  const judged = useRowJudgement(grant, edit, rowId);
  const via = useAccessVia(grant);
  const { draftGrant, removed, pendingId } = judged;
  const name = displayNameOf(entry);
  const errorId = `${rowId}-error`;

  return (
    <li
      ref={measureRef}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      data-index={index}
      data-slot="shared-with-row"
      data-pending={edit ? 'true' : undefined}
      data-removed={removed ? 'true' : undefined}
      data-error={entryMessage ? 'true' : undefined}
      className="sw-row"
    >
      <Avatar type={grant.principalType} name={name} />
      <div className="sw-row__main">
        <div className="sw-row__title">
          <span id={`${rowId}-name`} className="sw-row__name">
            {name}
          </span>
          {grant.principalId === actor.principalId ? <Badge>{messages.you}</Badge> : null}
          {edit ? (
            <Badge id={pendingId} tone={removed ? 'danger' : 'pending'}>
              {removed ? messages.pendingRemoval : messages.pending}
            </Badge>
          ) : null}
          {edit?.undoOf ? <Badge tone="pending">{messages.fromUndo}</Badge> : null}
        </div>
        <div className="sw-row__secondary">
          {secondaryLine(entry, messages)}
          {/* On the e-mail's line: the explanation arriving after the row never moves the rows under the pointer. */}
          {via.length > 0 ? <span className="sw-row__via">{messages.alsoVia(via)}</span> : null}
        </div>
        <RowFlags grant={grant} draftGrant={draftGrant} name={name} judged={judged} />
        <GrantExpiry grant={grant} edit={edit} name={name} judged={judged} />
      </div>
      <div className="sw-row__controls">
        <RowRoleSelect
          name={name}
          role={draftGrant.role}
          roles={judged.roles}
          state={judged.role}
          error={entryMessage ? errorId : null}
          onChange={(role) => actions.setRole(grant, role)}
        />
        {judged.offersOwnership ? (
          <Button
            size="sm"
            variant="ghost"
            aria-describedby={`${rowId}-name`}
            onPointerEnter={preloadMakeOwnerDialog}
            onFocus={preloadMakeOwnerDialog}
            onClick={() => actions.makeOwner?.(grant, name)}
          >
            {messages.makeOwner}
          </Button>
        ) : null}
        <RowUndoOrRemove grant={grant} name={name} edited={edit !== undefined} remove={judged.remove} />
      </div>
      <RowNotes entryMessage={entryMessage} errorId={errorId} reasons={judged.reasons.own()} />
    </li>
  );
});

/** Props of {@link PassingRow}: one entry, its place in the list, and the height its whole row takes. */
export interface PassingRowProps {
  entry: SharedRole;
  grant: Grant;
  index: number;
  setSize: number;
  height: number;
}

/**
 * A row the list is flung past: who, and the role the draft gives them, at the height of the whole row, without its
 * controls. Shown while the list moves a screenful or more a frame, when no row stays in view long enough to be
 * used; the whole rows come back as soon as it slows down.
 */
export const PassingRow = memo(function PassingRow({
  entry,
  grant,
  index,
  setSize,
  height,
}: PassingRowProps) {
  const { messages, roleLabel } = useShareDialogConfig();
  const { assetType, store } = useSharingEditor();
  const edit = useGrantEdit(store, grant.principalId);
  const role = findRole(assetType, edit?.role ?? grant.role);
  const name = displayNameOf(entry);
  return (
    <li
      aria-setsize={setSize}
      aria-posinset={index + 1}
      data-index={index}
      data-slot="shared-with-row"
      data-passing="true"
      data-pending={edit ? 'true' : undefined}
      className="sw-row"
      style={{ height }}
    >
      {/* Four boxes on the row's grid, none nested: a screenful of them is laid out every frame. */}
      <Avatar type={grant.principalType} name={name} />
      <span className="sw-row__name">{name}</span>
      <span className="sw-row__secondary">{secondaryLine(entry, messages)}</span>
      <span className="sw-row__passing-role">{role ? roleLabel(assetType, role) : null}</span>
    </li>
  );
});
