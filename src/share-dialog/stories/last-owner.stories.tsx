import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/Disabled reasons/Last owner',
  ...shareDialogStateMeta(
    {
      path: 'last-owner',
      summary:
        'Olivia Owens is the only owner: she cannot remove herself or lower her role, and the dialog says why (R9).',
      steps: () => [
        'Look at Olivia Owens in “Shared with”: her role and “Remove access” are disabled, with the reason.',
      ],
    },
    { actAs: 'olivia@acme.test' },
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
