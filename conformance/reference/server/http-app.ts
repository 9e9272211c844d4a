/** The reference server's HTTP face, shared by the `http.ts` entry point and the tests that start it in-process. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createMcpHttpServer,
  headerParametersFromSchema,
  type McpHttpServer,
} from '../../src/transport/http-server.ts';
import { faultNamed } from './faults.ts';
import { toolsFor } from './fixture.ts';
import { createReferenceServer } from './server.ts';

const STATELESS_REVISION = '2026-07-28';

export function createReferenceHttpServer(
  options: { fault?: string; log?: (line: string) => void } = {},
): McpHttpServer {
  const factory = createReferenceServer(options.fault ? { fault: options.fault } : {});
  const faulty = faultNamed(options.fault)?.http;
  const http = createMcpHttpServer(factory, {
    log: options.log ?? (() => {}),
    // Mcp-Param-* checks need the tools' x-mcp-header annotations (stateless era only).
    toolHeaderParameters: (name) => {
      const tool = toolsFor(STATELESS_REVISION, 'stateless').find((t) => t.definition.name === name);
      return tool ? headerParametersFromSchema(tool.definition.inputSchema) : undefined;
    },
    ...faulty?.options,
  });
  const intercept = faulty?.intercept;
  if (intercept) {
    // The MCP handler is the server's only 'request' listener; the fault's hook goes in front of it.
    const [handler] = http.server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
    http.server.removeAllListeners('request');
    http.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (!intercept(req, res)) handler!(req, res);
    });
  }
  return http;
}
