/**
 * The AWS SDK warns in eight lines on Node.js below 22 (its NodeVersionSupportWarning, once per process and
 * again in every child process) that its releases from January 2027 need Node 22. cloudwarden prints one line
 * of its own instead, once per run, and turns the SDK's off through the switch the SDK reads.
 */

/** Read by @aws-sdk/core's emitWarningIfUnsupportedVersion each time a client is built, until it has warned. */
export const SDK_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/** The oldest Node.js major the SDK's releases after the first week of January 2027 run on. */
const SDK_MINIMUM_MAJOR = 22;

/**
 * The note for this run (`version` as in `process.version`), or undefined on Node 22 and later or when the user
 * already turned the SDK's warning off. Sets the switch in `env`, so the SDK stays silent in this process and in
 * the processes it starts (which inherit `env`): a second call, or a child `cloudwarden`, prints nothing.
 */
export function nodeVersionNote(version: string, env: NodeJS.ProcessEnv): string | undefined {
  const major = Number(/^v(\d+)\./.exec(version)?.[1]);
  if (!(major < SDK_MINIMUM_MAJOR) || env[SDK_WARNING_SWITCH] === 'true') return undefined;
  env[SDK_WARNING_SWITCH] = 'true';
  return `note: Node.js ${major} is end-of-life; the AWS SDK needs Node ${SDK_MINIMUM_MAJOR} from 2027: upgrade`;
}
