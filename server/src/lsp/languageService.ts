// The server's host for the language service (core/service): letters are the shared per-version analyses,
// none for a degraded document (largeDocuments.ts), whose outline comes from its head; findings are the
// analysis's memoised rule run under the document's settings; memory is reclaimed around the work on a
// large letter. Letters not open are read from their files (`file:` or a PDF's `imr-pdf:`, workspaceIndex.ts),
// in time slices so that other requests are answered meanwhile.
import { createLanguageService, type LanguageService } from '../core/service';
import type { Analysis } from './analysis';
import { configurationIfCurrent, openAnalysis, outlineAnalysis, type ServerContext } from './context';
import { timeSlices } from './eventLoop';
import { collectAfterLargeWork } from './memory';
import { filePathOf } from './settings';
import { readIndexedLetter } from './workspaceIndex';

/** Work on letter files between two yields to the event loop. */
const FILES_SLICE_MS = 10;

/** `context` is read at each call: the service is made while the context object is being built. */
export function createServerLanguageService(context: () => ServerContext): LanguageService {
  return createLanguageService<Analysis>({
    letter: (uri) => openAnalysis(context(), uri)?.analysis,
    outlineLetter: (uri) => outlineAnalysis(context(), uri),
    async findings(uri, analysis) {
      const configuration = await configurationIfCurrent(context(), uri, analysis.version);
      return configuration ? context().analyses.findings(analysis, configuration) : [];
    },
    aroundLargeWork: (analysis) => collectAfterLargeWork(analysis.size),
    files: {
      async readLetterFile(uri) {
        const read = await readIndexedLetter(uri);
        return read.ok ? read.text : { reason: read.reason };
      },
      rulesFor: async (uri) => (await context().settings.configurationFor(uri)).rules,
      pause: timeSlices(FILES_SLICE_MS),
    },
    fileName: (uri) => filePathOf(uri) ?? uri,
  });
}
