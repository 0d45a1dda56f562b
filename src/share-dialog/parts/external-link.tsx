import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { externalShareQueryOptions } from '../../api/external-share.ts';
import { useSharingEditor } from '../editor-context.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { cx } from '../ui/cx.ts';
import { LinkIcon } from '../ui/icons.tsx';
import { Skeleton } from '../ui/skeleton.tsx';

// Only applications have a link (SPEC §6): its controls' code loads only for an asset type that has one.
const ExternalLinkSection = lazy(() =>
  import('./external-link-section.tsx').then((module) => ({ default: module.ExternalLinkSection })),
);

/** Props of {@link ShareDialogExternalLink}: only a class; it shows where the asset type has a link. */
export interface ShareDialogExternalLinkProps {
  /** Extra classes on the section (it already has `sw-link`). */
  className?: string;
}

/**
 * The external sharing link, where the asset type has one (nothing otherwise): a switch that creates or revokes
 * it, and Copy link. When the actor may not share at all (R7), the invite part's banner says why, once.
 */
export function ShareDialogExternalLink({ className }: ShareDialogExternalLinkProps) {
  const { assetType } = useSharingEditor();
  if (!assetType.options.externalLink) return null;
  return <ExternalLink className={className} />;
}

function ExternalLink({ className }: ShareDialogExternalLinkProps) {
  const { client } = useShareDialogConfig();
  const { assetType, asset } = useSharingEditor();
  // The link is asked for at once, while the controls' code loads.
  useQuery(externalShareQueryOptions(client, assetType, asset.id));
  return (
    <Suspense fallback={<ExternalLinkLoading className={className} />}>
      <ExternalLinkSection className={className} />
    </Suspense>
  );
}

/** The section's head while its code loads, at the height it will have: the label, the switch still loading. */
function ExternalLinkLoading({ className }: ShareDialogExternalLinkProps) {
  const { messages } = useShareDialogConfig();
  return (
    <section
      className={cx('sw-section sw-section--divided sw-link', className)}
      data-slot="external-link"
      aria-busy
    >
      <div className="sw-link__head">
        <LinkIcon />
        <span className="sw-link__label">{messages.externalLink}</span>
        <Skeleton width="2.25rem" height="1.25rem" />
      </div>
    </section>
  );
}
