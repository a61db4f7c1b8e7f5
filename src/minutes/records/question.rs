//! Cards whose work is a field of its own (pure): `做什么：…` `谁来做：…` `何时完成：…`
//! `怎么做：…` (or `任务：…` `由谁：…` `什么时候：…`, `What: …` `Who: …` `When: …`, any field
//! order, under a tag like `◆ 行动卡1` or none). Question-style labels name the parts of a task by
//! the question each answers — what, who, when, how — so a label is read by its question word,
//! not by one wording: `谁…` is the owner, `何时…`/`什么时候…` the deadline, `做什么`/`任务` the
//! work, `怎么…`/`如何…` the method. The card becomes one line the rest of the reading knows,
//! `【任务】work，负责人：某某，截止：…`, its other field lines blank; a card whose due or state field
//! says the work is already done is blank as a whole.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Work,
    Owner,
    Help,
    Due,
    State,
    /// How the work is done (`怎么做：…`, `措施：…`): read as part of the card, otherwise ignored.
    How,
    Other,
}

/// Question words that make a label ask its question (`谁来做`, `何时完成`, `做什么`, `怎么做`);
/// a card needs one, so blocks of plain labels (`事项：` `负责人：`) stay the block reader's.
const QUESTION: &[&str] = &[
    "谁", "何时", "什么", "几时", "哪天", "怎么", "如何", "啥", "who", "when", "what", "how",
];

/// Labels naming the work itself (whole label, case aside).
const WORK: &[&str] = &[
    "做什么",
    "干什么",
    "要做什么",
    "做啥",
    "事项",
    "任务",
    "任务内容",
    "工作内容",
    "工作事项",
    "待办事项",
    "行动项",
    "what",
    "task",
    "todo",
    "action item",
];
/// Words in a label naming who does it.
const OWNER: &[&str] = &[
    "谁",
    "负责",
    "责任人",
    "牵头",
    "主办",
    "承办",
    "执行人",
    "跟进人",
    "who",
    "owner",
];
/// Words in a label naming when it is due.
const DUE: &[&str] = &[
    "何时",
    "什么时候",
    "几时",
    "哪天",
    "时限",
    "期限",
    "截止",
    "完成时间",
    "完成日期",
    "时间节点",
    "when",
    "due",
    "deadline",
    "ddl",
    "eta",
];
/// Words in a label naming how the work is done.
const HOW: &[&str] = &[
    "怎么", "如何", "方法", "方式", "措施", "做法", "说明", "备注", "how",
];
const HELP: &[&str] = &["配合", "协助", "协办"];
const STATE: &[&str] = &["状态", "进度", "进展", "status"];
/// Labels that start a review block, which its own reader takes (`结论：…`, `需求：…`).
const BLOCK: &[&str] = &["结论", "决定", "意见", "需求", "议题", "议案"];
/// Values saying the work is already done.
const DONE: &[&str] = &[
    "已完成",
    "已办结",
    "已关闭",
    "已上线",
    "已取消",
    "已结束",
    "完成",
    "done",
    "closed",
];

/// `谁来做：某某` → (`谁来做`, `某某`): a short label (eight characters at most, no digits).
fn field(line: &str) -> Option<(String, &str)> {
    let t = line.trim().trim_start_matches(['-', '*', '•', '·', ' ']);
    let (key, value) = t.split_once(['：', ':'])?;
    let key = key.trim();
    let n = key.chars().count();
    ((1..=12).contains(&n)
        && key.chars().filter(|c| !c.is_ascii()).count() <= 8
        && !key.chars().any(|c| c.is_ascii_digit())
        && !value.trim().is_empty())
    .then(|| (key.to_lowercase(), value.trim()))
}

fn part(key: &str) -> Part {
    let has = |ws: &[&str]| ws.iter().any(|w| key.contains(w));
    if WORK.contains(&key) {
        Part::Work
    } else if has(HELP) {
        Part::Help
    } else if has(OWNER) {
        Part::Owner
    } else if has(DUE) {
        Part::Due
    } else if has(STATE) {
        Part::State
    } else if has(HOW) {
        Part::How
    } else {
        Part::Other
    }
}

