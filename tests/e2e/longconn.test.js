// End-to-end test of the sandbox in long-connection mode: `DUBAN_EVENTS=long-connection duban
// sandbox` (fresh data dir, virtual clock) in Debian's headless Chromium. Messages and clicks
// travel as frames over duban's WebSocket to the in-process fake Feishu; the developer panel
// lists the frames. Run from the repository root: `node --test tests/e2e/longconn.test.js`.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('./harness');

const TITLE = '核对长连接推送的督办事项';

// This test is about cards, not delivery: the app has the all-group-messages permission, so
// bare commands typed in a group arrive (delivery.test.js covers the default).
const { page } = useSandbox({ env: { DUBAN_GROUP_MESSAGES: 'all', DUBAN_EVENTS: 'long-connection' } });

const card = () => page.locator('.card', { hasText: TITLE }).last();

async function be(name) {
  await page.locator(`[data-person="${name}"]`).click();
  await page.locator('[data-chat-name="合规部督办群"]').click();
  await page.waitForFunction((n) => document.querySelector('#chat-sub').textContent.includes(`你是 ${n}`), name);
}

test('the developer panel shows the live connection and its heartbeat', { timeout: 60000 }, async () => {
  const panel = page.locator('#lc-panel');
  await panel.locator('summary', { hasText: '已连接' }).waitFor();
  await panel.locator('li[data-kind="ping"]').first().waitFor();
  await panel.locator('li[data-kind="pong"]', { hasText: 'PingInterval' }).first().waitFor();
  // The webhook is not served in this mode.
  const r = await page.evaluate(async () => (await fetch('/feishu/events', { method: 'POST', body: '{}' })).status);
  assert.equal(r, 404);
});

test('a command and a card click travel as frames; the click answer comes back in the ACK', { timeout: 90000 }, async () => {
  await be('赵督办');
  const box = page.locator('#composer');
  await box.click();
  await box.pressSequentially(`/督办 ${TITLE} @张`);
  await page.locator('#picker .mention-option[data-name="张三"]').click();
  await box.pressSequentially('明天18点前 P1');
  await box.press('Enter');
  await card().waitFor();
  const panel = page.locator('#lc-panel');
  await panel.locator('li[data-kind="event"]', { hasText: 'im.message.receive_v1' }).first().waitFor();
  await panel.locator('li[data-kind="ack"]', { hasText: '"code":200' }).first().waitFor();
  // The inspector shows the frame the event came in and duban's acknowledgement.
  await page.locator('#insp-body', { hasText: 'im.message.receive_v1' }).waitFor();
  await page.locator('#insp-body summary', { hasText: '长连接上的推送帧' }).first().click();
  await page.locator('#insp-body', { hasText: 'biz_rt' }).waitFor();

  await be('张三');
  await card().locator('button.card-btn', { hasText: '签收' }).click();
  await page.locator('.toast', { hasText: '签收' }).first().waitFor();
  await page.waitForFunction((t) => [...document.querySelectorAll('.card')].some((c) => c.textContent.includes(t) && c.textContent.includes('进行中')), TITLE);
  await panel.locator('li[data-kind="event"]', { hasText: 'card.action.trigger' }).first().waitFor();
  await panel.locator('li[data-kind="ack"]', { hasText: '"data"' }).first().waitFor();
});
