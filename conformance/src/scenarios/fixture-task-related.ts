/**
 * Tasks (2025-11-25): what links messages to a task. A task that reports progress and a task that asks the
 * requestor a question run at once; the scenario checks the progress token and the related-task metadata of what
 * they send, that progress stops with the task, that the task waiting for an answer is input_required, that
 * tasks/get, tasks/result and tasks/cancel go by their taskId parameter whatever related-task metadata says, that
 * their answers carry none, and that the server makes up the task id itself.
 */
import type { JsonObject, McpSession, ReceivedNotification, Response } from '../client/session.ts';
import type { WireEntry } from '../protocol/recorder.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { ServerContext } from '../runner/context.ts';
import { describe, errorCode, isObject, SETTLE_MS, TASKS } from './helpers.ts';
import { isExactText, shown } from './fixture-tools.ts';
import { createdTaskId, LONG_WORK_MS, RELATED_TASK, startTask, TTL_MS } from './fixture-tasks.ts';

const TOOL = 'test_task_required';
/** Long enough for the fixture's halfway progress to come well after the CreateTaskResult. */
const WORK_MS = 200;
const TOKEN = 'mcp-conformance-task-progress';
/** A task id the harness proposes, which a server must not take over. */
const CHOSEN_ID = 'mcp-conformance-client-chosen-task-id';
const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/** The taskId a message's related-task metadata names, if it has one. */
function relatedTaskOf(params: JsonObject | undefined): unknown {
  const meta = isObject(params?._meta) ? params._meta[RELATED_TASK] : undefined;
  return isObject(meta) ? meta.taskId : undefined;
}

function seqOf(ctx: ServerContext, response: Response | undefined): number | undefined {
  return response ? ctx.evidenceFrom([response])[0]?.seq : undefined;
}

/** Related-task metadata naming `taskId`, as request options. */
function naming(taskId: string): { meta: JsonObject } {
  return { meta: { [RELATED_TASK]: { taskId } } };
}

