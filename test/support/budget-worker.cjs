// Runs one exported function of a TypeScript module in a worker thread for `inWorker` (budget.ts) and posts
// back its result. Plain CommonJS: a worker's entry file is loaded before any `--import` hook could read .ts.
require('tsx/cjs');
const { parentPort, workerData } = require('node:worker_threads');

const { modulePath, exportName, args } = workerData;
parentPort.postMessage(require(modulePath)[exportName](...args));
