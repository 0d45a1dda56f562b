/** What the published tarball must ship, and what it must never ship. */

/**
 * Files a host needs: each entry's code and types, the stylesheet, the package manifest, the README, the licence
 * and the changelog.
 */
export const requiredPackedFiles = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist-lib/index.js',
  'dist-lib/index.d.ts',
  'dist-lib/mocks.js',
  'dist-lib/mocks.d.ts',
  'dist-lib/mocks-browser.js',
  'dist-lib/mocks-browser.d.ts',
  'dist-lib/contract.js',
  'dist-lib/contract.d.ts',
  'dist-lib/styles.css',
] as const;

/** Files a host never needs: tests, fixtures, the demo app and its examples, the scale seed, sources. */
const forbiddenPatterns: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\.(test|spec)\.[cm]?[jt]sx?$|\.test\.d\.ts$/, what: 'a test' },
  { pattern: /(^|\/)(test-fixtures|test-setup)\b/, what: 'a test fixture' },
  {
    pattern: /(^|\/)(e2e|e2e-host|bench|examples|scripts|public|src)\//,
    what: 'a file of the repository, not of the package',
  },
  { pattern: /(^|\/)app\//, what: 'a demo-app file' },
  { pattern: /(^|\/)scale\b/, what: 'the scale seed' },
  { pattern: /\.map$/, what: 'a source map of sources the package does not ship' },
];

/** Every problem with a tarball's file list: a forbidden file present, or a required one missing. */
export function checkPackedFiles(paths: readonly string[]): string[] {
  const problems: string[] = [];
  for (const path of paths) {
    const forbidden = forbiddenPatterns.find(({ pattern }) => pattern.test(path));
    if (forbidden) problems.push(`${path}: ${forbidden.what}`);
  }
  for (const required of requiredPackedFiles) {
    if (!paths.includes(required)) problems.push(`${required}: missing`);
  }
  return problems;
}
