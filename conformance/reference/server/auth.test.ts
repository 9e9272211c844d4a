import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantedScopes, mintReferenceTokens, mintToken, verifyToken, type ReferenceTokens } from './auth.ts';
import { createReferenceHttpServer } from './http-app.ts';
import type { McpHttpServer } from '../../src/transport/http-server.ts';

const RESOURCE = 'http://127.0.0.1:1234/mcp';
const NOW = Date.parse('2026-08-01T00:00:00Z');

describe('reference tokens', () => {
  const tokens = mintReferenceTokens(RESOURCE, NOW);
  const verify = (token: string) => verifyToken(token, RESOURCE, { now: NOW });

  it('accepts the valid, narrow and broad tokens for their resource', () => {
    for (const token of [tokens.valid, tokens.insufficientScope, tokens.broadScope])
      expect(verify(token).ok).toBe(true);
  });

  it('refuses expired, foreign, forged and tampered tokens, saying why', () => {
    expect(verify(tokens.expired)).toEqual({ ok: false, reason: 'expired' });
    expect(verify(tokens.wrongAudience)).toEqual({ ok: false, reason: 'audience' });
    expect(verify('mcp-conformance-not-a-token')).toEqual({ ok: false, reason: 'malformed' });
    const [prefix, , signature] = tokens.valid.split('.');
    const claims = Buffer.from(JSON.stringify({ aud: RESOURCE, exp: 9e9, scope: 'mcp:admin', sub: 'x' })).toString(
      'base64url',
    );
    expect(verify(`${prefix}.${claims}.${signature}`)).toEqual({ ok: false, reason: 'signature' });
  });

  it('checks expiry against the clock', () => {
    const token = mintToken({ aud: RESOURCE, exp: NOW / 1000 + 10, scope: 'mcp:read', sub: 'x' });
    expect(verifyToken(token, RESOURCE, { now: NOW }).ok).toBe(true);
    expect(verifyToken(token, RESOURCE, { now: NOW + 10_000 })).toEqual({ ok: false, reason: 'expired' });
  });

  it('expands mcp:admin to the scopes it includes, unless told not to', () => {
    expect([...grantedScopes('mcp:admin')].sort()).toEqual(['mcp:admin', 'mcp:read', 'mcp:tools']);
    expect([...grantedScopes('mcp:admin', true)]).toEqual(['mcp:admin']);
  });
});

describe('the reference server in authorization mode', () => {
  let server: McpHttpServer;
  let url: string;
  let tokens: ReferenceTokens;

  beforeAll(async () => {
    server = createReferenceHttpServer({ auth: true });
    ({ url } = await server.listen(0, '127.0.0.1'));
    tokens = mintReferenceTokens(url);
  });
  afterAll(() => server.close());

  const post = (
    body: { method: string; params: { name?: string; _meta: object } },
    authorization?: string,
  ): Promise<Response> =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': body.method,
        ...(body.params.name ? { 'mcp-name': body.params.name } : {}),
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify(body),
    });
  const meta = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'test', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': {},
  };
  const discover = { jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta: meta } };
  const call = {
    jsonrpc: '2.0',
    id: 2,
    method: 'tools/call',
    params: { name: 'test_simple_text', arguments: {}, _meta: meta },
  };

  it('serves its protected resource metadata at both well-known URIs', async () => {
    const origin = new URL(url).origin;
    for (const path of ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource']) {
      const answer = await fetch(`${origin}${path}`);
      expect(answer.status).toBe(200);
      const document = (await answer.json()) as Record<string, unknown>;
      expect(document.resource).toBe(url);
      expect(document.authorization_servers).toHaveLength(1);
    }
    expect((await fetch(`${origin}/.well-known/oauth-protected-resource/other`)).status).toBe(404);
  });

  it('challenges a request without a token with 401, the metadata URL and the scope', async () => {
    const answer = await post(discover);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe(
      `Bearer scope="mcp:read", resource_metadata="${new URL(url).origin}/.well-known/oauth-protected-resource/mcp"`,
    );
  });

  it('answers 401 invalid_token for forged, expired and foreign tokens', async () => {
    for (const token of ['forged', tokens.expired, tokens.wrongAudience]) {
      const answer = await post(discover, `Bearer ${token}`);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token", /);
    }
  });

  it('answers 400 invalid_request for a malformed Authorization header', async () => {
    const answer = await post(discover, 'Bearer two tokens');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_request"/);
  });

  it('serves the valid token, and refuses a tool call to a token without mcp:tools with 403', async () => {
    expect((await post(discover, `Bearer ${tokens.valid}`)).status).toBe(200);
    expect((await post(discover, `Bearer ${tokens.insufficientScope}`)).status).toBe(200);
    const refused = await post(call, `Bearer ${tokens.insufficientScope}`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toMatch(
      /^Bearer error="insufficient_scope", scope="mcp:read mcp:tools", /,
    );
    expect(await refused.text()).not.toContain('"result"');
  });

  it('honours the scope hierarchy: mcp:admin may call tools', async () => {
    expect((await post(call, `Bearer ${tokens.valid}`)).status).toBe(200);
    expect((await post(call, `Bearer ${tokens.broadScope}`)).status).toBe(200);
  });
});
