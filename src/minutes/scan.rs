//! One line of minutes (pure): who owns it, when it is due, how urgent it is, and the task text
//! left once those are taken out. Used by the extraction (`minutes/extract.rs`) for list items, table
//! cells and free lines alike.

use jiff::Timestamp;

use crate::calendar::Calendar;
use crate::command::Mention;
use crate::command::when::{english_deadline, parse_deadline};
use crate::domain::deadline::Deadline;
use crate::domain::ids::Person;
use crate::domain::priority::Priority;
use crate::minutes::owner::OwnerRef;

/// Everything the line scanner needs besides the line.
pub(crate) struct Ctx<'a> {
    pub(crate) mentions: &'a [Mention],
    pub(crate) members: &'a [Person],
    pub(crate) base: Timestamp,
    pub(crate) cal: &'a Calendar,
}

/// How the owner was found (the stronger, the more a line reads as a task).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum OwnerHow {
    /// No owner.
    None,
    /// `张三：…` at the start of the line.
    Label,
    /// Named in the line without an owner word (`李白你…`, `，甄宓，`, `——曹丕、甄宓`).
    Named,
    /// `张三负责…`, `由李四牵头…`, `@张三`, `责任人：王五`.
    Strong,
}

/// The result of scanning one line.
#[derive(Debug, Clone)]
pub(crate) struct Scan {
    pub(crate) text: String,
    pub(crate) owners: Vec<OwnerRef>,
    pub(crate) how: OwnerHow,
    pub(crate) deadline: Option<Deadline>,
    pub(crate) deadline_text: Option<String>,
    pub(crate) priority: Option<Priority>,
}

/// Verbs that follow an owner (`张三负责…`, `由李四牵头…`).
const VERBS: &[&str] = &[
    "负责", "牵头", "跟进", "落实", "对接", "协调", "整理", "准备", "完成", "提交", "组织", "确认", "梳理",
    "排查", "推进", "联系", "评估", "制定", "编写", "出具", "起草", "安排", "核实", "补充", "更新", "修订",
    "开展", "输出", "提供", "发起", "反馈", "督促", "复核", "测试", "部署", "上线", "通知", "汇总", "统计",
    "检查", "研究", "审核", "撰写", "修改", "处理", "收集", "约", "来",
];

/// Keys whose value names the owner.
const OWNER_KEYS: &[&str] = &[
    "主责人",
    "主责",
    "负责人",
    "责任人",
    "责任部门",
    "牵头人",
    "牵头部门",
    "负责部门",
    "主办",
    "承办",
    "owner",
    "Owner",
    "OWNER",
    "负责",
];

/// Keys whose value names helpers (`协同：孙俪`).
const HELP_KEYS: &[&str] = &["协同", "协办", "配合人", "配合", "协助"];

/// Keys whose value is the deadline.
const DEADLINE_KEYS: &[&str] = &[
    "截止时间",
    "截止日期",
    "完成时间",
    "完成期限",
    "完成日期",
    "时间节点",
    "时限",
    "期限",
    "截止",
    "deadline",
    "Deadline",
    "DDL",
    "ddl",
    "Due",
    "due",
    "时间",
];

/// Title suffixes after a surname (`张总`, `王经理`).
const TITLES: &[&str] = &[
    "总监", "经理", "主任", "部长", "行长", "老师", "总", "工", "处", "哥", "姐",
];

/// Common surnames: a two- or three-character word starting with one of these may be a name.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤";

/// Words that look like names but are not (`周五：`, `高风险`).
const NOT_NAMES: &[&str] = &[
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
    "周末",
    "高层",
    "高管",
    "马上",
    "于是",
    "方面",
    "方案",
    "程序",
    "金额",
    "金融",
    "江苏",
    "石油",
    "任务",
    "张贴",
    "黄金",
    "周报",
    "周会",
    "万元",
    "严格",
    "龙头",
    "杨树",
    "白名单",
    "孙公司",
    "陆续",
    "余额",
    "许可",
    "高频",
    "雷同",
    "段落",
    "邱",
    "史上",
    "付款",
    "董事",
    "董事会",
    "罗列",
    "钱包",
    "汪",
    "何时",
    "曾经",
    "高优",
    "武汉",
    "江西",
    "苏州",
    "沈阳",
];