export const fixtureTaskRelatedScenarios: ServerScenario[] = [
  {
    id: 'fixture-task-related',
    title: 'Tasks: progress, related-task metadata and task ids',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Runs test_task_required as two tasks at once: one with a progress token, one that asks an elicitation (answered only after a tasks/get has seen the task waiting). Checks that the progress keeps the token, goes on after the CreateTaskResult and stops once the task has ended, that the progress and the elicitation request name their task in related-task metadata, and that the task waiting for the answer is input_required. Then sends tasks/get, tasks/result and tasks/cancel whose related-task metadata names another task than their taskId parameter, checks that the parameter decides and that the answers of tasks/get, tasks/list and tasks/cancel carry no related-task metadata, and proposes a task id of its own in a task-augmented call.',
    revisions: TASKS,
    checks: [
      check(
        'tasks.progress-same-token',
        'MUST',
        'Every progress notification about a task carries the progressToken of the task-augmented tools/call',
        ['progress.tasks.same-token'],
      ),
      check(
        'tasks.progress-after-create',
        'MUST',
        'Progress with the token of a task-augmented tools/call goes on after the CreateTaskResult, while the task works',
        ['progress.tasks.token-for-lifetime'],
      ),
      check(
        'tasks.progress-stop-at-terminal',
        'MUST',
        'No progress notification for a task arrives once the task has reached a terminal status',
        ['progress.tasks.stop-at-terminal'],
      ),
      check(
        'tasks.progress-related-meta',
        'MUST',
        'Progress notifications sent while a task works carry _meta["io.modelcontextprotocol/related-task"] naming that task',
        ['tasks.related.include', 'tasks.related.task-id'],
      ),
      check(
        'tasks.elicitation-related-meta',
        'MUST',
        'The elicitation/create request a task-augmented tool call sends carries _meta["io.modelcontextprotocol/related-task"] naming the tool call\'s task',
        [
          'tasks.related.dependent-requests',
          'tasks.input.related-meta',
          'tasks.related.include',
          'tasks.related.task-id',
        ],
      ),
      check(
        'tasks.input-required-reported',
        'SHOULD',
        'While a task waits for the answer to its elicitation request, tasks/get reports it input_required',
        ['tasks.input.enter-input-required'],
      ),
      check(
        'tasks.related-meta-ignored',
        'MUST',
        'tasks/get, tasks/result and tasks/cancel act on the task of their taskId parameter when their related-task metadata names another task',
        ['tasks.related.ignore-meta', 'tasks.related.param-wins'],
      ),
      check(
        'tasks.answers-no-related-meta',
        'SHOULD NOT',
        'The answers to tasks/get, tasks/list and tasks/cancel carry no io.modelcontextprotocol/related-task metadata',
        ['tasks.related.no-meta-in-results'],
      ),
      check(
        'tasks.id-receiver-generated',
        'MUST',
        'A task-augmented tools/call whose task field proposes a taskId gets a task id the server made, not the proposed one',
        ['tasks.id.receiver-generated'],
      ),
    ],
    async run(ctx) {
      // The elicitation is answered only once a tasks/get has shown the task's status while it waits.
      let asked: (taskId: string | undefined) => void = () => undefined;
      const askingTask = new Promise<string | undefined>((resolve) => (asked = resolve));
      const waitingPolls: Response[] = [];
      const session = await ctx.session({
        handlers: {
          'elicitation/create': async () => {
            const taskId = await askingTask;
            if (taskId !== undefined) waitingPolls.push(await session.request('tasks/get', { taskId }));
            return { action: 'accept', content: { response: 'Remember the conformance run.' } };
          },
        },
      });
      ctx.requireCapability(session, 'tools');
      await ctx.fixtureTool(session, TOOL);

      const from = session.notifications.length;
      const requestsFrom = session.serverRequests.length;
      const [progressing, asking] = await Promise.all([
        session.request(
          'tools/call',
          { name: TOOL, arguments: { durationMs: WORK_MS }, task: { ttl: TTL_MS } },
          { meta: { progressToken: TOKEN } },
        ),
        startTask(session, TOOL, { durationMs: 0, elicit: true }).then((started) => {
          asked(started.taskId);
          return started;
        }),
      ]);
      const progressId = createdTaskId(progressing);
      if (progressId === undefined || asking.taskId === undefined)
        return ctx.end(
          `${TOOL} created no task: ${describe(progressId === undefined ? progressing : asking.response)}`,
        );
      const askingId = asking.taskId;
      const progressResult = await session.request('tasks/result', { taskId: progressId });
      await session.request('tasks/result', { taskId: askingId });
      await session.quiet(SETTLE_MS);

      // Progress: every notifications/progress of the session belongs to the first task (no other call has a token).
      const progress = session.notifications.slice(from).filter((n) => n.method === 'notifications/progress');
      const mine = progress.filter((n) => n.params?.progressToken === TOKEN);
      const evidence = (list: ReceivedNotification[]): WireEntry[] => list.slice(0, 4).map((n) => n.entry);
      const none = 'the server sent no progress notification for the task (progress is optional)';
      if (progress.length === 0) {
        for (const id of ['tasks.progress-same-token', 'tasks.progress-after-create', 'tasks.progress-related-meta'])
          ctx.check(id).skip(none);
      } else {
        ctx
          .check('tasks.progress-same-token')
          .verify(
            mine.length === progress.length,
            `the task-augmented call had progressToken ${JSON.stringify(TOKEN)}; progress came with the tokens ${JSON.stringify(progress.map((n) => n.params?.progressToken))}`,
            progressing,
            ...evidence(progress.filter((n) => !mine.includes(n))),
          );
      }
      const createdSeq = seqOf(ctx, progressing) ?? 0;
      const terminalNotice = session.notifications
        .slice(from)
        .find(
          (n) =>
            n.method === 'notifications/tasks/status' &&
            n.params?.taskId === progressId &&
            TERMINAL.has(String(n.params?.status)),
        );
      const terminalSeq = Math.min(terminalNotice?.entry.seq ?? Infinity, seqOf(ctx, progressResult) ?? Infinity);
      if (progress.length > 0) {
        const during = mine.filter((n) => n.entry.seq > createdSeq && n.entry.seq < terminalSeq);
        ctx
          .check('tasks.progress-after-create')
          .verify(
            during.length > 0,
            `the task worked ${WORK_MS} ms after its CreateTaskResult, but no progress with its token arrived between the CreateTaskResult and its end (${mine.length} before or after)`,
            progressing,
            ...evidence(mine),
            progressResult,
          );
      }
      const aboutTask = progress.filter(
        (n) => n.params?.progressToken === TOKEN || relatedTaskOf(n.params) === progressId,
      );
      const late = aboutTask.filter((n) => n.entry.seq > terminalSeq);
      ctx
        .check('tasks.progress-stop-at-terminal')
        .verify(
          late.length === 0,
          `${late.length} progress notification(s) for the task arrived after it reached a terminal status`,
          ...(terminalNotice ? [terminalNotice.entry] : [progressResult]),
          ...evidence(late),
        );
      if (mine.length > 0) {
        const untagged = mine.filter((n) => relatedTaskOf(n.params) !== progressId);
        ctx
          .check('tasks.progress-related-meta')
          .verify(
            untagged.length === 0,
            `${untagged.length} of ${mine.length} progress notifications of task ${progressId} do not carry ${RELATED_TASK} naming it (${JSON.stringify(untagged.map((n) => n.params?._meta ?? null))})`,
            ...evidence(untagged),
          );
      } else if (progress.length > 0)
        ctx.check('tasks.progress-related-meta').skip('no progress notification carried the task’s progress token');

      // The task that asked a question.
      const elicitations = session.serverRequests.slice(requestsFrom).filter((r) => r.method === 'elicitation/create');
      if (elicitations.length === 0) {
        for (const id of ['tasks.elicitation-related-meta', 'tasks.input-required-reported'])
          ctx.check(id).skip(`the task of ${TOOL} with elicit sent no elicitation/create`);
      } else {
        const wrong = elicitations.filter((r) => relatedTaskOf(r.params) !== askingId);
        ctx
          .check('tasks.elicitation-related-meta')
          .verify(
            wrong.length === 0,
            `the elicitation/create of task ${askingId} carries ${RELATED_TASK} ${JSON.stringify(wrong.map((r) => (isObject(r.params?._meta) ? r.params._meta[RELATED_TASK] : undefined)))}`,
            asking.response,
            ...wrong.map((r) => r.entry),
          );
        const poll = waitingPolls[0];
        ctx
          .check('tasks.input-required-reported')
          .verify(
            poll?.result?.status === 'input_required',
            `while its elicitation/create waited for an answer, tasks/get reported the task with ${describe(poll)}`,
            ...elicitations.map((r) => r.entry).slice(0, 1),
            poll,
          );
      }

      await verifyParamWins(ctx, session, progressId, askingId);

      const proposed = await session.request('tools/call', {
        name: TOOL,
        arguments: { durationMs: 0 },
        task: { ttl: TTL_MS, taskId: CHOSEN_ID },
      });
      const ownId = createdTaskId(proposed);
      if (ownId === undefined)
        ctx
          .check('tasks.id-receiver-generated')
          .skip(`the call proposing a task id created no task: ${describe(proposed)}`);
      else
        ctx
          .check('tasks.id-receiver-generated')
          .verify(
            ownId !== CHOSEN_ID,
            `the task was given the id ${JSON.stringify(CHOSEN_ID)} that the request proposed in its task field`,
            proposed,
          );
    },
  },
];

