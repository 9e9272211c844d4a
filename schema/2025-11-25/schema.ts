/*
 * Model Context Protocol, revision 2025-11-25.
 *
 * Every message the protocol puts on the wire is typed here. The JSON Schema in `schema.json`
 * is generated from this file, so the JSDoc tags that shape it (`@TJS-type`, `@format`,
 * `@minimum`, `@maximum`, `@nullable`) are part of the contract, not decoration.
 */

/* ------------------------------------------------------------------------------------------ */
/* JSON-RPC framing                                                                             */
/* ------------------------------------------------------------------------------------------ */

/**
 * Any single JSON-RPC 2.0 message that an MCP peer may send or receive: a request, a
 * notification, or a response (successful or failed).
 *
 * @category JSON-RPC
 */
export type JSONRPCMessage = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse;

/**
 * The protocol revision described by this file, as sent in `protocolVersion` during
 * the `initialize` handshake.
 *
 * @internal
 */
export const LATEST_PROTOCOL_VERSION = "2025-11-25";
/**
 * The fixed value of the `jsonrpc` member carried by every message.
 *
 * @internal
 */
export const JSONRPC_VERSION = "2.0";

/**
 * Opaque value chosen by a requester and echoed back in `notifications/progress`, so that
 * each progress update can be tied to the request it reports on.
 *
 * @category Common Types
 * @TJS-type ["string", "integer"]
 */
export type ProgressToken = string | number;

/**
 * Opaque pagination marker handed out by a server. Clients pass it back unchanged to fetch
 * the next page and must not try to interpret it.
 *
 * @category Common Types
 */
export type Cursor = string;

/**
 * Request parameters shared by every request type that may be run as a task.
 *
 * @internal
 * @category Tasks
 */
export interface TaskAugmentedRequestParams extends RequestParams {
  /**
   * Asks the receiver to run this request as a task. When present, the receiver answers at
   * once with a {@link CreateTaskResult}, and the real outcome is fetched later through
   * `tasks/result`. Only allowed for request types the receiver declared task support for
   * in its capabilities.
   */
  task?: TaskMetadata;
}
/**
 * Parameters shared by every request; at minimum they may carry `_meta`.
 *
 * @internal
 * @category JSON-RPC
 */
export interface RequestParams {
  /**
   * Extra metadata attached to this request. The key names follow MCP's `_meta` rules,
   * which set some prefixes aside for the protocol itself.
   */
  _meta?: {
    /**
     * When set, the requester wants `notifications/progress` updates for this request, each
     * tagged with this token. The receiver may choose not to send any.
     */
    progressToken?: ProgressToken;
    [key: string]: unknown;
  };
}

/**
 * The shape common to all requests: a method name and optional parameters.
 *
 * @internal
 * @category JSON-RPC
 */
export interface Request {
  /** Name of the operation being invoked, such as `tools/call`. */
  method: string;
  /** Method-specific arguments; left open here so extensions can add their own fields. */

  params?: { [key: string]: any };
}

/**
 * Parameters shared by every notification; at minimum they may carry `_meta`.
 *
 * @internal
 * @category JSON-RPC
 */
export interface NotificationParams {
  /**
   * Extra metadata attached to this notification. The key names follow MCP's `_meta` rules,
   * which set some prefixes aside for the protocol itself.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * The shape common to all notifications: a method name and optional parameters, with no
 * reply expected.
 *
 * @internal
 * @category JSON-RPC
 */
export interface Notification {
  /** Name of the event being signalled, such as `notifications/progress`. */
  method: string;
  /** Method-specific payload; left open here so extensions can add their own fields. */

