/*
 * Model Context Protocol, revision 2026-07-28.
 *
 * Every message exchanged between an MCP client and an MCP server is described by a type below.
 * The JSON Schema for this revision is generated from this file.
 */

/* ---------------------------------------------------------------------------------------------
 * JSON values
 * ------------------------------------------------------------------------------------------- */

/**
 * Any value that can be written as JSON: a string, number, boolean, `null`, object or array.
 *
 * @category Common Types
 */
export type JSONValue = string | number | boolean | null | JSONObject | JSONArray;

/**
 * A JSON object whose members are arbitrary JSON values.
 *
 * @category Common Types
 */
export type JSONObject = { [key: string]: JSONValue };

/**
 * A JSON array whose elements are arbitrary JSON values.
 *
 * @category Common Types
 */
export type JSONArray = JSONValue[];

/* ---------------------------------------------------------------------------------------------
 * JSON-RPC framing
 * ------------------------------------------------------------------------------------------- */

/**
 * Anything that may travel over an MCP transport as a single JSON-RPC message: a request, a
 * notification or a response.
 *
 * @category JSON-RPC
 */
export type JSONRPCMessage = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse;

/**
 * The newest protocol version string covered by this schema.
 *
 * @internal
 */
export const LATEST_PROTOCOL_VERSION = "2026-07-28";
/**
 * The JSON-RPC version string that every MCP message carries in its `jsonrpc` member.
 *
 * @internal
 */
export const JSONRPC_VERSION = "2.0";

/**
 * The value of a `_meta` member: a bag of extra metadata attached to a message or object.
 *
 * Keys are an optional prefix followed by a name. A prefix is one or more dot-separated labels
 * (each beginning with a letter, ending with a letter or digit, with only letters, digits or
 * hyphens in between) closed by a slash; reverse-DNS style such as `com.example/` is recommended.
 * Prefixes whose second label is `modelcontextprotocol` or `mcp` (for instance
 * `io.modelcontextprotocol/` or `dev.mcp/`) belong to MCP itself, whereas `com.example.mcp/` does
 * not. A non-empty name begins and ends with an ASCII letter or digit and may contain letters,
 * digits, hyphens, underscores and dots in between.
 *
 * Keys reserved by MCP carry protocol-level meaning, and implementations must not guess at the
 * meaning of their values; individual types may reserve further keys for their own purposes.
 *
 * @see /specification/2026-07-28/basic/index#meta
 * @category Common Types
 */
export type MetaObject = Record<string, unknown>;

/**
 * The `_meta` object carried by every request. Besides arbitrary keys (named by the rules of
 * {@link MetaObject}), it holds the protocol version, client identity, client capabilities and
 * other per-request settings, since this revision has no connection-level handshake.
 *
 * @see /specification/2026-07-28/basic/index#meta
 * @category Common Types
 */
export interface RequestMetaObject extends MetaObject {
  /**
   * Asks the receiver to report progress on this request via
   * {@link ProgressNotification | notifications/progress}, which will echo this opaque token.
   * Sending progress is optional for the receiver.
   */
  progressToken?: ProgressToken;
  /**
   * The protocol revision the client uses for this request; always present. Over HTTP it must be
   * identical to the `MCP-Protocol-Version` header (a mismatch is answered with HTTP 400), and a
   * server that does not speak this revision replies with an
   * {@link UnsupportedProtocolVersionError}.
   */
  "io.modelcontextprotocol/protocolVersion": string;
  /**
   * The name, version and other details of the client application sending the request. Clients
   * should attach it to every request unless configured otherwise. It is an unverified claim meant
   * for display, logs and debugging; servers should neither alter their behaviour because of it
   * nor base security decisions on it.
   */
  "io.modelcontextprotocol/clientInfo"?: Implementation;
  /**
   * The optional features the client supports, declared afresh on every request; always present.
   * An empty object declares none. Servers must judge each request by its own declaration and not
   * by anything seen on earlier requests.
   */
  "io.modelcontextprotocol/clientCapabilities": ClientCapabilities;
  /**
   * The lowest severity of log message the client wants to receive while this request runs. When
   * it is missing, the server must send no {@link LoggingMessageNotification | notifications/message}
   * for the request. It takes the place of the earlier `logging/setLevel` method.
   *
   * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 together with the rest of logging, and
   * kept for at least twelve more months. Servers on stdio should write logs to stderr instead, and
   * OpenTelemetry is the suggested route for observability.
   */
  "io.modelcontextprotocol/logLevel"?: LoggingLevel;
}

/**
 * The `_meta` object carried by notifications. Besides arbitrary keys (named by the rules of
 * {@link MetaObject}), it can name the subscription a notification belongs to.
 *
 * @see /specification/2026-07-28/basic/index#meta
 * @category Common Types
 */
export interface NotificationMetaObject extends MetaObject {
  /**
   * Names the subscription this notification arrived through, by the id of the
   * {@link SubscriptionsListenRequest | subscriptions/listen} request that started it. Servers must set it on everything sent through such a
   * stream so the client can tell subscriptions apart; it is left out of notifications that are
   * not part of a subscription, such as progress updates for a running request.
   */
  "io.modelcontextprotocol/subscriptionId"?: RequestId;
}

/**
 * The `_meta` object carried by results. Besides arbitrary keys (named by the rules of
 * {@link MetaObject}), it can identify the server that produced the result.
 *
 * @see /specification/2026-07-28/basic/index#meta
 * @category Common Types
 */
export interface ResultMetaObject extends MetaObject {
  /**
   * The name, version and other details of the server application answering the request. Servers
   * should attach it to every result unless configured otherwise. It is an unverified claim meant
   * for display, logs and debugging; clients should neither alter their behaviour because of it
   * nor base security decisions on it.
   */
  "io.modelcontextprotocol/serverInfo"?: Implementation;
}

/**
 * An opaque value chosen by the requester that ties progress notifications to the request they
 * describe.
 *
 * @category Utilities
 * @TJS-type ["string", "integer"]
 */
export type ProgressToken = string | number;

/**
 * An opaque position marker handed out by the server for paging through a list.
 *
 * @category Utilities
 */
export type Cursor = string;

/**
 * The parameters shared by every request; more specific parameter types extend it.
 *
 * @category Common Types
 */
export interface RequestParams {
  /**
   * Per-request metadata, including the mandatory protocol version and client capabilities.
   */
  _meta: RequestMetaObject;
}

/**
 * The loosest shape a request can have: a method name and optional parameters of any form.
 *
 * @internal
 * @category JSON-RPC
 */
export interface Request {
  /**
   * The name of the method to invoke.
   */
  method: string;
  /**
   * Method-specific parameters. Left open so that unofficial extensions remain possible.
   */

  params?: { [key: string]: any };
}

/**
 * The parameters shared by every notification; more specific parameter types extend it.
 *
 * @category Common Types
 */
export interface NotificationParams {
  /**
   * Optional metadata for the notification, such as the subscription it belongs to.
   */
  _meta?: NotificationMetaObject;
}

/**
 * The loosest shape a notification can have: a method name and optional parameters of any form.
 *
 * @internal
 * @category JSON-RPC
 */
export interface Notification {
  /**
   * The name of the notification.
   */
  method: string;
  /**
   * Notification-specific parameters. Left open so that unofficial extensions remain possible.
   */

  params?: { [key: string]: any };
}

/**
 * Says what kind of result a response carries, so the receiver knows how to read it. `"complete"`
 * marks a finished answer; `"input_required"` marks an {@link InputRequiredResult}, meaning the
 * client must supply more input and send the request again. Other strings are allowed for future
 * use.
 *
 * @category Common Types
 */
export type ResultType = "complete" | "input_required" | string;

/**
 * The members shared by every result; more specific result types extend it.
 *
 * @category Common Types
 */
export interface Result {
  /**
   * Optional metadata for the result, such as the identity of the server.
   */
  _meta?: ResultMetaObject;
  /**
   * What kind of result this is. Servers speaking this revision always send it; a client talking
   * to a server on an older revision, where the member does not exist, treats its absence as
   * `"complete"`.
   */
  resultType: ResultType;
  /**
   * Results may carry further members defined by the specific result type.
   */
  [key: string]: unknown;
}

/**
 * The `error` member of a failed JSON-RPC response.
 *
 * @category Errors
 */
export interface Error {
  /**
   * A number identifying what kind of failure happened.
   *
   * @TJS-type integer
   */
  code: number;
  /**
   * A brief, human-readable explanation, ideally a single sentence.
   */
  message: string;
  /**
   * Any further detail the sender wants to attach; its shape is up to the sender.
   */
  data?: unknown;
}

/**
 * The identifier a requester assigns to a JSON-RPC request; the response repeats it.
 *
 * @category JSON-RPC
 * @TJS-type ["string", "integer"]
 */
export type RequestId = string | number;

/**
 * A JSON-RPC request, which the receiver must answer with a response bearing the same `id`.
 *
 * @category JSON-RPC
 */
export interface JSONRPCRequest extends Request {
  /**
   * Always `"2.0"`.
   */
  jsonrpc: typeof JSONRPC_VERSION;
  /**
   * The identifier that the matching response will repeat.
   */
  id: RequestId;
}

/**
 * A one-way JSON-RPC message that gets no response.
 *
 * @category JSON-RPC
 */
export interface JSONRPCNotification extends Notification {
  /**
   * Always `"2.0"`.
   */
  jsonrpc: typeof JSONRPC_VERSION;
}

/**
 * A JSON-RPC response reporting that a request succeeded.
 *
 * @category JSON-RPC
 */
export interface JSONRPCResultResponse {
  /**
   * Always `"2.0"`.
   */
  jsonrpc: typeof JSONRPC_VERSION;
  /**
   * The `id` of the request being answered.
   */
  id: RequestId;
  /**
   * What the request produced.
   */
  result: Result;
}

/**
 * A JSON-RPC response reporting that a request failed.
 *
 * @category JSON-RPC
 */