/// `某甲（主）、某乙（配合）` → (`某甲`, `某乙`): names tagged with their part in brackets; the
/// helpers' tags (`配合`, `协助`, `协办`, `辅`) send a name to the helpers, any other tag (`主`,
/// `牵头`) is dropped. A value without such tags is returned whole.
fn split_roles(value: &str) -> (String, Vec<String>) {
    let mut leads = Vec::new();
    let mut helps = Vec::new();
    let mut tagged = false;
    for part in value.split(['、', '，', ',', '；', ';', '/']) {
        let part = part.trim();
        let Some((name, tag)) = part
            .strip_suffix(['）', ')'])
            .and_then(|p| p.rsplit_once(['（', '(']))
        else {
            leads.push(part.to_owned());
            continue;
        };
        tagged = true;
        if HELP.iter().any(|h| tag.contains(h)) || tag.trim() == "辅" {
            helps.push(name.trim().to_owned());
        } else {
            leads.push(name.trim().to_owned());
        }
    }
    if !tagged {
        return (value.to_owned(), Vec::new());
    }
    (leads.join("、"), helps)
}

/// `已完成`, `已完成，检测值符合要求`: the value says the work is done (`已完成初稿` says a part is).
fn done(value: &str) -> bool {
    let v = value.to_lowercase();
    DONE.iter().any(|d| {
        v.strip_prefix(d).is_some_and(|rest| {
            rest.trim().is_empty()
                || rest
                    .trim_start()
                    .starts_with(['，', ',', '。', '；', ';', '（', '(', '！'])
        })
    })
}

/// Rewrites every card of `lines` whose work is a field (see the module's text). A card is a run
/// of consecutive `label：value` lines with exactly one work field and an owner or a due field.
pub(super) fn merge_work_cards(lines: &mut [String]) {
    let mut n = 0;
    while n < lines.len() {
        // A run of fields this card knows: `某某：…` (someone speaking) or any other label ends it.
        let mut end = n;
        while end < lines.len() && field(&lines[end]).is_some_and(|(k, _)| part(&k) != Part::Other) {
            end += 1;
        }
        if end == n {
            n += 1;
            continue;
        }
        let fields: Vec<(Part, String, String)> = lines[n..end]
            .iter()
            .filter_map(|l| field(l).map(|(k, v)| (part(&k), k, v.to_owned())))
            .collect();
        let count = |p: Part| fields.iter().filter(|(q, _, _)| *q == p).count();
        let review = fields.iter().any(|(_, k, _)| BLOCK.iter().any(|b| k.contains(b)));
        let questioned = fields
            .iter()
            .any(|(_, k, _)| QUESTION.iter().any(|q| k.contains(q)));
        let card = questioned
            && count(Part::Work) == 1
            && count(Part::Owner) <= 1
            && count(Part::Due) <= 1
            && count(Part::Owner) + count(Part::Due) >= 1
            && !review;
        if !card {
            n = end;
            continue;
        }
        let value = |p: Part| {
            fields
                .iter()
                .find(|(q, _, _)| *q == p)
                .map(|(_, _, v)| v.as_str())
        };
        let closed = [Part::Due, Part::State]
            .iter()
            .any(|p| value(*p).is_some_and(done));
        let merged = if closed {
            String::new()
        } else {
            let work = value(Part::Work).unwrap_or_default();
            let mut s = format!("【任务】{}", work.trim_end_matches(['。', '；', ';', '，']));
            let (lead, mut helps) = value(Part::Owner).map(split_roles).unwrap_or_default();
            if !lead.is_empty() {
                s.push_str(&format!("，负责人：{lead}"));
            }
            helps.extend(value(Part::Help).map(str::to_owned));
            if !helps.is_empty() {
                s.push_str(&format!("，{}配合", helps.join("、")));
            }
            if let Some(d) = value(Part::Due) {
                s.push_str(&format!("，截止：{d}"));
            }
            s
        };
        lines[n] = merged;
        for line in &mut lines[n + 1..end] {
            line.clear();
        }
        n = end;
    }
}
