/**
 * The reference server's authorization mode (HTTP only): an OAuth 2.0 protected resource that publishes RFC 9728
 * metadata and accepts self-contained bearer tokens, HMAC-SHA256 signed, carrying `aud` (the resource URL), `exp`
 * and `scope`. There is no authorization server: `mintReferenceTokens` issues the tokens the suite needs.
 *
 * Scopes: `mcp:read` covers every request, `tools/call` also needs `mcp:tools`, and `mcp:admin` includes both.
 * Refusals follow RFC 6750: 401 (no token, or an invalid, expired or foreign one), 403 `insufficient_scope`, 400
 * `invalid_request` for an Authorization header that is not `Bearer <token>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Not a secret: the reference runs on loopback for tests, and every test mints its tokens with this key. */
const SIGNING_KEY = 'mcp-conformance reference server signing key';
const PREFIX = 'mcpref';
/** A placeholder issuer; `.invalid` because the reference mints its own tokens and no server answers there. */
export const REFERENCE_AUTHORIZATION_SERVER = 'https://authorization.reference.invalid';
export const PRM_PATH = '/.well-known/oauth-protected-resource';
export const SCOPES_SUPPORTED = ['mcp:read', 'mcp:tools', 'mcp:admin'] as const;
/** A broader scope includes the narrower ones listed. */
const INCLUDES: Record<string, readonly string[]> = { 'mcp:admin': ['mcp:read', 'mcp:tools'] };
/** RFC 6750 `b64token`. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export interface TokenClaims {
  aud: string;
  /** Seconds since the epoch. */
  exp: number;
  scope: string;
  sub: string;
}

export interface ReferenceTokens {
  /** Audience this server, scopes `mcp:read mcp:tools`. */
  valid: string;
  expired: string;
  wrongAudience: string;
  /** `mcp:read` only: enough to connect and list, not to call tools. */
  insufficientScope: string;
  /** `mcp:admin` only, which includes the other scopes. */
  broadScope: string;
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
const sign = (payload: string): Buffer => createHmac('sha256', SIGNING_KEY).update(payload).digest();

export function mintToken(claims: TokenClaims): string {
  const payload = base64url(JSON.stringify(claims));
  return `${PREFIX}.${payload}.${base64url(sign(payload))}`;
}

/** Tokens for the server whose resource identifier (its MCP endpoint URL) is `resource`, valid for an hour. */
export function mintReferenceTokens(resource: string, now = Date.now()): ReferenceTokens {
  const exp = Math.floor(now / 1000) + 3600;
  const claims = { aud: resource, exp, sub: 'mcp-conformance' };
  return {
    valid: mintToken({ ...claims, scope: 'mcp:read mcp:tools' }),
    expired: mintToken({ ...claims, exp: exp - 7200, scope: 'mcp:read mcp:tools' }),
    wrongAudience: mintToken({
      ...claims,
      aud: 'https://other-server.reference.invalid/mcp',
      scope: 'mcp:read mcp:tools',
    }),
    insufficientScope: mintToken({ ...claims, scope: 'mcp:read' }),
    broadScope: mintToken({ ...claims, scope: 'mcp:admin' }),
  };
}

export type Verdict =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'audience' };

export interface VerifyOptions {
  now?: number;
  /** Fault switches: skip one part of the validation. */
  skip?: { signature?: boolean; expiry?: boolean; audience?: boolean };
}

/** Checks a token's signature, expiry and audience, in that order. */
export function verifyToken(token: string, resource: string, options: VerifyOptions = {}): Verdict {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) {
    return options.skip?.signature ? { ok: true, claims: anyClaims(resource) } : { ok: false, reason: 'malformed' };
  }
  const [, payload, signature] = parts as [string, string, string];
  const expected = sign(payload);
  const given = Buffer.from(signature, 'base64url');
  if (!options.skip?.signature && (given.length !== expected.length || !timingSafeEqual(given, expected)))
    return { ok: false, reason: 'signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims !== 'object' || claims === null || typeof claims.scope !== 'string')
    return { ok: false, reason: 'malformed' };
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (!options.skip?.expiry && !(typeof claims.exp === 'number' && claims.exp > now))
    return { ok: false, reason: 'expired' };
  if (!options.skip?.audience && claims.aud !== resource) return { ok: false, reason: 'audience' };
  return { ok: true, claims };
}

