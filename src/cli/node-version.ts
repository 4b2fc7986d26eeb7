/**
 * The AWS SDK warns in eight lines on Node.js below 22 (its NodeVersionSupportWarning, emitted once per process
 * when the first client is built) that its releases from January 2027 need Node 22. cloudwarden prints one line of
 * its own in its place: only where the SDK would have warned (an AWS-facing run, not `demo` or a local file), once
 * per run, and not at all when the user turned the SDK's warning off.
 */

/** Read by @aws-sdk/core's emitWarningIfUnsupportedVersion: "true" and the SDK never warns. */
export const SDK_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/** The oldest Node.js major the SDK's releases after the first week of January 2027 run on. */
const SDK_MINIMUM_MAJOR = 22;

/** How the SDK's warning text starts (it passes one string to process.emitWarning). */
const SDK_WARNING_PREFIX = 'NodeVersionSupportWarning:';

/** The note for this Node.js (`version` as in `process.version`), or undefined on Node 22 and later. */
export function nodeVersionNote(version: string): string | undefined {
  const major = Number(/^v(\d+)\./.exec(version)?.[1]);
  if (!(major < SDK_MINIMUM_MAJOR)) return undefined;
  return `note: Node.js ${major} is end-of-life; the AWS SDK needs Node ${SDK_MINIMUM_MAJOR} from 2027: upgrade`;
}

type EmitWarning = (warning: string | Error, ...rest: unknown[]) => void;

/**
 * Wraps `emitWarning` so that the SDK's Node-version warning becomes `print(note)`, at most once; every other
 * warning goes through unchanged.
 */
export function replaceSdkNodeWarning(
  emitWarning: EmitWarning,
  version: string,
  print: (line: string) => void,
): EmitWarning {
  let noted = false;
  return (warning, ...rest) => {
    if (typeof warning === 'string' && warning.startsWith(SDK_WARNING_PREFIX)) {
      const note = nodeVersionNote(version);
      if (note && !noted) print(note);
      noted = true;
      return;
    }
    emitWarning(warning, ...rest);
  };
}
