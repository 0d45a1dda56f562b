import { memo, useId } from 'react';
import type { SharedRolesPreview } from '../../api/contract.ts';
import type { AssetPlan } from '../../sharing/multi-asset.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Badge } from '../ui/badge.tsx';
import { Hint } from '../ui/hint.tsx';
import type { MultiAssetMessages } from './messages.ts';
import type { MultiAssetPhase } from './multi-asset-editor.tsx';
import type { AssetRequestJob } from './multi-asset-requests.ts';
import type { AssetEntry, AssetOutcome, FailureCause } from './multi-asset-store.ts';

/** Props of {@link AssetTable}. `plans[i]` and `jobs[i]` belong to `entries[i]`. */
export interface AssetTableProps {
  entries: readonly AssetEntry[];
  plans: readonly (AssetPlan | null)[];
  jobs: readonly (AssetRequestJob | null)[];
  phase: MultiAssetPhase;
  messages: MultiAssetMessages;
  nameOf(principalId: string): string | undefined;
}

/** How many names a line of the preview lists before "and N more". */
const NAMES_SHOWN = 3;

function PreviewLines({
  preview,
  job,
  nameOf,
}: {
  preview: SharedRolesPreview;
  job: AssetRequestJob;
  nameOf: AssetTableProps['nameOf'];
}) {
  const { messages } = useShareDialogConfig();
  const { impact } = preview;
  const total = impact.counts.gains + impact.counts.changes + impact.counts.loses;
  const groups = (['gains', 'changes', 'loses'] as const).filter((kind) => impact[kind].length > 0);
  return (
    <>
      <span className="sw-multi__line">
        {total > 0 ? messages.impactSummary(impact.counts) : messages.impactNothing}
      </span>
      {groups.map((kind) => {
        const names = impact[kind].slice(0, NAMES_SHOWN).map((entry) => entry.displayName);
        return (
          <span key={kind} className="sw-multi__line sw-multi__line--muted">
            {messages.impactNames(kind, names, impact.counts[kind] - names.length)}
          </span>
        );
      })}
      {preview.errors.map((error) => {
        const change = error.index === null ? undefined : job.changes[error.index];
        const name = (change?.recipient.id && nameOf(change.recipient.id)) || error.recipient;
        return (
          <Hint key={`${error.index}-${error.code}`} tone="danger">
            {name ? messages.entryError(name, error.message) : error.message}
          </Hint>
        );
      })}
    </>
  );
}

function failureText(messages: MultiAssetMessages, cause: FailureCause, message: string | undefined): string {
  switch (cause) {
    case 'conflict':
      return messages.conflict;
    case 'server':
      return messages.serverError;
    case 'network':
      return messages.networkError;
    case 'signedOut':
      return messages.signedOut;
    case 'other':
      return message ?? messages.serverError;
  }
}

function OutcomeLines({ outcome, messages }: { outcome: AssetOutcome; messages: MultiAssetMessages }) {
  switch (outcome.status) {
    case 'waiting':
      return <Badge>{messages.waiting}</Badge>;
    case 'saving':
      return <Badge tone="pending">{messages.saving}</Badge>;
    case 'changed':
      return <Badge className="sw-multi__changed">{messages.changed}</Badge>;
    case 'refused':
      return (
        <>
          <Badge tone="danger">{messages.refused}</Badge>
          {outcome.messages.map((message) => (
            <Hint key={message} tone="danger">
              {message}
            </Hint>
          ))}
        </>
      );
    case 'failed':
      return (
        <>
          <Badge tone="danger">{messages.failed}</Badge>
          <Hint tone="danger">{failureText(messages, outcome.cause, outcome.message)}</Hint>
        </>
      );
  }
}

