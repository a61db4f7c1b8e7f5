// 督办沙箱 — the page of duban's built-in Feishu group-chat emulator. Plain JavaScript, no build
// step, no network beyond this server. It draws what the fake Feishu received (texts, cards and
// their PATCHes, urgent marks) and posts what a user does to /sandbox/api/…, where it becomes a
// sealed Feishu event.
'use strict';

const S = {
  people: [], groups: [], bot: null, me: null, chat: null, groupMessages: 'at_bot',
  messages: new Map(), order: [], cursor: 0, seen: {}, selected: null,
  picked: [], picker: { open: false, start: 0, items: [], index: 0 },
};
const $ = (sel, root = document) => root.querySelector(sel);
const AVATAR_COLOURS = ['#3370ff', '#f77234', '#14c0ff', '#7f3bf5', '#00b42a', '#f5319d', '#ff8800', '#2ea121'];

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'html') e.innerHTML = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}
const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function api(path, body) {
  const r = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  let data = null;
  try { data = await r.json(); } catch (_) { data = null; }
  if (!r.ok) throw new Error((data && data.error) || `HTTP ${r.status}`);
  return data;
}

// ---------- people and chats ----------
function personName(openId) {
  if (S.bot && openId === S.bot.open_id) return S.bot.name;
  const p = S.people.find((x) => x.open_id === openId);
  return p ? p.name : openId;
}
function avatar(name, openId, extra = '') {
  if (S.bot && openId === S.bot.open_id) return el('div', { class: `avatar bot ${extra}`, text: '督' });
  let h = 0;
  for (const ch of openId || name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const label = name.length > 2 ? name.slice(0, 1) : name.slice(-2);
  return el('div', { class: `avatar ${extra}`, style: `background:${AVATAR_COLOURS[h % AVATAR_COLOURS.length]}`, text: label });
}
function chatsOf(me) {
  const groups = S.groups.filter((g) => g.members.includes(me.open_id)).map((g) => ({
    id: g.chat_id, name: g.name, kind: 'group', members: g.members,
  }));
  groups.push({ id: me.p2p_chat_id, name: `${S.bot.name}（单聊）`, kind: 'p2p', members: [me.open_id] });
  return groups;
}
function currentChat() { return chatsOf(S.me).find((c) => c.id === S.chat) || chatsOf(S.me)[0]; }
function members(chat) { return chat.members.map((id) => S.people.find((p) => p.open_id === id)).filter(Boolean); }

function renderSidebar() {
  const people = $('#people');
  people.replaceChildren(...S.people.map((p) => el('div', {
    class: `row${p.open_id === S.me.open_id ? ' active' : ''}`, 'data-person': p.name,
    onclick: () => switchPerson(p.open_id),
  }, avatar(p.name, p.open_id), el('div', { class: 'meta' }, el('div', { class: 'name', text: p.name }), el('div', { class: 'sub', text: p.title })))));
  const chats = $('#chats');
  chats.replaceChildren(...chatsOf(S.me).map((c) => {
    const unread = unreadIn(c.id);
    const last = lastMessageIn(c.id);
    return el('div', {
      class: `row${c.id === S.chat ? ' active' : ''}`, 'data-chat': c.id, 'data-chat-name': c.name,
      onclick: () => switchChat(c.id),
    },
    c.kind === 'group' ? el('div', { class: 'avatar group', style: `background:${c.id.charCodeAt(4) % 2 ? '#2ea121' : '#f77234'}`, text: c.name.slice(0, 2) }) : avatar(S.bot.name, S.bot.open_id),
    el('div', { class: 'meta' }, el('div', { class: 'name', text: c.name }), el('div', { class: 'sub', text: last ? preview(last) : (c.kind === 'group' ? `${c.members.length + 1} 位成员` : '与机器人单独对话') })),
    unread ? el('div', { class: 'badge', text: String(unread) }) : null);
  }));
}
function lastMessageIn(chatId) {
  for (let i = S.order.length - 1; i >= 0; i--) {
    const m = S.messages.get(S.order[i]);
    if (m.chat_id === chatId) return m;
  }
  return null;
}
function unreadIn(chatId) {
  if (chatId === S.chat) return 0;
  const seen = S.seen[`${S.me.open_id}|${chatId}`] || 0;
  return S.order.map((id) => S.messages.get(id)).filter((m) => m.chat_id === chatId && m.rev > seen && m.sender.open_id !== S.me.open_id && !m.updates).length;
}
function preview(m) {
  const who = m.sender.is_bot ? S.bot.name : m.sender.name;
  if (m.msg_type === 'interactive') return `${who}：[卡片] ${cardTitle(m.content)}`;
  return `${who}：${plainText(m)}`;
}
function cardTitle(card) { return (card && card.header && card.header.title && card.header.title.content) || ''; }

function switchPerson(openId) {
  S.me = S.people.find((p) => p.open_id === openId);
  localStorage.setItem('sandbox.me', openId);
  const chats = chatsOf(S.me);
  if (!chats.some((c) => c.id === S.chat)) S.chat = chats[0].id;
  S.picked = [];
  renderAll();
}
function switchChat(chatId) {
  S.chat = chatId;
  localStorage.setItem('sandbox.chat', chatId);
  S.picked = [];
  renderAll();
  $('#composer').focus();
}
function markSeen() { S.seen[`${S.me.open_id}|${S.chat}`] = S.cursor; }

function renderAll() {
  S.chat = currentChat().id;
  markSeen();
  renderSidebar();
  renderHead();
  renderConversation(true);
}
// In a group whose app only receives @-mentions, a quick command is typed after @督办.
function addressed(text) {
  return currentChat().kind === 'group' && S.groupMessages !== 'all' ? `@${S.bot.name} ${text}` : text;
}
function showScope() {
  const all = S.groupMessages === 'all';
  $('#scope-all').checked = all;
  $('#scope-note').textContent = all
    ? '已开通：群里的所有消息都会投递给机器人，不 @ 也能直接发送 /督办 …'
    : '未开通（默认）：群里只有 @督办 的消息会投递给机器人，请 @督办 后输入指令。';
}
function renderHead() {
  const c = currentChat();
  $('#chat-name').textContent = c.name;
  $('#chat-sub').textContent = c.kind === 'group'
    ? `${members(c).map((p) => p.name).join('、')}、${S.bot.name}（机器人） · 你是 ${S.me.name}`
    : `你（${S.me.name}）与机器人的单聊`;
  const how = c.kind === 'group' && S.groupMessages !== 'all' ? `在群里 @${S.bot.name} 后输入指令；` : '';
  $('#composer').placeholder = `以 ${S.me.name} 的身份发送到「${c.name}」；${how}输入 @ 选择成员；Enter 发送，Shift+Enter 换行`;
}

// ---------- conversation ----------
function fmtTime(iso) { return iso ? iso.slice(11, 16) : ''; }
function fmtDay(iso) {
  const d = new Date(iso.slice(0, 10) + 'T00:00:00');
  const wk = '日一二三四五六'[d.getDay()];
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 周${wk}`;
}
function renderConversation(scroll) {
  const box = $('#conversation');
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  const list = S.order.map((id) => S.messages.get(id)).filter((m) => m.chat_id === S.chat);
  const nodes = [];
  let day = '';
  if (!list.length) nodes.push(el('div', { class: 'day-sep', text: `还没有消息。试试发送「${addressed('/督办 帮助')}」，或在群里创建一个督办事项。` }));
  for (const m of list) {
    if (m.at.slice(0, 10) !== day) { day = m.at.slice(0, 10); nodes.push(el('div', { class: 'day-sep', text: fmtDay(m.at) })); }
    nodes.push(renderMessage(m));
  }
  box.replaceChildren(...nodes);
  if (scroll || nearBottom) box.scrollTop = box.scrollHeight;
}
function renderMessage(m) {
  const mine = !m.sender.is_bot && m.sender.open_id === S.me.open_id;
  const parent = m.parent_id && S.messages.get(m.parent_id);
  let body;
  if (m.msg_type === 'interactive') body = renderCard(m.content, m);
  else if (m.msg_type === 'text') body = el('div', { class: 'bubble', html: textHtml(m) });
  else if (m.msg_type === 'post') body = el('div', { class: 'bubble', html: postHtml(m.content) });
  else body = el('div', { class: 'bubble' }, el('span', { class: 'c-unknown', text: `[${m.msg_type} 消息]` }));
  const foot = [];
  if (m.updates && m.msg_type === 'interactive') foot.push(el('span', { class: 'updated-tag', text: `已更新 ${m.updates} 次 · ${fmtTime(m.updated_at)}` }));
  if (m.urgent.length) foot.push(el('span', { class: 'urgent-tag', text: `加急 → ${[...new Set(m.urgent)].join('、')}` }));
  if (m.not_delivered) foot.push(el('span', { class: 'undelivered-tag', text: m.not_delivered }));
  else foot.push(el('button', { class: 'link-btn', text: m.sender.is_bot ? `OpenAPI 请求 ${m.requests}` : `原始事件 ${m.events}`, onclick: (e) => { e.stopPropagation(); select(m.id); } }));
  return el('div', {
    class: `msg${mine ? ' mine' : ''}${S.selected === m.id ? ' selected' : ''}`, 'data-id': m.id, 'data-type': m.msg_type,
    onclick: (e) => { if (!e.target.closest('button, input, select, textarea, summary, a')) select(m.id); },
  },
  avatar(m.sender.name, m.sender.open_id),
  el('div', { class: 'msg-main' },
    el('div', { class: 'msg-head' }, el('span', { class: 'who', text: m.sender.name }), m.sender.is_bot ? el('span', { class: 'bot-tag', text: '机器人' }) : null, el('span', { text: fmtTime(m.at) })),
    parent ? el('div', { class: 'quote', text: `回复 ${parent.sender.name}：${parent.msg_type === 'interactive' ? '[卡片] ' + cardTitle(parent.content) : plainText(parent)}` }) : null,
    body,
    el('div', { class: 'msg-foot' }, foot)));
}
function mentionSpan(openId, name) {
  const me = openId === S.me.open_id;
  return `<span class="mention${me ? ' me' : ''}">@${esc(name || personName(openId))}</span>`;
}
// A text message: users' carry @_user_N placeholders (mapped by `mentions`); the bot's carry
// <at user_id="ou_…">name</at>.
function textHtml(m) {
  const text = (m.content && m.content.text) || '';
  const parts = text.split(/(<at user_id="[^"]*">[^<]*<\/at>|@_user_\d+|@_all)/g);
  return parts.map((p) => {
    let g = p.match(/^<at user_id="([^"]*)">([^<]*)<\/at>$/);
    if (g) return g[1] === 'all' ? '<span class="mention">@所有人</span>' : mentionSpan(g[1], g[2] || personName(g[1]));
    g = p.match(/^@_user_(\d+)$/);
    if (g) { const mm = (m.mentions || [])[Number(g[1]) - 1]; return mm ? mentionSpan(mm.open_id, mm.name) : esc(p); }
    if (p === '@_all') return '<span class="mention">@所有人</span>';
    return esc(p);
  }).join('');
}
function plainText(m) {
  const text = (m.content && m.content.text) || '';
  return text.replace(/<at user_id="([^"]*)">([^<]*)<\/at>/g, (_, id, n) => `@${n || personName(id)}`)
    .replace(/@_user_(\d+)/g, (s, n) => { const mm = (m.mentions || [])[Number(n) - 1]; return mm ? `@${mm.name}` : s; });
}
function postHtml(post) {
  const body = post.zh_cn || post.en_us || Object.values(post)[0] || {};
  const lines = (body.content || []).map((line) => line.map((n) => {
    if (n.tag === 'text') return esc(n.text);
    if (n.tag === 'a') return `<a href="${esc(safeUrl(n.href))}" target="_blank" rel="noopener">${esc(n.text)}</a>`;
    if (n.tag === 'at') return mentionSpan(n.user_id, n.user_name);
    return `<span class="c-unknown">${esc(n.tag)}</span>`;
  }).join(''));
  return (body.title ? `<b>${esc(body.title)}</b>\n` : '') + lines.join('\n');
}
function safeUrl(u) { return /^https?:\/\//i.test(u || '') ? u : '#'; }

// ---------- Feishu card rendering (JSON 2.0, and 1.0 elements) ----------
function renderCard(card, m) {
  const root = el('div', { class: 'card', 'data-message-id': m.id });
  const h = card.header;
  if (h) {
    const tpl = (h.template || 'default').toLowerCase();
    const tags = (h.text_tag_list || []).map((t) => el('span', { class: `tt tt-${(t.color || 'neutral').toLowerCase()}`, text: textOf(t.text) }));
    root.append(el('div', { class: `card-header tpl-${tpl}` },
      el('div', { class: 'card-title' }, el('span', { html: inlineText(h.title) }), tags),
      h.subtitle ? el('div', { class: 'card-subtitle', html: inlineText(h.subtitle) }) : null));
  }
  const elements = (card.body && card.body.elements) || card.elements || (card.i18n_elements && (card.i18n_elements.zh_cn || Object.values(card.i18n_elements)[0])) || [];
  const ctx = { message: m, form: null };
  root.append(el('div', { class: 'card-body' }, elements.map((e) => component(e, ctx))));
  return root;
}
function textOf(t) { return t == null ? '' : typeof t === 'string' ? t : (t.content ?? t.text ?? ''); }
function inlineText(t) {
  if (t == null) return '';
  if (typeof t === 'object' && t.tag === 'lark_md') return markdown(t.content || '');
  return esc(textOf(t));
}

function component(e, ctx) {
  if (!e || typeof e !== 'object') return null;
  try {
    const f = COMPONENTS[e.tag];
    return f ? f(e, ctx) : el('div', { class: 'c-unknown', text: `不支持的组件：${e.tag || '（无 tag）'}` });
  } catch (err) {
    return el('div', { class: 'c-unknown', text: `无法显示的组件：${e.tag}（${err.message}）` });
  }
}
const COMPONENTS = {
  markdown: (e) => el('div', { class: 'c-md', style: e.text_align ? `text-align:${e.text_align}` : null, html: markdown(e.content || '') }),
  plain_text: (e) => el('div', { class: 'c-md', text: e.content || '' }),
  lark_md: (e) => el('div', { class: 'c-md', html: markdown(e.content || '') }),
  hr: () => el('hr', { class: 'c-hr' }),
  div: (e) => {
    const out = el('div', { class: 'c-div' });
    if (e.text) out.append(el('div', { class: 'c-md', html: inlineText(e.text) }));
    if (e.fields && e.fields.length) {
      out.append(el('div', { class: 'c-div-fields' }, e.fields.map((f) => el('div', { class: `c-md${f.is_short ? '' : ' full'}`, html: inlineText(f.text) }))));
    }
    return out;
  },
  note: (e) => el('div', { class: 'c-note' }, (e.elements || []).map((n) => n.tag === 'img' ? el('span', { text: '🖼' }) : el('span', { html: inlineText(n) }))),
  img: (e) => el('div', { class: 'c-img', text: `[图片${e.alt ? '：' + textOf(e.alt) : ''}]` }),
  column_set: (e, ctx) => el('div', { class: `c-cols${e.flex_mode && e.flex_mode !== 'none' ? ' flow' : ''}`, style: e.horizontal_spacing ? `gap:${e.horizontal_spacing}` : null },
    (e.columns || []).map((c) => component(c, ctx))),
  column: (e, ctx) => {
    const weighted = e.width === 'weighted' || e.weight;
    return el('div', { class: `c-col ${weighted ? 'weighted' : 'auto'}`, style: weighted ? `flex:${e.weight || 1}` : null }, (e.elements || []).map((c) => component(c, ctx)));
  },
  collapsible_panel: (e, ctx) => el('details', { class: 'c-panel', open: !!e.expanded },
    el('summary', { html: inlineText(e.header && e.header.title) }),
    el('div', { class: 'c-panel-body' }, (e.elements || []).map((c) => component(c, ctx)))),
  action: (e, ctx) => el('div', { class: 'c-cols flow' }, (e.actions || []).map((c) => component(c, ctx))),
  interactive_container: (e, ctx) => el('div', { class: 'c-col' }, (e.elements || []).map((c) => component(c, ctx))),
  form: (e, ctx) => {
    const form = el('form', { class: 'c-form', 'data-form': e.name || '', onsubmit: (ev) => ev.preventDefault() });
    const inner = { ...ctx, form };
    form.append(...(e.elements || []).map((c) => component(c, inner)));
    return form;
  },
  button: (e, ctx) => {
    const btn = el('button', { type: 'button', class: `c-btn card-btn ${e.type || 'default'}`, disabled: !!e.disabled, title: e.hover_tips ? textOf(e.hover_tips) : null, 'data-name': e.name || '' }, textOf(e.text));
    btn.addEventListener('click', async () => {
      if (e.confirm && !(await confirmDialog(textOf(e.confirm.title), textOf(e.confirm.text)))) return;
      const open = (e.behaviors || []).find((b) => b.type === 'open_url');
      if (open || e.url) { window.open(safeUrl((open && (open.default_url || open.pc_url)) || e.url), '_blank', 'noopener'); return; }
      const value = callbackValue(e);
      const action = { tag: 'button', name: e.name, value };
      if (ctx.form && e.form_action_type === 'reset') { ctx.form.reset(); return; }
      if (ctx.form && e.form_action_type === 'submit') {
        const fv = formValue(ctx.form);
        if (fv === null) return;
        action.form_value = fv;
      }
      await sendClick(ctx.message.id, action, btn);
    });
    return btn;
  },
  input: (e, ctx) => field(e, () => {
    const multi = e.input_type === 'multiline_text';
    const attrs = { class: 'c-input', name: e.name, placeholder: textOf(e.placeholder), maxlength: e.max_length, 'data-kind': 'input' };
    const node = multi ? el('textarea', { ...attrs, rows: e.rows || 3 }) : el('input', { ...attrs, type: e.input_type === 'password' ? 'password' : 'text' });
    node.value = e.default_value || '';
    if (!ctx.form) node.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && !multi) sendClick(ctx.message.id, { tag: 'input', name: e.name, value: callbackValue(e), input_value: node.value }, node);
    });
    return node;
  }),
  select_static: (e, ctx) => selectField(e, ctx, (e.options || []).map((o) => [o.value, textOf(o.text)]), false),
  multi_select_static: (e, ctx) => selectField(e, ctx, (e.options || []).map((o) => [o.value, textOf(o.text)]), true),
  select_person: (e, ctx) => selectField(e, ctx, personOptions(e, ctx), false),
  multi_select_person: (e, ctx) => selectField(e, ctx, personOptions(e, ctx), true),
  date_picker: (e, ctx) => pickerField(e, ctx, 'date', e.initial_date),
  picker_datetime: (e, ctx) => pickerField(e, ctx, 'datetime', e.initial_datetime),
  picker_time: (e, ctx) => pickerField(e, ctx, 'time', e.initial_time),
  checker: (e, ctx) => {
    const box = el('input', { type: 'checkbox', name: e.name, 'data-kind': 'checker' });
    box.checked = !!e.checked;
    if (!ctx.form) box.addEventListener('change', () => sendClick(ctx.message.id, { tag: 'checker', name: e.name, value: callbackValue(e), checked: box.checked }, box));
    return el('label', { class: 'c-checker' }, box, el('span', { html: inlineText(e.text) }));
  },
  table: (e) => {
    const cols = e.columns || [];
    return el('table', { class: 'c-table' }, el('tr', {}, cols.map((c) => el('th', { text: c.display_name || c.name }))),
      (e.rows || []).map((r) => el('tr', {}, cols.map((c) => el('td', { text: typeof r[c.name] === 'object' ? JSON.stringify(r[c.name]) : String(r[c.name] ?? '') })))));
  },
};
function callbackValue(e) {
  const cb = (e.behaviors || []).find((b) => b.type === 'callback');
  return cb ? cb.value : e.value;
}
function field(e, make) {
  const node = make();
  node.dataset.required = e.required ? '1' : '';
  if (e.label) return el('label', { class: 'c-col' }, el('span', { class: 'c-field-label', html: inlineText(e.label) + (e.required ? ' <span class="req">*</span>' : '') }), node);
  return node;
}
function personOptions(e, ctx) {
  const ids = (e.options || []).map((o) => o.value);
  const chat = S.groups.find((g) => g.chat_id === ctx.message.chat_id);
  const pool = ids.length ? ids : chat ? chat.members : [S.me.open_id];
  return pool.map((id) => [id, personName(id)]);
}
function selectField(e, ctx, options, multi) {
  return field(e, () => {
    const sel = el('select', { class: 'c-select', name: e.name, multiple: multi, 'data-kind': multi ? 'multi' : 'select', size: multi ? Math.min(options.length, 4) : null });
    if (!multi) sel.append(el('option', { value: '', text: textOf(e.placeholder) || '请选择' }));
    for (const [v, label] of options) sel.append(el('option', { value: v, text: label }));
    const initial = e.initial_option ?? e.initial_index;
    if (!multi && initial !== undefined) sel.value = typeof initial === 'number' ? (options[initial - 1] || [''])[0] : initial;
    if (multi) for (const o of sel.options) o.selected = (e.selected_values || e.initial_options || []).includes(o.value);
    if (!ctx.form) sel.addEventListener('change', () => {
      const action = { tag: e.tag, name: e.name, value: callbackValue(e) };
      if (multi) action.options = [...sel.selectedOptions].map((o) => o.value); else action.option = sel.value;
      sendClick(ctx.message.id, action, sel);
    });
    return sel;
  });
}
// Date, date-time and time pickers show their value as Feishu does in Chinese (2026-03-20,
// 2026-03-20 18:00, 18:00) whatever the browser's locale: the shown field is text in that
// form; a hidden native picker behind the 选择 button only helps choose. Values go out as Feishu
// sends them ("2026-03-20 +0800").
const PICKER = {
  date: { native: 'date', hint: '2026-03-20', re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, show: (g) => `${g[1]}-${pad2(g[2])}-${pad2(g[3])}` },
  datetime: { native: 'datetime-local', hint: '2026-03-20 18:00', re: /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})$/, show: (g) => `${g[1]}-${pad2(g[2])}-${pad2(g[3])} ${pad2(g[4])}:${g[5]}` },
  time: { native: 'time', hint: '18:00', re: /^(\d{1,2}):(\d{2})$/, show: (g) => `${pad2(g[1])}:${g[2]}` },
};
function pad2(n) { return String(n).padStart(2, '0'); }
// The canonical text of a picker value, '' when empty, null when it does not read.
function pickerText(kind, raw) {
  const v = String(raw || '').trim().replace(/[/.年月]/g, '-').replace(/日/g, '').replace(/\s+/g, ' ');
  if (!v) return '';
  const g = v.match(PICKER[kind].re);
  return g ? PICKER[kind].show(g) : null;
}
function pickerField(e, ctx, kind, initial) {
  const spec = PICKER[kind];
  return field(e, () => {
    const input = el('input', { class: 'c-input c-picker-text', type: 'text', name: e.name, 'data-kind': 'picker', 'data-picker': kind, lang: 'zh-CN',
      placeholder: textOf(e.placeholder) || spec.hint, title: `${textOf(e.placeholder)}（格式 ${spec.hint}）`, autocomplete: 'off' });
    if (initial) input.value = pickerText(kind, initial) || '';
    const native = el('input', { class: 'c-picker-native', type: spec.native, tabindex: '-1', 'aria-hidden': 'true', lang: 'zh-CN' });
    const commit = () => {
      const t = pickerText(kind, input.value);
      if (t === null) { toast('warning', `请按 ${spec.hint} 的格式填写`); input.focus(); return; }
      input.value = t;
      if (!ctx.form && t) sendClick(ctx.message.id, { tag: e.tag, name: e.name, value: callbackValue(e), option: `${t} +0800` }, input);
    };
    input.addEventListener('change', commit);
    native.addEventListener('change', () => { if (native.value) { input.value = pickerText(kind, native.value) || ''; commit(); } });
    const open = el('button', { type: 'button', class: 'c-picker-btn', title: kind === 'time' ? '选择时间' : '打开日历', text: '选择',
      onclick: () => { try { native.showPicker(); } catch (_) { native.focus(); } } });
    const row = el('div', { class: 'c-picker' }, input, open, native);
    const wrap = el('div', { class: 'c-col' }, e.placeholder && !e.label ? el('span', { class: 'c-field-label', html: esc(textOf(e.placeholder)) + (e.required ? ' <span class="req">*</span>' : '') }) : null, row);
    input.dataset.required = e.required ? '1' : '';
    return wrap;
  });
}
// Collects a form's values as Feishu sends them; null (and a toast) when a required field is empty.
function formValue(form) {
  const out = {};
  for (const node of form.querySelectorAll('[name]')) {
    const kind = node.dataset.kind;
    let v;
    if (kind === 'multi') v = [...node.selectedOptions].map((o) => o.value);
    else if (kind === 'checker') v = node.checked;
    else if (kind === 'picker') {
      const t = pickerText(node.dataset.picker, node.value);
      if (t === null) { toast('warning', `请按 ${PICKER[node.dataset.picker].hint} 的格式填写`); node.focus(); return null; }
      v = t ? `${t} +0800` : '';
    } else v = node.value;
    const empty = v === '' || (Array.isArray(v) && !v.length);
    if (node.dataset.required === '1' && empty) { toast('warning', '请填写必填项'); node.focus(); return null; }
    if (!empty) out[node.name] = v;
  }
  return out;
}

// Card markdown: ```fenced code```, <at id=…></at>, <font color=…>, **bold**, *italic*,
// ~~strike~~, `code`, [links](https://…), lists, headings and line breaks. Anything else is
// shown as text.
function markdown(src) {
  const tokens = [];
  const keep = (html) => { tokens.push(html); return `\u0000${tokens.length - 1}\u0000`; };
  // A fenced block is kept whole, on a line of its own (no <br> after it).
  const block = (html) => { tokens.push(html); return `\u0001${tokens.length - 1}\u0001\n`; };
  let s = String(src).replace(/```[^\n`]*\n([\s\S]*?)\n?```[ \t]*(\n|$)/g, (_, code) => block(`<pre class="c-code"><code>${esc(code)}</code></pre>`));
  s = s.replace(/<at\s+(id|user_id|open_id|email)=["']?([^"'\s>]+)["']?\s*>\s*([^<]*)<\/at>/gi, (_, kind, id, name) => {
    if (id === 'all') return keep('<span class="mention">@所有人</span>');
    return keep(mentionSpan(id, name || (kind === 'email' ? id : personName(id))));
  });
  s = s.replace(/<font\s+color=["']?([a-zA-Z-]+|#[0-9a-fA-F]{3,6})["']?\s*>/gi, (_, c) => keep(`<span style="color:${fontColour(c)}">`));
  s = s.replace(/<\/font>/gi, () => keep('</span>'));
  s = s.replace(/<br\s*\/?>/gi, () => keep('<br>'));
  s = s.replace(/`([^`\n]+)`/g, (_, c) => keep(`<code>${esc(c)}</code>`));
  s = s.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (_, t, u) => keep(`<a href="${esc(safeUrl(u))}" target="_blank" rel="noopener">${esc(t)}</a>`));
  s = s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  s = s.replace(/\*\*([^*\n]+)\*\*/g, '<b>$1</b>').replace(/~~([^~\n]+)~~/g, '<s>$1</s>')
    .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1<i>$2</i>');
  const lines = s.split('\n');
  const out = [];
  let list = null;
  for (const line of lines) {
    const ul = line.match(/^\s*[-*+]\s+(.*)$/);
    const ol = line.match(/^\s*\d+[.)]\s+(.*)$/);
    const hd = line.match(/^(#{1,4})\s+(.*)$/);
    if (ul || ol) {
      const kind = ul ? 'ul' : 'ol';
      if (list !== kind) { if (list) out.push(`</${list}>`); out.push(`<${kind}>`); list = kind; }
      out.push(`<li>${(ul || ol)[1]}</li>`);
      continue;
    }
    if (list) { out.push(`</${list}>`); list = null; }
    if (/^\u0001\d+\u0001$/.test(line)) { if (out.length && out[out.length - 1].endsWith('<br>')) out[out.length - 1] = out[out.length - 1].slice(0, -4); out.push(line); continue; }
    if (hd) out.push(`<h${hd[1].length + 1}>${hd[2]}</h${hd[1].length + 1}>`);
    else out.push(`${line}<br>`);
  }
  if (list) out.push(`</${list}>`);
  let html = out.join('').replace(/(<br>)+$/, '');
  html = html.replace(/[\u0000\u0001](\d+)[\u0000\u0001]/g, (_, i) => tokens[Number(i)]);
  return html;
}
function fontColour(c) {
  const map = { red: '#d83931', green: '#2ea121', grey: '#8f959e', gray: '#8f959e', orange: '#de7802', blue: '#245bdb', yellow: '#aa7803', purple: '#6425d0', violet: '#b11fa6', carmine: '#c71e5a', indigo: '#3c52c9', wathet: '#037eaa', turquoise: '#078372' };
  return map[c.toLowerCase()] || (/^#/.test(c) ? c : 'inherit');
}

// ---------- actions ----------
async function sendClick(messageId, action, node) {
  node && node.classList.add('busy');
  try {
    const r = await api('/sandbox/api/click', { from: S.me.open_id, message_id: messageId, action });
    if (r.status !== 200) { toast('error', `回调失败：duban 返回 HTTP ${r.status}`); return; }
    const t = r.answer && r.answer.toast;
    if (t) toast(t.type || 'info', t.content || (t.i18n && (t.i18n.zh_cn || t.i18n.en_us)) || '');
    if (r.answer && r.answer.card && r.answer.card.type === 'raw') {
      const m = S.messages.get(messageId);
      if (m) { m.content = r.answer.card.data; m.updates += 1; }
      renderConversation(false);
      const c = document.querySelector(`.card[data-message-id="${messageId}"]`);
      c && c.classList.add('flash');
    }
    await poll();
    // The developer panel follows the card the click acted on (its card.action.trigger).
    select(messageId);
  } catch (err) {
    toast('error', err.message);
  } finally {
    node && node.classList.remove('busy');
  }
}

async function send() {
  const box = $('#composer');
  const text = box.value.trim();
  if (!text) return;
  const chat = currentChat();
  const candidates = chat.kind === 'group' ? [...members(chat), S.bot] : [];
  const picked = [...S.picked];
  for (const p of candidates) if (text.includes('@' + p.name) && !picked.some((x) => x.open_id === p.open_id)) picked.push({ open_id: p.open_id, name: p.name });
  $('#send').disabled = true;
  try {
    const r = await api('/sandbox/api/send', { from: S.me.open_id, chat_id: chat.id, text, mentions: picked.filter((p) => text.includes('@' + p.name)) });
    if (r.delivered === false) toast('warning', `没有投递给机器人：群里请 @${S.bot.name} 后输入指令`);
    else if (r.status !== 200) toast('error', `duban 拒收了事件：HTTP ${r.status}`);
    box.value = '';
    S.picked = [];
    await poll();
    S.selected = r.message_id;
    renderConversation(true);
    loadInspector(r.message_id);
    setTimeout(poll, 250);
  } catch (err) {
    toast('error', err.message);
  } finally {
    $('#send').disabled = false;
    box.focus();
  }
}

async function jump(kind) {
  try {
    const r = await api('/sandbox/api/clock', { jump: kind });
    showClock(r.clock);
    toast('info', `沙箱时间：${r.clock.label}`);
    setTimeout(poll, 300);
  } catch (err) { toast('error', err.message); }
}
function showClock(c) {
  $('#clock-label').textContent = `沙箱时间 ${c.label}`;
  const tag = $('#clock-day');
  tag.textContent = c.working_day === true ? '工作日' : c.working_day === false ? '休息日' : '无日历数据';
  tag.className = `day-tag${c.working_day === false ? ' off' : ''}`;
}

// ---------- @ picker ----------
function pickerCandidates(query) {
  const chat = currentChat();
  const list = chat.kind === 'group' ? [S.bot, ...members(chat)] : [S.bot];
  const q = query.toLowerCase();
  return list.filter((p) => !q || p.name.toLowerCase().includes(q));
}
function updatePicker() {
  const box = $('#composer');
  const upto = box.value.slice(0, box.selectionStart);
  const at = upto.lastIndexOf('@');
  const query = at >= 0 ? upto.slice(at + 1) : '';
  if (at < 0 || /\s/.test(query) || query.length > 8) { closePicker(); return; }
  const items = pickerCandidates(query);
  if (!items.length) { closePicker(); return; }
  S.picker = { open: true, start: at, items, index: Math.min(S.picker.index, items.length - 1) };
  const pk = $('#picker');
  pk.replaceChildren(el('div', { class: 'picker-title', text: '选择要提及的成员' }), ...items.map((p, i) => el('div', {
    class: `mention-option${i === S.picker.index ? ' active' : ''}`, role: 'option', 'data-name': p.name,
    onmousedown: (e) => { e.preventDefault(); choose(i); },
  }, avatar(p.name, p.open_id), el('span', { text: p.name }), p.open_id === S.bot.open_id ? el('span', { class: 'bot-tag', text: '机器人' }) : null)));
  pk.classList.remove('hidden');
}
function closePicker() { S.picker.open = false; S.picker.index = 0; $('#picker').classList.add('hidden'); }
function choose(i) {
  const p = S.picker.items[i];
  if (!p) return;
  const box = $('#composer');
  const before = box.value.slice(0, S.picker.start);
  const after = box.value.slice(box.selectionStart);
  const insert = `@${p.name} `;
  box.value = before + insert + after;
  const pos = before.length + insert.length;
  box.setSelectionRange(pos, pos);
  if (!S.picked.some((x) => x.open_id === p.open_id)) S.picked.push({ open_id: p.open_id, name: p.name });
  closePicker();
  box.focus();
}

// ---------- inspector ----------
function select(id) {
  S.selected = id;
  for (const n of document.querySelectorAll('.msg.selected')) n.classList.remove('selected');
  const node = document.querySelector(`.msg[data-id="${id}"]`);
  node && node.classList.add('selected');
  loadInspector(id);
}
function jsonHtml(v) {
  const s = typeof v === 'string' ? v : JSON.stringify(v, null, 2);
  return esc(s).replace(/(&quot;(?:[^&]|&(?!quot;))*?&quot;)(\s*:)?|\b(true|false|null)\b|(-?\b\d+(?:\.\d+)?\b)/g, (m, str, colon, lit, num) => {
    if (str) return colon ? `<span class="k">${str}</span>${colon}` : `<span class="s">${str}</span>`;
    if (lit) return `<span class="b">${lit}</span>`;
    return `<span class="n">${num}</span>`;
  });
}
const pre = (v) => el('pre', { class: 'json', html: jsonHtml(v) });
const statusTag = (s) => el('span', { class: `status${s >= 200 && s < 300 ? '' : ' bad'}`, text: `HTTP ${s}` });
function eventBlock(title, ev) {
  return el('div', { class: 'insp-block' },
    el('h4', {}, title, statusTag(ev.status), el('span', { text: ev.at.slice(5, 16).replace('T', ' ') })),
    pre(ev.plaintext),
    el('details', { class: 'insp' }, el('summary', { text: ev.sealed.headers.length ? '加密、签名后实际投递的请求' : '长连接上的推送帧与 duban 的确认帧' }), pre(ev.sealed.headers.length ? { headers: Object.fromEntries(ev.sealed.headers), body: JSON.parse(ev.sealed.body) } : JSON.parse(ev.sealed.body))),
    el('details', { class: 'insp', open: ev.event_type === 'card.action.trigger' }, el('summary', { text: 'duban 的应答' }), pre(ev.answer)));
}
function requestBlock(r) {
  let content = null;
  if (r.body && typeof r.body.content === 'string') { try { content = JSON.parse(r.body.content); } catch (_) { content = null; } }
  return el('div', { class: 'insp-block' },
    el('h4', {}, el('span', { class: 'method', text: r.method }), el('span', { text: r.path.replace('/open-apis', '') }), statusTag(r.status)),
    pre(r.body),
    content ? el('details', { class: 'insp', open: true }, el('summary', { text: 'content（JSON 字符串）解析后' }), pre(content)) : null,
    el('details', { class: 'insp' }, el('summary', { text: '飞书开放接口（模拟）的应答' }), pre(r.response)));
}
async function loadInspector(id) {
  const body = $('#insp-body');
  try {
    const r = await api(`/sandbox/api/messages/${encodeURIComponent(id)}/raw`);
    // An answer for a message no longer selected (a slower, earlier request) is dropped.
    if (id !== S.selected) return;
    const m = r.message;
    const blocks = [el('div', { class: 'insp-block' }, el('h4', { text: `消息 ${m.message_id}` }),
      el('div', { class: 'c-note', text: `${m.sender_open_id ? personName(m.sender_open_id) : S.bot.name} · ${m.msg_type} · ${m.chat_id}` }))];
    if (m.not_delivered) blocks.push(el('div', { class: 'undelivered-tag', text: m.not_delivered }));
    if (m.sender_open_id) {
      for (const ev of r.events) blocks.push(eventBlock('事件 im.message.receive_v1', ev));
      if (r.requests.length) blocks.push(el('h4', { text: '机器人因此发出的 OpenAPI 请求' }));
    } else {
      for (const ev of r.cause_events) blocks.push(eventBlock('触发它的事件', ev));
      if (!r.requests.length) blocks.push(el('div', { class: 'c-note', text: '没有记录到请求' }));
    }
    for (const q of r.requests) blocks.push(requestBlock(q));
    if (!m.sender_open_id) for (const ev of r.events) blocks.push(eventBlock('卡片回调 card.action.trigger', ev));
    body.replaceChildren(...blocks);
  } catch (err) {
    if (id === S.selected) body.replaceChildren(el('div', { class: 'insp-empty', text: err.message }));
  }
}

// ---------- toasts, dialogs ----------
function toast(type, text) {
  const t = el('div', { class: `toast ${type}`, role: 'status', text });
  $('#toasts').append(t);
  setTimeout(() => t.remove(), 3200);
}
function confirmDialog(title, text) {
  return new Promise((resolve) => {
    const modal = $('#modal');
    const done = (v) => { modal.classList.add('hidden'); modal.replaceChildren(); resolve(v); };
    modal.replaceChildren(el('div', { class: 'modal-card' },
      el('div', { class: 'modal-title', text: title || '确认操作？' }),
      el('div', { class: 'modal-text', text: text || '' }),
      el('div', { class: 'modal-actions' },
        el('button', { class: 'c-btn', text: '取消', onclick: () => done(false) }),
        el('button', { class: 'c-btn primary', text: '确定', 'data-confirm': '1', onclick: () => done(true) }))));
    modal.classList.remove('hidden');
  });
}

// ---------- polling ----------
let polling = false;
async function poll() {
  if (polling) return;
  polling = true;
  try {
    const r = await api(`/sandbox/api/messages?since=${S.cursor}`);
    showClock(r.clock);
    let changedHere = false;
    for (const m of r.messages) {
      if (!S.messages.has(m.id)) S.order.push(m.id);
      S.messages.set(m.id, m);
      if (m.chat_id === S.chat) changedHere = true;
    }
    if (r.messages.length) {
      S.cursor = r.cursor;
      markSeen();
      renderSidebar();
      if (changedHere) renderConversation(false);
      if (S.selected && r.messages.some((m) => m.id === S.selected || m.parent_id === S.selected)) loadInspector(S.selected);
    }
  } catch (_) { /* the server may be restarting */ }
  finally { polling = false; }
}

async function start() {
  const st = await api('/sandbox/api/state');
  S.people = st.people; S.groups = st.groups; S.bot = st.bot; S.groupMessages = st.group_messages || 'at_bot';
  showScope();
  S.me = S.people.find((p) => p.open_id === localStorage.getItem('sandbox.me')) || S.people[0];
  S.chat = localStorage.getItem('sandbox.chat') || S.groups[0].chat_id;
  showClock(st.clock);
  renderAll();
  await poll();
  renderConversation(true);
  setInterval(poll, 800);

  const box = $('#composer');
  box.addEventListener('input', updatePicker);
  box.addEventListener('click', updatePicker);
  box.addEventListener('blur', () => setTimeout(closePicker, 150));
  box.addEventListener('keydown', (e) => {
    if (S.picker.open) {
      if (e.key === 'ArrowDown') { S.picker.index = (S.picker.index + 1) % S.picker.items.length; updatePicker(); e.preventDefault(); return; }
      if (e.key === 'ArrowUp') { S.picker.index = (S.picker.index + S.picker.items.length - 1) % S.picker.items.length; updatePicker(); e.preventDefault(); return; }
      if (e.key === 'Enter' || e.key === 'Tab') { choose(S.picker.index); e.preventDefault(); return; }
      if (e.key === 'Escape') { closePicker(); return; }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
  });
  $('#send').addEventListener('click', send);
  for (const b of document.querySelectorAll('[data-jump]')) b.addEventListener('click', () => jump(b.dataset.jump));
  for (const b of document.querySelectorAll('[data-quick]')) b.addEventListener('click', () => { box.value = addressed(b.dataset.quick); box.focus(); });
  const scope = $('#scope-all');
  scope.addEventListener('change', async () => {
    try {
      const r = await api('/sandbox/api/scope', { group_messages: scope.checked ? 'all' : 'at_bot' });
      S.groupMessages = r.group_messages;
      toast('info', r.group_messages === 'all' ? '已开通“获取群组中所有消息”：群里不 @ 也会投递' : '仅接收群聊中 @机器人 的消息');
    } catch (err) { toast('error', err.message); }
    showScope();
    renderHead();
  });
}

// ---------- long connection frames (DUBAN_EVENTS=long-connection only) ----------
const FRAME_KINDS = { ping: '心跳 ping', pong: '心跳 pong', event: '事件', fragment: '分片', ack: '确认', bad: '坏帧（已跳过）', close: '关闭' };
async function startFrames() {
  const first = await api('/sandbox/api/frames');
  if (first.mode !== 'long-connection') return;
  const head = el('summary', { 'data-lc': 'state' });
  const list = el('ol', { class: 'lc-frames', style: 'list-style:none;margin:0;padding:0;max-height:240px;overflow:auto;font:12px/1.5 ui-monospace,monospace' });
  const box = el('details', { class: 'insp', id: 'lc-panel', open: true, style: 'margin:8px 12px;border-top:1px solid #e5e6eb;padding-top:6px' }, head, list);
  $('#inspector').insertBefore(box, $('#insp-body'));
  const draw = (r) => {
    head.textContent = `长连接帧 · ${r.connected ? '已连接' : r.state} · 收 ${r.frames_in} / 发 ${r.frames_out} · 重连 ${r.reconnects}`;
    head.style.color = r.connected ? '' : '#f54a45';
    const rows = r.frames.slice(-80).reverse().map((f) => el('li', { 'data-kind': f.kind, style: `padding:2px 0;border-bottom:1px dashed #eee;color:${f.kind === 'bad' ? '#f54a45' : 'inherit'}` },
      el('span', { text: `${f.dir === 'in' ? '↓' : '↑'} ${FRAME_KINDS[f.kind] || f.kind}` }),
      f.seq_id ? el('span', { text: ` #${f.seq_id}`, style: 'color:#8f959e' }) : null,
      f.message_id ? el('span', { text: ` ${f.message_id}`, style: 'color:#8f959e' }) : null,
      f.detail ? el('div', { text: f.detail, style: 'color:#646a73;white-space:pre-wrap;word-break:break-all' }) : null));
    list.replaceChildren(...rows);
  };
  draw(first);
  setInterval(async () => { try { draw(await api('/sandbox/api/frames')); } catch (_) { /* restarting */ } }, 1500);
}

start().then(() => startFrames().catch(() => {})).catch((err) => {
  document.body.prepend(el('div', { class: 'toast error', text: `沙箱页面无法启动：${err.message}` }));
});
