import { type ChangeEvent, useEffect, useState } from 'react';
import { useAccessList, useSharingEditor } from '../editor-context.ts';
import { useDebouncedValue } from '../recipient-search/use-debounced-value.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { cx } from '../ui/cx.ts';
import { SearchIcon } from '../ui/icons.tsx';
import { ListSkeleton } from './panel-skeleton.tsx';
import { SharedWithList } from './shared-with-list.tsx';

/** How long typing in `Filter people` must pause before the list is asked for again. */
export const FILTER_DEBOUNCE_MS = 300;

/** Props of {@link ShareDialogSharedWith}: only a class; the list is the editor's. */
export interface ShareDialogSharedWithProps {
  /** Extra classes on the section (it already has `sw-shared-with`). */
  className?: string;
}

/** `Filter people`: the list is asked for again, filtered on the server, once typing pauses. */
function FilterPeople() {
  const { messages } = useShareDialogConfig();
  const { setFilter } = useAccessList();
  const [text, setText] = useState('');
  const settled = useDebouncedValue(text.trim(), FILTER_DEBOUNCE_MS);
  useEffect(() => setFilter(settled), [settled, setFilter]);
  return (
    <div className="sw-filter">
      <SearchIcon />
      <input
        type="search"
        className="sw-input"
        aria-label={messages.filterPeople}
        placeholder={messages.filterPlaceholder}
        value={text}
        onChange={(event: ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
      />
    </div>
  );
}

/** What is below the filter: skeletons, the failure with Retry, "no one", or the list itself. */
function SharedWithBody() {
  const { messages } = useShareDialogConfig();
  const { status, entries, filter, retry } = useAccessList();
  if (status === 'pending') return <ListSkeleton />;
  if (status === 'error') {
    return (
      <div className="sw-error-state">
        <p className="sw-hint sw-hint--danger">{messages.listLoadFailed}</p>
        <Button size="sm" onClick={retry}>
          {messages.retry}
        </Button>
      </div>
    );
  }
  if (entries.length === 0) {
    return <p className="sw-list-status">{filter ? messages.noMatches(filter) : messages.emptyList}</p>;
  }
  return <SharedWithList />;
}

/** `Shared with`: who has access, how many, a filter, and the virtualized list of grants, each editable in place. */
export function ShareDialogSharedWith({ className }: ShareDialogSharedWithProps) {
  const { messages } = useShareDialogConfig();
  const { ids } = useSharingEditor();
  const { status, totalCount } = useAccessList();
  return (
    <section
      className={cx('sw-section sw-section--divided sw-shared-with', className)}
      data-slot="shared-with"
    >
      <div className="sw-section__head">
        <h3 id={ids.listTitle} className="sw-section__title">
          {messages.sharedWith}
        </h3>
        {status === 'success' ? (
          <span className="sw-section__meta">{messages.sharedWithCount(totalCount)}</span>
        ) : null}
      </div>
      <FilterPeople />
      <SharedWithBody />
    </section>
  );
}
