// Makes sure a Chromium exists for the browser tests: Debian's, else Playwright's own (fetched when missing).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

if (existsSync('/usr/bin/chromium')) process.exit(0);
if (existsSync(chromium.executablePath())) process.exit(0);
try {
  execSync('npx playwright install chromium', { stdio: 'inherit' });
} catch {
  // fall through to the check below
}
if (!existsSync(chromium.executablePath())) {
  console.error(
    'No Chromium found: install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`.',
  );
  process.exit(1);
}