export interface JSONRPCErrorResponse {
  /**
   * Always `"2.0"`.
   */
  jsonrpc: typeof JSONRPC_VERSION;
  /**
   * The `id` of the failed request; absent when it could not be determined (for example because
   * the request could not be parsed).
   */
  id?: RequestId;
  /**
   * What went wrong.
   */
  error: Error;
}

/**
 * Either kind of JSON-RPC response: a success carrying a result or a failure carrying an error.
 *
 * @category JSON-RPC
 */
export type JSONRPCResponse = JSONRPCResultResponse | JSONRPCErrorResponse;

/* ---------------------------------------------------------------------------------------------
 * Error codes
 * ------------------------------------------------------------------------------------------- */

/**
 * JSON-RPC code for a message that is not well-formed JSON.
 *
 * @category Errors
 */
export const PARSE_ERROR = -32700;
/**
 * JSON-RPC code for JSON that is not a valid request object.
 *
 * @category Errors
 */
export const INVALID_REQUEST = -32600;
/**
 * JSON-RPC code for a method the receiver does not offer.
 *
 * @category Errors
 */
export const METHOD_NOT_FOUND = -32601;
/**
 * JSON-RPC code for parameters that are wrong or malformed.
 *
 * @category Errors
 */
export const INVALID_PARAMS = -32602;
/**
 * JSON-RPC code for an unexpected failure inside the receiver.
 *
 * @category Errors
 */
export const INTERNAL_ERROR = -32603;

/**
 * The error sent when a received message cannot be parsed as JSON at all.
 *
 * @category Errors
 */
export interface ParseError extends Error {
  /**
   * Always {@link PARSE_ERROR} (-32700).
   */
  code: typeof PARSE_ERROR;
}

/**
 * The error sent when a message is valid JSON but not a valid JSON-RPC 2.0 request, for example
 * because `jsonrpc` or `method` is missing or has the wrong type.
 *
 * @category Errors
 */
export interface InvalidRequestError extends Error {
  /**
   * Always {@link INVALID_REQUEST} (-32600).
   */
  code: typeof INVALID_REQUEST;
}

/**
 * The error sent when the requested method is unknown to the server, or belongs to a feature
 * whose server capability was not advertised (say, `prompts/list` from a server without the
 * `prompts` capability). When the problem is instead that the request depends on an undeclared
 * client capability, the answer is a {@link MissingRequiredClientCapabilityError}.
 *
 * @category Errors
 */
export interface MethodNotFoundError extends Error {
  /**
   * Always {@link METHOD_NOT_FOUND} (-32601).
   */
  code: typeof METHOD_NOT_FOUND;
}

/**
 * The error sent when a request's parameters do not pass validation. Typical causes in MCP are an
 * unknown tool or prompt name, bad tool arguments, a missing required prompt argument, a stale or
 * bogus pagination cursor, an unknown log level, an elicitation mode the client never declared, or
 * sampling messages whose tool results are missing or mixed with other content.
 *
 * @category Errors
 */
export interface InvalidParamsError extends Error {
  /**
   * Always {@link INVALID_PARAMS} (-32602).
   */
  code: typeof INVALID_PARAMS;
}

/**
 * The error sent when something unexpected inside the receiver kept it from completing the
 * request.
 *
 * @category Errors
 */
export interface InternalError extends Error {
  /**
   * Always {@link INTERNAL_ERROR} (-32603).
   */
  code: typeof INTERNAL_ERROR;
}

/*
 * MCP-specific error codes.
 *
 * JSON-RPC leaves -32000 through -32099 to implementations. MCP splits that block in two: codes
 * -32000 to -32019 stay free for individual implementations and never get a protocol-wide
 * meaning, while -32020 to -32099 are handed out by this specification, one after another from
 * -32020 upwards in magnitude. Codes used by older revisions are retired for good: -32002 (the old
 * "resource not found", now -32602) and -32042 (URL elicitation required, only in 2025-11-25).
 */

/**
 * Code for a request whose HTTP headers are missing, malformed or disagree with the request body.
 *
 * @category Errors
 */
export const HEADER_MISMATCH = -32020;

/**
 * Code for a request the server cannot handle because the client did not declare a capability
 * the server needs.
 *
 * @category Errors
 */
export const MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;

/**
 * Code for a request that names a protocol version the server does not support.
 *
 * @category Errors
 */
export const UNSUPPORTED_PROTOCOL_VERSION = -32022;

/**
 * The error response a server sends when a request's HTTP headers are missing, malformed or
 * contradict the JSON-RPC body. Over HTTP it goes out with status 400.
 *
 * @category Errors
 */
export interface HeaderMismatchError extends Omit<JSONRPCErrorResponse, "error"> {
  /**
   * The error, with code {@link HEADER_MISMATCH} (-32020).
   */
  error: Error & {
    /**
     * Always {@link HEADER_MISMATCH} (-32020).
     */
    code: typeof HEADER_MISMATCH;
  };
}

/**
 * The error response a server sends when the protocol version named by the request is unknown to
 * it or one it chooses not to implement (such as an experimental revision). Over HTTP it goes out
 * with status 400. The error data lists the versions the server does accept.
 *
 * @category Errors
 */
export interface UnsupportedProtocolVersionError extends Omit<JSONRPCErrorResponse, "error"> {
  /**
   * The error, with code {@link UNSUPPORTED_PROTOCOL_VERSION} (-32022).
   */
  error: Error & {
    /**
     * Always {@link UNSUPPORTED_PROTOCOL_VERSION} (-32022).
     */
    code: typeof UNSUPPORTED_PROTOCOL_VERSION;
    /**
     * Which versions were asked for and which are on offer.
     */
    data: {
      /**
       * Every protocol version this server accepts; the client should retry with one it also
       * supports.
       */
      supported: string[];
      /**
       * The protocol version the client asked for.
       */
      requested: string;
    };
  };
}

/**
 * The error response a server sends when handling a request would need a client capability that
 * the request's `clientCapabilities` did not declare. Over HTTP it goes out with status 400.
 *
 * @category Errors
 */
export interface MissingRequiredClientCapabilityError extends Omit<JSONRPCErrorResponse, "error"> {
  /**
   * The error, with code {@link MISSING_REQUIRED_CLIENT_CAPABILITY} (-32021).
   */
  error: Error & {
    /**
     * Always {@link MISSING_REQUIRED_CLIENT_CAPABILITY} (-32021).
     */
    code: typeof MISSING_REQUIRED_CLIENT_CAPABILITY;
    /**
     * Which capabilities are lacking.
     */
    data: {
      /**
       * The client capabilities the server would need in order to process the request.
       */
      requiredCapabilities: ClientCapabilities;
    };
  };
}

/* ---------------------------------------------------------------------------------------------
 * Empty result
 * ------------------------------------------------------------------------------------------- */

/**
 * A successful result with nothing to report beyond the common result members.
 *
 * @category Common Types
 */
export type EmptyResult = Result;

/* ---------------------------------------------------------------------------------------------
 * Multi round-trip requests
 * ------------------------------------------------------------------------------------------- */

/**
 * Any request a server may ask the client to carry out in the middle of handling a client
 * request. Such requests travel inside an {@link InputRequiredResult} rather than as standalone
 * JSON-RPC messages.
 *
 * @internal
 * @category Multi Round-Trip
 */
export type InputRequest = CreateMessageRequest | ListRootsRequest | ElicitRequest;

/**
 * Any result a client may hand back for an {@link InputRequest} when it retries the original
 * request.
 *
 * @internal
 * @category Multi Round-Trip
 */
export type InputResponse = CreateMessageResult | ListRootsResult | ElicitResult;

/**
 * The server's pending questions for the client, keyed by identifiers the server picks. Each value
 * is a request (elicitation, sampling or roots) the client must fulfil before retrying.
 *
 * @see /specification/2026-07-28/basic/patterns/mrtr
 * @category Multi Round-Trip
 */
export interface InputRequests {
  /**
   * A server-chosen key mapped to the request the client should fulfil.
   */
  [key: string]: InputRequest;
}

/**
 * The client's answers to an {@link InputRequests} map. Each key repeats a key from that map and
 * its value is the result of the corresponding request.
 *
 * @see /specification/2026-07-28/basic/patterns/mrtr
 * @category Multi Round-Trip
 */
export interface InputResponses {
  /**
   * A key from the server's {@link InputRequests} mapped to the client's result for it.
   */
  [key: string]: InputResponse;
}

/**
 * A result telling the client that the server needs more before it can finish the request. The
 * client gathers what `inputRequests` asks for and sends the original request again, attaching its
 * answers and the echoed `requestState`. A server must include `inputRequests`, `requestState`, or
 * both.
 *
 * @see /specification/2026-07-28/basic/patterns/mrtr
 * @category Multi Round-Trip
 */
export interface InputRequiredResult extends Result {
  /**
   * The requests the client has to complete before it retries the original request.
   */
  inputRequests?: InputRequests;
  /**
   * Server-defined state that the client sends back unchanged on the retry. To the client it is
   * opaque: it must not read, parse or alter it.
   */
  requestState?: string;
}

/**
 * Request parameters that let a client retry a request with the input a server asked for. Any
 * client request whose parameters extend this type can carry them.
 *
 * @see /specification/2026-07-28/basic/patterns/mrtr
 * @category Multi Round-Trip
 */
export interface InputResponseRequestParams extends RequestParams {
  /**
   * The client's answers to the server's `inputRequests`; there must be one entry for every key
   * the server sent.
   */
  inputResponses?: InputResponses;
  /**
   * The `requestState` from the server's {@link InputRequiredResult}, returned verbatim.
   */
  requestState?: string;
}

/* ---------------------------------------------------------------------------------------------
 * Cancellation
 * ------------------------------------------------------------------------------------------- */

/**
 * The parameters of a {@link CancelledNotification | notifications/cancelled} notification.
 *
 * @category Utilities
 */
export interface CancelledNotificationParams extends NotificationParams {
  /**
   * The `id` of the request being abandoned; it must be a request the sender issued earlier.
   */
  requestId: RequestId;

