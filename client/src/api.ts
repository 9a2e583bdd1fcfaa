// What `activate` returns: read by the real-editor tests (test/vscode/suite) through `extension.exports`.
import type { Detector } from './detect';
import type { DeterminationsProvider } from './determinationsView';
import type { ServerHost } from './serverHost';

export interface ExtensionApi {
  detector: Detector;
  server: ServerHost;
  determinations: DeterminationsProvider;
}