  params?: { [key: string]: any };
}

/**
 * Base of every successful result. Specific results add their own fields; unknown extra
 * fields are allowed.
 *
 * @category Common Types
 */
export interface Result {
  /**
   * Extra metadata attached to this result. The key names follow MCP's `_meta` rules,
   * which set some prefixes aside for the protocol itself.
   */
  _meta?: { [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * The `error` member of a failed JSON-RPC response.
 *
 * @category Common Types
 */
export interface Error {
  /**
   * Integer identifying the kind of failure, e.g. {@link METHOD_NOT_FOUND} or
   * {@link INVALID_PARAMS}.
   *
   * @TJS-type integer
   */
  code: number;
  /**
   * Brief human-readable explanation of the failure, ideally one sentence.
   */
  message: string;
  /**
   * Optional extra detail whose shape is up to the sender, for instance nested errors or
   * diagnostic context.
   */
  data?: unknown;
}

/**
 * Identifier a requester attaches to a request; the matching response carries the same
 * value. It must not be reused for another request within the same session.
 *
 * @category Common Types
 * @TJS-type ["string", "integer"]
 */
export type RequestId = string | number;

/**
 * A JSON-RPC request: it carries an `id` and must be answered with exactly one response.
 *
 * @category JSON-RPC
 */
export interface JSONRPCRequest extends Request {
  /** Always `"2.0"`. */
  jsonrpc: typeof JSONRPC_VERSION;
  /** Identifier the response will echo back. */
  id: RequestId;
}

/**
 * A JSON-RPC notification: a one-way message with no `id`, which the receiver never answers.
 *
 * @category JSON-RPC
 */
export interface JSONRPCNotification extends Notification {
  /** Always `"2.0"`. */
  jsonrpc: typeof JSONRPC_VERSION;
}

/**
 * A JSON-RPC response reporting that a request succeeded.
 *
 * @category JSON-RPC
 */
export interface JSONRPCResultResponse {
  /** Always `"2.0"`. */
  jsonrpc: typeof JSONRPC_VERSION;
  /** The `id` of the request being answered. */
  id: RequestId;
  /** The method-specific outcome. */
  result: Result;
}

/**
 * A JSON-RPC response reporting that a request failed.
 *
 * @category JSON-RPC
 */
export interface JSONRPCErrorResponse {
  /** Always `"2.0"`. */
  jsonrpc: typeof JSONRPC_VERSION;
  /**
   * The `id` of the failed request. It may be missing when the request's id could not be
   * determined, for example because the message could not be parsed.
   */
  id?: RequestId;
  /** What went wrong. */
  error: Error;
}

/**
 * Either kind of reply to a request: a result or an error.
 *
 * @category JSON-RPC
 */
export type JSONRPCResponse = JSONRPCResultResponse | JSONRPCErrorResponse;

// Error codes defined by JSON-RPC 2.0 itself.
/** The receiver could not parse the message as JSON. */
export const PARSE_ERROR = -32700;
/** The message is JSON but not a valid JSON-RPC request. */
export const INVALID_REQUEST = -32600;
/** The requested method does not exist or is not offered. */
export const METHOD_NOT_FOUND = -32601;
/** The method exists but its parameters are wrong. */
export const INVALID_PARAMS = -32602;
/** The receiver hit an unexpected failure while handling the request. */
export const INTERNAL_ERROR = -32603;

// MCP-specific codes, taken from the implementation-defined range -32000 to -32099.
/**
 * Error code meaning the request cannot proceed until the user completes one or more
 * URL-mode elicitations.
 *
 * @internal
 */
export const URL_ELICITATION_REQUIRED = -32042;

/**
 * Error response a server returns when it needs the user to visit one or more URLs
 * (URL-mode elicitation) before it can handle the request. The pending elicitations are
 * listed in `error.data.elicitations`.
 *
 * @internal
 * @category Elicitation
 */
export interface URLElicitationRequiredError extends Omit<JSONRPCErrorResponse, "error"> {
  /** An error whose code is {@link URL_ELICITATION_REQUIRED}. */
  error: Error & {
    /** Always {@link URL_ELICITATION_REQUIRED} (-32042). */
    code: typeof URL_ELICITATION_REQUIRED;
    /** Details of what the user must do; further keys are allowed. */
    data: {
      /** The URL-mode elicitations the user has to complete first. */
      elicitations: ElicitRequestURLParams[];
      [key: string]: unknown;
    };
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Empty result                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * A result with no content of its own, used where success is the only thing to report.
 *
 * @category Common Types
 */
export type EmptyResult = Result;

/* ------------------------------------------------------------------------------------------ */
/* Cancellation                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * Payload of `notifications/cancelled`.
 *
 * @category Utilities
 */
export interface CancelledNotificationParams extends NotificationParams {
  /**
   * Id of the request being abandoned; it must be a request this same side sent earlier.
   * Required when cancelling an ordinary request. Tasks are not cancelled this way: use
   * `tasks/cancel` for them.
   */
  requestId?: RequestId;

  /**
   * Optional free-text explanation, which the receiver may log or show.
   */
  reason?: string;
}

/**
 * Sent by either party to abandon a request it issued earlier. The receiver should stop
 * work on it, since the result will be ignored. Because messages cross in flight, the
 * request may already have completed when this arrives. The `initialize` request can never
 * be cancelled, and tasks are cancelled with `tasks/cancel` instead.
 *
 * Spec page: [Cancellation](/specification/2025-11-25/basic/utilities/cancellation).
 *
 * @category Utilities
 */
export interface CancelledNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/cancelled";
  /** Which request is cancelled, and why. */
  params: CancelledNotificationParams;
}

/* ------------------------------------------------------------------------------------------ */
/* Initialization                                                                               */
/* ------------------------------------------------------------------------------------------ */

/**
 * Payload of the `initialize` request.
 *
 * @category Lifecycle
 */
export interface InitializeRequestParams extends RequestParams {
  /**
   * The newest protocol revision this client can speak. The client may be able to fall
   * back to earlier revisions too.
   */
  protocolVersion: string;
  /** Optional protocol features the client offers. */
  capabilities: ClientCapabilities;
  /** Name, version and other details of the client software. */
  clientInfo: Implementation;
}

/**
 * The first request of every session, sent by the client to start the handshake: it
 * proposes a protocol revision and announces the client's capabilities.
 *
 * Spec page: [Lifecycle](/specification/2025-11-25/basic/lifecycle).
 *
 * @category Lifecycle
 */
export interface InitializeRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "initialize";
  /** The client's proposal. */
  params: InitializeRequestParams;
}

/**
 * The server's answer to `initialize`, settling the revision and announcing what the
 * server offers.
 *
 * @category Lifecycle
 */
export interface InitializeResult extends Result {
  /**
   * The revision the server picked for this session, which can differ from the one the
   * client proposed. A client that does not support it has to disconnect.
   */
  protocolVersion: string;
  /** Optional protocol features the server offers. */
  capabilities: ServerCapabilities;
  /** Name, version and other details of the server software. */
  serverInfo: Implementation;

  /**
   * Optional guidance on how to make good use of this server, meant to help the model;
   * a client might, for instance, add it to the system prompt.
   */
  instructions?: string;
}

/**
 * Sent by the client once it has processed the {@link InitializeResult}, to tell the
 * server that the handshake is over and normal traffic can begin.
 *
 * @category Lifecycle
 */
export interface InitializedNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/initialized";
  /** Carries nothing beyond optional `_meta`. */
  params?: NotificationParams;
}

/**
 * Optional features a client announces in `initialize`. The standard ones are listed here;
 * clients may add further, non-standard keys.
 *
 * @category Lifecycle
 */
export interface ClientCapabilities {
  /** Non-standard features the client offers, keyed by feature name. */
  experimental?: { [key: string]: object };
  /**
   * Set when the client can report filesystem roots via `roots/list`.
   */
  roots?: {
    /**
     * True when the client sends `notifications/roots/list_changed` after its roots change.
     */
    listChanged?: boolean;
  };
  /**
   * Set when the client lets servers request LLM completions via `sampling/createMessage`.
   */
  sampling?: {
    /**
     * Set when the client honours `includeContext`. Without it, servers should leave
     * `includeContext` out or set it to `"none"`.
     */
    context?: object;
    /**
     * Set when the client accepts `tools` and `toolChoice` in sampling requests.
     */
    tools?: object;
  };
  /**
   * Set when the client lets servers ask the user for input via `elicitation/create`; the
   * sub-keys name the supported modes.
   */
  elicitation?: {
    /** Set when the client supports form-mode elicitation. */
    form?: object;
    /** Set when the client supports URL-mode elicitation. */
    url?: object;
  };

  /**
   * Set when the client can run some requests as tasks.
   */
  tasks?: {
    /**
     * Set when the client answers `tasks/list`.
     */
    list?: object;
    /**
     * Set when the client answers `tasks/cancel`.
     */
    cancel?: object;
    /**
     * The server-to-client request types the client accepts with a `task` parameter.
     */
    requests?: {
      /**
       * Task support for sampling.
       */
      sampling?: {
        /**
         * Set when `sampling/createMessage` may be run as a task.
         */
        createMessage?: object;
      };
      /**
       * Task support for elicitation.
       */
      elicitation?: {
        /**
         * Set when `elicitation/create` may be run as a task.
         */
        create?: object;
      };
    };
  };
}

/**
 * Optional features a server announces in its {@link InitializeResult}. The standard ones
 * are listed here; servers may add further, non-standard keys.
 *
 * @category Lifecycle
 */
export interface ServerCapabilities {
  /** Non-standard features the server offers, keyed by feature name. */
  experimental?: { [key: string]: object };
  /**
   * Set when the server can emit log records via `notifications/message`.
   */
  logging?: object;
  /**
   * Set when the server answers `completion/complete`.
   */
  completions?: object;
  /**
   * Set when the server exposes prompts.
   */
  prompts?: {
    /**
     * True when the server sends `notifications/prompts/list_changed`.
     */
    listChanged?: boolean;
  };
  /**
   * Set when the server exposes resources.
   */
  resources?: {
    /**
     * True when clients may call `resources/subscribe` to watch a resource.
     */
    subscribe?: boolean;
    /**
     * True when the server sends `notifications/resources/list_changed`.
     */
    listChanged?: boolean;
  };
  /**
   * Set when the server exposes tools.
   */
  tools?: {
    /**
     * True when the server sends `notifications/tools/list_changed`.
     */
    listChanged?: boolean;
  };
  /**
   * Set when the server can run some requests as tasks.
   */
  tasks?: {
    /**
     * Set when the server answers `tasks/list`.
     */
    list?: object;
    /**
     * Set when the server answers `tasks/cancel`.
     */
    cancel?: object;
    /**
     * The client-to-server request types the server accepts with a `task` parameter.
     */
    requests?: {
      /**
       * Task support for tools.
       */
      tools?: {
        /**
         * Set when `tools/call` may be run as a task.
         */
        call?: object;
      };
    };
  };
}

/**
 * An image a user interface may show for a server, tool, prompt or resource, optionally
 * tagged with the sizes and theme it suits.
 *
 * @category Common Types
 */
export interface Icon {
  /**
   * Where to load the image from: an HTTP(S) URL or a `data:` URI holding base64 data.
   * Consumers should only fetch from the peer's own origin or another trusted one, and
   * should treat SVG with care since it can embed scripts.
   *
   * @format uri
   */
  src: string;

  /**
   * MIME type to assume for the image, useful when the source reports none or only a
   * generic one (e.g. `image/png`, `image/svg+xml`).
   */
  mimeType?: string;

  /**
   * Sizes the image is suited for, each written `WxH` (such as `"48x48"`) or `"any"` for
   * scalable images. When omitted, the icon may be used at any size.
   */
  sizes?: string[];

  /**
   * Background the icon was drawn for: `light` or `dark`. When omitted, it suits both.
   */
  theme?: "light" | "dark";
}

/**
 * Mixin that gives an object an optional list of icons.
 *
 * @internal
 * @category Common Types
 */
export interface Icons {
  /**
   * Icons a client may render for this object. Clients that render icons must handle PNG
   * and JPEG, and ideally SVG and WebP as well.
   */
  icons?: Icon[];
}

/**
 * Mixin for objects that have a machine-facing `name` and an optional display `title`.
 *
 * @internal
 * @category Common Types
 */
export interface BaseMetadata {
  /**
   * Stable identifier for programmatic use. Also shown to people when no `title` is given.
   */
  name: string;

  /**
   * Friendly label for display to end users. When absent, display `name` instead; for a
   * {@link Tool}, prefer `annotations.title` over `name`.
   */
  title?: string;
}

/**
 * Identifies a piece of MCP software (a client or a server) and its version.
 *
 * @category Lifecycle
 */
export interface Implementation extends BaseMetadata, Icons {
  /** Version string of the software. */
  version: string;

  /**
   * Optional short account of what the software is for, such as the kind of tools a
   * server provides or the purpose of a client.
   */
  description?: string;

  /**
   * Optional home page of the software.
   *
   * @format uri
   */
  websiteUrl?: string;
}

/* ------------------------------------------------------------------------------------------ */
/* Ping                                                                                         */
/* ------------------------------------------------------------------------------------------ */

/**
 * Liveness check that either side may send at any time. The receiver has to answer
 * quickly with an empty result; a peer that stays silent may be treated as gone.
 *
 * Spec page: [Ping](/specification/2025-11-25/basic/utilities/ping).
 *
 * @category Utilities
 */
export interface PingRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "ping";
  /** Carries nothing beyond optional `_meta`. */
  params?: RequestParams;
}

/* ------------------------------------------------------------------------------------------ */
/* Progress notifications                                                                       */
/* ------------------------------------------------------------------------------------------ */

/**
 * Payload of `notifications/progress`.
 *
 * @category Utilities
 */
export interface ProgressNotificationParams extends NotificationParams {
  /**
   * The token from the `_meta.progressToken` of the request being reported on.
   */
  progressToken: ProgressToken;
  /**
   * Work done so far. It must grow with each notification, whether or not a total is known.
   */
  progress: number;
  /**
   * Amount of work expected in all, when the sender knows it.
   */
  total?: number;
  /**
   * Optional human-readable status line.
   */
  message?: string;
}

/**
 * Reports how far a long-running request has got. Sent only for requests that supplied a
 * progress token, and only until that request (or the task it started) has finished.
 *
 * Spec page: [Progress](/specification/2025-11-25/basic/utilities/progress).
 *
 * @category Utilities
 */
export interface ProgressNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/progress";
  /** The progress update. */
  params: ProgressNotificationParams;
}

/* ------------------------------------------------------------------------------------------ */
/* Pagination                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/**
 * Parameters shared by list requests that return results page by page.
 *
 * @internal
 * @category Utilities
 */
export interface PaginatedRequestParams extends RequestParams {
  /**
   * The `nextCursor` from the previous page. Leave it out to get the first page.
   */
  cursor?: Cursor;
}

/**
 * Base of every list request that returns results page by page.
 *
 * @internal
 * @category Utilities
 */
export interface PaginatedRequest extends JSONRPCRequest {
  /** Optional cursor selecting the page. */
  params?: PaginatedRequestParams;
}

/**
 * Base of every result that is one page of a longer list.
 *
 * @internal
 * @category Utilities
 */
export interface PaginatedResult extends Result {
  /**
   * Cursor for the following page. Its absence means this is the last page.
   */
  nextCursor?: Cursor;
}

/* ------------------------------------------------------------------------------------------ */
/* Resources                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/**
 * Client request for the resources a server exposes, one page at a time.
 *
 * Spec page: [Resources](/specification/2025-11-25/server/resources).
 *
 * @category Resources
 */
export interface ListResourcesRequest extends PaginatedRequest {
  /** Fixed method name. */
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
 * Client request for the parameterised resource templates a server exposes, one page at
 * a time.
 *
 * @category Resources
 */
export interface ListResourceTemplatesRequest extends PaginatedRequest {
  /** Fixed method name. */
  method: "resources/templates/list";
}

/**
 * One page of the server's resource templates, answering `resources/templates/list`.
 *
 * @category Resources
 */
export interface ListResourceTemplatesResult extends PaginatedResult {
  /** The templates on this page. */
  resourceTemplates: ResourceTemplate[];
}

/**
 * Parameters shared by requests that target one resource by URI.
 *
 * @internal
 * @category Resources
 */
export interface ResourceRequestParams extends RequestParams {
  /**
   * The resource's URI. Any scheme is allowed; what it points to is up to the server.
   *
   * @format uri
   */
  uri: string;
}

/**
 * Payload of `resources/read`.
 *
 * @category Resources
 */

export interface ReadResourceRequestParams extends ResourceRequestParams {}

/**
 * Client request for the current contents of one resource.
 *
 * @category Resources
 */
export interface ReadResourceRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "resources/read";
  /** Which resource to read. */
  params: ReadResourceRequestParams;
}

/**
 * The contents returned for `resources/read`.
 *
 * @category Resources
 */
export interface ReadResourceResult extends Result {
  /**
   * One or more content items: the resource itself and, for composite resources, its parts.
   */
  contents: (TextResourceContents | BlobResourceContents)[];
}

/**
 * Tells the client that the set of available resources has changed, so it may want to
 * list them again. Servers may send it without any prior subscription, provided they
 * declared `resources.listChanged`.
 *
 * @category Resources
 */
export interface ResourceListChangedNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/resources/list_changed";
  /** Carries nothing beyond optional `_meta`. */
  params?: NotificationParams;
}

