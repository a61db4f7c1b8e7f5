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
