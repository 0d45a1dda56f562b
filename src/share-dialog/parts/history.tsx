import { lazy, Suspense, useCallback, useId, useState } from 'react';
import { type DialogState, useDialogState } from '../dialog-store.ts';
import { useSharingEditor } from '../editor-context.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { ListSkeleton } from './panel-skeleton.tsx';
import '../history/history-section.css';

// The view and its texts load when first opened: until then the History costs the dialog one button.
const HistoryPanel = lazy(() => import('../history/history-panel.tsx'));

const selectHasUndos = (state: DialogState) => state.draft.undos.length > 0;

/**
 * `History`, a disclosure beside the access list: who changed sharing, when, and `Undo` (SPEC §10). Shown to those
 * who may share (R7), the only ones the history is answered to.
 */
export function ShareDialogHistory() {
  const { messages } = useShareDialogConfig();
  const { assetType, asset, store, sharing } = useSharingEditor();
  const assetId = asset.id;
  const id = useId();
  const panelId = `${id}-panel`;
  const [expanded, setExpanded] = useState(false);
  const hasUndos = useDialogState(store, selectHasUndos);
  const toggle = useCallback(() => setExpanded((open) => !open), []);
  if (!sharing.allowed) return null;
  return (
    <section className="sw-section sw-section--divided sw-history-section" data-slot="history">
      <h3 className="sw-section__title">
        <button
          type="button"
          className="sw-disclosure"
          aria-expanded={expanded}
          aria-controls={expanded ? panelId : undefined}
          onClick={toggle}
        >
          <svg className="sw-disclosure__icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.75" />
          </svg>
          {messages.history}
        </button>
      </h3>
      {expanded || hasUndos ? (
        <Suspense fallback={expanded ? <ListSkeleton /> : null}>
          <HistoryPanel
            assetType={assetType}
            assetId={assetId}
            store={store}
            expanded={expanded}
            panelId={panelId}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
