/**
 * Security-flavoured server requirements that can be seen from outside: what log and error messages
 * give away, how resource URIs that are malformed or climb out of a directory are refused, and the
 * task rules a server's tool list commits it to (2025-11-25).
 */
import { answerFor, type JsonObject, type McpSession, type Response } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { EvidenceInput, ServerContext } from '../runner/context.ts';
import { describe, errorCode, isObject, mayCall, TASKS, taskSupportOf } from './helpers.ts';
import { credentialsIn, internalsIn, personalDataIn } from './sensitive.ts';

const FROM_SECURITY = { from: '2025-11-25' } as const;
const LOG_TOOLS = ['test_tool_with_logging', 'test_logging_tool', 'test_error_handling'];

/** A text the server produced, with where it came from. */
interface Said {
  text: string;
  origin: string;
  evidence: EvidenceInput;
}

/** Log messages of `session` and the error responses among `responses`, as texts. */
function gather(session: McpSession, responses: Response[]): Said[] {
  const said: Said[] = [];
  for (const n of session.notifications)
    if (n.method === 'notifications/message') {
      const data = n.params?.data;
      const text = `${typeof data === 'string' ? data : JSON.stringify(data)} ${String(n.params?.logger ?? '')}`;
      said.push({ text, origin: 'a log message', evidence: n.entry });
    }
  for (const response of responses)
    if (response.error) {
      const text = `${String(response.error.message)} ${JSON.stringify(response.error.data ?? '')}`;
      said.push({ text, origin: `error ${String(response.error.code)}`, evidence: response });
    }
  return said;
}

function judge(ctx: ServerContext, id: string, said: Said[], find: (text: string) => string[]): void {
  ctx.check(id).pass();
  for (const item of said) {
    const found = find(item.text);
    if (found.length > 0)
      ctx
        .check(id)
        .violated(
          `${item.origin} contains ${found.join(', ')}: ${JSON.stringify(item.text.slice(0, 160))}`,
          item.evidence,
        );
  }
}

/** Sends a request exactly as given (the harness's own schema check would refuse some); undefined on timeout. */
async function sendRaw(session: McpSession, method: string, params: JsonObject): Promise<Response | undefined> {
  const message = session.buildRequest(method, params);
  return session.requestRaw(message, message.id as string | number);
}

function readRaw(session: McpSession, uri: string): Promise<Response | undefined> {
  return sendRaw(session, 'resources/read', { uri });
}

/** Whether a resources/read was refused: an error, no contents. */
function refused(response: Response | undefined): boolean {
  return response?.error !== undefined && response.result === undefined;
}

