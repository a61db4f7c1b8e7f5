//! Owners in less usual places (pure): members each written after their unit
//! (`人力资源部邓雪梅、合规风控部钟凯`, `朝阳门营业部陶然、五四大街营业部马骁于5月15日前…`), a date
//! between a name and its verb (`吴芳两个工作日内牵头…`), and who is only copied (`抄送 @汪海`).

use super::ctx::{Ctx, OwnerHow, is_cjk, push_unique};
use super::deadline::is_start_char;
use super::names::DEPARTMENT_ENDS;
use super::verbs::has_task_verb;
use crate::domain::ids::Person;
use crate::minutes::owner::OwnerRef;

/// A firm's functions named short (`与法务确认…`, `和人力沟通…`): beside a person, whom the work
/// goes through, not another owner.
pub(super) const FUNCTIONS: &[&str] = &[
    "法务",
    "人力",
    "财务",
    "合规",
    "风控",
    "行政",
    "运营",
    "审计",
    "稽核",
    "IT",
    "HR",
    "科技",
    "信息技术",
];

/// Verbs that close a terse note's work (`…本周内定稿`, `…年底前归档`).
const CLOSING_VERBS: &[&str] = &[
    "定稿", "归档", "报送", "上报", "发布", "签署", "签订", "办结", "交付",
];

/// Words before someone the work is sent or copied to.
pub(super) const RECIPIENTS: &[&str] = &["抄送", "同步给", "发给", "报给", "交给", "知会", "cc", "CC", "Cc"];

/// Drops from `mentioned` whom `text` sends or copies the work to (`抄送 @汪海`, `审核通过后同步给
/// @莫凡`), unless that would leave nobody.
pub(super) fn drop_recipients(text: &str, mentioned: &mut Vec<OwnerRef>) {
    let sent_to = |o: &OwnerRef| {
        text.match_indices(&format!("@{}", o.name())).any(|(i, _)| {
            let before = text.get(..i).unwrap_or_default().trim_end();
            RECIPIENTS.iter().any(|w| before.ends_with(w))
        })
    };
    if mentioned.iter().any(|o| !sent_to(o)) {
        mentioned.retain(|o| !sent_to(o));
    }
}

/// `…，4月17日前；关注人：某某` less its last field naming who only follows the card: they are
/// no owners.
pub(super) fn without_watchers(text: &str) -> String {
    for key in ["关注人：", "关注人:", "知会人：", "知会人:"] {
        if let Some(i) = text.rfind(key) {
            let before = text.get(..i).unwrap_or_default();
            let tail = text.get(i..).unwrap_or_default();
            if !before.trim().is_empty() && !tail.contains(['；', ';', '。']) {
                return before
                    .trim_end()
                    .trim_end_matches(['；', ';', '，', ','])
                    .to_owned();
            }
        }
    }
    text.to_owned()
}

/// `朝阳门营业部陶然、五四大街营业部马骁于5月15日前完成…` less the names: what follows the last
/// name before the verb at `verb_at` (`于5月15日前`) and the rest from the verb.
pub(super) fn after_names(s: &str, found: &[OwnerRef], verb_at: usize) -> String {
    let head = s.get(..verb_at).unwrap_or_default();
    let end = found
        .last()
        .and_then(|o| head.rfind(o.name()).map(|i| i + o.name().len()))
        .unwrap_or(verb_at);
    let between = head.get(end..).unwrap_or_default();
    let between = ["同志", "共同", "一起", "分别", "一同"]
        .iter()
        .fold(between.to_owned(), |b, w| b.replacen(w, "", 1));
    format!("{between}{}", s.get(verb_at..).unwrap_or_default())
}