  /**
   * Why the request is being abandoned, in words that may be logged or shown to a user.
   */
  reason?: string;
}

/**
 * Tells the receiver that the sender no longer wants the result of an earlier request, so work on
 * it should stop. Normally the client sends it; a server sends it only on stdio, and only to end a
 * {@link SubscriptionsListenRequest | subscriptions/listen} stream (naming that request's id),
 * never to abandon any other request. Because messages cross in flight, the request may well be
 * complete by the time this notification is received.
 *
 * @see /specification/2026-07-28/basic/patterns/cancellation
 * @category Utilities
 */
export interface CancelledNotification extends JSONRPCNotification {
  /**
   * Always `"notifications/cancelled"`.
   */
  method: "notifications/cancelled";
  /**
   * Which request is cancelled, and why.
   */
  params: CancelledNotificationParams;
}

/* ---------------------------------------------------------------------------------------------
 * Discovery
 * ------------------------------------------------------------------------------------------- */

/**
 * Asks the server which protocol versions and capabilities it supports, plus other descriptive
 * information. Every server must answer it; clients may skip it altogether, since version
 * negotiation can also happen through each request's `_meta`.
 *
 * @see /specification/2026-07-28/server/discover
 * @category Discovery
 */
export interface DiscoverRequest extends JSONRPCRequest {
  /**
   * Always `"server/discover"`.
   */
  method: "server/discover";
  /**
   * Only the common request parameters.
   */
  params: RequestParams;
}

/**
 * What a server reports about itself in answer to a {@link DiscoverRequest | server/discover}
 * request. The result may be cached according to its TTL hint.
 *
 * @category Discovery
 */
export interface DiscoverResult extends CacheableResult {
  /**
   * Every protocol version the server can speak; the client picks one of them for its requests.
   */
  supportedVersions: string[];
  /**
   * The optional features this server offers.
   */
  capabilities: ServerCapabilities;
  /**
   * Free-text guidance on how to use this server and its features, for instance to be placed in a
   * model's system prompt. It should add to, not repeat, what the tool descriptions already say.
   */
  instructions?: string;
}

/**
 * The JSON-RPC response that carries a {@link DiscoverResult}.
 *
 * @category Discovery
 */
export interface DiscoverResultResponse extends JSONRPCResultResponse {
  /**
   * The server's self-description.
   */
  result: DiscoverResult;
}

/**
 * The optional features a client supports, declared in the `_meta` of every request. The members
 * listed here are the standard ones; clients may add their own.
 *
 * @category Discovery
 */
export interface ClientCapabilities {
  /**
   * Non-standard, experimental features the client supports, keyed by name.
   */
  experimental?: { [key: string]: JSONObject };
  /**
   * Present when the client can answer `roots/list` requests.
   *
   * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with roots, and kept for at
   * least twelve more months. Servers should receive directories or files through tool arguments,
   * resource URIs or their own configuration instead.
   */

  roots?: {};
  /**
   * Present when the client can answer `sampling/createMessage` requests.
   *
   * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
   * least twelve more months. Servers should call an LLM provider's API themselves instead.
   */
  sampling?: {
    /**
     * Present when the client honours `includeContext` values other than `"none"`. Without it,
     * servers should leave `includeContext` out or set it to `"none"`.
     */
    context?: JSONObject;
    /**
     * Present when the client accepts `tools` and `toolChoice` in sampling requests.
     */
    tools?: JSONObject;
  };
  /**
   * Present when the client can answer `elicitation/create` requests. Each member names a
   * supported elicitation mode.
   */
  elicitation?: {
    /**
     * Present when the client can show a form built from a requested schema.
     */
    form?: JSONObject;
    /**
     * Present when the client can send the user to a URL to complete an interaction.
     */
    url?: JSONObject;
  };

  /**
   * MCP extensions the client supports, keyed by extension identifier (for instance
   * `io.modelcontextprotocol/oauth-client-credentials`), each with its settings object; `{}` means
   * supported with no settings. Keys follow the {@link MetaObject} naming rules and must have a
   * prefix.
   */
  extensions?: { [key: string]: JSONObject };
}

/**
 * The optional features a server supports, reported by `server/discover`. The members listed here
 * are the standard ones; servers may add their own.
 *
 * @category Discovery
 */
export interface ServerCapabilities {
  /**
   * Non-standard, experimental features the server supports, keyed by name.
   */
  experimental?: { [key: string]: JSONObject };
  /**
   * Present when the server can send log messages to the client.
   *
   * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with the rest of logging, and
   * kept for at least twelve more months. Servers on stdio should write logs to stderr instead, and
   * OpenTelemetry is the suggested route for observability.
   */
  logging?: JSONObject;
  /**
   * Present when the server can suggest values for prompt and resource-template arguments.
   */
  completions?: JSONObject;
  /**
   * Present when the server has prompts to offer.
   */
  prompts?: {
    /**
     * Whether the server will announce changes to its prompt list.
     */
    listChanged?: boolean;
  };
  /**
   * Present when the server has resources that can be read.
   */
  resources?: {
    /**
     * Whether clients may subscribe to updates of individual resources.
     */
    subscribe?: boolean;
    /**
     * Whether the server will announce changes to its resource list.
     */
    listChanged?: boolean;
  };
  /**
   * Present when the server has tools that can be called.
   */
  tools?: {
    /**
     * Whether the server will announce changes to its tool list.
     */
    listChanged?: boolean;
  };
  /**
   * MCP extensions the server supports, keyed by extension identifier (for instance
   * `io.modelcontextprotocol/tasks`), each with its settings object; `{}` means supported with no
   * settings. Keys follow the {@link MetaObject} naming rules and must have a prefix.
   */
  extensions?: { [key: string]: JSONObject };
}

/**
 * An image a user interface can show for an implementation, tool, prompt or resource, optionally
 * tagged with its sizes and intended theme.
 *
 * @category Common Types
 */
export interface Icon {
  /**
   * Where to load the image from: an HTTP(S) URL or a `data:` URI holding base64 data. Consumers
   * should only fetch from the peer's own domain or another trusted one, and should treat SVG with
   * care since it can embed script.
   *
   * @format uri
   */
  src: string;

  /**
   * The image's MIME type (such as `image/png` or `image/svg+xml`), for when the source does not
   * state it or states something too generic.
   */
  mimeType?: string;

  /**
   * The sizes the image is suitable for, each written as `WxH` (such as `48x48`) or `any` for
   * scalable images. Without this list the icon is assumed to fit any size.
   */
  sizes?: string[];

  /**
   * The background the icon was made for: `"light"` or `"dark"`. Without it the icon is assumed
   * to suit either.
   */
  theme?: "light" | "dark";
}

/**
 * Mixin that gives a type an optional list of icons.
 *
 * @internal
 * @category Common Types
 */
export interface Icons {
  /**
   * Icons a client may display for this item. Clients that render icons must handle PNG and JPEG
   * (`image/png`, `image/jpeg`, `image/jpg`) and should also handle SVG (`image/svg+xml`, with
   * suitable precautions) and WebP (`image/webp`).
   */
  icons?: Icon[];
}

/**
 * Mixin for things that have a machine-oriented `name` and an optional human-oriented `title`.
 *
 * @internal
 * @category Common Types
 */
export interface BaseMetadata {
  /**
   * The identifier used in code and on the wire. It doubles as the display label when no `title`
   * is given (and served as one in earlier revisions).
   */
  name: string;

  /**
   * A friendly label for people, understandable without domain knowledge. When it is missing,
   * `name` is displayed instead; for a {@link Tool}, `annotations.title` is preferred over `name`
   * if it exists.
   */
  title?: string;
}

/**
 * Identifies a piece of MCP software (a client or a server): its name, version and optional
 * descriptive details.
 *
 * @category Discovery
 */
export interface Implementation extends BaseMetadata, Icons {
  /**
   * The version of the software.
   */
  version: string;

  /**
   * A short human-readable summary of what the software is for, such as which tools a server
   * provides or what a client is used for.
   */
  description?: string;

  /**
   * The address of the software's home page.
   *
   * @format uri
   */
  websiteUrl?: string;
}

/* ---------------------------------------------------------------------------------------------
 * Progress
 * ------------------------------------------------------------------------------------------- */

/**
 * The parameters of a {@link ProgressNotification | notifications/progress} notification.
 *
 * @category Utilities
 */
export interface ProgressNotificationParams extends NotificationParams {
  /**
   * The token from the `_meta` of the request this update is about.
   */
  progressToken: ProgressToken;
  /**
   * How far the work has got. It should grow with every update, whether or not `total` is known.
   */
  progress: number;
  /**
   * The value `progress` will reach when the work is done, when that is known.
   */
  total?: number;
  /**
   * A human-readable note on the current state of the work.
   */
  message?: string;
}

/**
 * Reports progress on a long-running request that asked for it by setting a `progressToken`.
 *
 * @see /specification/2026-07-28/basic/patterns/progress
 * @category Utilities
 */
export interface ProgressNotification extends JSONRPCNotification {
  /**
   * Always `"notifications/progress"`.
   */
  method: "notifications/progress";
  /**
   * The token and the progress figures.
   */
  params: ProgressNotificationParams;
}

/* ---------------------------------------------------------------------------------------------
 * Pagination and caching
 * ------------------------------------------------------------------------------------------- */

/**
 * The parameters of a request for one page of a list.
 *
 * @see /specification/2026-07-28/server/utilities/pagination
 * @category Utilities
 */
export interface PaginatedRequestParams extends RequestParams {
  /**
   * The `nextCursor` from the previous page; when given, the server continues the list after that
   * point. Omit it to get the first page.
   */
  cursor?: Cursor;
}

/**
 * A request for one page of a list.
 *
 * @internal
 * @category Utilities
 */
export interface PaginatedRequest extends JSONRPCRequest {
  /**
   * The paging parameters.
   */
  params: PaginatedRequestParams;
}

/**
 * A result holding one page of a list.
 *
 * @internal
 * @category Utilities
 */
