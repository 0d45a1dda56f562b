import { existsSync } from 'node:fs';

/** Debian's Chromium where the machine has it; otherwise Playwright's own browser. */
export const systemChromium = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch options for Playwright's chromium: the system browser when present. */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  return existsSync(systemChromium)
    ? { executablePath: systemChromium, args: chromiumArgs }
    : { args: chromiumArgs };
}