impl Ctx<'_> {
    /// Scans one line (list marker already removed).
    pub(crate) fn scan(&self, line: &str) -> Scan {
        let mut text = line.trim().to_owned();
        let priority = take_priority(&mut text);
        let mut owners: Vec<OwnerRef> = Vec::new();
        let mut how = OwnerHow::None;
        let mut deadline_candidates: Vec<String> = Vec::new();

        // `责任人：王五 完成时间：12月10日`
        if let Some((value, rest)) = take_key(&text, OWNER_KEYS) {
            owners = self.names(&value);
            how = OwnerHow::Strong;
            text = rest;
        }
        if how == OwnerHow::Strong
            && let Some((value, rest)) = take_key(&text, HELP_KEYS)
        {
            for o in self.names(&value) {
                push_unique(&mut owners, o);
            }
            text = rest;
        }
        if let Some((value, rest)) = take_key(&text, DEADLINE_KEYS) {
            deadline_candidates.push(value);
            text = rest;
        }
        // Mentions: Feishu placeholders first, then `@名字` typed as text.
        let (mentioned, rest) = self.take_mentions(&text);
        if !mentioned.is_empty() {
            for m in mentioned {
                push_unique(&mut owners, m);
            }
            how = OwnerHow::Strong;
            text = rest;
        }
        if how == OwnerHow::None {
            if let Some((found, rest)) = self.owner_by_verb(&text) {
                owners = found;
                how = OwnerHow::Strong;
                text = rest;
            } else if let Some(found) = self.owners_in_text(&text) {
                owners = found.lead;
                for o in found.help {
                    push_unique(&mut owners, o);
                }
                how = found.how;
                text = found.rest;
            } else if let Some((found, rest)) = self.owner_label(&text).or_else(|| self.leading_member(&text))
            {
                owners = found;
                how = OwnerHow::Label;
                text = rest;
            }
        }
        // Helpers and co-leads named after the owner (`由合规部徐达牵头，常遇春配合`).
        if how != OwnerHow::None
            && let Some(found) = self.owners_in_text(&text)
        {
            for o in found.lead.into_iter().chain(found.help) {
                push_unique(&mut owners, o);
            }
            text = found.rest;
        }
        // Parenthesised groups, then clauses from the end.
        for group in paren_groups(&text) {
            deadline_candidates.push(group);
        }
        let clauses: Vec<String> = text
            .split(['，', ',', '；', ';', '。', '！', '!', '–', '—'])
            .map(str::to_owned)
            .collect();
        deadline_candidates.extend(clauses.iter().rev().cloned());
        let (deadline, deadline_text) = self.first_deadline(&deadline_candidates);
        if let Some(dt) = &deadline_text {
            text = remove_deadline(&text, dt);
        }
        Scan {
            text: tidy(&text),
            owners,
            how,
            deadline,
            deadline_text,
            priority,
        }
    }

    /// Resolves one name: a mention key, an exact member name, or `张总` for a unique surname.
    pub(crate) fn resolve(&self, name: &str) -> OwnerRef {
        let name = name.trim().trim_start_matches(['@', '＠']).trim();
        if let Some(m) = self.mentions.iter().find(|m| m.key == name) {
            return OwnerRef::Person(m.person.clone());
        }
        if let Some(p) = self.members.iter().find(|p| p.name == name) {
            return OwnerRef::Person(p.clone());
        }
        if let Some(surname) = surname_with_title(name) {
            let mut hits = self.members.iter().filter(|p| p.name.starts_with(surname));
            if let (Some(p), None) = (hits.next(), hits.next()) {
                return OwnerRef::Person(p.clone());
            }
        }
        OwnerRef::Unresolved(name.to_owned())
    }

    /// The people in a field: the names when some parts are names (`合规部 张学友`,
    /// `风险管理部/梁朝伟` → the person), else every part as written (`合规部`).
    pub(crate) fn people(&self, value: &str) -> Vec<OwnerRef> {
        let all = self.names(value);
        let named: Vec<OwnerRef> = value
            .split(['、', '，', ',', '/', '&', ' ', '和', '及'])
            .map(str::trim)
            .filter(|p| !p.is_empty() && self.is_name(p))
            .map(|p| self.resolve(p))
            .collect();
        if named.is_empty() { all } else { named }
    }

    /// A deadline field's value (`11月15日`, `四季度` = by the quarter's end, `11月` = by the
    /// month's end).
    pub(crate) fn field_deadline(&self, value: &str) -> Scan {
        let first = self.scan(&format!("（{value}）"));
        let v = value.trim();
        if first.deadline.is_none() && (v.ends_with("季度") || v.ends_with('月')) {
            let end = if v.ends_with('月') { "底" } else { "末" };
            let second = self.scan(&format!("（{v}{end}）"));
            if second.deadline.is_some() {
                return Scan {
                    deadline_text: Some(v.to_owned()),
                    ..second
                };
            }
        }
        first
    }

    /// A list of names (`张三、李四和王五`).
    pub(crate) fn names(&self, value: &str) -> Vec<OwnerRef> {
        let mut out = Vec::new();
        for part in value.split(['、', '，', ',', '/', '&', '；', ';']) {
            let part = strip_remark(part).trim().trim_start_matches(['@', '＠']).trim();
            if part.is_empty() {
                continue;
            }
            if self.members.iter().any(|p| p.name == part) {
                push_unique(&mut out, self.resolve(part));
                continue;
            }
            for name in split_names(part) {
                push_unique(&mut out, self.resolve(&name));
            }
        }
        out
    }

    /// A member's name (or a mention key) at the very start of the line, followed by a space:
    /// `陈晓 整理…`, `Amy Chen to prepare…`.
    fn leading_member(&self, text: &str) -> Option<(Vec<OwnerRef>, String)> {
        let mut t = text.trim_start();
        let mut found = Vec::new();
        loop {
            let name = self
                .members
                .iter()
                .map(|p| p.name.as_str())
                .chain(self.mentions.iter().map(|m| m.key.as_str()))
                .filter(|n| !n.is_empty() && t.starts_with(n))
                .max_by_key(|n| n.len())?;
            found.push(self.resolve(name));
            let rest = t.get(name.len()..)?;
            // `Daniel + 吴磊 to document…`, `薛宝钗 & 贾宝玉 – …`
            match [" + ", " & ", " and ", "+", "&", "、", "/"]
                .iter()
                .find_map(|sep| rest.strip_prefix(sep))
            {
                Some(r) => t = r.trim_start(),
                None => {
                    return rest
                        .starts_with([' ', '\t'])
                        .then(|| (found, rest.trim_start().to_owned()));
                }
            }
        }
    }

    /// Whether a word could be a name at all (not a known non-name, not a time word).
    pub(crate) fn is_name_shape(&self, w: &str) -> bool {
        !NOT_NAMES.contains(&w) && !looks_like_time(w)
    }

    /// Whether `word` reads as a person: a member, a mention key, or a plausible Chinese name.
    pub(crate) fn is_name(&self, word: &str) -> bool {
        let w = word.trim();
        if w.is_empty() {
            return false;
        }
        if self.members.iter().any(|p| p.name == w) || self.mentions.iter().any(|m| m.key == w) {
            return true;
        }
        if NOT_NAMES.contains(&w) || looks_like_time(w) {
            return false;
        }
        let n = w.chars().count();
        let cjk = w.chars().all(is_cjk);
        if surname_with_title(w).is_some() {
            return true;
        }
        cjk && (2..=3).contains(&n) && w.chars().next().is_some_and(|c| SURNAMES.contains(c))
    }

    pub(crate) fn names_if_all(&self, s: &str) -> Option<Vec<OwnerRef>> {
        let whole = strip_remark(s).trim();
        if self.members.iter().any(|p| p.name == whole) {
            return Some(vec![self.resolve(whole)]);
        }
        let parts = split_names(whole);
        if parts.is_empty() || parts.len() > 6 || !parts.iter().all(|p| self.is_name(p)) {
            return None;
        }
        Some(self.names(s))
    }

    /// `@_user_2` and `@张三` anywhere in the line; returns them and the line without them.
    fn take_mentions(&self, text: &str) -> (Vec<OwnerRef>, String) {
        let mut found = Vec::new();
        let mut rest = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '@' && c != '＠' {
                rest.push(c);
                continue;
            }
            let mut word = String::new();
            while let Some(&n) = chars.peek() {
                if n.is_alphanumeric() || n == '_' || is_cjk(n) {
                    word.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            let key = format!("@{word}");
            if let Some(m) = self.mentions.iter().find(|m| m.key == key) {
                found.push(OwnerRef::Person(m.person.clone()));
            } else if let Some(name) = self.longest_member_prefix(&word) {
                found.push(self.resolve(&name));
                rest.push_str(word.get(name.len()..).unwrap_or_default());
            } else if !word.is_empty() && word.chars().count() <= 4 && !word.starts_with("_user_") {
                found.push(self.resolve(&word));
            } else {
                rest.push(c);
                rest.push_str(&word);
            }
        }
        (found, rest)
    }

    fn longest_member_prefix(&self, word: &str) -> Option<String> {
        self.members
            .iter()
            .filter(|p| !p.name.is_empty() && word.starts_with(p.name.as_str()))
            .max_by_key(|p| p.name.len())
            .map(|p| p.name.clone())
    }

    /// `张三负责…`, `张三、李四牵头…`, `请王五跟进…`, `由合规部牵头…`.
    fn owner_by_verb(&self, text: &str) -> Option<(Vec<OwnerRef>, String)> {
        let t = text.trim_start();
        if let Some(after) = t.strip_prefix('由') {
            let (who, verb_at) = first_verb(after)?;
            let who = who.trim();
            if who.is_empty() || who.chars().count() > 12 {
                return None;
            }
            return Some((self.names(who), after.get(verb_at..)?.to_owned()));
        }
        let body = t.strip_prefix('请').unwrap_or(t);
        let (who, verb_at) = first_verb(body)?;
        let mut who = who.trim().trim_end_matches(['于', '在']).trim();
        while let Some(w) = ["共同", "一起", "一同", "分别", "都"]
            .iter()
            .find_map(|s| who.strip_suffix(s))
        {
            who = w.trim();
        }
        let found = self.names_if_all(who)?;
        Some((found, body.get(verb_at..)?.to_owned()))
    }

    /// `张三：…`, `【张三】…`, `张三、李四：…`.
    fn owner_label(&self, text: &str) -> Option<(Vec<OwnerRef>, String)> {
        let t = text.trim_start();
        if let Some(after) = t.strip_prefix('【') {
            let (inner, rest) = after.split_once('】')?;
            return Some((self.names_if_all(inner)?, rest.to_owned()));
        }
        let cut = t.find([':', '：'])?;
        let who = t.get(..cut)?;
        let who = who.split(['（', '(']).next().unwrap_or(who);
        let found = self.names_if_all(who)?;
        let rest = t.get(cut..)?.trim_start_matches([':', '：']);
        Some((found, rest.to_owned()))
    }

    /// The first candidate holding an accepted deadline; failing that, the first refused one.
    fn first_deadline(&self, candidates: &[String]) -> (Option<Deadline>, Option<String>) {
        let mut refused: Option<String> = None;
        for c in candidates {
            // `… on suitability mapping by next Wed`: the English tail of a clause.
            let tail = [" by ", " due ", " before ", " within ", " until ", "ETA ", "eta "]
                .iter()
                .filter_map(|w| c.rfind(w).map(|i| i + 1))
                .min()
                .and_then(|i| c.get(i..))
                .unwrap_or(c.as_str());
            if let Some(zh) = english_deadline(tail.trim()) {
                match parse_deadline(&zh, self.base, self.cal) {
                    Ok(d) => return (Some(d), Some(tail.trim().to_owned())),
                    Err(e) if !e.is_not_a_time() => {
                        refused.get_or_insert(tail.trim().to_owned());
                    }
                    Err(_) => {}
                }
                continue;
            }
            match self.deadline_in(c) {
                Some((text, Some(d))) => return (Some(d), Some(text)),
                Some((text, None)) => {
                    refused.get_or_insert(text);
                }
                None => {}
            }
        }
        (None, refused)
    }

    /// The longest window of `s` that the deadline parser recognises (accepted or refused).
    fn deadline_in(&self, s: &str) -> Option<(String, Option<Deadline>)> {
        let chars: Vec<char> = s.chars().collect();
        if !chars.iter().any(|c| is_time_char(*c)) {
            return None;
        }
        let max = chars.len().min(20);
        for len in (2..=max).rev() {
            for start in 0..=chars.len() - len {
                let window = chars.get(start..start + len)?;
                if !window.first().is_some_and(|c| is_start_char(*c))
                    || cuts_digits(&chars, start, start + len)
                    || is_ordinal_or_start(&chars, start, start + len)
                    || modifies_noun(&chars, start, start + len)
                {
                    continue;
                }
                let w: String = window.iter().collect();
                match parse_deadline(&w, self.base, self.cal) {
                    Ok(d) => return Some((w.trim().to_owned(), Some(d))),
                    Err(e) if !e.is_not_a_time() => return Some((w.trim().to_owned(), None)),
                    Err(_) => {}
                }
            }
        }
        None
    }
}

