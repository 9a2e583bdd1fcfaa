// Preloaded (NODE_OPTIONS=--require) into a CLI or server process by lazy-load.test.ts: appends every
// module file the process loads to the file named by IMR_RECORD_LOADS, one path a line.
const Module = require('node:module');
const fs = require('node:fs');
const log = process.env.IMR_RECORD_LOADS;
const load = Module._load;
Module._load = function recordLoad(request, parent, isMain) {
  if (log) {
    try {
      fs.appendFileSync(log, `${Module._resolveFilename(request, parent, isMain)}\n`);
    } catch {
      // Built-ins and unresolvable requests: not a file this test looks for.
    }
  }
  return load.apply(this, arguments);
};
