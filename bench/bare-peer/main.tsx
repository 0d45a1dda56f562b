/**
 * The bare peer the bench measures Sharewell against: the same stack (React 19, @radix-ui/react-dialog,
 * @tanstack/react-virtual), the data in memory, no product logic, no backend. `?grants=N` sets the access list's
 * length. A `Share` button opens a dialog with a `Share with` combobox over the 100,000-person directory (the first
 * 20 matches, filtered on every keystroke) and the `Shared with` list, virtualized. The bench opens it and types
 * into it with the same in-page probes as the app (`bench/in-page-probes.js`).
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  type BareGrant,
  bareAssetName,
  createDirectory,
  createGrants,
  searchDirectory,
} from './directory.ts';
import './bare-peer.css';

/** As many suggestions as Sharewell's search asks for (`PRINCIPAL_SEARCH_PAGE_SIZE`). */
const SUGGESTIONS = 20;
const ROW_HEIGHT = 84;

const grantCount = Number(new URLSearchParams(window.location.search).get('grants') ?? 100);
const directory = createDirectory();
const grants = createGrants(directory, grantCount);
const assetName = bareAssetName(grantCount);

function Suggestions({ query, listboxId }: { query: string; listboxId: string }) {
  const found = useMemo(() => searchDirectory(directory, query, SUGGESTIONS), [query]);
  return (
    <div id={listboxId} role="listbox" aria-label="Suggestions" className="bare-suggestions">
      {found.map((person) => (
        <div key={person.id} role="option" aria-selected={false} tabIndex={-1} className="bare-suggestion">
          <span className="bare-name">{person.displayName}</span> <span>{person.email}</span>
        </div>
      ))}
    </div>
  );
}

function ShareWith() {
  const [query, setQuery] = useState('');
  const listboxId = useId();
  const open = query.trim().length > 0;
  return (
    <div className="bare-combobox">
      <input
        role="combobox"
        aria-label="Share with"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listboxId}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {open ? <Suggestions query={query} listboxId={listboxId} /> : null}
    </div>
  );
}

function Row({ grant, index, start }: { grant: BareGrant; index: number; start: number }) {
  const name = grant.person.displayName;
  return (
    <li
      className="bare-row"
      aria-posinset={index + 1}
      aria-setsize={grants.length}
      style={{ transform: `translateY(${start}px)` }}
    >
      <div className="bare-row__main">
        <span className="bare-name">{name}</span>
        <span>{grant.person.email}</span>
        <label>
          <input type="checkbox" defaultChecked={grant.canShare} aria-label={`Allow sharing for ${name}`} />{' '}
          Allow sharing
        </label>
      </div>
      <select defaultValue={grant.role} aria-label={`Role for ${name}`}>
        <option value="OWNER">Owner</option>
        <option value="EDITOR">Editor</option>
        <option value="CONSUMER">Consumer</option>
      </select>
      <button type="button" aria-label={`Remove access for ${name}`}>
        Remove
      </button>
    </li>
  );
}

function SharedWith() {
  const viewportRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const virtualizer = useVirtualizer({
    count: grants.length,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  return (
    <>
      <h3 id={titleId}>Shared with ({grants.length.toLocaleString('en-US')})</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard. */}
      <section ref={viewportRef} className="bare-viewport" aria-labelledby={titleId} tabIndex={0}>
        <ul aria-labelledby={titleId} className="bare-list" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const grant = grants[item.index];
            return grant ? <Row key={item.key} grant={grant} index={item.index} start={item.start} /> : null;
          })}
        </ul>
      </section>
    </>
  );
}

function BarePeer() {
  return (
    <main>
      <h1>Bare peer</h1>
      <p>{assetName}</p>
      <Dialog.Root>
        <Dialog.Trigger>Share</Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="bare-overlay" />
          <Dialog.Content className="bare-dialog" aria-describedby={undefined}>
            <Dialog.Title>Share {assetName}</Dialog.Title>
            <ShareWith />
            <SharedWith />
            <Dialog.Close>Close</Dialog.Close>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
createRoot(container).render(<BarePeer />);
