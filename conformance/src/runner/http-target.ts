/** The HTTP target: a new Streamable HTTP connection (and so a new session) per scenario. */
import type { Revision } from '../../../schema/registry.ts';
import type { Recorder } from '../protocol/recorder.ts';
import { StreamableHttpTransport } from '../transport/http.ts';
import type { ServerTarget } from './context.ts';

export function httpTarget(url: string, headers: Record<string, string>, timeoutMs: number): ServerTarget {
  return {
    transport: 'http',
    connect(_revision: Revision, recorder: Recorder) {
      return StreamableHttpTransport.connect(url, { recorder, headers, timeoutMs });
    },
  };
}
