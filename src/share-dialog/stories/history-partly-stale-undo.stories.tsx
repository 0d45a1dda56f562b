import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/States/Undo, partly stale',
  ...shareDialogStateMeta(
    {
      path: 'history-partly-stale-undo',
      summary:
        'An undo one part of which was changed again since: that part is not loaded, and the dialog says who changed it and when.',
      steps: () => [
        'Open “History” and find Olivia Owens’s change with the note “Access for the quarterly review.”.',
        'Press its Undo: one change is loaded into the draft; Connie Cole’s is not, “changed again on … by Eddie Evans”.',
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
