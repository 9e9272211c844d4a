/**
 * Tasks (2025-11-25) at the fixture depth: the fixture tools test_task_required and test_task_optional are run as
 * tasks, then polled, fetched, listed and cancelled, and a tool without task support is called as a task.
 */
import type { JsonObject, McpSession, Response } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { ServerContext } from '../runner/context.ts';
import type { StreamableHttpTransport } from '../transport/http.ts';
import { describe, errorCode, isObject, TASKS, taskSupportOf } from './helpers.ts';
import { isExactText, shown } from './fixture-tools.ts';
import { httpEvidence } from './streamable-http.ts';

export const RELATED_TASK = 'io.modelcontextprotocol/related-task';
const STATUSES = ['working', 'input_required', 'completed', 'failed', 'cancelled'];
/** RFC 3339 section 5 date-time, the ISO 8601 profile the spec names. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
/** How long the first task works: long enough for a tasks/get and a tasks/result to arrive while it does. */
const WORK_MS = 200;
/** Longer than any run, so the task is still working when it is cancelled. */
export const LONG_WORK_MS = 60_000;
export const TTL_MS = 60_000;
const MAX_LIST_PAGES = 50;

/** What is wrong with a Task object as the spec shapes it (none when it is well-formed). */
export function taskProblems(task: unknown): string[] {
  if (!isObject(task)) return ['no task object'];
  const problems: string[] = [];
  if (typeof task.taskId !== 'string') problems.push(`taskId is ${JSON.stringify(task.taskId)}, not a string`);
  if (!STATUSES.includes(String(task.status))) problems.push(`status is ${JSON.stringify(task.status)}`);
  for (const field of ['createdAt', 'lastUpdatedAt'])
    if (typeof task[field] !== 'string' || !DATE_TIME.test(task[field]))
      problems.push(`${field} is ${JSON.stringify(task[field])}, not an ISO 8601 date-time`);
  if (!(task.ttl === null || (typeof task.ttl === 'number' && task.ttl >= 0)))
    problems.push(`ttl is ${JSON.stringify(task.ttl)}, not a number of milliseconds or null`);
  return problems;
}

/** Runs a fixture tool as a task; the created task, or undefined with the response. */
export async function startTask(
  session: McpSession,
  name: string,
  args: JsonObject,
): Promise<{ response: Response; taskId?: string }> {
  const response = await session.request('tools/call', { name, arguments: args, task: { ttl: TTL_MS } });
  const taskId = createdTaskId(response);
  return taskId === undefined ? { response } : { response, taskId };
}

/** The id of the task a CreateTaskResult announces, if it announces one. */
export function createdTaskId(response: Response): string | undefined {
  const task = response.result?.task;
  return isObject(task) && typeof task.taskId === 'string' ? task.taskId : undefined;
}

/** Every task id tasks/list gives, page by page; undefined (with the bad page) when a page is not a list. */
async function listedTaskIds(session: McpSession): Promise<{ ids?: Set<string>; pages: Response[] }> {
  const ids = new Set<string>();
  const pages: Response[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < MAX_LIST_PAGES; n += 1) {
    const response = await session.request('tasks/list', cursor === undefined ? {} : { cursor });
    pages.push(response);
    const tasks = response.result?.tasks;
    if (!Array.isArray(tasks)) return { pages };
    for (const task of tasks) if (isObject(task) && typeof task.taskId === 'string') ids.add(task.taskId);
    const next = response.result?.nextCursor;
    if (typeof next !== 'string') break;
    cursor = next;
  }
  return { ids, pages };
}