export interface PaginatedResult extends Result {
  /**
   * Where the next page starts. When present, more items may follow and can be fetched by passing
   * this value as `cursor`; when absent, this is the last page.
   */
  nextCursor?: Cursor;
}

/**
 * A result the client may keep and reuse for a while, as the server's hints allow.
 *
 * @see /specification/2026-07-28/server/utilities/caching
 * @internal
 * @category Utilities
 */
export interface CacheableResult extends Result {
  /**
   * How many milliseconds after receipt the client may keep using this result before fetching it
   * again, much like HTTP `max-age`. Zero means it is stale at once and may be fetched anew each
   * time it is needed; a positive value means it should be treated as fresh for that long.
   *
   * @minimum 0
   * @TJS-type integer
   */
  ttlMs: number;

  /**
   * Who may share a cached copy, in the spirit of HTTP `Cache-Control: public` and `private`.
   * `"public"` means the result holds nothing user-specific, so any client or intermediary may
   * cache it and serve it across authorization contexts. `"private"` means a cached copy may only
   * be reused within the same authorization context (a different access token needs its own
   * cache).
   */
  cacheScope: "public" | "private";
}

/* ---------------------------------------------------------------------------------------------
 * Resources
 * ------------------------------------------------------------------------------------------- */

/**
 * Asks the server for (a page of) the resources it makes available.
 *
 * @see /specification/2026-07-28/server/resources
 * @category Resources
 */
export interface ListResourcesRequest extends PaginatedRequest {
  /**
   * Always `"resources/list"`.
   */
  method: "resources/list";
}

/**
 * One page of the server's resources, returned for a
 * {@link ListResourcesRequest | resources/list} request.
 *
 * @category Resources
 */
export interface ListResourcesResult extends PaginatedResult, CacheableResult {
  /**
   * The resources on this page.
   */
  resources: Resource[];
}

/**
 * The JSON-RPC response that carries a {@link ListResourcesResult}.
 *
 * @category Resources
 */
export interface ListResourcesResultResponse extends JSONRPCResultResponse {
  /**
   * The page of resources.
   */
  result: ListResourcesResult;
}

/**
 * Asks the server for (a page of) its resource templates, i.e. parameterised resource URIs.
 *
 * @category Resources
 */
export interface ListResourceTemplatesRequest extends PaginatedRequest {
  /**
   * Always `"resources/templates/list"`.
   */
  method: "resources/templates/list";
}

/**
 * One page of the server's resource templates, returned for a
 * {@link ListResourceTemplatesRequest | resources/templates/list} request.
 *
 * @category Resources
 */
export interface ListResourceTemplatesResult extends PaginatedResult, CacheableResult {
  /**
   * The resource templates on this page.
   */
  resourceTemplates: ResourceTemplate[];
}

/**
 * The JSON-RPC response that carries a {@link ListResourceTemplatesResult}.
 *
 * @category Resources
 */
export interface ListResourceTemplatesResultResponse extends JSONRPCResultResponse {
  /**
   * The page of resource templates.
   */
  result: ListResourceTemplatesResult;
}

/**
 * The parameters shared by requests that concern one resource.
 *
 * @internal
 * @category Resources
 */
export interface ResourceRequestParams extends RequestParams {
  /**
   * Which resource is meant. Any URI scheme may be used; its meaning is up to the server.
   *
   * @format uri
   */
  uri: string;
}

/**
 * The parameters of a {@link ReadResourceRequest | resources/read} request: the resource's URI,
 * plus any answers to input the server asked for on an earlier attempt.
 *
 * @category Resources
 */
export interface ReadResourceRequestParams
  extends ResourceRequestParams, InputResponseRequestParams {}

/**
 * Asks the server for the contents of the resource at a given URI.
 *
 * @category Resources
 */
export interface ReadResourceRequest extends JSONRPCRequest {
  /**
   * Always `"resources/read"`.
   */
  method: "resources/read";
  /**
   * The resource to read.
   */
  params: ReadResourceRequestParams;
}

/**
 * The contents of a resource, returned for a {@link ReadResourceRequest | resources/read} request.
 *
 * @category Resources
 */
export interface ReadResourceResult extends CacheableResult {
  /**
   * The resource's contents; there may be several entries when reading it yields sub-resources.
   */
  contents: (TextResourceContents | BlobResourceContents)[];
}

/**
 * The JSON-RPC response to a {@link ReadResourceRequest | resources/read} request: either the
 * contents, or a request for more input from the client.
 *
 * @category Resources
 */
export interface ReadResourceResultResponse extends JSONRPCResultResponse {
  /**
   * The contents, or an {@link InputRequiredResult} when the server needs more input first.
   */
  result: ReadResourceResult | InputRequiredResult;
}

/**
 * Tells the client that the set of resources the server offers has changed. It is sent only on a
 * {@link SubscriptionsListenRequest | subscriptions/listen} stream whose filter set
 * `resourcesListChanged`.
 *
 * @category Resources
 */
export interface ResourceListChangedNotification extends JSONRPCNotification {
  /**
   * Always `"notifications/resources/list_changed"`.
   */
  method: "notifications/resources/list_changed";
  /**
   * Only the common notification parameters, if any.
   */
  params?: NotificationParams;
}

/* ---------------------------------------------------------------------------------------------
 * Subscriptions
 * ------------------------------------------------------------------------------------------- */

/**
 * Chooses which notifications a {@link SubscriptionsListenRequest | subscriptions/listen} stream
 * should deliver. Everything is off unless asked for: the server must not send a kind of
 * notification the client did not select here.
 *
 * @see /specification/2026-07-28/basic/patterns/subscriptions
 * @category Subscriptions
 */
export interface SubscriptionFilter {
  /**
   * Set to true to receive {@link ToolListChangedNotification | notifications/tools/list_changed}.
   */
  toolsListChanged?: boolean;
  /**
   * Set to true to receive
   * {@link PromptListChangedNotification | notifications/prompts/list_changed}.
   */
  promptsListChanged?: boolean;
  /**
   * Set to true to receive
   * {@link ResourceListChangedNotification | notifications/resources/list_changed}.
   */
  resourcesListChanged?: boolean;
  /**
   * URIs of resources whose changes should be reported with
   * {@link ResourceUpdatedNotification | notifications/resources/updated}. This takes over from
   * the older `resources/subscribe` method.
   */
  resourceSubscriptions?: string[];
}

/**
 * The parameters of a {@link SubscriptionsListenRequest | subscriptions/listen} request.
 *
 * @category Subscriptions
 */
export interface SubscriptionsListenRequestParams extends RequestParams {
  /**
   * The kinds of notification the client wants on this stream; the server must send no others.
   */
  notifications: SubscriptionFilter;
}

/**
 * Opens a long-lived stream on which the server delivers notifications that are not tied to any
 * single request. It behaves the same on every transport and supersedes the standalone HTTP GET
 * stream of earlier revisions.
 *
 * @see /specification/2026-07-28/basic/patterns/subscriptions
 * @category Subscriptions
 */
export interface SubscriptionsListenRequest extends JSONRPCRequest {
  /**
   * Always `"subscriptions/listen"`.
   */
  method: "subscriptions/listen";
  /**
   * Which notifications the stream should carry.
   */
  params: SubscriptionsListenRequestParams;
}

/**
 * The `_meta` of a {@link SubscriptionsListenResult}: the usual result metadata plus the id of the
 * subscription being closed. Keys follow the {@link MetaObject} naming rules.
 *
 * @category Subscriptions
 */
export interface SubscriptionsListenResultMetaObject extends ResultMetaObject {
  /**
   * The id of the `subscriptions/listen` request that started the stream, which is also this
   * response's own `id`. It matches the key of the same name on the stream's notifications, so
   * the client can tell which subscription has ended.
   */
  "io.modelcontextprotocol/subscriptionId": RequestId;
}

/**
 * Answers a {@link SubscriptionsListenRequest | subscriptions/listen} request, which only happens
 * when the server closes the subscription in an orderly way (for example while shutting down). If
 * the transport simply drops, no result is sent. Apart from its `_meta` the result is empty.
 *
 * @category Subscriptions
 */
export interface SubscriptionsListenResult extends Result {
  /**
   * Result metadata, which here must name the subscription being closed.
   */
  _meta: SubscriptionsListenResultMetaObject;
}

/**
 * The JSON-RPC response that carries a {@link SubscriptionsListenResult}, sent when the server
 * ends a subscription in an orderly way.
 *
 * @category Subscriptions
 */
export interface SubscriptionsListenResultResponse extends JSONRPCResultResponse {
  /**
   * The closing result.
   */
  result: SubscriptionsListenResult;
}

/**
 * The parameters of a
 * {@link SubscriptionsAcknowledgedNotification | notifications/subscriptions/acknowledged}
 * notification.
 *
 * @category Subscriptions
 */
export interface SubscriptionsAcknowledgedNotificationParams extends NotificationParams {
  /**
   * The part of the client's filter that the server will actually honour. Kinds the server cannot
   * provide (such as `promptsListChanged` from a server without prompts) are left out.
   */
  notifications: SubscriptionFilter;
}

/**
 * Confirms that a {@link SubscriptionsListenRequest | subscriptions/listen} stream is open and
 * states which notifications it will carry. For a given subscription id it must come before any
 * other message carrying that id in `io.modelcontextprotocol/subscriptionId`; on stdio, where all
 * subscriptions share one channel, messages of other subscriptions may still arrive before it.
 *
 * @category Subscriptions
 */
export interface SubscriptionsAcknowledgedNotification extends JSONRPCNotification {
  /**
   * Always `"notifications/subscriptions/acknowledged"`.
   */
  method: "notifications/subscriptions/acknowledged";
  /**
   * The notifications the server agreed to deliver.
   */
  params: SubscriptionsAcknowledgedNotificationParams;
}

/**
 * The parameters of a {@link ResourceUpdatedNotification | notifications/resources/updated}
 * notification.
 *
 * @category Resources
 */