impl Ctx<'_> {
    /// The member (of two characters or more) whose name comes first in `text`, the longest name
    /// where two start at the same place, with its byte offset.
    fn nearest_member(&self, text: &str) -> Option<(usize, &Person)> {
        self.members
            .iter()
            .filter(|p| p.name.chars().count() >= 2)
            .filter_map(|p| text.find(p.name.as_str()).map(|i| (i, p)))
            .min_by_key(|(i, p)| (*i, usize::MAX - p.name.len()))
    }

    /// The members of `who` (the words before the verb) when it lists two or more, each after its
    /// unit or alone; what trails the last name (`共同`, `于5月15日前`, `同志`) is dropped.
    pub(crate) fn members_after_units(&self, who: &str) -> Option<Vec<OwnerRef>> {
        let parts: Vec<&str> = who.split(['、', '及', '与', '和']).map(str::trim).collect();
        if parts.len() < 2 {
            return None;
        }
        let mut found = Vec::new();
        let mut with_unit = false;
        for part in parts {
            // The member's name nearest the part's start after an optional unit.
            let (at, person) = self.nearest_member(part)?;
            let unit = part.get(..at)?;
            // One unit's name, not a clause (`决议五：关于…，请信息技术部`).
            let one_unit = unit.chars().count() <= 12
                && unit.ends_with(DEPARTMENT_ENDS)
                && !unit.contains(['，', ',', '：', ':', '；', '。', ' ']);
            if !unit.is_empty() && !one_unit {
                return None;
            }
            with_unit |= !unit.is_empty();
            let tail = part.get(at + person.name.len()..)?;
            let tail = tail.strip_prefix("同志").unwrap_or(tail);
            let tail = tail.strip_prefix(['于', '在']).unwrap_or(tail);
            let trails = tail.is_empty()
                || ["共同", "一起", "分别", "一同"]
                    .iter()
                    .any(|w| tail.starts_with(w))
                || tail.starts_with(is_start_char);
            if !trails {
                return None;
            }
            found.push(OwnerRef::Person(person.clone()));
        }
        with_unit.then_some(found)
    }

    /// `信息技术部秦晓岚导出…`, `请运营部祖凌云核对…`: one member right after the unit that
    /// opens the line, doing the work (not helping: `…配合`).
    pub(super) fn member_after_unit(&self, text: &str) -> Option<OwnerRef> {
        let t = text.trim_start();
        // `其他：质控部某某对…进行复核`: a short label before the unit is no part of it.
        let t = t
            .split_once(['：', ':'])
            .filter(|(label, _)| (1..=4).contains(&label.chars().count()) && label.chars().all(is_cjk))
            .filter(|(label, _)| !self.members.iter().any(|p| p.name == *label))
            .map_or(t, |(_, rest)| rest.trim_start());
        let t = t.strip_prefix('请').unwrap_or(t);
        let (at, person) = self.nearest_member(t)?;
        let unit = t.get(..at)?;
        let one_unit = (2..=12).contains(&unit.chars().count())
            && unit.ends_with(DEPARTMENT_ENDS)
            && unit.chars().all(is_cjk);
        let tail = t.get(at + person.name.len()..)?;
        let helps = ["配合", "协助", "协办", "支持"]
            .iter()
            .any(|w| tail.starts_with(w));
        (one_unit && !helps && tail.starts_with(is_cjk)).then(|| OwnerRef::Person(person.clone()))
    }

    /// `… 今晚11点前完成 实施人郜磊`: a role word written straight before a member's name, with
    /// no colon (terse notes); the member and the text without them.
    pub(super) fn member_after_role(&self, text: &str) -> Option<(OwnerRef, String)> {
        // `第一组（私募客户）：组长某某，组员…`: the group's head leads its work.
        ["实施人", "执行人", "经办人", "负责人", "责任人", "组长", "召集人"]
            .iter()
            .find_map(|role| {
                self.members
                    .iter()
                    .filter(|p| p.name.chars().count() >= 2)
                    .find_map(|p| {
                        let key = format!("{role}{}", p.name);
                        let at = text.find(&key)?;
                        // `改好后报合规负责人某某审批`: whom the work is sent to, to approve it.
                        let near: String = text.get(..at)?.chars().rev().take(5).collect();
                        if ['报', '给', '呈', '送'].iter().any(|c| near.contains(*c)) {
                            return None;
                        }
                        let rest = format!("{}{}", text.get(..at)?, text.get(at + key.len()..)?);
                        Some((OwnerRef::Person(p.clone()), rest.trim().to_owned()))
                    })
            })
    }

    /// `成员某乙、某丙` (after a group's head): the members listed after `组员`/`成员`, each one
    /// of the group, and the text without them.
    pub(super) fn group_members(&self, text: &str) -> Option<(Vec<OwnerRef>, String)> {
        ["组员", "成员"].iter().find_map(|key| {
            let at = text.find(key)?;
            let after = text.get(at + key.len()..)?;
            let value_at = after.len() - after.trim_start_matches(['：', ':', ' ']).len();
            let value = after.get(value_at..)?;
            let end = value
                .find(['）', ')', '，', ',', '。', '；', ';'])
                .unwrap_or(value.len());
            let found = self.names_if_all(value.get(..end)?)?;
            if !found.iter().all(|o| matches!(o, OwnerRef::Person(_))) {
                return None;
            }
            let rest = format!("{}{}", text.get(..at)?, value.get(end..)?);
            Some((found, rest))
        })
    }

    /// `吴芳两个工作日内牵头拿出…`, `郝建、饶晴于10个工作日内完成…`: with the date `dt` taken from
    /// between a member's name and the verb, the owners, how they were named and the text left.
    pub(super) fn owners_across_date(
        &self,
        text: &str,
        dt: &str,
    ) -> Option<(Vec<OwnerRef>, OwnerHow, String)> {
        let i = text.find(dt)?;
        let head = text.get(..i).unwrap_or_default();
        let head = head.strip_suffix(['于', '在']).unwrap_or(head);
        if !self
            .members
            .iter()
            .any(|p| p.name.chars().count() >= 2 && head.ends_with(&p.name))
            && self.latin_given_name(head.trim_end()).is_none()
        {
            return None;
        }
        let tail = text.get(i + dt.len()..).unwrap_or_default();
        let tail = ["之前", "以前", "前", "内"]
            .iter()
            .find_map(|w| tail.strip_prefix(w))
            .unwrap_or(tail);
        let bare = format!("{head}{tail}");
        // Only group members: the date's leftovers (`（例会）`) are nobody.
        let members = |o: &[OwnerRef]| !o.is_empty() && o.iter().all(|o| o.person().is_some());
        if let Some((found, rest)) = self.owner_by_verb(&bare).filter(|(found, _)| members(found)) {
            return Some((found, OwnerHow::Strong, rest));
        }
        let Some(found) = self
            .owners_in_text(&bare)
            .filter(|f| members(&f.lead) && f.help.iter().all(|o| o.person().is_some()))
        else {
            // `…名单，阿May两个工作日内拉出来发给…`, `另：李明、赵倩下周一前把…`: members opening
            // the clause, the date right after the names, whatever the verb; in a terse note a
            // space ends the clause (`灭火器过期6具 毛晓东本周内更换`).
            let clause = head
                .trim_end()
                .rsplit(['，', ',', '；', ';', '：', ':', '。', ' '])
                .next()
                .unwrap_or(head)
                .trim();
            let people: Option<Vec<OwnerRef>> = clause
                .split(['、', '和', '与', '及'])
                .map(|n| {
                    self.members
                        .iter()
                        .find(|p| p.name.chars().count() >= 2 && p.name == n.trim())
                        .or_else(|| {
                            self.latin_given_name(n.trim())
                                .filter(|_| !n.trim().contains(' '))
                        })
                        .map(|p| OwnerRef::Person(p.clone()))
                })
                .collect();
            let people = people
                .filter(|p| !p.is_empty())
                .or_else(|| self.member_after_topic(clause, tail))?;
            return Some((people, OwnerHow::Named, bare));
        };
        let mut owners = found.lead;
        for o in found.help {
            push_unique(&mut owners, o);
        }
        Some((owners, found.how, found.rest))
    }
}

