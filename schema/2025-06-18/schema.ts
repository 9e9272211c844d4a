/*
 * Model Context Protocol, revision 2025-06-18.
 *
 * Every message exchanged between an MCP client and an MCP server is described
 * here. The JSON Schema in `schema.json` is generated from this file.
 */

/* -------------------------------------------------------------------------- */
/* JSON-RPC framing                                                           */
/* -------------------------------------------------------------------------- */

/**
 * Any single JSON-RPC message that may travel over an MCP transport, in either
 * direction: a request, a notification, a successful response or an error.
 *
 * @category JSON-RPC
 */
export type JSONRPCMessage = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse | JSONRPCError;

/**
 * The protocol revision this file describes; clients propose it in
 * `initialize` and servers echo it back when they accept it.
 *
 * @internal
 * @category Lifecycle
 */
export const LATEST_PROTOCOL_VERSION = "2025-06-18";

/**
 * The value every message carries in its `jsonrpc` member.
 *
 * @internal
 * @category JSON-RPC
 */
export const JSONRPC_VERSION = "2.0";

/**
 * Opaque value a requester attaches to a request so that later progress
 * notifications can be matched to it. It must be unique among the requester's
 * active requests.
 *
 * @category Common Types
 * @TJS-type ["string", "integer"]
 */
export type ProgressToken = string | number;

/**
 * Opaque position marker handed out by a server for paginated listings.
 * Clients pass it back unchanged and must not try to interpret it.
 *
 * @category Common Types
 */
export type Cursor = string;

/**
 * Shape shared by every request: a method name plus optional parameters.
 *
 * @internal
 * @category JSON-RPC
 */
export interface Request {
  /** Name of the operation being invoked. */
  method: string;
  /** Method-specific parameters; concrete requests narrow this object. */
  params?: {
    /**
     * Reserved metadata for the request. See
     * /specification/2025-06-18/basic/index for the `_meta` rules.
     */
    _meta?: {
      /**
       * When set, the sender asks to receive `notifications/progress` about
       * this request, tagged with this token. Sending them is optional for the
       * receiver.
       */
      progressToken?: ProgressToken;
      /** Further metadata entries. */
      [key: string]: unknown;
    };
    /** Further method-specific parameters. */
    [key: string]: unknown;
  };
}

/**
 * Shape shared by every notification: a method name plus optional parameters,
 * with no reply expected.
 *
 * @internal
 * @category JSON-RPC
 */
export interface Notification {
  /** Name of the event being signalled. */
  method: string;
  /** Method-specific parameters; concrete notifications narrow this object. */
  params?: {
    /**
     * Reserved metadata for the notification. See
     * /specification/2025-06-18/basic/index for the `_meta` rules.
     */
    _meta?: { [key: string]: unknown };
    /** Further method-specific parameters. */
    [key: string]: unknown;
  };
}

/**
 * Base of every successful result payload. Concrete results add their own
 * fields on top of it.
 *
 * @category Common Types
 */
export interface Result {
  /**
   * Reserved metadata attached to the result. See
   * /specification/2025-06-18/basic/index for the `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
  /** Further result fields. */
  [key: string]: unknown;
}

/**
 * Identifier that ties a JSON-RPC response to its request. It must not be
 * null, and a sender must not reuse one within the same session.
 *
 * @category Common Types
 * @TJS-type ["string", "integer"]
 */
export type RequestId = string | number;

/**
 * A JSON-RPC request: it carries an `id` and the receiver must answer it with
 * either a result or an error.
 *
 * @category JSON-RPC
 */
export interface JSONRPCRequest extends Request {
  /** Always `"2.0"`. */
  jsonrpc: typeof JSONRPC_VERSION;
  /** Identifier the matching response will repeat. */
  id: RequestId;
}

/**
 * A JSON-RPC notification: it has no `id` and the receiver never replies.
 *
 * @category JSON-RPC
 */
export interface JSONRPCNotification extends Notification {
  /** Always `"2.0"`. */
  jsonrpc: typeof JSONRPC_VERSION;
}

/**
 * A JSON-RPC reply that reports success and carries the method's result.
 *
 * @category JSON-RPC
 */
export interface JSONRPCResponse {
  /** Always `"2.0"`. */
  jsonrpc: typeof JSONRPC_VERSION;
  /** The `id` of the request being answered. */
  id: RequestId;
  /** The method-specific outcome. */
  result: Result;
}

/**
 * Error code: the receiver could not parse the incoming text as JSON.
 *
 * @category JSON-RPC
 */
export const PARSE_ERROR = -32700;
/**
 * Error code: the JSON received is not a well-formed request object.
 *
 * @category JSON-RPC
 */
export const INVALID_REQUEST = -32600;
/**
 * Error code: the receiver does not implement the requested method.
 *
 * @category JSON-RPC
 */
export const METHOD_NOT_FOUND = -32601;
/**
 * Error code: the method exists but its parameters are wrong.
 *
 * @category JSON-RPC
 */
export const INVALID_PARAMS = -32602;
/**
 * Error code: an unexpected failure happened inside the receiver.
 *
 * @category JSON-RPC
 */
