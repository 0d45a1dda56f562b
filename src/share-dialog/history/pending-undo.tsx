import { useCallback, useEffect, useId, useRef } from 'react';
import type { Draft } from '../../sharing/draft.ts';
import type { UndoChange, UndoPlan } from '../../sharing/history.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { type DialogState, type DialogStore, useDialogState, useEntryMessage } from '../dialog-store.ts';
import { Button } from '../ui/button.tsx';
import { Hint } from '../ui/hint.tsx';
import { describeChange, type RoleLabel } from './describe-change.ts';
import type { HistoryMessages } from './messages.ts';

/** Props of {@link PendingUndo}. */
export interface PendingUndoProps {
  plan: UndoPlan;
  store: DialogStore;
  assetType: AssetTypeConfig;
  roleLabel: RoleLabel;
  messages: HistoryMessages;
  /** Moves focus to the title once shown: the undo was just loaded. */
  focusOnMount: boolean;
}

/** Whether a change an undo loaded is still in the draft (the person may have taken it back since). */
function stillPending(draft: Draft, plan: UndoPlan, change: UndoChange): boolean {
  const id = change.principal.id;
  if (change.current === null) {
    return draft.restorations.some(
      (restoration) => restoration.principal.id === id && restoration.undoOf === plan.changeSetId,
    );
  }
  return draft.edits[id]?.undoOf === plan.changeSetId;
}

function PendingUndoChange({
  change,
  store,
  assetType,
  roleLabel,
  messages,
}: Omit<PendingUndoProps, 'focusOnMount' | 'plan'> & { change: UndoChange }) {
  const id = useId();
  const name = change.principal.displayName;
  const entryMessage = useEntryMessage(store, change.principal.id);
  const leaveOut = () =>
    store.dispatch(
      change.current === null
        ? { type: 'removeRestoration', principalId: change.principal.id }
        : { type: 'undoGrant', principalId: change.principal.id },
    );
  return (
    <li className="sw-undo__change" data-error={entryMessage ? 'true' : undefined}>
      <span>{describeChange(assetType, roleLabel, messages, name, change.current, change.restore)}</span>
      <Button
        size="sm"
        variant="ghost"
        aria-describedby={entryMessage ? `${id}-error` : undefined}
        onClick={leaveOut}
      >
        {messages.leaveOut(name)}
      </Button>
      {entryMessage ? (
        <Hint id={`${id}-error`} tone="danger">
          {entryMessage}
        </Hint>
      ) : null}
    </li>
  );
}

const selectDraft = (state: DialogState) => state.draft;

/** An undo loaded into the draft: what it loaded (each may be left out), what it did not load and why. */
export function PendingUndo({ plan, store, assetType, roleLabel, messages, focusOnMount }: PendingUndoProps) {
  const id = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const draft = useDialogState(store, selectDraft);
  const loaded = plan.changes.filter((change) => stillPending(draft, plan, change));

  useEffect(() => {
    if (focusOnMount) titleRef.current?.focus();
  }, [focusOnMount]);

  const discard = useCallback(
    () => store.dispatch({ type: 'discardUndo', changeSetId: plan.changeSetId }),
    [store, plan.changeSetId],
  );

  return (
    <section className="sw-undo" data-slot="pending-undo" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} ref={titleRef} tabIndex={-1} className="sw-undo__title">
        {messages.undoTitle(plan.actor?.fullName ?? messages.noActor, plan.at)}
      </h4>
      <p className="sw-undo__summary">{messages.undoSummary(loaded.length, plan.skipped.length)}</p>
      <ul className="sw-undo__changes">
        {loaded.map((change) => (
          <PendingUndoChange
            key={change.principal.id}
            change={change}
            store={store}
            assetType={assetType}
            roleLabel={roleLabel}
            messages={messages}
          />
        ))}
        {plan.skipped.map((skipped) => (
          <li key={skipped.principal.id} className="sw-undo__change sw-undo__change--skipped">
            {messages.notLoaded(
              skipped.principal.displayName,
              messages.changedAgain(skipped.changedAt, skipped.changedBy?.fullName ?? null),
            )}
          </li>
        ))}
      </ul>
      <div className="sw-undo__actions">
        <Button size="sm" onClick={discard}>
          {messages.discardUndo}
        </Button>
      </div>
    </section>
  );
}
