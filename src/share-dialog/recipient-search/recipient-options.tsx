import type { UseComboboxReturnValue } from 'downshift';
import type { PrincipalItem } from '../../api/contract.ts';
import { cx } from '../ui/cx.ts';
import type { RecipientSearchMessages } from './messages.ts';
import { unavailableReason } from './recipient-availability.ts';
import { RecipientTypeIcon } from './recipient-type-icon.tsx';

/** Whether a search result can be chosen: it can, it is chosen already, or the server marked it unavailable. */
export type ItemState = 'available' | 'alreadyAdded' | 'unavailable';

/** Props of {@link RecipientOptions}: the matches, their states, and downshift's props for the listbox. */
export interface RecipientOptionsProps {
  isOpen: boolean;
  items: readonly PrincipalItem[];
  itemState(item: PrincipalItem): ItemState;
  highlightedIndex: number;
  getMenuProps: UseComboboxReturnValue<PrincipalItem>['getMenuProps'];
  getItemProps: UseComboboxReturnValue<PrincipalItem>['getItemProps'];
  busy: boolean;
  /** What the menu says instead of options (type to search, searching, no matches, failed), if anything. */
  status: string | null;
  messages: RecipientSearchMessages;
}

/** The second line of an option: a user's e-mail; a container's kind and member count. */
function optionDetail(item: PrincipalItem, messages: RecipientSearchMessages): string {
  if (item.shareRecipientType === 'user') return item.email ?? item.name;
  const kind = messages.recipientType[item.shareRecipientType];
  return item.memberCount === undefined ? kind : `${kind} · ${messages.memberCount(item.memberCount)}`;
}

/** The popup under `Share with`: the listbox of matches, each with its icon and detail, or the menu's status. */
export function RecipientOptions(props: RecipientOptionsProps) {
  const { isOpen, items, itemState, highlightedIndex, getMenuProps, getItemProps, busy, status, messages } =
    props;
  return (
    <div className="sw-recipient-search__popup" hidden={!isOpen}>
      <ul className="sw-recipient-search__listbox" aria-busy={busy || undefined} {...getMenuProps()}>
        {isOpen
          ? items.map((item, index) => {
              const state = itemState(item);
              const reason = unavailableReason(item);
              const note =
                reason !== undefined
                  ? messages.unavailable[reason]
                  : state === 'alreadyAdded'
                    ? messages.alreadyAdded
                    : null;
              return (
                <li
                  key={item.id}
                  className={cx(
                    'sw-recipient-option',
                    highlightedIndex === index && 'sw-recipient-option--highlighted',
                    state !== 'available' && 'sw-recipient-option--disabled',
                  )}
                  {...getItemProps({ item, index })}
                >
                  <RecipientTypeIcon
                    type={item.shareRecipientType}
                    size={16}
                    className="sw-recipient-option__icon"
                  />
                  <span className="sw-recipient-option__text">
                    <span className="sw-recipient-option__name">{item.displayName}</span>
                    <span className="sw-recipient-option__detail">{optionDetail(item, messages)}</span>
                  </span>
                  {note ? <span className="sw-recipient-option__note">{note}</span> : null}
                </li>
              );
            })
          : null}
      </ul>
      {isOpen && status ? <p className="sw-recipient-search__menu-status">{status}</p> : null}
    </div>
  );
}
