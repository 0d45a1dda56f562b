import { type ChangeEvent, useCallback, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PrincipalItem } from '../../api/contract.ts';
import type { RecipientSummary } from '../../sharing/draft.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { cx } from '../ui/cx.ts';
import { Hint } from '../ui/hint.tsx';
import { SpinnerIcon } from '../ui/icons.tsx';
import { idList } from '../ui/id-list.ts';
import type { RecipientSearchMessages } from './messages.ts';
import { PasteFailurePanel } from './paste-failure-panel.tsx';
import { unavailableReason } from './recipient-availability.ts';
import { RecipientChips } from './recipient-chips.tsx';
import { type ItemState, RecipientOptions } from './recipient-options.tsx';
import { type Announcer, useAnnouncer } from './use-announcer.ts';
import { useEscapeClaim } from './use-escape-claim.ts';
import { useOutsideOrganizationTest } from './use-outside-organization.ts';
import { usePasteResolution } from './use-paste-resolution.ts';
import { type PrincipalSearch, usePrincipalSearch } from './use-principal-search.ts';
import { useRecipientCombobox } from './use-recipient-combobox.ts';
import { useSearchAnnouncements } from './use-search-announcements.ts';
import './recipient-search.css';

/** How long typing must pause before the recipient search asks the server, while it has suggestions to refine. */
export const RECIPIENT_SEARCH_DEBOUNCE_MS = 200;

/** Props of {@link RecipientSearch}: the chosen recipients live with the caller, which adds and removes them. */
export interface RecipientSearchProps {
  /** Decides which kinds of recipient are searched (`recipientTypes`). */
  assetType: AssetTypeConfig;
  /** The recipients chosen so far, shown as chips. */
  selected: readonly RecipientSummary[];
  onAdd(recipients: RecipientSummary[]): void;
  onRemove(principalId: string): void;
  /** A failed save's message per chosen recipient, shown on its chip. */
  errorsByPrincipalId?: Readonly<Record<string, string>>;
  /** Adding is not possible; `disabledReason` says why, in text every user reaches. */
  disabled?: boolean;
  disabledReason?: string;
  /** Ids of visible text elsewhere that also describes the combobox (e.g. the dialog's own "why not" banner). */
  describedBy?: string;
  /** The combobox's accessible name; `Share with` by default. */
  label?: string;
  /** Texts to replace, over the provider's. */
  messages?: Partial<RecipientSearchMessages>;
}

/**
 * What the menu says instead of options: type to search, searching, no matches (or that the address is outside
 * the organization), or that the search failed.
 */
function menuStatusOf(search: PrincipalSearch, messages: RecipientSearchMessages): string | null {
  if (search.search.length === 0) return messages.typeToSearch;
  if (search.items.length > 0) return null;
  if (search.failed) return messages.searchFailed;
  if (search.busy) return messages.searching;
  if (search.outsideOrganization) return messages.outsideOrganization(search.search);
  return search.settled ? messages.noMatches : null;
}

/** Adding and removing chips, each said aloud. */
function useChosen(
  props: Pick<RecipientSearchProps, 'selected' | 'onAdd' | 'onRemove'>,
  announce: (text: string) => void,
  messages: RecipientSearchMessages,
) {
  const { selected, onAdd, onRemove } = props;
  const selectedIds = useMemo(() => new Set(selected.map((recipient) => recipient.id)), [selected]);
  const itemState = useCallback(
    (item: PrincipalItem): ItemState => {
      if (unavailableReason(item)) return 'unavailable';
      return selectedIds.has(item.id) ? 'alreadyAdded' : 'available';
    },
    [selectedIds],
  );
  const add = useCallback(
    (recipients: RecipientSummary[]) => {
      if (recipients.length === 0) return;
      onAdd(recipients);
      if (recipients.length === 1 && recipients[0])
        announce(messages.recipientAdded(recipients[0].displayName));
    },
    [onAdd, announce, messages],
  );
  const remove = useCallback(
    (recipient: RecipientSummary) => {
      onRemove(recipient.id);
      announce(messages.recipientRemoved(recipient.displayName));
    },
    [onRemove, announce, messages],
  );
  return { itemState, add, remove };
}

/** Everything the combobox holds: its texts, the search, the chips, the paste lookups and what it announces. */
function useRecipientSearch(props: RecipientSearchProps) {
  const { assetType, selected, disabled = false } = props;
  const config = useShareDialogConfig();
  const messages = useMemo<RecipientSearchMessages>(
    () => ({ ...config.messages.recipientSearch, ...props.messages }),
    [config.messages.recipientSearch, props.messages],
  );
  const inputRef = useRef<HTMLInputElement>(null);
  const [inputValue, setInputValue] = useState('');
  const announcer = useAnnouncer();
  const { announce } = announcer;
  const isOutsideOrganization = useOutsideOrganizationTest();
  const search = usePrincipalSearch(inputValue, assetType.recipientTypes, {
    disabled,
    debounceMs: RECIPIENT_SEARCH_DEBOUNCE_MS,
    isOutsideOrganization,
  });
  useSearchAnnouncements(search, announce, messages);
  const chosen = useChosen(props, announce, messages);
  const paste = usePasteResolution({
    selected,
    onAdd: props.onAdd,
    announce,
    messages,
    isOutsideOrganization,
  });
  const wired = useRecipientCombobox({
    ...chosen,
    selected,
    items: search.items,
    inputValue,
    setInputValue,
    disabled,
    canAddByUsername: !disabled && assetType.recipientTypes.includes('user'),
    inputRef,
    addEntries: paste.addEntries,
  });
  useEscapeClaim(inputRef, wired.combobox.isOpen);
  // Dismissing the failures hands focus back to the field they came from.
  const dismissFailures = () => {
    paste.dismissFailures();
    inputRef.current?.focus();
  };
  return {
    messages,
    inputRef,
    setInputValue,
    announcer,
    search,
    chosen,
    paste,
    dismissFailures,
    ...wired,
  };
}

