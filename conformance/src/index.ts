/** mcp-conformance: the protocol layer (JSON-RPC framing, schema-driven method map, wire recorder) and transports. */
export { classify, parseLine, idKey } from './protocol/jsonrpc.ts';
export type { Classification, JsonRpcId, MessageKind, ParseResult } from './protocol/jsonrpc.ts';
export { methodMap } from './protocol/methods.ts';
export type { EnvelopeDefinitions, MethodDefinition, MethodMap } from './protocol/methods.ts';
export { Recorder, MAX_RAW_BYTES } from './protocol/recorder.ts';
export type { Direction, Violation, WireEntry } from './protocol/recorder.ts';
export { StdioTransport, HarnessError } from './transport/stdio.ts';
export type { ExitStatus, StdioOptions } from './transport/stdio.ts';
export {
  StreamableHttpTransport,
  HttpConnectionBase,
  HttpStatusError,
  encodeHeaderValue,
  paramHeaders,
  standardHeaders,
} from './transport/http.ts';
export type { HttpExchange, HttpOptions, PostOptions, StreamOpened } from './transport/http.ts';
export { LegacySseTransport } from './transport/legacy-sse.ts';
export type { LegacySseOptions } from './transport/legacy-sse.ts';
export { createMcpHttpServer, decodeHeaderValue, headerParametersFromSchema } from './transport/http-server.ts';
export type { McpHttpServer, McpHttpServerOptions } from './transport/http-server.ts';
export type { Connection } from './transport/connection.ts';
export type { JsonRpcMessage, RequestContext, ServerSession, SessionFactory } from './transport/server-session.ts';
export { McpSession, SessionError, RevisionNotSupported } from './client/session.ts';
export type { Response, SessionOptions } from './client/session.ts';
export { runServerSuite, selectScenarios, ServerUnreachable, SuiteUsageError, SUITES } from './runner/suite.ts';
export type { ServerSuiteOptions, Suite } from './runner/suite.ts';
export { runServerScenarios, plan } from './runner/run.ts';
export type { AuthTokens, ServerTarget } from './runner/context.ts';
export { SERVER_SCENARIOS } from './scenarios/index.ts';
export { buildCatalogue, CATALOGUE_FORMAT } from './catalogue.ts';
export type { Catalogue, CatalogueCheck, CatalogueScenario } from './catalogue.ts';
export { serverCoverage } from './coverage.ts';
export type { Coverage } from './coverage.ts';
export {
  CHECK_STATUSES,
  summarize,
  verdictOf,
  worstStatus,
  RESULT_FORMAT,
  RESULT_FORMAT_VERSION,
} from './model/result.ts';
export type {
  Area,
  CheckResult,
  CheckStatus,
  Evidence,
  Level,
  RunResult,
  ScenarioResult,
  Summary,
  Verdict,
} from './model/result.ts';
export type { CheckDeclaration, RevisionFilter, ServerScenario } from './model/scenario.ts';
export { REPORTERS, REPORT_FILES, parseReporters, writeReports } from './report/index.ts';
export type { Reporter } from './report/index.ts';
export { renderJson, resultSchema } from './report/json.ts';
export { renderJunit } from './report/junit.ts';
export { renderMarkdown, MAX_MARKDOWN_BYTES } from './report/markdown.ts';
export { renderHtml } from './report/html.ts';
export { createConsoleReporter } from './report/console.ts';
export type { ConsoleReporter, ConsoleReporterOptions, ScenarioStart } from './report/console.ts';
export {
  BaselineError,
  BASELINE_SIDES,
  applyBaseline,
  loadBaseline,
  parseBaseline,
} from './baseline/expected-failures.ts';
export type { Baseline, BaselineEntry, BaselineProblem, BaselineSide } from './baseline/expected-failures.ts';
