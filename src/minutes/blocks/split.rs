//! Blocks whose fields list several people's work (pure): `后续安排：秦峰整理…；唐宁评估…`, and
//! `责任人：段宏出具合规意见；龚正排期开发` with `完成时限：合规意见下周五前；开发时间待定` — one item each.

use super::keys::{ACTION, NEXT, split_key};
use super::{Block, Outcome};
use crate::minutes::item::{ActionItem, clean_title};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, OwnerHow, Scan, has_task_verb};

impl Block {
    /// The work listed after the decision (`后续安排：…`), one item per part naming its owner,
    /// when the block has no owner field.
    pub(super) fn listed_items(&self, ctx: &Ctx<'_>) -> Option<Vec<ActionItem>> {
        let listed: Vec<ActionItem> = self
            .next
            .iter()
            .flat_map(|n| n.split(['；', ';', '。']))
            .map(|part| {
                let mut sc = ctx.scan(part.trim());
                // `测试用例Amy出，时间待定`: the work first, then who does it.
                if sc.how == OwnerHow::None
                    && let Some(who) = doer_after_work(ctx, part)
                {
                    sc.owners = vec![who];
                    sc.how = OwnerHow::Named;
                }
                (part, sc)
            })
            .filter(|(_, sc)| sc.how != OwnerHow::None && !sc.text.trim().is_empty())
            .fold(Vec::new(), |mut out: Vec<ActionItem>, (part, sc)| {
                // `史浩然负责出设计，6月23日前提交；蓝若曦配合提供样本`: the helper of the part
                // before, with no date of their own, helps with that work.
                if let Some(prev) = out.last_mut()
                    && sc.deadline.is_none()
                    && sc.deadline_text.is_none()
                    && let Some(who) = helper_only(part, &sc)
                {
                    if !prev.owners.iter().any(|o| o.name() == who.name()) {
                        prev.owners.push(who);
                    }
                    return out;
                }
                out.push(ActionItem {
                    text: clean_title(&sc.text, sc.deadline_text.as_deref()),
                    owners: sc.owners,
                    deadline: sc.deadline,
                    deadline_text: sc.deadline_text,
                    priority: sc.priority,
                    units: Vec::new(),
                });
                out
            });
        (!listed.is_empty() && self.lead.is_empty()).then_some(listed)
    }

    /// An owner field naming each person's task, apart by `；`: one item per person, each with
    /// the deadline in the same place of the deadline field.
    pub(super) fn lead_items(&self, ctx: &Ctx<'_>) -> Option<Vec<ActionItem>> {
        let parts: Vec<&str> = self
            .lead
            .split(['；', ';'])
            .map(|p| p.trim().trim_end_matches('、'))
            .filter(|p| !p.is_empty())
            .collect();
        let dues: Vec<&str> = self.due.split(['；', ';']).map(str::trim).collect();
        if parts.len() < 2 {
            return None;
        }
        let items: Vec<ActionItem> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| (ctx.scan(p), dues.get(i).filter(|_| dues.len() == parts.len())))
            .filter(|(sc, _)| sc.how != OwnerHow::None && has_task_verb(&sc.text))
            .map(|(sc, due)| {
                let d = due.map(|d| ctx.field_deadline(d));
                let (deadline, deadline_text) = match d {
                    Some(d) if d.deadline.is_some() => (d.deadline, d.deadline_text),
                    Some(_) => (None, None),
                    None => (sc.deadline, sc.deadline_text.clone()),
                };
                ActionItem {
                    text: clean_title(&format!("{}：{}", self.title, sc.text), None),
                    owners: sc.owners,
                    deadline,
                    deadline_text,
                    priority: sc.priority,
                    units: Vec::new(),
                }
            })
            .collect();
        (items.len() == parts.len()).then_some(items)
    }
}

/// Verdicts that open a conclusion before the work it gives (`通过。`, `有条件通过——…`).
const VERDICTS: &[&str] = &["有条件通过", "原则通过", "原则同意", "通过", "同意"];

