import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

const meta = {
  title: 'Share dialog/States/Request access',
  ...shareDialogStateMeta(
    {
      path: 'request-access',
      summary:
        'Acting as Connie Cole, who holds the read-only role and has asked for nothing: “Request access” offers the roles above hers, up to what she could hold, and a message.',
      steps: () => [
        'Open “Request access”, choose a role and write why; “Send request” asks everyone who may grant it.',
      ],
    },
    { actAs: 'connie@acme.test', accessRequest: 'none' },
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
