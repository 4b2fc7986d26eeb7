/**
 * Wraps a command's action so that the exit code it returns reaches `run` in program.ts (and from there main.ts,
 * the only module that exits). Commander ignores what an action returns; actions without an exit code end with 0.
 */
export type Exits = <A extends unknown[]>(
  action: (...args: A) => Promise<number> | number,
) => (...args: A) => Promise<void>;
