import { lazy, type ReactNode, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { findRole, roleAtLevel } from '../../sharing/asset-types.ts';
import type { GrantLookup } from '../../sharing/draft.ts';
import { readWriteRoleOf, transferDraftActions } from '../../sharing/transfer.ts';
import { type ActorStanding, type AssetTypeConfig, type Grant, OWNER_LEVEL } from '../../sharing/types.ts';
import type { DialogStore } from '../dialog-store.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { useHasBeenTrue } from '../ui/use-has-been-true.ts';

const loadMakeOwnerDialog = () => import('./make-owner-dialog.tsx');
const MakeOwnerDialog = lazy(() =>
  loadMakeOwnerDialog().then((module) => ({ default: module.MakeOwnerDialog })),
);

/**
 * The confirmation's code loads once `Make owner` is pointed at or focused, so that it is there by the press; a
 * press without either loads it then.
 */
export function preloadMakeOwnerDialog(): void {
  void loadMakeOwnerDialog();
}

/** What `Make owner` needs of the editor. */
export interface MakeOwnerOptions {
  store: DialogStore;
  assetType: AssetTypeConfig;
  actor: ActorStanding;
  lookup: GrantLookup;
}

/**
 * `Make owner` on a person's row: asks whether the actor also removes their own access, then puts the hand-over
 * into the draft — the person at the owner role, the actor removed or at read-write — so that one save applies
 * both and R9 holds throughout. Answers the row action and the dialog to render.
 */
export function useMakeOwner({ store, assetType, actor, lookup }: MakeOwnerOptions): {
  offer(grant: Grant, name: string): void;
  dialog: ReactNode;
} {
  const { messages, roleLabel } = useShareDialogConfig();
  const [target, setTarget] = useState<{ grant: Grant; name: string } | null>(null);
  const focusAfter = useRef<string | null>(null);

  const offer = useCallback((grant: Grant, name: string) => setTarget({ grant, name }), []);
  const labels = useMemo(() => {
    const owner = roleAtLevel(assetType, OWNER_LEVEL);
    const readWrite = findRole(assetType, readWriteRoleOf(assetType));
    return {
      owner: owner ? roleLabel(assetType, owner) : '',
      readWrite: readWrite ? roleLabel(assetType, readWrite) : '',
    };
  }, [assetType, roleLabel]);

  const confirm = (removeMine: boolean) => {
    if (!target) return;
    // The actor's own grant may lie beyond what is loaded: the edit names it by id all the same.
    const mine = lookup(actor.principalId) ?? {
      principalId: actor.principalId,
      principalType: 'user',
      role: roleAtLevel(assetType, OWNER_LEVEL)?.name ?? 'OWNER',
      canShare: true,
      canUseData: true,
    };
    for (const action of transferDraftActions(
      assetType,
      target.grant,
      mine,
      removeMine ? 'remove' : 'keepReadWrite',
    ))
      store.dispatch(action);
    focusAfter.current = messages.roleFor(target.name);
    setTarget(null);
  };

  const asked = useHasBeenTrue(target !== null);
  const dialog = asked ? (
    <Suspense fallback={null}>
      <MakeOwnerDialog
        name={target?.name ?? null}
        ownerLabel={labels.owner}
        readWriteLabel={labels.readWrite}
        onConfirm={confirm}
        onCancel={() => setTarget(null)}
        onCloseAutoFocus={(event) => {
          // After a hand-over the row's Make owner is gone: focus its role, which now shows the change.
          const label = focusAfter.current;
          focusAfter.current = null;
          const select = label
            ? [...document.querySelectorAll('select')].find(
                (element) => element.getAttribute('aria-label') === label,
              )
            : undefined;
          if (select) {
            event.preventDefault();
            select.focus();
          }
        }}
      />
    </Suspense>
  ) : null;
  return { offer, dialog };
}
