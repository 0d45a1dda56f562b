import type { UseMultipleSelectionReturnValue } from 'downshift';
import type { MouseEvent } from 'react';
import type { RecipientSummary } from '../../sharing/draft.ts';
import { cx } from '../ui/cx.ts';
import { AlertIcon, CloseIcon } from '../ui/icons.tsx';
import type { RecipientSearchMessages } from './messages.ts';
import { RecipientTypeIcon } from './recipient-type-icon.tsx';

/** Props of {@link RecipientChips}: the chosen recipients and downshift's multiple selection over them. */
export interface RecipientChipsProps {
  selected: readonly RecipientSummary[];
  /** A failed entry's message per chosen recipient; its chip is marked and described by it. */
  errorsByPrincipalId: Readonly<Record<string, string>> | undefined;
  /** The id of the visible sentence that carries a recipient's message. */
  errorIdOf(recipient: RecipientSummary): string;
  activeIndex: number;
  getSelectedItemProps: UseMultipleSelectionReturnValue<RecipientSummary>['getSelectedItemProps'];
  /** The chips' remove buttons by recipient id, so that focus can move to a neighbour after a removal. */
  buttons: Map<string, HTMLButtonElement>;
  onRemoveClick(event: MouseEvent<HTMLButtonElement>, recipient: RecipientSummary): void;
  messages: RecipientSearchMessages;
}

/** The chosen recipients as chips, each with `Remove <name>`; one tab stop for all of them (roving). */
export function RecipientChips(props: RecipientChipsProps) {
  const { selected, errorsByPrincipalId, errorIdOf, activeIndex, getSelectedItemProps, buttons, messages } =
    props;
  if (selected.length === 0) return null;
  return (
    <ul className="sw-recipient-search__chips" aria-label={messages.selectedList}>
      {selected.map((recipient, index) => {
        const error = errorsByPrincipalId?.[recipient.id];
        // The tab stop: the active chip, else the last one.
        const tabbable = activeIndex === -1 ? index === selected.length - 1 : index === activeIndex;
        return (
          <li
            key={recipient.id}
            className={cx('sw-recipient-chip', error && 'sw-recipient-chip--invalid')}
            title={recipient.type === 'user' ? (recipient.email ?? recipient.name) : undefined}
          >
            {error ? (
              <AlertIcon size={14} className="sw-recipient-chip__icon" />
            ) : (
              <RecipientTypeIcon type={recipient.type} size={14} className="sw-recipient-chip__icon" />
            )}
            <span className="sw-recipient-chip__name">{recipient.displayName}</span>
            <button
              type="button"
              className="sw-recipient-chip__remove"
              aria-label={messages.removeRecipient(recipient.displayName)}
              aria-describedby={error ? errorIdOf(recipient) : undefined}
              {...getSelectedItemProps({
                selectedItem: recipient,
                index,
                tabIndex: tabbable ? 0 : -1,
                onClick: (event: MouseEvent<HTMLButtonElement>) => props.onRemoveClick(event, recipient),
                ref: (node: HTMLButtonElement | null) => {
                  if (node) buttons.set(recipient.id, node);
                  else buttons.delete(recipient.id);
                },
              })}
            >
              <CloseIcon size={12} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
