// Preloaded (NODE_OPTIONS=--require) into a CLI or server process by lazy-load.test.ts: appends every
// module file the process loads to the file named by IMR_RECORD_LOADS, one path a line. The PDF bundle is
// compiled from its source (with V8's code cache) rather than required, so reads of .js files count too.
const Module = require('node:module');
const fs = require('node:fs');
const log = process.env.IMR_RECORD_LOADS;
const record = (file) => {
  if (log) fs.appendFileSync(log, `${file}\n`);
};
const load = Module._load;
Module._load = function recordLoad(request, parent, isMain) {
  try {
    record(Module._resolveFilename(request, parent, isMain));
  } catch {
    // Built-ins and unresolvable requests: not a file this test looks for.
  }
  return load.apply(this, arguments);
};
const readFileSync = fs.readFileSync;
fs.readFileSync = function recordRead(file) {
  if (typeof file === 'string' && file.endsWith('.js')) record(file);
  return readFileSync.apply(this, arguments);
};
