// dist/server.js, what editors start: loads the language server (server.ts, bundled as dist/serverMain.js)
// through V8's code cache (node/codeCache.ts), so that from the second start on the 0.6 MB bundle is not
// parsed and compiled again, nor the functions the first start ran. The cache is written once the server is
// warm (server.ts `whenWarm`); a cache that is absent, damaged, refused by V8 or cannot be written only costs
// that compilation. Kept tiny: everything else is in the main bundle.
import * as path from 'node:path';
import { codeCacheDir, loadWithCodeCache } from './node/codeCache';
import type * as ServerModule from './server';

const server = loadWithCodeCache<typeof ServerModule>(path.join(__dirname, 'serverMain.js'), codeCacheDir());
server.exports.whenWarm(() => server.save());