impl Block {
    /// A conclusion giving work to several people, each in a clause of their own
    /// (`通过。秦淑华补充阈值口径，6月22日前；陆一鸣负责开发联调，7月底上线`, `通过 蒋文9月30日前出
    /// 字段清单 上官宁负责对接投顾部 国庆节后第一个工作日反馈`): one item per person, each with the
    /// date in its clause. A clause opens where a part (apart by `；`, `。`, `，` or spaces) starts
    /// with the person it names; a part naming no one (`7月底上线`) goes on with the clause before.
    pub(super) fn conclusion_items(&self, ctx: &Ctx<'_>) -> Option<Vec<ActionItem>> {
        if !self.lead.is_empty() {
            return None;
        }
        let mut clauses: Vec<String> = Vec::new();
        // After a comma only a part opening with its person starts a clause (`由运营管理部计灵提供
        // 样本，信息技术部裴东开发` is one piece of work); after `；`, `。` or a space, any naming one.
        let mut after_comma = false;
        for raw in self.conclusion.split_inclusive(['；', ';', '。', '，', ',', ' ']) {
            let comma_before = std::mem::replace(&mut after_comma, raw.ends_with(['，', ',']));
            let part = raw.trim().trim_end_matches(['；', ';', '。', '，', ',']).trim();
            let part = VERDICTS
                .iter()
                .find_map(|v| part.strip_prefix(v))
                .map_or(part, |r| r.trim_start_matches(['—', '-', '：', ':']));
            // `通过。行动：隋某牵头，…`: the label of the work given is no part of it.
            let part = split_key(part, ACTION)
                .or_else(|| split_key(part, NEXT))
                .unwrap_or(part);
            if part.is_empty() {
                continue;
            }
            let opens = if comma_before && !clauses.is_empty() {
                // `梁某写需求说明书，蔡某评审，3月6日前`: who reviews the work just named
                // owns it too, after its lead; no work of their own.
                starts_with_doer(ctx, part) && !reviews_only(ctx, part)
            } else {
                opens_clause(ctx, part)
            };
            if opens {
                clauses.push(part.to_owned());
            } else if let Some(last) = clauses.last_mut() {
                last.push('，');
                last.push_str(part);
            }
        }
        // `邬凯主办，程露协办，下下周一前提交详细设计`: a person with only a role shares the work
        // of the clause after it.
        let clauses = join_roles_only(ctx, clauses);
        if clauses.len() < 2 {
            return None;
        }
        let items: Vec<ActionItem> = clauses
            .iter()
            .map(|c| {
                let mut sc = ctx.scan(c);
                if sc.how == OwnerHow::None
                    && let Some(who) = doer_after_work(ctx, c)
                {
                    sc.owners = vec![who];
                    sc.how = OwnerHow::Named;
                }
                (c, sc)
            })
            // `蒋文9月30日前出字段清单`: any work, whatever its verb (`出` too).
            .filter(|(_, sc)| {
                sc.text
                    .chars()
                    .filter(|c| crate::minutes::scan::is_cjk(*c))
                    .count()
                    >= 2
            })
            .map(|(c, sc)| ActionItem {
                text: clean_title(&format!("{}：{c}", self.title), None),
                owners: sc.owners,
                deadline: sc.deadline,
                deadline_text: sc.deadline_text,
                priority: sc.priority,
                units: Vec::new(),
            })
            .collect();
        (items.len() == clauses.len()).then_some(items)
    }
}

/// The one person of a part that opens with them helping (`蓝若曦配合提供样本`).
fn helper_only(part: &str, sc: &Scan) -> Option<OwnerRef> {
    let [who] = sc.owners.as_slice() else {
        return None;
    };
    part.trim()
        .strip_prefix(who.name())
        .is_some_and(|r| ["配合", "协助", "协同"].iter().any(|h| r.starts_with(h)))
        .then(|| who.clone())
}

/// The clauses, each that is only a person and a role (`邬凯主办`, `由程露牵头`) joined to the
/// one after it.
fn join_roles_only(ctx: &Ctx<'_>, clauses: Vec<String>) -> Vec<String> {
    const ROLES: &[&str] = &["主办", "牵头", "负责", "协办", "配合", "为主", "主责"];
    let mut out: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for c in clauses {
        let c = match pending.take() {
            Some(p) => format!("{p}，{c}"),
            None => c,
        };
        let sc = ctx.scan(&c);
        let bare = c.trim_start_matches('由');
        let role_only = sc.owners.len() == 1
            && sc.owners.first().is_some_and(|o| {
                bare.strip_prefix(o.name())
                    .is_some_and(|r| ROLES.contains(&r.trim()))
            });
        if role_only {
            pending = Some(c);
        } else {
            out.push(c);
        }
    }
    out.extend(pending);
    out
}

