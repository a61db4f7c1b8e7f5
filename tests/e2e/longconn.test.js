// End-to-end test of the sandbox in long-connection mode: `DUBAN_EVENTS=long-connection duban
// sandbox` (fresh data dir, virtual clock) in Debian's headless Chromium. Messages and clicks
// travel as frames over duban's WebSocket to the in-process fake Feishu; the developer panel
// lists the frames. Run from the repository root: `node --test tests/e2e/longconn.test.js`.
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
const TITLE = '核对长连接推送的督办事项';

let server; let url; let context; let page; let dataDir; let profile; let serverLog = '';

function startSandbox() {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-e2e-lc-data-'));
  // This test is about cards, not delivery: the app has the all-group-messages permission,
  // so bare commands typed in a group arrive (delivery.test.js covers the default).
  const env = { ...process.env, DUBAN_DATA_DIR: dataDir, DUBAN_LISTEN: '127.0.0.1:0', DUBAN_VIRTUAL_CLOCK: '2026-03-11T10:00:00+08:00', DUBAN_LOG: 'warn', DUBAN_GROUP_MESSAGES: 'all', DUBAN_EVENTS: 'long-connection' };
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
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-e2e-lc-chromium-'));
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