/**
 * Payload of `resources/subscribe`.
 *
 * @category Resources
 */

export interface SubscribeRequestParams extends ResourceRequestParams {}

/**
 * Client request to be told, through `notifications/resources/updated`, whenever the given
 * resource changes. Only valid when the server declared `resources.subscribe`.
 *
 * @category Resources
 */
export interface SubscribeRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "resources/subscribe";
  /** Which resource to watch. */
  params: SubscribeRequestParams;
}

/**
 * Payload of `resources/unsubscribe`.
 *
 * @category Resources
 */

export interface UnsubscribeRequestParams extends ResourceRequestParams {}

/**
 * Client request to stop the update notifications set up by an earlier `resources/subscribe`.
 *
 * @category Resources
 */
export interface UnsubscribeRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "resources/unsubscribe";
  /** Which resource to stop watching. */
  params: UnsubscribeRequestParams;
}

/**
 * Payload of `notifications/resources/updated`.
 *
 * @category Resources
 */
export interface ResourceUpdatedNotificationParams extends NotificationParams {
  /**
   * URI of the resource that changed. It may lie beneath the URI the client subscribed to.
   *
   * @format uri
   */
  uri: string;
}

/**
 * Tells a subscribed client that a resource has changed and is worth reading again. Sent
 * only for resources the client subscribed to with `resources/subscribe`.
 *
 * @category Resources
 */
export interface ResourceUpdatedNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/resources/updated";
  /** Which resource changed. */
  params: ResourceUpdatedNotificationParams;
}

/**
 * Describes a resource the server can provide, as listed by `resources/list`.
 *
 * @category Resources
 */
export interface Resource extends BaseMetadata, Icons {
  /**
   * Unique URI of the resource.
   *
   * @format uri
   */
  uri: string;

