/**
 * Faults of the reference server's tasks (2025-11-25): task creation, polling, results, listing, cancellation
 * and the task support of tools. Spread into `FAULT_CATALOGUE` (faults.ts). Faults whose name the server's code
 * reads (stateful.ts, tasks.ts) are marked "switch"; the others are pure data.
 */
import type { Fault, FaultRequest } from './faults.ts';
import type { JsonRpcMessage } from '../../src/transport/server-session.ts';
import { isObject, type Json } from './common.ts';

/** Applies `change` to the result of every successful answer to `method`. */
function onResult(method: string, change: (result: Json) => void): Fault['response'] {
  return (response: JsonRpcMessage, request: FaultRequest) => {
    if (request.method === method && isObject(response.result)) change(response.result);
  };
}

export const TASK_FAULTS: Fault[] = [
  {
    name: 'task-requests-undeclared',
    description: 'the tasks capability leaves out requests.tools.call although tools support tasks',
    breaks: ['tasks.capability-requests'],
    response: onResult('initialize', (result) => {
      if (isObject(result.capabilities) && isObject(result.capabilities.tasks))
        delete result.capabilities.tasks.requests;
    }),
  },
  {
    // switch
    name: 'task-result-inline',
    description: 'a task-augmented tools/call runs the tool and answers its result instead of a CreateTaskResult',
    breaks: ['tasks.create-result'],
  },
  {
    // switch
    name: 'task-created-completed',
    description: 'the CreateTaskResult is sent only once the tool has finished, with the status completed',
    breaks: ['tasks.create-working'],
  },
  {
    name: 'task-get-no-ttl',
    description: 'tasks/get answers leave out the ttl',
    breaks: ['tasks.get-state'],
    response: onResult('tasks/get', (result) => {
      delete result.ttl;
    }),
  },
  {
    // switch
    name: 'task-result-no-wait',
    description: 'tasks/result of a task still working answers at once with an empty result',
    breaks: ['tasks.result-waits'],
  },
  {
    name: 'task-result-wrong-payload',
    description: 'tasks/result answers with a text other than the tool result',
    breaks: ['tasks.result-payload'],
    response: onResult('tasks/result', (result) => {
      result.content = [{ type: 'text', text: 'Not what the tool said.' }];
    }),
  },
  {
    name: 'task-result-no-related-meta',
    description: 'tasks/result answers without the related-task metadata',
    breaks: ['tasks.result-related-meta'],
    response: onResult('tasks/result', (result) => {
      delete result._meta;
    }),
  },
  {
    name: 'task-list-first-page-only',
    description: 'tasks/list never gives a nextCursor, so tasks past the first page cannot be reached',
    breaks: ['tasks.list-includes'],
    response: onResult('tasks/list', (result) => {
      delete result.nextCursor;
    }),
  },
  {
    name: 'task-list-cursor-ignored',
    description: 'tasks/list answers an unknown cursor with an empty page instead of -32602',
    breaks: ['tasks.list-invalid-cursor'],
    response: (response, request) => {
      if (request.method !== 'tasks/list' || !isObject(response.error)) return;
      delete response.error;
      response.result = { tasks: [] };
    },
  },
  {
    // switch
    name: 'task-cancel-ignored',
    description: 'tasks/cancel of a working task answers the task as it is and lets it go on working',
    breaks: ['tasks.cancel-working'],
  },
  {
    // switch
    name: 'task-cancel-terminal-accepted',
    description: 'tasks/cancel of a finished task answers the task instead of -32602',
    breaks: ['tasks.cancel-terminal-refused'],
  },
  {
    name: 'task-unknown-id-internal-error',
    description: 'an unknown taskId is answered with -32603 instead of -32602',
    breaks: ['tasks.unknown-task-refused'],
    response: (response, request) => {
      const error = response.error;
      if (request.method.startsWith('tasks/') && isObject(error) && String(error.message).startsWith('Unknown task'))
        error.code = -32603;
    },
  },
  {
    // switch
    name: 'task-forbidden-tool-accepted',
    description: 'a task-augmented call of a tool without task support is run as a task',
    breaks: ['tasks.forbidden-tool-task-error'],
  },
  {
    name: 'task-id-repeated',
    description: 'every task gets the same task id',
    breaks: ['tasks.ids-distinct'],
  },
  {
    name: 'task-error-completed',
    description: 'a task whose tool result has isError ends in completed instead of failed',
    breaks: ['tasks.failed-explained'],
  },
  {
    name: 'task-failed-silent',
    description: 'failed tasks carry no statusMessage',
    breaks: ['tasks.failed-explained'],
  },
  {
    name: 'task-result-error-replaced',
    description: 'tasks/result of a task whose work raised a JSON-RPC error answers another error',
    breaks: ['tasks.result-same-error'],
  },
  {
    name: 'task-status-regresses',
    description: 'every other tasks/get of a finished task reports it working again',
    breaks: ['tasks.status-lifecycle'],
  },
  {
    name: 'task-status-related-meta',
    description: 'notifications/tasks/status carry the related-task metadata',
    breaks: ['tasks.status-notification-no-related-meta'],
  },
  {
    // switch
    name: 'task-id-from-request',
    description: 'a task-augmented tools/call whose task field carries a taskId gets that id instead of one of its own',
    breaks: ['tasks.id-receiver-generated'],
  },
  {
    // switch
    name: 'task-related-meta-wins',
    description: 'tasks/get, tasks/result and tasks/cancel act on the task their related-task metadata names',
    breaks: ['tasks.related-meta-ignored'],
  },
  {
    name: 'task-answers-related-meta',
    description: 'the answers to tasks/get, tasks/list and tasks/cancel carry the related-task metadata',
    breaks: ['tasks.answers-no-related-meta'],
    response: (response, request) => {
      if (!['tasks/get', 'tasks/list', 'tasks/cancel'].includes(request.method) || !isObject(response.result)) return;
      const taskId = typeof response.result.taskId === 'string' ? response.result.taskId : 'listed';
      response.result._meta = { 'io.modelcontextprotocol/related-task': { taskId } };
    },
  },
  {
    // switch
    name: 'task-progress-untagged',
    description: 'progress notifications sent while a task works carry no related-task metadata',
    breaks: ['tasks.progress-related-meta'],
  },
  {
    // switch
    name: 'task-request-untagged',
    description: 'requests a task sends the client (elicitation/create) carry no related-task metadata',
    breaks: ['tasks.elicitation-related-meta'],
  },
  {
    // switch
    name: 'task-progress-token-changed',
    description: 'progress notifications of a task use the task id as their token, not the progressToken of the call',
    breaks: ['tasks.progress-same-token'],
  },
  {
    // switch
    name: 'task-progress-ends-with-create',
    description:
      'progress of a task goes out on the stream of the tools/call and stops once the CreateTaskResult is sent',
    breaks: ['tasks.progress-after-create'],
  },
  {
    // switch
    name: 'task-progress-after-end',
    description: 'one more progress notification with the token follows once the task has reached its terminal status',
    breaks: ['tasks.progress-stop-at-terminal'],
  },
  {
    // switch
    name: 'task-input-not-required',
    description: 'a task that waits for the answer to its elicitation request stays working instead of input_required',
    breaks: ['tasks.input-required-reported'],
  },
];
