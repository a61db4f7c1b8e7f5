//! One line of minutes (pure): who owns it, when it is due, how urgent it is, and the task text
//! left once those are taken out. Used by the extraction (`minutes/extract/`) for list items, table
//! cells and free lines alike.

mod addressed;
mod after_name;
mod at_helper;
mod by_verb;
mod common_words;
mod ctx;
mod date_range;
mod deadline;
mod due_brackets;
mod each_by;
mod english;
pub(crate) use english::{VERDICT, asks_please, commits_in_english};
mod fields;
mod helper_aside;
mod helper_first;
mod inner_word;
mod me_dated;
mod names;
mod nickname;
mod owner_pending;
mod pending_day;
mod run_length;
mod sent_to;
mod series_no;
mod spaced;
pub(crate) mod surnames;
mod terse;
#[cfg(test)]
pub(crate) mod testkit;
mod unit_name;
mod units;
mod vague;
mod verbs;

use crate::minutes::owner::OwnerRef;

pub(crate) use self::ctx::{Ctx, OwnerHow, Scan, is_cjk, push_unique};
pub(crate) use self::deadline::{is_the_rest, is_time_char};
use self::deadline::{paren_groups, remove_deadline};
use self::fields::{DEADLINE_KEYS, HELP_KEYS, OWNER_KEYS, take_key, take_priority, tidy};
pub(crate) use self::names::{
    ADDRESS_SUFFIXES, DEPARTMENT_ENDS, ROLE_SUFFIXES, is_place_or_units, is_placeholder, looks_like_time,
};
pub(crate) use self::surnames::{SURNAMES, TITLED_SURNAMES};
pub(crate) use self::unit_name::is_unit_name;
use self::units::{FUNCTIONS, drop_recipients};
pub(crate) use self::units::{TELLS, told_units};
pub(crate) use self::verbs::has_task_verb;

