/**
 * Stands in for the mock backend's scale data in the package (see `vite.lib.config.ts`): a host's tests run on
 * the normal seed, and the 100,000-principal directory stays with the demo app.
 */
export function addScaleData(_db: unknown): never {
  throw new Error(
    'The scale data (?scale=large) is part of the Sharewell demo app, not of the sharewell package.',
  );
}
