/**
 * Tasks (2025-11-25) that end badly, and the lifecycle rules every ending keeps: test_task_required runs three
 * times at once (to success, to a tool error, to a JSON-RPC error) and every status the server reports for them is
 * followed in order.
 */
import type { McpSession, ReceivedNotification, Response } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import { describe, errorCode, isObject, TASKS } from './helpers.ts';
import { RELATED_TASK, startTask } from './fixture-tasks.ts';

const WORK_MS = 100;
/** What test_task_required fails with when asked for a protocol error (FIXTURE.md). */
const FIXTURE_ERROR = { code: -32603, message: 'Task failed on purpose' };
const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
/** The statuses a task may move to from each status (terminal ones allow none). */
const NEXT: Record<string, readonly string[]> = {
  working: ['input_required', 'completed', 'failed', 'cancelled'],
  input_required: ['working', 'completed', 'failed', 'cancelled'],
};

type Outcome = 'success' | 'tool-error' | 'protocol-error';
const OUTCOMES: readonly Outcome[] = ['success', 'tool-error', 'protocol-error'];

/** One report of a task's status, in the order the harness saw it. */
interface Sighting {
  status: unknown;
  seq: number;
  what: string;
}

/** The first step of a task's reported statuses that the lifecycle does not allow, if any. */
function badStep(sightings: readonly Sighting[]): string | undefined {
  const ordered = [...sightings].sort((a, b) => a.seq - b.seq);
  if (ordered[0] && ordered[0].status !== 'working')
    return `its first reported status (${ordered[0].what}) is ${JSON.stringify(ordered[0].status)}, not "working"`;
  for (let i = 1; i < ordered.length; i++) {
    const [from, to] = [ordered[i - 1]!, ordered[i]!];
    if (from.status === to.status) continue;
    const allowed = NEXT[String(from.status)] ?? [];
    if (!allowed.includes(String(to.status)))
      return `${from.what} reported ${JSON.stringify(from.status)}, then ${to.what} ${JSON.stringify(to.status)}${TERMINAL.has(String(from.status)) ? ' (a terminal status is final)' : ''}`;
  }
  return undefined;
}

function statusNotifications(session: McpSession, taskId: string): ReceivedNotification[] {
  return session.notifications.filter((n) => n.method === 'notifications/tasks/status' && n.params?.taskId === taskId);
}

