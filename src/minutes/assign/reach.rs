//! Owners reached through other words of a clause (pure): `由…部X牵头`, `…请X于…`, `Y配合X做`,
//! `请她牵头` (the person named just before), and the speaker of a transcript (`我来汇总`).

use super::words::{ADVERBS, HELP_VERBS, LEAD_VERBS, extend};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, DEPARTMENT_ENDS, has_task_verb};

/// What follows `我来`/`我先` when the speaker only talks (`我来说一下`, `我先补充`).
const TALK: &[&str] = &[
    "说",
    // `我这边没问题`: agreeing, not taking work on.
    "没问题",
    "没意见",
    "同意",
    "讲",
    "问",
    "看看",
    "补充",
    "介绍",
    "汇报一下",
    "总结一下",
    "简单",
    "觉得",
    "想",
    "再说",
    "插",
];

/// Time words between 我/你 and the verb (`我这两天再盯一下`, `你明天上午发出去`).
const WHEN: &[&str] = &[
    "这两天",
    "这几天",
    "今天",
    "今晚",
    "明天",
    "明早",
    "明晚",
    "后天",
    "这周",
    "本周",
    "下周",
    "马上",
    "回头",
    "会后",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
];

/// `这两天再盯一下` → `再盯一下`: a leading time word skipped.
fn skip_when(s: &str) -> &str {
    WHEN.iter().find_map(|w| s.strip_prefix(w)).unwrap_or(s)
}

/// Whether the speaker takes the work on in `clause` (`我来汇总`, `我先起草`, `由我牵头`,
/// `我们运营来补`), and whether as plainly as `负责` (true) or only named (false).
pub(super) fn first_person(clause: &str) -> Option<bool> {
    if ["由我牵头", "由我负责", "由我来", "由我统筹"]
        .iter()
        .any(|w| clause.contains(w))
    {
        return Some(true);
    }
    // `由我部负责制定…`, `人员安置意见我部…提出`: the writer's own department is the writer
    // (not `报我部`, `交我部`, `向我部`: sent to them).
    if ["由我部", "由我处", "由我室"].iter().any(|w| clause.contains(w)) {
        return Some(true);
    }
    if clause.match_indices("我部").any(|(at, _)| {
        let before = clause.get(..at).unwrap_or_default();
        !["报", "交", "向", "给", "发", "送", "抄", "与", "和", "跟"]
            .iter()
            .any(|w| before.ends_with(w))
    }) {
        return Some(false);
    }
    clause.match_indices('我').find_map(|(at, _)| {
        let after = clause.get(at + '我'.len_utf8()..)?;
        if let Some(us) = after.strip_prefix('们') {
            // `我们这边两周内能改完`, `我们运营来补`.
            if us.starts_with("这边") && !us.starts_with("这边的") {
                return Some(false);
            }
            // `我们会在三个工作日内发补遗文件`: the speaker's side commits to a time.
            if let Some(r) = ["会在", "会于", "将在", "将于"]
                .iter()
                .find_map(|w| us.strip_prefix(w))
                && ['内', '前'].iter().any(|c| r.contains(*c))
                && !TALK.iter().any(|t| r.contains(t))
            {
                return Some(false);
            }
            let lead: String = us.chars().take(5).collect();
            let come = lead.find('来')?;
            let (team, rest) = (lead.get(..come)?, us.get(come + '来'.len_utf8()..)?);
            return (team.chars().count() <= 4
                && team.chars().all(crate::minutes::scan::is_cjk)
                && !TALK.iter().any(|t| rest.starts_with(t)))
            .then_some(false);
        }
        if ["负责", "牵头"].iter().any(|w| after.starts_with(w)) {
            return Some(true);
        }
        // `我这两天再盯一下`: a time word, then the work.
        let timed = skip_when(after);
        if timed.len() < after.len() && !timed.is_empty() && !TALK.iter().any(|t| timed.starts_with(t)) {
            return Some(false);
        }
        // `我本人会在月底前提交`, `我会后补上`: the writer commits.
        // `保存期限我回去查一下`: after the meeting, the speaker does it.
        let rest = [
            "来",
            "先",
            "自己",
            "这边",
            "回去",
            "会后",
            "去",
            "本人会",
            "本人",
            "会",
        ]
        .iter()
        .find_map(|w| after.strip_prefix(w))?;
        // `这个我来`: the thing named before is taken on, with nothing after.
        // `我来吧，…`: a clause of only that, answering who will.
        let taken = ["这个", "这块", "这事", "那个"]
            .iter()
            .any(|w| clause.trim_start().starts_with(w))
            || clause.trim().trim_end_matches(['吧', '。', '！', '!']) == "我来";
        (!TALK.iter().any(|t| rest.starts_with(t)) && (!rest.is_empty() || taken)).then_some(false)
    })
}

