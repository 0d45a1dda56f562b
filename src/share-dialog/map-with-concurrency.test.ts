import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './map-with-concurrency.ts';

describe('mapWithConcurrency', () => {
  it('keeps at most the limit in flight and the results in input order', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const items = Array.from({ length: 40 }, (_, index) => index);
    const results = await mapWithConcurrency(items, 4, async (item) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // Later items finish first, so order comes from the index, not from completion.
      await new Promise((resolve) => setTimeout(resolve, (40 - item) % 5));
      inFlight--;
      return item * 2;
    });
    expect(mostInFlight).toBe(4);
    expect(results).toEqual(items.map((item) => item * 2));
  });

  it('answers an empty list without calling the function', async () => {
    let calls = 0;
    await expect(
      mapWithConcurrency([], 3, async () => {
        calls++;
      }),
    ).resolves.toEqual([]);
    expect(calls).toBe(0);
  });
});
