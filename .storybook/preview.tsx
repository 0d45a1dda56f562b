import type { Preview } from '@storybook/react-vite';
import { startMockBackend } from '../src/mock-backend/browser.ts';
// A host imports the dialog's styles once; so does Storybook.
import '../src/share-dialog/styles.css';

/** The tags the e2e accessibility pass checks too (e2e/gallery.spec.ts). */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const preview: Preview = {
  // The mock backend runs in the preview's page, in memory: every story's loader puts it in the story's state.
  // A built Storybook is a production build, and its stories are meant to run against the mock: it says so.
  beforeAll: async () => {
    await startMockBackend({ persist: false, allowInProduction: true });
  },
  parameters: {
    a11y: { options: { runOnly: { type: 'tag', values: wcagTags } } },
    options: { storySort: { order: ['Share dialog', ['States', 'Disabled reasons', 'Several assets']] } },
  },
};

export default preview;