/// Whether `clause` gives the work to 你 (`你来补`, `你负责`, `你先把…`), and whether as
/// plainly as `负责` (true) or only named (false); not `你们`, not `你看`.
pub(super) fn second_person(clause: &str) -> Option<bool> {
    clause.match_indices('你').find_map(|(at, _)| {
        let after = clause.get(at + '你'.len_utf8()..)?;
        if ["负责", "牵头"].iter().any(|w| after.starts_with(w)) {
            return Some(true);
        }
        // `你明天上午发出去`: a time word, then the work.
        let timed = skip_when(after);
        if timed.len() < after.len() && !timed.is_empty() && !TALK.iter().any(|t| timed.starts_with(t)) {
            return Some(false);
        }
        let rest = ["来", "先", "把", "这边", "去", "跟进", "抓紧", "尽快"]
            .iter()
            .find_map(|w| after.strip_prefix(w))?;
        (!TALK.iter().any(|t| rest.starts_with(t)) && !rest.is_empty()).then_some(false)
    })
}

/// Verbs of doing that follow the one helped (`许静配合何晨做…`).
const WORK_VERBS: &[&str] = &[
    "做", "进行", "开展", "完成", "负责", "牵头", "推进", "梳理", "整理", "一起", "共同", "落实", "处理",
];

