import type { StorybookConfig } from '@storybook/react-vite';

/** The Share dialog's stories, built with the app's own Vite config; no network (telemetry off). */
const config: StorybookConfig = {
  stories: ['../src/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  // The mock backend's service worker (`mockServiceWorker.js`) is served from `public/`, as in the app.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
