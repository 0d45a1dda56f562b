import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/States/Access request declined',
  ...shareDialogStateMeta(
    {
      path: 'access-request-declined',
      summary:
        'Acting as Connie Cole, whose request was declined by Olivia Owens with a message: the dialog says so, with the answer, and she may ask again.',
      steps: () => ['Read the answer under “Request access”; ask again with a new message.'],
    },
    { actAs: 'connie@acme.test', accessRequest: 'declined' },
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
