// The GraphQL client: POST /graphql, same origin, cookie session.

export class ApiError extends Error {
  constructor(message, { code = null, status = null, errors = null, retryAfter = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }
}

// Shown instead of the server's words, except where those say more (NOT_FOUND and
// FORBIDDEN messages name what is missing or why, e.g. a suspended account).
const FRIENDLY = {
  UNAUTHENTICATED: 'Please sign in to do that.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'That could not be found.',
  QUERY_TOO_COMPLEX: 'The request was too large for the server.',
};

/**
 * Run a GraphQL operation. Resolves to `data`; rejects with an ApiError whose
 * message can be shown to the user as it is.
 */
export async function gql(query, variables = {}, { signal } = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError('The forum could not be reached. Check your connection and try again.', {
      code: 'NETWORK',
    });
  }
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('Retry-After')) || null;
    throw new ApiError(
      retryAfter
        ? `Too many requests. Please try again in ${retryAfter} seconds.`
        : 'Too many requests. Please try again in a moment.',
      { code: 'RATE_LIMITED', status: 429, retryAfter },
    );
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered with an error (HTTP ${response.status}). Please try again.`, {
      status: response.status,
    });
  }
  if (Array.isArray(body.errors) && body.errors.length) {
    const first = body.errors[0];
    const code = first.extensions?.code ?? null;
    const ownWords = code === 'NOT_FOUND' || code === 'FORBIDDEN';
    const message = FRIENDLY[code] && !(ownWords && first.message) ? FRIENDLY[code] : first.message || 'The server reported an error.';
    throw new ApiError(message, { code, status: response.status, errors: body.errors });
  }
  if (!response.ok || !body.data) {
    throw new ApiError(`The server answered with an error (HTTP ${response.status}). Please try again.`, {
      status: response.status,
    });
  }
  return body.data;
}

/** A fresh key for the `idempotencyKey` of a mutation. */
export function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** True when the error says the schema lacks a field (an older server). */
export function isUnknownField(err) {
  return err instanceof ApiError && (err.errors || []).some((e) => /Cannot query field/.test(e.message || ''));
}
