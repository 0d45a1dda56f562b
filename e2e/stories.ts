/**
 * The Share dialog's stories as Storybook indexes them (its own CSF parser, on the story files), so the browser
 * tests can check that the gallery shows exactly those.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCsf } from 'storybook/internal/csf-tools';

const storiesDir = fileURLToPath(new URL('../src/share-dialog/stories/', import.meta.url));

/**
 * One indexed story: the asset type its export names (`DataConnection` → `dataConnection`), and its title's last
 * two parts: the group (`States`) and the state (`Loading`).
 */
export interface IndexedStory {
  id: string;
  assetTypeId: string;
  group: string;
  stateTitle: string;
}

/** Every story of `src/share-dialog/stories/*.stories.tsx`, as Storybook's indexer reads them. */
export function indexedStories(): IndexedStory[] {
  return readdirSync(storiesDir)
    .filter((file) => file.endsWith('.stories.tsx'))
    .flatMap((file) => {
      const csf = loadCsf(readFileSync(join(storiesDir, file), 'utf8'), {
        fileName: file,
        makeTitle: (title?: string) => title ?? file,
      }).parse();
      const titleParts = csf.meta.title?.split('/') ?? [];
      const stateTitle = titleParts.at(-1) ?? file;
      const group = titleParts.at(-2) ?? '';
      return Object.entries(csf._stories).map(([exportName, story]) => ({
        id: story.id,
        assetTypeId: exportName.charAt(0).toLowerCase() + exportName.slice(1),
        group,
        stateTitle,
      }));
    });
}
