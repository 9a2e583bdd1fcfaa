// The client's policy for a crashing server: a few restarts, then one clear message with a Restart action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  crashHandler,
  GAVE_UP_MESSAGE,
  MAX_RESTARTS,
  RESTART_ACTION,
  RestartPolicy,
  WINDOW_MS,
} from '../../client/src/restartPolicy';

function clock(start = 1_000_000) {
  const c = { time: start, now: () => c.time };
  return c;
}

test('three quick crashes are restarted; the fourth within three minutes gives up', () => {
  const c = clock();
  const policy = new RestartPolicy(c.now);
  const decisions = [];
  for (let k = 0; k < 5; k++) {
    decisions.push(policy.crashed());
    c.time += 1_000;
  }
  assert.equal(MAX_RESTARTS, 3);
  assert.deepEqual(decisions, ['restart', 'restart', 'restart', 'give-up', 'give-up']);
});

test('crashes spread over more than the window keep being restarted', () => {
  const c = clock();
  const policy = new RestartPolicy(c.now);
  const decisions = [];
  for (let k = 0; k < 10; k++) {
    decisions.push(policy.crashed());
    c.time += WINDOW_MS / 2; // at most two crashes inside any window
  }
  assert.deepEqual(decisions, Array(10).fill('restart'));
});

test('a crash just inside the window still counts; one exactly the window old no longer does', () => {
  const c = clock(0);
  const policy = new RestartPolicy(c.now);
  for (let k = 0; k < 3; k++) {
    c.time = k; // crashes at 0, 1 and 2 ms
    assert.equal(policy.crashed(), 'restart');
  }
  c.time = WINDOW_MS - 1;
  assert.equal(policy.crashed(), 'give-up', 'four crashes within 3 minutes');
  c.time = WINDOW_MS;
  assert.equal(policy.crashed(), 'give-up', 'the crash at 0 is gone, but 1, 2, WINDOW_MS - 1 and this one make four');
  c.time = WINDOW_MS + 2;
  assert.equal(policy.crashed(), 'restart', 'the crashes at 1 and 2 are gone: three in the window');
});

test('after giving up, a restart by hand starts the count again', () => {
  const c = clock();
  const policy = new RestartPolicy(c.now);
  for (let k = 0; k < 3; k++) policy.crashed();
  assert.equal(policy.crashed(), 'give-up');
  policy.reset();
  assert.deepEqual(
    [policy.crashed(), policy.crashed(), policy.crashed(), policy.crashed()],
    ['restart', 'restart', 'restart', 'give-up'],
  );
});

test('the message says what stopped, what is off, where the details are, and offers Restart', () => {
  assert.equal(
    GAVE_UP_MESSAGE,
    'The IMR language server stopped unexpectedly 4 times in a few minutes and will not be restarted automatically. ' +
      'Outline, diagnostics and hover are off until it runs again. Details are in the "IMR Determinations" output.',
  );
  assert.equal(RESTART_ACTION, 'Restart');
});

test('the error handler: silent restarts, then one message; choosing Restart starts afresh', async () => {
  const c = clock();
  const shown: string[] = [];
  let answer: string | undefined = RESTART_ACTION;
  let restarted = 0;
  const handler = crashHandler(new RestartPolicy(c.now), {
    show: async (message, action) => {
      shown.push(`${message} [${action}]`);
      return answer;
    },
    restart: () => restarted++,
  });
  const close = async () => (await handler.closed()) as { action: number; handled?: boolean };
  const RESTART = 2;
  const DO_NOT_RESTART = 1;
  for (let k = 0; k < 3; k++) assert.deepEqual(await close(), { action: RESTART, handled: true });
  assert.deepEqual(shown, []);
  assert.deepEqual(await close(), { action: DO_NOT_RESTART, handled: true });
  await new Promise<void>((resolve) => setImmediate(resolve)); // the message's answer is handled asynchronously
  assert.deepEqual(shown, [`${GAVE_UP_MESSAGE} [Restart]`]);
  assert.equal(restarted, 1);
  assert.deepEqual(await close(), { action: RESTART, handled: true }, 'the count started again');

  answer = undefined; // the message dismissed
  for (let k = 0; k < 2; k++) await close();
  assert.deepEqual(await close(), { action: DO_NOT_RESTART, handled: true });
  await new Promise<void>((resolve) => setImmediate(resolve));
  assert.equal(shown.length, 2);
  assert.equal(restarted, 1, 'no restart without the action');
});

test('read/write errors: the first three are tolerated, then the server is shut down', async () => {
  const handler = crashHandler(new RestartPolicy(), { show: async () => undefined, restart: () => undefined });
  const CONTINUE = 1;
  const SHUT_DOWN = 2;
  const actions = [];
  for (const count of [1, 2, 3, 4, undefined])
    actions.push(((await handler.error(new Error('x'), undefined, count)) as { action: number }).action);
  assert.deepEqual(actions, [CONTINUE, CONTINUE, CONTINUE, SHUT_DOWN, SHUT_DOWN]);
});
