// End-to-end test of onboarding in the sandbox emulator: a person's first 1:1 message gets the
// welcome card, whose 帮助 button answers with the help card. The real `target/debug/duban
// sandbox` (fresh data dir, virtual clock) in Debian's headless Chromium by playwright-core.
// Run from the repository root: `node --test tests/e2e/`.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = process.env.DUBAN_BIN || path.join(ROOT, 'target', 'debug', 'duban');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let server; let url; let context; let page; let dataDir; let profile; let serverLog = '';

function startSandbox() {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-e2e-data-'));
  const env = { ...process.env, DUBAN_DATA_DIR: dataDir, DUBAN_LISTEN: '127.0.0.1:0', DUBAN_VIRTUAL_CLOCK: '2026-03-11T10:00:00+08:00', DUBAN_LOG: 'warn' };
  for (const k of Object.keys(env)) if (k.startsWith('FEISHU_')) delete env[k];
  server = spawn(BIN, ['sandbox'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start in 30 s:\n${serverLog}`)), 30000);
    const onData = (chunk) => {
      serverLog += chunk;
      const m = serverLog.match(/沙箱已启动：打开 (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', (c) => { serverLog += c; });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`duban sandbox exited with ${code}:\n${serverLog}`)); });
  });
}

before(async () => {
  assert.ok(fs.existsSync(BIN), `build duban first (cargo build): ${BIN} is missing`);
  url = await startSandbox();
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-e2e-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(url);
});

after(async () => {
  if (context) await context.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => { server.once('exit', r); setTimeout(r, 5000); });
  }
  for (const d of [dataDir, profile]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

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