impl Ctx<'_> {
    /// `…，Helen 周一前 follow up…`: the one member whose name opens with the Latin given name
    /// that ends `text` (`Helen` for `Helen Xu`).
    fn latin_given_name(&self, text: &str) -> Option<&Person> {
        let word = text
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .filter(|w| w.len() >= 2 && w.starts_with(|c: char| c.is_ascii_uppercase()))?;
        let mut hits = self
            .members
            .iter()
            .filter(|p| p.name.strip_prefix(word).is_some_and(|r| r.starts_with(' ')));
        match (hits.next(), hits.next()) {
            (Some(p), None) => Some(p),
            _ => None,
        }
    }

    /// `年终清算预案鲍志平本周内定稿`: in a terse note the thing first, then a member, then the date
    /// and straight after it the verb — the member closing the clause before the date does it.
    fn member_after_topic(&self, clause: &str, after_date: &str) -> Option<Vec<OwnerRef>> {
        let p = self
            .members
            .iter()
            .find(|p| p.name.chars().count() >= 2 && clause.ends_with(p.name.as_str()))?;
        let topic = clause.strip_suffix(p.name.as_str())?;
        let verb: String = after_date.trim_start().chars().take(3).collect();
        (topic.ends_with(is_cjk)
            && (2..=16).contains(&topic.chars().count())
            && (has_task_verb(&verb)
                || CLOSING_VERBS.iter().any(|v| verb.starts_with(v))
                || super::terse::terse_close(after_date)))
        .then(|| vec![OwnerRef::Person(p.clone())])
    }

    /// `信息技术部濮阳宏在发布后尽快完成…`, `李明待系统上线后负责…`: a member opening a clause (after a
    /// unit or not), then when the work starts (`在…后`, `待…后`), then a task verb.
    pub(super) fn member_before_when(&self, text: &str) -> Option<OwnerRef> {
        self.members
            .iter()
            .filter(|p| p.name.chars().count() >= 2)
            .find_map(|p| {
                let (i, _) = text.match_indices(p.name.as_str()).next()?;
                let before = text.get(..i)?;
                let clause = before
                    .rsplit(['，', ',', '；', ';', '。', '：', ':'])
                    .next()
                    .unwrap_or(before);
                let opens = clause.trim().is_empty()
                    || (clause.trim().ends_with(DEPARTMENT_ENDS) && clause.chars().count() <= 12);
                let after = text.get(i + p.name.len()..)?;
                let when = after.strip_prefix(['在', '待', '于'])?;
                let end = when.find('后')?;
                let rest = when.get(end + '后'.len_utf8()..)?;
                (opens
                    && when.get(..end)?.chars().count() <= 12
                    && !when.get(..end)?.contains(['，', ',', '。'])
                    && has_task_verb(rest))
                .then(|| OwnerRef::Person(p.clone()))
            })
    }
}