/// A word that reads as a time, not a name (`周四前`, `周末内`).
fn looks_like_time(w: &str) -> bool {
    let mut cs = w.chars();
    let first = cs.next();
    let second = cs.next();
    w.ends_with(['前', '后', '内', '底', '末', '日', '号'])
        || (first == Some('周') && second.is_some_and(|c| "一二三四五六日天末内".contains(c)))
}

/// Whether the text holds a task verb (two characters or more).
pub(crate) fn has_task_verb(text: &str) -> bool {
    VERBS.iter().any(|v| v.chars().count() >= 2 && text.contains(v))
}

fn push_unique(out: &mut Vec<OwnerRef>, o: OwnerRef) {
    if !out.contains(&o) {
        out.push(o);
    }
}

/// `张总` → `张`.
fn surname_with_title(name: &str) -> Option<&str> {
    let first = name.chars().next()?;
    let rest = name.get(first.len_utf8()..)?;
    (SURNAMES.contains(first) && TITLES.contains(&rest)).then(|| name.get(..first.len_utf8()))?
}

/// `孟凡（外部顾问）` → `孟凡`.
fn strip_remark(s: &str) -> &str {
    s.split(['（', '(']).next().unwrap_or(s)
}

fn split_names(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', '/', '和', '及', '&', ' ', '与', '+', '＋', '跟'])
        .map(|p| {
            p.trim()
                .trim_start_matches(['@', '＠'])
                .trim_end_matches("同志")
                .to_owned()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// The text before the first owner verb, and the byte offset of that verb.
fn first_verb(s: &str) -> Option<(&str, usize)> {
    let (at, _) = VERBS
        .iter()
        .filter_map(|v| s.find(v).map(|i| (i, v.len())))
        .filter(|(i, len)| *i > 0 && !s.get(i + len..).is_some_and(|r| r.starts_with('的')))
        .min_by_key(|(i, len)| (*i, usize::MAX - *len))?;
    Some((s.get(..at)?, at))
}

/// Takes `key：value` (or `key: value`) out of `text`; the value runs to the next separator or
/// the next key of any kind.
fn take_key(text: &str, keys: &[&str]) -> Option<(String, String)> {
    for key in keys {
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find(key)).map(|i| i + from) {
            let after = text.get(i + key.len()..)?;
            let trimmed = after.trim_start();
            if let Some(value_start) = trimmed.strip_prefix([':', '：']) {
                let value_start = value_start.trim_start();
                let end = value_end(value_start);
                let value = value_start.get(..end)?.trim().to_owned();
                let rest_after = value_start.get(end..)?;
                let rest = format!("{}{}", text.get(..i)?, rest_after);
                if !value.is_empty() {
                    return Some((value, rest));
                }
            }
            from = i + key.len();
        }
    }
    None
}

/// Where a key's value ends: a separator or the start of another key.
fn value_end(s: &str) -> usize {
    let mut end = s.len();
    for sep in [
        "，", ",", "；", ";", "。", "  ", "|", "）", ")", " — ", " – ", " - ", "—",
    ] {
        if let Some(i) = s.find(sep) {
            end = end.min(i);
        }
    }
    for key in OWNER_KEYS.iter().chain(DEADLINE_KEYS).chain(["优先级"].iter()) {
        if let Some(i) = s.find(key).filter(|i| *i > 0) {
            end = end.min(i);
        }
    }
    if let Some(i) = s
        .find(' ')
        .filter(|_| s.chars().filter(|c| *c == ' ').count() > 0)
    {
        // `王五 完成时间：…` — a name value stops at a space followed by more words.
        let head = s.get(..i).unwrap_or_default();
        if head.chars().all(is_cjk) && head.chars().count() <= 4 {
            end = end.min(i);
        }
    }
    end
}

/// The contents of `（…）` and `(…)` groups.
fn paren_groups(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' => depth_start = Some(i + c.len_utf8()),
            '）' | ')' => {
                if let Some(s) = depth_start.take()
                    && let Some(inner) = text.get(s..i)
                {
                    out.push(inner.to_owned());
                }
            }
            _ => {}
        }
    }
    out
}

