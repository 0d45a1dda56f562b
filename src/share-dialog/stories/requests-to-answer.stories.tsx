import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/States/Requests to answer',
  ...shareDialogStateMeta(
    {
      path: 'requests-to-answer',
      summary:
        'Acting as Olivia Owens, who may grant what Connie Cole asked for: “Requests (1)” shows the request with its message; “Approve” puts the role change into the draft, “Decline” takes an optional message.',
      steps: () => [
        'Open “Requests (1)” and press “Approve”: the change is pending in “Shared with”, saved with the rest.',
        'Or press “Decline” and write why.',
      ],
    },
    { actAs: 'olivia@acme.test', accessRequest: 'pending' },
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