/// Whether `part` is only a member and a reviewer's verb (`蔡某评审`, `由柳某审核`).
fn reviews_only(ctx: &Ctx<'_>, part: &str) -> bool {
    let bare = part.trim().trim_start_matches('由');
    ctx.members.iter().any(|p| {
        bare.strip_prefix(p.name.as_str())
            .is_some_and(|r| ["评审", "审核", "复核", "把关", "校对", "审定"].contains(&r.trim()))
    })
}

/// Whether `part` starts with the person it gives work to (`陆一鸣负责开发联调`, `由蒋文出…`).
fn starts_with_doer(ctx: &Ctx<'_>, part: &str) -> bool {
    let sc = ctx.scan(part);
    let bare = part.trim_start_matches('由');
    sc.how != OwnerHow::None && sc.owners.first().is_some_and(|o| bare.starts_with(o.name()))
}

/// Whether `part` names the person it gives work to (`陆一鸣负责开发联调`, `由蒋文出…`, `开发联调由
/// 韩雪负责`, `口径说明魏东出`), not one it is sent to (`发小牛确认`).
fn opens_clause(ctx: &Ctx<'_>, part: &str) -> bool {
    let sc = ctx.scan(part);
    let who = if sc.how == OwnerHow::None {
        doer_after_work(ctx, part)
    } else {
        sc.owners.first().cloned()
    };
    who.is_some_and(|o| {
        part.find(o.name()).is_some_and(|i| {
            let before = part.get(..i).unwrap_or_default();
            !["发", "给", "报", "交", "转", "抄送", "告诉", "通知"]
                .iter()
                .any(|w| before.ends_with(w))
        })
    })
}

/// Verbs right after the one who does the work named before them (`测试用例Amy出`).
const DOER_VERBS: &[&str] = &[
    "出", "写", "做", "弄", "来", "负责", "牵头", "跟进", "整理", "准备", "补充",
];

/// `测试用例Amy出`, `接口文档由Jason写`: a member named after the work, right before its verb.
fn doer_after_work(ctx: &Ctx<'_>, part: &str) -> Option<crate::minutes::owner::OwnerRef> {
    ctx.members.iter().find_map(|p| {
        let (i, n) = part.match_indices(p.name.as_str()).next()?;
        let after = part.get(i + n.len()..)?;
        (i > 0 && DOER_VERBS.iter().any(|v| after.starts_with(v))).then(|| ctx.resolve(&p.name))
    })
}

impl Block {
    /// The block's items: its own, and work of other people written in its fields (`责任人：夏雨；
    /// 规则由黄婷提供，下周三前给到夏雨`, `会后：晏明把评审结果同步到需求管理系统，今天下班前`), one
    /// item each.
    pub(crate) fn finish(mut self, ctx: &Ctx<'_>) -> Outcome {
        let side = self.side_work(ctx);
        let out = self.finish_block(ctx);
        if side.is_empty() {
            return out;
        }
        match out {
            Outcome::Item(item) => Outcome::Items(std::iter::once(*item).chain(side).collect()),
            Outcome::Items(mut items) => {
                items.extend(side);
                Outcome::Items(items)
            }
            Outcome::Rejected(_) | Outcome::Nothing(_) => Outcome::Items(side),
        }
    }