/// `[紧急]`, `P1`, `高优先级`, `优先级：高` → the priority, removed from the text.
fn take_priority(text: &mut String) -> Option<Priority> {
    if let Some((value, rest)) = take_key(text, &["优先级", "Priority", "priority"]) {
        let p = Priority::parse(value.trim_end_matches("优先级"));
        *text = rest;
        if p.is_some() {
            return p;
        }
    }
    let words: &[(&str, Priority)] = &[
        ("【紧急】", Priority::P0),
        ("[紧急]", Priority::P0),
        ("（紧急）", Priority::P0),
        ("(紧急)", Priority::P0),
        ("高优先级", Priority::P1),
        ("优先级高", Priority::P1),
        ("低优先级", Priority::P3),
        ("【重要】", Priority::P1),
        ("紧急", Priority::P0),
        ("加急", Priority::P0),
    ];
    for (w, p) in words {
        if let Some(i) = text.find(w) {
            if w.starts_with(['【', '[', '（', '(']) || w.contains("优先级") {
                text.replace_range(i..i + w.len(), "");
            }
            return Some(*p);
        }
    }
    for code in ["P0", "P1", "P2", "P3", "p0", "p1", "p2", "p3"] {
        if let Some(i) = text.find(code) {
            let before = text.get(..i).and_then(|s| s.chars().next_back());
            let after = text.get(i + 2..).and_then(|s| s.chars().next());
            if !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
            {
                let p = Priority::parse(code);
                text.replace_range(i..i + 2, "");
                return p;
            }
        }
    }
    None
}

