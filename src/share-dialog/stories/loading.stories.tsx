import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ShareDialogStoryArgs, shareDialogStateMeta } from './share-dialog-story.tsx';

/** Long enough that the loading state stays on screen for as long as anyone looks (the backend's maximum). */
const FOREVER_MS = 120_000;

const meta = {
  title: 'Share dialog/States/Loading',
  ...shareDialogStateMeta(
    {
      path: 'loading',
      summary:
        'The access list and the asset take two minutes to answer: the dialog shows its loading skeleton.',
    },
    {
      actAs: 'olivia@acme.test',
      faults: (assetType) => [
        { path: `/${assetType.collection}/*`, method: 'GET', delayMs: FOREVER_MS },
        { path: '/sharedRoles', method: 'GET', delayMs: FOREVER_MS },
      ],
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
