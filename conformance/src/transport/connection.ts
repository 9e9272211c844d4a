/**
 * What every client-side transport offers the session layer: stdio, Streamable HTTP and the legacy
 * HTTP+SSE transport all implement it, and every message they carry goes through `recorder`.
 */
import type { JsonRpcId } from '../protocol/jsonrpc.ts';
import type { Recorder, WireEntry } from '../protocol/recorder.ts';

export interface Connection {
  readonly recorder: Recorder;
  readonly transport: 'stdio' | 'http';
  /** Human-readable name of the peer: the command or the URL. */
  readonly peer: string;
  /**
   * Sends one message the revision's schema accepts (else throws `HarnessError`). Delivery is
   * asynchronous for HTTP; a delivery failure is reported through `onTransportError`.
   */
  send(message: unknown): WireEntry;
  /** Sends one line exactly as given: for deliberately malformed traffic. */
  sendRaw(line: string): WireEntry;
  /**
   * Sends a request and resolves with the response carrying its id (result or error). Rejects on
   * timeout, when the peer goes away, or when the transport reports an error for this request.
   */
  request(
    message: { id: JsonRpcId; method: string } & Record<string, unknown>,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Every JSON value the peer sends (valid or not), with its wire entry. Returns the unsubscribe function. */
  onMessage(listener: (message: unknown, entry: WireEntry) => void): () => void;
  /** Problems below JSON-RPC: an HTTP error status, a refused connection, a broken stream. */
  onTransportError(listener: (error: Error) => void): () => void;
  /** Ends the connection and releases every process, socket and timer it holds. Never rejects. */
  close(): Promise<unknown>;
  /** The most recent diagnostic output of the peer (stdio: its stderr), if the transport has any. */
  stderr(): string;
}
