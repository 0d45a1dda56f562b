/**
 * The gallery's catalogue is the Share dialog's stories (`src/share-dialog/stories/*.stories.tsx`, CSF), composed
 * with `composeStories`: each story file is one state, each of its stories one asset type. Storybook shows the
 * same stories; nothing here describes a state of its own.
 */
import { composeStories, type composeStory } from '@storybook/react-vite';
import {
  type ShareDialogStoryArgs,
  type StoryGalleryInfo,
  storyAssetType,
  storyGalleryInfo,
  storyStage,
} from '../../share-dialog/stories/share-dialog-story.tsx';
import { needsScaleSeed, type StoryStage } from '../../share-dialog/stories/story-stage.ts';
import { assetTypes } from '../../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';

/** A story as `composeStories` answers it: a component, to render once `load()` has run its loaders. */
export type ComposedShareDialogStory = ReturnType<typeof composeStory<ShareDialogStoryArgs>>;

/** One state: a story file. */
export interface GalleryState extends StoryGalleryInfo {
  /** The last part of the story file's title, e.g. `Loading`. */
  title: string;
  /** The part of the title before it, e.g. `States` or `Disabled reasons`: a section of the index. */
  group: string;
  stage: StoryStage;
}

/** One gallery page: a story, the state of its file shown for one asset type. */
export interface GalleryPage {
  state: GalleryState;
  assetType: AssetTypeConfig;
  Story: ComposedShareDialogStory;
}

type StoryFile = Parameters<typeof composeStories>[0];

// In the order Storybook lists them: by file path.
const storyFiles = import.meta.glob<StoryFile>('../../share-dialog/stories/*.stories.tsx', { eager: true });

function galleryPages(): GalleryPage[] {
  const pages: GalleryPage[] = [];
  for (const [file, module] of Object.entries(storyFiles).sort(([a], [b]) => a.localeCompare(b))) {
    const titleParts = (module.default?.title ?? '').split('/');
    const title = titleParts.at(-1) ?? file;
    const group = titleParts.at(-2) ?? '';
    const composed = composeStories(module) as Record<string, ComposedShareDialogStory>;
    for (const Story of Object.values(composed)) {
      const info = storyGalleryInfo(Story.parameters);
      const state: GalleryState = { ...info, title, group, stage: storyStage(Story.parameters) };
      const assetType = storyAssetType({ assetType: Story.args.assetType ?? '' });
      pages.push({ state, assetType, Story });
    }
  }
  // Grouped by asset type, in the registry's order, so a reviewer walks one type's states, then the next.
  const order = assetTypes.all().map((assetType) => assetType.id);
  return pages.sort((a, b) => order.indexOf(a.assetType.id) - order.indexOf(b.assetType.id));
}

/** Every gallery page: every story of every state file. */
export const galleryCatalogue: readonly GalleryPage[] = galleryPages();

/** The gallery URL of a page. */
export function galleryPath(page: GalleryPage): string {
  return `/gallery/${page.assetType.id}/${page.state.path}`;
}

/** The page at `/gallery/<assetTypeId>/<statePath>`, if there is one. */
export function findGalleryPage(assetTypeId: string, statePath: string): GalleryPage | undefined {
  return galleryCatalogue.find((page) => page.assetType.id === assetTypeId && page.state.path === statePath);
}

/** Whether a gallery page needs the scale seed, which the backend loads when it starts. */
export function pageNeedsScaleSeed(page: GalleryPage): boolean {
  return needsScaleSeed(page.state.stage);
}

/** Whether a path of the app shows a gallery page that needs the scale seed, so the backend starts with it. */
export function pathNeedsScaleSeed(pathname: string): boolean {
  const [, gallery, assetTypeId, statePath] = pathname.split('/');
  if (gallery !== 'gallery' || !assetTypeId || !statePath) return false;
  const page = findGalleryPage(assetTypeId, statePath);
  return page ? pageNeedsScaleSeed(page) : false;
}
