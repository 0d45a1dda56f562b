import * as Dialog from '@radix-ui/react-dialog';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Account, Asset } from '../../api/contract.ts';
import { changeRequestToBody } from '../../api/wire-mapping.ts';
import { findRole, roleAtLevel } from '../../sharing/asset-types.ts';
import {
  canActorShare,
  defaultNewRecipientRole,
  newRecipientRoleOptions,
} from '../../sharing/capabilities.ts';
import {
  hasUnsavedInput,
  type InviteSettings,
  initialInviteSettings,
  type RecipientSummary,
} from '../../sharing/draft.ts';
import {
  type AssetPlan,
  assetsWithoutOption,
  planAssetRequest,
  type SelectedAsset,
  type SelectionOption,
  type SelectionTransfer,
  selectionAssetType,
  selectionOptions,
} from '../../sharing/multi-asset.ts';
import type { ActorStanding, AssetTypeConfig, Level } from '../../sharing/types.ts';
import { createDialogStore, type DialogState, useDialogState } from '../dialog-store.ts';
import { SharingEditorContext, type SharingEditorValue } from '../editor-context.ts';
import { type InviteFormState, useInviteForm, useInviteFormState } from '../invite-form.ts';
import { DiscardChangesDialog } from '../parts/discard-changes-dialog.tsx';
import { ShareDialogInvite } from '../parts/invite-section.tsx';
import { useDebouncedValue } from '../recipient-search/use-debounced-value.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { useShareDialogRoot } from '../share-dialog-root.tsx';
import { Button } from '../ui/button.tsx';
import { Hint } from '../ui/hint.tsx';
import { PREVIEW_DEBOUNCE_MS } from '../use-impact-preview.ts';
import { AssetTable } from './asset-table.tsx';
import type { MultiAssetMessages } from './messages.ts';
import {
  type AssetRequestJob,
  type MultiAssetRequestContext,
  previewAssets,
  saveAssets,
} from './multi-asset-requests.ts';
import { type AssetEntry, type MultiAssetStore, useMultiAssetEntries } from './multi-asset-store.ts';
import { TransferSection } from './transfer-section.tsx';

/** Props of {@link MultiAssetEditor}. */
export interface MultiAssetEditorProps {
  account: Account;
  store: MultiAssetStore;
  /** Runs a batch of requests once the batches before it are done. */
  enqueue<T>(run: () => Promise<T>): Promise<T>;
  messages: MultiAssetMessages;
}

/** Editing, then saving, then the results. */
export type MultiAssetPhase = 'editing' | 'saving' | 'done';

const selectDraft = (state: DialogState) => state.draft;
const selectValues = (state: InviteFormState) => state.values;

/**
 * The selection as the invite part sees it: one asset of the selection's type, at the actor's highest level. It
 * has no lineage and no link: those belong to one asset.
 */
function selectionAsAsset(selectionType: AssetTypeConfig, actor: ActorStanding, name: string): Asset {
  const yourRole = actor.level > 0 ? roleAtLevel(selectionType, actor.level)?.name : undefined;
  return {
    id: '',
    name,
    assetType: selectionType.id,
    collection: '',
    yourRole: yourRole ?? 'NO_ROLE',
    canShare: actor.canShare,
    sharedWithCount: 0,
  };
}

function selectedAssetOf(entry: AssetEntry): SelectedAsset | null {
  if (entry.load.status !== 'ready' || !entry.assetType) return null;
  return { id: entry.load.asset.id, name: entry.load.asset.name, assetType: entry.assetType };
}

/** The actor across the selection: the highest level held and whether any asset may be shared; each asset's own
 * standing is judged by its preview. */
function selectionStanding(account: Account, entries: readonly AssetEntry[]): ActorStanding {
  let level: Level | 0 = 0;
  let canShare = false;
  for (const entry of entries) {
    if (entry.load.status !== 'ready' || !entry.assetType) continue;
    const held = findRole(entry.assetType, entry.load.asset.yourRole)?.level ?? 0;
    if (held > level) level = held;
    canShare ||= entry.load.asset.canShare;
  }
  return { principalId: account.id, level, canShare };
}

