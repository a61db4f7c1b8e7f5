// Shared set-up of the sandbox browser tests: the real `target/debug/duban sandbox` on a fresh
// data dir, with a virtual clock at Wed 2026-03-11 10:00 Asia/Shanghai, and Debian's headless
// Chromium driven by playwright-core (no browser download: it launches /usr/bin/chromium).
'use strict';

const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = process.env.DUBAN_BIN || path.join(ROOT, 'target', 'debug', 'duban');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Settings a test must not inherit from the shell: it sees the defaults unless it says otherwise.
const DROPPED = (k) => k.startsWith('FEISHU_') || k === 'DUBAN_GROUP_MESSAGES' || k === 'DUBAN_EVENTS';

function startSandbox(s, extraEnv) {
  s.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-e2e-data-'));
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (DROPPED(k)) delete env[k];
  Object.assign(env, {
    DUBAN_DATA_DIR: s.dataDir,
    DUBAN_LISTEN: '127.0.0.1:0',
    DUBAN_VIRTUAL_CLOCK: '2026-03-11T10:00:00+08:00',
    DUBAN_LOG: 'warn',
  }, extraEnv);
  s.server = spawn(BIN, ['sandbox'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start in 30 s:\n${s.serverLog}`)), 30000);
    s.server.stdout.on('data', (chunk) => {
      s.serverLog += chunk;
      const m = s.serverLog.match(/沙箱已启动：打开 (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    s.server.stderr.on('data', (c) => { s.serverLog += c; });
    s.server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`duban sandbox exited with ${code}:\n${s.serverLog}`)); });
  });
}

/**
 * Registers the hooks that start a sandbox and a browser page on it before the file's tests and
 * stop both after them. `env` is added to the sandbox's environment; `locale` and `timezoneId`
 * are the browser's. Returns `page`, which stands for the browser page once the hooks have
 * run (tests use it as the page itself), and the `session` (server, URL, its log).
 */
function useSandbox({ env = {}, locale = 'zh-CN', timezoneId = 'Asia/Shanghai' } = {}) {
  const s = { page: null, context: null, url: null, server: null, serverLog: '', dataDir: null, profile: null };
  before(async () => {
    assert.ok(fs.existsSync(BIN), `build duban first (cargo build): ${BIN} is missing`);
    s.url = await startSandbox(s, env);
    s.profile = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-e2e-chromium-'));
    s.context = await chromium.launchPersistentContext(s.profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', `--lang=${locale}`],
      viewport: { width: 1440, height: 900 },
      locale,
      timezoneId,
    });
    s.page = s.context.pages()[0] || await s.context.newPage();
    s.page.setDefaultTimeout(15000);
    await s.page.goto(s.url);
  });
  after(async () => {
    if (s.context) await s.context.close();
    if (s.server && s.server.exitCode === null) {
      s.server.kill('SIGTERM');
      await new Promise((r) => { s.server.once('exit', r); setTimeout(r, 5000); });
    }
    for (const d of [s.dataDir, s.profile]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });
  const page = new Proxy({}, {
    get(_, key) {
      assert.ok(s.page, 'the sandbox page is used before the set-up ran');
      const v = s.page[key];
      return typeof v === 'function' ? v.bind(s.page) : v;
    },
  });
  return { page, session: s };
}

module.exports = { ROOT, useSandbox };