/** Under the field: why it is disabled, each chosen recipient's message, and the paste's progress and failures. */
function RecipientSearchNotes(props: {
  disabledReason: { id: string; text: string } | null;
  chipErrors: { recipient: RecipientSummary; message: string; id: string }[];
  paste: ReturnType<typeof usePasteResolution>;
  onDismissFailures(): void;
  messages: RecipientSearchMessages;
}) {
  const { disabledReason, chipErrors, paste, messages } = props;
  return (
    <>
      {disabledReason ? (
        <Hint tone="locked" id={disabledReason.id}>
          {disabledReason.text}
        </Hint>
      ) : null}
      {chipErrors.length > 0 ? (
        <ul className="sw-recipient-search__errors">
          {chipErrors.map(({ recipient, message, id }) => (
            <li key={recipient.id} id={id}>
              <strong>{recipient.displayName}</strong>: {message}
            </li>
          ))}
        </ul>
      ) : null}
      {paste.pendingLookups > 0 ? (
        <p className="sw-recipient-search__progress">{messages.pasteResolving(paste.pendingLookups)}</p>
      ) : null}
      <PasteFailurePanel failures={paste.failures} onDismiss={props.onDismissFailures} messages={messages} />
    </>
  );
}

/** The combobox's polite live region: how many results, what was added or removed. */
function Announcement({ announcer }: { announcer: Announcer }) {
  const text = useSyncExternalStore(announcer.subscribe, announcer.text, announcer.text);
  return (
    <div className="sw-sr-only" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

/**
 * The `Share with` combobox (WAI-ARIA APG, list autocomplete): searches users, groups, organizations and roles as
 * the asset type allows, shows the chosen ones as removable chips, and adds a pasted list of e-mail addresses.
 */
export function RecipientSearch(props: RecipientSearchProps) {
  const { selected, errorsByPrincipalId, disabled = false, label = 'Share with' } = props;
  const state = useRecipientSearch(props);
  const { messages, inputRef, search, chosen, paste, combobox, chips } = state;
  const id = useId();
  const errorIdOf = (recipient: RecipientSummary) => `${id}-error-${recipient.id}`;
  const chipErrors = selected.flatMap((recipient) => {
    const message = errorsByPrincipalId?.[recipient.id];
    return message ? [{ recipient, message, id: errorIdOf(recipient) }] : [];
  });
  const disabledReason =
    disabled && props.disabledReason ? { id: `${id}-disabled`, text: props.disabledReason } : null;
  const labelProps = combobox.getLabelProps();

  return (
    <div className="sw-recipient-search" data-slot="recipient-search">
      <label className="sw-recipient-search__label" htmlFor={labelProps.htmlFor} id={labelProps.id}>
        {label}
      </label>
      <div
        className={cx('sw-recipient-search__field', disabled && 'sw-recipient-search__field--disabled')}
        data-invalid={chipErrors.length > 0 || undefined}
      >
        <RecipientChips
          selected={selected}
          errorsByPrincipalId={errorsByPrincipalId}
          errorIdOf={errorIdOf}
          activeIndex={chips.activeIndex}
          getSelectedItemProps={chips.getSelectedItemProps}
          buttons={chips.buttons}
          onRemoveClick={state.onRemoveClick}
          messages={messages}
        />
        <input
          className="sw-recipient-search__input"
          {...combobox.getInputProps(
            chips.getDropdownProps({
              ref: inputRef,
              placeholder: selected.length === 0 ? messages.placeholder : undefined,
              readOnly: disabled,
              'aria-disabled': disabled || undefined,
              'aria-describedby': idList(disabledReason?.id, props.describedBy),
              onKeyDown: state.onKeyDown,
              onPaste: state.onPaste,
              // Downshift reports a typed change only after rendering, and renders the old text meanwhile: a key
              // pressed in between lands on the old text and is lost. Taking the text during the event keeps it.
              onChange: (event: ChangeEvent<HTMLInputElement>) => state.setInputValue(event.target.value),
            }),
          )}
        />
        {search.busy || paste.pendingLookups > 0 ? (
          <SpinnerIcon size={16} className="sw-recipient-search__spinner" />
        ) : null}
      </div>
      <RecipientOptions
        isOpen={combobox.isOpen}
        items={search.items}
        itemState={chosen.itemState}
        highlightedIndex={combobox.highlightedIndex}
        getMenuProps={combobox.getMenuProps}
        getItemProps={combobox.getItemProps}
        busy={search.busy}
        status={menuStatusOf(search, messages)}
        messages={messages}
      />
      <RecipientSearchNotes
        disabledReason={disabledReason}
        chipErrors={chipErrors}
        paste={paste}
        onDismissFailures={() => state.dismissFailures()}
        messages={messages}
      />
      <Announcement announcer={state.announcer} />
    </div>
  );
}