  /**
   * What the resource contains. Clients may pass it to the model to help it decide when
   * the resource is relevant.
   */
  description?: string;

  /**
   * MIME type of the contents, when known.
   */
  mimeType?: string;

  /**
   * Optional hints about audience, importance and freshness.
   */
  annotations?: Annotations;

  /**
   * Byte length of the raw contents (before any base64 encoding or tokenisation), when
   * known. Hosts may show it or use it to estimate context usage.
   *
   * @TJS-type integer
   */
  size?: number;

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * Describes a family of resources addressed by a URI template, as listed by
 * `resources/templates/list`.
 *
 * @category Resources
 */
export interface ResourceTemplate extends BaseMetadata, Icons {
  /**
   * RFC 6570 URI template; filling in its variables yields the URI of a concrete resource.
   *
   * @format uri-template
   */
  uriTemplate: string;

  /**
   * What the resources produced by this template contain, usable as a hint for the model.
   */
  description?: string;

  /**
   * MIME type shared by every resource the template produces. Leave it out unless they
   * really all have the same type.
   */
  mimeType?: string;

  /**
   * Optional hints about audience, importance and freshness.
   */
  annotations?: Annotations;

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * Fields shared by every item of resource contents.
 *
 * @internal
 * @category Resources
 */
export interface ResourceContents {
  /**
   * URI of the resource (or part of a resource) these contents belong to.
   *
   * @format uri
   */
  uri: string;
  /**
   * MIME type of the contents, when known.
   */
  mimeType?: string;

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * Resource contents that are text.
 *
 * @category Content
 */
export interface TextResourceContents extends ResourceContents {
  /**
   * The contents as a string. Use this form only for data that really is text; binary
   * data goes in {@link BlobResourceContents}.
   */
  text: string;
}

/**
 * Resource contents that are binary.
 *
 * @category Content
 */
export interface BlobResourceContents extends ResourceContents {
  /**
   * The raw bytes, encoded as base64.
   *
   * @format byte
   */
  blob: string;
}

/* ------------------------------------------------------------------------------------------ */
/* Prompts                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/**
 * Client request for the prompts and prompt templates a server offers, one page at a time.
 *
 * Spec page: [Prompts](/specification/2025-11-25/server/prompts).
 *
 * @category Prompts
 */
export interface ListPromptsRequest extends PaginatedRequest {
  /** Fixed method name. */
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
 * Payload of `prompts/get`.
 *
 * @category Prompts
 */
export interface GetPromptRequestParams extends RequestParams {
  /**
   * Name of the prompt to fetch, as given in its {@link Prompt} entry.
   */
  name: string;
  /**
   * Values for the prompt's template arguments, keyed by argument name.
   */
  arguments?: { [key: string]: string };
}

/**
 * Client request to render one of the server's prompts, filling in any arguments.
 *
 * @category Prompts
 */
export interface GetPromptRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "prompts/get";
  /** Which prompt, and its argument values. */
  params: GetPromptRequestParams;
}

/**
 * The rendered prompt returned for `prompts/get`.
 *
 * @category Prompts
 */
export interface GetPromptResult extends Result {
  /**
   * Optional summary of the rendered prompt.
   */
  description?: string;
  /** The messages that make up the prompt, in order. */
  messages: PromptMessage[];
}

/**
 * Describes a prompt or prompt template the server offers, as listed by `prompts/list`.
 *
 * @category Prompts
 */
export interface Prompt extends BaseMetadata, Icons {
  /**
   * Optional explanation of what the prompt is for.
   */
  description?: string;

  /**
   * The template arguments the prompt accepts, if any.
   */
  arguments?: PromptArgument[];

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * Declares one argument a prompt template takes.
 *
 * @category Prompts
 */
export interface PromptArgument extends BaseMetadata {
  /**
   * Optional explanation of the argument, for people.
   */
  description?: string;
  /**
   * True when `prompts/get` must supply a value for this argument.
   */
  required?: boolean;
}

/**
 * Which side of a conversation a message or piece of content belongs to.
 *
 * @category Common Types
 */
export type Role = "user" | "assistant";

/**
 * A single message within a rendered prompt. Unlike {@link SamplingMessage}, its content
 * may also be a resource link or an embedded resource.
 *
 * @category Prompts
 */
export interface PromptMessage {
  /** Who the message is attributed to. */
  role: Role;
  /** The message body. */
  content: ContentBlock;
}

/**
 * A pointer to a resource, placed in a prompt or tool result instead of the resource's
 * contents. The linked resource need not appear in `resources/list`.
 *
 * @category Content
 */
export interface ResourceLink extends Resource {
  /** Discriminator for this content kind. */
  type: "resource_link";
}

/**
 * A resource whose contents are included inline in a prompt or tool result. The client
 * decides how to present it to the model or the user.
 *
 * @category Content
 */
export interface EmbeddedResource {
  /** Discriminator for this content kind. */
  type: "resource";
  /** The included contents, either text or binary. */
  resource: TextResourceContents | BlobResourceContents;

  /**
   * Optional hints about audience, importance and freshness.
   */
  annotations?: Annotations;

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}
/**
 * Tells the client that the set of available prompts has changed, so it may want to list
 * them again. Servers may send it without any prior subscription, provided they declared
 * `prompts.listChanged`.
 *
 * @category Prompts
 */
export interface PromptListChangedNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/prompts/list_changed";
  /** Carries nothing beyond optional `_meta`. */
  params?: NotificationParams;
}

/* ------------------------------------------------------------------------------------------ */
/* Tools                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * Client request for the tools a server offers, one page at a time.
 *
 * Spec page: [Tools](/specification/2025-11-25/server/tools).
 *
 * @category Tools
 */
export interface ListToolsRequest extends PaginatedRequest {
  /** Fixed method name. */
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
 * The outcome of a `tools/call`.
 *
 * @category Tools
 */
export interface CallToolResult extends Result {
  /**
   * The tool's output as content blocks (text, images, audio, resources).
   */
  content: ContentBlock[];

  /**
   * The tool's output as a JSON object. When the tool declares an `outputSchema`, this
   * object has to conform to it.
   */
  structuredContent?: { [key: string]: unknown };

  /**
   * True when the tool ran but failed; absent or false means success. Failures inside the
   * tool belong here, with details in `content`, so the model can see them and recover.
   * Protocol problems, such as an unknown tool name, are reported as JSON-RPC errors instead.
   */
  isError?: boolean;
}

/**
 * Payload of `tools/call`.
 *
 * @category Tools
 */
export interface CallToolRequestParams extends TaskAugmentedRequestParams {
  /**
   * Name of the tool to run, as given in its {@link Tool} entry.
   */
  name: string;
  /**
   * Input for the tool, expected to match its `inputSchema`.
   */
  arguments?: { [key: string]: unknown };
}

/**
 * Client request to run one of the server's tools.
 *
 * @category Tools
 */
export interface CallToolRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "tools/call";
  /** Which tool, and its input. */
  params: CallToolRequestParams;
}

/**
 * Tells the client that the set of available tools has changed, so it may want to list
 * them again. Servers may send it without any prior subscription, provided they declared
 * `tools.listChanged`.
 *
 * @category Tools
 */
export interface ToolListChangedNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/tools/list_changed";
  /** Carries nothing beyond optional `_meta`. */
  params?: NotificationParams;
}

/**
 * Self-described traits of a tool. Every field is only a hint from the server and may be
 * wrong, so clients must not base safety decisions on annotations from servers they do
 * not trust.
 *
 * @category Tools
 */
export interface ToolAnnotations {
  /**
   * Display name for the tool.
   */
  title?: string;

