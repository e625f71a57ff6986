// Opens the embedded database in the folder given as argument, says "ready" and keeps it open
// until killed: a second process for tests/integration/data-dir-lock.test.ts.
import { openDatabase } from '../../src/db/client.ts';

await openDatabase({ kind: 'pglite', dataDir: process.argv[2]! });
console.log('ready');
setInterval(() => undefined, 60_000);