export interface ResourceUpdatedNotificationParams extends NotificationParams {
  /**
   * The URI of the resource that changed. It can be a sub-resource of the URI the client
   * subscribed to.
   *
   * @format uri
   */
  uri: string;
}

/**
 * Tells the client that a resource has changed, so it may want to read it again. It is sent only
 * for URIs the client listed in `resourceSubscriptions` when opening a
 * {@link SubscriptionsListenRequest | subscriptions/listen} stream.
 *
 * @category Resources
 */
export interface ResourceUpdatedNotification extends JSONRPCNotification {
  /**
   * Always `"notifications/resources/updated"`.
   */
  method: "notifications/resources/updated";
  /**
   * Which resource changed.
   */
  params: ResourceUpdatedNotificationParams;
}

/**
 * A resource the server can read, as listed by `resources/list`.
 *
 * @category Resources
 */
export interface Resource extends BaseMetadata, Icons {
  /**
   * The URI that identifies the resource.
   *
   * @format uri
   */
  uri: string;

  /**
   * What the resource contains or represents, written to help a model understand when it is
   * useful.
   */
  description?: string;

  /**
   * The MIME type of the resource, when known.
   */
  mimeType?: string;

  /**
   * Hints for the client on audience, priority and freshness.
   */
  annotations?: Annotations;

  /**
   * The length of the raw content in bytes (before any base64 encoding or tokenization), when
   * known. Hosts can use it to show file sizes or estimate how much context the resource would
   * take up.
   *
   * @TJS-type integer
   */
  size?: number;

  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/**
 * A family of resources described by a URI template, as listed by `resources/templates/list`.
 *
 * @category Resources
 */
export interface ResourceTemplate extends BaseMetadata, Icons {
  /**
   * An RFC 6570 URI template; filling in its variables yields the URI of a concrete resource.
   *
   * @format uri-template
   */
  uriTemplate: string;

  /**
   * What the resources built from this template are, written to help a model understand when they
   * are useful.
   */
  description?: string;

  /**
   * The MIME type shared by every resource the template produces; only set it when they all have
   * the same type.
   */
  mimeType?: string;

  /**
   * Hints for the client on audience, priority and freshness.
   */
  annotations?: Annotations;

  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/**
 * The members shared by the text and binary contents of a resource or sub-resource.
 *
 * @internal
 * @category Resources
 */
export interface ResourceContents {
  /**
   * The URI of the resource these contents belong to.
   *
   * @format uri
   */
  uri: string;
  /**
   * The MIME type of the contents, when known.
   */
  mimeType?: string;

  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/**
 * Resource contents that are text.
 *
 * @category Content
 */
export interface TextResourceContents extends ResourceContents {
  /**
   * The contents as a string. Use this form only when the data really is text, not binary.
   */
  text: string;
}

/**
 * Resource contents that are binary data.
 *
 * @category Content
 */
export interface BlobResourceContents extends ResourceContents {
  /**
   * The bytes of the contents, base64-encoded.
   *
   * @format byte
   */
  blob: string;
}

/* ---------------------------------------------------------------------------------------------
 * Prompts
 * ------------------------------------------------------------------------------------------- */

/**
 * Asks the server for (a page of) the prompts and prompt templates it offers.
 *
 * @see /specification/2026-07-28/server/prompts
 * @category Prompts
 */
export interface ListPromptsRequest extends PaginatedRequest {
  /**
   * Always `"prompts/list"`.
   */
  method: "prompts/list";
}

/**
 * One page of the server's prompts, returned for a {@link ListPromptsRequest | prompts/list}
 * request.
 *
 * @category Prompts
 */
export interface ListPromptsResult extends PaginatedResult, CacheableResult {
  /**
   * The prompts on this page.
   */
  prompts: Prompt[];
}

/**
 * The JSON-RPC response that carries a {@link ListPromptsResult}.
 *
 * @category Prompts
 */
export interface ListPromptsResultResponse extends JSONRPCResultResponse {
  /**
   * The page of prompts.
   */
  result: ListPromptsResult;
}

/**
 * The parameters of a {@link GetPromptRequest | prompts/get} request.
 *
 * @category Prompts
 */
export interface GetPromptRequestParams extends InputResponseRequestParams {
  /**
   * Which prompt or prompt template to produce, by name.
   */
  name: string;
  /**
   * Values for the prompt's arguments, keyed by argument name.
   */
  arguments?: { [key: string]: string };
}

/**
 * Asks the server to produce one of its prompts, filled in with the given arguments.
 *
 * @category Prompts
 */
export interface GetPromptRequest extends JSONRPCRequest {
  /**
   * Always `"prompts/get"`.
   */
  method: "prompts/get";
  /**
   * Which prompt, and the argument values to use.
   */
  params: GetPromptRequestParams;
}

/**
 * The filled-in prompt returned for a {@link GetPromptRequest | prompts/get} request.
 *
 * @category Prompts
 */
export interface GetPromptResult extends Result {
  /**
   * A short explanation of the prompt.
   */
  description?: string;
  /**
   * The messages that make up the prompt.
   */
  messages: PromptMessage[];
}

/**
 * The JSON-RPC response to a {@link GetPromptRequest | prompts/get} request: either the prompt,
 * or a request for more input from the client.
 *
 * @category Prompts
 */
export interface GetPromptResultResponse extends JSONRPCResultResponse {
  /**
   * The prompt, or an {@link InputRequiredResult} when the server needs more input first.
   */
  result: GetPromptResult | InputRequiredResult;
}

/**
 * A prompt or prompt template available from the server, as listed by `prompts/list`.
 *
 * @category Prompts
 */
export interface Prompt extends BaseMetadata, Icons {
  /**
   * What the prompt is for.
   */
  description?: string;

  /**
   * The arguments the prompt takes when it is a template.
   */
  arguments?: PromptArgument[];

  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/**
 * One argument a prompt template accepts.
 *
 * @category Prompts
 */
export interface PromptArgument extends BaseMetadata {
  /**
   * What the argument means, for people.
   */
  description?: string;
  /**
   * Whether `prompts/get` must supply this argument.
   */
  required?: boolean;
}

/**
 * Who a message in a conversation comes from or is addressed to.
 *
 * @category Common Types
 */
export type Role = "user" | "assistant";

/**
 * One message of a prompt returned by `prompts/get`. It resembles {@link SamplingMessage} but can
 * also embed resources from the server.
 *
 * @category Prompts
 */
export interface PromptMessage {
  /**
   * Who the message is attributed to.
   */
  role: Role;
  /**
   * What the message says.
   */
  content: ContentBlock;
}

/**
 * A pointer to a resource the server can read, placed in a prompt or a tool result instead of the
 * resource's contents. A resource linked from a tool result need not appear in
 * {@link ListResourcesRequest | resources/list}.
 *
 * @category Content
 */
export interface ResourceLink extends Resource {
  /**
   * Always `"resource_link"`.
   */
  type: "resource_link";
}

/**
 * The contents of a resource, included directly in a prompt or a tool result. How to present it to
 * the model or the user is the client's choice.
 *
 * @category Content
 */
export interface EmbeddedResource {
  /**
   * Always `"resource"`.
   */
  type: "resource";
  /**
   * The embedded contents, as text or binary data.
   */
  resource: TextResourceContents | BlobResourceContents;

  /**
   * Hints for the client on audience, priority and freshness.
   */
  annotations?: Annotations;

  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/**
 * Tells the client that the set of prompts the server offers has changed. It is sent only on a
 * {@link SubscriptionsListenRequest | subscriptions/listen} stream whose filter set
 * `promptsListChanged`.
 *
 * @category Prompts
 */
export interface PromptListChangedNotification extends JSONRPCNotification {
  /**
   * Always `"notifications/prompts/list_changed"`.
   */
  method: "notifications/prompts/list_changed";
  /**
   * Only the common notification parameters, if any.
   */
  params?: NotificationParams;
}

/* ---------------------------------------------------------------------------------------------
 * Tools
 * ------------------------------------------------------------------------------------------- */

/**
 * Asks the server for (a page of) the tools it offers.
 *
 * @see /specification/2026-07-28/server/tools
 * @category Tools
 */
export interface ListToolsRequest extends PaginatedRequest {
  /**
   * Always `"tools/list"`.
   */
  method: "tools/list";
}

/**
 * One page of the server's tools, returned for a {@link ListToolsRequest | tools/list} request.
 *
 * @category Tools
 */
export interface ListToolsResult extends PaginatedResult, CacheableResult {
  /**
   * The tools on this page.
   */
  tools: Tool[];
}

/**
 * The JSON-RPC response that carries a {@link ListToolsResult}.
 *
 * @category Tools
 */
export interface ListToolsResultResponse extends JSONRPCResultResponse {
  /**
   * The page of tools.
   */
  result: ListToolsResult;
}

/**
 * What a tool produced, returned for a {@link CallToolRequest | tools/call} request.
 *
 * @category Tools
 */
export interface CallToolResult extends Result {
  /**
   * The tool's output as content blocks (text, images, audio, resources and so on).
   */
  content: ContentBlock[];

  /**
   * The tool's output as a single JSON value of any kind. When the tool declares an
   * `outputSchema`, this value must match it.
   */
  structuredContent?: unknown;