  /**
   * True when the tool only reads and never changes anything. Assumed false when absent.
   */
  readOnlyHint?: boolean;

  /**
   * For tools that are not read-only: true when the tool may delete or overwrite things,
   * false when it only adds. Assumed true when absent.
   */
  destructiveHint?: boolean;

  /**
   * For tools that are not read-only: true when repeating a call with identical arguments
   * changes nothing further. Assumed false when absent.
   */
  idempotentHint?: boolean;

  /**
   * True when the tool reaches out to an open-ended set of outside systems (a web search,
   * say), false when it acts only within a closed domain. Assumed true when absent.
   */
  openWorldHint?: boolean;
}

/**
 * How a tool may be run.
 *
 * @category Tools
 */
export interface ToolExecution {
  /**
   * Whether `tools/call` for this tool may be run as a task: `"forbidden"` (never, the
   * value assumed when absent), `"optional"` (the caller chooses) or `"required"` (it must
   * be called as a task).
   */
  taskSupport?: "forbidden" | "optional" | "required";
}

/**
 * Describes a tool the server lets clients call, as listed by `tools/list`.
 *
 * @category Tools
 */
export interface Tool extends BaseMetadata, Icons {
  /**
   * What the tool does and when to use it. Clients may pass it to the model as guidance.
   */
  description?: string;

  /**
   * JSON Schema for the tool's `arguments`. Its root must describe an object.
   */
  inputSchema: {
    /** Dialect of the schema; JSON Schema 2020-12 when omitted. */
    $schema?: string;
    /** Always `"object"`. */
    type: "object";
    /** Schema of each argument, keyed by argument name. */
    properties?: { [key: string]: object };
    /** Names of the arguments that must be supplied. */
    required?: string[];
  };

  /**
   * How this tool may be run, including whether it supports tasks.
   */
  execution?: ToolExecution;

  /**
   * Optional JSON Schema for the `structuredContent` of a {@link CallToolResult}. JSON
   * Schema 2020-12 applies unless `$schema` says otherwise, and the root must describe an
   * object.
   */
  outputSchema?: {
    /** Dialect of the schema; JSON Schema 2020-12 when omitted. */
    $schema?: string;
    /** Always `"object"`. */
    type: "object";
    /** Schema of each output field, keyed by field name. */
    properties?: { [key: string]: object };
    /** Names of the output fields that are always present. */
    required?: string[];
  };

  /**
   * Optional behavioural hints. For display, use `title` first, then `annotations.title`,
   * then `name`.
   */
  annotations?: ToolAnnotations;

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/* ------------------------------------------------------------------------------------------ */
/* Tasks                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * Where a task is in its lifecycle. `working` and `input_required` are live states;
 * `completed`, `failed` and `cancelled` are terminal.
 *
 * - `working`: still being processed.
 * - `input_required`: paused until the requestor answers something, such as an
 *   elicitation or sampling request.
 * - `completed`: finished successfully; the result can be fetched.
 * - `failed`: finished without success. A tool call whose result has `isError: true`
 *   also ends up here.
 * - `cancelled`: stopped before it could finish.
 *
 * Spec page: [Tasks](/specification/2025-11-25/basic/utilities/tasks).
 *
 * @category Tasks
 */
export type TaskStatus = "working" | "input_required" | "completed" | "failed" | "cancelled";

/**
 * Put in the `task` field of a request's params to ask for the request to be run as a
 * task.
 *
 * @category Tasks
 */
export interface TaskMetadata {
  /**
   * How long, in milliseconds from creation, the requestor would like the task and its
   * result kept. The receiver may choose a different value.
   *
   * @TJS-type integer
   */
  ttl?: number;
}

/**
 * Links a message to a task. It travels in `_meta` under the key
 * `io.modelcontextprotocol/related-task`.
 *
 * @category Tasks
 */
export interface RelatedTaskMetadata {
  /**
   * Id of the task the message belongs to.
   */
  taskId: string;
}

/**
 * The state of one task, as reported by the receiver that runs it.
 *
 * @category Tasks
 */
export interface Task {
  /**
   * Identifier the receiver assigned to the task.
   */
  taskId: string;

  /**
   * Lifecycle state at the time of reporting.
   */
  status: TaskStatus;

  /**
   * Optional human-readable remark on the current state, for instance why it was
   * cancelled, a summary of what was done, or what went wrong.
   */
  statusMessage?: string;

  /**
   * When the task was created, as an ISO 8601 timestamp.
   */
  createdAt: string;

  /**
   * When the task last changed, as an ISO 8601 timestamp.
   */
  lastUpdatedAt: string;

  /**
   * Retention period the receiver actually applies, in milliseconds from creation; `null`
   * means the task is kept indefinitely.
   *
   * @nullable
   * @TJS-type ["integer", "null"]
   */
  ttl: number | null;

  /**
   * Suggested wait, in milliseconds, between status polls.
   *
   * @TJS-type integer
   */
  pollInterval?: number;
}

/**
 * The immediate answer to a request that was run as a task: it describes the new task
 * instead of carrying the request's real result.
 *
 * @category Tasks
 */
export interface CreateTaskResult extends Result {
  /** The task just created. */
  task: Task;
}

/**
 * Asks for the current state of a task.
 *
 * @category Tasks
 */
export interface GetTaskRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "tasks/get";
  /** Which task to look up. */
  params: {
    /**
     * Id of the task.
     */
    taskId: string;
  };
}

/**
 * The task's state, answering `tasks/get`.
 *
 * @category Tasks
 */
export type GetTaskResult = Result & Task;

/**
 * Asks for the final result of a task. If the task has not finished yet, the receiver
 * holds the answer until it does.
 *
 * @category Tasks
 */
export interface GetTaskPayloadRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "tasks/result";
  /** Which task's result to fetch. */
  params: {
    /**
     * Id of the task.
     */
    taskId: string;
  };
}

/**
 * Answer to `tasks/result`: whatever result the original request would have produced,
 * such as a {@link CallToolResult} for a task started by `tools/call`.
 *
 * @category Tasks
 */
export interface GetTaskPayloadResult extends Result {
  [key: string]: unknown;
}

/**
 * Asks the receiver to cancel a task that has not yet finished.
 *
 * @category Tasks
 */
export interface CancelTaskRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "tasks/cancel";
  /** Which task to cancel. */
  params: {
    /**
     * Id of the task.
     */
    taskId: string;
  };
}

/**
 * The task's state after cancellation, answering `tasks/cancel`.
 *
 * @category Tasks
 */
export type CancelTaskResult = Result & Task;

/**
 * Asks for the tasks the receiver knows about for this requestor, one page at a time.
 *
 * @category Tasks
 */
export interface ListTasksRequest extends PaginatedRequest {
  /** Fixed method name. */
  method: "tasks/list";
}

/**
 * One page of tasks, answering `tasks/list`.
 *
 * @category Tasks
 */
export interface ListTasksResult extends PaginatedResult {
  /** The tasks on this page. */
  tasks: Task[];
}

/**
 * Payload of `notifications/tasks/status`: the task's full current state.
 *
 * @category Tasks
 */
export type TaskStatusNotificationParams = NotificationParams & Task;

/**
 * Optionally sent by the party running a task to tell the requestor that the task's
 * status changed. Requestors cannot rely on receiving it and may poll with `tasks/get`.
 *
 * @category Tasks
 */
export interface TaskStatusNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/tasks/status";
  /** The task's new state. */
  params: TaskStatusNotificationParams;
}

/* ------------------------------------------------------------------------------------------ */
/* Logging                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/**
 * Payload of `logging/setLevel`.
 *
 * @category Logging
 */