impl Ctx<'_> {
    /// `柴静说去年的模板还能用，她这周内会先把今年的数据填进去`: one member named, then a clause
    /// of their own work opened by `她`, `他` or `自己`.
    pub(super) fn member_by_pronoun(&self, text: &str) -> Option<OwnerRef> {
        let clauses: Vec<&str> = text.split(['，', ',', '；', ';']).collect();
        let at = clauses.iter().position(|c| {
            let c = c.trim_start();
            ["她", "他", "自己"]
                .iter()
                .find_map(|p| c.strip_prefix(p))
                .filter(|r| !r.starts_with(['们', '人']))
                .is_some_and(|r| {
                    ["会", "来", "负责", "把", "先"].iter().any(|w| r.contains(w))
                        && (has_task_verb(r) || r.contains('把'))
                })
        })?;
        let before = clauses.get(..at)?.concat();
        let named: Vec<_> = self
            .members
            .iter()
            .filter(|p| p.name.chars().count() >= 2 && before.contains(p.name.as_str()))
            .collect();
        match named.as_slice() {
            [person] => Some(OwnerRef::Person((*person).clone())),
            _ => None,
        }
    }
}

impl Ctx<'_> {
    /// `名单祝红定，寄送卫东负责`, `方案由李明出，执行赵倩负责`: two clauses or more, each a part of
    /// the work (a few characters), a member, then a short verb; the members in order.
    pub(super) fn members_by_part(&self, line: &str) -> Option<Vec<OwnerRef>> {
        const VERBS: &[&str] = &[
            "负责", "牵头", "定", "出", "写", "做", "弄", "准备", "对接", "跟进", "落实", "提供", "汇总",
            "审核",
        ];
        let mut found: Vec<OwnerRef> = Vec::new();
        for clause in line.split(['，', ',', '；', ';', '。']) {
            let c = clause.trim();
            let hit = self
                .members
                .iter()
                .filter(|p| p.name.chars().count() >= 2)
                .find_map(|p| {
                    let i = c.find(p.name.as_str())?;
                    let part = c.get(..i)?.trim_end_matches('由');
                    let verb = c.get(i + p.name.len()..)?;
                    ((1..=6).contains(&part.chars().count())
                        && part.chars().all(super::ctx::is_cjk)
                        && VERBS.contains(&verb))
                    .then(|| OwnerRef::Person(p.clone()))
                });
            if let Some(o) = hit {
                push_unique(&mut found, o);
            }
        }
        (found.len() >= 2).then_some(found)
    }
}

/// Verbs of telling others to act (`提醒`, `要求`), and the units told as a whole.
pub(crate) const TELLS: &[&str] = &["提醒", "要求", "督促", "叮嘱", "提请", "请", "让"];
const UNITS_AS_A_WHOLE: &[&str] = &[
    "各营业部",
    "各部门",
    "各分公司",
    "各单位",
    "各相关部门",
    "相关部门",
    "各条线",
    "各团队",
    "各小组",
    "全体",
    "各责任人",
    "各负责人",
];