/** What an unchecked token is taken to grant (the any-token fault). */
function anyClaims(resource: string): TokenClaims {
  return { aud: resource, exp: Number.MAX_SAFE_INTEGER, scope: SCOPES_SUPPORTED.join(' '), sub: 'anyone' };
}

/** The scopes a token's scope string grants, hierarchy expanded unless `flat`. */
export function grantedScopes(scope: string, flat = false): Set<string> {
  const granted = new Set(scope.split(' ').filter(Boolean));
  if (!flat) for (const s of [...granted]) for (const included of INCLUDES[s] ?? []) granted.add(included);
  return granted;
}

/** The scopes a JSON-RPC message (or batch) needs; a message whose method is not known yet needs `mcp:read`. */
export function neededScopes(message: unknown): string[] {
  const messages = Array.isArray(message) ? message : [message];
  const calls = messages.some(
    (m) => typeof m === 'object' && m !== null && (m as Record<string, unknown>).method === 'tools/call',
  );
  return calls ? ['mcp:read', 'mcp:tools'] : ['mcp:read'];
}

/** Ways the auth gate can be broken on purpose (see faults-auth.ts). */
export interface AuthFaults {
  noPrm?: boolean;
  prmNoAuthorizationServers?: boolean;
  prmWrongResource?: boolean;
  anyToken?: boolean;
  expiredAccepted?: boolean;
  audienceIgnored?: boolean;
  noWwwAuthenticate?: boolean;
  noErrorCode?: boolean;
  noChallengeScope?: boolean;
  offlineAccess?: boolean;
  malformedAsInvalid?: boolean;
  scopeIgnored?: boolean;
  bareInsufficientScope?: boolean;
  hierarchyIgnored?: boolean;
  sessionWithoutToken?: boolean;
  processThenReject?: boolean;
}

export interface AuthGate {
  /** Serves the metadata and refuses requests without a usable token; true when it answered `res`. */
  intercept(req: IncomingMessage, res: ServerResponse): boolean;
  /** Refuses a parsed POST body the token's scopes do not cover; true when it answered `res`. */
  admit(req: IncomingMessage, res: ServerResponse, message: unknown): boolean;
}

const quoted = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * The gate in front of the MCP endpoint. `resource()` is the server's resource identifier (its endpoint URL),
 * known once it listens.
 */
