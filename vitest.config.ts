import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // bounds for a hung test only: CI machines are shared, and a loaded one must not fail a slow but correct test
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // CLIs the tests start run as a user who turned the AWS SDK's Node-version warning off, so that their stderr
    // is the same on every Node.js; test/cli/node-version.test.ts runs without it.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