export const INTERNAL_ERROR = -32603;

/**
 * A JSON-RPC reply that reports failure of the request with the same `id`.
 *
 * @category JSON-RPC
 */
export interface JSONRPCError {
  /** Always `"2.0"`. */
  jsonrpc: typeof JSONRPC_VERSION;
  /** The `id` of the request that failed. */
  id: RequestId;
  /** What went wrong. */
  error: {
    /**
     * Integer that classifies the failure, such as {@link INVALID_PARAMS}.
     *
     * @TJS-type integer
     */
    code: number;
    /** Brief human-readable explanation, ideally one sentence. */
    message: string;
    /**
     * Optional extra detail whose structure is up to the sender, for example
     * diagnostics or nested causes.
     */
    data?: unknown;
  };
}

/* -------------------------------------------------------------------------- */
/* Empty result                                                               */
/* -------------------------------------------------------------------------- */

/**
 * Result for methods that succeed without returning anything beyond the
 * optional `_meta`.
 *
 * @category Common Types
 */
export type EmptyResult = Result;

/* -------------------------------------------------------------------------- */
/* Cancellation                                                               */
/* -------------------------------------------------------------------------- */

/**
 * Sent by either party to say it no longer wants the answer to a request it
 * issued earlier. The request may already have completed by the time this
 * arrives, so receivers should tolerate unknown ids; otherwise they should
 * stop working on it. The `initialize` request can never be cancelled.
 *
 * See /specification/2025-06-18/basic/utilities/cancellation.
 *
 * @category Utilities
 */
export interface CancelledNotification extends Notification {
  /** Fixed method name of this notification. */
  method: "notifications/cancelled";
  /** Identifies the abandoned request. */
  params: {
    /**
     * The `id` of the request to abandon; it must be one the sender of this
     * notification issued itself.
     */
    requestId: RequestId;

    /** Free-text explanation, suitable for logs or for showing the user. */
    reason?: string;
  };
}

/* -------------------------------------------------------------------------- */
/* Initialization                                                             */
/* -------------------------------------------------------------------------- */

/**
 * The first request a client sends on a new connection, opening version and
 * capability negotiation.
 *
 * See /specification/2025-06-18/basic/lifecycle.
 *
 * @category Lifecycle
 */
export interface InitializeRequest extends Request {
  /** Fixed method name of this request. */
  method: "initialize";
  /** The client's offer. */
  params: {
    /**
     * Newest protocol revision the client speaks. It may also accept older
     * ones if the server answers with one.
     */
    protocolVersion: string;
    /** Optional features the client implements. */
    capabilities: ClientCapabilities;
    /** Name and version of the client software. */
    clientInfo: Implementation;
  };
}

/**
 * The server's answer to `initialize`, fixing the revision and declaring what
 * the server offers.
 *
 * @category Lifecycle
 */
export interface InitializeResult extends Result {
  /**
   * Protocol revision the server chose; it can differ from the client's
   * proposal. A client that cannot speak it must close the connection.
   */
  protocolVersion: string;
  /** Optional features the server implements. */
  capabilities: ServerCapabilities;
  /** Name and version of the server software. */
  serverInfo: Implementation;

  /**
   * Free-form guidance on how to get the most out of this server. Clients may
   * pass it to the model, for instance inside the system prompt.
   */
  instructions?: string;
}

/**
 * Sent by the client once it has processed the `initialize` result, marking
 * the start of normal operation.
 *
 * @category Lifecycle
 */
export interface InitializedNotification extends Notification {
  /** Fixed method name of this notification. */
  method: "notifications/initialized";
}

/**
 * Features a client announces during `initialize`. The listed keys are the
 * standard ones; clients may add others of their own.
 *
 * @category Lifecycle
 */
export interface ClientCapabilities {
  /** Non-standard features, keyed by name. */
  experimental?: { [key: string]: object };
  /** Set when the client can answer `roots/list`. */
  roots?: {
    /** True if the client emits `notifications/roots/list_changed`. */
    listChanged?: boolean;
  };
  /** Set when the client can answer `sampling/createMessage`. */
  sampling?: object;
  /** Set when the client can answer `elicitation/create`. */
  elicitation?: object;
}

/**
 * Features a server announces in its `initialize` result. The listed keys are
 * the standard ones; servers may add others of their own.
 *
 * @category Lifecycle
 */
export interface ServerCapabilities {
  /** Non-standard features, keyed by name. */
  experimental?: { [key: string]: object };
  /** Set when the server can emit `notifications/message` log entries. */
  logging?: object;
  /** Set when the server can answer `completion/complete`. */
  completions?: object;
  /** Set when the server exposes prompts. */
  prompts?: {
    /** True if the server emits `notifications/prompts/list_changed`. */
    listChanged?: boolean;
  };
  /** Set when the server exposes resources. */
  resources?: {
    /** True if clients may call `resources/subscribe`. */
    subscribe?: boolean;
    /** True if the server emits `notifications/resources/list_changed`. */
    listChanged?: boolean;
  };
  /** Set when the server exposes tools. */
  tools?: {
    /** True if the server emits `notifications/tools/list_changed`. */
    listChanged?: boolean;
  };
}

