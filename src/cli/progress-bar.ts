import { escapeControl } from '../report/escape.ts';
import pc from 'picocolors';

export interface ProgressBar {
  update(done: number, total: number, errors: number): void;
  /** prints a line above the bar (or plainly when there is no bar) */
  log(line: string): void;
  done(): void;
}

const WIDTH = 30;
const REDRAW_MS = 100;

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal and the user did not ask
 * for --quiet; otherwise nothing is drawn and stdout stays clean for the report.
 */
export function progressBar(
  label: string,
  options: { quiet?: boolean; stream?: NodeJS.WriteStream; now?: () => number } = {},
): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const enabled = stream.isTTY === true && !options.quiet;
  let state = { done: 0, total: 0, errors: 0 };
  let drawn = false;
  let lastDraw = Number.NEGATIVE_INFINITY;

  const render = () => {
    const { done, total, errors } = state;
    const fraction = total === 0 ? 0 : Math.min(1, done / total);
    const filled = Math.round(fraction * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    const errorText = errors === 0 ? '' : pc.yellow(`  ${errors} error${errors === 1 ? '' : 's'}`);
    stream.write(`\r${label} ${bar} ${done}/${total}${errorText}\x1b[K`);
    drawn = true;
    lastDraw = now();
  };
  const clear = () => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };

  return {
    update(done, total, errors) {
      state = { done, total, errors };
      if (!enabled) return;
      if (done === total || now() - lastDraw >= REDRAW_MS) render();
    },
    log(line) {
      clear();
      // lines carry object keys and other data from outside: one line each, never terminal controls
      stream.write(`${escapeControl(line)}\n`);
      if (enabled && state.total > 0) render();
    },
    done() {
      if (enabled) clear();
    },
  };
}
