// Loads a module with the code cache in a worker thread and posts back what became of the cache. A worker
// has its own V8 isolate, so V8's in-memory compilation cache of this process cannot stand in for the file.
import { parentPort, workerData } from 'node:worker_threads';
import { loadWithCodeCache } from '../../../server/src/node/codeCache';

const { module, cache, save } = workerData as { module: string; cache: string | undefined; save: boolean };
const loaded = loadWithCodeCache<{ triple: (n: number) => number; greet: () => string }>(module, cache);
const results = [loaded.exports.triple(14), loaded.exports.greet()];
if (save) loaded.save();
parentPort?.postMessage({ state: loaded.state, results });
