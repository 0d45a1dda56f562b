import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/Disabled reasons/Sharing not allowed',
  ...shareDialogStateMeta(
    {
      path: 'sharing-not-allowed',
      summary:
        'Acting as Nora Nash, an editor without “Allow sharing”: she may not share at all, and the dialog says why (R7).',
      onlyFor: 'Only datasets and data connections share through “Allow sharing”.',
    },
    { actAs: 'nora@acme.test' },
  ),
} satisfies Meta<ShareDialogStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Dataset: Story = { args: { assetType: 'dataset' } };
export const DataConnection: Story = { args: { assetType: 'dataConnection' } };
