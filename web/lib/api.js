// @ts-check
// The GraphQL client: POST /graphql, same origin, cookie session. It sends only
// the documents generated in ../graphql/ (see web/README.md), never text built here.

/** @import { Document } from '../graphql/types' */

/**
 * One entry of a response's `errors`.
 * @typedef {{ message?: string, extensions?: { code?: string } }} GraphQLErrorEntry
 */

export class ApiError extends Error {
  /**
   * @param {string} message shown to the user as it is
   * @param {{ code?: string | null, status?: number | null, errors?: GraphQLErrorEntry[] | null, retryAfter?: number | null }} [details]
   */
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
/** @type {Record<string, string>} */
const FRIENDLY = {
  UNAUTHENTICATED: 'Please sign in to do that.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'That could not be found.',
  QUERY_TOO_COMPLEX: 'The request was too large for the server.',
};

/**
 * Run a GraphQL operation. Resolves to `data`; rejects with an ApiError whose
 * message can be shown to the user as it is (or with the AbortError of `signal`).
 * @template TData, TVariables
 * @param {Document<TData, TVariables>} document a constant of ../graphql/*.js
 * @param {TVariables} variables
 * @param {{ signal?: AbortSignal }} [options]
 * @returns {Promise<TData>}
 */
export async function gql(document, variables, { signal } = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query: document, variables }),
      signal,
    });
  } catch (err) {
    if (isAbort(err)) throw err;
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
  /** @type {{ data?: TData | null, errors?: GraphQLErrorEntry[] }} */
  let body;
  try {
    body = await response.json();
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(`The server answered with an error (HTTP ${response.status}). Please try again.`, {
      status: response.status,
    });
  }
  if (Array.isArray(body.errors) && body.errors.length) {
    throw errorOf(body.errors, response.status);
  }
  if (!response.ok || !body.data) {
    throw new ApiError(`The server answered with an error (HTTP ${response.status}). Please try again.`, {
      status: response.status,
    });
  }
  return body.data;
}

/**
 * The ApiError for a response's `errors`: the first one's code, in friendly words.
 * @param {GraphQLErrorEntry[]} errors
 * @param {number | null} [status]
 */
export function errorOf(errors, status = null) {
  const first = errors[0];
  const code = first.extensions?.code ?? null;
  const ownWords = code === 'NOT_FOUND' || code === 'FORBIDDEN';
  const friendly = code ? FRIENDLY[code] : undefined;
  const message = friendly && !(ownWords && first.message) ? friendly : first.message || 'The server reported an error.';
  return new ApiError(message, { code, status, errors });
}

/**
 * True for the error of an aborted request (the view was left): not to be shown.
 * @param {unknown} err
 */
export function isAbort(err) {
  // A DOMException in browsers; not every engine makes those instances of Error.
  return typeof err === 'object' && err !== null && 'name' in err && err.name === 'AbortError';
}

/** A fresh key for the `idempotencyKey` of a mutation. */
export function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
