/* JSON-RPC framing */

/**
 * Anything that can travel over an MCP connection as a single JSON-RPC payload: a lone request,
 * notification, response or error, or a batch array of them.
 *
 * @category JSON-RPC
 */
export type JSONRPCMessage =
  | JSONRPCRequest
  | JSONRPCNotification
  | JSONRPCBatchRequest
  | JSONRPCResponse
  | JSONRPCError
  | JSONRPCBatchResponse;

/**
 * An array of requests and/or notifications sent together in one payload, following JSON-RPC 2.0
 * batching rules.
 *
 * @category JSON-RPC
 */
export type JSONRPCBatchRequest = (JSONRPCRequest | JSONRPCNotification)[];

/**
 * An array of responses and/or errors answering the requests of a batch, following JSON-RPC 2.0
 * batching rules.
 *
 * @category JSON-RPC
 */
export type JSONRPCBatchResponse = (JSONRPCResponse | JSONRPCError)[];

/**
 * The protocol revision this schema describes; clients offer it during initialization.
 *
 * @category Lifecycle
 */
export const LATEST_PROTOCOL_VERSION = "2025-03-26";

/**
 * The value every message carries in its `jsonrpc` member.
 *
 * @category JSON-RPC
 */
export const JSONRPC_VERSION = "2.0";

/**
 * Opaque value a requester chooses so that later progress updates can be matched to its request.
 *
 * @category Utilities
 * @TJS-type ["string", "integer"]
 */
export type ProgressToken = string | number;

/**
 * Opaque string marking a position in a paginated listing; only the server that issued it can
 * interpret it.
 *
 * @category Utilities
 */
export type Cursor = string;

/**
 * Common shape shared by every MCP request, before the JSON-RPC envelope is added.
 *
 * @category Common Types
 */
export interface Request {
  /**
   * Name of the operation being invoked.
   */
  method: string;
  /**
   * Operation-specific arguments.
   */
  params?: {
    /**
     * Protocol-level metadata attached to the request.
     */
    _meta?: {
      /**
       * When set, asks the receiver to report progress on this request via
       * `notifications/progress`, tagging each update with this token. Sending such updates
       * is optional for the receiver.
       */
      progressToken?: ProgressToken;
    };
    [key: string]: unknown;
  };
}

/**
 * Common shape shared by every MCP notification, before the JSON-RPC envelope is added.
 *
 * @category Common Types
 */
export interface Notification {
  /**
   * Name of the event being signalled.
   */
  method: string;
  /**
   * Event-specific payload.
   */
  params?: {
    /**
     * Reserved key for protocol-level metadata that either side may attach to a notification.
     */
    _meta?: { [key: string]: unknown };
    [key: string]: unknown;
  };
}

/**
 * Common shape shared by every successful MCP result.
 *
 * @category Common Types
 */
