/* ------------------------------------------------------------------------ */
/* JSON-RPC framing                                                          */
/* ------------------------------------------------------------------------ */

/**
 * Any single message that can travel over an MCP connection: a request, a
 * notification, a successful response or an error response.
 *
 * @category JSON-RPC
 */
export type JSONRPCMessage = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse | JSONRPCError;

/**
 * The protocol revision described by this file. Clients normally offer it in
 * `initialize`, and servers answer with the revision they settle on.
 *
 * @category Lifecycle
 */
export const LATEST_PROTOCOL_VERSION = "2024-11-05";

/**
 * The value every message must carry in its `jsonrpc` member.
 *
 * @category JSON-RPC
 */
export const JSONRPC_VERSION = "2.0";

/**
 * Opaque value a requester hands out so that later progress updates can be
 * matched to the request they belong to.
 *
 * @category Utilities
 * @TJS-type ["string", "integer"]
 */
export type ProgressToken = string | number;

/**
 * Opaque marker for a position in a paged listing. Clients pass it back
 * unchanged and must not try to interpret it.
 *
 * @category Utilities
 */
export type Cursor = string;

/**
 * Shape shared by every request: a method name plus optional parameters.
 *
 * @category JSON-RPC
 */
export interface Request {
  /**
   * Name of the operation being invoked.
   */
  method: string;
  /**
   * Arguments for the method; which keys are allowed depends on the method.
   */
  params?: {
    /**
     * Protocol-level metadata about the request itself.
     */
    _meta?: {
      /**
       * When set, asks the receiver to report progress for this request via
       * `notifications/progress`, tagging each update with this token. The
       * receiver may choose not to send any updates.
       */
      progressToken?: ProgressToken;
    };
    [key: string]: unknown;
  };
}

/**
 * Shape shared by every notification: a one-way message with a method name and
 * optional parameters, never answered.
 *
 * @category JSON-RPC
 */
export interface Notification {
  /**
   * Name of the event being announced.
   */
  method: string;
  /**
   * Payload of the notification; which keys are allowed depends on the method.
   */
  params?: {
    /**
     * Key reserved by the protocol for extra metadata attached to a
     * notification.
     */
    _meta?: { [key: string]: unknown };
    [key: string]: unknown;
  };
}

/**
 * Shape shared by every successful result. Methods add their own fields.
 *
 * @category JSON-RPC
 */
