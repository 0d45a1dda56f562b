import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/States/Conflict',
  ...shareDialogStateMeta(
    {
      path: 'conflict',
      summary:
        'Saving meets a change someone else made meanwhile (412): the dialog says so, reloads and keeps your changes.',
      steps: () => [
        'Change a role in the list, or add someone under “Share with”.',
        'Press Save (or Share): the backend answers 412 once (an injected fault), as if someone had just saved a change.',
        'The dialog reloads the list and keeps the changes that still apply; saving again succeeds.',
      ],
    },
    {
      actAs: 'olivia@acme.test',
      faults: () => [{ path: '/sharedRoles', method: 'PATCH', status: 412, times: 1 }],
    },
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
