import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { declineAccessRequestMutationOptions } from '../../api/decline-access-request.ts';
import type { AccessRequestEntry } from '../../api/get-access-requests.ts';
import { canActOnRequest, MAX_REQUEST_MESSAGE_LENGTH } from '../../sharing/access-requests.ts';
import type { GrantLookup } from '../../sharing/draft.ts';
import type { ActorStanding, AssetTypeConfig, Grant } from '../../sharing/types.ts';
import { type DialogState, useDialogState } from '../dialog-store.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { Textarea } from '../ui/textarea.tsx';
import { requestDate, accessRequestMessages as text } from './messages.ts';
import type { RequestsToAnswerProps } from './requests-to-answer.tsx';

/** Props of {@link RequestList}: those of the disclosure around it, and what to do once a decline is sent. */
export type RequestListProps = Omit<RequestsToAnswerProps, 'initiallyOpen'> & {
  /** Called with the requester's name once a decline is sent. */
  onDeclined(fullName: string): void;
};

const selectApprovals = (state: DialogState) => state.draft.approvals;

/** The grant an approval edits: the requester's own, or one without a role when access comes through a group. */
function requesterGrant(lookup: GrantLookup, requesterId: string): Grant {
  return (
    lookup(requesterId) ?? {
      principalId: requesterId,
      principalType: 'user',
      role: '',
      canShare: false,
      canUseData: false,
    }
  );
}

/**
 * The pending requests the actor may answer, each with `Approve` (into the draft) and `Decline`: the inside of
 * `Requests (<n>)`, loaded once it is expanded.
 */
export function RequestList({
  assetType,
  assetId,
  actor,
  requests,
  store,
  lookup,
  onDeclined,
}: RequestListProps) {
  const approvals = useDialogState(store, selectApprovals);
  return requests.length === 0 ? (
    <p className="sw-list-status">{text.noRequests}</p>
  ) : (
    <ul className="sw-requests__list">
      {requests.map((entry) => (
        <RequestItem
          key={entry.request.id}
          entry={entry}
          assetType={assetType}
          assetId={assetId}
          actor={actor}
          approving={entry.request.id in approvals}
          onApprove={() =>
            store.dispatch({
              type: 'approveRequest',
              requestId: entry.request.id,
              grant: requesterGrant(lookup, entry.request.requesterId),
              role: entry.request.role,
            })
          }
          onUndo={() => store.dispatch({ type: 'undoGrant', principalId: entry.request.requesterId })}
          onDeclined={() => onDeclined(entry.requester.fullName)}
        />
      ))}
    </ul>
  );
}

interface RequestItemProps {
  entry: AccessRequestEntry;
  assetType: AssetTypeConfig;
  assetId: string;
  actor: ActorStanding;
  approving: boolean;
  onApprove(): void;
  onUndo(): void;
  onDeclined(): void;
}

function RequestItem({
  entry,
  assetType,
  assetId,
  actor,
  approving,
  onApprove,
  onUndo,
  onDeclined,
}: RequestItemProps) {
  const { client, roleLabel } = useShareDialogConfig();
  const queryClient = useQueryClient();
  const decline = useMutation(declineAccessRequestMutationOptions(client, queryClient, assetType, assetId));
  const id = useId();
  const summaryId = `${id}-summary`;
  const reasonId = `${id}-reason`;
  const [declining, setDeclining] = useState(false);
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const declineRef = useRef<HTMLButtonElement>(null);
  const { request, requester } = entry;
  const role = assetType.roles.find((candidate) => candidate.name === request.role);
  const permission = canActOnRequest(assetType, actor, request);
  const tooLong = message.length > MAX_REQUEST_MESSAGE_LENGTH;

  useEffect(() => {
    if (declining) messageRef.current?.focus();
  }, [declining]);

  return (
    <li className="sw-request" data-approving={approving || undefined}>
      <p id={summaryId} className="sw-request__summary">
        <strong>{requester.fullName}</strong> {text.asksFor}{' '}
        <strong>{role ? roleLabel(assetType, role) : request.role}</strong>
        <span className="sw-request__date">
          {' · '}
          <time dateTime={request.createdAt}>{requestDate(request.createdAt)}</time>
        </span>
      </p>
      {request.message ? <blockquote className="sw-request__message">{request.message}</blockquote> : null}
      {permission.allowed ? null : (
        <p id={reasonId} className="sw-hint">
          {permission.reason}
        </p>
      )}
      {approving ? (
        <div className="sw-request__actions">
          <p className="sw-hint sw-request__approving">{text.approving}</p>
          <Button size="sm" aria-describedby={summaryId} onClick={onUndo}>
            {text.undoApproval}
          </Button>
        </div>
      ) : declining ? (
        <form
          noValidate
          className="sw-request__decline"
          onSubmit={(event) => {
            event.preventDefault();
            if (tooLong || decline.isPending) return;
            decline.mutate({ requestId: request.id, message }, { onSuccess: onDeclined });
          }}
        >
          <label className="sw-field-label" htmlFor={`${id}-decline`}>
            {text.declineMessage(requester.fullName)}
          </label>
          <Textarea
            ref={messageRef}
            id={`${id}-decline`}
            rows={2}
            value={message}
            aria-invalid={tooLong || undefined}
            onChange={(event) => setMessage(event.target.value)}
          />
          {tooLong || decline.error ? (
            <p className="sw-hint sw-hint--danger" role="alert">
              {tooLong ? text.messageTooLong(MAX_REQUEST_MESSAGE_LENGTH) : decline.error?.message}
            </p>
          ) : null}
          <div className="sw-request__actions">
            <Button
              size="sm"
              onClick={() => {
                setDeclining(false);
                // The button that opened the form is back; focus returns to it.
                requestAnimationFrame(() => declineRef.current?.focus());
              }}
            >
              {text.cancel}
            </Button>
            <Button type="submit" size="sm" variant="danger" pending={decline.isPending}>
              {text.declineRequest}
            </Button>
          </div>
        </form>
      ) : (
        <div className="sw-request__actions">
          <Button
            size="sm"
            variant="primary"
            disabled={!permission.allowed}
            aria-describedby={[summaryId, permission.allowed ? null : reasonId].filter(Boolean).join(' ')}
            onClick={onApprove}
          >
            {text.approve}
          </Button>
          <Button
            ref={declineRef}
            size="sm"
            disabled={!permission.allowed}
            aria-describedby={summaryId}
            onClick={() => setDeclining(true)}
          >
            {text.decline}
          </Button>
        </div>
      )}
    </li>
  );
}