  /**
   * True when the tool itself failed; treated as false when absent. Failures of the tool belong
   * here, inside a normal result, so the model can see them and try to recover. Problems such as
   * an unknown tool, or a server without tool support, are reported as JSON-RPC errors instead.
   */
  isError?: boolean;
}

/**
 * The JSON-RPC response to a {@link CallToolRequest | tools/call} request: either the tool's
 * output, or a request for more input from the client.
 *
 * @category Tools
 */
export interface CallToolResultResponse extends JSONRPCResultResponse {
  /**
   * The tool's output, or an {@link InputRequiredResult} when the server needs more input first.
   */
  result: CallToolResult | InputRequiredResult;
}

/**
 * The parameters of a {@link CallToolRequest | tools/call} request.
 *
 * @category Tools
 */
export interface CallToolRequestParams extends InputResponseRequestParams {
  /**
   * The name of the tool to run.
   */
  name: string;
  /**
   * The input for the tool, expected to match its `inputSchema`.
   */
  arguments?: { [key: string]: unknown };
}

/**
 * Asks the server to run one of its tools.
 *
 * @category Tools
 */
export interface CallToolRequest extends JSONRPCRequest {
  /**
   * Always `"tools/call"`.
   */
  method: "tools/call";
  /**
   * Which tool to run, and with what input.
   */
  params: CallToolRequestParams;
}

/**
 * Tells the client that the set of tools the server offers has changed. It is sent only on a
 * {@link SubscriptionsListenRequest | subscriptions/listen} stream whose filter set
 * `toolsListChanged`.
 *
 * @category Tools
 */
export interface ToolListChangedNotification extends JSONRPCNotification {
  /**
   * Always `"notifications/tools/list_changed"`.
   */
  method: "notifications/tools/list_changed";
  /**
   * Only the common notification parameters, if any.
   */
  params?: NotificationParams;
}

/**
 * Optional hints that describe how a {@link Tool} behaves. They are claims by the server, not
 * guarantees (this holds for `title` as well), so clients must not base decisions on hints from a
 * server they do not trust.
 *
 * @category Tools
 */
export interface ToolAnnotations {
  /**
   * A display name for the tool.
   */
  title?: string;

  /**
   * When true, the tool only reads and changes nothing in its environment. Assumed false when
   * absent.
   */
  readOnlyHint?: boolean;

  /**
   * When true, the tool may overwrite or delete things; when false, it only adds. Only relevant if
   * the tool is not read-only. Assumed true when absent.
   */
  destructiveHint?: boolean;

  /**
   * When true, repeating a call with identical arguments changes nothing beyond the first call.
   * Only relevant if the tool is not read-only. Assumed false when absent.
   */
  idempotentHint?: boolean;

  /**
   * When true, the tool reaches out to an open-ended set of outside systems (as a web search
   * does); when false, it works within a closed domain (as a local note store does). Assumed true
   * when absent.
   */
  openWorldHint?: boolean;
}

/**
 * A tool the server offers, as listed by `tools/list`: its name, description and the JSON Schemas
 * of its input and (optionally) its output.
 *
 * @category Tools
 */
export interface Tool extends BaseMetadata, Icons {
  /**
   * What the tool does, written to help a model decide when and how to call it.
   */
  description?: string;

  /**
   * A JSON Schema for the tool's arguments. Arguments are always a JSON object, so the root must
   * say `type: "object"`; otherwise any JSON Schema 2020-12 keyword may be used, including
   * composition, conditionals and references. A property schema may carry `x-mcp-header`, which
   * asks for that argument's value to be repeated in a request header when Streamable HTTP is the
   * transport. Without an explicit
   * `$schema`, the dialect is 2020-12.
   */
  inputSchema: {
    /**
     * The JSON Schema dialect; 2020-12 when omitted.
     */
    $schema?: string;
    /**
     * Always `"object"`.
     */
    type: "object";
    /**
     * Any other JSON Schema keywords.
     */
    [key: string]: unknown;
  };

  /**
   * A JSON Schema that the tool's `structuredContent` in a {@link CallToolResult} will match. Any
   * JSON Schema 2020-12 is allowed; without an explicit `$schema`, the dialect is 2020-12.
   */
  outputSchema?: {
    /**
     * The JSON Schema dialect; 2020-12 when omitted.
     */
    $schema?: string;
    /**
     * Any other JSON Schema keywords.
     */
    [key: string]: unknown;
  };

  /**
   * Hints about the tool's behaviour. For display, `title` wins over `annotations.title`, which
   * wins over `name`.
   */
  annotations?: ToolAnnotations;

  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/* ---------------------------------------------------------------------------------------------
 * Logging
 * ------------------------------------------------------------------------------------------- */

/**
 * The parameters of a {@link LoggingMessageNotification | notifications/message} notification.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 together with the rest of logging, and
 * kept for at least twelve more months. Servers on stdio should write logs to stderr instead, and
 * OpenTelemetry is the suggested route for observability.
 *
 * @category Logging
 */
export interface LoggingMessageNotificationParams extends NotificationParams {
  /**
   * How severe the logged event is.
   */
  level: LoggingLevel;
  /**
   * The name of the logger that produced the message.
   */
  logger?: string;
  /**
   * What is being logged: a string, an object or any other JSON-serializable value.
   */
  data: unknown;
}

/**
 * A log message from the server to the client. The server sends these for a request only when
 * that request's `_meta` sets `"io.modelcontextprotocol/logLevel"`.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 together with the rest of logging, and
 * kept for at least twelve more months. Servers on stdio should write logs to stderr instead, and
 * OpenTelemetry is the suggested route for observability.
 *
 * @see /specification/2026-07-28/server/utilities/logging
 * @category Logging
 */
export interface LoggingMessageNotification extends JSONRPCNotification {
  /**
   * Always `"notifications/message"`.
   */
  method: "notifications/message";
  /**
   * The severity, logger name and logged data.
   */
  params: LoggingMessageNotificationParams;
}

/**
 * How severe a log message is, from least (`"debug"`) to most (`"emergency"`) severe. The levels
 * follow the syslog severities of RFC 5424.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 together with the rest of logging, and
 * kept for at least twelve more months. Servers on stdio should write logs to stderr instead, and
 * OpenTelemetry is the suggested route for observability.
 *
 * @category Logging
 */
export type LoggingLevel =
  "debug" | "info" | "notice" | "warning" | "error" | "critical" | "alert" | "emergency";

/* ---------------------------------------------------------------------------------------------
 * Sampling
 * ------------------------------------------------------------------------------------------- */

/**
 * The parameters of a {@link CreateMessageRequest | sampling/createMessage} request.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
 * least twelve more months. Servers should call an LLM provider's API themselves instead.
 *
 * @category Sampling
 */
export interface CreateMessageRequestParams {
  /**
   * The conversation to send to the model.
   */
  messages: SamplingMessage[];
  /**
   * What the server would like the client to weigh when picking a model. The client is free to
   * disregard it.
   */
  modelPreferences?: ModelPreferences;
  /**
   * A system prompt the server suggests. The client may change it or leave it out.
   */
  systemPrompt?: string;
  /**
   * Whether the client should add context from MCP servers to the prompt: none, only the calling
   * server's, or every connected server's. The client may ignore it; `"none"` is assumed when it is
   * absent. Servers should send only `"none"` (or nothing) unless the client declared
   * `sampling.context` in its capabilities.
   *
   * @deprecated The values `"thisServer"` and `"allServers"` have been deprecated since revision
   * 2025-11-25 (SEP-2596); they disappear at the latest when sampling itself does (SEP-2577). Leave
   * the field out or send `"none"`.
   */
  includeContext?: "none" | "thisServer" | "allServers";
  /**
   * The sampling temperature to ask the model for.
   */
  temperature?: number;
  /**
   * An upper bound on the number of tokens to generate, guarding against runaway output. The
   * client may generate fewer.
   *
   * @TJS-type integer
   */
  maxTokens: number;
  /**
   * Sequences at which the model should stop generating.
   */
  stopSequences?: string[];
  /**
   * Extra settings passed through to the model provider; their meaning depends on the provider.
   */
  metadata?: JSONObject;
  /**
   * Tools the model may call while generating. The client must reject the request if this is set
   * but it did not declare `sampling.tools` in its capabilities.
   */
  tools?: Tool[];
  /**
   * How the model may use the tools; `{ mode: "auto" }` when absent. The client must reject the
   * request if this is set but it did not declare `sampling.tools` in its capabilities.
   */
  toolChoice?: ToolChoice;
}

/**
 * Constrains whether the model uses tools during sampling.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
 * least twelve more months. Servers should call an LLM provider's API themselves instead.
 *
 * @category Sampling
 */
export interface ToolChoice {
  /**
   * `"auto"` (the default) lets the model decide; `"required"` means it must call at least one
   * tool before it finishes; `"none"` means it must not call any tool.
   */
  mode?: "auto" | "required" | "none";
}

/**
 * Asks the client to run a prompt through a language model on the server's behalf. The client
 * picks the model and should let the user review and approve the request before sampling. It is
 * delivered inside an {@link InputRequiredResult}.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
 * least twelve more months. Servers should call an LLM provider's API themselves instead.
 *
 * @see /specification/2026-07-28/client/sampling
 * @category Sampling
 */
export interface CreateMessageRequest {
  /**
   * Always `"sampling/createMessage"`.
   */
  method: "sampling/createMessage";
  /**
   * The conversation and sampling settings.
   */
  params: CreateMessageRequestParams;
}

/**
 * The model's reply to a {@link CreateMessageRequest | sampling/createMessage} request, sent back
 * by the client. Before the server gets to see it, the user ought to be able to review it.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
 * least twelve more months. Servers should call an LLM provider's API themselves instead.
 *
 * @category Sampling
 */
export interface CreateMessageResult extends SamplingMessage {
  /**
   * Which model produced the reply.
   */
  model: string;

  /**
   * Why generation ended, when known. The usual values are `"endTurn"` (the model finished its
   * turn), `"stopSequence"` (a stop sequence was hit), `"maxTokens"` (the token limit was reached)
   * and `"toolUse"` (the model wants to call tools); providers may report other strings.
   */
  stopReason?: "endTurn" | "stopSequence" | "maxTokens" | "toolUse" | string;
}

/**
 * One turn of the conversation sent to, or received from, a language model during sampling.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
 * least twelve more months. Servers should call an LLM provider's API themselves instead.
 *
 * @category Sampling
 */
export interface SamplingMessage {
  /**
   * Who the turn belongs to.
   */
  role: Role;
  /**
   * What the turn contains: one content block or several.
   */
  content: SamplingMessageContentBlock | SamplingMessageContentBlock[];
  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/**
 * Any content block allowed in a sampling message: text, image, audio, a tool call or a tool
 * result.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
 * least twelve more months. Servers should call an LLM provider's API themselves instead.
 *
 * @category Sampling
 */
export type SamplingMessageContentBlock =
  TextContent | ImageContent | AudioContent | ToolUseContent | ToolResultContent;

/**
 * Optional hints that help a client decide how to use or show an object.
 *
 * @category Common Types
 */
export interface Annotations {
  /**
   * Who the object is meant for; list both roles when it is useful to each.
   */
  audience?: Role[];