/**
 * Common naming fields: a stable machine name plus an optional human label.
 *
 * @internal
 * @category Common Types
 */
export interface BaseMetadata {
  /**
   * Stable identifier meant for code. Displays fall back to it when no
   * `title` is available.
   */
  name: string;

  /**
   * Friendly label for people reading a user interface. When it is missing,
   * show `name` instead; for a {@link Tool}, prefer `annotations.title` over
   * `name` in that case.
   */
  title?: string;
}

/**
 * Identifies a piece of MCP client or server software.
 *
 * @category Lifecycle
 */
export interface Implementation extends BaseMetadata {
  /** Version string of the software. */
  version: string;
}

/* -------------------------------------------------------------------------- */
/* Ping                                                                       */
/* -------------------------------------------------------------------------- */

/**
 * Liveness probe that either side may send. The receiver should reply quickly
 * with an empty result; a peer that stays silent may be treated as gone.
 *
 * See /specification/2025-06-18/basic/utilities/ping.
 *
 * @category Utilities
 */
export interface PingRequest extends Request {
  /** Fixed method name of this request. */
  method: "ping";
}

/* -------------------------------------------------------------------------- */
/* Progress                                                                   */
/* -------------------------------------------------------------------------- */

/**
 * Reports how far a long-running request has got. It is only sent for
 * requests whose `_meta.progressToken` asked for it.
 *
 * See /specification/2025-06-18/basic/utilities/progress.
 *
 * @category Utilities
 */
export interface ProgressNotification extends Notification {
  /** Fixed method name of this notification. */
  method: "notifications/progress";
  /** The progress report. */
  params: {
    /** Token copied from the request this report is about. */
    progressToken: ProgressToken;
    /**
     * Amount of work done so far. It must grow with each report, even when
     * the total is not known.
     */
    progress: number;
    /**
     * Amount of work expected overall, when the sender knows it.
     */
    total?: number;
    /** Human-readable status line describing the current step. */
    message?: string;
  };
}

/* -------------------------------------------------------------------------- */
/* Pagination                                                                 */
/* -------------------------------------------------------------------------- */

/**
 * Base of list requests that can be answered page by page.
 *
 * @internal
 * @category Utilities
 */
export interface PaginatedRequest extends Request {
  /** Paging parameters. */
  params?: {
    /**
     * The `nextCursor` from a previous page; the server continues right
     * after it. Leave it out to start from the beginning.
     */
    cursor?: Cursor;
  };
}

/**
 * Base of list results that may be split across several pages.
 *
 * @internal
 * @category Utilities
 */
export interface PaginatedResult extends Result {
  /**
   * Marker to pass as `cursor` to fetch the following page. When absent,
   * this page is the last one.
   */
  nextCursor?: Cursor;
}

/* -------------------------------------------------------------------------- */
/* Resources                                                                  */
/* -------------------------------------------------------------------------- */

/**
 * Asks the server which resources it exposes.
 *
 * See /specification/2025-06-18/server/resources.
 *
 * @category Resources
 */
export interface ListResourcesRequest extends PaginatedRequest {
  /** Fixed method name of this request. */
  method: "resources/list";
}

/**
 * One page of the server's resources, answering `resources/list`.
 *
 * @category Resources
 */
export interface ListResourcesResult extends PaginatedResult {
  /** The resources on this page. */
  resources: Resource[];
}

/**
 * Asks the server which parameterized resource templates it exposes.
 *
 * @category Resources
 */
export interface ListResourceTemplatesRequest extends PaginatedRequest {
  /** Fixed method name of this request. */
  method: "resources/templates/list";
}

/**
 * One page of the server's resource templates, answering
 * `resources/templates/list`.
 *
 * @category Resources
 */
export interface ListResourceTemplatesResult extends PaginatedResult {
  /** The templates on this page. */
  resourceTemplates: ResourceTemplate[];
}

/**
 * Fetches the contents behind one resource URI.
 *
 * @category Resources
 */
