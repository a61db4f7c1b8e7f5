// The sandbox's seeded units (issue 14): each unit's group and the leaders' group appear in the
// chat list of the people in them, and a unit head sees their own unit's group only.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('./harness');

const { page } = useSandbox({});

const UNIT_GROUPS = ['杭州营业部工作群', '宁波营业部工作群', '长沙营业部工作群', '武汉营业部工作群', '运营管理部工作群', '信息技术部工作群'];

async function chatNames() {
  return page.$$eval('[data-chat-name]', (els) => els.map((e) => e.getAttribute('data-chat-name')));
}

test('赵督办 sees every unit group and the leaders\' group', { timeout: 60000 }, async () => {
  await page.locator('[data-person="赵督办"]').click();
  await page.locator('[data-chat-name="领导群"]').waitFor();
  const names = await chatNames();
  for (const g of [...UNIT_GROUPS, '领导群', '合规部督办群']) assert.ok(names.includes(g), `${g} in ${names}`);
});

test('a unit head sees their unit\'s group, not the others\'', { timeout: 60000 }, async () => {
  await page.locator('[data-person="钱明"]').click();
  await page.locator('[data-chat-name="杭州营业部工作群"]').click();
  await page.waitForFunction(() => document.querySelector('#chat-sub').textContent.includes('你是 钱明'));
  const names = await chatNames();
  assert.ok(!names.includes('宁波营业部工作群') && !names.includes('领导群'), `${names}`);
});

// 下达 (issue 14): 赵督办 issues one item to every seeded 营业部; each unit's group gets its card,
// and the roll-up in the issuing group follows when a unit head clicks 签收.
const XD_TITLE = '客户适当性回访自查';

async function be(name, chat) {
  await page.locator(`[data-person="${name}"]`).click();
  await page.locator(`[data-chat-name="${chat}"]`).click();
  await page.waitForFunction((n) => document.querySelector('#chat-sub').textContent.includes(`你是 ${n}`), name);
}

async function say(text) {
  const box = page.locator('#composer');
  await box.fill(text);
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelector('#composer').value === '');
}

const rollupHas = (text) => page.waitForFunction(
  ([t, want]) => [...document.querySelectorAll('.card')].some((c) => c.textContent.includes(t) && c.textContent.includes(want)),
  [XD_TITLE, text],
);

test('a 下达 to the seeded 营业部 posts one card per unit and the roll-up counts a head\'s 签收', { timeout: 90000 }, async () => {
  await be('赵督办', '合规部督办群');
  await say(`@督办 /督办 下达 ${XD_TITLE} 对象：全部营业部 截止：下周五`);
  await rollupHas('签收 0/4');

  // 钱明 (head of 杭州营业部) finds the unit's card in the unit's group and signs for it.
  await be('钱明', '杭州营业部工作群');
  const card = page.locator('.card', { hasText: XD_TITLE }).last();
  await card.waitFor();
  assert.match(await card.textContent(), /杭州营业部/);
  await card.locator('button.card-btn', { hasText: '签收' }).click();
  await page.locator('.toast', { hasText: '签收' }).first().waitFor();

  // The roll-up is refreshed a few seconds later (clicks are coalesced): move the clock on.
  await be('赵督办', '合规部督办群');
  await page.locator('[data-jump="hour"]').click();
  await rollupHas('签收 1/4');
  const rollup = page.locator('.card', { hasText: '签收 1/4' }).last();
  assert.match(await rollup.textContent(), /进行中 1/);
});
