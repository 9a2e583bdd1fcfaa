// Preloaded (NODE_OPTIONS=--require) into a CLI process by pdf-bomb.test.ts: on exit, writes the process's
// peak resident memory in KiB (getrusage's ru_maxrss) to the file named by IMR_MAX_RSS_FILE.
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.IMR_MAX_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