/// Removes the deadline words (and a group or clause that held only them) from the text.
fn remove_deadline(text: &str, dt: &str) -> String {
    for (open, close) in [("（", "）"), ("(", ")")] {
        let group = format!("{open}{dt}{close}");
        if text.contains(&group) {
            return text.replacen(&group, "", 1);
        }
    }
    let Some(i) = text.find(dt) else {
        return text.to_owned();
    };
    let before = text.get(..i).unwrap_or_default();
    let after = text.get(i + dt.len()..).unwrap_or_default();
    let fillers = [
        "之前", "以前", "前", "完成", "提交", "交付", "反馈", "上线", "内", "为止",
    ];
    let mut tail = after;
    for f in fillers {
        if let Some(t) = tail.strip_prefix(f) {
            tail = t;
        }
    }
    let clause_ends = tail.is_empty() || tail.starts_with(['，', ',', '；', ';', '。', '）', ')']);
    let mut head = before;
    for f in [
        "务必于",
        "务必在",
        "最晚",
        "最迟",
        "争取",
        "力争",
        "需在",
        "需于",
        "请于",
        "请在",
        "在",
        "于",
        "，",
        ",",
    ] {
        if let Some(h) = head.strip_suffix(f) {
            head = h;
        }
    }
    let clause_starts =
        head.is_empty() || before.ends_with(['，', ',', '；', ';']) || head.len() < before.len();
    if clause_ends && (clause_starts || tail.is_empty()) {
        format!("{head}{tail}")
    } else {
        text.to_owned()
    }
}

