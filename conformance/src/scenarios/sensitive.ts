/**
 * Black-box heuristics for the security requirements: what in a text looks like a credential, personal
 * data or internals that help an attacker. Each finder returns short descriptions of what it found, so a
 * check can say exactly what it saw. They look for well-known shapes only; passing them proves little.
 */

const CREDENTIAL_PATTERNS: Array<[RegExp, string]> = [
  [/\bauthorization\s*[:=]\s*\S+/i, 'an Authorization header value'],
  [/\bbearer\s+[A-Za-z0-9._~+/-]{8,}=*/i, 'a bearer token'],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/, 'a JSON Web Token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/\b(?:sk|pk|rk)[-_](?:live|test|proj)?[-_]?[A-Za-z0-9]{16,}/, 'an API key'],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/, 'a GitHub token'],
  [
    /\b(?:password|passwd|pwd|secret|client_secret|api[-_]?key|access[-_]?token|refresh[-_]?token|private[-_]?key)\b\s*["']?\s*[:=]\s*["']?[^\s"',;]{3,}/i,
    'a secret assigned to a credential name',
  ],
];

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/;

const INTERNAL_PATTERNS: Array<[RegExp, string]> = [
  [/^\s*at\s+\S.*[(\s]\S+:\d+:\d+\)?\s*$/m, 'a JavaScript stack frame'],
  [/Traceback \(most recent call last\)/, 'a Python traceback'],
  [/\bat [\w$.]+\([\w$]+\.java:\d+\)/, 'a Java stack frame'],
  [/\bnode:internal\//, 'a Node.js internal module path'],
  [/(?:^|[\s"'(=])\/(?:home|Users|root|srv|opt|var|usr|etc|app)\/[^\s"')]+/, 'an absolute file path'],
  [/(?:^|[\s"'(=])[A-Za-z]:\\[^\s"')]+/, 'a Windows file path'],
];

function matches(text: string, patterns: Array<[RegExp, string]>): string[] {
  return patterns.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
}

/** Credential-like strings in `text`. */
export function credentialsIn(text: string): string[] {
  return matches(text, CREDENTIAL_PATTERNS);
}

/** Personal data in `text`: e-mail addresses (the one kind of personal data recognisable by shape). */
export function personalDataIn(text: string): string[] {
  return EMAIL.test(text) ? ['an e-mail address'] : [];
}

/** Internal details in `text`: stack traces and absolute file system paths. */
export function internalsIn(text: string): string[] {
  return matches(text, INTERNAL_PATTERNS);
}

/** Names of form fields or URL parameters that ask for a secret. */
const SENSITIVE_NAME =
  /(?:^|[^a-z])(?:password|passwd|passphrase|pass[-_ ]?code|pin|secret|api[-_ ]?key|apikey|access[-_ ]?token|refresh[-_ ]?token|id[-_ ]?token|token|bearer|credentials?|private[-_ ]?key|card[-_ ]?number|credit[-_ ]?card|cvv|cvc|iban|ssn|social[-_ ]?security)(?:$|[^a-z])/i;

/** Whether a field or parameter name (or its title) reads as a request for a secret. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name.replace(/([a-z])([A-Z])/g, '$1 $2'));
}

/** URL query and fragment parameter names that carry a credential or a session. */
const CREDENTIAL_PARAMETER =
  /^(?:access_token|id_token|refresh_token|token|auth|authorization|api_key|apikey|key|password|passwd|secret|client_secret|session|session_id|sessionid|sid|jwt|sig|signature|x-amz-signature|x-amz-credential|x-goog-signature)$/i;

/** What in a URL looks like a credential, a pre-authenticated link or personal data. */
export function urlSecretsIn(raw: string): string[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [];
  }
  const found: string[] = [];
  if (url.username || url.password) found.push('user info (credentials) in the authority');
  const parameters = [...url.searchParams.entries()];
  if (url.hash.length > 1) parameters.push(...new URLSearchParams(url.hash.slice(1)).entries());
  for (const [name, value] of parameters) {
    if (CREDENTIAL_PARAMETER.test(name)) found.push(`the parameter "${name}"`);
    else if (credentialsIn(value).length > 0) found.push(`a credential in the parameter "${name}"`);
    if (EMAIL.test(value)) found.push(`an e-mail address in the parameter "${name}"`);
  }
  if (credentialsIn(url.pathname).length > 0) found.push('a credential in the path');
  return found;
}
