//! Owners named anywhere in a line of minutes (pure): `曹丕负责`, `由合规部徐达牵头`, `李白你…`,
//! `鲁肃跟吕蒙一起做`, `常遇春配合`, `请岳飞会同风险管理部韩世忠…`, a clause that is only names
//! (`，甄宓，`, `——曹丕、甄宓`, `owner 贾政`). The first lead is the 主办; helpers follow.

use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, DEPARTMENT_ENDS, OwnerHow};

pub(super) use self::clauses::strip_leads;
use self::clauses::{clauses, is_recipient};
use self::paren::paren_names;
use self::reach::{first_person, second_person};
pub(crate) use self::words::{ADVERBS, is_unit, units_apart};
use self::words::{HELP_VERBS, LEAD_VERBS, departments, extend};

mod arrow;
pub(crate) use arrow::after_arrow;
mod clauses;
mod colon_head;
mod dash;
mod lead_in;
mod not_owner;
mod office;
mod paren;
mod paren_help;
mod reach;
mod role;
mod role_after;
mod second_hand;
mod words;

/// Owners found in the text of a line.
pub(crate) struct InText {
    /// The leads, in order (the first is the 主办).
    pub(crate) lead: Vec<OwnerRef>,
    /// The helpers (配合, 会同).
    pub(crate) help: Vec<OwnerRef>,
    /// How clearly the lead was named.
    pub(crate) how: OwnerHow,
    /// The text without the clauses that only named owners.
    pub(crate) rest: String,
    /// The lead is the speaker, from `我来…`, `由我牵头` (a transcript).
    pub(crate) by_speaker: bool,
}

