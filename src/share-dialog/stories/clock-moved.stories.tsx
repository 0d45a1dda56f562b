import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/States/Demo clock moved forward',
  ...shareDialogStateMeta(
    {
      path: 'clock-moved',
      summary:
        'The backend’s clock is three days ahead: Eddie Evans’s access has ended and is gone from the list; Connie Cole’s ends in seventeen days.',
      steps: () => ['Choose “Access expires: 7 days” for someone new: the days count from the moved clock.'],
    },
    { actAs: 'olivia@acme.test', asset: 'expiring', clockDays: 3 },
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
