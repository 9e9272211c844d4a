/** The reference server's HTTP face, shared by the `http.ts` entry point and the tests that start it in-process. */
import {
  createMcpHttpServer,
  headerParametersFromSchema,
  type McpHttpServer,
} from '../../src/transport/http-server.ts';
import { toolsFor } from './fixture.ts';
import { createReferenceServer } from './server.ts';

const STATELESS_REVISION = '2026-07-28';

export function createReferenceHttpServer(
  options: { fault?: string; log?: (line: string) => void } = {},
): McpHttpServer {
  const factory = createReferenceServer(options.fault ? { fault: options.fault } : {});
  return createMcpHttpServer(factory, {
    log: options.log ?? (() => {}),
    // Mcp-Param-* checks need the tools' x-mcp-header annotations (stateless era only).
    toolHeaderParameters: (name) => {
      const tool = toolsFor(STATELESS_REVISION, 'stateless').find((t) => t.definition.name === name);
      return tool ? headerParametersFromSchema(tool.definition.inputSchema) : undefined;
    },
  });
}