  /**
   * How much the object matters to the server's work, from 0 (entirely optional) to 1 (effectively
   * required).
   *
   * @minimum 0
   * @maximum 1
   */
  priority?: number;

  /**
   * When the object was last changed, as an ISO 8601 timestamp such as `2025-01-12T15:00:58Z` (for
   * example the last edit of an open file, or when a resource was attached).
   */
  lastModified?: string;
}

/**
 * Any content block that may appear in prompts and tool results: text, image, audio, a resource
 * link or an embedded resource.
 *
 * @category Content
 */
export type ContentBlock =
  TextContent | ImageContent | AudioContent | ResourceLink | EmbeddedResource;

/**
 * A piece of plain text exchanged with a model.
 *
 * @category Content
 */
export interface TextContent {
  /**
   * Always `"text"`.
   */
  type: "text";

  /**
   * The text itself.
   */
  text: string;

  /**
   * Hints for the client on audience, priority and freshness.
   */
  annotations?: Annotations;

  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/**
 * An image exchanged with a model.
 *
 * @category Content
 */
export interface ImageContent {
  /**
   * Always `"image"`.
   */
  type: "image";

  /**
   * The image bytes, base64-encoded.
   *
   * @format byte
   */
  data: string;

  /**
   * The image format as a MIME type; which formats are accepted varies by provider.
   */
  mimeType: string;

  /**
   * Hints for the client on audience, priority and freshness.
   */
  annotations?: Annotations;

  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/**
 * A clip of audio exchanged with a model.
 *
 * @category Content
 */
export interface AudioContent {
  /**
   * Always `"audio"`.
   */
  type: "audio";

  /**
   * The audio bytes, base64-encoded.
   *
   * @format byte
   */
  data: string;

  /**
   * The audio format as a MIME type; which formats are accepted varies by provider.
   */
  mimeType: string;

  /**
   * Hints for the client on audience, priority and freshness.
   */
  annotations?: Annotations;

  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/**
 * A model's request, within sampling, to call a tool.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
 * least twelve more months. Servers should call an LLM provider's API themselves instead.
 *
 * @category Sampling
 */
export interface ToolUseContent {
  /**
   * Always `"tool_use"`.
   */
  type: "tool_use";

  /**
   * An identifier for this call, unique among the calls in the conversation; the matching
   * {@link ToolResultContent} refers back to it.
   */
  id: string;

  /**
   * Which tool the model wants to call.
   */
  name: string;

  /**
   * The arguments for the call, shaped by the tool's input schema.
   */
  input: { [key: string]: unknown };

  /**
   * Additional metadata about the call. Clients should keep it when sending the call back in later
   * sampling requests, since it may enable caching.
   */
  _meta?: MetaObject;
}

/**
 * The outcome of a tool call, passed back to the model within sampling.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
 * least twelve more months. Servers should call an LLM provider's API themselves instead.
 *
 * @category Sampling
 */
export interface ToolResultContent {
  /**
   * Always `"tool_result"`.
   */
  type: "tool_result";

  /**
   * The `id` of the {@link ToolUseContent} this result answers; it must match one sent earlier.
   */
  toolUseId: string;

  /**
   * The tool's output as content blocks, in the same form as the `content` of a
   * {@link CallToolResult}.
   */
  content: ContentBlock[];

  /**
   * The tool's output as a single JSON value of any kind. When the tool declares an
   * `outputSchema`, this value should match it.
   */
  structuredContent?: unknown;

  /**
   * True when the call failed, in which case `content` usually explains the failure. Treated as
   * false when absent.
   */
  isError?: boolean;

  /**
   * Additional metadata about the result. Clients should keep it when sending the result back in
   * later sampling requests, since it may enable caching.
   */
  _meta?: MetaObject;
}

/**
 * What the server would like the client to weigh when choosing a model for sampling. Models trade
 * off cost, speed and capability against one another, so the server can express priorities along
 * each of these and name preferred models. All of it is advisory: the client decides how, and
 * whether, to apply it.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
 * least twelve more months. Servers should call an LLM provider's API themselves instead.
 *
 * @category Sampling
 */
export interface ModelPreferences {
  /**
   * Preferred models, most preferred first. The client must try them in order and take the first
   * that matches; they should outweigh the numeric priorities, which can still break ties.
   */
  hints?: ModelHint[];

  /**
   * How much a low cost matters, from 0 (not at all) to 1 (above everything else).
   *
   * @minimum 0
   * @maximum 1
   */
  costPriority?: number;

  /**
   * How much a fast response matters, from 0 (not at all) to 1 (above everything else).
   *
   * @minimum 0
   * @maximum 1
   */
  speedPriority?: number;

  /**
   * How much a capable, intelligent model matters, from 0 (not at all) to 1 (above everything
   * else).
   *
   * @minimum 0
   * @maximum 1
   */
  intelligencePriority?: number;
}

/**
 * A hint naming a model the server would like used. Members other than `name` have no defined
 * meaning yet; clients may interpret them as they see fit.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with sampling, and kept for at
 * least twelve more months. Servers should call an LLM provider's API themselves instead.
 *
 * @category Sampling
 */
export interface ModelHint {
  /**
   * A fragment of a model name, which the client should match as a substring (so `sonnet` matches
   * any model whose name contains it). The client may also map it to a comparable model from
   * another provider or family.
   */
  name?: string;
}

/* ---------------------------------------------------------------------------------------------
 * Completion
 * ------------------------------------------------------------------------------------------- */

/**
 * The parameters of a {@link CompleteRequest | completion/complete} request.
 *
 * @category Completion
 */
export interface CompleteRequestParams extends RequestParams {
  /**
   * The prompt or resource template whose argument is being completed.
   */
  ref: PromptReference | ResourceTemplateReference;
  /**
   * The argument being completed and what has been typed so far.
   */
  argument: {
    /**
     * The argument's name.
     */
    name: string;
    /**
     * The partial value to find completions for.
     */
    value: string;
  };

  /**
   * Extra information that can sharpen the suggestions.
   */
  context?: {
    /**
     * Values already chosen for other arguments of the same prompt or URI template, keyed by name.
     */
    arguments?: { [key: string]: string };
  };
}

/**
 * Asks the server to suggest values for an argument of a prompt or resource template, for
 * instance to drive autocompletion while the user types.
 *
 * @see /specification/2026-07-28/server/utilities/completion
 * @category Completion
 */
export interface CompleteRequest extends JSONRPCRequest {
  /**
   * Always `"completion/complete"`.
   */
  method: "completion/complete";
  /**
   * What to complete.
   */
  params: CompleteRequestParams;
}

/**
 * The suggestions returned for a {@link CompleteRequest | completion/complete} request.
 *
 * @category Completion
 */
export interface CompleteResult extends Result {
  /**
   * The suggested values and how many more exist.
   */
  completion: {
    /**
     * The suggested values, at most 100 of them.
     *
     * @maxItems 100
     */
    values: string[];
    /**
     * How many suggestions exist in all, which may be more than are returned here.
     *
     * @TJS-type integer
     */
    total?: number;
    /**
     * Whether further suggestions exist beyond those returned, even when their number is unknown.
     */
    hasMore?: boolean;
  };
}

/**
 * The JSON-RPC response that carries a {@link CompleteResult}.
 *
 * @category Completion
 */
export interface CompleteResultResponse extends JSONRPCResultResponse {
  /**
   * The suggestions.
   */
  result: CompleteResult;
}

/**
 * Points at a resource or resource template, as the target of a completion request.
 *
 * @category Completion
 */
export interface ResourceTemplateReference {
  /**
   * Always `"ref/resource"`.
   */
  type: "ref/resource";
  /**
   * The resource's URI, or the template's URI template.
   *
   * @format uri-template
   */
  uri: string;
}

/**
 * Points at a prompt by name, as the target of a completion request.
 *
 * @category Completion
 */
export interface PromptReference extends BaseMetadata {
  /**
   * Always `"ref/prompt"`.
   */
  type: "ref/prompt";
}

/* ---------------------------------------------------------------------------------------------
 * Roots
 * ------------------------------------------------------------------------------------------- */

/**
 * Asks the client which root URIs (directories or files) the server may work within, such as the
 * repositories or folders of the user's current project. It is delivered inside an
 * {@link InputRequiredResult}.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with roots, and kept for at
 * least twelve more months. Servers should receive directories or files through tool arguments,
 * resource URIs or their own configuration instead.
 *
 * @see /specification/2026-07-28/client/roots
 * @category Roots
 */
export interface ListRootsRequest {
  /**
   * Always `"roots/list"`.
   */
  method: "roots/list";
  /**
   * Optional parameters, which hold nothing but metadata.
   */
  params?: {
    /**
     * Additional metadata; see {@link MetaObject}.
     */
    _meta?: MetaObject;
  };
}

/**
 * The client's roots, returned for a {@link ListRootsRequest | roots/list} request.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with roots, and kept for at
 * least twelve more months. Servers should receive directories or files through tool arguments,
 * resource URIs or their own configuration instead.
 *
 * @category Roots
 */
export interface ListRootsResult {
  /**
   * The directories and files the server may work within.
   */
  roots: Root[];
}

/**
 * A directory or file that the client allows the server to work within.
 *
 * @deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with roots, and kept for at
 * least twelve more months. Servers should receive directories or files through tool arguments,
 * resource URIs or their own configuration instead.
 *
 * @category Roots
 */
export interface Root {
  /**
   * The root's location. In this revision it must be a `file://` URI; other schemes may be
   * permitted later.
   *
   * @format uri
   */
  uri: string;
  /**
   * A human-friendly label for the root, for display or for referring to it elsewhere.
   */
  name?: string;