export interface Result {
  /**
   * Key reserved by the protocol for extra metadata attached to a response.
   */
  _meta?: { [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * Identifier chosen by the sender of a request; the matching response echoes
 * it back.
 *
 * @category JSON-RPC
 * @TJS-type ["string", "integer"]
 */
export type RequestId = string | number;

/**
 * A request on the wire: it carries an `id` and must receive exactly one
 * response or error.
 *
 * @category JSON-RPC
 */
export interface JSONRPCRequest extends Request {
  /**
   * JSON-RPC version marker; always `"2.0"`.
   */
  jsonrpc: typeof JSONRPC_VERSION;
  /**
   * Identifier the response will echo.
   */
  id: RequestId;
}

/**
 * A notification on the wire: it has no `id`, and the receiver sends nothing
 * back.
 *
 * @category JSON-RPC
 */
export interface JSONRPCNotification extends Notification {
  /**
   * JSON-RPC version marker; always `"2.0"`.
   */
  jsonrpc: typeof JSONRPC_VERSION;
}

/**
 * The reply to a request that completed successfully.
 *
 * @category JSON-RPC
 */
export interface JSONRPCResponse {
  /**
   * JSON-RPC version marker; always `"2.0"`.
   */
  jsonrpc: typeof JSONRPC_VERSION;
  /**
   * The `id` of the request being answered.
   */
  id: RequestId;
  /**
   * The method-specific outcome.
   */
  result: Result;
}

/**
 * JSON-RPC error code: the message could not be parsed as JSON.
 *
 * @category JSON-RPC
 */
export const PARSE_ERROR = -32700;
/**
 * JSON-RPC error code: the JSON received is not a well-formed request object.
 *
 * @category JSON-RPC
 */
export const INVALID_REQUEST = -32600;
/**
 * JSON-RPC error code: the receiver does not know (or does not offer) the
 * requested method.
 *
 * @category JSON-RPC
 */
export const METHOD_NOT_FOUND = -32601;
/**
 * JSON-RPC error code: the method exists but its parameters are wrong.
 *
 * @category JSON-RPC
 */
export const INVALID_PARAMS = -32602;
/**
 * JSON-RPC error code: the receiver hit an unexpected failure of its own.
 *
 * @category JSON-RPC
 */
export const INTERNAL_ERROR = -32603;

/**
 * The reply to a request that failed.
 *
 * @category JSON-RPC
 */
export interface JSONRPCError {
  /**
   * JSON-RPC version marker; always `"2.0"`.
   */
  jsonrpc: typeof JSONRPC_VERSION;
  /**
   * The `id` of the request that failed.
   */
  id: RequestId;
  /**
   * What went wrong.
   */
  error: {
    /**
     * Integer identifying the kind of failure, such as one of the standard
     * JSON-RPC codes.
     *
     * @TJS-type integer
     */
    code: number;
    /**
     * Brief human-readable summary, ideally one sentence.
     */
    message: string;
    /**
     * Optional extra detail whose structure is up to the sender, for example
     * nested errors or diagnostic data.
     */
    data?: unknown;
  };
}

/* ------------------------------------------------------------------------ */
/* Empty result                                                              */
/* ------------------------------------------------------------------------ */

/**
 * A result with no payload, used when the only thing to report is that the
 * request succeeded.
 *
 * @category Common Types
 */
export type EmptyResult = Result;

/* ------------------------------------------------------------------------ */
/* Cancellation                                                              */
/* ------------------------------------------------------------------------ */

/**
 * Either side sends this to withdraw a request it issued earlier. The receiver
 * should stop working on it, since its result will be thrown away.
 *
 * Because messages cross in flight, the request may already be finished when
 * this arrives; both sides must tolerate that. The `initialize` request can
 * never be cancelled.
 *
 * @category Utilities
 */
export interface CancelledNotification extends Notification {
  /**
   * Always `"notifications/cancelled"`.
   */
  method: "notifications/cancelled";
  /**
   * Which request is withdrawn, and why.
   */
  params: {
    /**
     * The `id` of the request being withdrawn. It must name a request that the
     * sender of this notification issued itself.
     */
    requestId: RequestId;

    /**
     * Free-text explanation, suitable for logs or for showing to the user.
     */
    reason?: string;
  };
}

/* ------------------------------------------------------------------------ */
/* Initialization                                                            */
/* ------------------------------------------------------------------------ */

/**
 * The first message of every session, sent by the client to start the
 * handshake and announce what it supports.
 *
 * @category Lifecycle
 */
export interface InitializeRequest extends Request {
  /**
   * Always `"initialize"`.
   */
  method: "initialize";
  /**
   * What the client brings to the session.
   */
  params: {
    /**
     * Newest protocol revision the client can speak. It may also be able to
     * fall back to earlier ones.
     */
    protocolVersion: string;
    /**
     * Optional features the client offers.
     */
    capabilities: ClientCapabilities;
    /**
     * Name and version of the client software.
     */
    clientInfo: Implementation;
  };
}

/**
 * The server's answer to `initialize`, fixing the protocol revision and
 * advertising what the server offers.
 *
 * @category Lifecycle
 */
export interface InitializeResult extends Result {
  /**
   * Protocol revision the server picked for this session; it can differ from
   * the one the client asked for. A client that cannot speak it must close the
   * connection.
   */
  protocolVersion: string;
  /**
   * Optional features the server offers.
   */
  capabilities: ServerCapabilities;
  /**
   * Name and version of the server software.
   */
  serverInfo: Implementation;
  /**
   * Optional guidance on how to make good use of this server. Clients may
   * pass it to the model, for instance by adding it to the system prompt.
   */
  instructions?: string;
}

/**
 * Sent by the client once it has processed the `initialize` result, marking
 * the end of the handshake.
 *
 * @category Lifecycle
 */
export interface InitializedNotification extends Notification {
  /**
   * Always `"notifications/initialized"`.
   */
  method: "notifications/initialized";
}

/**
 * Features a client announces during initialization. The standard ones are
 * listed here; clients may add further, non-standard entries.
 *
 * @category Lifecycle
 */
export interface ClientCapabilities {
  /**
   * Non-standard features under trial, keyed by name.
   */
  experimental?: { [key: string]: object };
  /**
   * Present when the client can answer `roots/list`.
   */
  roots?: {
    /**
     * True when the client will send `notifications/roots/list_changed`.
     */
    listChanged?: boolean;
  };
  /**
   * Present when the client can serve `sampling/createMessage` requests.
   */
  sampling?: object;
}

/**
 * Features a server announces during initialization. The standard ones are
 * listed here; servers may add further, non-standard entries.
 *
 * @category Lifecycle
 */
export interface ServerCapabilities {
  /**
   * Non-standard features under trial, keyed by name.
   */
  experimental?: { [key: string]: object };
  /**
   * Present when the server can emit log messages to the client.
   */
  logging?: object;
  /**
   * Present when the server has prompts to offer.
   */
  prompts?: {
    /**
     * True when the server will send `notifications/prompts/list_changed`.
     */
    listChanged?: boolean;
  };
  /**
   * Present when the server has resources to offer.
   */
  resources?: {
    /**
     * True when clients may subscribe to changes of individual resources.
     */
    subscribe?: boolean;
    /**
     * True when the server will send `notifications/resources/list_changed`.
     */
    listChanged?: boolean;
  };
  /**
   * Present when the server has tools to offer.
   */
  tools?: {
    /**
     * True when the server will send `notifications/tools/list_changed`.
     */
    listChanged?: boolean;
  };
}

/**
 * Identifies a piece of MCP software, client or server, by name and version.
 *
 * @category Lifecycle
 */
export interface Implementation {
  /**
   * Name of the software.
   */
  name: string;
  /**
   * Version of the software.
   */
  version: string;
}

/* ------------------------------------------------------------------------ */
/* Ping                                                                      */
/* ------------------------------------------------------------------------ */

/**
 * Liveness check that either side may send. The receiver should answer quickly
 * with an empty result; a peer that stays silent may be disconnected.
 *
 * @category Utilities
 */
export interface PingRequest extends Request {
  /**
   * Always `"ping"`.
   */
  method: "ping";
}

/* ------------------------------------------------------------------------ */
/* Progress                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * Reports how far a long-running request has got. It is sent only for requests
 * that supplied a progress token.
 *
 * @category Utilities
 */
export interface ProgressNotification extends Notification {
  /**
   * Always `"notifications/progress"`.
   */
  method: "notifications/progress";
  /**
   * The progress update.
   */
  params: {
    /**
     * The token from the original request's `_meta.progressToken`, linking this
     * update to that request.
     */
    progressToken: ProgressToken;
    /**
     * Amount of work done so far. It should grow with every update, whether or
     * not a total is known.
     */
    progress: number;
    /**
     * Amount of work expected in all, when the sender knows it.
     */
    total?: number;
  };
}

/* ------------------------------------------------------------------------ */
/* Pagination                                                                */
/* ------------------------------------------------------------------------ */

/**
 * Base for list requests whose results come back page by page.
 *
 * @category Utilities
 */
export interface PaginatedRequest extends Request {
  /**
   * Paging parameters.
   */
  params?: {
    /**
     * The `nextCursor` from a previous page; when given, the listing continues
     * after that point.
     */
    cursor?: Cursor;
  };
}

/**
 * Base for list results that may be split across several pages.
 *
 * @category Utilities
 */
export interface PaginatedResult extends Result {
  /**
   * Marks where this page ended. Its presence means further pages may exist;
   * send it back as `cursor` to fetch the next one.
   */
  nextCursor?: Cursor;
}

/* ------------------------------------------------------------------------ */
/* Resources                                                                 */
/* ------------------------------------------------------------------------ */

/**
 * Asks the server which resources it offers.
 *
 * @category Resources
 */
export interface ListResourcesRequest extends PaginatedRequest {
  /**
   * Always `"resources/list"`.
   */
  method: "resources/list";
}

/**
 * One page of the server's resources, answering `resources/list`.
 *
 * @category Resources
 */
export interface ListResourcesResult extends PaginatedResult {
  /**
   * The resources on this page.
   */
  resources: Resource[];
}

/**
 * Asks the server which resource templates it offers.
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
 * One page of the server's resource templates, answering
 * `resources/templates/list`.
 *
 * @category Resources
 */
export interface ListResourceTemplatesResult extends PaginatedResult {
  /**
   * The templates on this page.
   */
  resourceTemplates: ResourceTemplate[];
}

/**
 * Asks the server for the contents of one resource.
 *
 * @category Resources
 */
export interface ReadResourceRequest extends Request {
  /**
   * Always `"resources/read"`.
   */
  method: "resources/read";
  /**
   * Which resource to fetch.
   */
  params: {
    /**
     * Address of the resource. Any URI scheme is allowed; its meaning is up to
     * the server.
     *
     * @format uri
     */
    uri: string;
  };
}

/**
 * The contents returned for `resources/read`.
 *
 * @category Resources
 */
export interface ReadResourceResult extends Result {
  /**
   * One or more pieces of content, as text or as base64 binary; a single read
   * may yield several sub-resources.
   */
  contents: (TextResourceContents | BlobResourceContents)[];
}

/**
 * Tells the client that the set of available resources has changed. Servers
 * may send it without any prior subscription.
 *
 * @category Resources
 */
export interface ResourceListChangedNotification extends Notification {
  /**
   * Always `"notifications/resources/list_changed"`.
   */
  method: "notifications/resources/list_changed";
}

/**
 * Asks the server to send `notifications/resources/updated` whenever the given
 * resource changes.
 *
 * @category Resources
 */
export interface SubscribeRequest extends Request {
  /**
   * Always `"resources/subscribe"`.
   */
  method: "resources/subscribe";
  /**
   * Which resource to watch.
   */
  params: {
    /**
     * Address of the resource to watch. Any URI scheme is allowed; its meaning
     * is up to the server.
     *
     * @format uri
     */
    uri: string;
  };
}

/**
 * Ends a subscription made earlier with `resources/subscribe`.
 *
 * @category Resources
 */
export interface UnsubscribeRequest extends Request {
  /**
   * Always `"resources/unsubscribe"`.
   */
  method: "resources/unsubscribe";
  /**
   * Which resource to stop watching.
   */
  params: {
    /**
     * Address of the resource that should no longer be watched.
     *
     * @format uri
     */
    uri: string;
  };
}

/**
 * Tells a subscribed client that a resource has changed and may be worth
 * reading again. Only sent after a matching `resources/subscribe`.
 *
 * @category Resources
 */
export interface ResourceUpdatedNotification extends Notification {
  /**
   * Always `"notifications/resources/updated"`.
   */
  method: "notifications/resources/updated";
  /**
   * Which resource changed.
   */
  params: {
    /**
     * Address of the changed resource; it may lie beneath the URI that was
     * subscribed to.
     *
     * @format uri
     */
    uri: string;
  };
}

/**
 * A resource the server can read and return to the client.
 *
 * @category Resources
 */
export interface Resource extends Annotated {
  /**
   * Address of the resource.
   *
   * @format uri
   */
  uri: string;

  /**
   * Display name for people, for instance in a resource picker.
   */
  name: string;

  /**
   * What the resource contains. Clients may show it to the model to help it
   * decide whether the resource is relevant.
   */
  description?: string;

  /**
   * Media type of the contents, when known.
   */
  mimeType?: string;

  /**
   * Length of the raw contents in bytes, before any base64 encoding or
   * tokenization, when known. Hosts can use it to show file sizes or to budget
   * context.
   *
   * @TJS-type integer
   */
  size?: number;
}

/**
 * A pattern from which the client can build the URIs of a family of
 * resources.
 *
 * @category Resources
 */
export interface ResourceTemplate extends Annotated {
  /**
   * RFC 6570 URI template; filling in its variables yields a resource URI.
   *
   * @format uri-template
   */
  uriTemplate: string;

  /**
   * Display name for people describing the kind of resource the template
   * yields.
   */
  name: string;

  /**
   * What the template is for. Clients may show it to the model to help it pick
   * suitable resources.
   */
  description?: string;

  /**
   * Media type shared by every resource built from this template. Leave it
   * out unless they all have the same type.
   */
  mimeType?: string;
}

/**
 * Common fields of the contents of a resource or of one of its sub-resources.
 *
 * @category Resources
 */
export interface ResourceContents {
  /**
   * Address of the resource these contents belong to.
   *
   * @format uri
   */
  uri: string;
  /**
   * Media type of the contents, when known.
   */
  mimeType?: string;
}

/**
 * Resource contents carried as text.
 *
 * @category Resources
 */
export interface TextResourceContents extends ResourceContents {
  /**
   * The contents as a string. Use it only when the data really is text, not
   * binary.
   */
  text: string;
}

/**
 * Resource contents carried as binary data.
 *
 * @category Resources
 */
export interface BlobResourceContents extends ResourceContents {
  /**
   * The raw bytes, base64-encoded.
   *
   * @format byte
   */
  blob: string;
}

/* ------------------------------------------------------------------------ */
/* Prompts                                                                   */
/* ------------------------------------------------------------------------ */

/**
 * Asks the server which prompts and prompt templates it offers.
 *
 * @category Prompts
 */
export interface ListPromptsRequest extends PaginatedRequest {
  /**
   * Always `"prompts/list"`.
   */
  method: "prompts/list";
}

/**
 * One page of the server's prompts, answering `prompts/list`.
 *
 * @category Prompts
 */
export interface ListPromptsResult extends PaginatedResult {
  /**
   * The prompts on this page.
   */
  prompts: Prompt[];
}

/**
 * Asks the server to produce a prompt, filling in a template if it has
 * arguments.
 *
 * @category Prompts
 */
export interface GetPromptRequest extends Request {
  /**
   * Always `"prompts/get"`.
   */
  method: "prompts/get";
  /**
   * Which prompt to produce and with which values.
   */
  params: {
    /**
     * Name of the prompt, as given in `prompts/list`.
     */
    name: string;
    /**
     * Values for the template's arguments, keyed by argument name.
     */
    arguments?: { [key: string]: string };
  };
}

/**
 * The prompt produced for `prompts/get`.
 *
 * @category Prompts
 */
export interface GetPromptResult extends Result {
  /**
   * Short explanation of the prompt.
   */
  description?: string;
  /**
   * The messages that make up the prompt, in order.
   */
  messages: PromptMessage[];
}

/**
 * A prompt, or prompt template, that the server makes available.
 *
 * @category Prompts
 */
export interface Prompt {
  /**
   * Identifier used to request this prompt with `prompts/get`.
   */
  name: string;
  /**
   * Short explanation of what the prompt is for.
   */
  description?: string;
  /**
   * Parameters the template accepts, if any.
   */
  arguments?: PromptArgument[];
}

/**
 * One parameter of a prompt template.
 *
 * @category Prompts
 */
export interface PromptArgument {
  /**
   * Key under which the value is passed in `prompts/get`.
   */
  name: string;
  /**
   * Explanation of the parameter for people.
   */
  description?: string;
  /**
   * True when the parameter cannot be omitted.
   */
  required?: boolean;
}

/**
 * Which side of a conversation a message or piece of data belongs to.
 *
 * @category Common Types
 */
export type Role = "user" | "assistant";

/**
 * A single message within a prompt. Unlike {@link SamplingMessage}, its content
 * may also be a resource embedded from the server.
 *
 * @category Prompts
 */
export interface PromptMessage {
  /**
   * Who the message is attributed to.
   */
  role: Role;
  /**
   * The body of the message.
   */
  content: TextContent | ImageContent | EmbeddedResource;
}

/**
 * Resource contents placed inline in a prompt message or a tool result. The
 * client decides how to present them to the model or the user.
 *
 * @category Common Types
 */
export interface EmbeddedResource extends Annotated {
  /**
   * Always `"resource"`.
   */
  type: "resource";
  /**
   * The embedded contents, as text or as binary data.
   */
  resource: TextResourceContents | BlobResourceContents;
}

/**
 * Tells the client that the set of available prompts has changed. Servers may
 * send it without any prior subscription.
 *
 * @category Prompts
 */
export interface PromptListChangedNotification extends Notification {
  /**
   * Always `"notifications/prompts/list_changed"`.
   */
  method: "notifications/prompts/list_changed";
}

/* ------------------------------------------------------------------------ */
/* Tools                                                                     */
/* ------------------------------------------------------------------------ */

/**
 * Asks the server which tools it offers.
 *
 * @category Tools
 */
export interface ListToolsRequest extends PaginatedRequest {
  /**
   * Always `"tools/list"`.
   */
  method: "tools/list";
}

/**
 * One page of the server's tools, answering `tools/list`.
 *
 * @category Tools
 */
export interface ListToolsResult extends PaginatedResult {
  /**
   * The tools on this page.
   */
  tools: Tool[];
}

/**
 * The outcome of `tools/call`.
 *
 * A failure inside the tool itself belongs here, flagged with `isError: true`,
 * so the model can read it and react. Protocol-level problems, such as an
 * unknown tool name or a server without tool support, are reported as JSON-RPC
 * errors instead.
 *
 * @category Tools
 */
export interface CallToolResult extends Result {
  /**
   * What the tool produced: text, images or embedded resources.
   */
  content: (TextContent | ImageContent | EmbeddedResource)[];

  /**
   * True when the tool run failed. Treat a missing value as false.
   */
  isError?: boolean;
}

/**
 * Asks the server to run one of its tools.
 *
 * @category Tools
 */
export interface CallToolRequest extends Request {
  /**
   * Always `"tools/call"`.
   */
  method: "tools/call";
  /**
   * Which tool to run and with what input.
   */
  params: {
    /**
     * Name of the tool, as given in `tools/list`.
     */
    name: string;
    /**
     * Input for the tool, which should match its `inputSchema`.
     */
    arguments?: { [key: string]: unknown };
  };
}

/**
 * Tells the client that the set of available tools has changed. Servers may
 * send it without any prior subscription.
 *
 * @category Tools
 */
export interface ToolListChangedNotification extends Notification {
  /**
   * Always `"notifications/tools/list_changed"`.
   */
  method: "notifications/tools/list_changed";
}

/**
 * Describes a tool that the client may ask the server to run.
 *
 * @category Tools
 */
export interface Tool {
  /**
   * Identifier used to call the tool.
   */
  name: string;
  /**
   * Explanation of what the tool does, for people and for the model.
   */
  description?: string;
  /**
   * JSON Schema that the tool's `arguments` object must satisfy.
   */
  inputSchema: {
    /**
     * Always `"object"`: tool input is a JSON object.
     */
    type: "object";
    /**
     * Schemas of the individual arguments, keyed by argument name.
     */
    properties?: { [key: string]: object };
    /**
     * Names of the arguments that must be present.
     */
    required?: string[];
  };
}

/* ------------------------------------------------------------------------ */
/* Logging                                                                   */
/* ------------------------------------------------------------------------ */

/**
 * Sent by the client to choose how much log output the server forwards.
 *
 * @category Logging
 */
export interface SetLevelRequest extends Request {
  /**
   * Always `"logging/setLevel"`.
   */
  method: "logging/setLevel";
  /**
   * The requested threshold.
   */
  params: {
    /**
     * Lowest severity the client wants to receive. The server should forward
     * messages at this level and every more severe one as
     * `notifications/message`.
     */
    level: LoggingLevel;
  };
}

/**
 * A log entry forwarded from the server to the client. Until the client has
 * sent `logging/setLevel`, the server chooses for itself what to forward.
 *
 * @category Logging
 */
export interface LoggingMessageNotification extends Notification {
  /**
   * Always `"notifications/message"`.
   */
  method: "notifications/message";
  /**
   * The log entry.
   */
  params: {
    /**
     * How severe the entry is.
     */
    level: LoggingLevel;
    /**
     * Name of the component that produced the entry.
     */
    logger?: string;
    /**
     * The logged payload: a string, an object or any other JSON value.
     */
    data: unknown;
  };
}

/**
 * Severity of a log entry, from least to most severe. The levels follow the
 * syslog severities of RFC 5424.
 *
 * @category Logging
 */
export type LoggingLevel =
  "debug" | "info" | "notice" | "warning" | "error" | "critical" | "alert" | "emergency";

/* ------------------------------------------------------------------------ */
/* Sampling                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * Sent by the server to have the client generate a message with a language
 * model. The client picks the model and should let the user review and approve
 * the request before it runs.
 *
 * @category Sampling
 */
export interface CreateMessageRequest extends Request {
  /**
   * Always `"sampling/createMessage"`.
   */
  method: "sampling/createMessage";
  /**
   * The conversation and the generation settings.
   */
  params: {
    /**
     * The conversation so far, oldest message first.
     */
    messages: SamplingMessage[];
    /**
     * What the server would like in a model; purely advisory for the client.
     */
    modelPreferences?: ModelPreferences;
    /**
     * System prompt the server suggests. The client may change or drop it.
     */
    systemPrompt?: string;
    /**
     * Asks the client to add context from no server, from the requesting server
     * only, or from every connected server. The client may disregard it.
     */
    includeContext?: "none" | "thisServer" | "allServers";
    /**
     * Sampling temperature the server would like used.
     */
    temperature?: number;
    /**
     * Upper limit on the number of tokens to generate. The client may produce
     * fewer.
     *
     * @TJS-type integer
     */
    maxTokens: number;
    /**
     * Strings that end generation when the model emits them.
     */
    stopSequences?: string[];
    /**
     * Provider-specific data to hand through to the model provider unchanged.
     */
    metadata?: object;
  };
}

/**
 * The message generated for `sampling/createMessage`. The client should give
 * the user a chance to review it before the server receives it.
 *
 * @category Sampling
 */
export interface CreateMessageResult extends Result, SamplingMessage {
  /**
   * Identifier of the model that produced the message.
   */
  model: string;
  /**
   * Why generation ended, when known. The named values are standard; other
   * strings are allowed.
   */
  stopReason?: "endTurn" | "stopSequence" | "maxTokens" | string;
}

/**
 * One turn of a conversation sent to, or produced by, a language model.
 *
 * @category Sampling
 */
export interface SamplingMessage {
  /**
   * Who the turn is attributed to.
   */
  role: Role;
  /**
   * The body of the turn, as text or an image.
   */
  content: TextContent | ImageContent;
}

/**
 * Base for objects that may carry hints telling the client how to use or show
 * them.
 *
 * @category Common Types
 */
export interface Annotated {
  /**
   * Optional hints for the client.
   */
  annotations?: {
    /**
     * Who the object is meant for. Listing both roles marks it as relevant to
     * the user and to the model alike.
     */
    audience?: Role[];

    /**
     * Relative importance, from 0 (entirely optional) to 1 (effectively
     * required).
     *
     * @minimum 0
     * @maximum 1
     */
    priority?: number;
  };
}

/**
 * A block of plain text exchanged with a model.
 *
 * @category Common Types
 */
export interface TextContent extends Annotated {
  /**
   * Always `"text"`.
   */
  type: "text";
  /**
   * The text itself.
   */
  text: string;
}

/**
 * A picture exchanged with a model.
 *
 * @category Common Types
 */
export interface ImageContent extends Annotated {
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
   * Media type of the image. Which types are accepted depends on the model
   * provider.
   */
  mimeType: string;
}

/**
 * What the server would like the client to weigh when picking a model for
 * sampling.
 *
 * Models trade off cost, speed and capability, so the server states how much
 * each matters to it and may name candidate models. All of it is advisory: the
 * client decides how to interpret and balance these wishes, or may ignore them.
 *
 * @category Sampling
 */
export interface ModelPreferences {
  /**
   * Candidate models in order of preference. The client must try them in the
   * given order and take the first that matches. These hints should outrank the
   * numeric priorities, which can still settle ties between matches.
   */
  hints?: ModelHint[];

  /**
   * Weight given to low cost, from 0 (irrelevant) to 1 (decisive).
   *
   * @minimum 0
   * @maximum 1
   */
  costPriority?: number;

  /**
   * Weight given to fast responses, from 0 (irrelevant) to 1 (decisive).
   *
   * @minimum 0
   * @maximum 1
   */
  speedPriority?: number;

  /**
   * Weight given to model capability, from 0 (irrelevant) to 1 (decisive).
   *
   * @minimum 0
   * @maximum 1
   */
  intelligencePriority?: number;
}

/**
 * A suggestion for which model to use. Keys beyond those defined here have no
 * agreed meaning; clients may read them as they see fit.
 *
 * @category Sampling
 */
export interface ModelHint {
  /**
   * Part of a model name. Clients should accept any model whose name contains
   * it, and may also map it to a comparable model from another provider or
   * family.
   */
  name?: string;
}

/* ------------------------------------------------------------------------ */
/* Completion                                                                */
/* ------------------------------------------------------------------------ */

/**
 * Asks the server for suggested values for an argument of a prompt or a
 * resource template.
 *
 * @category Completion
 */
export interface CompleteRequest extends Request {
  /**
   * Always `"completion/complete"`.
   */
  method: "completion/complete";
  /**
   * What to complete.
   */
  params: {
    /**
     * The prompt or resource template that owns the argument.
     */
    ref: PromptReference | ResourceReference;
    /**
     * The argument being filled in.
     */
    argument: {
      /**
       * Name of the argument.
       */
      name: string;
      /**
       * What the user has typed so far, which suggestions should match.
       */
      value: string;
    };
  };
}

/**
 * Suggested values returned for `completion/complete`.
 *
 * @category Completion
 */
export interface CompleteResult extends Result {
  /**
   * The suggestions and how many more exist.
   */
  completion: {
    /**
     * The suggested values; at most 100 of them.
     */
    values: string[];
    /**
     * How many suggestions exist in all, which may be more than are returned
     * here.
     *
     * @TJS-type integer
     */
    total?: number;
    /**
     * True when further suggestions exist beyond this response, whether or not
     * their number is known.
     */
    hasMore?: boolean;
  };
}

/**
 * Points at a resource or resource template.
 *
 * @category Completion
 */
export interface ResourceReference {
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
 * Points at a prompt by name.
 *
 * @category Completion
 */
export interface PromptReference {
  /**
   * Always `"ref/prompt"`.
   */
  type: "ref/prompt";
  /**
   * Name of the prompt or prompt template.
   */
  name: string;
}

/* ------------------------------------------------------------------------ */
/* Roots                                                                     */
/* ------------------------------------------------------------------------ */

/**
 * Sent by the server to learn the client's roots: the directories or files,
 * such as project folders or repositories, that the server is invited to work
 * within.
 *
 * @category Roots
 */
export interface ListRootsRequest extends Request {
  /**
   * Always `"roots/list"`.
   */
  method: "roots/list";
}

/**
 * The client's roots, answering `roots/list`.
 *
 * @category Roots
 */
export interface ListRootsResult extends Result {
  /**
   * Every root the client currently exposes.
   */
  roots: Root[];
}

/**
 * A directory or file that the client exposes to the server as a place to
 * work.
 *
 * @category Roots
 */
export interface Root {
  /**
   * Location of the root. In this revision it must be a `file://` URI; later
   * revisions may permit other schemes.
   *
   * @format uri
   */
  uri: string;
  /**
   * Friendly label for the root, for display or for referring to it
   * elsewhere.
   */
  name?: string;
}

/**
 * Tells the server that the client's roots have been added to, removed or
 * changed. The server can then call `roots/list` again to get the current set.
 *
 * @category Roots
 */
export interface RootsListChangedNotification extends Notification {
  /**
   * Always `"notifications/roots/list_changed"`.
   */
  method: "notifications/roots/list_changed";
}

/* ------------------------------------------------------------------------ */
/* Message unions by direction                                               */
/* ------------------------------------------------------------------------ */

/**
 * Every request a client may send to a server.
 *
 * @category JSON-RPC
 */
export type ClientRequest =
  | PingRequest
  | InitializeRequest
  | CompleteRequest
  | SetLevelRequest
  | GetPromptRequest
  | ListPromptsRequest
  | ListResourcesRequest
  | ListResourceTemplatesRequest
  | ReadResourceRequest
  | SubscribeRequest
  | UnsubscribeRequest
  | CallToolRequest
  | ListToolsRequest;

/**
 * Every notification a client may send to a server.
 *
 * @category JSON-RPC
 */
export type ClientNotification =
  | CancelledNotification
  | ProgressNotification
  | InitializedNotification
  | RootsListChangedNotification;

/**
 * Every result a client may return to a server.
 *
 * @category JSON-RPC
 */
export type ClientResult = EmptyResult | CreateMessageResult | ListRootsResult;

/**
 * Every request a server may send to a client.
 *
 * @category JSON-RPC
 */
export type ServerRequest = PingRequest | CreateMessageRequest | ListRootsRequest;

/**
 * Every notification a server may send to a client.
 *
 * @category JSON-RPC
 */
export type ServerNotification =
  | CancelledNotification
  | ProgressNotification
  | LoggingMessageNotification
  | ResourceUpdatedNotification
  | ResourceListChangedNotification
  | ToolListChangedNotification
  | PromptListChangedNotification;

/**
 * Every result a server may return to a client.
 *
 * @category JSON-RPC
 */
export type ServerResult =
  | EmptyResult
  | InitializeResult
  | CompleteResult
  | GetPromptResult
  | ListPromptsResult
  | ListResourcesResult
  | ListResourceTemplatesResult
  | ReadResourceResult
  | CallToolResult
  | ListToolsResult;