export const fixtureTaskOutcomeScenarios: ServerScenario[] = [
  {
    id: 'fixture-task-outcomes',
    title: 'Tasks that fail, and the lifecycle of every task',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Runs test_task_required as three tasks at once, to success, to a tool error (isError) and to a JSON-RPC error; waits for each with tasks/result and polls each twice with tasks/get; checks that the task ids differ, that failures end in "failed" with an explanation, that tasks/result repeats the JSON-RPC error, that every status reported (created, polled, notified) follows the lifecycle, and that status notifications carry no related-task metadata.',
    revisions: TASKS,
    checks: [
      check('tasks.ids-distinct', 'MUST', 'Tasks created at the same time get distinct task ids', ['tasks.id.unique']),
      check(
        'tasks.failed-explained',
        'SHOULD',
        'A task whose work failed (a tool result with isError, a JSON-RPC error) is reported "failed", with a statusMessage saying what went wrong',
        ['tasks.errors.failure-message'],
      ),
      check(
        'tasks.result-same-error',
        'MUST',
        'tasks/result of a task whose work ended in a JSON-RPC error answers with that same error',
        ['tasks.result.same-error', 'tasks.result.terminal-outcome'],
      ),
      check(
        'tasks.status-lifecycle',
        'MUST',
        'Every status reported for a task (CreateTaskResult, tasks/get, notifications/tasks/status), in order, starts at "working" and moves only as the lifecycle allows; a terminal status never changes',
        ['tasks.lifecycle.from-working', 'tasks.lifecycle.terminal-final', 'tasks.lifecycle.start-working'],
      ),
      check(
        'tasks.status-notification-no-related-meta',
        'SHOULD NOT',
        'notifications/tasks/status carries no io.modelcontextprotocol/related-task metadata',
        ['tasks.status.no-related-meta'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      await ctx.fixtureTool(session, 'test_task_required');
      const started = await Promise.all(
        OUTCOMES.map((outcome) => startTask(session, 'test_task_required', { durationMs: WORK_MS, outcome })),
      );
      const missing = OUTCOMES.filter((_, i) => started[i]!.taskId === undefined);
      if (missing.length > 0)
        return ctx.end(
          `test_task_required created no task for outcome ${missing.join(', ')}: ${describe(started.find((s) => !s.taskId)!.response)}`,
        );
      const ids = started.map((s) => s.taskId!);
      ctx
        .check('tasks.ids-distinct')
        .verify(
          new Set(ids).size === ids.length,
          `three tasks created at once got the ids ${JSON.stringify(ids)}`,
          ...started.map((s) => s.response),
        );

      const results = await Promise.all(ids.map((taskId) => session.request('tasks/result', { taskId })));
      const polls: Response[][] = [];
      for (const taskId of ids) {
        const first = await session.request('tasks/get', { taskId });
        polls.push([first, await session.request('tasks/get', { taskId })]);
      }

      // Failures: the tool error and the protocol error.
      for (const index of [1, 2]) {
        const get = polls[index]![0]!;
        const message = get.result?.statusMessage;
        ctx
          .check('tasks.failed-explained')
          .verify(
            get.result?.status === 'failed' && typeof message === 'string' && message.trim() !== '',
            `the task that ended in a ${OUTCOMES[index]} is reported ${JSON.stringify(get.result?.status)} with statusMessage ${JSON.stringify(message)}`,
            started[index]!.response,
            get,
          );
      }
      const errored = results[2]!;
      ctx
        .check('tasks.result-same-error')
        .verify(
          errorCode(errored) === FIXTURE_ERROR.code && errored.error?.message === FIXTURE_ERROR.message,
          `tasks/result of the task whose work failed with error ${FIXTURE_ERROR.code} "${FIXTURE_ERROR.message}" was answered with ${describe(errored)}`,
          errored,
        );

      const seqOf = (response: Response): number => ctx.evidenceFrom([response])[0]?.seq ?? 0;
      for (const [index, taskId] of ids.entries()) {
        const created = started[index]!.response;
        const sightings: Sighting[] = [
          {
            status: (created.result?.task as { status?: unknown } | undefined)?.status,
            seq: seqOf(created),
            what: 'the CreateTaskResult',
          },
          ...polls[index]!.map((get, n) => ({
            status: get.result?.status,
            seq: seqOf(get),
            what: `tasks/get #${n + 1}`,
          })),
        ];
        const notified = statusNotifications(session, taskId);
        for (const n of notified)
          sightings.push({ status: n.params?.status, seq: n.entry.seq, what: 'a notifications/tasks/status' });
        const problem = badStep(sightings);
        ctx
          .check('tasks.status-lifecycle')
          .verify(
            problem === undefined,
            `task ${taskId} (${OUTCOMES[index]}): ${problem ?? ''}`,
            created,
            ...polls[index]!,
            ...notified.map((n) => n.entry).slice(0, 3),
          );
      }

      const notifications = ids.flatMap((taskId) => statusNotifications(session, taskId));
      if (notifications.length === 0)
        ctx
          .check('tasks.status-notification-no-related-meta')
          .skip('the server sent no notifications/tasks/status (they are optional)');
      else {
        const tagged = notifications.filter((n) => isObject(n.params?._meta) && RELATED_TASK in n.params._meta);
        ctx
          .check('tasks.status-notification-no-related-meta')
          .verify(
            tagged.length === 0,
            `${tagged.length} of ${notifications.length} notifications/tasks/status carry ${RELATED_TASK}`,
            ...tagged.map((n) => n.entry).slice(0, 3),
          );
      }
    },
  },
];
