/**
 * Tasks (2025-11-25) of one stateful session: a task-augmented `tools/call` becomes a task whose work runs in the
 * background, reached by id through `tasks/get`, `tasks/result`, `tasks/list` and `tasks/cancel`. Tasks belong to
 * the session that created them (that is how requestors are told apart) and end with it.
 */
import { randomUUID } from 'node:crypto';
import type { JsonRpcMessage } from '../../src/transport/server-session.ts';
import { ERR, ProtocolError, isObject, notification, type Json } from './common.ts';
import { page } from './fixture.ts';

type Status = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

const TERMINAL: ReadonlySet<Status> = new Set(['completed', 'failed', 'cancelled']);
/** Small, so that a few tasks already span two pages of tasks/list. */
export const TASK_PAGE_SIZE = 2;
/** The longest ttl the reference applies (one hour), and the one it applies when none was asked for. */
export const MAX_TTL_MS = 3_600_000;
const DEFAULT_TTL_MS = 600_000;
const POLL_INTERVAL_MS = 100;
export const RELATED_TASK = 'io.modelcontextprotocol/related-task';

interface TaskRecord {
  taskId: string;
  status: Status;
  statusMessage?: string;
  /** tasks/get answers given since the task ended (for the task-status-regresses fault). */
  polls?: number;
  createdAt: string;
  lastUpdatedAt: string;
  ttl: number;
  controller: AbortController;
  /** What the wrapped request produced, once it ended on its own. */
  outcome?: { result: Json } | { error: ProtocolError };
  /** Settles when the work has ended (finished, failed or was aborted). */
  done: Promise<void>;
}

function textOf(result: Json): string | undefined {
  const first = Array.isArray(result.content) ? (result.content[0] as Json | undefined) : undefined;
  return typeof first?.text === 'string' ? first.text : undefined;
}

export class TaskStore {
  private readonly tasks = new Map<string, TaskRecord>();

  constructor(
    private readonly fault: string | undefined,
    /** Sends a message that belongs to no request (notifications/tasks/status). */
    private readonly notify: (message: JsonRpcMessage) => void,
  ) {}

  /**
   * Creates a task for `work` and answers the CreateTaskResult; the work goes on after the answer. The id is
   * always the server's own: whatever id-like field the request carries is not used.
   */
  async create(requested: Json, work: (signal: AbortSignal, taskId: string) => Promise<Json>): Promise<Json> {
    const now = new Date().toISOString();
    const ttl = typeof requested.ttl === 'number' ? Math.min(Math.max(0, requested.ttl), MAX_TTL_MS) : DEFAULT_TTL_MS;
    const adopted = this.fault === 'task-id-from-request' && typeof requested.taskId === 'string';
    const record: TaskRecord = {
      taskId: adopted ? (requested.taskId as string) : this.fault === 'task-id-repeated' ? 'task' : randomUUID(),
      status: 'working',
      createdAt: now,
      lastUpdatedAt: now,
      ttl,
      controller: new AbortController(),
      done: Promise.resolve(),
    };
    this.tasks.set(record.taskId, record);
    record.done = work(record.controller.signal, record.taskId).then(
      (result) =>
        this.settle(
          record,
          result.isError === true && this.fault !== 'task-error-completed' ? 'failed' : 'completed',
          { result },
          textOf(result) ?? 'Done',
        ),
      (error: unknown) => {
        const failure =
          error instanceof ProtocolError
            ? error
            : new ProtocolError(ERR.internal, `Internal error: ${error instanceof Error ? error.message : 'unknown'}`);
        const reported =
          this.fault === 'task-result-error-replaced'
            ? new ProtocolError(ERR.invalidRequest, 'The task did not finish')
            : failure;
        this.settle(record, 'failed', { error: reported }, failure.message);
      },
    );
    if (this.fault === 'task-created-completed') await record.done;
    return { task: this.view(record) };
  }

  get(params: Json): Json {
    const record = this.find(params);
    const view = this.view(record);
    // The fault: every other poll of a finished task reports it working again.
    if (
      this.fault === 'task-status-regresses' &&
      TERMINAL.has(record.status) &&
      (record.polls = (record.polls ?? 0) + 1) % 2 === 0
    )
      view.status = 'working';
    return view;
  }

