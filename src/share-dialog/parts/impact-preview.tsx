import type { AccessImpact, ImpactEntry } from '../../sharing/policy.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { InfoIcon, SpinnerIcon } from '../ui/icons.tsx';

/** Props of {@link ImpactPreview}: the latest answer, and whether a newer one is coming or the last one failed. */
export interface ImpactPreviewProps {
  impact: AccessImpact | undefined;
  /** A newer preview is on its way (the one shown, if any, is for an earlier draft). */
  checking: boolean;
  failed: boolean;
}

/** How many names each part of the preview lists before "and N more". */
const NAMES_SHOWN = 5;

function namesOf(entries: readonly ImpactEntry[], total: number): { names: string[]; more: number } {
  const names = entries.slice(0, NAMES_SHOWN).map((entry) => entry.principal.displayName);
  return { names, more: Math.max(0, total - names.length) };
}

/** Before saving: who gains, changes or loses access (members of groups and organizations counted). */
export function ImpactPreview({ impact, checking, failed }: ImpactPreviewProps) {
  const { messages } = useShareDialogConfig();
  const total = impact
    ? impact.counts.gains + impact.counts.changes + impact.counts.loses + impact.counts.expiries
    : 0;

  let summary: string;
  if (impact) summary = total > 0 ? messages.impactSummary(impact.counts) : messages.impactNothing;
  else if (failed) summary = messages.impactFailed;
  else summary = messages.impactChecking;

  const groups = impact
    ? [
        { key: 'gains' as const, ...namesOf(impact.gains, impact.counts.gains) },
        { key: 'changes' as const, ...namesOf(impact.changes, impact.counts.changes) },
        { key: 'loses' as const, ...namesOf(impact.loses, impact.counts.loses) },
        { key: 'expiries' as const, ...namesOf(impact.expiries, impact.counts.expiries) },
      ].filter((group) => group.names.length > 0)
    : [];

  return (
    <section className="sw-section sw-impact" data-slot="impact-preview" aria-busy={checking || undefined}>
      <p className="sw-impact__summary" aria-live="polite">
        {checking && !impact ? <SpinnerIcon /> : <InfoIcon />} {messages.impactHeading}: {summary}
      </p>
      {groups.map((group) => (
        <p key={group.key} className="sw-impact__names" data-impact={group.key}>
          {messages.impactNames(group.key, group.names, group.more)}
        </p>
      ))}
    </section>
  );
}
