/**
 * What every Share dialog story has in common: a loader puts the mock backend in the story's state (who acts, the
 * asset, faults, latency) and a cleanup takes it out again; the story renders the real dialog, open, signed in as
 * that persona. Storybook and the demo app's gallery (through `composeStories`) render the same stories.
 */
import type { Meta, Parameters, StoryContext } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { sharingApiBasePath } from '../../api/contract.ts';
import { contractParsers } from '../../api/contract-parsers.ts';
import { mockBackend } from '../../mock-backend/control.ts';
import { assetTypes } from '../../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { ShareDialog, ShareDialogProvider } from '../index.ts';
import { type PreparedStage, prepareStage, releaseStage, type StoryStage } from './story-stage.ts';

/** A story's args: which asset type's dialog it shows. */
export interface ShareDialogStoryArgs {
  /** An asset type id (`dataset`, `useCase`, …). */
  assetType: string;
}

/** What the gallery says about a state; each story of the file shows the state for one asset type. */
export interface StoryGalleryInfo {
  /** URL segment: `/gallery/<assetType>/<path>`. */
  path: string;
  /** The one line the gallery page opens with: what the story shows. */
  summary: string;
  /** What to do in the dialog to see the state, when opening it is not enough. */
  steps?: (assetType: AssetTypeConfig) => string[];
  /** Where only some asset types have the state, why. */
  onlyFor?: string;
}

/** How the page around a story frames the dialog: the gallery opens it inside its canvas on wide screens. */
export interface StoryHost {
  /** Where the dialog is portalled; `document.body` when null. */
  container: HTMLElement | null;
  triggerClassName?: string;
  contentClassName?: string;
}

export const StoryHostContext = createContext<StoryHost>({ container: null });

/** The asset type of a story's args; throws for an unknown one. */
export function storyAssetType(args: ShareDialogStoryArgs): AssetTypeConfig {
  const assetType = assetTypes.get(args.assetType);
  if (!assetType) throw new Error(`No asset type ${args.assetType}.`);
  return assetType;
}

/** The gallery info of a story's (merged) parameters. */
export function storyGalleryInfo(parameters: Parameters): StoryGalleryInfo {
  const info = parameters.gallery as StoryGalleryInfo | undefined;
  if (typeof info?.path !== 'string') throw new Error('A Share dialog story needs parameters.gallery.');
  return info;
}

/** The backend stage of a story's (merged) parameters. */
export function storyStage(parameters: Parameters): StoryStage {
  const stage = parameters.stage as StoryStage | undefined;
  if (typeof stage?.actAs !== 'string') throw new Error('A Share dialog story needs parameters.stage.');
  return stage;
}

interface StoryDialogProps extends ShareDialogStoryArgs {
  stage: PreparedStage;
}

/** The real dialog, open, with its own query cache, signed in as the stage's persona. */
function StoryDialog({ assetType, stage }: StoryDialogProps) {
  const host = useContext(StoryHostContext);
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }),
  );
  useEffect(() => () => queryClient.clear(), [queryClient]);
  const [open, setOpen] = useState(true);
  const headers = useCallback(() => ({ Authorization: `Bearer ${stage.token}` }), [stage.token]);
  return (
    <ShareDialogProvider
      baseUrl={sharingApiBasePath}
      headers={headers}
      parseAnswers={contractParsers}
      queryClient={queryClient}
      container={host.container}
      now={mockBackend.now}
    >
      <ShareDialog.Root
        {...(stage.assets ? { assets: stage.assets } : { assetType, assetId: stage.assetId })}
        open={open}
        onOpenChange={setOpen}
      >
        <ShareDialog.Trigger className={host.triggerClassName}>Share {stage.assetName}</ShareDialog.Trigger>
        <ShareDialog.Content className={host.contentClassName} />
      </ShareDialog.Root>
    </ShareDialogProvider>
  );
}

function loadedStage(context: { loaded: Record<string, unknown> }): PreparedStage {
  const stage = context.loaded.stage as PreparedStage | undefined;
  if (!stage) throw new Error('The story was rendered before its loader ran.');
  return stage;
}

/**
 * The default export of a state's story file, but its `title`: the state as the gallery describes it and the
 * backend's stage for it. Each named export of the file is one asset type (`args: { assetType }`).
 */
export function shareDialogStateMeta(gallery: StoryGalleryInfo, stage: StoryStage) {
  return {
    parameters: { gallery, stage, layout: 'fullscreen' },
    argTypes: {
      assetType: { control: 'select', options: assetTypes.all().map((assetType) => assetType.id) },
    },
    loaders: [
      ({ args, parameters }: StoryContext<ShareDialogStoryArgs>) => ({
        stage: prepareStage(storyAssetType(args), storyStage(parameters)),
      }),
    ],
    // Storybook (and `composeStories`' next `load()`) runs the cleanup when the story is left.
    beforeEach: (context: { loaded: Record<string, unknown> }) => {
      const stage = loadedStage(context);
      return () => releaseStage(stage);
    },
    render: (args: ShareDialogStoryArgs, context: { loaded: Record<string, unknown> }) => (
      <StoryDialog assetType={args.assetType} stage={loadedStage(context)} />
    ),
  } satisfies Omit<Meta<ShareDialogStoryArgs>, 'title'>;
}
