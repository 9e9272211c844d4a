/**
 * The contract between a server-side transport (stdio or HTTP, in `conformance/src/transport/`) and the
 * protocol logic of a server (the reference server in `conformance/reference/server/`). The transport
 * frames, routes and records messages; the session decides what they mean.
 */

/** A parsed JSON-RPC message (request, notification or response) as a plain object. */
export type JsonRpcMessage = Record<string, unknown>;

export interface RequestContext {
  /**
   * Sends a message that belongs to the request being handled: progress, log messages, or a
   * server-to-client request (sampling, elicitation, roots). On stdio it goes to stdout; over HTTP it
   * goes on the SSE stream of the POST that carried the request (which turns that response into SSE).
   */
  emit(message: JsonRpcMessage): void;
  /** Aborted when the client cancels the request, or (HTTP) closes the response stream. */
  signal: AbortSignal;
  /** HTTP only: the request headers, lower-cased names. */
  headers?: Record<string, string>;
  /** HTTP only: names the TCP connection the request arrived on, the same for every request it carries. */
  connection?: string;
}

export interface ServerSession {
  /**
   * Handles one message from the client. Returns the response to a request, or `undefined` for a
   * notification or a response (the client answering a server-to-client request). Never rejects:
   * protocol problems become JSON-RPC errors.
   */
  handle(message: JsonRpcMessage, context: RequestContext): Promise<JsonRpcMessage | undefined>;
  /**
   * Messages not tied to any request (list_changed, resource updates in the stateful era, pings).
   * stdio writes them to stdout; HTTP sends them on the session's GET stream, or drops them when
   * there is none.
   */
  onUnsolicited(listener: (message: JsonRpcMessage) => void): () => void;
  /** The session ended (stdin closed, HTTP DELETE, server shutdown): stop timers, drop subscriptions. */
  close(): void;
}

export interface SessionFactory {
  /** A fresh session: once per stdio process, per HTTP `Mcp-Session-Id`, or per stateless HTTP request. */
  createSession(origin: { transport: 'stdio' | 'http' }): ServerSession;
}
