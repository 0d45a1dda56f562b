import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const SLOW_NETWORK_MS = 3_000;

const meta = {
  title: 'Share dialog/States/Slow network',
  ...shareDialogStateMeta(
    {
      path: 'slow-network',
      summary: 'Every request takes 3 seconds: loading, search, preview and save each show their progress.',
    },
    { actAs: 'olivia@acme.test', latencyMs: SLOW_NETWORK_MS },
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
