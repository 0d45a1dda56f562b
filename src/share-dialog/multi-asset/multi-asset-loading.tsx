import { PanelSkeleton } from '../parts/panel-skeleton.tsx';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { MultiAssetHeader } from './multi-asset-header.tsx';

/** Props of {@link MultiAssetLoading}. */
export interface MultiAssetLoadingProps {
  count: number;
}

/** The multi-asset dialog while its code loads: already named `Share <n> assets`. */
export function MultiAssetLoading({ count }: MultiAssetLoadingProps) {
  const { messages } = useShareDialogConfig();
  return (
    <>
      <MultiAssetHeader title={messages.dialogTitleMany(count)} subtitle="" />
      <PanelSkeleton />
    </>
  );
}