  /** Waits until the task has ended, then answers what the wrapped request produced. */
  async result(params: Json, signal: AbortSignal): Promise<Json> {
    const record = this.find(params);
    const related = { [RELATED_TASK]: { taskId: record.taskId } };
    if (!TERMINAL.has(record.status)) {
      if (this.fault === 'task-result-no-wait') return { content: [], _meta: related };
      await Promise.race([
        record.done,
        new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
      ]);
      if (signal.aborted) throw new ProtocolError(ERR.internal, 'The tasks/result request was cancelled');
    }
    const outcome = record.outcome;
    if (record.status === 'cancelled' || !outcome)
      throw new ProtocolError(ERR.invalidParams, `Task ${record.taskId} was cancelled and has no result`);
    if ('error' in outcome) throw outcome.error;
    const meta = typeof outcome.result._meta === 'object' && outcome.result._meta !== null ? outcome.result._meta : {};
    return { ...outcome.result, _meta: { ...meta, ...related } };
  }

  list(params: Json): Json {
    this.prune();
    const p = page([...this.tasks.values()], params.cursor, TASK_PAGE_SIZE);
    const result: Json = { tasks: p.items.map((r) => this.view(r)) };
    if (p.nextCursor) result.nextCursor = p.nextCursor;
    return result;
  }

  cancel(params: Json): Json {
    const record = this.find(params);
    if (TERMINAL.has(record.status)) {
      if (this.fault === 'task-cancel-terminal-accepted') return this.view(record);
      throw new ProtocolError(
        ERR.invalidParams,
        `Task ${record.taskId} is already ${record.status} and cannot be cancelled`,
      );
    }
    if (this.fault === 'task-cancel-ignored') return this.view(record);
    // Cancelled first, so that the work's own ending (aborted below) leaves the status alone.
    this.transition(record, 'cancelled', 'Cancelled at the requestor’s request');
    record.controller.abort();
    return this.view(record);
  }

  /**
   * The work of task `taskId` waits for (`waiting`), or has received, answers to requests it sent the requestor:
   * the task is input_required meanwhile, then working again.
   */
  awaitingInput(taskId: string, waiting: boolean): void {
    const record = this.tasks.get(taskId);
    if (!record || TERMINAL.has(record.status) || this.fault === 'task-input-not-required') return;
    const status: Status = waiting ? 'input_required' : 'working';
    if (record.status !== status)
      this.transition(record, status, waiting ? 'Waiting for input from the requestor' : 'Working again');
  }

  /** Stops every task's work: the session is gone. */
  closeAll(): void {
    for (const record of this.tasks.values()) record.controller.abort();
    this.tasks.clear();
  }

  private settle(record: TaskRecord, status: Status, outcome: TaskRecord['outcome'], message: string): void {
    if (TERMINAL.has(record.status)) return;
    record.outcome = outcome;
    this.transition(record, status, message);
  }

  private transition(record: TaskRecord, status: Status, message: string): void {
    record.status = status;
    if (status !== 'failed' || this.fault !== 'task-failed-silent') record.statusMessage = message;
    record.lastUpdatedAt = new Date().toISOString();
    const params = this.view(record);
    if (this.fault === 'task-status-related-meta') params._meta = { [RELATED_TASK]: { taskId: record.taskId } };
    this.notify(notification('notifications/tasks/status', params));
  }

  /** The task the request's taskId names (related-task metadata in the request is ignored, unless the fault). */
  private find(params: Json): TaskRecord {
    this.prune();
    const meta = isObject(params._meta) ? params._meta[RELATED_TASK] : undefined;
    const taskId =
      this.fault === 'task-related-meta-wins' && isObject(meta) && typeof meta.taskId === 'string'
        ? meta.taskId
        : params.taskId;
    const record = typeof taskId === 'string' ? this.tasks.get(taskId) : undefined;
    if (!record) throw new ProtocolError(ERR.invalidParams, `Unknown task: ${String(taskId)}`);
    return record;
  }

  /** Forgets tasks whose ttl, counted from creation, has passed. */
  private prune(): void {
    const now = Date.now();
    for (const [id, record] of this.tasks)
      if (Date.parse(record.createdAt) + record.ttl < now) {
        record.controller.abort();
        this.tasks.delete(id);
      }
  }

  private view(record: TaskRecord): Json {
    const task: Json = {
      taskId: record.taskId,
      status: record.status,
      createdAt: record.createdAt,
      lastUpdatedAt: record.lastUpdatedAt,
      ttl: record.ttl,
      pollInterval: POLL_INTERVAL_MS,
    };
    if (record.statusMessage !== undefined) task.statusMessage = record.statusMessage;
    return task;
  }
}