  /**
   * Additional metadata; see {@link MetaObject}.
   */
  _meta?: MetaObject;
}

/* ---------------------------------------------------------------------------------------------
 * Elicitation
 * ------------------------------------------------------------------------------------------- */

/**
 * The parameters of a form-mode elicitation: the client shows a form, built from a simple schema,
 * to collect information that is not sensitive.
 *
 * @category Elicitation
 */
export interface ElicitRequestFormParams {
  /**
   * The kind of elicitation; form mode is assumed when absent.
   */
  mode?: "form";

  /**
   * Text shown to the user saying what is being asked for.
   */
  message: string;

  /**
   * The shape of the answer, in a cut-down JSON Schema: an object whose properties are all
   * primitive values, with no nesting.
   */
  requestedSchema: {
    /**
     * The JSON Schema dialect, if stated.
     */
    $schema?: string;
    /**
     * Always `"object"`.
     */
    type: "object";
    /**
     * The fields of the form, keyed by name.
     */
    properties: {
      [key: string]: PrimitiveSchemaDefinition;
    };
    /**
     * Names of the fields that must be filled in.
     */
    required?: string[];
  };
}

/**
 * The parameters of a URL-mode elicitation: the client sends the user to a web page where the
 * interaction takes place, outside the MCP connection.
 *
 * @category Elicitation
 */
export interface ElicitRequestURLParams {
  /**
   * Always `"url"`.
   */
  mode: "url";

  /**
   * Text shown to the user saying why the visit is needed.
   */
  message: string;

  /**
   * The page the user should open.
   *
   * @format uri
   */
  url: string;
}

/**
 * The parameters of an {@link ElicitRequest | elicitation/create} request, in either form mode or
 * URL mode.
 *
 * @category Elicitation
 */
export type ElicitRequestParams = ElicitRequestFormParams | ElicitRequestURLParams;

/**
 * Asks the client to obtain information from the user, through a form or by sending the user to a
 * URL. It is delivered inside an {@link InputRequiredResult}.
 *
 * @see /specification/2026-07-28/client/elicitation
 * @category Elicitation
 */
export interface ElicitRequest {
  /**
   * Always `"elicitation/create"`.
   */
  method: "elicitation/create";
  /**
   * What to ask and how.
   */
  params: ElicitRequestParams;
}

/**
 * The schema of a single form field. Only flat, primitive fields are allowed: strings, numbers,
 * booleans and enumerations, never nested objects or general arrays.
 *
 * @category Elicitation
 */
export type PrimitiveSchemaDefinition = StringSchema | NumberSchema | BooleanSchema | EnumSchema;

/**
 * A form field that takes free text.
 *
 * @category Elicitation
 */
export interface StringSchema {
  /**
   * Always `"string"`.
   */
  type: "string";
  /**
   * The field's label.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * The fewest characters accepted.
   *
   * @TJS-type integer
   */
  minLength?: number;
  /**
   * The most characters accepted.
   *
   * @TJS-type integer
   */
  maxLength?: number;
  /**
   * A well-known format the text must follow.
   */
  format?: "email" | "uri" | "date" | "date-time";
  /**
   * The value the field starts with.
   */
  default?: string;
}

/**
 * A form field that takes a number, either any number or whole numbers only.
 *
 * @category Elicitation
 */
export interface NumberSchema {
  /**
   * `"number"` for any number, `"integer"` for whole numbers only.
   */
  type: "number" | "integer";
  /**
   * The field's label.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * The smallest value accepted.
   */
  minimum?: number;
  /**
   * The largest value accepted.
   */
  maximum?: number;
  /**
   * The value the field starts with.
   */
  default?: number;
}

/**
 * A form field that takes yes or no.
 *
 * @category Elicitation
 */
export interface BooleanSchema {
  /**
   * Always `"boolean"`.
   */
  type: "boolean";
  /**
   * The field's label.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * The value the field starts with.
   */
  default?: boolean;
}

/**
 * A form field where the user picks one value from a list, shown as the raw values.
 *
 * @category Elicitation
 */
export interface UntitledSingleSelectEnumSchema {
  /**
   * Always `"string"`.
   */
  type: "string";
  /**
   * The field's label.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * The values to choose from.
   */
  enum: string[];
  /**
   * The value selected initially.
   */
  default?: string;
}

/**
 * A form field where the user picks one value from a list, each option with its own display label.
 *
 * @category Elicitation
 */
export interface TitledSingleSelectEnumSchema {
  /**
   * Always `"string"`.
   */
  type: "string";
  /**
   * The field's label.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * The options, each a value paired with the label to show for it.
   */
  oneOf: Array<{
    /**
     * The value submitted when this option is chosen.
     */
    const: string;
    /**
     * The label shown for this option.
     */
    title: string;
  }>;
  /**
   * The value selected initially.
   */
  default?: string;
}

/**
 * A single-choice form field, with or without per-option labels.
 *
 * @category Elicitation
 */
export type SingleSelectEnumSchema = UntitledSingleSelectEnumSchema | TitledSingleSelectEnumSchema;

/**
 * A form field where the user picks any number of values from a list, shown as the raw values.
 *
 * @category Elicitation
 */
export interface UntitledMultiSelectEnumSchema {
  /**
   * Always `"array"`.
   */
  type: "array";
  /**
   * The field's label.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * The fewest values the user must pick.
   *
   * @TJS-type integer
   */
  minItems?: number;
  /**
   * The most values the user may pick.
   *
   * @TJS-type integer
   */
  maxItems?: number;
  /**
   * Describes the values that can be picked.
   */
  items: {
    /**
     * Always `"string"`.
     */
    type: "string";
    /**
     * The values to choose from.
     */
    enum: string[];
  };
  /**
   * The values selected initially.
   */
  default?: string[];
}

/**
 * A form field where the user picks any number of values from a list, each option with its own
 * display label.
 *
 * @category Elicitation
 */
export interface TitledMultiSelectEnumSchema {
  /**
   * Always `"array"`.
   */
  type: "array";
  /**
   * The field's label.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * The fewest values the user must pick.
   *
   * @TJS-type integer
   */
  minItems?: number;
  /**
   * The most values the user may pick.
   *
   * @TJS-type integer
   */
  maxItems?: number;
  /**
   * Describes the values that can be picked.
   */
  items: {
    /**
     * The options, each a value paired with the label to show for it.
     */
    anyOf: Array<{
      /**
       * The value submitted when this option is picked.
       */
      const: string;
      /**
       * The label shown for this option.
       */
      title: string;
    }>;
  };
  /**
   * The values selected initially.
   */
  default?: string[];
}

/**
 * A multiple-choice form field, with or without per-option labels.
 *
 * @category Elicitation
 */
export type MultiSelectEnumSchema = UntitledMultiSelectEnumSchema | TitledMultiSelectEnumSchema;

/**
 * An older way to label single-choice options, using a parallel `enumNames` array. New schemas
 * should use {@link TitledSingleSelectEnumSchema}; this form is slated for removal.
 *
 * @category Elicitation
 */
export interface LegacyTitledEnumSchema {
  /**
   * Always `"string"`.
   */
  type: "string";
  /**
   * The field's label.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * The values to choose from.
   */
  enum: string[];
  /**
   * Labels for the values in `enum`, position by position. This keyword is not part of standard
   * JSON Schema 2020-12.
   */
  enumNames?: string[];
  /**
   * The value selected initially.
   */
  default?: string;
}

/**
 * Any enumeration form field: single or multiple choice, titled, untitled or legacy.
 *
 * @category Elicitation
 */
export type EnumSchema = SingleSelectEnumSchema | MultiSelectEnumSchema | LegacyTitledEnumSchema;

/**
 * What came of an {@link ElicitRequest | elicitation/create} request: the user's decision and,
 * for an accepted form, the values entered.
 *
 * @category Elicitation
 */
export interface ElicitResult {
  /**
   * What the user did: `"accept"` means they submitted or confirmed, `"decline"` means they
   * explicitly refused, and `"cancel"` means they dismissed the request without choosing.
   */
  action: "accept" | "decline" | "cancel";

  /**
   * The values the user entered, matching the requested schema. Present only when a form-mode
   * request was accepted; URL-mode answers never carry it.
   */
  content?: { [key: string]: string | number | boolean | string[] };
}

/* ---------------------------------------------------------------------------------------------
 * Message unions
 * ------------------------------------------------------------------------------------------- */

/**
 * Every request a client may send to a server.
 *
 * @internal
 * @category JSON-RPC
 */
export type ClientRequest =
  | DiscoverRequest
  | CompleteRequest
  | GetPromptRequest
  | ListPromptsRequest
  | ListResourcesRequest
  | ListResourceTemplatesRequest
  | ReadResourceRequest
  | SubscriptionsListenRequest
  | CallToolRequest
  | ListToolsRequest;

/**
 * Every notification a client may send to a server.
 *
 * @internal
 * @category JSON-RPC
 */
export type ClientNotification = CancelledNotification;

/**
 * Every result a client may send to a server as a JSON-RPC response.
 *
 * @internal
 * @category JSON-RPC
 */
export type ClientResult = EmptyResult;

/**
 * Every notification a server may send to a client.
 *
 * @internal
 * @category JSON-RPC
 */
export type ServerNotification =
  | CancelledNotification
  | ProgressNotification
  | LoggingMessageNotification
  | ResourceUpdatedNotification
  | ResourceListChangedNotification
  | ToolListChangedNotification
  | PromptListChangedNotification
  | SubscriptionsAcknowledgedNotification;

/**
 * Every result a server may send to a client.
 *
 * @internal
 * @category JSON-RPC
 */
export type ServerResult =
  | EmptyResult
  | DiscoverResult
  | CompleteResult
  | GetPromptResult
  | ListPromptsResult
  | ListResourceTemplatesResult
  | ListResourcesResult
  | ReadResourceResult
  | SubscriptionsListenResult
  | CallToolResult
  | ListToolsResult
  | InputRequiredResult;