impl Ctx<'_> {
    /// Scans one line (list marker already removed).
    pub(crate) fn scan(&self, line: &str) -> Scan {
        // `外部审计资料补充 -- 孙磊、王立新`: a double hyphen is a dash.
        let mut text = units::without_watchers(&line.trim().replace(" -- ", " —— "));
        // `▍反洗钱系统升级（00:02）`: a recording's chapter stamp, not a time of day.
        for (open, close) in [("（", "）"), ("(", ")")] {
            while let Some(i) = text.find(&format!("{open}00:")) {
                let inner = text.get(i + open.len()..).unwrap_or_default();
                let Some(j) = inner.find(close) else { break };
                if !inner
                    .get(..j)
                    .unwrap_or_default()
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':')
                {
                    break;
                }
                text.replace_range(i..i + open.len() + j + close.len(), "");
            }
        }
        // `聂远、荀一两位负责整理…`: the count of the people named before the verb says nothing more.
        for count in [
            "两位",
            "二位",
            "三位",
            "两人",
            "二人",
            "三人",
            "两个人",
            "俩人",
            "俩",
        ] {
            for verb in ["负责", "牵头", "一起", "共同", "配合", "跟进", "对接", "合作"] {
                text = text.replace(&format!("{count}{verb}"), verb);
            }
            // `李明、赵倩两人下周一前…`: right after a member's name, whatever follows.
            for p in self.members {
                text = text.replace(&format!("{}{count}", p.name), &p.name);
            }
        }
        // `孙悦（协助：王强）：3月18日前完成…`: the helpers in the label's brackets go after the task.
        if let Some(moved) = self.rewritten(&text) {
            text = moved;
        }
        // `…测算（负责人待定）`: no name before the label of an owner still to name.
        if let Some(cut) = owner_pending::without_pending_owner(&text) {
            text = cut;
        }
        // `…汇总（某甲配合）`, `…，老蔺帮她对一下预算`: helpers named aside go after the work.
        if let Some(moved) =
            helper_aside::helpers_aside(self.members, |w| self.resolve(w).person().cloned(), &text)
        {
            text = moved;
        }
        // `某甲协助某乙准备…`: the lead named after the helper goes first.
        if let Some(moved) = helper_first::lead_after_helper(self.members, &text) {
            text = moved;
        }
        // `4月3日（周五）中午12点前`, `by 9/4（周五）`, `11/20 (周五)`: the weekday after a date
        // only annotates it.
        text = without_weekday_notes(&text);
        // `明天（12月31日）下午3点前`: the date in brackets only says which day 明天 is.
        text = due_brackets::dated_relative_day(&text);
        // `12月8日前准备好（直播时间12月10日、11日）`: when the event is held, not the work's date.
        text = due_brackets::without_event_time(&text);
        // `（联系人：易海）`: whom to ask, not who does it — unless it names the contact of the
        // unit the line opens with (`人力资源部（联系人：殷佳禾）于10月30日前报送…`), who does it.
        for key in ["（联系人：", "（联系人:", "(联系人：", "(联系人:"] {
            if let Some(i) = text.find(key)
                && let Some((j, close)) = text
                    .get(i..)
                    .and_then(|r| r.char_indices().find(|(_, c)| matches!(c, '）' | ')')))
            {
                let opener = text.get(..i).is_some_and(|b| {
                    let b = crate::minutes::layout::strip_marker(b.trim()).1;
                    is_unit_name(b)
                });
                let who = text.get(i + key.len()..i + j).unwrap_or_default().to_owned();
                let by = if opener {
                    format!("（{who}）")
                } else {
                    String::new()
                };
                text.replace_range(i..i + j + close.len_utf8(), &by);
            }
        }
        let priority = take_priority(&mut text);
        let before_owners = text.clone();
        let mut owners: Vec<OwnerRef> = Vec::new();
        let mut how = OwnerHow::None;
        let mut deadline_candidates: Vec<String> = Vec::new();
        let mut by_speaker = false;

        // `责任人：王五 完成时间：12月10日`
        if let Some((value, rest)) = take_key(&text, OWNER_KEYS) {
            owners = self.names(&value);
            // `整改人：（待定）`: the field is there (a task), no one is named in it yet.
            let open = owners.is_empty()
                && ["待定", "未定", "暂无", "无", "—", "-", "TBD", "tbd"]
                    .contains(&value.trim_matches(['（', '）', '(', ')', ' ']));
            how = OwnerHow::Strong;
            let rest = if open {
                rest.replace("（）", "")
                    .replace("()", "")
                    .replace("｜）", "｜")
                    .replace("|)", "|")
            } else {
                rest
            };
            text = rest;
            // `责任部门：品牌部，责任人：某某`: each owner field goes from the title; beside a
            // person, the department is where the work sits (kept apart below).
            while let Some((value, rest)) = take_key(&text, OWNER_KEYS) {
                for o in self.names(&value) {
                    push_unique(&mut owners, o);
                }
                text = rest;
            }
        }
        if how == OwnerHow::None
            && let Some((found, rest)) = self.member_after_role(&text)
        {
            owners = vec![found];
            how = OwnerHow::Strong;
            // `系统组（组长某甲，成员某乙、某丙）`: the group's members after its head.
            text = if text.contains("组长")
                && let Some((members, rest)) = self.group_members(&rest)
            {
                for o in members {
                    push_unique(&mut owners, o);
                }
                // (The brackets the names leave empty go too.)
                rest.replace("（，）", "").replace("（）", "")
            } else {
                rest
            };
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
        let (mut mentioned, rest) = self.take_mentions(&text);
        // `@米乐 负责，抄送 @汪海`: whom it is sent to, not who does it.
        drop_recipients(&text, &mut mentioned);
        if !mentioned.is_empty() {
            for m in mentioned {
                push_unique(&mut owners, m);
            }
            how = OwnerHow::Strong;
            text = rest;
        }
        // `Today: Nina to fix…`, `Alice: today I'll finish…`: an English stand-up's work.
        if how == OwnerHow::None
            && let Some((found, rest)) = self.english_work(&text)
        {
            owners = found;
            how = OwnerHow::Named;
            text = rest;
        }
        // `Cost estimate — I'll do it myself, by next Friday` in a letter: its writer's.
        if how == OwnerHow::None
            && let Some(me) = self.speaker.clone()
            && english::commits_in_english(&text)
            && self.owners_in_text(&text).is_none()
        {
            owners = vec![me];
            how = OwnerHow::Named;
            by_speaker = true;
        }
        if how == OwnerHow::None {
            if let Some((found, rest)) = self.owner_by_verb(&text) {
                owners = found;
                how = OwnerHow::Strong;
                text = rest;
            } else if let Some(found) = self.owners_in_text(&text).map(|f| f.without_urged(&text)) {
                by_speaker = found.by_speaker;
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
            } else if let Some(found) = self.member_after_unit(&text) {
                owners = vec![found];
                how = OwnerHow::Named;
            }
        }
        // `交易异常情况汇总 刘海峰 下一个工作日发群里`: a member's name standing alone between
        // spaces in a terse note.
        // `…cases: 陈露 / Tony, due 5月15日`: each such name.
        if how == OwnerHow::None {
            let standing: Vec<(usize, &str)> = self
                .members
                .iter()
                .filter_map(|p| {
                    text.match_indices(p.name.as_str()).find(|(i, n)| {
                        text.get(..*i)
                            // `（姜浩、崔明，季度末）`: the first of a list in brackets too.
                            .is_some_and(|b| {
                                b.ends_with([' ', '/', '、', '|', '（', '(']) && !b.trim().is_empty()
                            })
                            && text.get(i + n.len()..).is_some_and(|a| {
                                a.is_empty()
                                    || a.starts_with([' ', ',', '，', '/', ':', '：', '、', '|'])
                                    // `下季度营销方案 方志远自己弄`: the one doing it alone.
                                    || a.starts_with("自己")
                            })
                    })
                })
                .collect();
            let mut standing = standing;
            standing.sort_unstable();
            // Three names or more side by side are who attended (`👥 常宁、戴维、房琳`).
            if standing.len() > 2 {
                standing.clear();
            }
            if let Some((first, _)) = standing.first() {
                owners = standing.iter().map(|(_, n)| self.resolve(n)).collect();
                how = OwnerHow::Named;
                // The names leave the title: from the first to the last, with what joins them.
                let end = standing.last().map_or(*first, |(i, n)| i + n.len());
                let head = text
                    .get(..*first)
                    .unwrap_or_default()
                    .trim_end()
                    .trim_end_matches([':', '：']);
                text = format!("{head}{}", text.get(end..).unwrap_or_default());
            }
        }
        // Helpers and co-leads named after the owner (`由合规部徐达牵头，常遇春配合`).
        if how != OwnerHow::None
            && let Some(found) = self.owners_in_text(&text)
        {
            // `郑凯：…许鹏你弄一下`: the one addressed does it, not the one speaking.
            if how == OwnerHow::Label
                && found
                    .lead
                    .iter()
                    .any(|o| text.contains(&format!("{}你", o.name())))
            {
                owners.clear();
            }
            for o in found.lead.into_iter().chain(found.help) {
                push_unique(&mut owners, o);
            }
            text = found.rest;
        }
        // `郑凯：…许鹏你弄一下`: the one labelled speaks; the one addressed does it.
        let speaks = owners.first().is_some_and(|first| {
            [format!("{}：", first.name()), format!("{}:", first.name())]
                .iter()
                .any(|l| line.trim_start().starts_with(l.as_str()))
                && owners
                    .iter()
                    .skip(1)
                    .any(|o| addressed::handed_to(line, o.name()))
        });
        if speaks {
            owners.remove(0);
        }
        // `华东片区由沈嘉木、华南片区由麦振邦分别督促…`: each one named after 由 takes a part.
        self.each_named_by(line, &mut owners);
        // `韦志远：那两个客户，你和贺俊…一起上门` in a one-to-one talk: 你, the other of the pair.
        self.told_in_a_pair(line, &mut owners);
        // `宋某：模板太长了，@秦某 压缩到两页以内`: in a chat, who posts hands the work to the one
        // they mention.
        let poster = owners.iter().position(|o| {
            [format!("{}：", o.name()), format!("{}:", o.name())]
                .iter()
                .any(|l| line.trim_start().starts_with(l.as_str()))
        });
        if let Some(p) = poster
            && owners.len() > 1
            && owners.iter().enumerate().any(|(i, o)| {
                i != p
                    && (line.contains(&format!("@{}", o.name())) || line.contains(&format!("＠{}", o.name())))
            })
        {
            owners.remove(p);
        }
        // `傅老师提醒各营业部五一前把…`, `王总要求大家…`: who tells the units of their work does
        // not do it.
        if owners.len() == 1
            && let Some(at) = owners
                .first()
                .and_then(|o| line.find(o.name()).map(|i| i + o.name().len()))
            && told_units(line.get(at..).unwrap_or_default(), true)
        {
            owners.clear();
            how = OwnerHow::None;
        }
        // `寄送月饼礼盒，名单祝红定，寄送卫东负责`: each part of the work with its own person.
        if let Some(parts) = self.members_by_part(line)
            && owners.iter().all(|o| parts.contains(o))
        {
            owners = parts;
            how = how.max(OwnerHow::Named);
        }
        // Beside a person, a department is where the work sits, not another owner.
        // `第2项由各营业部落实，罗刚统筹`: beside a person, a set of units is who it reaches.
        let unit = |o: &OwnerRef| matches!(o, OwnerRef::Unresolved(w) if is_unit_name(w) || is_place_or_units(w) || w.ends_with(DEPARTMENT_ENDS) || FUNCTIONS.contains(&w.as_str()));
        if owners.iter().any(|o| !unit(o)) {
            owners.retain(|o| !unit(o));
        }
        // `原由丁一负责，丁一年底休假，改由向东负责`: the work given anew leaves the first owner.
        if let Some(i) = ["改由", "改为由", "转由", "改派"]
            .iter()
            .find_map(|w| line.find(w))
            && let Some(after) = line.get(i..)
            && owners.iter().any(|o| after.contains(o.name()))
        {
            owners.retain(|o| after.contains(o.name()));
        }
        sent_to::drop_sent_to(line, &mut owners);
        at_helper::writer_first(line, &mut owners);
        // `司徒 will pair with 邵晴 on …`: a member after `with` helps.
        if how != OwnerHow::None {
            for (i, _) in text.match_indices("with ") {
                let after = text.get(i + "with ".len()..).unwrap_or_default();
                if let Some(name) = self.longest_member_prefix(after) {
                    push_unique(&mut owners, self.resolve(&name));
                }
            }
        }
        // Parenthesised groups, then clauses from the end; a group that describes the work
        // (`（3个月保留原权益）`, `（70周岁以上…）`) only after the clauses.
        let mut described: Vec<String> = Vec::new();
        for group in paren_groups(&text) {
            // `（含9月28日至30日的3个交易日）`: what the task covers, not when it is due.
            let g = group.trim_start();
            if ["含", "包括", "包含", "涉及", "如"]
                .iter()
                .any(|w| g.starts_with(w))
                || g.contains(['至', '~', '～'])
            {
                continue;
            }
            // `（70周岁以上）`, `（不少于3日）`: an age or a length, not when it is due.
            if g.contains("周岁")
                || ["不少于", "不超过", "不低于", "至少", "最多"]
                    .iter()
                    .any(|w| g.starts_with(w))
            {
                continue;
            }
            if g.chars().count() > 5
                && !["前", "内", "截止", "完成", "by", "due"]
                    .iter()
                    .any(|w| g.contains(w))
                && !names_a_date(g)
            {
                described.push(group);
                continue;
            }
            // `（陆川，待定）`: each part too.
            let parts: Vec<String> = group.split(['，', ',']).map(|p| p.trim().to_owned()).collect();
            deadline_candidates.push(group);
            if parts.len() > 1 {
                deadline_candidates.extend(parts);
            }
        }
        // `合同条款 redline — 王菲 / 6月5日`: ` / ` parts a field list.
        let clauses: Vec<String> = text
            .replace(" / ", "，")
            .split(['，', ',', '；', ';', '。', '！', '!', '–', '—', '→'])
            .map(str::to_owned)
            .collect();
        // `…，其他事项下周再议`: the rest's date is not this task's.
        deadline_candidates.extend(clauses.iter().rev().filter(|c| !is_the_rest(c)).cloned());
        deadline_candidates.extend(described);
        let (mut deadline, mut deadline_text) = self.first_deadline(&deadline_candidates);
        if deadline_text.is_none() {
            (deadline, deadline_text) = self.deadline_in_gone_parens(&before_owners, &text);
        }
        // `5月下旬，具体日期待定`: no deadline yet.
        if deadline_text
            .as_deref()
            .is_some_and(|dt| pending_day::day_still_open(&text, dt))
        {
            deadline = None;
        }
        if let Some(dt) = &deadline_text {
            let dated = text.clone();
            text = remove_deadline(&text, dt);
            // `吴芳两个工作日内牵头拿出…`: the date stood between the name and the verb.
            if how == OwnerHow::None
                && let Some((found, found_how, rest)) = self
                    .owners_across_date(&text, dt)
                    .or_else(|| self.owners_across_date(&dated, dt))
                    .or_else(|| self.speaker_across_date(&dated, dt))
            {
                owners = found;
                how = found_how;
                text = rest;
            }
        }
        // `信息技术部濮阳宏在发布后尽快完成…`: a member, then when the work starts, then the work.
        if how == OwnerHow::None
            && let Some(person) = self
                .member_before_when(&text)
                .or_else(|| self.member_by_pronoun(&text))
        {
            owners = vec![person];
            how = OwnerHow::Named;
        }
        // `负责人：蒙恬 事项：营业部投顾岗位需求摸底`: the task's own label goes.
        // `Owner: 施磊. Action: 合规尽调`: the same in English, after the owner field's full stop.
        for key in [
            "事项",
            "任务",
            "工作内容",
            "内容",
            "Action",
            "action",
            "Task",
            "task",
        ] {
            if let Some(r) = text
                .trim_start()
                .trim_start_matches(['.', ' ', '|', '｜'])
                .strip_prefix(key)
                && let Some(r) = r.trim_start().strip_prefix([':', '：'])
            {
                text = r.to_owned();
                break;
            }
        }
        // `…回滚方案你来写`: words before the addressee's `你` are no one's name.
        owners.retain(|o| !matches!(o, OwnerRef::Unresolved(w) if w.ends_with('你')));
        // `许诺本月跟班结束 → 程晓东给出带教评价`: the one after the arrow does it.
        crate::minutes::assign::after_arrow(line, &mut owners, &mut Vec::new());
        Scan {
            text: tidy(&text),
            owners,
            how,
            deadline,
            deadline_text,
            priority,
            by_speaker,
        }
    }
}

