/**
 * Worker-thread entry: builds a matcher from the recipe in workerData, then runs tasks one at a time.
 * Loaded through the bootstrap in worker-pool.ts (which registers tsx first, so this file can stay TypeScript).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { matcherFromRecipe, type MatcherRecipe } from './matcher-recipe.ts';
import { runTask, type Task, type TaskOptions } from './task.ts';

export interface WorkerInit {
  recipe: MatcherRecipe;
  options: TaskOptions;
}

export type ToWorker = { id: number; task: Task };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: Awaited<ReturnType<typeof runTask>> }
  | { type: 'error'; id: number; message: string };

const port = parentPort;
if (port) {
  const init = workerData as WorkerInit;
  const post = (message: FromWorker): void => port.postMessage(message);
  try {
    const matcher = await matcherFromRecipe(init.recipe);
    port.on('message', (message: ToWorker) => {
      runTask(message.task, matcher, init.options).then(
        (result) => post({ type: 'result', id: message.id, result }),
        (error: unknown) =>
          post({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) }),
      );
    });
    post({ type: 'ready' });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
