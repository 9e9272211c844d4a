/** mcp-conformance: the protocol layer (JSON-RPC framing, schema-driven method map, wire recorder) and transports. */
export { classify, parseLine, idKey } from './protocol/jsonrpc.ts';
export type { Classification, JsonRpcId, MessageKind, ParseResult } from './protocol/jsonrpc.ts';
export { methodMap } from './protocol/methods.ts';
export type { EnvelopeDefinitions, MethodDefinition, MethodMap } from './protocol/methods.ts';
export { Recorder, MAX_RAW_BYTES } from './protocol/recorder.ts';
export type { Direction, Violation, WireEntry } from './protocol/recorder.ts';
export { StdioTransport, HarnessError } from './transport/stdio.ts';
export type { ExitStatus, StdioOptions } from './transport/stdio.ts';
