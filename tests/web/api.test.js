// @ts-check
// gql() against a stand-in for fetch: how each kind of answer becomes data or
// an error a person can read. (The browser tests run it against the real server.)
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';

import { ApiError, errorOf, gql, isAbort } from '../../web/lib/api.js';
import { SIGN_IN_OPTIONS_QUERY } from '../../web/graphql/signin.js';

const realFetch = globalThis.fetch;
afterEach(() => { globalThis.fetch = realFetch; });

/**
 * Answer every fetch with this status, body and headers; record the requests.
 * @param {number} status
 * @param {string} body
 * @param {Record<string, string>} [headers]
 */
function answer(status, body, headers = {}) {
  /** @type {Array<{ url: string, init: RequestInit | undefined }>} */
  const requests = [];
  globalThis.fetch = async (url, init) => {
    requests.push({ url: String(url), init });
    return new Response(body, { status, headers });
  };
  return requests;
}

test('an answer with data resolves to the data, the document sent as it is', async () => {
  const requests = answer(200, JSON.stringify({ data: { signInOptions: [] } }));
  assert.deepEqual(await gql(SIGN_IN_OPTIONS_QUERY, {}), { signInOptions: [] });
  assert.equal(requests[0].url, '/graphql');
  assert.deepEqual(JSON.parse(String(requests[0].init?.body)), { query: SIGN_IN_OPTIONS_QUERY, variables: {} });
});

test('a GraphQL error with a known code is said in friendly words', async () => {
  answer(200, JSON.stringify({ data: null, errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] }));
  await assert.rejects(gql(SIGN_IN_OPTIONS_QUERY, {}), { name: 'ApiError', code: 'UNAUTHENTICATED', message: 'Please sign in to do that.' });
});

test('FORBIDDEN and NOT_FOUND keep the server words, which say why', () => {
  const err = errorOf([{ message: 'Your account is suspended.', extensions: { code: 'FORBIDDEN' } }]);
  assert.equal(err.message, 'Your account is suspended.');
  assert.equal(errorOf([{ extensions: { code: 'FORBIDDEN' } }]).message, 'You are not allowed to do that.');
  assert.equal(errorOf([{ message: 'Unexpected thing' }]).message, 'Unexpected thing');
});

test('too many requests says when to try again', async () => {
  answer(429, '', { 'Retry-After': '7' });
  await assert.rejects(gql(SIGN_IN_OPTIONS_QUERY, {}), {
    code: 'RATE_LIMITED', retryAfter: 7, message: 'Too many requests. Please try again in 7 seconds.',
  });
});

test('an answer that is not JSON names the HTTP status', async () => {
  answer(500, 'boom');
  await assert.rejects(gql(SIGN_IN_OPTIONS_QUERY, {}), (err) => {
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 500);
    assert.match(err.message, /HTTP 500/);
    return true;
  });
});

test('a network failure says so, and an abort stays an abort', async () => {
  globalThis.fetch = async () => { throw new TypeError('Failed to fetch'); };
  await assert.rejects(gql(SIGN_IN_OPTIONS_QUERY, {}), { code: 'NETWORK' });
  globalThis.fetch = async () => { throw new DOMException('The user aborted a request.', 'AbortError'); };
  await assert.rejects(gql(SIGN_IN_OPTIONS_QUERY, {}), (err) => isAbort(err));
});
