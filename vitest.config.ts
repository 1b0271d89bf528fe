import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (see packages/contracts/package.json).
  ssr: { resolve: { conditions: ['doc-ingest-source', 'node', 'development|production'] } },
  test: {
    // CDK synthesis and esbuild bundling are CPU-bound; two workers match the CI machine.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/unit/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/infra/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Packs publishable workspaces and installs them into scratch projects outside the repo.
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Each file packs @doc-ingest/contracts, whose build empties its dist/ first.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Starts LocalStack (installing it on first use) and deploys the CDK app once per run.
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
