import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/Disabled reasons/Roles above your own',
  ...shareDialogStateMeta(
    {
      path: 'roles-above-own-level',
      summary:
        'Acting as Connie Cole (read-only): every role above hers is disabled, and each says why (R5).',
      steps: () => [
        'Open the Role picker, or any role in the list: the roles above Connie’s are disabled with the reason.',
      ],
    },
    { actAs: 'connie@acme.test' },
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
