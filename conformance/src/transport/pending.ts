/**
 * Requests waiting for their responses, by id: what every client transport keeps so that `request()` can
 * resolve with the matching response, or reject on timeout, on a transport failure or when the peer goes away.
 */
import { idKey, type JsonRpcId } from '../protocol/jsonrpc.ts';

interface Waiter {
  resolve: (message: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

export class PendingRequests {
  private readonly waiters = new Map<string, Waiter>();

  /**
   * Waits for the response to `message`, after `send` has sent it (a `send` that throws rejects the wait).
   * Rejects after `limitMs` with a `timeout:` error, calling `onTimeout` first.
   */
  wait(
    message: { id: JsonRpcId; method: string },
    limitMs: number,
    send: () => void,
    onTimeout?: () => void,
  ): Promise<Record<string, unknown>> {
    const key = idKey(message.id);
    if (this.waiters.has(key))
      return Promise.reject(new Error(`request id ${JSON.stringify(message.id)} is already waiting for a response`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        onTimeout?.();
        reject(
          new Error(
            `timeout: request "${message.method}" (id ${JSON.stringify(message.id)}) got no response within ${limitMs} ms`,
          ),
        );
      }, limitMs);
      const settle =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          this.waiters.delete(key);
          fn(value);
        };
      this.waiters.set(key, { resolve: settle(resolve), reject: settle(reject) });
      try {
        send();
      } catch (error) {
        this.waiters.get(key)?.reject(error as Error);
      }
    });
  }

  has(id: JsonRpcId | undefined): boolean {
    return id !== undefined && this.waiters.has(idKey(id));
  }

  resolve(id: JsonRpcId, message: Record<string, unknown>): void {
    this.waiters.get(idKey(id))?.resolve(message);
  }

  reject(id: JsonRpcId, error: Error): void {
    this.waiters.get(idKey(id))?.reject(error);
  }

  rejectAll(reason: string): void {
    for (const waiter of [...this.waiters.values()]) waiter.reject(new Error(reason));
  }
}
