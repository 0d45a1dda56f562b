import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

/** Long enough that the saves are still under way while the state is looked at. */
const FOREVER_MS = 120_000;

const meta = {
  title: 'Share dialog/Several assets/Mid-save',
  ...shareDialogStateMeta(
    {
      path: 'several-assets-saving',
      summary:
        'Three assets whose saves take two minutes to answer: the progress bar and each asset’s state while the saves are under way.',
      steps: () => [
        'Add someone under “Share with”, then press Share.',
        'Each asset waits for its save, a few at a time, and the progress bar counts them.',
      ],
      onlyFor:
        'The selection mixes a dataset, a Use Case and a deployment; it is listed once, under datasets.',
    },
    {
      actAs: 'olivia@acme.test',
      asset: 'mixedSelection',
      faults: () => [{ path: '/sharedRoles', method: 'PATCH', delayMs: FOREVER_MS }],
    },
  ),
} satisfies Meta<ShareDialogStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Dataset: Story = { args: { assetType: 'dataset' } };