export interface SetLevelRequestParams extends RequestParams {
  /**
   * Lowest severity the client wants to receive. The server should send records at this
   * level and every more severe one as `notifications/message`.
   */
  level: LoggingLevel;
}

/**
 * Client request that sets how much logging the server sends.
 *
 * Spec page: [Logging](/specification/2025-11-25/server/utilities/logging).
 *
 * @category Logging
 */
export interface SetLevelRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "logging/setLevel";
  /** The desired minimum level. */
  params: SetLevelRequestParams;
}

/**
 * Payload of `notifications/message`.
 *
 * @category Logging
 */
export interface LoggingMessageNotificationParams extends NotificationParams {
  /**
   * How severe the record is.
   */
  level: LoggingLevel;
  /**
   * Optional name of the component that produced the record.
   */
  logger?: string;
  /**
   * The record itself: a string, an object, or any other JSON value.
   */
  data: unknown;
}

/**
 * A log record sent from the server to the client. Until the client has sent
 * `logging/setLevel`, the server decides for itself which records to send.
 *
 * @category Logging
 */
export interface LoggingMessageNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/message";
  /** The log record. */
  params: LoggingMessageNotificationParams;
}

/**
 * Severity of a log record, from least to most severe. The levels are those of syslog
 * (RFC 5424).
 *
 * @category Logging
 */
export type LoggingLevel =
  "debug" | "info" | "notice" | "warning" | "error" | "critical" | "alert" | "emergency";

/* ------------------------------------------------------------------------------------------ */
/* Sampling                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/**
 * Payload of `sampling/createMessage`.
 *
 * @category Sampling
 */
export interface CreateMessageRequestParams extends TaskAugmentedRequestParams {
  /** The conversation so far, oldest message first. */
  messages: SamplingMessage[];
  /**
   * What the server values when a model is chosen. Purely advisory: the client may
   * disregard it.
   */
  modelPreferences?: ModelPreferences;
  /**
   * System prompt the server would like used. The client may change it or leave it out.
   */
  systemPrompt?: string;
  /**
   * Asks the client to add context from MCP servers to the prompt: `"none"` (the default),
   * `"thisServer"` (only the requesting server) or `"allServers"`. The last two are
   * discouraged and may disappear later; servers should use them only when the client
   * declared `sampling.context`. The client may ignore this field.
   */
  includeContext?: "none" | "thisServer" | "allServers";
  /**
   * Sampling temperature to request from the model.
   */
  temperature?: number;
  /**
   * Upper bound on the number of tokens to generate, to keep output from running on. The
   * client may generate fewer.
   *
   * @TJS-type integer
   */
  maxTokens: number;
  /** Strings that end generation when the model produces them. */
  stopSequences?: string[];
  /**
   * Opaque, provider-specific options to hand to the LLM provider as they are.
   */
  metadata?: object;
  /**
   * Tools the model may call while generating. A client that did not declare
   * `sampling.tools` must reject a request that sets this field.
   */
  tools?: Tool[];
  /**
   * How the model should use the offered tools; `{ mode: "auto" }` when omitted. A client
   * that did not declare `sampling.tools` must reject a request that sets this field.
   */
  toolChoice?: ToolChoice;
}

/**
 * Steers whether the model uses tools during sampling.
 *
 * @category Sampling
 */
export interface ToolChoice {
  /**
   * `"auto"` (default): the model decides. `"required"`: the model has to call at least one
   * tool before it finishes. `"none"`: the model must not call any tool.
   */
  mode?: "auto" | "required" | "none";
}

/**
 * Server request asking the client to run an LLM completion on its behalf. The client
 * picks the model and should let the user review, and approve or refuse, the request.
 *
 * Spec page: [Sampling](/specification/2025-11-25/client/sampling).
 *
 * @category Sampling
 */
export interface CreateMessageRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "sampling/createMessage";
  /** The prompt and generation settings. */
  params: CreateMessageRequestParams;
}

/**
 * The message the client's model produced for `sampling/createMessage`. The client should
 * let the user review it, and decide whether the server gets to see it, before replying.
 *
 * @category Sampling
 */
export interface CreateMessageResult extends Result, SamplingMessage {
  /**
   * Name of the model that actually produced the message.
   */
  model: string;

  /**
   * Why generation ended, if known. The standard values are `"endTurn"` (the model finished
   * its turn), `"stopSequence"` (a stop sequence was hit), `"maxTokens"` (the token limit
   * was reached) and `"toolUse"` (the model wants tools run). Providers may report other
   * strings too.
   */
  stopReason?: "endTurn" | "stopSequence" | "maxTokens" | "toolUse" | string;
}

/**
 * One turn of a conversation exchanged with the model during sampling.
 *
 * @category Sampling
 */
export interface SamplingMessage {
  /** Who produced the turn. */
  role: Role;
  /** The turn's content: one block, or several in order. */
  content: SamplingMessageContentBlock | SamplingMessageContentBlock[];
  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * Content allowed in a sampling message: text, image, audio, or a tool call and its
 * result.
 *
 * @category Sampling
 */
export type SamplingMessageContentBlock =
  TextContent | ImageContent | AudioContent | ToolUseContent | ToolResultContent;

/**
 * Hints that tell the client how content is meant to be used or shown.
 *
 * @category Common Types
 */
export interface Annotations {
  /**
   * Who the content is for: the user, the model, or both (e.g. `["user", "assistant"]`).
   */
  audience?: Role[];

  /**
   * Importance of the content, from 0 (may safely be left out) to 1 (essential).
   *
   * @minimum 0
   * @maximum 1
   */
  priority?: number;

  /**
   * When the underlying data last changed, as an ISO 8601 timestamp such as
   * `"2025-01-12T15:00:58Z"`; for example the last edit of an open file.
   */
  lastModified?: string;
}

/**
 * Content allowed in prompt messages and tool results: text, image, audio, a resource
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
  /** Discriminator for this content kind. */
  type: "text";

  /**
   * The text itself.
   */
  text: string;

  /**
   * Optional hints about audience, importance and freshness.
   */
  annotations?: Annotations;

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * An image exchanged with a model.
 *
 * @category Content
 */
export interface ImageContent {
  /** Discriminator for this content kind. */
  type: "image";

  /**
   * The image bytes, encoded as base64.
   *
   * @format byte
   */
  data: string;

  /**
   * MIME type of the image; which types are accepted depends on the model provider.
   */
  mimeType: string;

  /**
   * Optional hints about audience, importance and freshness.
   */
  annotations?: Annotations;

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * An audio clip exchanged with a model.
 *
 * @category Content
 */
export interface AudioContent {
  /** Discriminator for this content kind. */
  type: "audio";

  /**
   * The audio bytes, encoded as base64.
   *
   * @format byte
   */
  data: string;

  /**
   * MIME type of the audio; which types are accepted depends on the model provider.
   */
  mimeType: string;

  /**
   * Optional hints about audience, importance and freshness.
   */
  annotations?: Annotations;

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * The model's request, inside an assistant message, to have a tool run.
 *
 * @category Sampling
 */
export interface ToolUseContent {
  /** Discriminator for this content kind. */
  type: "tool_use";

  /**
   * Unique id for this call, quoted by the matching {@link ToolResultContent}.
   */
  id: string;

  /**
   * Name of the tool to run.
   */
  name: string;

  /**
   * Arguments for the tool, shaped by the tool's `inputSchema`.
   */
  input: { [key: string]: unknown };

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules. Clients should carry it over unchanged when
   * they resend this block in later sampling requests, so providers can reuse caches.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * The outcome of a tool call, returned to the model in a user message.
 *
 * @category Sampling
 */
export interface ToolResultContent {
  /** Discriminator for this content kind. */
  type: "tool_result";

