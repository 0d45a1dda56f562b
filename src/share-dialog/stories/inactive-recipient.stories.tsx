import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/Disabled reasons/Inactive account',
  ...shareDialogStateMeta(
    {
      path: 'inactive-recipient',
      summary: 'Ivan Ingram’s account is inactive: search shows him disabled, with the reason (R1).',
      steps: () => ['Type “Ivan” in “Share with”: Ivan Ingram is listed, disabled, with the reason.'],
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
