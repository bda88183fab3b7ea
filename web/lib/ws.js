// @ts-check
// A small client for the graphql-transport-ws protocol (the protocol of the
// `graphql-ws` project): connection_init -> connection_ack, then subscribe /
// next / error / complete per operation id, ping <-> pong.
//
// One socket is shared by all subscriptions of the page. It opens lazily with
// the first subscription, closes when the last one ends, and reconnects with
// backoff; after a reconnect every active subscription is sent again and its
// `onReconnect` is called so the view can fetch what it missed. Views subscribe
// through `View.subscribe` (lib/view.js), which ends their subscriptions when
// they are left.

/** @import { Document } from '../graphql/types' */

const PROTOCOL = 'graphql-transport-ws';
const ACK_TIMEOUT_MS = 10_000;
// Close codes after which trying again cannot help.
const FATAL_CLOSE_CODES = new Set([4400, 4403, 4406, 4409]);
const OPEN = 1; // WebSocket.OPEN, without needing the WebSocket global

/** @typedef {'connecting' | 'live' | 'reconnecting' | 'offline' | 'idle'} LiveState */

/**
 * What a subscriber is told.
 * @template TData
 * @typedef {object} Handlers
 * @property {(data: TData) => void} [next] an event
 * @property {(message: string) => void} [error] the server refused or ended it with an error
 * @property {() => void} [complete] the server ended it
 * @property {() => void} [onReconnect] the socket came back: fetch what may have been missed
 */

/**
 * @typedef {object} Subscription
 * @property {string} id
 * @property {string} query
 * @property {unknown} variables
 * @property {Handlers<any>} handlers
 * @property {boolean} sent
 */

/**
 * A message of the protocol, as received.
 * @typedef {{ type?: string, id?: string, payload?: any }} Message
 */

export class SubscriptionClient {
  /** @param {string | null} [url] the WebSocket URL; by default /graphql of this page's origin */
  constructor(url = null) {
    this.url = url;
    /** @type {WebSocket | null} */
    this.socket = null;
    this.acked = false;
    /** @type {Map<string, Subscription>} */
    this.subscriptions = new Map();
    this.nextId = 1;
    this.attempt = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.reconnectTimer = undefined;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.idleTimer = undefined;
    /** @type {Set<(state: LiveState) => void>} */
    this.stateListeners = new Set();
    /** @type {LiveState} */
    this.state = 'idle';
  }

  /**
   * Subscribe to a document with its variables. Returns a function that ends
   * the subscription.
   * @template TData, TVariables
   * @param {Document<TData, TVariables>} query
   * @param {TVariables} variables
   * @param {Handlers<TData>} handlers
   * @returns {() => void}
   */
  subscribe(query, variables, handlers) {
    const id = String(this.nextId++);
    /** @type {Subscription} */
    const sub = { id, query, variables, handlers, sent: false };
    this.subscriptions.set(id, sub);
    clearTimeout(this.idleTimer);
    if (!this.socket) this.connect();
    else if (this.acked) this.sendSubscribe(sub);
    return () => this.unsubscribe(id);
  }

  /** @param {string} id */
  unsubscribe(id) {
    const sub = this.subscriptions.get(id);
    if (!sub) return;
    this.subscriptions.delete(id);
    if (this.acked && sub.sent) this.send({ id, type: 'complete' });
    if (this.subscriptions.size === 0) {
      // Keep the socket a moment: the next page may subscribe again.
      this.idleTimer = setTimeout(() => this.close(), 5_000);
    }
  }

  /**
   * Listen to the connection's state; called at once with the current one.
   * Returns a function that stops listening.
   * @param {(state: LiveState) => void} listener
   * @returns {() => void}
   */
  onState(listener) {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => { this.stateListeners.delete(listener); };
  }

  /** @param {LiveState} state */
  setState(state) {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  connect() {
    clearTimeout(this.reconnectTimer);
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let socket;
    try {
      socket = new WebSocket(this.url ?? defaultUrl(), PROTOCOL);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.acked = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let ackTimer;
    socket.addEventListener('open', () => {
      this.send({ type: 'connection_init', payload: {} });
      ackTimer = setTimeout(() => socket.close(4504, 'Connection acknowledgement timeout'), ACK_TIMEOUT_MS);
    });
    socket.addEventListener('message', (event) => {
      /** @type {Message} */
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        socket.close(4400, 'Invalid message');
        return;
      }
      this.handle(message, () => clearTimeout(ackTimer));
    });
    socket.addEventListener('close', (event) => {
      clearTimeout(ackTimer);
      if (this.socket !== socket) return;
      this.socket = null;
      this.acked = false;
      for (const sub of this.subscriptions.values()) sub.sent = false;
      if (this.subscriptions.size === 0) {
        this.setState('idle');
      } else if (FATAL_CLOSE_CODES.has(event.code)) {
        this.setState('offline');
      } else {
        this.scheduleReconnect();
      }
    });
  }

  /**
   * @param {Message} message
   * @param {() => void} stopAckTimer
   */
  handle(message, stopAckTimer) {
    switch (message.type) {
      case 'connection_ack': {
        stopAckTimer();
        this.acked = true;
        const reconnected = this.attempt > 0;
        this.attempt = 0;
        this.setState('live');
        for (const sub of this.subscriptions.values()) {
          this.sendSubscribe(sub);
          if (reconnected) sub.handlers.onReconnect?.();
        }
        break;
      }
      case 'ping':
        this.send({ type: 'pong', payload: message.payload });
        break;
      case 'pong':
        break;
      case 'next': {
        const sub = this.subscriptions.get(message.id ?? '');
        const payload = message.payload || {};
        if (!sub) break;
        if (payload.errors?.length && !payload.data) {
          sub.handlers.error?.(payload.errors[0].message);
        } else if (payload.data) {
          sub.handlers.next?.(payload.data);
        }
        break;
      }
      case 'error': {
        const sub = this.subscriptions.get(message.id ?? '');
        if (!sub) break;
        this.subscriptions.delete(sub.id);
        const errors = Array.isArray(message.payload) ? message.payload : [];
        sub.handlers.error?.(errors[0]?.message || 'The live update was refused.');
        break;
      }
      case 'complete': {
        const sub = this.subscriptions.get(message.id ?? '');
        if (!sub) break;
        this.subscriptions.delete(sub.id);
        sub.handlers.complete?.();
        break;
      }
      default:
        // Unknown message types are a protocol error.
        this.socket?.close(4400, 'Unexpected message');
    }
  }

  /** @param {Subscription} sub */
  sendSubscribe(sub) {
    sub.sent = true;
    this.send({ id: sub.id, type: 'subscribe', payload: { query: sub.query, variables: sub.variables } });
  }

  /** @param {Message} message */
  send(message) {
    if (this.socket && this.socket.readyState === OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  scheduleReconnect() {
    this.attempt += 1;
    this.setState('reconnecting');
    const delay = Math.min(30_000, 1_000 * 2 ** Math.min(this.attempt - 1, 5)) * (0.75 + Math.random() / 2);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  close() {
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.idleTimer);
    const socket = this.socket;
    this.socket = null;
    this.acked = false;
    this.attempt = 0;
    if (socket) socket.close(1000, 'Normal closure');
    this.setState('idle');
  }
}

function defaultUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/graphql`;
}

/** The page's one client (it connects on the first subscription, not on import). */
export const subscriptions = new SubscriptionClient();
