/**
 * How the user started cloudwarden, so that hints repeat it: `npx cloudwarden …` through npx (npm sets
 * npm_command=exec there), `npm run cloudwarden -- …` through the package script, else plain `cloudwarden`.
 */
export function invocation(env: NodeJS.ProcessEnv = process.env): string {
  if (env.npm_command === 'exec') return 'npx cloudwarden';
  if (env.npm_command === 'run-script' && env.npm_lifecycle_event === 'cloudwarden') return 'npm run cloudwarden --';
  return 'cloudwarden';
}
