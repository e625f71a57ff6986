// Entry of the boundary-reading worker thread: registers tsx (the server runs TypeScript without a build
// step, and a worker does not inherit the loader under every runner), then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./boundary-worker.ts');
