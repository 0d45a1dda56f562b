import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { AccessRequestEntry } from '../../api/get-access-requests.ts';
import type { GrantLookup } from '../../sharing/draft.ts';
import type { ActorStanding, AssetTypeConfig } from '../../sharing/types.ts';
import type { DialogStore } from '../dialog-store.ts';
import { useHasBeenTrue } from '../ui/use-has-been-true.ts';
import './access-requests.css';
import { accessRequestMessages as text } from './messages.ts';

// The requests' code loads once the disclosure is expanded: the count is all a closed one shows.
const RequestList = lazy(() =>
  import('./request-list.tsx').then((module) => ({ default: module.RequestList })),
);

/** Props of {@link RequestsToAnswer}. */
export interface RequestsToAnswerProps {
  assetType: AssetTypeConfig;
  assetId: string;
  actor: ActorStanding;
  /** Pending requests of others, oldest first. */
  requests: readonly AccessRequestEntry[];
  store: DialogStore;
  /** The requester's grant on the list as loaded. */
  lookup: GrantLookup;
  /** Start expanded, with focus on the disclosure (opened from a notification's link). */
  initiallyOpen: boolean;
}

/** `Requests (<n>)`: the pending requests the actor may answer, each with `Approve` (into the draft) and `Decline`. */
export function RequestsToAnswer({ initiallyOpen, ...listProps }: RequestsToAnswerProps) {
  const id = useId();
  const [open, setOpen] = useState(initiallyOpen);
  // Once expanded, the list stays mounted while collapsed: a decline being written is kept.
  const expandedOnce = useHasBeenTrue(open);
  const [announcement, setAnnouncement] = useState('');
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (initiallyOpen) toggleRef.current?.focus();
  }, [initiallyOpen]);

  return (
    <section className="sw-section sw-section--divided sw-requests" data-slot="access-requests">
      <button
        ref={toggleRef}
        type="button"
        className="sw-requests__toggle"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <svg className="sw-requests__chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="m9 6 6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        {text.requests(listProps.requests.length)}
      </button>
      <p role="status" className="sw-requests__status">
        {announcement}
      </p>
      <div id={`${id}-list`} hidden={!open}>
        {expandedOnce ? (
          <Suspense fallback={<p className="sw-list-status">{text.loadingRequests}</p>}>
            <RequestList {...listProps} onDeclined={(fullName) => setAnnouncement(text.declined(fullName))} />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
}