export const securityScenarios: ServerScenario[] = [
  {
    id: 'logging-security',
    title: 'What log and error messages give away',
    area: 'utilities',
    depth: 'any',
    waits: true,
    description:
      'Asks for every log level, calls the logging and failing fixture tools when listed, provokes errors (unknown tool, unknown resource, unknown prompt, unknown method), and scans every log message and error message for credentials, e-mail addresses, stack traces and file paths.',
    revisions: FROM_SECURITY,
    checks: [
      check(
        'logging.messages-no-credentials',
        'MUST NOT',
        'Log and error messages contain no credential-like string (Authorization value, bearer token, JWT, private key, cloud or API key, secret assigned to a credential name)',
        ['logging.security.no-credentials'],
      ),
      check('logging.messages-no-personal-data', 'MUST NOT', 'Log and error messages contain no e-mail address', [
        'logging.security.no-personal-data',
      ]),
      check(
        'logging.messages-no-internals',
        'MUST NOT',
        'Log and error messages contain no stack trace and no absolute file system path',
        ['logging.security.no-attack-details'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session({ logLevel: 'debug' });
      const caps = session.serverCapabilities;
      // The level first, everything else at once: none of it depends on another.
      const asked: Array<Promise<Response | undefined> | Response> = [];
      if (!ctx.stateless && isObject(caps.logging))
        asked.push(await session.request('logging/setLevel', { level: 'debug' }));
      if (isObject(caps.tools)) {
        const tools = (await ctx.listAll(session, 'tools/list')) ?? [];
        for (const name of LOG_TOOLS)
          if (tools.some((t) => t.name === name)) asked.push(session.request('tools/call', { name, arguments: {} }));
        asked.push(session.request('tools/call', { name: 'mcp-conformance-no-such-tool', arguments: {} }));
      }
      if (isObject(caps.resources))
        asked.push(session.request('resources/read', { uri: 'test://mcp-conformance/no-such-resource' }));
      if (isObject(caps.prompts))
        asked.push(session.request('prompts/get', { name: 'mcp-conformance-no-such-prompt' }));
      asked.push(sendRaw(session, 'mcp-conformance/no-such-method', {}));
      const responses = (await Promise.all(asked)).filter((r): r is Response => r !== undefined);
      await session.quiet(100);
      const said = gather(session, responses);
      if (said.length === 0) return ctx.end('the server sent no log message and no error message');
      judge(ctx, 'logging.messages-no-credentials', said, credentialsIn);
      judge(ctx, 'logging.messages-no-personal-data', said, personalDataIn);
      judge(ctx, 'logging.messages-no-internals', said, internalsIn);
    },
  },
  {
    id: 'resources-uri-safety',
    title: 'Malformed and directory-climbing resource URIs',
    area: 'resources',
    depth: 'any',
    description:
      'Reads resource URIs that are not valid URIs, and file: URIs whose path climbs out with ".." (plain and percent-encoded, and below each listed file: resource), and checks that each is refused with an error.',
    revisions: FROM_SECURITY,
    checks: [
      check(
        'resources.malformed-uri-refused',
        'MUST',
        'resources/read of a malformed URI (no scheme, spaces, a broken percent-escape, an unclosed IPv6 host) is answered with a JSON-RPC error, not contents',
        ['resources.security.validate-uris'],
      ),
      check(
        'resources.path-traversal-refused',
        'MUST',
        'resources/read of a file: URI with ".." segments (plain or %2e%2e), also below each listed file: resource, is answered with a JSON-RPC error, not contents',
        ['resources.security.path-traversal', 'resources.security.validate-uris'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'resources');
      const malformed = [
        'mcp conformance not a uri',
        '://no-scheme/resource',
        'test://%zz/broken-escape',
        'http://[::1/x',
      ];
      for (const uri of malformed) {
        const response = await readRaw(session, uri);
        if (!refused(response))
          ctx
            .check('resources.malformed-uri-refused')
            .violated(`${JSON.stringify(uri)} was answered with ${describe(response)}`, response);
      }
      if (!ctx.check('resources.malformed-uri-refused').decided) ctx.check('resources.malformed-uri-refused').pass();
      const climb = '../../../../../../../../etc/passwd';
      const uris = [`file:///${climb}`, `file:///${climb.replaceAll('..', '%2e%2e')}`, `file:///tmp/${climb}`];
      const listed = (await ctx.listAll(session, 'resources/list')) ?? [];
      for (const resource of listed.filter((r) => typeof r.uri === 'string' && r.uri.startsWith('file:')).slice(0, 3)) {
        const uri = String(resource.uri);
        uris.push(`${uri.slice(0, uri.lastIndexOf('/') + 1)}${climb}`);
      }
      for (const uri of uris) {
        const response = await readRaw(session, uri);
        if (!refused(response))
          ctx
            .check('resources.path-traversal-refused')
            .violated(`${uri} was answered with ${describe(response)}`, response);
      }
      if (!ctx.check('resources.path-traversal-refused').decided) ctx.check('resources.path-traversal-refused').pass();
    },
  },
  {
    id: 'tasks-tool-support',
    title: 'Tools that need tasks, and the tasks capability',
    area: 'tools',
    depth: 'any',
    description:
      'Calls each tool whose execution.taskSupport is "required" without a task, expecting -32601; calls a tool that supports tasks with a task and, when the server accepts (CreateTaskResult), checks it declared the tasks capability. Only read-only tools are called unless --call-tools.',
    revisions: TASKS,
    checks: [
      check(
        'tasks.required-tool-plain-call-error',
        'MUST',
        'A tool with execution.taskSupport "required" called without a task is answered with error -32601',
        ['tasks.tools.required.error'],
      ),
      check(
        'tasks.capability-declared-when-accepted',
        'MUST',
        'A server that answers a task-augmented tools/call with a CreateTaskResult declared the tasks capability',
        ['tasks.capability.server-declare'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const tools = (await ctx.listAll(session, 'tools/list')) ?? ctx.end('tools/list failed; see tools-list');
      const required = tools.filter((t) => taskSupportOf(t) === 'required');
      const plain = ctx.check('tasks.required-tool-plain-call-error');
      if (required.length === 0) plain.skip('no tool lists execution.taskSupport "required"');
      else if (!required.some((t) => mayCall(ctx, t)))
        plain.skip('the tools that need tasks are not annotated read-only (use --call-tools)');
      for (const tool of required.filter((t) => mayCall(ctx, t))) {
        const response = await session.request('tools/call', {
          name: tool.name,
          arguments: answerFor(tool.inputSchema),
        });
        plain.verify(
          errorCode(response) === -32601,
          `${String(tool.name)} without a task was answered with ${describe(response)}`,
          response,
        );
      }
      const supporting = tools.find(
        (t) => ['optional', 'required'].includes(String(taskSupportOf(t))) && mayCall(ctx, t),
      );
      const declared = ctx.check('tasks.capability-declared-when-accepted');
      if (!supporting) return void declared.skip('no callable tool supports tasks');
      const response = await session.request('tools/call', {
        name: supporting.name,
        arguments: answerFor(supporting.inputSchema),
        task: { ttl: 60_000 },
      });
      if (!isObject(response.result?.task))
        return void declared.skip(`the task-augmented call was not accepted as a task: ${describe(response)}`);
      declared.verify(
        isObject(session.serverCapabilities.tasks),
        'the server accepted a task-augmented call without declaring the tasks capability',
        response,
        session.openResponse,
      );
    },
  },
  {
    id: 'tasks-undeclared-request',
    title: 'A task-augmented request of a type without declared task support',
    area: 'tools',
    depth: 'any',
    description:
      'Sends the first list request the server declares (or ping) plainly, then again with a task field although the server declared no task support for it, and expects the same ordinary result.',
    revisions: TASKS,
    checks: [
      check(
        'tasks.undeclared-request-ordinary',
        'MUST',
        'A task-augmented request of a type the server declared no task support for is answered as if it had no task',
        ['tasks.support.undeclared-normal', 'tasks.support.undeclared-ignore'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      const caps = session.serverCapabilities;
      const area = ['tools', 'prompts', 'resources'].find((name) => isObject(caps[name]));
      const method = area ? `${area}/list` : 'ping';
      const declared = isObject(caps.tasks) && isObject(caps.tasks.requests) ? caps.tasks.requests : {};
      const byArea = area ? declared[area] : undefined;
      if (isObject(byArea) && byArea.list !== undefined)
        return ctx.end(`not applicable: the server declares task support for ${method}`);
      const plain = await session.request(method, {});
      const tasked = await session.request(method, { task: { ttl: 60_000 } });
      const handle = ctx.check('tasks.undeclared-request-ordinary');
      if (!plain.result) return void handle.skip(`${method} without a task was answered with ${describe(plain)}`);
      const same =
        tasked.result !== undefined &&
        JSON.stringify(withoutMeta(tasked.result)) === JSON.stringify(withoutMeta(plain.result));
      handle.verify(
        same,
        `${method} with a task was answered with ${describe(tasked)}, without one with ${describe(plain)}`,
        tasked,
        plain,
      );
    },
  },
];

/** A result without its `_meta`, which may differ from one answer to the next. */
function withoutMeta(result: JsonObject): JsonObject {
  const { _meta: _ignored, ...rest } = result;
  void _ignored;
  return rest;
}
