// Entry of the MKBA worker threads (piscina): registers tsx (the server runs TypeScript without a
// build step, and a worker does not inherit the loader under every runner), then loads the task.
import { register } from 'tsx/esm/api';

register();
const task = await import('./cba-worker.ts');
export default task.evaluateCaseTask;
