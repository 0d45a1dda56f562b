import { describe, expect, it } from 'vitest';
import { checkPackedFiles, requiredPackedFiles } from './lib-pack.ts';

describe('checkPackedFiles', () => {
  it('accepts the entries, their chunks and declarations', () => {
    const files = [
      ...requiredPackedFiles,
      'dist-lib/chunks/client-abc123.js',
      'dist-lib/types/share-dialog/index.d.ts',
      'dist-lib/types/mock-backend/seed.d.ts',
    ];
    expect(checkPackedFiles(files)).toEqual([]);
  });

  it('names every test, fixture, demo-app, scale-seed or repository file, and every missing entry', () => {
    const files = [
      ...requiredPackedFiles.filter((file) => file !== 'dist-lib/styles.css'),
      'dist-lib/types/sharing/policy.test.d.ts',
      'dist-lib/types/sharing/test-fixtures.d.ts',
      'dist-lib/types/app/session.d.ts',
      'dist-lib/types/mock-backend/scale.d.ts',
      'dist-lib/chunks/scale-1a2b.js',
      'examples/host-app/package.json',
      'src/share-dialog/index.ts',
    ];
    expect(checkPackedFiles(files)).toEqual([
      'dist-lib/types/sharing/policy.test.d.ts: a test',
      'dist-lib/types/sharing/test-fixtures.d.ts: a test fixture',
      'dist-lib/types/app/session.d.ts: a demo-app file',
      'dist-lib/types/mock-backend/scale.d.ts: the scale seed',
      'dist-lib/chunks/scale-1a2b.js: the scale seed',
      'examples/host-app/package.json: a file of the repository, not of the package',
      'src/share-dialog/index.ts: a file of the repository, not of the package',
      'dist-lib/styles.css: missing',
    ]);
  });
});
