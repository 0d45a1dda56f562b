import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { externalShareQueryOptions, setExternalShareMutationOptions } from '../../api/external-share.ts';
import { canManageExternalLink } from '../../sharing/external-link.ts';
import { useSharingEditor } from '../editor-context.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { cx } from '../ui/cx.ts';
import { Hint } from '../ui/hint.tsx';
import { CheckIcon, CopyIcon, LinkIcon } from '../ui/icons.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { Switch } from '../ui/switch.tsx';
import type { ShareDialogExternalLinkProps } from './external-link.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies a text to the clipboard and remembers how it went, until `reset`. */
function useCopy() {
  const [copyState, setCopyState] = useState<CopyState>('idle');
  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }
  return { copyState, copy, reset: () => setCopyState('idle') };
}

/**
 * The external sharing link's switch and Copy link: the inside of {@link ShareDialogExternalLink}, loaded only for
 * asset types that have a link.
 */
export function ExternalLinkSection({ className }: ShareDialogExternalLinkProps) {
  const { client, queryClient, messages } = useShareDialogConfig();
  const { assetType, asset, actor, sharing, ids } = useSharingEditor();
  const assetId = asset.id;
  const sharingReasonId = ids.sharingReason;
  const id = useId();
  const link = useQuery(externalShareQueryOptions(client, assetType, assetId));
  const toggle = useMutation(setExternalShareMutationOptions(client, queryClient, assetType, assetId));
  const { copyState, copy, reset: resetCopy } = useCopy();

  const enabled = link.data?.enabled === true;
  const url = link.data?.url ?? null;
  const labelId = `${id}-label`;
  const stateId = `${id}-state`;
  const errorId = `${id}-error`;
  const reasonId = `${id}-reason`;
  const permission = canManageExternalLink(assetType, actor);
  const refusal = permission.allowed ? null : permission;
  const refusalId = refusal ? (sharing.allowed ? reasonId : sharingReasonId) : null;

  return (
    <section className={cx('sw-section sw-section--divided sw-link', className)} data-slot="external-link">
      <div className="sw-link__head">
        <LinkIcon />
        <span id={labelId} className="sw-link__label">
          {messages.externalLink}
        </span>
        {link.isPending ? (
          <Skeleton width="2.25rem" height="1.25rem" />
        ) : (
          <Switch
            aria-labelledby={labelId}
            aria-describedby={[stateId, refusalId, toggle.isError ? errorId : null].filter(Boolean).join(' ')}
            checked={toggle.isPending ? toggle.variables === true : enabled}
            disabled={refusal !== null || toggle.isPending || link.isError}
            onCheckedChange={(next) => {
              resetCopy();
              toggle.mutate(next);
            }}
          />
        )}
      </div>
      <Hint id={stateId}>{enabled ? messages.externalLinkOn : messages.externalLinkOff}</Hint>
      {refusal && sharing.allowed ? (
        <Hint id={reasonId} tone="locked">
          {messages.reason(refusal)}
        </Hint>
      ) : null}
      {enabled && url ? (
        <div className="sw-link__row">
          <input
            className="sw-link-field"
            readOnly
            value={url}
            aria-labelledby={labelId}
            onFocus={(event) => event.currentTarget.select()}
          />
          <Button size="sm" onClick={() => void copy(url)}>
            {copyState === 'copied' ? <CheckIcon /> : <CopyIcon />}
            {messages.copyLink}
          </Button>
        </div>
      ) : null}
      <p role="status" className={copyState === 'idle' ? 'sw-sr-only' : 'sw-hint'}>
        {copyState === 'copied' ? messages.linkCopied : copyState === 'failed' ? messages.copyFailed : ''}
      </p>
      {toggle.isError ? (
        <Hint id={errorId} tone="danger">
          {toggle.error.body?.message ?? messages.externalLinkFailed}
        </Hint>
      ) : null}
    </section>
  );
}