/// Trims list punctuation and stray separators.
fn tidy(text: &str) -> String {
    let t = text.replace("（）", "").replace("()", "").replace("，，", "，");
    t.trim()
        .trim_matches(|c: char| matches!(c, '，' | ',' | '；' | ';' | '。' | ':' | '：' | '-' | '—' | ' '))
        .trim()
        .to_owned()
}

pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

fn is_time_char(c: char) -> bool {
    c.is_ascii_digit() || "今明后周月年天日号季底末节内星期礼拜点时一二三四五六七八九十两尽".contains(c)
}

fn is_start_char(c: char) -> bool {
    c.is_ascii_digit()
        || "一二三四五六七八九十两今明后下本这周星礼月年季节上大次中早晚截最尽端清元国春劳".contains(c)
}

/// `第二周` (an ordinal, not a duration), `4月1日起` (a start date, not a deadline), or a
/// window starting inside a run of Chinese numerals.
fn is_ordinal_or_start(chars: &[char], start: usize, end: usize) -> bool {
    let numeral = |c: &char| "一二三四五六七八九十两零〇".contains(*c);
    let before = start.checked_sub(1).and_then(|i| chars.get(i));
    let after = chars.get(end);
    let recurring = |back: usize| {
        start
            .checked_sub(back)
            .and_then(|i| chars.get(i))
            .is_some_and(|c| *c == '每')
    };
    before.is_some_and(|c| *c == '第')
        // `每月5日前报送`: a recurring date is not a deadline.
        || recurring(1)
        || recurring(2)
        || (before.is_some_and(numeral) && chars.get(start).is_some_and(numeral))
        || after.is_some_and(|c| *c == '起')
        || (after.is_some_and(|c| matches!(c, '日' | '号')) && chars.get(end + 1).is_some_and(|c| *c == '起'))
        || (before.is_some_and(|c| matches!(c, '自' | '从')) && after.is_some_and(|c| *c == '开'))
}

