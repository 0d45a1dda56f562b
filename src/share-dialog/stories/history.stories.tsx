import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/States/History',
  ...shareDialogStateMeta(
    {
      path: 'history',
      summary:
        'Who changed sharing, when, and how to take it back: weeks of change sets by Olivia, Eddie and others, each with Undo.',
      steps: () => [
        'Open “History” under the access list: each change set says when, who, the note, and what changed in words.',
        'Press a name to see only that person’s changes; “Show all changes” goes back.',
        'Press Undo on a change set: its inverse is loaded into the draft, marked “From undo”; Save applies it like any other change.',
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
