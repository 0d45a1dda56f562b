import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/Disabled reasons/RBAC ceiling',
  ...shareDialogStateMeta(
    {
      path: 'rbac-ceiling',
      summary:
        'Rita Reyes may hold read-only at most: roles above her ceiling are refused, with a suggestion (R8).',
      steps: (assetType) => [
        'Type “Rita” in “Share with” and choose Rita Reyes.',
        `Keep the role at ${assetType.roles.find((role) => role.name === assetType.defaultRole)?.label ?? 'its default'}: the dialog marks Rita’s entry and suggests a more restrictive role.`,
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