    /// Takes out of the owner field and the other fields the work of someone besides the block's
    /// owners, named with its own work and date.
    fn side_work(&mut self, ctx: &Ctx<'_>) -> Vec<ActionItem> {
        let mut side = Vec::new();
        let parts: Vec<String> = self.lead.split(['；', ';']).map(str::to_owned).collect();
        let leads = parts
            .first()
            .and_then(|p| ctx.names_if_all(p.trim().trim_end_matches('、')))
            .unwrap_or_default();
        // `通过，但需先补充差异分类规则` then `责任人：夏雨；规则由黄婷提供…`: the rules asked for.
        let title = if ["需", "请", "补充", "完善"]
            .iter()
            .any(|w| self.conclusion.contains(w))
        {
            format!("{}（{}）", self.title, self.conclusion.trim_end_matches('。'))
        } else {
            self.title.clone()
        };
        if !leads.is_empty() && parts.len() >= 2 {
            let mut kept = vec![parts[0].clone()];
            for p in &parts[1..] {
                match side_item(ctx, p, &leads) {
                    Some(item) => side.push(with_title(&title, item)),
                    None => kept.push(p.clone()),
                }
            }
            self.lead = kept.join("；");
        }
        let people = ctx.people(&self.lead);
        if !people.is_empty() {
            let mut extra = Vec::new();
            for v in std::mem::take(&mut self.extra) {
                match side_item(ctx, &v, &people).filter(|i| i.deadline.is_some()) {
                    Some(item) => side.push(item),
                    None => extra.push(v),
                }
            }
            self.extra = extra;
        }
        side
    }

    /// A rejected block's conclusion asking a named person for work by a date (`退回。请需求方车明
    /// 补充数据安全评估后重新提交，中秋节前`): that work.
    pub(super) fn rework(&self, ctx: &Ctx<'_>) -> Option<ActionItem> {
        let ask_words = ["请", "需", "要求", "由"];
        let asks = ask_words.iter().any(|w| self.conclusion.contains(w));
        // `驳回。回退方案不可行（回退需 6 小时）。请杭立诚修改回退方案，国庆节后第一个工作日重新
        // 提交。`: the sentence that asks is read on its own (the reason's hours are no date).
        // (`请杭立诚…`: a guest asked by name, whom the header lists, is asked too.)
        let (sc, asked_guest) = self
            .conclusion
            .split(['。', '；'])
            .filter(|part| ask_words.iter().any(|w| part.contains(w)))
            .map(|part| (ctx.scan(part), part.trim_start().starts_with('请')))
            .find(|(sc, please)| (sc.how != OwnerHow::None || *please) && sc.deadline.is_some())
            .unwrap_or_else(|| (ctx.scan(&self.conclusion), false));
        let asked = asks && (sc.how != OwnerHow::None || asked_guest) && sc.deadline.is_some();
        if !asked {
            // `验收结论：不通过。` then `后续：严骏牵头，…10个工作日内修正后重新提交`: the rework
            // asked in the block's follow-up, someone's by a date.
            let next = self.next.first()?;
            let sc = ctx.scan(next);
            return (sc.how != OwnerHow::None && sc.deadline.is_some() && has_task_verb(next)).then(|| {
                ActionItem {
                    text: clean_title(&format!("{}：{}", self.title, next.trim_end_matches('。')), None),
                    owners: sc.owners,
                    deadline: sc.deadline,
                    deadline_text: sc.deadline_text,
                    priority: sc.priority,
                    units: Vec::new(),
                }
            });
        }
        Some(ActionItem {
            text: clean_title(
                &format!("{}（{}）", self.title, self.conclusion.trim_end_matches('。')),
                None,
            ),
            owners: sc.owners,
            deadline: sc.deadline,
            deadline_text: sc.deadline_text,
            priority: sc.priority,
            units: Vec::new(),
        })
    }
}

/// `规则由黄婷提供，下周三前给到夏雨`: work of someone not among `leads`, with its verb.
fn side_item(ctx: &Ctx<'_>, part: &str, leads: &[crate::minutes::owner::OwnerRef]) -> Option<ActionItem> {
    let sc = ctx.scan(part.trim());
    let other = sc.owners.first().is_some_and(|o| !leads.contains(o));
    // `晏明把评审结果同步到需求管理系统`: `把` says the work whatever the verb.
    let work = has_task_verb(part) || part.contains('把');
    (sc.how != OwnerHow::None && other && work).then(|| ActionItem {
        text: clean_title(part.trim().trim_end_matches('。'), None),
        owners: sc.owners,
        deadline: sc.deadline,
        deadline_text: sc.deadline_text,
        priority: sc.priority,
        units: Vec::new(),
    })
}

fn with_title(title: &str, mut item: ActionItem) -> ActionItem {
    item.text = clean_title(&format!("{title}：{}", item.text), None);
    item
}
