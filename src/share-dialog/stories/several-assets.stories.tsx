import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/Several assets/Mixed types',
  ...shareDialogStateMeta(
    {
      path: 'several-assets',
      summary:
        'A dataset, a Use Case and a deployment shared in one dialog: each asset is previewed, and what its type refuses is named before saving.',
      steps: () => [
        'Type “Data Science” in “Share with” and choose the group.',
        'The Use Case says the group is not added to it (a Use Case takes users and organizations only); the other two say who changes.',
        'Add Rita Reyes too: each asset says she can hold at most read-only.',
      ],
      onlyFor:
        'The selection mixes a dataset, a Use Case and a deployment; it is listed once, under datasets.',
    },
    { actAs: 'olivia@acme.test', asset: 'mixedSelection' },
  ),
} satisfies Meta<ShareDialogStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Dataset: Story = { args: { assetType: 'dataset' } };
