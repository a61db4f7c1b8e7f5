// End-to-end test of onboarding in the sandbox emulator: a person's first 1:1 message gets the
// welcome card, whose 帮助 button answers with the help card. The real `target/debug/duban
// sandbox` (fresh data dir, virtual clock) in Debian's headless Chromium by playwright-core.
// Run from the repository root: `node --test tests/e2e/`.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('./harness');

const { page } = useSandbox({});

test('a first 1:1 message is answered with the welcome card, and 帮助 with the help card', { timeout: 60000 }, async () => {
  await page.locator('[data-person="李四"]').click();
  await page.locator('[data-chat-name$="（单聊）"]').click();
  await page.waitForFunction(() => document.querySelector('#chat-sub').textContent.includes('单聊'));
  const box = page.locator('#composer');
  await box.click();
  await box.pressSequentially('你好');
  await box.press('Enter');
  const welcome = page.locator('.card', { hasText: '你好，我是督办' });
  await welcome.waitFor();
  const text = await welcome.innerText();
  assert.match(text, /最常用的三条指令/);
  assert.match(text, /\/督办 列表 逾期/);
  await welcome.locator('button.card-btn', { hasText: '帮助' }).click();
  await page.locator('.card', { hasText: '督办使用说明' }).waitFor();
  // The welcome is sent once: a second message gets its own answer only.
  await box.click();
  await box.pressSequentially('/督办 列表');
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.card').length >= 3);
  assert.equal(await page.locator('.card', { hasText: '你好，我是督办' }).count(), 1);
});