export interface ReadResourceRequest extends Request {
  /** Fixed method name of this request. */
  method: "resources/read";
  /** Which resource to read. */
  params: {
    /**
     * Address of the resource. Any scheme is allowed; its meaning is decided
     * by the server.
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
   * One or more content items; a single URI may expand into several
   * sub-resources.
   */
  contents: (TextResourceContents | BlobResourceContents)[];
}

/**
 * Tells the client that the set of available resources is different now. A
 * server may send it without any subscription having been made.
 *
 * @category Resources
 */
export interface ResourceListChangedNotification extends Notification {
  /** Fixed method name of this notification. */
  method: "notifications/resources/list_changed";
}

/**
 * Asks the server to send `notifications/resources/updated` whenever the
 * given resource changes.
 *
 * @category Resources
 */
export interface SubscribeRequest extends Request {
  /** Fixed method name of this request. */
  method: "resources/subscribe";
  /** Which resource to watch. */
  params: {
    /**
     * Address of the resource to watch. Any scheme is allowed; its meaning is
     * decided by the server.
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
  /** Fixed method name of this request. */
  method: "resources/unsubscribe";
  /** Which resource to stop watching. */
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
 * Tells a subscribed client that a resource has new contents worth reading
 * again. Only sent after a matching `resources/subscribe`.
 *
 * @category Resources
 */
export interface ResourceUpdatedNotification extends Notification {
  /** Fixed method name of this notification. */
  method: "notifications/resources/updated";
  /** Which resource changed. */
  params: {
    /**
     * Address of the changed resource; it may be a child of the URI named in
     * the subscription.
     *
     * @format uri
     */
    uri: string;
  };
}

/**
 * A concrete resource the server can read and return.
 *
 * @category Resources
 */
export interface Resource extends BaseMetadata {
  /**
   * Address that identifies this resource.
   *
   * @format uri
   */
  uri: string;

  /**
   * Explains what the resource holds; clients may show it to the model so it
   * can decide whether the resource is relevant.
   */
  description?: string;

  /** Media type of the resource, when known. */
  mimeType?: string;

  /** Hints about audience, priority and freshness. */
  annotations?: Annotations;

  /**
   * Length of the raw content in bytes, before any base64 encoding or
   * tokenization, when known. Useful for showing file sizes and budgeting
   * context.
   *
   * @TJS-type integer
   */
  size?: number;

  /**
   * Reserved metadata. See /specification/2025-06-18/basic/index for the
   * `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * A parameterized pattern describing a family of resources the server can
 * read.
 *
 * @category Resources
 */
export interface ResourceTemplate extends BaseMetadata {
  /**
   * RFC 6570 URI template; filling in its variables yields concrete resource
   * URIs.
   *
   * @format uri-template
   */
  uriTemplate: string;

  /**
   * Explains what the resources produced by this template hold; clients may
   * show it to the model.
   */
  description?: string;

  /**
   * Media type shared by every matching resource. Only set it when all of
   * them really have the same type.
   */
  mimeType?: string;

  /** Hints about audience, priority and freshness. */
  annotations?: Annotations;

  /**
   * Reserved metadata. See /specification/2025-06-18/basic/index for the
   * `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * Fields common to every piece of resource content.
 *
 * @internal
 * @category Resources
 */
export interface ResourceContents {
  /**
   * Address of the resource (or sub-resource) these contents belong to.
   *
   * @format uri
   */
  uri: string;
  /** Media type of the contents, when known. */
  mimeType?: string;

  /**
   * Reserved metadata. See /specification/2025-06-18/basic/index for the
   * `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * Resource contents delivered as text.
 *
 * @category Content
 */
export interface TextResourceContents extends ResourceContents {
  /**
   * The content as a string. Use this form only when the data really is
   * text; binary data belongs in {@link BlobResourceContents}.
   */
  text: string;
}

/**
 * Resource contents delivered as binary data.
 *
 * @category Content
 */
export interface BlobResourceContents extends ResourceContents {
  /**
   * The raw bytes, base64-encoded.
   *
   * @format byte
   */
  blob: string;
}

/* -------------------------------------------------------------------------- */
/* Prompts                                                                    */
/* -------------------------------------------------------------------------- */

/**
 * Asks the server which prompts and prompt templates it offers.
 *
 * See /specification/2025-06-18/server/prompts.
 *
 * @category Prompts
 */
export interface ListPromptsRequest extends PaginatedRequest {
  /** Fixed method name of this request. */
  method: "prompts/list";
}

/**
 * One page of the server's prompts, answering `prompts/list`.
 *
 * @category Prompts
 */
export interface ListPromptsResult extends PaginatedResult {
  /** The prompts on this page. */
  prompts: Prompt[];
}

/**
 * Retrieves one prompt, with its template arguments filled in.
 *
 * @category Prompts
 */
export interface GetPromptRequest extends Request {
  /** Fixed method name of this request. */
  method: "prompts/get";
  /** Which prompt, and with what arguments. */
  params: {
    /** The `name` of the prompt as listed by `prompts/list`. */
    name: string;
    /** Values for the prompt's arguments, keyed by argument name. */
    arguments?: { [key: string]: string };
  };
}

/**
 * The rendered prompt returned for `prompts/get`.
 *
 * @category Prompts
 */
export interface GetPromptResult extends Result {
  /** Short explanation of the prompt. */
  description?: string;
  /** The conversation messages that make up the prompt. */
  messages: PromptMessage[];
}

/**
 * A prompt, or prompt template, that the server makes available.
 *
 * @category Prompts
 */
export interface Prompt extends BaseMetadata {
  /** Short explanation of what the prompt is for. */
  description?: string;
  /** Parameters the prompt accepts when it is retrieved. */
  arguments?: PromptArgument[];

  /**
   * Reserved metadata. See /specification/2025-06-18/basic/index for the
   * `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * One parameter that a prompt template accepts.
 *
 * @category Prompts
 */
export interface PromptArgument extends BaseMetadata {
  /** Explanation of the argument for people. */
  description?: string;
  /** True when the argument must be supplied in `prompts/get`. */
  required?: boolean;
}

/**
 * Which side of a conversation a message or piece of content belongs to.
 *
 * @category Common Types
 */
export type Role = "user" | "assistant";

/**
 * A single message inside a prompt. Unlike {@link SamplingMessage}, its
 * content may also be a resource link or an embedded resource.
 *
 * @category Prompts
 */
export interface PromptMessage {
  /** Speaker of the message. */
  role: Role;
  /** Body of the message. */
  content: ContentBlock;
}

/**
 * Points to a resource by URI, without carrying its contents, from inside a
 * prompt or a tool result. Such a resource need not appear in
 * `resources/list`.
 *
 * @category Content
 */
export interface ResourceLink extends Resource {
  /** Discriminator for this kind of content. */
  type: "resource_link";
}

/**
 * A resource whose contents are carried inline, inside a prompt or a tool
 * result. How to present it to the model or the user is the client's choice.
 *
 * @category Content
 */
export interface EmbeddedResource {
  /** Discriminator for this kind of content. */
  type: "resource";
  /** The inlined contents, as text or as base64 data. */
  resource: TextResourceContents | BlobResourceContents;

  /** Hints about audience, priority and freshness. */
  annotations?: Annotations;

  /**
   * Reserved metadata. See /specification/2025-06-18/basic/index for the
   * `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * Tells the client that the set of available prompts is different now. A
 * server may send it without being asked.
 *
 * @category Prompts
 */
export interface PromptListChangedNotification extends Notification {
  /** Fixed method name of this notification. */
  method: "notifications/prompts/list_changed";
}

/* -------------------------------------------------------------------------- */
/* Tools                                                                      */
/* -------------------------------------------------------------------------- */

/**
 * Asks the server which tools it offers.
 *
 * See /specification/2025-06-18/server/tools.
 *
 * @category Tools
 */
export interface ListToolsRequest extends PaginatedRequest {
  /** Fixed method name of this request. */
  method: "tools/list";
}

/**
 * One page of the server's tools, answering `tools/list`.
 *
 * @category Tools
 */
export interface ListToolsResult extends PaginatedResult {
  /** The tools on this page. */
  tools: Tool[];
}

/**
 * Outcome of running a tool, returned for `tools/call`.
 *
 * @category Tools
 */
export interface CallToolResult extends Result {
  /** The tool's output as content blocks for the model or the user. */
  content: ContentBlock[];

  /**
   * The tool's output as a JSON object. When the tool declares an
   * `outputSchema`, this object must conform to it.
   */
  structuredContent?: { [key: string]: unknown };

  /**
   * True when the tool ran but failed; treated as false when omitted. Tool
   * failures belong here, so the model can read them and react, while
   * problems such as an unknown tool name are JSON-RPC errors instead.
   */
  isError?: boolean;
}

/**
 * Runs one of the server's tools.
 *
 * @category Tools
 */
export interface CallToolRequest extends Request {
  /** Fixed method name of this request. */
  method: "tools/call";
  /** Which tool, and with what input. */
  params: {
    /** The `name` of the tool as listed by `tools/list`. */
    name: string;
    /** Input for the tool, expected to match its `inputSchema`. */
    arguments?: { [key: string]: unknown };
  };
}

/**
 * Tells the client that the set of available tools is different now. A server
 * may send it without being asked.
 *
 * @category Tools
 */
export interface ToolListChangedNotification extends Notification {
  /** Fixed method name of this notification. */
  method: "notifications/tools/list_changed";
}

/**
 * Advisory hints about how a tool behaves. None of them is guaranteed to be
 * accurate, and clients must not rely on them when the server is not trusted.
 *
 * @category Tools
 */
export interface ToolAnnotations {
  /** Display name for the tool. */
  title?: string;

  /**
   * True when the tool only reads and never changes anything around it.
   * Assumed false when omitted.
   */
  readOnlyHint?: boolean;

  /**
   * True when the tool may overwrite or delete things; false when it only
   * adds. Relevant only if `readOnlyHint` is false. Assumed true when
   * omitted.
   */
  destructiveHint?: boolean;

  /**
   * True when repeating a call with identical arguments changes nothing
   * further. Relevant only if `readOnlyHint` is false. Assumed false when
   * omitted.
   */
  idempotentHint?: boolean;

  /**
   * True when the tool reaches out to an open-ended set of outside systems
   * (a web search, say); false when it works within a closed domain. Assumed
   * true when omitted.
   */
  openWorldHint?: boolean;
}

/**
 * Description of a tool that clients may invoke with `tools/call`.
 *
 * @category Tools
 */
export interface Tool extends BaseMetadata {
  /**
   * Explains what the tool does; clients may show it to the model so it can
   * choose when to call it.
   */
  description?: string;

  /** JSON Schema (always of type object) describing the tool's arguments. */
  inputSchema: {
    /** Always `"object"`. */
    type: "object";
    /** Schemas of the individual arguments, keyed by name. */
    properties?: { [key: string]: object };
    /** Names of the arguments that must be present. */
    required?: string[];
  };

  /**
   * JSON Schema (always of type object) that the `structuredContent` of a
   * {@link CallToolResult} from this tool will satisfy.
   */
  outputSchema?: {
    /** Always `"object"`. */
    type: "object";
    /** Schemas of the individual output fields, keyed by name. */
    properties?: { [key: string]: object };
    /** Names of the output fields that will always be present. */
    required?: string[];
  };

  /**
   * Behavioural hints. For display, use `title` first, then
   * `annotations.title`, then `name`.
   */
  annotations?: ToolAnnotations;

  /**
   * Reserved metadata. See /specification/2025-06-18/basic/index for the
   * `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/* -------------------------------------------------------------------------- */
/* Logging                                                                    */
/* -------------------------------------------------------------------------- */

/**
 * Sets the minimum severity of log messages the client wants from the server.
 *
 * See /specification/2025-06-18/server/utilities/logging.
 *
 * @category Logging
 */
export interface SetLevelRequest extends Request {
  /** Fixed method name of this request. */
  method: "logging/setLevel";
  /** The new threshold. */
  params: {
    /**
     * Lowest severity to forward; the server should send messages at this
     * level or any more severe one via `notifications/message`.
     */
    level: LoggingLevel;
  };
}

/**
 * A log entry sent from server to client. Until the client has called
 * `logging/setLevel`, the server chooses which entries to send.
 *
 * @category Logging
 */
export interface LoggingMessageNotification extends Notification {
  /** Fixed method name of this notification. */
  method: "notifications/message";
  /** The log entry. */
  params: {
    /** Severity of the entry. */
    level: LoggingLevel;
    /** Name of the component that produced the entry. */
    logger?: string;
    /** The logged payload: any JSON value, such as a string or an object. */
    data: unknown;
  };
}

/**
 * Log severities, from least to most severe, following the syslog levels of
 * RFC 5424.
 *
 * @category Logging
 */
export type LoggingLevel =
  "debug" | "info" | "notice" | "warning" | "error" | "critical" | "alert" | "emergency";

/* -------------------------------------------------------------------------- */
/* Sampling                                                                   */
/* -------------------------------------------------------------------------- */

/**
 * Asks the client to run a completion on a language model on the server's
 * behalf. The client picks the model and should let the user review and
 * approve the request.
 *
 * See /specification/2025-06-18/client/sampling.
 *
 * @category Sampling
 */
export interface CreateMessageRequest extends Request {
  /** Fixed method name of this request. */
  method: "sampling/createMessage";
  /** What to sample, and how. */
  params: {
    /** The conversation to send to the model. */
    messages: SamplingMessage[];
    /**
     * What the server would like in a model. Purely advisory; the client may
     * disregard it.
     */
    modelPreferences?: ModelPreferences;
    /**
     * System prompt the server suggests. The client is free to change or drop
     * it.
     */
    systemPrompt?: string;
    /**
     * Whether to add context from no server, from the requesting server only,
     * or from every connected server. The client may ignore this.
     */
    includeContext?: "none" | "thisServer" | "allServers";
    /**
     * Sampling temperature to use.
     */
    temperature?: number;
    /**
     * Upper bound on the number of tokens to generate. The client may stop
     * earlier.
     *
     * @TJS-type integer
     */
    maxTokens: number;
    /** Strings that end generation as soon as the model produces one. */
    stopSequences?: string[];
    /**
     * Extra settings forwarded to the model provider; their format depends on
     * the provider.
     */
    metadata?: object;
  };
}

/**
 * The model's reply, returned for `sampling/createMessage`. The client should
 * let the user review it before handing it back to the server.
 *
 * @category Sampling
 */
export interface CreateMessageResult extends Result, SamplingMessage {
  /** Name of the model that actually produced the reply. */
  model: string;
  /** Why generation ended, when known; other values are allowed too. */
  stopReason?: "endTurn" | "stopSequence" | "maxTokens" | string;
}

/**
 * One turn of a conversation sent to, or received from, a language model.
 *
 * @category Sampling
 */
export interface SamplingMessage {
  /** Speaker of the message. */
  role: Role;
  /** Body of the message: text, an image or audio. */
  content: TextContent | ImageContent | AudioContent;
}

/**
 * Optional hints that help the client decide how to use or display an object.
 *
 * @category Common Types
 */
export interface Annotations {
  /**
   * Who the object is meant for; list several roles when it is useful to
   * more than one.
   */
  audience?: Role[];

  /**
   * Importance of the object, from 0 (may safely be left out) to 1
   * (effectively essential).
   *
   * @minimum 0
   * @maximum 1
   */
  priority?: number;

  /**
   * When the underlying data last changed, written as an ISO 8601 timestamp
   * such as `2025-01-12T15:00:58Z`.
   */
  lastModified?: string;
}

/**
 * Any piece of content that can appear in a prompt message or a tool result.
 *
 * @category Content
 */
export type ContentBlock =
  TextContent | ImageContent | AudioContent | ResourceLink | EmbeddedResource;

/**
 * Plain text exchanged with a model.
 *
 * @category Content
 */
export interface TextContent {
  /** Discriminator for this kind of content. */
  type: "text";

  /** The text itself. */
  text: string;

  /** Hints about audience, priority and freshness. */
  annotations?: Annotations;

  /**
   * Reserved metadata. See /specification/2025-06-18/basic/index for the
   * `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * An image exchanged with a model.
 *
 * @category Content
 */
export interface ImageContent {
  /** Discriminator for this kind of content. */
  type: "image";

  /**
   * Image bytes, base64-encoded.
   *
   * @format byte
   */
  data: string;

  /** Media type of the image; which ones are accepted depends on the model. */
  mimeType: string;

  /** Hints about audience, priority and freshness. */
  annotations?: Annotations;

  /**
   * Reserved metadata. See /specification/2025-06-18/basic/index for the
   * `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * An audio clip exchanged with a model.
 *
 * @category Content
 */
export interface AudioContent {
  /** Discriminator for this kind of content. */
  type: "audio";

  /**
   * Audio bytes, base64-encoded.
   *
   * @format byte
   */
  data: string;

  /** Media type of the audio; which ones are accepted depends on the model. */
  mimeType: string;

  /** Hints about audience, priority and freshness. */
  annotations?: Annotations;

  /**
   * Reserved metadata. See /specification/2025-06-18/basic/index for the
   * `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * What the server would like the client to weigh when choosing a model for
 * sampling. Models trade off cost, speed and capability differently, so the
 * server states priorities rather than a fixed model. Everything here is
 * advisory and left to the client's judgement.
 *
 * @category Sampling
 */
export interface ModelPreferences {
  /**
   * Model hints in order of preference; the client should use the first one
   * that matches. Hints take precedence over the numeric priorities, which
   * can still break ties.
   */
  hints?: ModelHint[];

  /**
   * Weight given to low cost, from 0 (irrelevant) to 1 (paramount).
   *
   * @minimum 0
   * @maximum 1
   */
  costPriority?: number;

  /**
   * Weight given to fast responses, from 0 (irrelevant) to 1 (paramount).
   *
   * @minimum 0
   * @maximum 1
   */
  speedPriority?: number;

  /**
   * Weight given to model capability, from 0 (irrelevant) to 1 (paramount).
   *
   * @minimum 0
   * @maximum 1
   */
  intelligencePriority?: number;
}

/**
 * A suggestion about which model to pick. Keys other than `name` have no
 * defined meaning yet; clients may interpret them as they see fit.
 *
 * @category Sampling
 */
export interface ModelHint {
  /**
   * Fragment of a model name, matched as a substring (so `sonnet` matches any
   * model whose name contains it). Clients may also map it to a comparable
   * model from another provider.
   */
  name?: string;
}

/* -------------------------------------------------------------------------- */
/* Completion                                                                 */
/* -------------------------------------------------------------------------- */

/**
 * Asks the server for suggested values of a prompt or resource-template
 * argument, for example to drive autocompletion in a user interface.
 *
 * See /specification/2025-06-18/server/utilities/completion.
 *
 * @category Completion
 */
export interface CompleteRequest extends Request {
  /** Fixed method name of this request. */
  method: "completion/complete";
  /** What to complete. */
  params: {
    /** The prompt or resource template that owns the argument. */
    ref: PromptReference | ResourceTemplateReference;
    /** The argument being typed. */
    argument: {
      /** Name of the argument. */
      name: string;
      /** What the user has entered so far, used to filter suggestions. */
      value: string;
    };

    /** Extra information that can narrow the suggestions. */
    context?: {
      /** Values already chosen for other arguments, keyed by name. */
      arguments?: { [key: string]: string };
    };
  };
}

/**
 * The suggestions returned for `completion/complete`.
 *
 * @category Completion
 */
export interface CompleteResult extends Result {
  /** The suggestion list and its size. */
  completion: {
    /** Suggested values; at most 100 of them. */
    values: string[];
    /**
     * Number of suggestions that exist in all, which may be larger than the
     * number returned.
     *
     * @TJS-type integer
     */
    total?: number;
    /**
     * True when more suggestions exist than were returned, whether or not
     * `total` is known.
     */
    hasMore?: boolean;
  };
}

/**
 * Names a resource or resource template as the subject of a completion.
 *
 * @category Completion
 */
export interface ResourceTemplateReference {
  /** Discriminator for this kind of reference. */
  type: "ref/resource";
  /**
   * The resource URI, or the URI template, being referred to.
   *
   * @format uri-template
   */
  uri: string;
}

/**
 * Names a prompt as the subject of a completion.
 *
 * @category Completion
 */
export interface PromptReference extends BaseMetadata {
  /** Discriminator for this kind of reference. */
  type: "ref/prompt";
}

/* -------------------------------------------------------------------------- */
/* Roots                                                                      */
/* -------------------------------------------------------------------------- */

/**
 * Asks the client for its roots: the directories or files the server is
 * invited to work within, such as the repositories open in an editor.
 *
 * See /specification/2025-06-18/client/roots.
 *
 * @category Roots
 */
export interface ListRootsRequest extends Request {
  /** Fixed method name of this request. */
  method: "roots/list";
}

/**
 * The client's roots, returned for `roots/list`.
 *
 * @category Roots
 */
export interface ListRootsResult extends Result {
  /** Every root the client currently exposes. */
  roots: Root[];
}

/**
 * A directory or file the client exposes to the server as a place to work.
 *
 * @category Roots
 */
export interface Root {
  /**
   * Location of the root. In this revision it has to be a `file://` URI;
   * later revisions may allow other schemes.
   *
   * @format uri
   */
  uri: string;
  /** Friendly label for the root, for display or for referring to it. */
  name?: string;

  /**
   * Reserved metadata. See /specification/2025-06-18/basic/index for the
   * `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * Tells the server that the client's roots were added, removed or changed; the
 * server can then call `roots/list` again to see the new set.
 *
 * @category Roots
 */
export interface RootsListChangedNotification extends Notification {
  /** Fixed method name of this notification. */
  method: "notifications/roots/list_changed";
}

/* -------------------------------------------------------------------------- */
/* Elicitation                                                                */
/* -------------------------------------------------------------------------- */

/**
 * Asks the client to collect some structured input from the user, described
 * by a flat schema.
 *
 * See /specification/2025-06-18/client/elicitation.
 *
 * @category Elicitation
 */
export interface ElicitRequest extends Request {
  /** Fixed method name of this request. */
  method: "elicitation/create";
  /** The question and the shape of the expected answer. */
  params: {
    /** Text shown to the user explaining what is being asked. */
    message: string;
    /**
     * Schema of the answer: a single object whose properties are all
     * primitive; nested objects and arrays are not allowed.
     */
    requestedSchema: {
      /** Always `"object"`. */
      type: "object";
      /** Definitions of the fields to collect, keyed by field name. */
      properties: {
        /** Schema of one field; only primitive kinds are allowed. */
        [key: string]: PrimitiveSchemaDefinition;
      };
      /** Names of the fields the user must fill in. */
      required?: string[];
    };
  };
}

/**
 * Schema for one field of an elicitation form; only flat, primitive values
 * are supported.
 *
 * @category Elicitation
 */
export type PrimitiveSchemaDefinition = StringSchema | NumberSchema | BooleanSchema | EnumSchema;

/**
 * Form field holding free text.
 *
 * @category Elicitation
 */
export interface StringSchema {
  /** Always `"string"`. */
  type: "string";
  /** Label shown for the field. */
  title?: string;
  /** Help text shown for the field. */
  description?: string;
  /**
   * Fewest characters accepted.
   *
   * @TJS-type integer
   */
  minLength?: number;
  /**
   * Most characters accepted.
   *
   * @TJS-type integer
   */
  maxLength?: number;
  /** Expected format of the text, if it is one of the supported kinds. */
  format?: "email" | "uri" | "date" | "date-time";
}

/**
 * Form field holding a number, either any number or an integer.
 *
 * @category Elicitation
 */
export interface NumberSchema {
  /** `"number"` for any numeric value, `"integer"` for whole numbers only. */
  type: "number" | "integer";
  /** Label shown for the field. */
  title?: string;
  /** Help text shown for the field. */
  description?: string;
  /**
   * Smallest value accepted.
   */
  minimum?: number;
  /**
   * Largest value accepted.
   */
  maximum?: number;
}

/**
 * Form field holding a yes/no choice.
 *
 * @category Elicitation
 */
export interface BooleanSchema {
  /** Always `"boolean"`. */
  type: "boolean";
  /** Label shown for the field. */
  title?: string;
  /** Help text shown for the field. */
  description?: string;
  /** Value pre-selected before the user answers. */
  default?: boolean;
}

/**
 * Form field where the user picks one string from a fixed list.
 *
 * @category Elicitation
 */
export interface EnumSchema {
  /** Always `"string"`. */
  type: "string";
  /** Label shown for the field. */
  title?: string;
  /** Help text shown for the field. */
  description?: string;
  /** The allowed values. */
  enum: string[];
  /** Labels to show for the allowed values, in the same order as `enum`. */
  enumNames?: string[];
}

/**
 * The user's answer to `elicitation/create`, as relayed by the client.
 *
 * @category Elicitation
 */
export interface ElicitResult extends Result {
  /**
   * What the user did: `"accept"` means they submitted the form,
   * `"decline"` that they explicitly refused, and `"cancel"` that they
   * closed it without deciding.
   */
  action: "accept" | "decline" | "cancel";

  /**
   * The values the user entered, shaped by the requested schema. Only
   * present when `action` is `"accept"`.
   */
  content?: { [key: string]: string | number | boolean };
}

/* -------------------------------------------------------------------------- */
/* Messages by sender                                                         */
/* -------------------------------------------------------------------------- */

/**
 * Every request a client may send to a server.
 *
 * @internal
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
 * @internal
 * @category JSON-RPC
 */
export type ClientNotification =
  | CancelledNotification
  | ProgressNotification
  | InitializedNotification
  | RootsListChangedNotification;

/**
 * Every result a client may return in answer to a server request.
 *
 * @internal
 * @category JSON-RPC
 */
export type ClientResult = EmptyResult | CreateMessageResult | ListRootsResult | ElicitResult;

/**
 * Every request a server may send to a client.
 *
 * @internal
 * @category JSON-RPC
 */
export type ServerRequest = PingRequest | CreateMessageRequest | ListRootsRequest | ElicitRequest;

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
  | PromptListChangedNotification;

/**
 * Every result a server may return in answer to a client request.
 *
 * @internal
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