export const fixtureTasksScenarios: ServerScenario[] = [
  {
    id: 'fixture-tasks',
    title: 'Tool calls run as tasks: create, poll, fetch, list, cancel',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Calls test_task_required as a task and checks the CreateTaskResult; polls it with tasks/get (over HTTP, expecting a JSON answer rather than an SSE stream), fetches its result with tasks/result while it works and checks that the answer waited for the end and carries the tool result with the related-task metadata; cancels it once finished (refused) and cancels a second, long task while it works; lists the tasks page by page; asks for unknown task ids; and calls a tool without task support as a task.',
    revisions: TASKS,
    checks: [
      check(
        'tasks.capability-requests',
        'MUST',
        'A server with tools that support tasks declares tasks.requests.tools.call',
        ['tasks.capability.declare-request-types', 'tasks.capability.server-declare'],
      ),
      check(
        'tasks.create-result',
        'MUST',
        'A task-augmented tools/call is answered with a CreateTaskResult: a task with a string taskId, ISO 8601 createdAt and lastUpdatedAt, and a ttl (milliseconds or null)',
        ['tasks.result.create-response', 'tasks.id.string', 'tasks.ttl.created-at', 'tasks.ttl.last-updated-at'],
      ),
      check('tasks.create-working', 'MUST', 'A task created by a tools/call starts in the working status', [
        'tasks.lifecycle.start-working',
      ]),
      check(
        'tasks.get-state',
        'MUST',
        'tasks/get answers with the task it names: same taskId, a known status, ISO 8601 timestamps and the ttl in force (milliseconds or null)',
        ['tasks.ttl.actual-in-get', 'tasks.ttl.created-at', 'tasks.ttl.last-updated-at', 'tasks.related.param-wins'],
      ),
      check(
        'tasks.get-json',
        'SHOULD NOT',
        'Over HTTP, tasks/get is answered with application/json, not with an SSE stream (text/event-stream): the client chose to poll',
        ['tasks.http.no-sse-for-get'],
        { ...TASKS, transports: ['http'] },
      ),
      check(
        'tasks.result-waits',
        'MUST',
        'tasks/result sent while the task works is answered only once the task has ended: a tasks/get sent after the answer reports it completed',
        ['tasks.result.wait'],
      ),
      check(
        'tasks.result-payload',
        'MUST',
        'tasks/result answers with the result the tool call would have given without a task (the fixture text)',
        ['tasks.result.same-success', 'tasks.result.unchanged'],
      ),
      check(
        'tasks.result-related-meta',
        'MUST',
        'The tasks/result answer carries _meta["io.modelcontextprotocol/related-task"] with the task\'s taskId',
        ['tasks.related.result-meta', 'tasks.related.task-id', 'tasks.related.include'],
      ),
      check(
        'tasks.list-includes',
        'MUST',
        'tasks/list, followed page by page through nextCursor, lists every task the session created',
        ['tasks.list.matches-get', 'tasks.list.next-cursor'],
      ),
      check('tasks.list-invalid-cursor', 'MUST', 'tasks/list with an unknown cursor is answered with error -32602', [
        'tasks.errors.bad-cursor',
      ]),
      check(
        'tasks.cancel-working',
        'MUST',
        'tasks/cancel of a working task answers with the task cancelled, and tasks/get then reports it cancelled',
        ['tasks.cancel.mark-cancelled', 'tasks.cancel.stays-cancelled'],
      ),
      check(
        'tasks.cancel-terminal-refused',
        'MUST',
        'tasks/cancel of a task that has already completed is answered with error -32602',
        ['tasks.cancel.reject-terminal'],
      ),
      check(
        'tasks.unknown-task-refused',
        'MUST',
        'tasks/get, tasks/result and tasks/cancel naming an unknown taskId are each answered with error -32602',
        ['tasks.errors.unknown-task-get', 'tasks.errors.unknown-task-result', 'tasks.errors.unknown-task-cancel'],
      ),
      check(
        'tasks.forbidden-tool-task-error',
        'SHOULD',
        'A task-augmented tools/call of a tool without task support (taskSupport missing or "forbidden") is answered with error -32601',
        ['tasks.tools.forbidden.error'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      await ctx.fixtureTool(session, 'test_task_required');
      const tasks = session.serverCapabilities.tasks;
      const requests = isObject(tasks) && isObject(tasks.requests) ? tasks.requests : {};
      ctx
        .check('tasks.capability-requests')
        .verify(
          isObject(requests.tools) && isObject(requests.tools.call),
          `the server lists tools with execution.taskSupport but declares tasks ${JSON.stringify(tasks)}`,
          session.openResponse,
        );

      const first = await startTask(session, 'test_task_required', { durationMs: WORK_MS });
      const created = first.response.result?.task;
      const createProblems = taskProblems(created);
      ctx
        .check('tasks.create-result')
        .verify(
          createProblems.length === 0,
          `the task-augmented call was answered with ${describe(first.response)}: ${createProblems.join('; ')}`,
          first.response,
        );
      const id = first.taskId ?? ctx.end('the task-augmented call of test_task_required created no task');
      ctx
        .check('tasks.create-working')
        .verify(
          isObject(created) && created.status === 'working',
          `the new task has status ${JSON.stringify(isObject(created) ? created.status : undefined)}, not "working"`,
          first.response,
        );

      const polled = await session.request('tasks/get', { taskId: id });
      const fetched = await session.request('tasks/result', { taskId: id });
      const after = await session.request('tasks/get', { taskId: id });
      for (const get of [polled, after]) {
        const problems = taskProblems(get.result);
        if (get.result?.taskId !== id) problems.push(`taskId is ${JSON.stringify(get.result?.taskId)}, not ${id}`);
        ctx
          .check('tasks.get-state')
          .verify(problems.length === 0, `tasks/get was answered with ${describe(get)}: ${problems.join('; ')}`, get);
        if (ctx.has('tasks.get-json')) {
          const exchange = (session.connection as StreamableHttpTransport).exchangeFor(
            get.message.id as string | number,
          );
          ctx
            .check('tasks.get-json')
            .verify(
              exchange?.contentType === 'application/json',
              `tasks/get was answered with Content-Type "${String(exchange?.contentType)}"`,
              exchange ? httpEvidence(exchange) : get,
            );
        }
      }
      ctx
        .check('tasks.result-waits')
        .verify(
          fetched.result !== undefined && after.result?.status === 'completed',
          `tasks/result was answered with ${describe(fetched)}; a tasks/get sent after it reported status ${JSON.stringify(after.result?.status)}`,
          fetched,
          after,
        );
      const expected = `Task finished after ${WORK_MS} ms`;
      ctx
        .check('tasks.result-payload')
        .verify(
          isExactText(fetched, expected),
          `tasks/result gave ${shown(fetched)}, not the tool result ${JSON.stringify(expected)}`,
          fetched,
        );
      const meta = isObject(fetched.result?._meta) ? fetched.result._meta[RELATED_TASK] : undefined;
      ctx
        .check('tasks.result-related-meta')
        .verify(
          isObject(meta) && meta.taskId === id,
          `the tasks/result answer has ${RELATED_TASK} ${JSON.stringify(meta)}, not {"taskId":"${id}"}`,
          fetched,
        );

      const second = await startTask(session, 'test_task_required', { durationMs: LONG_WORK_MS });
      const optional = await startTask(session, 'test_task_optional', {});
      await verifyCancel(ctx, session, id, second.taskId);
      await verifyList(ctx, session, [id, second.taskId, optional.taskId]);

      const unknown = 'mcp-conformance-no-such-task';
      for (const method of ['tasks/get', 'tasks/result', 'tasks/cancel']) {
        const response = await session.request(method, { taskId: unknown });
        ctx
          .check('tasks.unknown-task-refused')
          .verify(
            errorCode(response) === -32602,
            `${method} of an unknown taskId was answered with ${describe(response)}`,
            response,
          );
      }

      const tools = (await ctx.listAll(session, 'tools/list')) ?? [];
      const plain = tools.find(
        (t) => t.name === 'test_simple_text' && [undefined, 'forbidden'].includes(taskSupportOf(t) as string),
      );
      const forbidden = ctx.check('tasks.forbidden-tool-task-error');
      if (!plain) return void forbidden.skip('fixture absent: no test_simple_text without task support');
      const refused = await startTask(session, 'test_simple_text', {});
      forbidden.verify(
        errorCode(refused.response) === -32601,
        `a task-augmented call of test_simple_text (no task support) was answered with ${describe(refused.response)}`,
        refused.response,
      );
    },
  },
];

/** tasks/cancel of the finished task `done` and of the working task `working`, when the server declares it. */
async function verifyCancel(
  ctx: ServerContext,
  session: McpSession,
  done: string,
  working: string | undefined,
): Promise<void> {
  const tasks = session.serverCapabilities.tasks;
  if (!isObject(tasks) || !isObject(tasks.cancel)) {
    for (const id of ['tasks.cancel-working', 'tasks.cancel-terminal-refused'])
      ctx.check(id).skip('not applicable: the server does not declare tasks.cancel');
    return;
  }
  const refused = await session.request('tasks/cancel', { taskId: done });
  ctx
    .check('tasks.cancel-terminal-refused')
    .verify(
      errorCode(refused) === -32602,
      `tasks/cancel of a completed task was answered with ${describe(refused)}`,
      refused,
    );
  if (working === undefined) return void ctx.check('tasks.cancel-working').skip('the second task was not created');
  const cancelled = await session.request('tasks/cancel', { taskId: working });
  const after = await session.request('tasks/get', { taskId: working });
  ctx
    .check('tasks.cancel-working')
    .verify(
      cancelled.result?.status === 'cancelled' && after.result?.status === 'cancelled',
      `tasks/cancel of a working task was answered with ${describe(cancelled)}; tasks/get then gave status ${JSON.stringify(after.result?.status)}`,
      cancelled,
      after,
    );
}

/** tasks/list holds every task of `created`, and refuses a made-up cursor, when the server declares it. */
async function verifyList(ctx: ServerContext, session: McpSession, created: Array<string | undefined>): Promise<void> {
  const tasks = session.serverCapabilities.tasks;
  if (!isObject(tasks) || !isObject(tasks.list)) {
    for (const id of ['tasks.list-includes', 'tasks.list-invalid-cursor'])
      ctx.check(id).skip('not applicable: the server does not declare tasks.list');
    return;
  }
  const { ids, pages } = await listedTaskIds(session);
  const missing = created.filter((id): id is string => id !== undefined && !ids?.has(id));
  ctx
    .check('tasks.list-includes')
    .verify(
      ids !== undefined && missing.length === 0,
      ids === undefined
        ? `a tasks/list page was answered with ${describe(pages.at(-1))}`
        : `tasks/list (${pages.length} page(s)) does not list ${missing.join(', ')}`,
      ...pages,
    );
  const bad = await session.request('tasks/list', { cursor: 'mcp-conformance-unknown-cursor' });
  ctx
    .check('tasks.list-invalid-cursor')
    .verify(errorCode(bad) === -32602, `tasks/list with an unknown cursor was answered with ${describe(bad)}`, bad);
}