function AssetCell({
  entry,
  plan,
  job,
  phase,
  messages,
  nameOf,
}: {
  entry: AssetEntry;
  plan: AssetPlan | null;
  job: AssetRequestJob | null;
  phase: MultiAssetPhase;
  messages: MultiAssetMessages;
  nameOf: AssetTableProps['nameOf'];
}) {
  const { roleLabel } = useShareDialogConfig();
  if (entry.load.status === 'loading') return <span className="sw-multi__line">{messages.loading}</span>;
  if (entry.load.status === 'failed')
    return <Hint tone="danger">{entry.load.notFound ? messages.notFound : messages.loadFailed}</Hint>;
  if (!plan) return null;

  const leftOut = plan.leftOut.map((left) => (
    <Hint key={left.recipient.id} tone="locked">
      {left.message}
    </Hint>
  ));
  if (!job) {
    return (
      <>
        {phase !== 'editing' && leftOut.length > 0 ? <Badge tone="danger">{messages.refused}</Badge> : null}
        {leftOut.length > 0 ? leftOut : <span className="sw-multi__line">{messages.nothingToChange}</span>}
      </>
    );
  }
  const preview = entry.preview?.key === job.key ? entry.preview : null;
  const showsPreview =
    phase === 'editing' || (entry.outcome?.status === 'failed' && entry.outcome.cause === 'conflict');
  return (
    <>
      {entry.outcome && phase !== 'editing' ? (
        <OutcomeLines outcome={entry.outcome} messages={messages} />
      ) : null}
      {showsPreview ? (
        !preview || preview.status === 'checking' ? (
          <span className="sw-multi__line sw-multi__line--muted">{messages.checking}</span>
        ) : preview.status === 'failed' ? (
          <Hint tone="danger">{messages.checkFailed}</Hint>
        ) : (
          <PreviewLines preview={preview.preview} job={job} nameOf={nameOf} />
        )
      ) : null}
      {phase === 'editing' && plan.request?.changes.some((change) => change.role === plan.role.name) ? (
        <span className="sw-multi__line sw-multi__line--muted">
          {messages.sentAs(roleLabel(plan.asset.assetType, plan.role))}
        </span>
      ) : null}
      {leftOut}
    </>
  );
}

interface AssetRowProps {
  entry: AssetEntry;
  plan: AssetPlan | null;
  job: AssetRequestJob | null;
  phase: MultiAssetPhase;
  messages: MultiAssetMessages;
  nameOf: AssetTableProps['nameOf'];
}

/** One asset; it re-renders only when its own entry, plan or the phase changes, not when another asset answers. */
const AssetRow = memo(function AssetRow({ entry, plan, job, phase, messages, nameOf }: AssetRowProps) {
  const { registry } = useShareDialogConfig();
  const name = entry.load.status === 'ready' ? entry.load.asset.name : entry.ref.assetId;
  const typeLabel = entry.assetType?.label ?? registry.get(entry.ref.assetType)?.label ?? entry.ref.assetType;
  return (
    <tr data-status={entry.outcome?.status}>
      <th scope="row">
        <span className="sw-multi__name">{name}</span>
        <span className="sw-multi__type">{typeLabel}</span>
      </th>
      <td>
        <div className="sw-multi__cell">
          <AssetCell entry={entry} plan={plan} job={job} phase={phase} messages={messages} nameOf={nameOf} />
        </div>
      </td>
    </tr>
  );
});

/** Every selected asset: before saving, what its request would do; then what its save did. */
export function AssetTable({ entries, plans, jobs, phase, messages, nameOf }: AssetTableProps) {
  const headingId = useId();
  return (
    <div className="sw-section sw-section--divided sw-multi__assets" data-slot="multi-asset-table">
      <h3 id={headingId} className="sw-section__title">
        {messages.assetsHeading}
      </h3>
      <section
        className="sw-multi__scroll"
        aria-labelledby={headingId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
        tabIndex={0}
      >
        <table className="sw-multi__table">
          <thead>
            <tr>
              <th scope="col">{messages.columnAsset}</th>
              <th scope="col">{phase === 'editing' ? messages.columnBeforeSaving : messages.columnResult}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <AssetRow
                key={`${entry.ref.assetType}:${entry.ref.assetId}`}
                entry={entry}
                plan={plans[index] ?? null}
                job={jobs[index] ?? null}
                phase={phase}
                messages={messages}
                nameOf={nameOf}
              />
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
