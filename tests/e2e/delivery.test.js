// End-to-end test of issue 12 points 3 and 11 in the sandbox: group messages are delivered as
// the app's permission would (a bare /督办 is not, under the default; @督办 帮助 is; with
// "获取群组中所有消息" switched on the bare command works), and the page's polish (date pickers
// show 2026-03-20 whatever the browser's locale — this browser runs in en-US on purpose —,
// fenced code renders as a block, the developer panel follows a click and wraps long lines,
// message footers count their raw events). The real `target/debug/duban sandbox` on a fresh
// data dir, in Debian's headless Chromium. Run from the repository root: `node --test tests/e2e/`.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('./harness');

const TITLE = '报送两融业务自查表';

const { page } = useSandbox({ locale: 'en-US', timezoneId: 'America/New_York' });

async function be(name) {
  await page.locator(`[data-person="${name}"]`).click();
  await page.locator('[data-chat-name="合规部督办群"]').click();
  await page.waitForFunction((n) => document.querySelector('#chat-sub').textContent.includes(`你是 ${n}`), name);
}

async function say(text) {
  const box = page.locator('#composer');
  await box.fill(text);
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelector('#composer').value === '');
}

const botCards = (title) => page.locator('.msg', { has: page.locator('.bot-tag') }).locator('.card', { has: page.locator('.card-title', { hasText: title }) });
const itemCard = () => page.locator('.card', { hasText: TITLE }).last();

test('under the default permission a bare /督办 in a group is not delivered and the page says why', { timeout: 60000 }, async () => {
  await be('赵督办');
  assert.equal(await page.locator('#scope-all').isChecked(), false, 'the default is at_bot');
  assert.match(await page.locator('#composer').getAttribute('placeholder'), /@督办 后输入指令/);
  const bots = await page.locator('.msg .bot-tag').count();
  await say('/督办 帮助');
  const mine = page.locator('.msg.mine').last();
  await mine.locator('.undelivered-tag').waitFor();
  assert.match(await mine.locator('.undelivered-tag').textContent(), /请 @督办 后输入指令/);
  await page.locator('.toast', { hasText: '没有投递给机器人' }).first().waitFor();
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('.msg .bot-tag').count(), bots, 'the bot never saw it');
});

test('@督办 帮助 answers with the help card, whose multi-line form is a code block', { timeout: 60000 }, async () => {
  const before = await botCards('督办使用说明').count();
  await say('@督办 帮助');
  await page.waitForFunction((n) => [...document.querySelectorAll('.card-title')].filter((t) => t.textContent.includes('督办使用说明')).length > n, before);
  const help = botCards('督办使用说明').last();
  assert.match(await help.textContent(), /在群里 @督办 后输入指令/);
  const code = help.locator('pre.c-code code');
  assert.ok(await code.count() >= 1, 'fenced code renders as <pre><code>');
  assert.match(await code.first().textContent(), /负责人：@张三/);
  assert.doesNotMatch(await help.textContent(), /```/, 'no literal backticks');
  // The user's message footer counts its raw event once the push is recorded.
  await page.locator('.msg.mine').last().locator('.link-btn', { hasText: '原始事件 1' }).waitFor();
});

test('@督办 with text it cannot read gets the short help card', { timeout: 60000 }, async () => {
  await say('@督办 这个机器人怎么用');
  await botCards('督办没看懂这条消息').first().waitFor();
  assert.match(await botCards('督办没看懂这条消息').last().textContent(), /@督办 帮助/);
});

test('with 获取群组中所有消息 switched on, the bare command works', { timeout: 60000 }, async () => {
  await page.locator('#scope-all').check();
  await page.locator('#scope-note', { hasText: '已开通' }).waitFor();
  const before = await botCards('督办使用说明').count();
  await say('/督办 帮助');
  await page.waitForFunction((n) => [...document.querySelectorAll('.card-title')].filter((t) => t.textContent.includes('督办使用说明')).length > n, before);
  assert.equal(await page.locator('.msg.mine').last().locator('.undelivered-tag').count(), 0);
  await page.locator('#scope-all').uncheck();
  await page.locator('#scope-note', { hasText: '未开通' }).waitFor();
});

test('the developer panel follows a button click and wraps long lines', { timeout: 60000 }, async () => {
  await say(`@督办 /督办 ${TITLE} @张三 下周五前`);
  await itemCard().waitFor();
  // The panel shows the user's message (selected on send)…
  await page.locator('#insp-body', { hasText: 'im.message.receive_v1' }).waitFor();
  await be('张三');
  await itemCard().locator('button.card-btn', { hasText: '签收' }).click();
  await page.locator('.toast', { hasText: '签收' }).first().waitFor();
  // …and follows the card the click acted on.
  await page.locator('#insp-body', { hasText: '卡片回调 card.action.trigger' }).waitFor();
  // The panel turns to the card (an answer for the earlier selection, arriving late, is dropped).
  const cardId = await itemCard().getAttribute('data-message-id');
  await page.locator('#insp-body h4', { hasText: cardId }).first().waitFor();
  assert.match(await page.locator('#insp-body h4').first().textContent(), new RegExp(cardId));
  assert.equal(await page.locator('.msg.selected .card').getAttribute('data-message-id'), cardId);
  const overflow = await page.$$eval('#insp-body pre.json', (pres) => pres.filter((p) => p.offsetParent && p.scrollWidth > p.clientWidth + 1).length);
  assert.equal(overflow, 0, 'no raw JSON block scrolls sideways');
  assert.equal(await page.$eval('#insp-body pre.json', (p) => getComputedStyle(p).whiteSpace), 'pre-wrap');
});

test('date pickers show 2026-03-25 in an en-US browser and submit as Feishu does', { timeout: 60000 }, async () => {
  // The item card carries buttons only: 申请延期 sends its form to the 主办 1:1.
  await be('张三');
  await itemCard().locator('button.card-btn', { hasText: '申请延期' }).click();
  await page.locator('.toast', { hasText: '私信' }).first().waitFor();
  await page.locator('[data-chat-name="督办（单聊）"]').click();
  const form = page.locator('form[data-form="extension_form"]').last();
  await form.waitFor();
  const shown = form.locator('input[data-picker="date"]');
  assert.equal(await shown.getAttribute('type'), 'text', 'the shown field is not the locale-formatted native one');
  // Choosing in the (hidden) native calendar shows the Chinese form.
  await form.locator('input.c-picker-native').fill('2026-03-25');
  await page.waitForFunction(() => [...document.querySelectorAll('form[data-form="extension_form"] input[data-picker="date"]')].pop().value === '2026-03-25');
  // Typing another common form is normalised.
  await shown.fill('2026/3/27');
  await shown.blur();
  assert.equal(await shown.inputValue(), '2026-03-27');
  await form.locator('[name="reason"]').fill('等待监管口径');
  await form.locator('button.card-btn', { hasText: '申请延期' }).click();
  await page.locator('.toast', { hasText: '延期' }).first().waitFor();
  await be('张三');
  await page.waitForFunction((t) => [...document.querySelectorAll('.card')].some((c) => c.textContent.includes(t) && c.textContent.includes('3月27日')), TITLE);
});
