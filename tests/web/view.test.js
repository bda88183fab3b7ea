// @ts-check
// The view contract's life cycle (lib/view.js): what a view leaves behind when it is left.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { documentTitle, View } from '../../web/lib/view.js';

/** @returns {import('../../web/lib/view.js').ViewContext} */
function context(query = '') {
  return {
    main: /** @type {HTMLElement} */ (/** @type {unknown} */ ({})),
    params: [],
    query: new URLSearchParams(query),
    hash: '',
    session: async () => { throw new Error('not needed'); },
    navigate: async () => {},
  };
}

test('leaving a view aborts its requests and runs its clean-ups once, newest first', () => {
  const view = new View(context());
  /** @type {string[]} */
  const ran = [];
  view.onLeave(() => ran.push('first'));
  view.onLeave(() => ran.push('second'));
  assert.equal(view.signal.aborted, false);
  view.destroy();
  view.destroy();
  assert.equal(view.signal.aborted, true);
  assert.equal(view.left, true);
  assert.deepEqual(ran, ['second', 'first']);
});

test('a clean-up that fails does not keep the others from running', (t) => {
  t.mock.method(console, 'error', () => {});
  const view = new View(context());
  let ran = false;
  view.onLeave(() => { ran = true; });
  view.onLeave(() => { throw new Error('broken'); });
  view.destroy();
  assert.equal(ran, true);
});

test('timers of a view never fire after it is left', async () => {
  const view = new View(context());
  let fired = 0;
  view.later(5, () => { fired += 1; });
  view.every(5, () => { fired += 1; });
  view.destroy();
  await sleep(30);
  assert.equal(fired, 0);
  view.later(1, () => { fired += 1; });
  await sleep(10);
  assert.equal(fired, 0, 'a timer asked for after leaving is not set');
});

test('a timer can be cleared sooner, and one that fired is forgotten', async () => {
  const view = new View(context());
  let fired = 0;
  const cancel = view.later(5, () => { fired += 1; });
  cancel();
  view.later(1, () => { fired += 10; });
  await sleep(20);
  assert.equal(fired, 10);
  view.destroy();
});

test('listeners added through the view are removed when it is left', () => {
  const view = new View(context());
  const target = new EventTarget();
  let heard = 0;
  view.listen(target, 'change', () => { heard += 1; });
  target.dispatchEvent(new Event('change'));
  view.destroy();
  target.dispatchEvent(new Event('change'));
  assert.equal(heard, 1);
});

test('a clean-up given after leaving runs at once, and a subscription is not made', () => {
  const view = new View(context());
  view.destroy();
  let ran = false;
  view.onLeave(() => { ran = true; });
  assert.equal(ran, true);
  const stop = view.subscribe(/** @type {any} */ ('subscription S { x }'), {}, {});
  assert.equal(typeof stop, 'function');
});

test('a view that cannot update in place is mounted afresh, one that can keeps the new context', () => {
  const plain = new View(context('a=1'));
  assert.equal(plain.reuse(context('a=2')), false);
  assert.equal(plain.ctx.query.get('a'), '1');

  class Updating extends View {
    /** @override @param {import('../../web/lib/view.js').ViewContext} _ctx */
    update(_ctx) { return true; }
  }
  const updating = new Updating(context('a=1'));
  assert.equal(updating.reuse(context('a=2')), true);
  assert.equal(updating.ctx.query.get('a'), '2');
  updating.destroy();
  assert.equal(updating.reuse(context('a=3')), false, 'a view that was left is not reused');
});

test('a view that forgot mount() says so', async () => {
  await assert.rejects(new View(context()).mount(), /does not implement mount\(\)/);
});

test('page titles end with the site name, and the home page is the site name', () => {
  assert.equal(documentTitle('Organisations'), 'Organisations — MOIN Forum');
  assert.equal(documentTitle(''), 'MOIN Forum');
});
