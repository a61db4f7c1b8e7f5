// 例会 in the sandbox: the seeded weekly meeting of 营业部协同群 (Thursdays 14:00) posts its
// pre-meeting card the working day before at 16:00, so one 「+1天」 jump from the sandbox's
// Wednesday 10:00 shows it. Run from the repository root: `node --test tests/e2e/series.test.js`.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('./harness');

const { page } = useSandbox({});

test('one day jump shows the seeded series\' pre-meeting card with its links', { timeout: 90000 }, async () => {
  await page.locator('[data-person="赵督办"]').click();
  await page.locator('[data-chat-name="营业部协同群"]').click();
  await page.waitForFunction(() => document.querySelector('#chat-sub').textContent.includes('你是 赵督办'));
  const before = await page.locator('.card', { hasText: '会前提醒 · 营业部协同周例会' }).count();
  assert.equal(before, 0, 'no card before its time');
  await page.locator('[data-jump="day"]').click(); // Thu 03-12 10:00, past Wed 16:00
  await page.waitForFunction(() => document.querySelector('#clock-label').textContent.includes('3月12日'));
  const card = page.locator('.card', { hasText: '会前提醒 · 营业部协同周例会' }).last();
  await card.waitFor({ timeout: 60000 });
  const text = await card.textContent();
  assert.ok(text.includes('打开会议提纲') && text.includes('打开看板'), text);
  assert.ok(text.includes('遇节假日顺延到下一个工作日'), text);
  assert.ok(text.includes('3月12日'), text);
});