function jobOf(index: number, plan: AssetPlan | null): AssetRequestJob | null {
  if (!plan?.request) return null;
  const body = changeRequestToBody(plan.request);
  return {
    index,
    assetType: plan.asset.assetType,
    assetId: plan.asset.id,
    body,
    key: JSON.stringify(body),
    changes: plan.request.changes,
  };
}

function isSettled(entry: AssetEntry | undefined, job: AssetRequestJob): boolean {
  return entry?.preview?.key === job.key && entry.preview.status !== 'checking';
}

/**
 * One draft for the whole selection — recipients, generic level, options, note, a hand-over — previewed per asset,
 * then saved as one request per asset, a few at a time, with a result per asset.
 */
export function MultiAssetEditor({ account, store, enqueue, messages }: MultiAssetEditorProps) {
  const config = useShareDialogConfig();
  const { now } = config;
  const queryClient = useQueryClient();
  const root = useShareDialogRoot();
  const id = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const entries = useMultiAssetEntries(store);

  // The selection is fixed once loaded: what is planned below changes with the draft only.
  const [selected] = useState(() => store.getState().map(selectedAssetOf));
  const assets = useMemo(() => selected.filter((asset) => asset !== null), [selected]);
  const selectionType = useMemo(() => selectionAssetType(assets.map((asset) => asset.assetType)), [assets]);
  const [actor] = useState(() => selectionStanding(account, store.getState()));
  const sharing = useMemo(() => canActorShare(selectionType, actor), [selectionType, actor]);
  const roleOptions = useMemo(() => newRecipientRoleOptions(selectionType, actor), [selectionType, actor]);

  const [dialogStore] = useState(createDialogStore);
  const draft = useDialogState(dialogStore, selectDraft);
  const form = useInviteForm(
    initialInviteSettings(selectionType, defaultNewRecipientRole(selectionType, actor).name),
  );
  const invite: InviteSettings = useInviteFormState(form, selectValues);
  const editor = useMemo<SharingEditorValue>(
    () => ({
      assetType: selectionType,
      asset: selectionAsAsset(selectionType, actor, config.messages.dialogTitleMany(assets.length)),
      account,
      actor,
      sharing,
      roleOptions,
      store: dialogStore,
      form,
      ids: { sharingReason: `${id}-sharing-reason`, roleReasons: `${id}-role-reasons`, listTitle: '' },
    }),
    [
      selectionType,
      actor,
      config.messages,
      assets.length,
      account,
      sharing,
      roleOptions,
      dialogStore,
      form,
      id,
    ],
  );

  const [newOwner, setNewOwner] = useState<RecipientSummary | null>(null);
  const [removeMine, setRemoveMine] = useState(false);
  const transfer = useMemo<SelectionTransfer | null>(
    () =>
      newOwner
        ? { newOwner, actorId: account.id, afterwards: removeMine ? 'remove' : 'keepReadWrite' }
        : null,
    [newOwner, removeMine, account.id],
  );

  const plans = useMemo(
    () => selected.map((asset) => (asset ? planAssetRequest(draft, invite, asset, now(), transfer) : null)),
    [selected, draft, invite, transfer, now],
  );
  const jobs = useMemo(() => plans.map((plan, index) => jobOf(index, plan)), [plans]);
  const sendable = useMemo(() => jobs.filter((job) => job !== null), [jobs]);

  const names = useMemo(() => {
    const known = new Map<string, string>([[account.id, account.fullName]]);
    for (const { principal } of draft.additions) known.set(principal.id, principal.displayName);
    if (newOwner) known.set(newOwner.id, newOwner.displayName);
    return known;
  }, [account, draft.additions, newOwner]);
  const nameOf = useCallback((principalId: string) => names.get(principalId), [names]);
  const context = useMemo<MultiAssetRequestContext>(
    () => ({
      client: config.client,
      queryClient,
      store,
      nameOf,
      formatEntry: config.messages.entryError,
    }),
    [config.client, config.messages.entryError, queryClient, store, nameOf],
  );

  const [phase, setPhase] = useState<MultiAssetPhase>('editing');

  // --- Preview each asset's request once the draft rests; a newer draft stops the older batch.
  const restingJobs = useDebouncedValue(sendable, PREVIEW_DEBOUNCE_MS);
  const previewRun = useRef(0);
  const contextNow = useRef(context);
  contextNow.current = context;
  useEffect(() => {
    if (phase !== 'editing') return;
    const run = ++previewRun.current;
    const current = store.getState();
    const stale = restingJobs.filter((job) => {
      const entry = current[job.index];
      return !isSettled(entry, job) || entry?.preview?.status === 'failed';
    });
    if (stale.length === 0) return;
    void enqueue(() => previewAssets(contextNow.current, stale, () => previewRun.current === run));
  }, [restingJobs, phase, store, enqueue]);
  const previewsSettled =
    restingJobs === sendable && sendable.every((job) => isSettled(entries[job.index], job));

  // --- Save: one request per asset, each with its own If-Match; then the results.
  const save = useCallback(
    (only: readonly AssetRequestJob[]) => {
      setPhase('saving');
      void enqueue(() => saveAssets(context, only)).finally(() => setPhase('done'));
    },
    [enqueue, context],
  );
  const submit = useCallback(() => {
    void form.handleSubmit(() => save(sendable))();
  }, [form, save, sendable]);
  const failedJobs = sendable.filter((job) => entries[job.index]?.outcome?.status === 'failed');

  // Saving and its results take the place of the editor: focus goes to the status, so every user hears it.
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (phase !== 'editing') statusRef.current?.focus();
  }, [phase]);

  // Once loaded, start where sharing starts: in `Share with`, unless the person has already moved on.
  useEffect(() => {
    const dialog = bodyRef.current?.closest<HTMLElement>('[role="dialog"]');
    const active = document.activeElement;
    if (!dialog || (active && active !== dialog && active !== document.body && dialog.contains(active)))
      return;
    bodyRef.current?.querySelector<HTMLElement>('[role="combobox"]:not([aria-disabled="true"])')?.focus();
  }, []);

  // --- Closing: not while saving; with unsaved input, ask first.
  const [confirmOpen, setConfirmOpen] = useState(false);
  const closeState = useRef({ phase, unsaved: false });
  closeState.current = { phase, unsaved: hasUnsavedInput(draft, invite) || newOwner !== null };
  useEffect(() => {
    const guard = root.closeGuardRef;
    guard.current = () => {
      const { phase: now, unsaved } = closeState.current;
      if (now === 'saving') return false;
      if (now === 'editing' && unsaved) {
        setConfirmOpen(true);
        return false;
      }
      return true;
    };
    return () => {
      guard.current = null;
    };
  }, [root.closeGuardRef]);

  const optionLabels: Record<SelectionOption, string> = {
    allowSharing: config.messages.allowSharing,
    canUseData: config.messages.canUseData,
    expiry: config.messages.expiry.accessExpires,
    note: config.messages.addNote,
    notify: config.messages.sendNotification,
  };
  // Each group of options that the same assets lack is said once, naming those assets.
  const gapsByAssets = new Map<string, { labels: string[]; lacking: SelectedAsset[] }>();
  for (const option of selectionOptions) {
    if (!selectionType.options[option]) continue;
    const lacking = assetsWithoutOption(assets, option);
    if (lacking.length === 0) continue;
    const key = lacking.map((asset) => asset.id).join(',');
    const gap = gapsByAssets.get(key) ?? { labels: [], lacking };
    gap.labels.push(optionLabels[option]);
    gapsByAssets.set(key, gap);
  }
  const optionGaps = [...gapsByAssets].map(([key, { labels, lacking }]) => {
    const shown = lacking.slice(0, 3).map((asset) => asset.name);
    return { key, text: messages.optionNotApplied(labels, shown, lacking.length - shown.length) };
  });

  const counts = { changed: 0, refused: 0, failed: 0 };
  let finished = 0;
  for (const job of sendable) {
    const status = entries[job.index]?.outcome?.status;
    if (status === 'changed' || status === 'refused' || status === 'failed') {
      counts[status] += 1;
      finished += 1;
    }
  }
  const notLoaded = selected.filter((asset) => asset === null).length;
  const saveTargets =
    phase === 'editing' ? sendable.length : sendable.filter((job) => entries[job.index]?.outcome).length;
  const canSave = phase === 'editing' && sendable.length > 0 && previewsSettled && sharing.allowed;
  const primaryLabel = draft.additions.length > 0 ? config.messages.share : config.messages.save;

  return (
    <>
      <div ref={bodyRef} className="sw-body" data-slot="share-dialog-body">
        {notLoaded > 0 ? <Hint tone="danger">{messages.someNotLoaded(notLoaded)}</Hint> : null}
        {phase === 'editing' ? (
          <>
            <SharingEditorContext.Provider value={editor}>
              <ShareDialogInvite />
            </SharingEditorContext.Provider>
            {optionGaps.length > 0 ? (
              <div className="sw-multi__gaps">
                {optionGaps.map((gap) => (
                  <Hint key={gap.key}>{gap.text}</Hint>
                ))}
              </div>
            ) : null}
            <TransferSection
              selectionType={selectionType}
              actorId={account.id}
              newOwner={newOwner}
              onNewOwnerChange={setNewOwner}
              removeMine={removeMine}
              onRemoveMineChange={setRemoveMine}
              disabled={!sharing.allowed}
              messages={messages}
            />
          </>
        ) : null}
        <AssetTable
          entries={entries}
          plans={plans}
          jobs={jobs}
          phase={phase}
          messages={messages}
          nameOf={nameOf}
        />
      </div>

      <div className="sw-footer" data-slot="share-dialog-footer">
        {phase === 'saving' ? (
          <progress
            className="sw-multi__progress"
            aria-label={messages.progress}
            aria-valuetext={messages.progressText(finished, saveTargets)}
            value={finished}
            max={Math.max(1, saveTargets)}
          />
        ) : null}
        <p
          ref={statusRef}
          id={`${id}-status`}
          role="status"
          tabIndex={-1}
          className="sw-footer__status"
          data-slot="multi-asset-status"
        >
          {phase === 'saving'
            ? `${messages.progressText(finished, saveTargets)} ${messages.closeWhileSaving}`
            : phase === 'done'
              ? messages.summary(counts)
              : sendable.length > 0 && !previewsSettled
                ? messages.checking
                : ''}
        </p>
        <div className="sw-footer__actions">
          {phase === 'editing' ? (
            <>
              <Dialog.Close asChild>
                <Button>{config.messages.cancel}</Button>
              </Dialog.Close>
              <Button
                variant="primary"
                disabled={!canSave}
                aria-describedby={sendable.length > 0 && !previewsSettled ? `${id}-status` : undefined}
                onClick={submit}
              >
                {primaryLabel}
              </Button>
            </>
          ) : phase === 'done' ? (
            <>
              {failedJobs.length > 0 ? (
                <Button onClick={() => save(failedJobs)}>{messages.retryFailed}</Button>
              ) : null}
              <Dialog.Close asChild>
                <Button variant="primary">{messages.done}</Button>
              </Dialog.Close>
            </>
          ) : null}
        </div>
      </div>

      <DiscardChangesDialog
        open={confirmOpen}
        onKeepEditing={() => setConfirmOpen(false)}
        onDiscard={() => {
          setConfirmOpen(false);
          root.forceClose();
        }}
      />
    </>
  );
}