/// A time word inside a phrase, qualifying a noun rather than setting a deadline: `汇报本月运营情况`,
/// `准备下周机构路演的PPT` (after a verb, before a noun), but not `贾探春今晚把…` or `请于周五前`.
fn modifies_noun(chars: &[char], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let after = chars.get(end).copied();
    let word = |c: Option<char>| c.is_some_and(is_cjk);
    let exempt =
        |c: Option<char>| c.is_some_and(|c| "前内后之以把完交提发给报出上到起底末止再就由将要开".contains(c));
    // `年终客户答谢会`, `月底结账流程`: a period word naming a noun, even at the start.
    let period_noun = end
        .checked_sub(1)
        .and_then(|i| chars.get(i))
        .is_some_and(|c| "终末底初".contains(*c))
        && word(after)
        && !exempt(after);
    period_noun
        || chars.get(start).is_some_and(|c| *c != '尽')
            && word(before)
            && word(after)
            && !chars.get(start).is_some_and(char::is_ascii_digit)
            && !before.is_some_and(|c| "于在请前至到由起从截等".contains(c))
            && !exempt(after)
}

/// Whether a window `[start, end)` starts or ends inside a run of ASCII digits.
fn cuts_digits(chars: &[char], start: usize, end: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    (start > 0 && digit(start - 1) && digit(start)) || (digit(end - 1) && digit(end))
}
