import type { ReactNode } from 'react';
import { ShareDialog, ShareDialogProvider } from 'sharewell';
import { contractParsers } from 'sharewell/contract';
import 'sharewell/styles.css';
import type { HostAsset } from './app.tsx';

/** Points every ShareDialog of the portal at the portal's API, with the signed-in person's token. */
export function SharingProvider({
  token,
  dark,
  children,
}: {
  token: string;
  dark: boolean;
  children: ReactNode;
}) {
  return (
    <ShareDialogProvider
      baseUrl="/api/v2"
      headers={() => ({ Authorization: `Bearer ${token}` })}
      // In development every answer is checked against the contract; the production bundle carries no schema.
      parseAnswers={import.meta.env.DEV ? contractParsers : undefined}
      theme={dark ? 'dark' : 'light'}
      roleLabels={{ CONSUMER: 'Viewer' }}
    >
      {children}
    </ShareDialogProvider>
  );
}

/** The portal's Share button for one asset, and the dialog it opens. */
export function ShareButton({ asset }: { asset: HostAsset }) {
  return (
    <ShareDialog.Root assetType={asset.assetType} assetId={asset.id}>
      <ShareDialog.Trigger aria-label={`Share ${asset.name}`}>Share</ShareDialog.Trigger>
      <ShareDialog.Content />
    </ShareDialog.Root>
  );
}