/// `text` without the weekday written after a date in brackets (`4月3日（周五）`, `5号(周二)`,
/// `9/4 （周五）`, `12月16日（星期三）`): the date says the day.
fn without_weekday_notes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['（', '(']) {
        let (head, from) = rest.split_at(open);
        let note = ["周", "星期", "礼拜"]
            .iter()
            .find_map(|week| {
                ["一", "二", "三", "四", "五", "六", "日", "天"]
                    .iter()
                    .find_map(|d| {
                        [("（", "）"), ("(", ")")]
                            .iter()
                            .map(|(o, c)| format!("{o}{week}{d}{c}"))
                            .find(|n| from.starts_with(n.as_str()))
                    })
            })
            // `by 3/6 (Fri)`: the weekday in English.
            .or_else(|| english_weekday_note(from));
        out.push_str(head);
        let Some(note) = note else {
            let bracket = from.chars().next().map_or(1, char::len_utf8);
            out.push_str(&from[..bracket]);
            rest = &from[bracket..];
            continue;
        };
        // `9/4 （周五）`: a month and day written with a slash, spaces allowed before the note.
        let spaced = out.trim_end_matches(' ');
        let slashed = spaced.ends_with(|c: char| c.is_ascii_digit())
            && spaced
                .rsplit(|c: char| !(c.is_ascii_digit() || c == '/'))
                .next()
                .is_some_and(|w| w.contains('/'));
        if slashed {
            out.truncate(spaced.len());
        } else if !out.ends_with(['日', '号']) {
            out.push_str(&note);
        }
        rest = &from[note.len()..];
    }
    out.push_str(rest);
    out
}

/// `(Fri)`, `（Friday）` at the start of `from`: a weekday noted in English.
fn english_weekday_note(from: &str) -> Option<String> {
    let (open, rest) = from
        .strip_prefix('(')
        .map(|r| ("(", r))
        .or_else(|| from.strip_prefix('（').map(|r| ("（", r)))?;
    let end = rest.find([')', '）'])?;
    crate::command::when::english_weekday(&rest[..end])?;
    let close = rest[end..].chars().next()?;
    Some(format!("{open}{}{close}", &rest[..end]))
}

/// Whether `g` names a day (`11月27日`, `（2月14日，调休上班）`, `周五`, `明天`, `月底`), not only
/// a length (`3个月`).
fn names_a_date(g: &str) -> bool {
    let cs: Vec<char> = g.chars().collect();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    cs.windows(2).any(|w| match w {
        [a, b] => (numeral(*a) && "月日号".contains(*b)) || (*a == '周' && "一二三四五六日末".contains(*b)),
        _ => false,
    }) || ["今天", "明天", "后天", "下周", "本周", "月底", "月末", "年底"]
        .iter()
        .any(|w| g.contains(w))
}
