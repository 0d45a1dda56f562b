import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/States/10,000 grants',
  ...shareDialogStateMeta(
    {
      path: 'ten-thousand-grants',
      summary: 'A dataset shared with 10,000 people: the list is virtualized and pages load as it scrolls.',
      onlyFor: 'The scale seed holds datasets only; the list behaves the same for every asset type.',
    },
    { actAs: 'olivia@acme.test', asset: 'scale10000' },
  ),
} satisfies Meta<ShareDialogStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Dataset: Story = { args: { assetType: 'dataset' } };
