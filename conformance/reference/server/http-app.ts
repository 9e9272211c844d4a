/** The reference server's HTTP face, shared by the `http.ts` entry point and the tests that start it in-process. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createMcpHttpServer,
  headerParametersFromSchema,
  type McpHttpServer,
} from '../../src/transport/http-server.ts';
import { createAuthGate } from './auth.ts';
import { authFaultsNamed } from './faults-auth.ts';
import { faultNamed } from './faults.ts';
import { toolsFor } from './fixture.ts';
import { createReferenceServer } from './server.ts';

const STATELESS_REVISION = '2026-07-28';

type Intercept = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface ReferenceHttpOptions {
  fault?: string;
  log?: (line: string) => void;
  /** Authorization mode: RFC 9728 metadata, and bearer tokens from `mintReferenceTokens(url)` required. */
  auth?: boolean;
}

export function createReferenceHttpServer(options: ReferenceHttpOptions = {}): McpHttpServer {
  const factory = createReferenceServer(options.fault ? { fault: options.fault } : {});
  const faulty = faultNamed(options.fault)?.http;
  let resource = '';
  const gate = options.auth ? createAuthGate(() => resource, authFaultsNamed(options.fault)) : undefined;
  const http = createMcpHttpServer(factory, {
    log: options.log ?? (() => {}),
    // Mcp-Param-* checks need the tools' x-mcp-header annotations (stateless era only).
    toolHeaderParameters: (name) => {
      const tool = toolsFor(STATELESS_REVISION, 'stateless').find((t) => t.definition.name === name);
      return tool ? headerParametersFromSchema(tool.definition.inputSchema) : undefined;
    },
    ...(gate ? { admit: gate.admit } : {}),
    ...faulty?.options,
  });
  const intercepts = [gate?.intercept, faulty?.intercept].filter((f): f is Intercept => f !== undefined);
  if (intercepts.length > 0) {
    // The MCP handler is the server's only 'request' listener; the hooks go in front of it.
    const [handler] = http.server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
    http.server.removeAllListeners('request');
    http.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (!intercepts.some((intercept) => intercept(req, res))) handler!(req, res);
    });
  }
  if (!gate) return http;
  // The resource identifier is the endpoint URL, known once the server listens.
  return {
    server: http.server,
    close: () => http.close(),
    listen: async (port, host) => {
      const urls = await http.listen(port, host);
      resource = urls.url;
      return urls;
    },
  };
}