  /**
   * The `id` of the {@link ToolUseContent} this answers; it has to match an earlier one.
   */
  toolUseId: string;

  /**
   * The tool's output as content blocks, in the same form as the `content` of a
   * {@link CallToolResult}.
   */
  content: ContentBlock[];

  /**
   * The tool's output as a JSON object, which should match the tool's `outputSchema` if
   * it has one.
   */
  structuredContent?: { [key: string]: unknown };

  /**
   * True when the tool call failed, in which case `content` usually explains the failure.
   * Assumed false when absent.
   */
  isError?: boolean;

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules. Clients should carry it over unchanged when
   * they resend this block in later sampling requests, so providers can reuse caches.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * What the server cares about when the client chooses a model for sampling. Models trade
 * off cost, speed and capability differently, so the server can weigh each of these and
 * name preferred models. All of it is advisory; the client interprets and balances it as
 * it sees fit, or ignores it.
 *
 * @category Sampling
 */
export interface ModelPreferences {
  /**
   * Model name hints, in order of preference; the client uses the first that matches.
   * Hints should outweigh the numeric priorities below, which may still break ties.
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
   * Weight given to low latency, from 0 (irrelevant) to 1 (decisive).
   *
   * @minimum 0
   * @maximum 1
   */
  speedPriority?: number;

  /**
   * Weight given to capability and reasoning strength, from 0 (irrelevant) to 1 (decisive).
   *
   * @minimum 0
   * @maximum 1
   */
  intelligencePriority?: number;
}

/**
 * A hint naming a model, or kind of model, the server would like. Keys other than `name`
 * have no defined meaning yet; clients may interpret them as they wish.
 *
 * @category Sampling
 */
export interface ModelHint {
  /**
   * Part of a model name to match: `sonnet`, for instance, matches any model whose name
   * contains it. A client may also map the hint to a comparable model from another
   * provider.
   */
  name?: string;
}

/* ------------------------------------------------------------------------------------------ */
/* Completion                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/**
 * Payload of `completion/complete`.
 *
 * @category Completion
 */
export interface CompleteRequestParams extends RequestParams {
  /** The prompt or resource template whose argument is being completed. */
  ref: PromptReference | ResourceTemplateReference;
  /**
   * The argument being completed and what has been typed so far.
   */
  argument: {
    /**
     * Name of the argument.
     */
    name: string;
    /**
     * The partial value to suggest completions for.
     */
    value: string;
  };

  /**
   * Optional extra information to help produce better suggestions.
   */
  context?: {
    /**
     * Values already chosen for other arguments of the same prompt or template.
     */
    arguments?: { [key: string]: string };
  };
}

/**
 * Client request for suggested values for a prompt or resource-template argument, for
 * example to drive autocompletion while the user types.
 *
 * Spec page: [Completion](/specification/2025-11-25/server/utilities/completion).
 *
 * @category Completion
 */
export interface CompleteRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "completion/complete";
  /** What to complete. */
  params: CompleteRequestParams;
}

/**
 * The suggestions returned for `completion/complete`.
 *
 * @category Completion
 */
export interface CompleteResult extends Result {
  /** The suggested values and how many more exist. */
  completion: {
    /**
     * Suggested values, best first; at most 100 of them.
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
 * Points at a resource template (or a resource) as the subject of a completion request.
 *
 * @category Completion
 */
export interface ResourceTemplateReference {
  /** Discriminator for this reference kind. */
  type: "ref/resource";
  /**
   * The resource URI, or the URI template, being referred to.
   *
   * @format uri-template
   */
  uri: string;
}

/**
 * Points at a prompt, by name, as the subject of a completion request.
 *
 * @category Completion
 */
export interface PromptReference extends BaseMetadata {
  /** Discriminator for this reference kind. */
  type: "ref/prompt";
}

/* ------------------------------------------------------------------------------------------ */
/* Roots                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * Server request for the client's roots: the directories or files the server is invited
 * to work within, such as the repositories open in the user's editor.
 *
 * Spec page: [Roots](/specification/2025-11-25/client/roots).
 *
 * @category Roots
 */
export interface ListRootsRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "roots/list";
  /** Carries nothing beyond optional `_meta`. */
  params?: RequestParams;
}

/**
 * The client's roots, answering `roots/list`.
 *
 * @category Roots
 */
export interface ListRootsResult extends Result {
  /** Every root the client currently exposes. */
  roots: Root[];
}

/**
 * A directory or file the client makes available for the server to work in.
 *
 * @category Roots
 */
export interface Root {
  /**
   * Location of the root. In this revision it has to be a `file://` URI; other schemes
   * may be permitted later.
   *
   * @format uri
   */
  uri: string;
  /**
   * Optional readable label for the root, for display or for referring to it elsewhere.
   */
  name?: string;

  /**
   * Extra metadata about this object, keyed according to MCP's `_meta` rules.
   */
  _meta?: { [key: string]: unknown };
}

/**
 * Sent by the client whenever it adds, removes or changes a root. The server is expected
 * to call `roots/list` again to get the new set.
 *
 * @category Roots
 */
export interface RootsListChangedNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/roots/list_changed";
  /** Carries nothing beyond optional `_meta`. */
  params?: NotificationParams;
}

/* ------------------------------------------------------------------------------------------ */
/* Elicitation                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/**
 * Payload of a form-mode `elicitation/create`: the client shows a form built from a flat
 * schema and returns what the user enters. Not to be used for sensitive data such as
 * passwords or tokens.
 *
 * @category Elicitation
 */
export interface ElicitRequestFormParams extends TaskAugmentedRequestParams {
  /**
   * Selects form mode. May be omitted, since form mode is the default.
   */
  mode?: "form";

  /**
   * Text shown to the user explaining what is being asked for.
   */
  message: string;

  /**
   * Shape of the answer: a flat object schema whose properties may only be primitive
   * (string, number, boolean or enum) fields, never nested objects.
   */
  requestedSchema: {
    /** Dialect of the schema; JSON Schema 2020-12 when omitted. */
    $schema?: string;
    /** Always `"object"`. */
    type: "object";
    /** The form fields, keyed by field name. */
    properties: {
      [key: string]: PrimitiveSchemaDefinition;
    };
    /** Names of the fields the user must fill in. */
    required?: string[];
  };
}

/**
 * Payload of a URL-mode `elicitation/create`: the client sends the user to an external
 * page, so the interaction (for example sign-in or payment) happens outside the client
 * and the data never passes through it.
 *
 * @category Elicitation
 */
export interface ElicitRequestURLParams extends TaskAugmentedRequestParams {
  /**
   * Selects URL mode.
   */
  mode: "url";

  /**
   * Text shown to the user explaining why they should open the URL.
   */
  message: string;

  /**
   * Server-chosen id of this elicitation, unique within the server and opaque to the
   * client. It links the request to the later `notifications/elicitation/complete`.
   */
  elicitationId: string;