/// Whether `after` (what follows a person's name) tells the units as a whole to act
/// (`提醒各营业部五一前…`); with `loose`, `请大家…`, `让各位…` too.
pub(crate) fn told_units(after: &str, loose: bool) -> bool {
    // `某某：各责任人每天下午汇报…`: the one labelled speaks to the units as a whole.
    if loose
        && let Some(r) = after.strip_prefix(['：', ':'])
        && UNITS_AS_A_WHOLE.iter().any(|u| r.trim_start().starts_with(u))
    {
        return true;
    }
    TELLS
        .iter()
        .filter(|v| loose || !matches!(**v, "请" | "让"))
        .any(|v| {
            after.strip_prefix(v).is_some_and(|r| {
                let r = r.trim_start_matches(['：', ':']);
                UNITS_AS_A_WHOLE.iter().any(|u| r.starts_with(u))
                    || (loose && ["大家", "各位"].iter().any(|u| r.starts_with(u)))
            })
        })
}

/// `孙悦（协助：王强）：3月18日前完成…`, `孙悦（王强配合）：…` → `孙悦：3月18日前完成…（王强协助）`: a
/// label whose brackets name the helpers, rewritten with the helpers after the task.
pub(super) fn helpers_out_of_label(text: &str) -> Option<String> {
    let (label, rest) = text.split_once(['）', ')'])?;
    let rest = rest.strip_prefix(['：', ':'])?;
    let (name, inner) = label.split_once(['（', '('])?;
    if name.is_empty() || name.chars().count() > 12 || rest.trim().is_empty() {
        return None;
    }
    let helpers = ["协助", "配合", "协办"].iter().find_map(|w| {
        inner
            .strip_prefix(w)
            .map(|r| r.trim_start_matches(['：', ':']).trim())
            .or_else(|| inner.strip_suffix(w).map(str::trim))
    })?;
    (!helpers.is_empty()).then(|| format!("{name}：{rest}（{helpers}协助）"))
}

impl Ctx<'_> {
    /// The line with helpers in a label's brackets after the task (`孙悦（协助：王强）：…`), helpers
    /// in brackets after the lead written out, or its bracketed deadline moved after the work.
    pub(super) fn rewritten(&self, text: &str) -> Option<String> {
        helpers_out_of_label(text)
            .or_else(|| self.helpers_in_brackets(text))
            .or_else(|| self.deadline_out_of_head(text))
    }

    /// `严冬（柳青协助）`, `严冬（柳青、孟河协助）` → `严冬，柳青、孟河协助`: helpers in brackets right after
    /// a member's name, written out as a helper's clause so that the owners keep them.
    pub(super) fn helpers_in_brackets(&self, text: &str) -> Option<String> {
        let (open, close) = [("（", "）"), ("(", ")")]
            .into_iter()
            .find(|(o, _)| text.contains(o))?;
        let i = text.find(open)?;
        let before = text.get(..i)?;
        let named = ["负责", "牵头", "主办"]
            .iter()
            .find_map(|v| before.strip_suffix(v))
            .unwrap_or(before);
        self.members.iter().find(|p| named.ends_with(p.name.as_str()))?;
        let inner_len = text.get(i + open.len()..)?.find(close)?;
        let inner = text.get(i + open.len()..i + open.len() + inner_len)?;
        let names = ["协助", "配合", "协办"]
            .iter()
            .find_map(|w| inner.strip_suffix(w))?;
        let count = names.chars().count();
        if !(2..=12).contains(&count) || !names.chars().all(|c| is_cjk(c) || matches!(c, '、' | '和')) {
            return None;
        }
        let rest = text.get(i + open.len() + inner_len + close.len()..)?;
        // `| 严冬（柳青协助） |`: in a row of cells the owners' cell lists them, the lead first.
        if text.contains('|') {
            return Some(format!("{before}、{names}{rest}"));
        }
        Some(format!("{before}，{inner}{rest}"))
    }

    /// `【11/27前】某某下架…`, `【尽快】某某沟通…`: a line opening with its deadline in brackets,
    /// written with the deadline after the work, so that the member who opens the work is seen.
    pub(super) fn deadline_out_of_head(&self, text: &str) -> Option<String> {
        let (open, close) = [("【", "】"), ("[", "]"), ("〔", "〕")]
            .into_iter()
            .find(|(o, _)| text.starts_with(o))?;
        let (inner, rest) = text.get(open.len()..)?.split_once(close)?;
        let inner = inner.trim();
        let rest = rest.trim_start();
        if inner.is_empty()
            || inner.chars().count() > 10
            || !self.members.iter().any(|p| rest.starts_with(p.name.as_str()))
        {
            return None;
        }
        let whole = self.deadline_in(inner).is_some_and(|(w, _)| w == inner)
            || ["尽快", "待定", "时间待定", "月中"].contains(&inner);
        whole.then(|| format!("{rest}，{inner}"))
    }
}
