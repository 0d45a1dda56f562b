import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { externalShareQueryOptions, setExternalShareMutationOptions } from '../../api/external-share.ts';
import { canManageExternalLink } from '../../sharing/external-link.ts';
import type { ActorStanding, AssetTypeConfig, Permission } from '../../sharing/types.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { Hint } from '../ui/hint.tsx';
import { CheckIcon, CopyIcon, LinkIcon } from '../ui/icons.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { Switch } from '../ui/switch.tsx';

/** Props of {@link ExternalLinkSection}. */
export interface ExternalLinkSectionProps {
  assetType: AssetTypeConfig;
  assetId: string;
  actor: ActorStanding;
  /** Whether the actor may share at all (R7): when not, the dialog's banner (this id) says why, once. */
  sharing: Permission;
  sharingReasonId: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** The external sharing link (where the asset type has one): a switch that creates or revokes it, and Copy link. */
export function ExternalLinkSection({
  assetType,
  assetId,
  actor,
  sharing,
  sharingReasonId,
}: ExternalLinkSectionProps) {
  const { client, queryClient, messages } = useShareDialogConfig();
  const id = useId();
  const link = useQuery(externalShareQueryOptions(client, assetType, assetId));
  const toggle = useMutation(setExternalShareMutationOptions(client, queryClient, assetType, assetId));
  const [copyState, setCopyState] = useState<CopyState>('idle');

  const enabled = link.data?.enabled === true;
  const url = link.data?.url ?? null;
  const labelId = `${id}-label`;
  const stateId = `${id}-state`;
  const errorId = `${id}-error`;
  const reasonId = `${id}-reason`;
  const permission = canManageExternalLink(assetType, actor);
  const refusal = permission.allowed ? null : permission;
  const refusalId = refusal ? (sharing.allowed ? reasonId : sharingReasonId) : null;

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <section className="sw-section sw-section--divided sw-link" data-slot="external-link">
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
              setCopyState('idle');
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
          <Button size="sm" onClick={copy}>
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