impl Ctx<'_> {
    /// `你下周一前找魏梓涵一起把…`: the one addressed, who works with the one found; `我跟思琪
    /// 一起去人力那边沟通`: the speaker, likewise.
    pub(super) fn joined_by(&self, text: &str) -> Option<&OwnerRef> {
        let with_me = super::clauses::clauses(text).into_iter().any(|(s, e)| {
            let c = text.get(s..e).unwrap_or_default().trim();
            ["我和", "我跟", "我与"].iter().any(|w| c.starts_with(w)) && c.contains("一起")
        });
        if with_me {
            return self.speaker.as_ref();
        }
        let with_you =
            text.trim_start().starts_with('你') && text.contains("一起") && second_person(text).is_some();
        with_you.then_some(self.addressed.as_ref()).flatten()
    }

    /// `何晨做…` → `何晨`: a name followed by a verb of doing.
    pub(super) fn name_then_work(&self, s: &str) -> Option<Vec<OwnerRef>> {
        if let Some((found, len)) = self.members_prefix(s)
            && s.get(len..)
                .is_some_and(|r| WORK_VERBS.iter().any(|v| r.starts_with(v)))
        {
            return Some(found);
        }
        (2..=3).rev().find_map(|n| {
            let head: String = s.chars().take(n).collect();
            let rest = s.get(head.len()..)?;
            (head.chars().count() == n && WORK_VERBS.iter().any(|v| rest.starts_with(v)))
                .then(|| self.names_if_all(&head))
                .flatten()
        })
    }

    /// `…的PPT董倩准备`: a member's name inside the clause (not at its start, not after
    /// `给`/`向`/`跟` …, which make them who receives the work), followed by a task verb.
    pub(super) fn member_before_verb(&self, clause: &str) -> Option<Vec<OwnerRef>> {
        self.members.iter().find_map(|p| {
            clause.match_indices(p.name.as_str()).find_map(|(i, name)| {
                let before = clause.get(..i)?.chars().next_back()?;
                if "给向和跟与同找让被对交发报由请，,、：:".contains(before) {
                    return None;
                }
                let mut rest = clause.get(i + name.len()..)?;
                let mut adverb = false;
                while let Some(r) = ADVERBS.iter().find_map(|a| rest.strip_prefix(a)) {
                    rest = r;
                    adverb = true;
                }
                // `直播排期某某下周三前出`: a member, then when, then the work.
                if let Some(r) = super::words::after_due_word(rest) {
                    rest = r;
                    adverb = true;
                }
                let head: String = rest.chars().take(3).collect();
                // `伴手礼供应商某某再比两家`: a member, then an adverb of doing (再, 先, 抓紧),
                // then whatever verb: the member acts.
                let acts = adverb && rest.chars().next().is_some_and(crate::minutes::scan::is_cjk);
                (has_task_verb(&head) || acts).then(|| vec![self.resolve(&p.name)])
            })
        })
    }

    /// The owner after `由` in a clause (a department before the name is skipped), the helpers
    /// named after it (`、经纪业务部吕方配合`), and where the `由` stands in the clause.
    pub(super) fn after_you(&self, clause: &str) -> Option<(Vec<OwnerRef>, Vec<OwnerRef>, usize)> {
        clause.match_indices('由').find_map(|(at, _)| {
            let before = clause.get(..at).unwrap_or_default().chars().next_back();
            // `这版表是由魏东做的`: who did it, not who is to.
            let done = before == Some('是') && clause.trim_end_matches(['。', ' ']).ends_with('的');
            if before.is_some_and(|c| "理自缘事经来".contains(c)) || done {
                return None;
            }
            let after = clause.get(at + '由'.len_utf8()..)?;
            // `由我部负责…`: the writer's own department, read as the writer (`first_person`).
            if ["我部", "我处", "我室"].iter().any(|w| after.starts_with(w)) {
                return None;
            }
            // `由于婉清起草`: a member named 于… is no `由于`.
            if after.starts_with(['于', '此', '衷']) && self.longest_member_prefix(after).is_none() {
                return None;
            }
            let lead_next = |r: &str| {
                ["负责", "牵头", "主责", "主导", "统筹"]
                    .iter()
                    .any(|v| r.starts_with(v))
            };
            let verb_next = |r: &str| {
                // `薛琴具体负责`: an adverb before the verb.
                let mut r = r;
                while let Some(t) = ADVERBS.iter().find_map(|a| r.strip_prefix(a)) {
                    r = t;
                }
                lead_next(r)
                    // `由经纪业务部许明阳于本周五前确定`: a date before the verb.
                    || r.starts_with('于')
                    // `由运营部杭丽在报到后三个工作日内开通`: 在 before the time too.
                    || r.starts_with('在')
                    || LEAD_VERBS.iter().chain(HELP_VERBS).any(|v| r.starts_with(v))
                    || has_task_verb(
                        r.get(..r.char_indices().nth(2).map_or(r.len(), |(i, _)| i))
                            .unwrap_or_default(),
                    )
            };
            // `由运营管理部牵头`: a department leads, shown as written (not `各营业部`).
            let department = ["负责", "牵头", "主责"].iter().find_map(|v| {
                let (dept, rest) = after.split_once(v)?;
                (dept.ends_with(DEPARTMENT_ENDS)
                    && (3..=10).contains(&dept.chars().count())
                    && dept.chars().all(crate::minutes::scan::is_cjk)
                    && !dept.starts_with(['各', '全']))
                .then(|| {
                    (
                        vec![OwnerRef::Unresolved(dept.to_owned())],
                        after.get(dept.len()..).unwrap_or(rest),
                    )
                })
            });
            // `由人力资源部邓雪梅、合规风控部钟凯共同负责`: several, each after their unit.
            let units = ["负责", "牵头", "主责"]
                .iter()
                .filter_map(|v| after.find(v))
                .min()
                .and_then(|i| Some((self.members_after_units(after.get(..i)?)?, after.get(i..)?)));
            if let Some((found, rest)) = units {
                let trailing = ["负责", "牵头", "主责"].contains(&rest.trim());
                return Some((found, Vec::new(), if trailing && at > 0 { at } else { 0 }));
            }
            let (found, rest) = self
                .name_after_department(after, verb_next, verb_next)
                .or(department)?;
            let mut helpers = Vec::new();
            // `牵头、运营管理部 柏林 配合`, `牵头 公孙婷配合`: spaces around a name set nothing apart.
            let joined = rest.replace(' ', "");
            for (k, part) in joined.split('、').enumerate() {
                // The lead's own part helps only after its verb (`牵头公孙婷配合`).
                let part = if k == 0 {
                    let Some(p) = ["负责", "牵头", "主责", "主导", "统筹"]
                        .iter()
                        .find_map(|v| part.strip_prefix(v))
                        .filter(|p| !p.starts_with(['，', ',', '。', '；']))
                    else {
                        continue;
                    };
                    p
                } else {
                    part
                };
                if let Some(i) = HELP_VERBS.iter().filter_map(|v| part.find(v)).min() {
                    let who = part.get(..i).unwrap_or_default();
                    // `合规部祁峰配合`: a department, then a name-shaped word.
                    let person = who
                        .rfind(DEPARTMENT_ENDS)
                        .and_then(|d| who.get(d + 3..))
                        .filter(|w| self.is_loose_name(w))
                        .map(|w| vec![self.resolve(w)]);
                    if let Some(found) = self.tail_names(who).map(|(f, _)| f).or(person) {
                        extend(&mut helpers, found);
                    }
                }
            }
            let trailing = ["负责", "牵头", "主责", "来负责", "主导", "统筹"].contains(&rest.trim());
            Some((found, helpers, if trailing && at > 0 { at } else { 0 }))
        })
    }

    /// The members listed right before `head`'s end (`李明、赵倩` + `、`/`和`/`与`), in order.
    pub(super) fn members_listed_before(&self, head: &str) -> Vec<OwnerRef> {
        let mut found = Vec::new();
        let mut head = head;
        while let Some(h) = head.strip_suffix(['、', '和', '与']) {
            let Some(q) = self
                .members
                .iter()
                .filter(|q| q.name.chars().count() >= 2 && h.ends_with(q.name.as_str()))
                .max_by_key(|q| q.name.len())
            else {
                break;
            };
            found.insert(0, OwnerRef::Person(q.clone()));
            head = h.get(..h.len() - q.name.len()).unwrap_or_default();
        }
        found
    }

    /// `明天中午前贝贝把…` → `贝贝`: a member followed by 把 or 将 inside a clause, or a
    /// name-shaped word there right after a time word (`…前`, `今晚`).
    pub(super) fn name_before_ba(&self, clause: &str) -> Option<Vec<OwnerRef>> {
        for p in self.members.iter().filter(|p| p.name.chars().count() >= 2) {
            if let Some(i) = clause.find(p.name.as_str())
                && clause
                    .get(i + p.name.len()..)
                    .is_some_and(|r| r.starts_with(['把', '将']))
            {
                // `李明、赵倩把各自的名单…`: the members listed before this one too.
                let mut found = self.members_listed_before(clause.get(..i).unwrap_or_default());
                found.push(OwnerRef::Person(p.clone()));
                return Some(found);
            }
        }
        clause.match_indices('把').find_map(|(at, _)| {
            let before = clause.get(..at)?;
            (2..=3).rev().find_map(|n| {
                let start = before.char_indices().rev().nth(n - 1)?.0;
                let head = before.get(start..)?;
                let time_before = before
                    .get(..start)?
                    .chars()
                    .next_back()
                    .is_some_and(|c| "前后内晚早午天".contains(c));
                // `小卢把评分表改成百分制`: at the clause's start, a familiar form (`小卢`, `老晏`)
                // of one of the group.
                let familiar = before.get(..start)?.trim().is_empty()
                    && head.starts_with(['小', '老'])
                    && matches!(self.resolve(head), OwnerRef::Person(_));
                ((time_before && self.is_name(head)) || familiar).then(|| vec![self.resolve(head)])
            })
        })
    }

    /// The person named last in `before`: a member, or a name after `的` or a department
    /// (`人力部的范悦今天没来` → `范悦`).
    pub(super) fn named_before(&self, before: &str) -> Option<OwnerRef> {
        let mut best: Option<(usize, OwnerRef)> = None;
        for p in self.members.iter().filter(|p| p.name.chars().count() >= 2) {
            if let Some(i) = before.rfind(p.name.as_str())
                && best.as_ref().is_none_or(|(b, _)| i > *b)
            {
                best = Some((i, OwnerRef::Person(p.clone())));
            }
        }
        for (i, c) in before.char_indices() {
            if c != '的' && !DEPARTMENT_ENDS.contains(&c) {
                continue;
            }
            let at = i + c.len_utf8();
            let head: String = before.get(at..).unwrap_or_default().chars().take(2).collect();
            if head.chars().count() == 2 && self.is_name(&head) && best.as_ref().is_none_or(|(b, _)| at > *b)
            {
                best = Some((at, self.resolve(&head)));
            }
        }
        best.map(|(_, o)| o)
    }

    /// `信息技术部裴东开发` → `裴东`: a clause opening with a department, then a member and a verb
    /// (or a time or basis before the verb: `人力资源部龚沁于两周内启动…`).
    pub(super) fn department_person(&self, clause: &str) -> Option<Vec<OwnerRef>> {
        let d = clause
            .char_indices()
            .take(10)
            .find(|(_, c)| DEPARTMENT_ENDS.contains(c))?;
        let rest = clause.get(d.0 + d.1.len_utf8()..)?;
        // `系统组的区永乐要在上线前完成…`: 的 between the unit and its member.
        let rest = rest.strip_prefix('的').unwrap_or(rest);
        let (found, len) = self.members_prefix(rest)?;
        let after = rest.get(len..)?;
        // `人力资源部龚沁于两周内启动招聘`, `投资部诸葛宁在交割前补充…`, `信息技术部端木骁根据
        // 意见修改…`: a time or a basis between the person and the work.
        let lead_in = [
            "于", "在", "将", "会", "要", "需", "须", "应", "根据", "按照", "依据",
        ]
        .iter()
        .any(|w| after.starts_with(w))
            && !["在会", "会议", "会上", "要求", "需求", "应急", "在座"]
                .iter()
                .any(|w| after.starts_with(w))
            && (has_task_verb(after) || after.contains("启动"));
        (lead_in || has_task_verb(after.get(..after.char_indices().nth(2).map_or(after.len(), |(i, _)| i))?))
            .then_some(found)
    }

    /// `…申请请柏林于4月上旬报财务部` → `柏林`, `需蒋文在周五前提供…` → `蒋文`, `请运营管理部包昊于…` → `包昊`: 请, then a name
    /// (after an optional department) and a time or a verb.
    pub(super) fn asked(&self, clause: &str) -> Option<Vec<OwnerRef>> {
        // `请岳飞会同…韩世忠`: two parties, read by the 会同 rule.
        if clause.contains("会同") {
            return None;
        }
        // `需蒋文在本周五前提供…`: 需 and 须 ask as 请 does, and so do 责成 and 要求 in formal
        // minutes (`责成何志远节后…完成`, `会议要求杨建华、潘蕾于10月15日前完成`).
        // `麻烦项南跟信息技术部确认一下…`: 麻烦 asks as 请 does.
        // `讲义让某某周二前发我`, `叫某某把…`: 让 and 叫 ask too (not `不让`, `别叫`).
        let asks = ["请", "需", "须", "责成", "要求", "麻烦", "让", "叫"];
        asks.iter()
            .flat_map(|w| clause.match_indices(w))
            .find_map(|(at, w)| {
                let after = clause.get(at + w.len()..)?;
                let denied = clause.get(..at).is_some_and(|b| b.ends_with(['不', '别', '没']));
                if denied && ["让", "叫"].contains(&w) {
                    return None;
                }
                // `需于半个月内补签`: a time follows, no one is named.
                if after.starts_with(['于', '在', '将', '把', '按']) {
                    return None;
                }
                let plain_ok = |r: &str| {
                    let r = crate::minutes::scan::ADDRESS_SUFFIXES
                        .iter()
                        .find_map(|a| r.strip_prefix(a))
                        .unwrap_or(r);
                    r.starts_with(['于', '在', '将', '把', '尽'])
                        || LEAD_VERBS.iter().any(|v| r.starts_with(v))
                };
                let next_ok = |r: &str| {
                    // `请信息技术部华峰同学跟进`: a form of address before the verb.
                    let r = crate::minutes::scan::ADDRESS_SUFFIXES
                        .iter()
                        .find_map(|a| r.strip_prefix(a))
                        .unwrap_or(r);
                    // `责成何志远节后第一个工作日前完成`: a time word, then the work; `责成桑宁对…
                    // 开展`, `要求于建军向…报送`: a preposition opening the work.
                    r.starts_with([
                        '于', '在', '将', '把', '尽', '节', '本', '下', '明', '今', '对', '向', '周',
                    ]) || LEAD_VERBS.iter().any(|v| r.starts_with(v))
                        // `请小韦10点前把…`, `请某某3月5日前…`: a time of day or a date, then `前`.
                        || (r.starts_with(|c: char| c.is_ascii_digit())
                            && r.trim_start_matches(|c: char| c.is_ascii_digit())
                                .starts_with(['点', '号', '日', '月', ':', '：']))
                        // `麻烦项南跟信息技术部确认…`: with whom, then the work.
                        || (["跟", "和", "与"].iter().any(|w| r.starts_with(w)) && has_task_verb(r))
                };
                // `请信息技术部史伟、财务部龙婷共同询价`: several, each after their unit.
                if let Some(found) = self.members_after_units(after) {
                    return Some(found);
                }
                // At the clause's start a member alone is `owner_by_verb`'s; here a department too.
                // A name-shaped word of an uncommon surname needs the plain shapes (`结合本地…` is no one).
                let (found, _) = self.name_after_department(after, next_ok, plain_ok)?;
                Some(found)
            })
    }

    /// A name at the start of `s` or after a department of up to ten characters
    /// (`信息技术部柏林负责`), followed by what `next_ok` accepts; the text after it. A
    /// name-shaped word of an uncommon surname counts after a department when `loose_next`
    /// accepts what follows (`合规部尤佳牵头`).
    pub(super) fn name_after_department<'s>(
        &self,
        s: &'s str,
        next_ok: impl Fn(&str) -> bool,
        loose_next: impl Fn(&str) -> bool,
    ) -> Option<(Vec<OwnerRef>, &'s str)> {
        let starts = std::iter::once(0).chain(
            s.char_indices()
                .take(10)
                .filter(|(_, c)| DEPARTMENT_ENDS.contains(c))
                .map(|(i, c)| i + c.len_utf8()),
        );
        starts.into_iter().find_map(|from| {
            // `经纪业务部 桑红 牵头`: spaces around the name.
            let t = s.get(from..)?.trim_start();
            // What is skipped is one department's name: no person, no second party (`会同`).
            let skipped = s.get(..from).unwrap_or_default();
            if ["会同", "和", "与", "、", "，", "及"]
                .iter()
                .any(|w| skipped.contains(w))
                || self
                    .members
                    .iter()
                    .any(|p| !p.name.is_empty() && skipped.contains(p.name.as_str()))
            {
                return None;
            }
            let member = self.members_prefix(t);
            if let Some((found, len)) = member.clone()
                && (from == 0 || t.get(len..).is_some_and(|r| next_ok(r.trim_start())))
            {
                return Some((found, t.get(len..)?));
            }
            // `侯嘉明做好…`: no shorter name cut out of a member's (`侯嘉` before `明…`).
            let member_len = member.map_or(0, |(_, len)| len);
            (2..=3).rev().find_map(|n| {
                let head: String = t.chars().take(n).collect();
                let rest = t.get(head.len()..)?;
                if head.chars().count() != n || head.len() < member_len || !next_ok(rest) {
                    return None;
                }
                let found = self.names_if_all(&head).or_else(|| {
                    (loose_next(rest)
                        && from > 0
                        && self.is_loose_name(&head)
                        && !ADVERBS.contains(&head.as_str()))
                    .then(|| vec![self.resolve(&head)])
                })?;
                Some((found, rest))
            })
        })
    }
}
