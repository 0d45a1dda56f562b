/** axe-core in the browser tests: the WCAG tags SPEC §8 holds the dialog to, serious and critical findings only. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical axe violations in what `include` selects, each with where it was found. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // The app has no frames: axe runs once in the page (legacy mode), without the blank page that
  // @axe-core/playwright otherwise opens to finish each run across frames, which costs about a second a call.
  let builder = new AxeBuilder({ page })
    .withTags(wcagTags)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary}`,
      ),
    );
}
