import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type UseComboboxState,
  type UseComboboxStateChangeOptions,
  useCombobox,
  useMultipleSelection,
} from 'downshift';
import {
  type ChangeEvent,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { PrincipalItem } from '../../api/contract.ts';
import { accountQueryOptions } from '../../api/get-account.ts';
import { exactUserMatch, principalSearchQueryOptions } from '../../api/principals.ts';
import type { RecipientSummary } from '../../sharing/draft.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { cx } from '../ui/cx.ts';
import { Hint } from '../ui/hint.tsx';
import { AlertIcon, CloseIcon, SpinnerIcon } from '../ui/icons.tsx';
import type { RecipientSearchMessages } from './messages.ts';
import { unavailableReason } from './recipient-availability.ts';
import { isAddressOutsideOrganization, isEmailAddress, splitRecipientList } from './recipient-list.ts';
import { toRecipientSummary } from './recipient-summary.ts';
import { RecipientTypeIcon } from './recipient-type-icon.tsx';
import { type PasteFailure, resolvePastedRecipients } from './resolve-pasted-recipients.ts';
import { useDebouncedValue } from './use-debounced-value.ts';
import './recipient-search.css';

/** How long typing must pause before the recipient search asks the server. */
export const RECIPIENT_SEARCH_DEBOUNCE_MS = 200;

/** Props of {@link RecipientSearch}. */
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

type ItemState = 'available' | 'alreadyAdded' | 'unavailable';

// Downshift reads this flag to skip its own handling of an event that was handled here.
type DownshiftEvent = Event & { preventDownshiftDefault?: boolean };

/**
 * The `Share with` combobox (WAI-ARIA APG, list autocomplete): searches users, groups, organizations and roles as
 * the asset type allows, shows the chosen ones as removable chips, and adds a pasted list of e-mail addresses.
 */
export function RecipientSearch({
  assetType,
  selected,
  onAdd,
  onRemove,
  errorsByPrincipalId,
  disabled = false,
  disabledReason,
  describedBy: externalDescribedBy,
  label = 'Share with',
  messages: messageOverrides,
}: RecipientSearchProps) {
  const config = useShareDialogConfig();
  const { client, queryClient } = config;
  const messages = useMemo<RecipientSearchMessages>(
    () => ({ ...config.messages.recipientSearch, ...messageOverrides }),
    [config.messages.recipientSearch, messageOverrides],
  );
  const types = assetType.recipientTypes;
  const id = useId();
  const disabledReasonId = `${id}-disabled-reason`;
  const pasteFailuresHeadingId = `${id}-paste-failures`;

  const inputRef = useRef<HTMLInputElement>(null);
  const chipButtons = useRef(new Map<string, HTMLButtonElement>());
  const focusChipAfterRemoval = useRef<number | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Paste lookups finish after renders; they read the latest props, not the ones of the paste.
  const latest = useRef({ selected, onAdd, disabled });
  latest.current = { selected, onAdd, disabled };

  const [inputValue, setInputValue] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [pendingLookups, setPendingLookups] = useState(0);
  const [pasteFailures, setPasteFailures] = useState<PasteFailure[]>([]);

  const announce = useCallback((text: string) => {
    // A repeated text is not announced again unless the region's content changes; a trailing space changes it.
    setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
  }, []);

  const search = inputValue.trim();
  const debouncedSearch = useDebouncedValue(search, RECIPIENT_SEARCH_DEBOUNCE_MS);
  const searchEnabled = !disabled && search.length > 0 && debouncedSearch.length > 0;
  const query = useQuery(
    {
      ...principalSearchQueryOptions(client, { search: debouncedSearch, types }),
      enabled: searchEnabled,
      // While the next search runs, the last answer stays (marked busy) instead of the list flickering empty. An
      // answer is only ever stored under its own search, so a late answer to an older search never replaces it.
      placeholderData: keepPreviousData,
    },
    queryClient,
  );

  // The search answers nobody of another organization; the actor's own address tells such an address apart.
  const account = useQuery(accountQueryOptions(client), queryClient);
  const actorUsername = account.data?.username;
  const isOutsideOrganization = useCallback(
    (address: string) => isAddressOutsideOrganization(address, actorUsername),
    [actorUsername],
  );

  const items = useMemo<PrincipalItem[]>(
    () => (searchEnabled ? (query.data?.data ?? []) : []),
    [searchEnabled, query.data],
  );
  const selectedIds = useMemo(() => new Set(selected.map((recipient) => recipient.id)), [selected]);
  const itemState = useCallback(
    (item: PrincipalItem): ItemState => {
      if (unavailableReason(item)) return 'unavailable';
      return selectedIds.has(item.id) ? 'alreadyAdded' : 'available';
    },
    [selectedIds],
  );

  const waitingForTyping = search.length > 0 && search !== debouncedSearch;
  const settled =
    searchEnabled && !waitingForTyping && query.isSuccess && !query.isPlaceholderData && !query.isFetching;
  const busy = search.length > 0 && (waitingForTyping || (searchEnabled && query.isFetching));

  const addRecipients = useCallback(
    (recipients: RecipientSummary[]) => {
      if (recipients.length === 0) return;
      latest.current.onAdd(recipients);
      if (recipients.length === 1 && recipients[0])
        announce(messages.recipientAdded(recipients[0].displayName));
    },
    [announce, messages],
  );

  const removeRecipient = useCallback(
    (recipient: RecipientSummary) => {
      onRemove(recipient.id);
      announce(messages.recipientRemoved(recipient.displayName));
    },
    [announce, messages, onRemove],
  );

  const selectedItems = useMemo(() => [...selected], [selected]);
  const { getSelectedItemProps, getDropdownProps, activeIndex, setActiveIndex } =
    useMultipleSelection<RecipientSummary>({
      selectedItems,
      itemToKey: (recipient) => recipient?.id,
      onSelectedItemsChange({ selectedItems: next, type, activeIndex: nextActiveIndex }) {
        const kept = new Set(next.map((recipient) => recipient.id));
        const removed = selected.filter((recipient) => !kept.has(recipient.id));
        if (
          type === useMultipleSelection.stateChangeTypes.SelectedItemKeyDownBackspace ||
          type === useMultipleSelection.stateChangeTypes.SelectedItemKeyDownDelete
        ) {
          focusChipAfterRemoval.current = nextActiveIndex ?? activeIndex;
        }
        for (const recipient of removed) removeRecipient(recipient);
      },
    });

  // A chip removed from the keyboard hands focus to its neighbour, or to the input when none is left.
  useEffect(() => {
    const index = focusChipAfterRemoval.current;
    if (index === null) return;
    focusChipAfterRemoval.current = null;
    const neighbour = index >= 0 ? selected[Math.min(index, selected.length - 1)] : undefined;
    const button = neighbour ? chipButtons.current.get(neighbour.id) : undefined;
    if (button) button.focus();
    else inputRef.current?.focus();
  }, [selected]);

  const stateReducer = useCallback(
    (
      state: UseComboboxState<PrincipalItem>,
      { type, changes }: UseComboboxStateChangeOptions<PrincipalItem>,
    ) => {
      if (latest.current.disabled) return { ...changes, isOpen: false, highlightedIndex: -1 };
      switch (type) {
        case useCombobox.stateChangeTypes.InputKeyDownEnter:
        case useCombobox.stateChangeTypes.ItemClick:
          // Enter on no option keeps the menu as it is; choosing one clears the search for the next recipient.
          if (!changes.selectedItem) return state;
          return { ...changes, isOpen: false, highlightedIndex: -1, inputValue: '' };
        case useCombobox.stateChangeTypes.InputBlur:
          // Leaving the field chooses nothing and keeps what was typed.
          return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
        case useCombobox.stateChangeTypes.InputKeyDownEscape:
          // Escape closes the menu; it never throws away what was typed.
          return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
        default:
          return changes;
      }
    },
    [],
  );

  const { isOpen, highlightedIndex, getLabelProps, getMenuProps, getInputProps, getItemProps } =
    useCombobox<PrincipalItem>({
      items,
      itemToString: (item) => item?.displayName ?? '',
      itemToKey: (item) => item?.id,
      isItemDisabled: (item) => itemState(item) !== 'available',
      inputValue,
      selectedItem: null,
      stateReducer,
      onStateChange({ type, selectedItem, inputValue: nextInputValue }) {
        switch (type) {
          case useCombobox.stateChangeTypes.InputChange:
            setInputValue(nextInputValue ?? '');
            break;
          case useCombobox.stateChangeTypes.InputKeyDownEnter:
          case useCombobox.stateChangeTypes.ItemClick:
            if (selectedItem && itemState(selectedItem) === 'available') {
              setInputValue('');
              addRecipients([toRecipientSummary(selectedItem)]);
            }
            break;
          default:
            break;
        }
      },
    });

  const outsideAddress = settled && items.length === 0 && isOutsideOrganization(search);
  useEffect(() => {
    if (!settled) return;
    announce(outsideAddress ? messages.outsideOrganization(search) : messages.resultCount(items.length));
  }, [settled, outsideAddress, search, items, announce, messages]);

  useEffect(() => {
    if (searchEnabled && query.isError && !query.isFetching) announce(messages.searchFailed);
  }, [searchEnabled, query.isError, query.isFetching, announce, messages]);

  // An enclosing dialog closes on Escape, and Radix listens on the document in the capture phase, before the
  // input sees the key. While the menu is open, Escape belongs to the menu: marking it handled (defaultPrevented)
  // from the window, which the event reaches first, keeps the dialog open.
  useEffect(() => {
    const input = inputRef.current;
    const view = input?.ownerDocument.defaultView;
    if (!isOpen || !input || !view) return;
    const claimEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && event.target === input) event.preventDefault();
    };
    view.addEventListener('keydown', claimEscape, true);
    return () => view.removeEventListener('keydown', claimEscape, true);
  }, [isOpen]);

  const lookupUsername = useCallback(
    async (username: string) =>
      exactUserMatch(
        await queryClient.fetchQuery(
          principalSearchQueryOptions(client, { search: username, types: ['user'] }),
        ),
        username,
      ),
    [client, queryClient],
  );

  /** Adds every entry of a list that resolves to a user; lists the others with their reasons. */
  const addEntries = useCallback(
    async (entries: readonly string[]) => {
      const chosen = new Set(
        latest.current.selected.flatMap((recipient) => [
          recipient.name.toLowerCase(),
          recipient.email?.toLowerCase(),
        ]),
      );
      const fresh = entries.filter((entry) => !chosen.has(entry.toLowerCase()));
      if (fresh.length === 0) return;
      setPendingLookups((count) => count + fresh.length);
      const { found, failures } = await resolvePastedRecipients(fresh, lookupUsername, isOutsideOrganization);
      if (!mounted.current) return;
      setPendingLookups((count) => count - fresh.length);
      const chosenIds = new Set(latest.current.selected.map((recipient) => recipient.id));
      const additions = found.filter((item) => !chosenIds.has(item.id)).map(toRecipientSummary);
      if (additions.length > 0) latest.current.onAdd(additions);
      setPasteFailures((previous) => {
        const retried = new Set(fresh.map((entry) => entry.toLowerCase()));
        return [...previous.filter((failure) => !retried.has(failure.entry.toLowerCase())), ...failures];
      });
      announce(messages.pasteSummary(additions.length, failures.length));
    },
    [announce, lookupUsername, isOutsideOrganization, messages],
  );

  const canAddByUsername = !disabled && types.includes('user');

  function handlePaste(event: ClipboardEvent<HTMLInputElement>) {
    if (!canAddByUsername) return;
    const entries = splitRecipientList(event.clipboardData.getData('text'));
    // One entry is pasted as typed text and searched; a list is added entry by entry.
    if (entries.length < 2) return;
    event.preventDefault();
    void addEntries(entries);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && isOpen) {
      // Hosts that listen for Escape while it bubbles (not Radix; see above) must not close on it either.
      event.stopPropagation();
      return;
    }
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (isOpen && highlightedIndex >= 0) return;
    if (search.length === 0) return;
    // Enter on typed text chooses nothing (and must not submit an enclosing form); typed e-mail addresses are
    // added as if pasted.
    event.preventDefault();
    const entries = splitRecipientList(search);
    if (canAddByUsername && entries.length > 0 && entries.every(isEmailAddress)) {
      (event.nativeEvent as DownshiftEvent).preventDownshiftDefault = true;
      setInputValue('');
      void addEntries(entries);
    }
  }

  function removeByClick(event: MouseEvent<HTMLButtonElement>, recipient: RecipientSummary) {
    (event.nativeEvent as DownshiftEvent).preventDownshiftDefault = true;
    removeRecipient(recipient);
    setActiveIndex(-1);
    inputRef.current?.focus();
  }

  const chipErrors = selected.flatMap((recipient) => {
    const message = errorsByPrincipalId?.[recipient.id];
    return message ? [{ recipient, message }] : [];
  });

  let menuStatus: string | null = null;
  if (search.length === 0) menuStatus = messages.typeToSearch;
  else if (searchEnabled && query.isError && !query.isFetching && items.length === 0)
    menuStatus = messages.searchFailed;
  else if (items.length === 0 && busy) menuStatus = messages.searching;
  else if (outsideAddress) menuStatus = messages.outsideOrganization(search);
  else if (settled && items.length === 0) menuStatus = messages.noMatches;

  const describedBy =
    [disabled && disabledReason ? disabledReasonId : null, externalDescribedBy].filter(Boolean).join(' ') ||
    undefined;
  const labelProps = getLabelProps();

  return (
    <div className="sw-recipient-search" data-slot="recipient-search">
      <label className="sw-recipient-search__label" htmlFor={labelProps.htmlFor} id={labelProps.id}>
        {label}
      </label>
      <div
        className={cx('sw-recipient-search__field', disabled && 'sw-recipient-search__field--disabled')}
        data-invalid={chipErrors.length > 0 || undefined}
      >
        {selected.length > 0 ? (
          <ul className="sw-recipient-search__chips" aria-label={messages.selectedList}>
            {selected.map((recipient, index) => {
              const error = errorsByPrincipalId?.[recipient.id];
              // One tab stop for the chips (roving): the active chip, else the last one.
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
                    aria-describedby={error ? `${id}-error-${recipient.id}` : undefined}
                    {...getSelectedItemProps({
                      selectedItem: recipient,
                      index,
                      tabIndex: tabbable ? 0 : -1,
                      onClick: (event: MouseEvent<HTMLButtonElement>) => removeByClick(event, recipient),
                      ref: (node: HTMLButtonElement | null) => {
                        if (node) chipButtons.current.set(recipient.id, node);
                        else chipButtons.current.delete(recipient.id);
                      },
                    })}
                  >
                    <CloseIcon size={12} />
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
        <input
          className="sw-recipient-search__input"
          {...getInputProps(
            getDropdownProps({
              ref: inputRef,
              placeholder: selected.length === 0 ? messages.placeholder : undefined,
              readOnly: disabled,
              'aria-disabled': disabled || undefined,
              'aria-describedby': describedBy,
              onKeyDown: handleKeyDown,
              onPaste: handlePaste,
              // Downshift reports a typed change only after rendering, and renders the old text meanwhile: a key
              // pressed in between lands on the old text and is lost. Taking the text during the event keeps it.
              onChange: (event: ChangeEvent<HTMLInputElement>) => setInputValue(event.target.value),
            }),
          )}
        />
        {busy || pendingLookups > 0 ? (
          <SpinnerIcon size={16} className="sw-recipient-search__spinner" />
        ) : null}
      </div>
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
        {isOpen && menuStatus ? <p className="sw-recipient-search__menu-status">{menuStatus}</p> : null}
      </div>
      {disabled && disabledReason ? (
        <Hint tone="locked" id={disabledReasonId}>
          {disabledReason}
        </Hint>
      ) : null}
      {chipErrors.length > 0 ? (
        <ul className="sw-recipient-search__errors">
          {chipErrors.map(({ recipient, message }) => (
            <li key={recipient.id} id={`${id}-error-${recipient.id}`}>
              <strong>{recipient.displayName}</strong>: {message}
            </li>
          ))}
        </ul>
      ) : null}
      {pendingLookups > 0 ? (
        <p className="sw-recipient-search__progress">{messages.pasteResolving(pendingLookups)}</p>
      ) : null}
      {pasteFailures.length > 0 ? (
        <section className="sw-recipient-search__paste-failures" aria-labelledby={pasteFailuresHeadingId}>
          <div className="sw-recipient-search__paste-failures-header">
            <p id={pasteFailuresHeadingId} className="sw-recipient-search__paste-failures-heading">
              <AlertIcon size={14} />
              <span>{messages.pasteFailuresHeading(pasteFailures.length)}</span>
            </p>
            <button
              type="button"
              className="sw-recipient-search__dismiss"
              onClick={() => {
                setPasteFailures([]);
                inputRef.current?.focus();
              }}
            >
              {messages.dismissPasteFailures}
            </button>
          </div>
          <ul className="sw-recipient-search__paste-failure-list">
            {pasteFailures.map((failure) => (
              <li key={failure.entry}>
                <span className="sw-recipient-search__paste-entry">{failure.entry}</span>
                <span className="sw-recipient-search__paste-reason">
                  {messages.pasteFailure[failure.reason]}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="sw-recipient-search__announcer" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}

/** The second line of an option: a user's e-mail; a container's kind and member count. */
function optionDetail(item: PrincipalItem, messages: RecipientSearchMessages): string {
  if (item.shareRecipientType === 'user') return item.email ?? item.name;
  const kind = messages.recipientType[item.shareRecipientType];
  return item.memberCount === undefined ? kind : `${kind} · ${messages.memberCount(item.memberCount)}`;
}
