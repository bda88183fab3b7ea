// @ts-check
// The graphql-transport-ws client's handling of the server's messages, with a
// stand-in socket. (The browser tests use it against the real server.)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SubscriptionClient } from '../../web/lib/ws.js';

/** A client with an acknowledged stand-in socket that records what is sent. */
function connectedClient() {
  const client = new SubscriptionClient('ws://forum.test/graphql');
  /** @type {any[]} */
  const sent = [];
  /** @type {Array<[number, string]>} */
  const closed = [];
  const socket = {
    readyState: 1,
    /** @param {string} data */
    send: (data) => sent.push(JSON.parse(data)),
    /** @param {number} code @param {string} reason */
    close: (code, reason) => closed.push([code, reason]),
  };
  client.socket = /** @type {WebSocket} */ (/** @type {unknown} */ (socket));
  client.handle({ type: 'connection_ack' }, () => {});
  return { client, sent, closed };
}

const DOCUMENT = /** @type {any} */ ('subscription ReplyAdded($threadId: ID!) { replyAdded(threadId: $threadId) { id } }');

test('a subscription is sent once acknowledged, and its events reach only it', () => {
  const { client, sent } = connectedClient();
  /** @type {unknown[]} */
  const events = [];
  client.subscribe(DOCUMENT, { threadId: 'T1' }, { next: (data) => events.push(data) });
  client.subscribe(DOCUMENT, { threadId: 'T2' }, {});
  assert.deepEqual(sent[0], { id: '1', type: 'subscribe', payload: { query: DOCUMENT, variables: { threadId: 'T1' } } });
  client.handle({ type: 'next', id: '1', payload: { data: { replyAdded: { id: 'P1' } } } }, () => {});
  client.handle({ type: 'next', id: '9', payload: { data: { replyAdded: { id: 'P2' } } } }, () => {});
  assert.deepEqual(events, [{ replyAdded: { id: 'P1' } }]);
  assert.equal(client.state, 'live');
});

test('ending a subscription tells the server, and an error or completion ends it too', () => {
  const { client, sent } = connectedClient();
  /** @type {string[]} */
  const told = [];
  const stop = client.subscribe(DOCUMENT, { threadId: 'T1' }, {});
  client.subscribe(DOCUMENT, { threadId: 'T2' }, { error: (message) => told.push(message) });
  client.subscribe(DOCUMENT, { threadId: 'T3' }, { complete: () => told.push('complete') });
  stop();
  assert.deepEqual(sent.at(-1), { id: '1', type: 'complete' });
  client.handle({ type: 'error', id: '2', payload: [{ message: 'Not allowed' }] }, () => {});
  client.handle({ type: 'complete', id: '3' }, () => {});
  assert.deepEqual(told, ['Not allowed', 'complete']);
  assert.equal(client.subscriptions.size, 0);
  client.close();
});

test('a ping is answered with a pong, and an unknown message closes the socket', () => {
  const { client, sent, closed } = connectedClient();
  client.handle({ type: 'ping', payload: { n: 1 } }, () => {});
  assert.deepEqual(sent.at(-1), { type: 'pong', payload: { n: 1 } });
  client.handle({ type: 'subscribe' }, () => {});
  assert.deepEqual(closed, [[4400, 'Unexpected message']]);
});

test('after a reconnect every subscription is sent again and told to catch up', () => {
  const { client, sent } = connectedClient();
  let caughtUp = 0;
  client.subscribe(DOCUMENT, { threadId: 'T1' }, { onReconnect: () => { caughtUp += 1; } });
  client.attempt = 2; // as after two failed connections
  client.handle({ type: 'connection_ack' }, () => {});
  assert.equal(caughtUp, 1);
  assert.equal(sent.filter((m) => m.type === 'subscribe').length, 2);
  assert.equal(client.attempt, 0);
});

test('state listeners hear the current state at once and each change after', () => {
  const client = new SubscriptionClient('ws://forum.test/graphql');
  /** @type {string[]} */
  const states = [];
  const stop = client.onState((s) => states.push(s));
  client.setState('connecting');
  client.setState('connecting');
  stop();
  client.setState('live');
  assert.deepEqual(states, ['idle', 'connecting']);
});
