import { defineConfig } from 'vitest/config';

export default defineConfig({
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
    ],
  },
});
