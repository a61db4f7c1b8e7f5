// 例会 in the sandbox, the whole cycle a visitor can try (issue 17): an item for 张三 due
// tomorrow noon in 营业部协同群, one 「+1天」 jump past Wednesday 16:00 brings the seeded weekly
// meeting's pre-meeting card (Thursdays 14:00) with the item under 会前到期 and 张三 asked for
// progress (⏳) by the reminder engine; his progress update turns him to ✔ on the same card.
// Run from the repository root: `cargo build && node --test tests/e2e/series17.test.js`.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('./harness');

const TITLE = '整理营业部协同台账';
const SERIES = '会前提醒 · 营业部协同周例会';

const { page } = useSandbox({});

const preMeeting = () => page.locator('.card', { hasText: SERIES }).last();

async function be(name) {
  await page.locator(`[data-person="${name}"]`).click();
  await page.locator('[data-chat-name="营业部协同群"]').click();
  await page.waitForFunction((n) => document.querySelector('#chat-sub').textContent.includes(`你是 ${n}`), name);
}

let itemId = null;

test('as 赵督办, an item for 张三 due before the seeded meeting', { timeout: 60000 }, async () => {
  await be('赵督办');
  const box = page.locator('#composer');
  await box.click();
  await box.pressSequentially(`@督办 /督办 ${TITLE} @张`);
  await page.locator('#picker .mention-option[data-name="张三"]').click();
  await box.pressSequentially('明天12点前');
  await box.press('Enter');
  const card = page.locator('.card', { hasText: TITLE }).last();
  await card.waitFor();
  itemId = ((await card.textContent()).match(/DB-\d+/) || [])[0];
  assert.ok(itemId, await card.textContent());
  assert.equal(await page.locator('.card', { hasText: SERIES }).count(), 0, 'no card before its time');
});

test('one day jump: the pre-meeting card lists the item and asks 张三 once', { timeout: 90000 }, async () => {
  await page.locator('[data-jump="day"]').click(); // Thu 03-12 10:00, past Wed 16:00
  await page.waitForFunction(() => document.querySelector('#clock-label').textContent.includes('3月12日'));
  await preMeeting().waitFor({ timeout: 60000 });
  const text = await preMeeting().textContent();
  assert.ok(text.includes('打开会议提纲') && text.includes('打开看板'), text);
  assert.ok(text.includes('会前到期') && text.includes(TITLE), text);
  assert.ok(text.includes('进展征集') && text.includes('⏳ 张三'), text);
  // The request comes as a reminder in the group (@张三), once.
  const ask = page.locator('.msg', { hasText: '【进展征集】' });
  await ask.first().waitFor({ timeout: 60000 });
  assert.equal(await ask.count(), 1);
  assert.ok((await ask.first().textContent()).includes('张三'));
});

test('as 张三, a progress update marks him ✔ on the same card', { timeout: 90000 }, async () => {
  await be('张三');
  const cards = await page.locator('.card', { hasText: SERIES }).count();
  const box = page.locator('#composer');
  await box.click();
  await box.fill(`@督办 /督办 进展 ${itemId} 60% 台账已整理大半`);
  await box.press('Enter');
  await page.waitForFunction((s) => [...document.querySelectorAll('.card')].some((c) => c.textContent.includes(s) && c.textContent.includes('✔ 张三')), SERIES, { timeout: 60000 });
  assert.equal(await page.locator('.card', { hasText: SERIES }).count(), cards, 'updated in place, not posted again');
});