/**
 * tasks/get, tasks/result and tasks/cancel whose related-task metadata names another task than their parameter;
 * and no related-task metadata in the answers to tasks/get, tasks/list and tasks/cancel.
 */
async function verifyParamWins(ctx: ServerContext, session: McpSession, done: string, other: string): Promise<void> {
  const get = await session.request('tasks/get', { taskId: done }, naming(other));
  ctx
    .check('tasks.related-meta-ignored')
    .verify(
      get.result?.taskId === done,
      `tasks/get of ${done} with related-task metadata naming ${other} was answered with ${describe(get)}`,
      get,
    );
  const result = await session.request('tasks/result', { taskId: done }, naming(other));
  const expected = `Task finished after ${WORK_MS} ms`;
  ctx
    .check('tasks.related-meta-ignored')
    .verify(
      isExactText(result, expected) && relatedTaskOf(result.result) === done,
      `tasks/result of ${done} with related-task metadata naming ${other} gave ${shown(result)} for task ${JSON.stringify(relatedTaskOf(result.result))}, not ${JSON.stringify(expected)} for ${done}`,
      result,
    );

  const answers: Array<[string, Response]> = [['tasks/get', await session.request('tasks/get', { taskId: done })]];
  const tasks = session.serverCapabilities.tasks;
  if (isObject(tasks) && isObject(tasks.list)) answers.push(['tasks/list', await session.request('tasks/list', {})]);
  if (isObject(tasks) && isObject(tasks.cancel)) {
    const working = await startTask(session, TOOL, { durationMs: LONG_WORK_MS });
    if (working.taskId !== undefined) {
      const cancelled = await session.request('tasks/cancel', { taskId: working.taskId }, naming(done));
      answers.push(['tasks/cancel', cancelled]);
      ctx
        .check('tasks.related-meta-ignored')
        .verify(
          cancelled.result?.taskId === working.taskId && cancelled.result?.status === 'cancelled',
          `tasks/cancel of the working task ${working.taskId} with related-task metadata naming the completed ${done} was answered with ${describe(cancelled)}`,
          cancelled,
        );
      if (errorCode(cancelled) !== undefined)
        await session.request('tasks/cancel', { taskId: working.taskId }).catch(() => undefined);
    }
  }
  const tagged = answers.filter(([, a]) => isObject(a.result?._meta) && RELATED_TASK in a.result._meta);
  ctx
    .check('tasks.answers-no-related-meta')
    .verify(
      tagged.length === 0,
      `the answers to ${tagged.map(([method]) => method).join(', ')} carry ${RELATED_TASK}`,
      ...tagged.map(([, a]) => a),
    );
}
