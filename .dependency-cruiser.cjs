/** Import rules from DESIGN.md, enforced by `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make modules impossible to reason about in isolation.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-never-talks-to-aws',
      severity: 'error',
      comment:
        'Checks, model, findings and reports are pure: only the edges (collect, detect sources/sinks, exporters) use the AWS SDK.',
      from: { path: '^src/(checks|model|findings|report|compliance)/' },
      to: { path: '(^|/)node_modules/@aws-sdk/|^@aws-sdk/|^src/(collect|aws)/' },
    },
    {
      name: 'detect-uses-checks-public-modules-only',
      severity: 'error',
      comment: 'Detection reuses the policy analysis through its public module, never the internals of checks.',
      from: { path: '^src/detect/' },
      to: { path: '^src/checks/', pathNot: '^src/checks/policy/index\\.ts$' },
    },
    {
      name: 'credentials-and-sockets-only-in-the-client-factory',
      severity: 'error',
      comment:
        'cli/, vulns/, malware/, detect/ and export/ get their SDK clients from src/aws/clients.ts, so every command shares one credential chain, --profile, --endpoint-url, retries and sockets. (That no SDK client is built with `new` elsewhere is test/deps/source-rules.test.ts, which also checks that only cli/main.ts exits.)',
      from: { path: '^src/', pathNot: '^src/aws/' },
      to: {
        path: '(^|/)node_modules/@aws-sdk/credential-providers/|^@aws-sdk/credential-providers|(^|/)node_modules/@smithy/node-http-handler/|^@smithy/node-http-handler',
      },
    },
    {
      name: 'only-cli-main-exits',
      severity: 'error',
      comment: 'Library code never imports the CLI.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