export interface Result {
  /**
   * Reserved key for protocol-level metadata that either side may attach to a response.
   */
  _meta?: { [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * Identifier that ties a JSON-RPC response to the request it answers.
 *
 * @category JSON-RPC
 * @TJS-type ["string", "integer"]
 */
export type RequestId = string | number;

/**
 * A request wrapped in its JSON-RPC envelope; the peer must answer it with a response or an error.
 *
 * @category JSON-RPC
 */
export interface JSONRPCRequest extends Request {
  /**
   * Always `"2.0"`.
   */
  jsonrpc: typeof JSONRPC_VERSION;
  /**
   * Identifier chosen by the sender, echoed back in the reply.
   */
  id: RequestId;
}

/**
 * A notification wrapped in its JSON-RPC envelope; it has no `id` and receives no reply.
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
 * A reply reporting that a request completed successfully.
 *
 * @category JSON-RPC
 */
export interface JSONRPCResponse {
  /**
   * Always `"2.0"`.
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
 * JSON-RPC code for a payload that is not valid JSON.
 *
 * @category JSON-RPC
 */
export const PARSE_ERROR = -32700;
/**
 * JSON-RPC code for JSON that is not a well-formed request object.
 *
 * @category JSON-RPC
 */
export const INVALID_REQUEST = -32600;
/**
 * JSON-RPC code for a method the receiver does not know or does not offer.
 *
 * @category JSON-RPC
 */
export const METHOD_NOT_FOUND = -32601;
/**
 * JSON-RPC code for parameters that are missing or malformed.
 *
 * @category JSON-RPC
 */
export const INVALID_PARAMS = -32602;
/**
 * JSON-RPC code for an unexpected failure inside the receiver.
 *
 * @category JSON-RPC
 */
export const INTERNAL_ERROR = -32603;

/**
 * A reply reporting that a request could not be carried out.
 *
 * @category JSON-RPC
 */
export interface JSONRPCError {
  /**
   * Always `"2.0"`.
   */
  jsonrpc: typeof JSONRPC_VERSION;
  /**
   * The `id` of the request that failed.
   */
  id: RequestId;
  /**
   * Details of the failure.
   */
  error: {
    /**
     * Numeric code classifying the failure, e.g. one of the standard JSON-RPC codes.
     *
     * @TJS-type integer
     */
    code: number;
    /**
     * Brief human-readable summary, ideally one sentence.
     */
    message: string;
    /**
     * Optional extra detail whose structure is up to the sender.
     */
    data?: unknown;
  };
}

/* Empty result */
/**
 * A successful result with no payload beyond optional metadata.
 *
 * @category Common Types
 */
export type EmptyResult = Result;

/* Cancellation */
/**
 * Tells the peer that the sender no longer needs the outcome of a request it issued earlier, so any
 * work on it should stop. Because of latency it may arrive after the request has already completed,
 * and receivers must tolerate that. A client never cancels its `initialize` request.
 *
 * See `/specification/2025-03-26/basic/utilities/cancellation`.
 *
 * @category Utilities
 */
export interface CancelledNotification extends Notification {
  /**
   * Fixed method name for this notification.
   */
  method: "notifications/cancelled";
  /**
   * Which request is being abandoned, and why.
   */
  params: {
    /**
     * The `id` of the request to abandon. It must be a request that the sender of this notification
     * issued itself.
     */
    requestId: RequestId;

    /**
     * Free-text explanation, which the receiver may log or show to a user.
     */
    reason?: string;
  };
}

/* Initialization */
/**
 * The first request a client sends after connecting, opening the version and capability handshake.
 *
 * See `/specification/2025-03-26/basic/lifecycle`.
 *
 * @category Lifecycle
 */
export interface InitializeRequest extends Request {
  /**
   * Fixed method name for this request.
   */
  method: "initialize";
  /**
   * The client's side of the handshake.
   */
  params: {
    /**
     * Newest protocol revision the client speaks; it may also be able to fall back to older ones.
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
 * The server's answer to {@link InitializeRequest}, completing its side of the handshake.
 *
 * @category Lifecycle
 */
export interface InitializeResult extends Result {
  /**
   * Protocol revision the server chose for this session. It can differ from what the client asked
   * for; a client that cannot speak it must disconnect.
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
   * Optional guidance on how to make good use of this server, which a client may for instance
   * pass to the model as part of its system prompt.
   */
  instructions?: string;
}

/**
 * Sent by the client once it has processed {@link InitializeResult}, marking the session as ready
 * for normal traffic.
 *
 * @category Lifecycle
 */
export interface InitializedNotification extends Notification {
  /**
   * Fixed method name for this notification.
   */
  method: "notifications/initialized";
}

/**
 * Features a client announces during initialization. The keys listed here are the standard ones;
 * clients are free to add others.
 *
 * @category Lifecycle
 */
export interface ClientCapabilities {
  /**
   * Non-standard features the client supports, keyed by name.
   */
  experimental?: { [key: string]: object };
  /**
   * Present when the client can answer `roots/list`.
   */
  roots?: {
    /**
     * Whether the client sends a notification when its roots change.
     */
    listChanged?: boolean;
  };
  /**
   * Present when the client can answer `sampling/createMessage`.
   */
  sampling?: object;
}

/**
 * Features a server announces during initialization. The keys listed here are the standard ones;
 * servers are free to add others.
 *
 * @category Lifecycle
 */
export interface ServerCapabilities {
  /**
   * Non-standard features the server supports, keyed by name.
   */
  experimental?: { [key: string]: object };
  /**
   * Present when the server can emit log messages to the client.
   */
  logging?: object;
  /**
   * Present when the server can suggest values for prompt and resource arguments.
   */
  completions?: object;
  /**
   * Present when the server exposes prompts.
   */
  prompts?: {
    /**
     * Whether the server sends a notification when its prompt list changes.
     */
    listChanged?: boolean;
  };
  /**
   * Present when the server exposes resources.
   */
  resources?: {
    /**
     * Whether clients may subscribe to change notifications for individual resources.
     */
    subscribe?: boolean;
    /**
     * Whether the server sends a notification when its resource list changes.
     */
    listChanged?: boolean;
  };
  /**
   * Present when the server exposes tools.
   */
  tools?: {
    /**
     * Whether the server sends a notification when its tool list changes.
     */
    listChanged?: boolean;
  };
}

/**
 * Identifies a piece of MCP software by name and version.
 *
 * @category Lifecycle
 */
export interface Implementation {
  /**
   * Name of the client or server program.
   */
  name: string;
  /**
   * Version of the client or server program.
   */
  version: string;
}

/* Ping */
/**
 * Liveness check that either side may send; the peer should reply quickly with an empty result,
 * and a peer that does not may have its connection dropped.
 *
 * See `/specification/2025-03-26/basic/utilities/ping`.
 *
 * @category Utilities
 */
export interface PingRequest extends Request {
  /**
   * Fixed method name for this request.
   */
  method: "ping";
}

/* Progress notifications */
/**
 * Reports how far a long-running request has got, sent to whoever issued that request.
 *
 * See `/specification/2025-03-26/basic/utilities/progress`.
 *
 * @category Utilities
 */
export interface ProgressNotification extends Notification {
  /**
   * Fixed method name for this notification.
   */
  method: "notifications/progress";
  /**
   * The progress update.
   */
  params: {
    /**
     * The token taken from the `_meta` of the request whose progress is reported.
     */
    progressToken: ProgressToken;
    /**
     * Amount of work completed so far. It must grow with each update, whether or not a total is
     * known.
     */
    progress: number;
    /**
     * Amount of work expected in all, when the sender can tell.
     */
    total?: number;
    /**
     * Human-readable status text for this update.
     */
    message?: string;
  };
}

/* Pagination */
/**
 * Base for list requests whose results can be fetched page by page.
 *
 * See `/specification/2025-03-26/server/utilities/pagination`.
 *
 * @category Utilities
 */
export interface PaginatedRequest extends Request {
  /**
   * Paging arguments.
   */
  params?: {
    /**
     * The `nextCursor` from a previous page; when given, the listing continues after that point.
     */
    cursor?: Cursor;
  };
}

/**
 * Base for list results that can be split across pages.
 *
 * @category Utilities
 */
export interface PaginatedResult extends Result {
  /**
   * Opaque marker for the next page. Its absence means this is the last page; its presence means
   * more items may follow.
   */
  nextCursor?: Cursor;
}

/* Resources */
/**
 * Asks the server for the resources it exposes.
 *
 * See `/specification/2025-03-26/server/resources`.
 *
 * @category Resources
 */
export interface ListResourcesRequest extends PaginatedRequest {
  /**
   * Fixed method name for this request.
   */
  method: "resources/list";
}

/**
 * One page of the server's resources, answering {@link ListResourcesRequest}.
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
 * Asks the server for the parameterized resource templates it exposes.
 *
 * @category Resources
 */
export interface ListResourceTemplatesRequest extends PaginatedRequest {
  /**
   * Fixed method name for this request.
   */
  method: "resources/templates/list";
}

/**
 * One page of the server's resource templates, answering {@link ListResourceTemplatesRequest}.
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
 * Asks the server for the current contents of one resource.
 *
 * @category Resources
 */
export interface ReadResourceRequest extends Request {
  /**
   * Fixed method name for this request.
   */
  method: "resources/read";
  /**
   * Which resource to read.
   */
  params: {
    /**
     * Address of the resource. Any scheme is allowed; its meaning is up to the server.
     *
     * @format uri
     */
    uri: string;
  };
}

/**
 * The contents returned for {@link ReadResourceRequest}.
 *
 * @category Resources
 */
export interface ReadResourceResult extends Result {
  /**
   * One or more content items: the resource itself and, where applicable, its sub-resources.
   */
  contents: (TextResourceContents | BlobResourceContents)[];
}

/**
 * Tells the client that the set of available resources has changed, so it may want to list them
 * again. No subscription is required to receive it.
 *
 * @category Resources
 */
export interface ResourceListChangedNotification extends Notification {
  /**
   * Fixed method name for this notification.
   */
  method: "notifications/resources/list_changed";
}

/**
 * Asks the server to send `notifications/resources/updated` whenever the given resource changes.
 *
 * @category Resources
 */
export interface SubscribeRequest extends Request {
  /**
   * Fixed method name for this request.
   */
  method: "resources/subscribe";
  /**
   * Which resource to watch.
   */
  params: {
    /**
     * Address of the resource to watch. Any scheme is allowed; its meaning is up to the server.
     *
     * @format uri
     */
    uri: string;
  };
}

/**
 * Asks the server to stop the update notifications started by an earlier {@link SubscribeRequest}.
 *
 * @category Resources
 */
export interface UnsubscribeRequest extends Request {
  /**
   * Fixed method name for this request.
   */
  method: "resources/unsubscribe";
  /**
   * Which resource to stop watching.
   */
  params: {
    /**
     * Address of the resource to stop watching.
     *
     * @format uri
     */
    uri: string;
  };
}

/**
 * Tells a subscribed client that a resource's contents changed and should be read again. Only
 * sent for resources the client subscribed to.
 *
 * @category Resources
 */
export interface ResourceUpdatedNotification extends Notification {
  /**
   * Fixed method name for this notification.
   */
  method: "notifications/resources/updated";
  /**
   * Which resource changed.
   */
  params: {
    /**
     * Address of the changed resource; it may be a sub-resource of the one actually subscribed to.
     *
     * @format uri
     */
    uri: string;
  };
}

/**
 * A piece of data the server can return through `resources/read`.
 *
 * @category Resources
 */
export interface Resource {
  /**
   * Address used to read this resource.
   *
   * @format uri
   */
  uri: string;

  /**
   * Display name for the resource, e.g. in a picker.
   */
  name: string;

  /**
   * Explanation of what the resource contains, useful to both users and models.
   */
  description?: string;

  /**
   * Media type of the content, when known.
   */
  mimeType?: string;

  /**
   * Hints for the client about audience and importance.
   */
  annotations?: Annotations;

  /**
   * Length in bytes of the raw content (before any base64 encoding), when known; lets hosts show
   * sizes and budget context space.
   *
   * @TJS-type integer
   */
  size?: number;
}

/**
 * A pattern describing a family of resources whose URIs are formed by filling in parameters.
 *
 * @category Resources
 */
export interface ResourceTemplate {
  /**
   * RFC 6570 URI template that expands into concrete resource URIs.
   *
   * @format uri-template
   */
  uriTemplate: string;

  /**
   * Display name for the kind of resource the template produces.
   */
  name: string;

  /**
   * Explanation of what the template's resources contain, useful to both users and models.
   */
  description?: string;

  /**
   * Media type shared by every resource the template produces; omit it unless they all have the
   * same one.
   */
  mimeType?: string;

  /**
   * Hints for the client about audience and importance.
   */
  annotations?: Annotations;
}

/**
 * Fields common to every piece of returned resource content.
 *
 * @category Resources
 */
export interface ResourceContents {
  /**
   * Address of the resource this content belongs to.
   *
   * @format uri
   */
  uri: string;
  /**
   * Media type of the content, when known.
   */
  mimeType?: string;
}

/**
 * Resource content delivered as a string.
 *
 * @category Resources
 */
export interface TextResourceContents extends ResourceContents {
  /**
   * The content itself. Use this form only for data that really is text.
   */
  text: string;
}

/**
 * Resource content delivered as binary data.
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

/* Prompts */
/**
 * Asks the server for the prompts and prompt templates it exposes.
 *
 * See `/specification/2025-03-26/server/prompts`.
 *
 * @category Prompts
 */
export interface ListPromptsRequest extends PaginatedRequest {
  /**
   * Fixed method name for this request.
   */
  method: "prompts/list";
}

/**
 * One page of the server's prompts, answering {@link ListPromptsRequest}.
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
 * Asks the server to render one of its prompts, optionally filling in template arguments.
 *
 * @category Prompts
 */
export interface GetPromptRequest extends Request {
  /**
   * Fixed method name for this request.
   */
  method: "prompts/get";
  /**
   * Which prompt to render, and with what values.
   */
  params: {
    /**
     * Name of the prompt, as given in the prompt listing.
     */
    name: string;
    /**
     * Values for the prompt's template arguments, keyed by argument name.
     */
    arguments?: { [key: string]: string };
  };
}

/**
 * The rendered prompt, answering {@link GetPromptRequest}.
 *
 * @category Prompts
 */
export interface GetPromptResult extends Result {
  /**
   * Short explanation of the prompt.
   */
  description?: string;
  /**
   * The messages that make up the rendered prompt.
   */
  messages: PromptMessage[];
}

/**
 * A prompt or prompt template offered by the server.
 *
 * @category Prompts
 */
export interface Prompt {
  /**
   * Name that identifies the prompt in `prompts/get`.
   */
  name: string;
  /**
   * Short explanation of what the prompt is for.
   */
  description?: string;
  /**
   * Arguments the prompt template accepts.
   */
  arguments?: PromptArgument[];
}

/**
 * One argument accepted by a prompt template.
 *
 * @category Prompts
 */
export interface PromptArgument {
  /**
   * Key under which the argument's value is passed.
   */
  name: string;
  /**
   * Explanation of the argument for people filling it in.
   */
  description?: string;
  /**
   * True when the argument has to be supplied.
   */
  required?: boolean;
}

/**
 * Which party of a conversation a message or piece of content belongs to.
 *
 * @category Common Types
 */
export type Role = "user" | "assistant";

/**
 * One message of a rendered prompt. Unlike {@link SamplingMessage}, its content may also be a
 * resource embedded from the server.
 *
 * @category Prompts
 */
export interface PromptMessage {
  /**
   * Who the message is attributed to.
   */
  role: Role;
  /**
   * The message body.
   */
  content: TextContent | ImageContent | AudioContent | EmbeddedResource;
}

/**
 * Resource content placed directly inside a prompt message or tool result. How it is shown to the
 * user or model is left to the client.
 *
 * @category Common Types
 */
export interface EmbeddedResource {
  /**
   * Marks this content item as an embedded resource.
   */
  type: "resource";
  /**
   * The resource content, as text or as binary data.
   */
  resource: TextResourceContents | BlobResourceContents;

  /**
   * Hints for the client about audience and importance.
   */
  annotations?: Annotations;
}

/**
 * Tells the client that the set of available prompts has changed, so it may want to list them
 * again. No subscription is required to receive it.
 *
 * @category Prompts
 */
export interface PromptListChangedNotification extends Notification {
  /**
   * Fixed method name for this notification.
   */
  method: "notifications/prompts/list_changed";
}

/* Tools */
/**
 * Asks the server for the tools it exposes.
 *
 * See `/specification/2025-03-26/server/tools`.
 *
 * @category Tools
 */
export interface ListToolsRequest extends PaginatedRequest {
  /**
   * Fixed method name for this request.
   */
  method: "tools/list";
}

/**
 * One page of the server's tools, answering {@link ListToolsRequest}.
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
 * The outcome of {@link CallToolRequest}. Failures that happen inside the tool belong here, with
 * `isError` set, so the model can see them and react; problems such as an unknown tool or missing
 * tool support are reported as JSON-RPC errors instead.
 *
 * @category Tools
 */
export interface CallToolResult extends Result {
  /**
   * What the tool produced.
   */
  content: (TextContent | ImageContent | AudioContent | EmbeddedResource)[];

  /**
   * True when the tool reports a failure. Treated as false when absent.
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
   * Fixed method name for this request.
   */
  method: "tools/call";
  /**
   * Which tool to run, and with what input.
   */
  params: {
    /**
     * Name of the tool, as given in the tool listing.
     */
    name: string;
    /**
     * Input for the tool, expected to match its `inputSchema`.
     */
    arguments?: { [key: string]: unknown };
  };
}

/**
 * Tells the client that the set of available tools has changed, so it may want to list them
 * again. No subscription is required to receive it.
 *
 * @category Tools
 */
export interface ToolListChangedNotification extends Notification {
  /**
   * Fixed method name for this notification.
   */
  method: "notifications/tools/list_changed";
}

/**
 * Optional descriptive hints about a tool's behaviour. They are claims made by the server, not
 * guarantees, so clients must not rely on them when the server is not trusted.
 *
 * @category Tools
 */
export interface ToolAnnotations {
  /**
   * Display title for the tool.
   */
  title?: string;

  /**
   * True when the tool only reads and never changes anything. Assumed false when absent.
   */
  readOnlyHint?: boolean;

  /**
   * For tools that do change things: true when changes may overwrite or delete existing state,
   * false when they only add to it. Assumed true when absent; ignored when `readOnlyHint` is true.
   */
  destructiveHint?: boolean;

  /**
   * For tools that do change things: true when repeating a call with identical arguments has no
   * further effect. Assumed false when absent; ignored when `readOnlyHint` is true.
   */
  idempotentHint?: boolean;

  /**
   * True when the tool reaches out to an open-ended set of external systems (as a web search
   * does), false when it works within a closed domain. Assumed true when absent.
   */
  openWorldHint?: boolean;
}

/**
 * A callable operation that the server offers to clients.
 *
 * @category Tools
 */
export interface Tool {
  /**
   * Name that identifies the tool in `tools/call`.
   */
  name: string;

  /**
   * Explanation of what the tool does, which helps a model decide when to use it.
   */
  description?: string;

  /**
   * JSON Schema describing the object the tool accepts as `arguments`.
   */
  inputSchema: {
    /**
     * Tool input is always a JSON object.
     */
    type: "object";
    /**
     * Schemas of the individual input fields, keyed by field name.
     */
    properties?: { [key: string]: object };
    /**
     * Names of the input fields that must be present.
     */
    required?: string[];
  };

  /**
   * Behavioural hints about the tool.
   */
  annotations?: ToolAnnotations;
}

/* Logging */
/**
 * Sets the minimum severity of log messages the client wants the server to send.
 *
 * See `/specification/2025-03-26/server/utilities/logging`.
 *
 * @category Logging
 */
export interface SetLevelRequest extends Request {
  /**
   * Fixed method name for this request.
   */
  method: "logging/setLevel";
  /**
   * The requested threshold.
   */
  params: {
    /**
     * Lowest severity to forward; messages at this level and every more severe level are then
     * sent as `notifications/message`.
     */
    level: LoggingLevel;
  };
}

/**
 * A log entry sent from server to client. Until the client sets a level, the server chooses on its
 * own which entries to send.
 *
 * @category Logging
 */
export interface LoggingMessageNotification extends Notification {
  /**
   * Fixed method name for this notification.
   */
  method: "notifications/message";
  /**
   * The log entry.
   */
  params: {
    /**
     * Severity of the entry.
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
 * Log severities, ordered from least to most severe, matching the syslog levels of RFC 5424.
 *
 * @category Logging
 */
export type LoggingLevel =
  "debug" | "info" | "notice" | "warning" | "error" | "critical" | "alert" | "emergency";

/* Sampling */
/**
 * Lets the server ask the client to generate a message with a language model. The client picks
 * the model and should give the user a chance to review and approve the request before running it.
 *
 * See `/specification/2025-03-26/client/sampling`.
 *
 * @category Sampling
 */
export interface CreateMessageRequest extends Request {
  /**
   * Fixed method name for this request.
   */
  method: "sampling/createMessage";
  /**
   * The conversation and generation settings.
   */
  params: {
    /**
     * The conversation to continue.
     */
    messages: SamplingMessage[];
    /**
     * What the server would like in a model; purely advisory.
     */
    modelPreferences?: ModelPreferences;
    /**
     * System prompt the server proposes; the client may change or drop it.
     */
    systemPrompt?: string;
    /**
     * Asks the client to add context from no server, from the requesting server only, or from
     * every connected server. The client may disregard it.
     */
    includeContext?: "none" | "thisServer" | "allServers";
    /**
     * Sampling temperature to use, if the server has a preference.
     */
    temperature?: number;
    /**
     * Upper bound on the number of tokens to generate; the client may produce fewer.
     *
     * @TJS-type integer
     */
    maxTokens: number;
    /**
     * Sequences that end generation when produced.
     */
    stopSequences?: string[];
    /**
     * Provider-specific data to forward to the model provider as is.
     */
    metadata?: object;
  };
}

/**
 * The generated message, answering {@link CreateMessageRequest}. The client should let the user
 * review it before handing it to the server.
 *
 * @category Sampling
 */
export interface CreateMessageResult extends Result, SamplingMessage {
  /**
   * Identifier of the model that actually produced the message.
   */
  model: string;
  /**
   * Why generation ended, when known; the listed values are standard, others are allowed.
   */
  stopReason?: "endTurn" | "stopSequence" | "maxTokens" | string;
}

/**
 * A single message in a conversation sent to or produced by a language model.
 *
 * @category Sampling
 */
export interface SamplingMessage {
  /**
   * Who the message is attributed to.
   */
  role: Role;
  /**
   * The message body.
   */
  content: TextContent | ImageContent | AudioContent;
}

/**
 * Optional hints telling the client who a piece of content is meant for and how much it matters,
 * which can guide how it is used or displayed.
 *
 * @category Common Types
 */
export interface Annotations {
  /**
   * The intended recipients; list both roles when the content is meant for both.
   */
  audience?: Role[];

  /**
   * Relative importance from 0 to 1: 1 marks content that is essentially required, 0 content
   * that can safely be left out.
   *
   * @minimum 0
   * @maximum 1
   */
  priority?: number;
}

/**
 * A text content item.
 *
 * @category Common Types
 */
export interface TextContent {
  /**
   * Marks this content item as text.
   */
  type: "text";

  /**
   * The text itself.
   */
  text: string;

  /**
   * Hints for the client about audience and importance.
   */
  annotations?: Annotations;
}

/**
 * An image content item.
 *
 * @category Common Types
 */
export interface ImageContent {
  /**
   * Marks this content item as an image.
   */
  type: "image";

  /**
   * The image bytes, base64-encoded.
   *
   * @format byte
   */
  data: string;

  /**
   * Media type of the image; which types are accepted depends on the model provider.
   */
  mimeType: string;

  /**
   * Hints for the client about audience and importance.
   */
  annotations?: Annotations;
}

/**
 * An audio content item.
 *
 * @category Common Types
 */
export interface AudioContent {
  /**
   * Marks this content item as audio.
   */
  type: "audio";

  /**
   * The audio bytes, base64-encoded.
   *
   * @format byte
   */
  data: string;

  /**
   * Media type of the audio; which types are accepted depends on the model provider.
   */
  mimeType: string;

  /**
   * Hints for the client about audience and importance.
   */
  annotations?: Annotations;
}

/**
 * Advisory guidance from the server on choosing a model for sampling. Models trade off cost,
 * speed and capability differently, so the server can name candidate models and weight each of
 * these factors; the client decides how, and whether, to honour them.
 *
 * @category Sampling
 */
export interface ModelPreferences {
  /**
   * Candidate models in order of preference. The client must try them in the given order and use
   * the first that matches; they take precedence over the numeric priorities, which may still
   * break ties.
   */
  hints?: ModelHint[];

  /**
   * Weight of keeping cost low, from 0 (irrelevant) to 1 (paramount).
   *
   * @minimum 0
   * @maximum 1
   */
  costPriority?: number;

  /**
   * Weight of low latency, from 0 (irrelevant) to 1 (paramount).
   *
   * @minimum 0
   * @maximum 1
   */
  speedPriority?: number;

  /**
   * Weight of model capability, from 0 (irrelevant) to 1 (paramount).
   *
   * @minimum 0
   * @maximum 1
   */
  intelligencePriority?: number;
}

/**
 * One candidate model named in {@link ModelPreferences}. Any keys beyond those defined here have no
 * agreed meaning and are left to the client.
 *
 * @category Sampling
 */
export interface ModelHint {
  /**
   * Fragment of a model name; the client should pick a model whose name contains it, e.g.
   * `sonnet` would fit any model with "sonnet" in its name. The client may also substitute a
   * comparable model from another provider or family.
   */
  name?: string;
}

/* Autocomplete */
/**
 * Asks the server for suggested values for an argument of a prompt or resource template.
 *
 * See `/specification/2025-03-26/server/utilities/completion`.
 *
 * @category Completion
 */
export interface CompleteRequest extends Request {
  /**
   * Fixed method name for this request.
   */
  method: "completion/complete";
  /**
   * What to complete.
   */
  params: {
    /**
     * The prompt or resource template the argument belongs to.
     */
    ref: PromptReference | ResourceReference;
    /**
     * The argument being completed.
     */
    argument: {
      /**
       * Name of the argument.
       */
      name: string;
      /**
       * What the user has typed so far, to match suggestions against.
       */
      value: string;
    };
  };
}

/**
 * Suggested values, answering {@link CompleteRequest}.
 *
 * @category Completion
 */
export interface CompleteResult extends Result {
  /**
   * The suggestions.
   */
  completion: {
    /**
     * Suggested values, at most 100 of them.
     */
    values: string[];
    /**
     * How many suggestions exist in all, which may be more than are returned here.
     *
     * @TJS-type integer
     */
    total?: number;
    /**
     * True when more suggestions exist than were returned, even if their number is unknown.
     */
    hasMore?: boolean;
  };
}

/**
 * Points at a resource or resource template, e.g. as the target of a completion request.
 *
 * @category Completion
 */
export interface ResourceReference {
  /**
   * Marks this reference as pointing at a resource.
   */
  type: "ref/resource";
  /**
   * URI of the resource, or the URI template of the resource template.
   *
   * @format uri-template
   */
  uri: string;
}

/**
 * Points at a prompt, e.g. as the target of a completion request.
 *
 * @category Completion
 */
export interface PromptReference {
  /**
   * Marks this reference as pointing at a prompt.
   */
  type: "ref/prompt";
  /**
   * Name of the prompt or prompt template.
   */
  name: string;
}

/* Roots */
/**
 * Asks the client which directories or files (roots) the server should work within, such as the
 * project folders or repositories currently open.
 *
 * See `/specification/2025-03-26/client/roots`.
 *
 * @category Roots
 */
export interface ListRootsRequest extends Request {
  /**
   * Fixed method name for this request.
   */
  method: "roots/list";
}

/**
 * The client's roots, answering {@link ListRootsRequest}.
 *
 * @category Roots
 */
export interface ListRootsResult extends Result {
  /**
   * Every root the server may work within.
   */
  roots: Root[];
}

/**
 * A directory or file the client makes available for the server to work within.
 *
 * @category Roots
 */
export interface Root {
  /**
   * Location of the root. In this revision it has to be a `file://` URI; later revisions may
   * permit other schemes.
   *
   * @format uri
   */
  uri: string;
  /**
   * Friendly label for the root, e.g. for display.
   */
  name?: string;
}

/**
 * Tells the server that the client's roots have been added to, removed or changed, so it should
 * call `roots/list` again.
 *
 * @category Roots
 */
export interface RootsListChangedNotification extends Notification {
  /**
   * Fixed method name for this notification.
   */
  method: "notifications/roots/list_changed";
}

/* Client messages */
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

/* Server messages */
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
  | ListResourceTemplatesResult
  | ListResourcesResult
  | ReadResourceResult
  | CallToolResult
  | ListToolsResult;
