/**
 * Faults of the authorization mode: each breaks the auth gate (auth.ts) in one way. They run with the reference
 * server in auth mode, and the suite gets the tokens of `mintReferenceTokens`.
 */
import type { AuthFaults } from './auth.ts';
import type { Fault } from './faults.ts';

interface AuthFault extends Fault {
  gate: AuthFaults;
}

const fault = (name: string, description: string, breaks: string[], gate: AuthFaults): AuthFault => ({
  name,
  description,
  breaks,
  auth: true,
  gate,
});

const AUTH_FAULT_LIST: readonly AuthFault[] = [
  fault(
    'auth-no-prm',
    'no protected resource metadata: nothing at the well-known URIs, no resource_metadata in challenges',
    ['auth.prm-discoverable', 'auth.insufficient-scope-challenge'],
    { noPrm: true },
  ),
  fault(
    'auth-prm-no-authorization-servers',
    'the protected resource metadata has no authorization_servers',
    ['auth.prm-authorization-servers'],
    { prmNoAuthorizationServers: true },
  ),
  fault('auth-prm-wrong-resource', 'the protected resource metadata names another resource', ['auth.prm-valid'], {
    prmWrongResource: true,
  }),
  fault('auth-any-token', 'the token signature is not checked: any token is accepted', ['auth.invalid-token-401'], {
    anyToken: true,
  }),
  fault('auth-expired-accepted', 'expired tokens are accepted', ['auth.expired-token-401'], { expiredAccepted: true }),
  fault('auth-audience-ignored', 'tokens issued for another resource are accepted', ['auth.wrong-audience-401'], {
    audienceIgnored: true,
  }),
  fault(
    'auth-no-www-authenticate',
    '401 and 403 answers carry no WWW-Authenticate header',
    ['auth.unauthenticated-401', 'auth.invalid-token-challenge', 'auth.insufficient-scope-challenge'],
    { noWwwAuthenticate: true },
  ),
  fault(
    'auth-no-error-code',
    'challenges for rejected tokens carry no error code',
    ['auth.invalid-token-challenge', 'auth.insufficient-scope-challenge'],
    { noErrorCode: true },
  ),
  fault('auth-no-challenge-scope', 'challenges carry no scope parameter', ['auth.challenge-scope'], {
    noChallengeScope: true,
  }),
  fault(
    'auth-offline-access',
    'offline_access is advertised in challenges and in scopes_supported',
    ['auth.no-offline-access'],
    { offlineAccess: true },
  ),
  fault(
    'auth-malformed-as-invalid',
    'a malformed Authorization header is answered 401 invalid_token instead of 400',
    ['auth.malformed-400'],
    { malformedAsInvalid: true },
  ),
  fault(
    'auth-scope-ignored',
    "the token's scopes are not enforced",
    ['auth.insufficient-scope-403', 'auth.tool-access-control'],
    { scopeIgnored: true },
  ),
  fault(
    'auth-scope-hierarchy-ignored',
    'a broader scope (mcp:admin) does not include the narrower ones',
    ['auth.scope-hierarchy'],
    { hierarchyIgnored: true },
  ),
  fault(
    'auth-session-without-token',
    'requests of an existing session are served without a token',
    ['auth.session-request-401'],
    { sessionWithoutToken: true },
  ),
  fault(
    'auth-process-then-reject',
    'requests without a valid token are processed, and only their answer is turned into a 401',
    ['auth.rejected-not-processed'],
    { processThenReject: true },
  ),
];

export const AUTH_FAULTS: readonly Fault[] = AUTH_FAULT_LIST;

/** The switches of the auth fault `name` (none for other faults). */
export function authFaultsNamed(name: string | undefined): AuthFaults {
  return AUTH_FAULT_LIST.find((f) => f.name === name)?.gate ?? {};
}