export function createAuthGate(resource: () => string, faults: AuthFaults = {}): AuthGate {
  const claimsOf = new WeakMap<IncomingMessage, TokenClaims>();
  const origin = (): string => new URL(resource()).origin;
  const metadataUrl = (): string => `${origin()}${PRM_PATH}${new URL(resource()).pathname}`;

  function metadata(): Record<string, unknown> {
    const document: Record<string, unknown> = {
      resource: faults.prmWrongResource ? 'https://other-server.reference.invalid/mcp' : resource(),
      authorization_servers: [REFERENCE_AUTHORIZATION_SERVER],
      scopes_supported: faults.offlineAccess ? [...SCOPES_SUPPORTED, 'offline_access'] : [...SCOPES_SUPPORTED],
      bearer_methods_supported: ['header'],
    };
    if (faults.prmNoAuthorizationServers) delete document.authorization_servers;
    return document;
  }

  function challenge(params: Record<string, string | undefined>): string {
    const all: Record<string, string | undefined> = { ...params, resource_metadata: metadataUrl() };
    if (faults.noPrm) delete all.resource_metadata;
    if (faults.noChallengeScope) delete all.scope;
    else if (faults.offlineAccess && all.scope) all.scope += ' offline_access';
    if (faults.noErrorCode) delete all.error;
    const list = Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined);
    return `Bearer ${list.map(([k, v]) => `${k}=${quoted(v)}`).join(', ')}`.trimEnd();
  }

  function refuse(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    params: Record<string, string | undefined>,
  ): void {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!faults.noWwwAuthenticate && !(status === 403 && faults.bareInsufficientScope))
      headers['www-authenticate'] = challenge(params);
    const body = JSON.stringify({
      error: params.error ?? 'unauthorized',
      ...(params.error_description ? { error_description: params.error_description } : {}),
    });
    req.resume();
    res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  }

  /** The processing-before-validation fault: the request is served, and its answer relabelled as a refusal. */
  function relabel(res: ServerResponse, status: number, params: Record<string, string | undefined>): void {
    const writeHead = res.writeHead.bind(res) as (status: number, headers?: Record<string, string>) => ServerResponse;
    res.writeHead = ((_status: number, headers: Record<string, string> = {}) =>
      writeHead(status, { ...headers, 'www-authenticate': challenge(params) })) as typeof res.writeHead;
  }

  const description: Record<string, string> = {
    malformed: 'the token is not one this server issues',
    signature: 'the token signature does not verify',
    expired: 'the token has expired',
    audience: 'the token was issued for another resource',
  };

  return {
    intercept(req, res) {
      const path = (req.url ?? '/').split('?')[0]!;
      if (path === PRM_PATH || path.startsWith(`${PRM_PATH}/`)) {
        const known = path === PRM_PATH || path === `${PRM_PATH}${new URL(resource()).pathname}`;
        if (faults.noPrm || !known || req.method !== 'GET') {
          req.resume();
          res.writeHead(404, { 'content-length': '0' });
          res.end();
          return true;
        }
        const body = JSON.stringify(metadata());
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
        res.end(body);
        return true;
      }
      const scope = neededScopes({ method: req.headers['mcp-method'] }).join(' ');
      const authorization = req.headers.authorization;
      if (authorization === undefined || !/^bearer(\s|$)/i.test(authorization)) {
        if (faults.sessionWithoutToken && req.headers['mcp-session-id'] !== undefined) return false;
        if (faults.processThenReject) {
          relabel(res, 401, { scope });
          return false;
        }
        refuse(req, res, 401, { scope });
        return true;
      }
      const token = authorization.replace(/^bearer\s*/i, '');
      if (!B64TOKEN.test(token)) {
        if (faults.malformedAsInvalid) refuse(req, res, 401, { error: 'invalid_token', scope });
        else
          refuse(req, res, 400, {
            error: 'invalid_request',
            error_description: 'expected the Bearer scheme and one token',
          });
        return true;
      }
      const verdict = verifyToken(token, resource(), {
        skip: { signature: faults.anyToken, expiry: faults.expiredAccepted, audience: faults.audienceIgnored },
      });
      if (!verdict.ok) {
        const params = { error: 'invalid_token', error_description: description[verdict.reason], scope };
        if (faults.processThenReject) {
          relabel(res, 401, params);
          return false;
        }
        refuse(req, res, 401, params);
        return true;
      }
      claimsOf.set(req, verdict.claims);
      return false;
    },

    admit(req, res, message) {
      const claims = claimsOf.get(req);
      // Requests the gate let through without a token (a fault) have nothing to check.
      if (!claims || faults.scopeIgnored) return false;
      const granted = grantedScopes(claims.scope, faults.hierarchyIgnored);
      const needed = neededScopes(message);
      if (needed.every((s) => granted.has(s))) return false;
      refuse(req, res, 403, {
        error: 'insufficient_scope',
        scope: needed.join(' '),
        error_description: `this request needs the scopes ${needed.join(' ')}`,
      });
      return true;
    },
  };
}
