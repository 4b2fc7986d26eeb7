import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // CLIs the tests start run as a user who turned the AWS SDK's Node-version warning off, so that their stderr
    // is the same on every Node.js; test/cli/node-version.test.ts runs without it.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
