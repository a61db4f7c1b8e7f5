// End-to-end test of the sandbox emulator: the real `target/debug/duban sandbox` (fresh data
// dir, virtual clock at Wed 2026-03-11 10:00 Asia/Shanghai) driven in Debian's headless
// Chromium by playwright-core. Run from the repository root: `node --test tests/e2e/`.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, useSandbox } = require('./harness');

const SCREENSHOT = path.join(ROOT, 'docs', 'sandbox.png');
const TITLE = '整理三季度合规自查报告';

const { page } = useSandbox({});

const card = () => page.locator('.card', { hasText: TITLE }).last();

async function be(name) {
  await page.locator(`[data-person="${name}"]`).click();
  await page.locator('[data-chat-name="合规部督办群"]').click();
  await page.waitForFunction((n) => document.querySelector('#chat-sub').textContent.includes(`你是 ${n}`), name);
}

test('as 赵督办 in a group, creating an item with a picked @mention shows the live card', { timeout: 60000 }, async () => {
  await be('赵督办');
  const box = page.locator('#composer');
  await box.click();
  await box.pressSequentially(`@督办 /督办 ${TITLE} @张`);
  await page.locator('#picker .mention-option[data-name="张三"]').click();
  await box.pressSequentially('明天18点前 P1');
  assert.equal(await box.inputValue(), `@督办 /督办 ${TITLE} @张三 明天18点前 P1`);
  await box.press('Enter');
  // The user's message shows the mention as @张三 (sent as @_user_1 + mentions).
  await page.locator('.msg.mine .mention', { hasText: '@张三' }).first().waitFor();
  await card().waitFor();
  await page.waitForFunction((t) => [...document.querySelectorAll('.card')].some((c) => c.textContent.includes(t) && c.textContent.includes('待签收')), TITLE);
  // The inspector shows the raw im.message.receive_v1 with its mentions array.
  await page.locator('#insp-body', { hasText: 'im.message.receive_v1' }).waitFor();
  const raw = await page.locator('#insp-body').textContent();
  assert.match(raw, /@_user_1/);
  assert.match(raw, /"mentions"/);
});

test('as 张三, 签收 updates the card in place to 进行中', { timeout: 60000 }, async () => {
  await be('张三');
  const cards = await page.locator('.card').count();
  await card().locator('button.card-btn', { hasText: '签收' }).click();
  await page.locator('.toast', { hasText: '签收' }).first().waitFor();
  await page.waitForFunction((t) => [...document.querySelectorAll('.card')].some((c) => c.textContent.includes(t) && c.textContent.includes('进行中')), TITLE);
  assert.equal(await page.locator('.card', { hasText: TITLE }).count(), await page.locator('.card', { hasText: TITLE }).count());
  assert.ok((await page.locator('.card').count()) <= cards + 1, 'the card was updated, not re-sent');
});

test('progress submitted through the card form shows 60% on the card', { timeout: 60000 }, async () => {
  // 更新进展 opens its form 1:1, in the bot's chat; the group card follows.
  await card().locator('button.card-btn', { hasText: '更新进展' }).click();
  await page.locator('[data-chat-name="督办（单聊）"]').click();
  const form = page.locator('form[data-form="progress_form"]').last();
  await form.locator('select[name="percent"]').selectOption('60');
  await form.locator('[name="note"]').fill('已完成初稿，待法务复核');
  await form.locator('button.card-btn', { hasText: '更新进展' }).click();
  await page.locator('.toast', { hasText: '60%' }).first().waitFor();
  await be('张三');
  await page.waitForFunction((t) => [...document.querySelectorAll('.card')].some((c) => c.textContent.includes(t) && c.textContent.includes('60%') && c.textContent.includes('已完成初稿')), TITLE);
  // Show the card's raw OpenAPI requests in the side panel, then take the README's screenshot.
  await card().locator('xpath=ancestor::div[contains(@class,"msg")][1]').locator('.link-btn').click();
  await page.locator('#insp-body', { hasText: '/im/v1/messages' }).waitFor();
  await page.locator('.toast').first().waitFor({ state: 'detached' });
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
});

test('advancing the sandbox clock past the deadline brings the overdue nudge', { timeout: 90000 }, async () => {
  const before = await page.locator('.msg').count();
  await page.locator('[data-jump="day"]').click(); // Thu 03-12 10:00
  await page.locator('[data-jump="day"]').click(); // Fri 03-13 10:00: past 03-12 18:00
  await page.waitForFunction(() => document.querySelector('#clock-label').textContent.includes('3月13日'));
  await page.waitForFunction((n) => {
    const msgs = [...document.querySelectorAll('.msg')];
    return msgs.length > n && msgs.slice(n).some((m) => m.textContent.includes('逾期'));
  }, before, { timeout: 60000 });
});
