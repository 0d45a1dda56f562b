import { memo, useCallback, useId, useMemo } from 'react';
import type { RecipientSummary } from '../../sharing/draft.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { RecipientSearch } from '../recipient-search/recipient-search.tsx';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { CheckboxField } from '../ui/checkbox-field.tsx';
import { Hint } from '../ui/hint.tsx';
import type { MultiAssetMessages } from './messages.ts';

/** Props of {@link TransferSection}. */
export interface TransferSectionProps {
  selectionType: AssetTypeConfig;
  /** The acting user, who cannot hand the assets to themselves. */
  actorId: string;
  newOwner: RecipientSummary | null;
  onNewOwnerChange(owner: RecipientSummary | null): void;
  removeMine: boolean;
  onRemoveMineChange(remove: boolean): void;
  disabled: boolean;
  messages: MultiAssetMessages;
}

/** "Transfer every selected asset to …": one person becomes owner of each, and the actor steps down with it. */
export const TransferSection = memo(function TransferSection({
  selectionType,
  actorId,
  newOwner,
  onNewOwnerChange,
  removeMine,
  onRemoveMineChange,
  disabled,
  messages,
}: TransferSectionProps) {
  const config = useShareDialogConfig();
  const id = useId();
  // Ownership goes to a person: the search offers users only.
  const usersOnly = useMemo<AssetTypeConfig>(
    () => ({ ...selectionType, recipientTypes: ['user'] }),
    [selectionType],
  );
  const selected = useMemo(() => (newOwner ? [newOwner] : []), [newOwner]);
  const onAdd = useCallback(
    (recipients: RecipientSummary[]) => {
      const chosen = recipients.find((recipient) => recipient.type === 'user' && recipient.id !== actorId);
      if (chosen) onNewOwnerChange(chosen);
    },
    [actorId, onNewOwnerChange],
  );
  const onRemove = useCallback(() => onNewOwnerChange(null), [onNewOwnerChange]);
  const searchMessages = useMemo(
    () => ({ ...config.messages.recipientSearch, placeholder: messages.transferPlaceholder }),
    [config.messages.recipientSearch, messages.transferPlaceholder],
  );

  return (
    <details className="sw-section sw-section--divided sw-multi__transfer" data-slot="transfer-ownership">
      <summary className="sw-multi__summary">{messages.transferOwnership}</summary>
      <RecipientSearch
        assetType={usersOnly}
        selected={selected}
        onAdd={onAdd}
        onRemove={onRemove}
        label={messages.transferTo}
        disabled={disabled}
        describedBy={`${id}-hint`}
        messages={searchMessages}
      />
      <Hint id={`${id}-hint`}>{messages.transferHint}</Hint>
      {newOwner ? (
        <CheckboxField
          label={config.messages.removeMyAccess}
          checked={removeMine}
          onChange={(event) => onRemoveMineChange(event.target.checked)}
          description={config.messages.keepReadWriteHint('read-write')}
          descriptionId={`${id}-keep`}
        />
      ) : null}
    </details>
  );
});