  /**
   * The page the user should open.
   *
   * @format uri
   */
  url: string;
}

/**
 * Payload of `elicitation/create`, in form mode or URL mode.
 *
 * @category Elicitation
 */
export type ElicitRequestParams = ElicitRequestFormParams | ElicitRequestURLParams;

/**
 * Server request asking the client to obtain information from the user, either through
 * a form or by sending the user to a URL.
 *
 * Spec page: [Elicitation](/specification/2025-11-25/client/elicitation).
 *
 * @category Elicitation
 */
export interface ElicitRequest extends JSONRPCRequest {
  /** Fixed method name. */
  method: "elicitation/create";
  /** What to ask the user, and how. */
  params: ElicitRequestParams;
}

/**
 * Schema of one form field in form-mode elicitation. Only flat, primitive fields are
 * allowed: no objects and no arrays other than multi-select enums.
 *
 * @category Elicitation
 */
export type PrimitiveSchemaDefinition = StringSchema | NumberSchema | BooleanSchema | EnumSchema;

/**
 * A free-text form field.
 *
 * @category Elicitation
 */
export interface StringSchema {
  /** Always `"string"`. */
  type: "string";
  /** Label for the field. */
  title?: string;
  /** Help text for the field. */
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
  /** Expected format of the text, when it is more specific than free text. */
  format?: "email" | "uri" | "date" | "date-time";
  /** Value to pre-fill. */
  default?: string;
}

/**
 * A numeric form field, accepting any number or only integers.
 *
 * @category Elicitation
 */
export interface NumberSchema {
  /** `"integer"` to accept whole numbers only, otherwise `"number"`. */
  type: "number" | "integer";
  /** Label for the field. */
  title?: string;
  /** Help text for the field. */
  description?: string;
  /**
   * Smallest value accepted.
   */
  minimum?: number;
  /**
   * Largest value accepted.
   */
  maximum?: number;
  /**
   * Value to pre-fill.
   */
  default?: number;
}

/**
 * A yes/no form field.
 *
 * @category Elicitation
 */
export interface BooleanSchema {
  /** Always `"boolean"`. */
  type: "boolean";
  /** Label for the field. */
  title?: string;
  /** Help text for the field. */
  description?: string;
  /** Value to pre-fill. */
  default?: boolean;
}

/**
 * A pick-one form field whose options are shown as their raw values.
 *
 * @category Elicitation
 */
export interface UntitledSingleSelectEnumSchema {
  /** Always `"string"`. */
  type: "string";
  /**
   * Label for the field.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * The values the user can pick from.
   */
  enum: string[];
  /**
   * Value to pre-select; one of `enum`.
   */
  default?: string;
}

/**
 * A pick-one form field whose options each have a display label.
 *
 * @category Elicitation
 */
export interface TitledSingleSelectEnumSchema {
  /** Always `"string"`. */
  type: "string";
  /**
   * Label for the field.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * The options, each pairing a value with the label shown for it.
   */
  oneOf: Array<{
    /**
     * Value returned when this option is picked.
     */
    const: string;
    /**
     * Label shown for this option.
     */
    title: string;
  }>;
  /**
   * Value to pre-select; one of the options' `const` values.
   */
  default?: string;
}

/**
 * A pick-one form field, with or without option labels.
 *
 * @category Elicitation
 */
export type SingleSelectEnumSchema = UntitledSingleSelectEnumSchema | TitledSingleSelectEnumSchema;

/**
 * A pick-several form field whose options are shown as their raw values.
 *
 * @category Elicitation
 */
export interface UntitledMultiSelectEnumSchema {
  /** Always `"array"`. */
  type: "array";
  /**
   * Label for the field.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * Fewest options the user has to pick.
   *
   * @TJS-type integer
   */
  minItems?: number;
  /**
   * Most options the user may pick.
   *
   * @TJS-type integer
   */
  maxItems?: number;
  /**
   * Describes each picked value.
   */
  items: {
    /** Always `"string"`. */
    type: "string";
    /**
     * The values the user can pick from.
     */
    enum: string[];
  };
  /**
   * Values to pre-select.
   */
  default?: string[];
}

/**
 * A pick-several form field whose options each have a display label.
 *
 * @category Elicitation
 */
export interface TitledMultiSelectEnumSchema {
  /** Always `"array"`. */
  type: "array";
  /**
   * Label for the field.
   */
  title?: string;
  /**
   * Help text for the field.
   */
  description?: string;
  /**
   * Fewest options the user has to pick.
   *
   * @TJS-type integer
   */
  minItems?: number;
  /**
   * Most options the user may pick.
   *
   * @TJS-type integer
   */
  maxItems?: number;
  /**
   * Describes each picked value.
   */
  items: {
    /**
     * The options, each pairing a value with the label shown for it.
     */
    anyOf: Array<{
      /**
       * Value returned when this option is picked.
       */
      const: string;
      /**
       * Label shown for this option.
       */
      title: string;
    }>;
  };
  /**
   * Values to pre-select.
   */
  default?: string[];
}

/**
 * A pick-several form field, with or without option labels.
 *
 * @category Elicitation
 */
export type MultiSelectEnumSchema = UntitledMultiSelectEnumSchema | TitledMultiSelectEnumSchema;

/**
 * Older way of labelling pick-one options, through a parallel `enumNames` array. Kept for
 * compatibility only: new schemas should use {@link TitledSingleSelectEnumSchema}, and
 * this form is due to be dropped in a later revision.
 *
 * @category Elicitation
 */
export interface LegacyTitledEnumSchema {
  /** Always `"string"`. */
  type: "string";
  /** Label for the field. */
  title?: string;
  /** Help text for the field. */
  description?: string;
  /** The values the user can pick from. */
  enum: string[];
  /**
   * Labels for the `enum` values, position by position. This keyword is an older
   * convention, not part of JSON Schema 2020-12.
   */
  enumNames?: string[];
  /** Value to pre-select; one of `enum`. */
  default?: string;
}

/**
 * Any enumeration form field: pick-one, pick-several, or the legacy labelled form.
 *
 * @category Elicitation
 */
export type EnumSchema = SingleSelectEnumSchema | MultiSelectEnumSchema | LegacyTitledEnumSchema;

/**
 * The client's answer to `elicitation/create`.
 *
 * @category Elicitation
 */
export interface ElicitResult extends Result {
  /**
   * What the user did: `"accept"` (submitted or agreed), `"decline"` (explicitly said no)
   * or `"cancel"` (closed the prompt without choosing).
   */
  action: "accept" | "decline" | "cancel";

  /**
   * The values the user entered, keyed by field name and matching the requested schema.
   * Present only when a form-mode request was accepted; never sent for URL mode.
   */
  content?: { [key: string]: string | number | boolean | string[] };
}

/**
 * Optionally sent by the server when a URL-mode elicitation has been finished by the
 * user out of band, so the client can, for instance, retry the request that needed it.
 *
 * @category Elicitation
 */
export interface ElicitationCompleteNotification extends JSONRPCNotification {
  /** Fixed method name. */
  method: "notifications/elicitation/complete";
  /** Which elicitation finished. */
  params: {
    /**
     * The `elicitationId` from the URL-mode request.
     */
    elicitationId: string;
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Messages by direction                                                                        */
/* ------------------------------------------------------------------------------------------ */

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
  | ListToolsRequest
  | GetTaskRequest
  | GetTaskPayloadRequest
  | ListTasksRequest
  | CancelTaskRequest;

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
  | RootsListChangedNotification
  | TaskStatusNotification;

/**
 * Every result a client may return for a server's request.
 *
 * @internal
 * @category JSON-RPC
 */
export type ClientResult =
  | EmptyResult
  | CreateMessageResult
  | ListRootsResult
  | ElicitResult
  | GetTaskResult
  | GetTaskPayloadResult
  | ListTasksResult
  | CancelTaskResult;

/**
 * Every request a server may send to a client.
 *
 * @internal
 * @category JSON-RPC
 */
export type ServerRequest =
  | PingRequest
  | CreateMessageRequest
  | ListRootsRequest
  | ElicitRequest
  | GetTaskRequest
  | GetTaskPayloadRequest
  | ListTasksRequest
  | CancelTaskRequest;

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
  | ElicitationCompleteNotification
  | TaskStatusNotification;

/**
 * Every result a server may return for a client's request.
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
  | ListToolsResult
  | GetTaskResult
  | GetTaskPayloadResult
  | ListTasksResult
  | CancelTaskResult;
