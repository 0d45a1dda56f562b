import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/States/Access that ends soon',
  ...shareDialogStateMeta(
    {
      path: 'expiring-soon',
      summary:
        'Eddie Evans’s access ends in two days and is marked “Ending soon”; Connie Cole’s ends in twenty. Each row says when, and “Expiry for …” moves or clears it.',
      steps: () => [
        'Read the end under Eddie Evans and Connie Cole; change it with “Expiry for …”.',
        'Add someone under “Share with” and choose “Access expires”: 7, 30 or 90 days, or a last day.',
      ],
    },
    { actAs: 'olivia@acme.test', asset: 'expiring' },
  ),
} satisfies Meta<ShareDialogStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const UseCase: Story = { args: { assetType: 'useCase' } };
export const Application: Story = { args: { assetType: 'application' } };
export const Deployment: Story = { args: { assetType: 'deployment' } };
export const Dataset: Story = { args: { assetType: 'dataset' } };
export const DataConnection: Story = { args: { assetType: 'dataConnection' } };
export const Project: Story = { args: { assetType: 'project' } };
export const Workload: Story = { args: { assetType: 'workload' } };
export const GovernedModel: Story = { args: { assetType: 'governedModel' } };
