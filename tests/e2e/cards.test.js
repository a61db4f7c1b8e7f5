// End-to-end test of issue 12 points 1 and 9 in the sandbox emulator: a stale project card is
// refused with a toast and redrawn; an open item card is short, refuses a bystander before any
// form, and opens its form 1:1 for the 主办. The real `target/debug/duban sandbox` (fresh data
// dir, virtual clock at Wed 2026-03-11 10:00 Asia/Shanghai) in Debian's headless Chromium.
// Run from the repository root: `node --test tests/e2e/cards.test.js`.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('./harness');

const GROUP = '合规部督办群';

// This test is about cards, not delivery: the app has the all-group-messages permission, so
// bare commands typed in a group arrive (delivery.test.js covers the default).
const { page } = useSandbox({ env: { DUBAN_GROUP_MESSAGES: 'all' } });

async function be(name, chat = GROUP) {
  await page.locator(`[data-person="${name}"]`).click();
  await page.locator(`[data-chat-name="${chat}"]`).click();
  await page.waitForFunction((n) => document.querySelector('#chat-sub').textContent.includes(`你是 ${n}`), name);
}

async function send(text, mention) {
  const box = page.locator('#composer');
  await box.click();
  if (mention) {
    const [headText, tail] = text.split('@@');
    await box.pressSequentially(`${headText}@${mention.slice(0, 1)}`);
    await page.locator(`#picker .mention-option[data-name="${mention}"]`).click();
    if (tail.trim()) await box.pressSequentially(tail.trimStart());
  } else {
    await box.pressSequentially(text);
  }
  await box.press('Enter');
}

const seen = (needle) => page.waitForFunction((n) => [...document.querySelectorAll('.msg')].some((m) => m.textContent.includes(n)), needle);
const cardById = (id) => page.locator(`.card[data-message-id="${id}"]`);

test('a stale 推进 click on an old 查看 card is refused with a toast and the card is redrawn', { timeout: 90000 }, async () => {
  await be('赵督办');
  await send('/项目 新建 开户流程优化 @@ ', '张三');
  await seen('XM-1');
  await page.waitForFunction(() => [...document.querySelectorAll('.card')].some((c) => c.textContent.includes('XM-1')));
  await be('张三');
  await send('/项目 查看 XM-1');
  await page.waitForFunction(() => [...document.querySelectorAll('.card')].filter((c) => c.textContent.includes('XM-1')).length >= 2);
  const look = await page.locator('.card', { hasText: 'XM-1' }).last().getAttribute('data-message-id');
  await send('/项目 推进 XM-1 需求已对齐');
  await seen('已推进到「产品设计」');
  await send('/项目 推进 XM-1 原型确认');
  await seen('已推进到「开发评审」');
  // The old card still promises 需求对接 → 产品设计; clicking it must not move XM-1 again.
  await cardById(look).locator('button.card-btn', { hasText: '推进到下一阶段' }).click();
  const ok = page.locator('[data-confirm="1"]');
  await ok.waitFor();
  await ok.click();
  await page.locator('.toast', { hasText: '已过期' }).first().waitFor();
  const toast = await page.locator('.toast', { hasText: '已过期' }).first().textContent();
  assert.match(toast, /开发评审/);
  await page.waitForFunction((id) => {
    const c = document.querySelector(`.card[data-message-id="${id}"]`);
    return c && c.textContent.includes('▶ 3. 开发评审');
  }, look);
  const texts = await page.locator('.msg').allTextContents();
  assert.ok(!texts.some((t) => t.includes('已推进到「测试升级」')), 'XM-1 did not skip 开发评审');
});

test('an open item card is short, refuses a bystander and opens 更新进展 1:1 for the 主办', { timeout: 90000 }, async (t) => {
  await be('赵督办');
  await send('/督办 报送月度合规报表 @@ 明天18点前', '张三');
  const item = () => page.locator('.card', { hasText: '报送月度合规报表' }).last();
  await item().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.card')].some((c) => c.textContent.includes('报送月度合规报表') && c.textContent.includes('待签收')));
  assert.equal(await item().locator('form').count(), 0, 'no form on the live card');
  const box = await item().boundingBox();
  t.diagnostic(`open item card height: ${Math.round(box.height)} px`);
  assert.ok(box.height < 480, `the card is short: ${box.height}px`);
  const mid = await item().getAttribute('data-message-id');

  // 王五 holds no role on the item: told who may, before any form.
  await be('王五');
  await cardById(mid).locator('button.card-btn', { hasText: '更新进展' }).click();
  await page.locator('.toast', { hasText: '只有' }).first().waitFor();

  // 张三 (主办) gets the form in the bot's 1:1 chat.
  await be('张三');
  await cardById(mid).locator('button.card-btn', { hasText: '更新进展' }).click();
  await page.locator('.toast', { hasText: '私信' }).first().waitFor();
  await page.locator('[data-chat-name="督办（单聊）"]').click();
  const form = page.locator('form[data-form="progress_form"]').last();
  await form.waitFor();
  await form.locator('select[name="percent"]').selectOption('60');
  await form.locator('[name="note"]').fill('已汇总各部门数据');
  await form.locator('button.card-btn', { hasText: '更新进展' }).click();
  await page.locator('.toast', { hasText: '60%' }).first().waitFor();
  await be('张三');
  await page.waitForFunction((id) => {
    const c = document.querySelector(`.card[data-message-id="${id}"]`);
    return c && c.textContent.includes('60%') && c.textContent.includes('已汇总各部门数据');
  }, mid);
});