impl Ctx<'_> {
    /// The owners named in `text`, if any.
    pub(crate) fn owners_in_text(&self, text: &str) -> Option<InText> {
        let mut lead: Vec<OwnerRef> = Vec::new();
        let mut help: Vec<OwnerRef> = Vec::new();
        let mut how = OwnerHow::None;
        let mut drop: Vec<(usize, usize)> = Vec::new();
        let mut by_speaker = false;
        // `陆建平：本轮复核通过的名单，范晓琳汇总后…`: the name before the opening colon.
        let mut head: Option<Vec<OwnerRef>> = None;
        for (s, e) in clauses(text) {
            let clause = text.get(s..e).unwrap_or_default().trim();
            if clause.is_empty() {
                continue;
            }
            // `…, 景某 to decide`: asked for a verdict, not the work.
            if self.decides_only(clause) {
                continue;
            }
            // `某甲建议…，某乙请他7月3日前…`: who asks is no owner; 他 is the one named before.
            if let Some(len) = self.asker_len(clause)
                && let Some(who) = self.named_before(text.get(..s).unwrap_or_default())
            {
                if lead.is_empty() {
                    lead = vec![who];
                    how = how.max(OwnerHow::Strong);
                }
                let off = text.get(s..e).and_then(|r| r.find(clause)).unwrap_or_default();
                drop.push((s + off, s + off + len));
                continue;
            }
            // `人力部的范悦今天没来，…请她牵头`: 他/她 is the person named last before.
            if lead.is_empty()
                && ["请她", "请他", "由她", "由他", "她来", "他来", "她负责", "他负责"]
                    .iter()
                    .any(|w| strip_leads(clause).starts_with(w) || clause.starts_with(w))
                && let Some(who) = self.named_before(text.get(..s).unwrap_or_default())
            {
                lead = vec![who];
                how = how.max(OwnerHow::Strong);
                drop.push((s, e));
                continue;
            }
            // `整改报告我来汇总`, `由我牵头`, `我们这边两周内能改完`: the speaker commits (in
            // minutes that are no transcript, the one named before the line's colon).
            let label = head.as_ref().filter(|h| h.len() == 1).and_then(|h| h.first());
            if let Some(sp) = self.speaker.as_ref().or(label)
                && let Some(strong) = first_person(clause)
            {
                if lead.is_empty() || lead == [sp.clone()] {
                    // `史磊：…这个我来`: the label already named the speaker.
                    lead = vec![sp.clone()];
                    by_speaker = true;
                } else {
                    extend(&mut help, vec![sp.clone()]);
                }
                how = how.max(if strong { OwnerHow::Strong } else { OwnerHow::Named });
                continue;
            }
            // `由经纪业务部 桑红 牵头`: read by `after_you` below, with its helpers.
            let led = clause.starts_with('由') && self.after_you(clause).is_some();
            // A clause of names only: `甄宓`, `王熙凤 + 平儿`, `owner 贾政`.
            if clause.chars().count() <= 16
                && !led
                && let Some(found) = self.names_if_all(role_after::strip_role_after(strip_leads(clause)))
            {
                // The name before the line's opening colon: read at the end (see `colon_head`).
                if lead.is_empty()
                    && head.is_none()
                    && self.speaker.is_none()
                    && colon_head::opens(text, s, e)
                {
                    head = Some(found);
                    drop.push((s, e));
                    continue;
                }
                if lead.is_empty() {
                    lead = found;
                    how = how.max(OwnerHow::Named);
                } else {
                    extend(&mut help, found);
                }
                drop.push((s, e));
                continue;
            }
            // `Kevin lead, Cindy support: 定价方案`: names and their role before a colon, the work after.
            if let Some((head, len)) = role_after::role_head(clause)
                && let Some(found) = self.names_if_all(head)
            {
                let off = text.get(s..e).and_then(|r| r.find(clause)).unwrap_or_default();
                if lead.is_empty() {
                    lead = found;
                } else {
                    extend(&mut help, found);
                }
                how = how.max(OwnerHow::Named);
                drop.push((s + off, s + off + len));
                continue;
            }
            // `合规部华山`: a department, then the person (`由经纪业务部 桑红 牵头` is read below).
            if clause.chars().count() <= 16
                && !led
                && let Some((found, false)) = self.tail_names(clause)
                && clause
                    .trim_end_matches(|c: char| !DEPARTMENT_ENDS.contains(&c))
                    .chars()
                    .count()
                    + found.iter().map(|o| o.name().chars().count()).sum::<usize>()
                    >= clause.chars().count()
                && clause.chars().any(|c| DEPARTMENT_ENDS.contains(&c))
            {
                if lead.is_empty() {
                    lead = found;
                    how = how.max(OwnerHow::Named);
                } else {
                    extend(&mut help, found);
                }
                continue;
            }
            // `由梁红玉逐户沟通`, `…差异清单由信息技术部柏林负责`, `由风控部葛亮牵头、经纪业务部吕方配合`:
            // a member, or a name followed by a verb, after 由 and an optional department.
            // `由某某会同某某于…完成`: two parties, read by the 会同 rule below.
            if !clause.contains("会同")
                && let Some((found, helpers, at)) = self.after_you(clause)
            {
                if lead.is_empty() {
                    lead = found;
                } else {
                    extend(&mut help, found);
                }
                extend(&mut help, helpers);
                how = how.max(OwnerHow::Strong);
                // A trailing `由…负责` leaves the title.
                if at > 0 {
                    let at = s + text.get(s..e).unwrap_or_default().find(clause).unwrap_or(0) + at;
                    drop.push((at, e));
                }
                continue;
            }
            // `…预算申请请柏林于4月上旬报财务部`: a request to someone inside the clause.
            if lead.is_empty()
                && let Some(found) = self.asked(clause)
            {
                lead = found;
                how = how.max(OwnerHow::Strong);
                continue;
            }
            if lead.is_empty()
                && let Some(found) = self.dealt_to(clause)
            {
                lead = found;
                how = how.max(OwnerHow::Strong);
                continue;
            }
            // `牵头人杨业`: an owner key without a colon.
            if let Some(found) = ["牵头人", "负责人", "责任人", "主责人", "对接人"]
                .iter()
                .find_map(|k| clause.strip_prefix(k))
                .and_then(|r| self.names_if_all(r.trim()))
            {
                if lead.is_empty() {
                    lead = found;
                } else {
                    extend(&mut help, found);
                }
                how = how.max(OwnerHow::Strong);
                drop.push((s, e));
                continue;
            }
            // `法正负责`: a clause of a name-shaped word and a lead verb (an uncommon surname).
            if let Some(head) = ["负责", "牵头", "主责"]
                .iter()
                // `那就老晏牵头吧`: a particle after the verb.
                .find_map(|v| {
                    strip_leads(clause)
                        .trim_end_matches(['吧', '啊', '呗', '了'])
                        .strip_suffix(v)
                })
                .filter(|h| self.is_loose_name(h) && self.names_if_all(h).is_none())
            {
                if lead.is_empty() {
                    lead = vec![self.resolve(head)];
                } else {
                    extend(&mut help, vec![self.resolve(head)]);
                }
                how = how.max(OwnerHow::Strong);
                drop.push((s, e));
                continue;
            }
            // `发票还没拿到 蒲经理说他去催`: who says he will go is the one who goes.
            if lead.is_empty()
                && let Some(p) = self.members.iter().find(|p| {
                    p.name.chars().count() >= 2
                        && ["说他去", "说她去", "说他来", "说她来", "说他会", "说她会"]
                            .iter()
                            .any(|w| clause.contains(&format!("{}{w}", p.name)))
                })
            {
                lead = vec![OwnerRef::Person(p.clone())];
                how = how.max(OwnerHow::Named);
                continue;
            }
            // `贾探春今晚把…`, `陈晨、刘洋后天…`: group members at the start of a clause.
            // `高翔将于本周五前提交…`, `鲍勃会跟进…`: a name, then an auxiliary.
            if lead.is_empty()
                && let Some(found) = self.name_before_aux(strip_leads(clause))
            {
                lead = found;
                how = how.max(OwnerHow::Named);
                continue;
            }
            // `KYC documents — Mark to chase the client`: a member's English name opening the
            // clause after the task, then `to`/`will` and the work.
            if lead.is_empty()
                && let Some((found, rest)) = self.leading_member(strip_leads(clause))
                && ["to ", "will "].iter().any(|w| rest.starts_with(w))
            {
                lead = found;
                how = how.max(words::english_form(&rest));
                // The name leaves the title, as at the start of a line.
                let lead_words = clause.len() - strip_leads(clause).len();
                let at = s + text.get(s..e).unwrap_or_default().find(clause).unwrap_or(0) + lead_words;
                drop.push((at, at + strip_leads(clause).len() - rest.len()));
                continue;
            }
            if !LEAD_VERBS.iter().chain(HELP_VERBS).any(|v| words::has_verb(clause, v))
                && let Some((found, len)) = self
                    .members_prefix(strip_leads(clause))
                    .or_else(|| lead.is_empty().then(|| self.office_member(strip_leads(clause))).flatten())
                // `闵总指出，…要求敖总…`: who speaks or chairs gives the work, does not do it;
                // `某某的带教计划表（导师…）`: whose the thing is, not who makes it.
                && !strip_leads(clause).get(len..).is_some_and(|r| {
                    // `某甲建议…`, `某甲同意…，由某乙出…`: who suggests or agrees does not do it.
                    [
                        "指出", "强调", "认为", "要求", "听取", "主持", "肯定", "批评", "通报", "介绍", "的", "建议",
                        "同意",
                    ]
                    .iter()
                    .any(|w| r.starts_with(w))
                        // `某甲提醒：…由某乙操作`, `某甲提出…，某乙改一下…`: with another member
                        // named after, who raises it does not do it (alone, `某甲提出…，具体方案下周五前
                        // 报…`, they do).
                        || (["提醒", "提出"].iter().any(|w| r.starts_with(w))
                            && (self.members.iter().any(|p| {
                                p.name.chars().count() >= 2
                                    && !found.iter().any(|o| o.name() == p.name)
                                    && text.get(s..).is_some_and(|t| t.contains(p.name.as_str()))
                            })
                            // `某甲提出，…。会议要求某部…`: the meeting gives what was raised to others
                            // (not `某甲提出6月30日前完成…`, their own word).
                            || (["提出，", "提出,", "提出：", "提出:"].iter().any(|w| r.starts_with(w))
                                && ["会议要求", "会议同意", "会议决定", "会议明确", "会议责成"]
                                    .iter()
                                    .any(|w| text.get(s..).is_some_and(|t| t.contains(w))))))
                })
            {
                if lead.is_empty() {
                    lead = found;
                    how = how.max(OwnerHow::Named);
                    // The names leave the title: `陈晨、刘洋后天…提交检查底稿`.
                    let lead_words = clause.len() - strip_leads(clause).len();
                    let at = s + text.get(s..e).unwrap_or_default().find(clause).unwrap_or(0) + lead_words;
                    drop.push((at, at + len));
                } else if strip_leads(clause).get(len..).is_some_and(words::is_second_hand) {
                    // `…由某某起草，某某审核`, `某某执笔，某某提供数据`: the second hand on the
                    // same work owns it too, after the lead.
                    extend(&mut help, found);
                }
                continue;
            }
            // `…提供样本，信息技术部裴东开发`: a department's member doing the work.
            if let Some(found) = self
                .department_person(clause)
                .or_else(|| self.role_person(clause))
            {
                if lead.is_empty() {
                    lead = found;
                } else {
                    extend(&mut help, found);
                }
                how = how.max(OwnerHow::Named);
                continue;
            }
            // `柴某负责的展厅改版，周四前提测`: whose charge the work is opens the line, and
            // what is to be done with it (not done already) follows.
            if lead.is_empty()
                && s == 0
                && let Some((found, len)) = self.whose_charge(strip_leads(clause))
                && text.get(e..).is_some_and(|r| {
                    crate::minutes::scan::has_task_verb(r)
                        && !r.contains('已')
                        && self.names_if_all(r).is_none()
                })
            {
                lead = found;
                how = how.max(OwnerHow::Named);
                let lead_words = clause.len() - strip_leads(clause).len();
                let at = text.get(s..e).unwrap_or_default().find(clause).unwrap_or(0) + lead_words;
                drop.push((at, at + len));
                continue;
            }
            // `明天中午前贝贝把印章登记表交回运营`: a name after the time, before 把.
            if lead.is_empty()
                && let Some(found) = self.name_before_ba(clause)
            {
                lead = found;
                how = how.max(OwnerHow::Named);
                continue;
            }
            // `两融新规培训的PPT董倩准备`: a member named mid-clause, right before the work.
            if lead.is_empty()
                && let Some(found) = self.member_before_verb(clause)
            {
                lead = found;
                how = how.max(OwnerHow::Named);
                continue;
            }
            // `请岳飞会同风险管理部韩世忠于…`
            if let Some(i) = clause.find("会同") {
                let before = clause.get(..i).unwrap_or_default();
                let after = clause.get(i + "会同".len()..).unwrap_or_default();
                let after = after.split(['于', '在']).next().unwrap_or_default();
                if let Some((found, _)) = self.tail_names(before) {
                    extend(&mut lead, found);
                    how = how.max(OwnerHow::Strong);
                } else if let Some(found) = departments(before) {
                    // `责成经纪业务部会同财务部…`: departments, shown as written.
                    extend(&mut lead, found);
                    how = how.max(OwnerHow::Strong);
                }
                let head: String = after.chars().take(12).collect();
                if let Some((found, _)) = (1..=head.chars().count())
                    .rev()
                    .find_map(|n| self.tail_names(&head.chars().take(n).collect::<String>()))
                {
                    extend(&mut help, found);
                } else if let Some(found) = departments(after) {
                    extend(&mut help, found);
                }
                continue;
            }
            // The first verb with names before it (`霍去病负责`: not `去`, inside the name).
            let verb_at = |verbs: &[&str]| {
                let mut hits: Vec<(usize, usize)> = verbs
                    .iter()
                    .flat_map(|v| clause.match_indices(v).map(|(i, _)| (i, v.len())))
                    .filter(|(i, len)| words::is_verb_at(clause, *i, *len))
                    .collect();
                hits.sort_by_key(|(i, len)| (*i, usize::MAX - *len));
                hits.into_iter().find_map(|(i, len)| {
                    // `宫雪继续跟进`: an adverb between the name and the verb; `运营部 柏林 配合`:
                    // a space.
                    let mut before = clause.get(..i).unwrap_or_default().trim_end();
                    while let Some(b) = ADVERBS.iter().find_map(|a| before.strip_suffix(a)) {
                        before = b;
                    }
                    // `魏东来跟物业办`: a verb starting inside a member's name (`来`) leaves the
                    // name cut short before it; the name is the member's whole.
                    let whole_name = self.members.iter().find(|p| {
                        !p.name.is_empty()
                            && clause
                                .match_indices(p.name.as_str())
                                .any(|(at, m)| at < i && i < at + m.len())
                    });
                    self.tail_names(before)
                        .filter(|(found, _)| !is_recipient(before, found))
                        .map(|(mut found, whole)| {
                            if let Some(p) = whole_name
                                && let Some(last) = found.last_mut()
                                && p.name.starts_with(last.name())
                            {
                                *last = self.resolve(&p.name);
                            }
                            (found, whole)
                        })
                        .map(|found| (i, len, found))
                })
            };
            // `运营管理部、合规管理部参与`: departments helping, shown as written.
            if let Some(found) = HELP_VERBS
                .iter()
                .find_map(|v| strip_leads(clause).strip_suffix(v))
                .and_then(departments)
            {
                extend(&mut help, found);
                drop.push((s, e));
                continue;
            }
            // `卢俊杰督导…，袁立协调经纪业务部资源配合`: a member opening a helper's clause.
            if !lead.is_empty()
                && HELP_VERBS.iter().any(|v| clause.contains(v))
                && let Some((found, _)) = self.members_prefix(strip_leads(clause))
            {
                extend(&mut help, found);
                continue;
            }
            if let Some((i, len, (found, whole))) = verb_at(HELP_VERBS) {
                extend(&mut help, found);
                // `钱坤、柳岩配合完成`: with no lead named, the helpers are who does it.
                how = how.max(OwnerHow::Named);
                // `许静配合何晨做…`: the one helped leads.
                if let Some(led) = self.name_then_work(clause.get(i + len..).unwrap_or_default()) {
                    let helpers = std::mem::take(&mut help);
                    extend(&mut lead, led);
                    extend(&mut help, helpers);
                    how = how.max(OwnerHow::Strong);
                }
                if whole && clause.get(i + len..).is_some_and(|r| r.trim().is_empty()) {
                    drop.push((s, e));
                }
                continue;
            }
            if let Some((i, len, (found, whole))) = verb_at(LEAD_VERBS) {
                let verb = clause.get(i..i + len).unwrap_or_default();
                if lead.is_empty() {
                    lead = found;
                } else if verb == "一起" {
                    extend(&mut lead, found);
                } else {
                    extend(&mut help, found);
                }
                let after = clause.get(i + len..).unwrap_or_default();
                // `石磊你和常昊分一下`: the one named with 你 shares it.
                if verb == "你"
                    && let Some(with) = ["和", "跟", "与"].iter().find_map(|w| after.strip_prefix(w))
                    // `小曲你和立新一起…`: the one named with 你 may be called by the given name.
                    && let Some(name) = self
                        .longest_member_prefix(with)
                        .or_else(|| self.called_member_prefix(with))
                {
                    extend(&mut lead, vec![self.resolve(&name)]);
                }
                let you_lead = verb == "你"
                    && [
                        "负责",
                        "来负责",
                        "牵头",
                        "跟进",
                        "来做",
                        "来跟",
                        "跟一下",
                        "盯一下",
                    ]
                    .iter()
                    .any(|w| after.starts_with(w));
                how = how.max(if (verb == "你" && !you_lead) || verb == "我自己" {
                    OwnerHow::Named
                } else {
                    OwnerHow::Strong
                });
                if whole && clause.get(i + len..).is_some_and(|r| r.trim().is_empty()) {
                    drop.push((s, e));
                }
                continue;
            }
            // `那风险揭示书你来补`: in a transcript, 你 is the one who spoke just before.
            if lead.is_empty()
                && let Some(to) = &self.addressed
                // `许鹏你弄一下`: 你 is the one just named.
                && !self.members.iter().any(|p| clause.contains(&format!("{}你", p.name)))
                // `老罗，评审专家的名单你明天确认一下`: 你 is the one called at the start.
                && !self.calls_first(text)
                && let Some(strong) = second_person(clause)
            {
                lead = vec![to.clone()];
                how = how.max(if strong { OwnerHow::Strong } else { OwnerHow::Named });
            }
        }
        // `你下周一前找魏梓涵一起把…`, `我跟思琪一起去…`: 你 or the speaker leads, the one found
        // works beside.
        if !lead.is_empty()
            && let Some(to) = self.joined_by(text)
            && !lead.contains(to)
        {
            lead.insert(0, to.clone());
        }
        // `营业部半年度考核方案（恒山）`
        if lead.is_empty() {
            for group in paren_names(text) {
                if self.is_enumeration(&group) {
                    continue;
                }
                // `（岑立签字）`, `（李明审核后报送）`: the member who signs or checks it answers for it.
                let signed = words::SIGNED
                    .iter()
                    .find_map(|w| group.trim().strip_suffix(w))
                    .filter(|who| self.members.iter().any(|m| m.name == who.trim()))
                    .map(|who| vec![self.resolve(who.trim())]);
                if let Some(found) = signed
                    .or_else(|| self.names_if_all(&group))
                    .or_else(|| self.loose_names(&group))
                {
                    lead = found;
                    how = how.max(OwnerHow::Named);
                    break;
                }
            }
        }
        // `经验材料 —— 某某整理，…`: a name after the closing dash, member or not.
        if lead.is_empty()
            && let Some(found) = self.dash_tail_name(text)
        {
            lead = found;
            how = OwnerHow::Strong;
        }
        if how == OwnerHow::Named && self.dash_tail_is(text, &lead) {
            how = OwnerHow::Strong;
        }
        if let Some(found) = head {
            colon_head::settle(found, text, &mut lead, &mut help, &mut how);
        }
        if lead.is_empty() && help.is_empty() {
            return None;
        }
        // `…由某甲起草、某乙审核`, `经某乙审定后下发`: who checks or feeds the work owns it too.
        if !lead.is_empty() {
            let seconds = self.second_hands(text, &lead);
            extend(&mut help, seconds);
        }
        // `请财富管理部牵头，会同零售业务部，…具体由钱钟书负责`: beside a person, departments are
        // where the work sits, not more owners.
        if lead.iter().chain(&help).any(|o| !is_unit(o)) {
            lead.retain(|o| !is_unit(o));
            help.retain(|o| !is_unit(o));
            if lead.is_empty() {
                lead = std::mem::take(&mut help);
            }
        }
        if how == OwnerHow::Named && self.names_at_the_end(text) {
            how = OwnerHow::Strong;
        }
        let mut rest = String::new();
        let mut last = 0;
        for (s, e) in drop {
            rest.push_str(text.get(last..s).unwrap_or_default());
            last = e;
        }
        rest.push_str(text.get(last..).unwrap_or_default());
        Some(InText {
            lead,
            help,
            how,
            rest,
            by_speaker,
        })
    }
}
