import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { createAccessRequestMutationOptions } from '../../api/create-access-request.ts';
import type { AccessRequestEntry } from '../../api/get-access-requests.ts';
import { MAX_REQUEST_MESSAGE_LENGTH } from '../../sharing/access-requests.ts';
import type { AssetTypeConfig, RoleDefinition } from '../../sharing/types.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { Select } from '../ui/select.tsx';
import { Textarea } from '../ui/textarea.tsx';
import './access-requests.css';
import { requestDate, accessRequestMessages as text } from './messages.ts';

/** Props of {@link RequestAccessForm}. */
export interface RequestAccessFormProps {
  assetType: AssetTypeConfig;
  assetId: string;
  /** The actor's own role, if any. */
  ownRole: RoleDefinition | undefined;
  /** The roles the actor may ask for (R20): above their own, up to their ceiling. */
  roles: readonly RoleDefinition[];
  /** The actor's latest request on this asset, if any. */
  latest: AccessRequestEntry | undefined;
}

function statusLine(latest: AccessRequestEntry, label: (name: string) => string): string {
  const { request } = latest;
  const role = label(request.role);
  const date = requestDate(request.decidedAt ?? request.createdAt);
  switch (request.status) {
    case 'pending':
      return text.pendingRequest(role, requestDate(request.createdAt));
    case 'approved':
      return text.approvedRequest(role, date);
    case 'declined':
      return text.declinedRequest(role, date);
    case 'granted':
      return text.grantedRequest(role, date);
  }
}

/** `Request access`: a role above the actor's own and a message; or, while one is pending, its state and date. */
export function RequestAccessForm({ assetType, assetId, ownRole, roles, latest }: RequestAccessFormProps) {
  const { client, roleLabel } = useShareDialogConfig();
  const queryClient = useQueryClient();
  const create = useMutation(createAccessRequestMutationOptions(client, queryClient, assetType, assetId));
  const id = useId();
  const headingId = `${id}-heading`;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  const lowest = roles.at(-1);
  const [role, setRole] = useState(lowest?.name ?? '');
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const tooLong = message.length > MAX_REQUEST_MESSAGE_LENGTH;
  const label = (name: string) => {
    const found = assetType.roles.find((candidate) => candidate.name === name);
    return found ? roleLabel(assetType, found) : name;
  };
  const pending = latest?.request.status === 'pending';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (tooLong || !role || create.isPending) return;
    create.mutate(
      { role, message },
      {
        onSuccess: () => {
          setMessage('');
          setSent(true);
        },
      },
    );
  }

  const error = create.error;
  return (
    <section className="sw-section sw-section--divided sw-request-access" aria-labelledby={headingId}>
      <h3 id={headingId} className="sw-section__title">
        {text.requestAccess}
      </h3>
      {latest ? (
        <div className="sw-request-access__state">
          <p className="sw-hint">{statusLine(latest, label)}</p>
          {latest.request.declineMessage ? (
            <blockquote className="sw-request__message">{latest.request.declineMessage}</blockquote>
          ) : null}
        </div>
      ) : null}
      <p role="status" className="sw-request-access__status">
        {sent && pending ? text.requestSent : ''}
      </p>
      {pending || roles.length === 0 ? null : (
        <form noValidate className="sw-request-access__form" onSubmit={submit}>
          {ownRole ? (
            <p className="sw-hint">{text.requestAccessIntro(roleLabel(assetType, ownRole))}</p>
          ) : null}
          <label className="sw-field-label" htmlFor={`${id}-role`}>
            {text.roleToRequest}
          </label>
          <Select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value)}>
            {roles.map((option) => (
              <option key={option.name} value={option.name}>
                {roleLabel(assetType, option)}
              </option>
            ))}
          </Select>
          <div className="sw-note__head">
            <label className="sw-field-label" htmlFor={`${id}-message`}>
              {text.message}
            </label>
            <span id={counterId} className="sw-note__counter" data-over={tooLong}>
              {text.messageCounter(message.length, MAX_REQUEST_MESSAGE_LENGTH)}
            </span>
          </div>
          <Textarea
            id={`${id}-message`}
            rows={2}
            value={message}
            placeholder={text.messagePlaceholder}
            aria-invalid={tooLong || undefined}
            aria-describedby={[counterId, tooLong || error ? errorId : null].filter(Boolean).join(' ')}
            onChange={(event) => setMessage(event.target.value)}
          />
          {tooLong || error ? (
            <p id={errorId} className="sw-hint sw-hint--danger" role="alert">
              {tooLong ? text.messageTooLong(MAX_REQUEST_MESSAGE_LENGTH) : error?.message}
            </p>
          ) : null}
          <div className="sw-request-access__actions">
            <Button type="submit" variant="primary" size="sm" pending={create.isPending}>
              {text.sendRequest}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
