//! Blocks of labelled fields (pure), as in a requirements review:
//!
//! ```text
//! 需求1：春节期间APP公告位配置
//! 结论：通过
//! 责任人：孔明
//! 完成时限：2月12日
//! ```
//!
//! One block gives one item when it carries an owner or a deadline (one per person when its
//! conclusion or its fields give several people work of their own), and none when its conclusion
//! rejects it (不通过, 不同意, 暂缓 …) without asking a named person for rework by a date.

use crate::minutes::item::{ActionItem, clean_title};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, OwnerHow, has_task_verb, is_placeholder};

mod fields;
mod keys;
mod no_work;
mod numbered;
mod order;
mod review;
mod split;
mod words;

use self::keys::{
    ACTION, CONCLUSION, DUE, HELP, LEAD, NEXT, OTHER, REJECT, REMEDY, STARTS, other_field, paren_helpers,
    split_key,
};
pub(crate) use self::keys::{is_conclusion, is_lead};
use self::words::{STATE, field_parts, is_done, work_key};
pub(crate) use self::words::{is_core_field, known_field, review_field, work_value};

/// The title without an aside naming who asked for the work (`（申请人：某某）`, `（提出人：某某）`):
/// the requester is no owner of it.
fn without_requester(title: &str) -> String {
    const REQUESTER: &[&str] = &[
        "申请人",
        "提出人",
        "提交人",
        "发起人",
        "需求人",
        "需求方",
        "申请方",
    ];
    let mut out = String::new();
    let mut rest = title;
    while let Some(open) = rest.find(['（', '(']) {
        let Some(len) = rest.get(open..).and_then(|r| r.find(['）', ')'])) else {
            break;
        };
        let close = open + len;
        let end = close
            + rest
                .get(close..)
                .and_then(|r| r.chars().next())
                .map_or(0, char::len_utf8);
        let inner = rest
            .get(open..close)
            .unwrap_or_default()
            .trim_start_matches(['（', '('])
            .trim_start();
        out.push_str(rest.get(..open).unwrap_or_default());
        if !REQUESTER.iter().any(|w| inner.starts_with(w)) {
            out.push_str(rest.get(open..end).unwrap_or_default());
        }
        rest = rest.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `问题2：档案签字日期不一致` → the finding (`问题` numbered, then its colon).
fn finding_start(body: &str) -> Option<&str> {
    let r = body.strip_prefix("问题")?;
    let skipped = numbered::skip(r);
    let v = skipped.strip_prefix(['：', ':'])?.trim();
    (skipped.len() < r.len() && !v.is_empty()).then_some(v)
}

/// A block being read.
#[derive(Debug, Default)]
pub(crate) struct Block {
    title: String,
    conclusion: String,
    lead: String,
    help: String,
    due: String,
    /// The last field read was the conclusion (a short unkeyed line after it continues it).
    after_conclusion: bool,
    /// The work listed after the decision (`后续安排：…`), its parts apart by `；`.
    next: Vec<String>,
    /// The last field read was that list (an unkeyed part after `；` continues it).
    in_next: bool,
    /// Values of other short fields (`开发：陶然`, `补充材料：谢安，9月15日前`): the people and the
    /// deadline they name count when the block has none of its own.
    extra: Vec<String>,
    /// Opened by its work (`事项：…`), not by a request under review: ends at a blank line or at
    /// the next work; its title may name its owner.
    general: bool,
    /// Its state (`状态：已完成`, `进展：进行中`).
    state: String,
    /// Opened by a numbered finding (`问题2：…`): its remedy (`整改要求：…`) is the work.
    finding: bool,
}

/// Whether a part of a field line holds a key's colon (`9:15` is an hour, not a key).
fn keyed(part: &str) -> bool {
    let chars: Vec<char> = part.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        *c == '：'
            || (*c == ':'
                && !(i > 0
                    && chars.get(i - 1).is_some_and(char::is_ascii_digit)
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
    })
}

/// What a block yields.
pub(crate) enum Outcome {
    /// An item.
    Item(Box<ActionItem>),
    /// Its conclusion rejects it.
    Rejected(String),
    /// Neither owner nor deadline.
    Nothing(String),
    /// The work listed after the decision, one item per part that names its owner.
    Items(Vec<ActionItem>),
}

impl Block {
    /// A line that opens a block: `需求1：…`, `需求名称：…`.
    /// A one-line block (`需求1：…。结论：通过。责任人：马超。完成时限：11月6日。`) is read whole.
    pub(crate) fn start(body: &str) -> Option<Self> {
        // `▍需求2：…`: a bar before a block's title, as a section mark.
        let body = body.trim_start_matches(['▍', '▌', '▎', '▋', '❖']).trim_start();
        // `【需求编号 XQ-031】移动端基金定投计算器`
        let bracketed =
            body.strip_prefix('【')
                .and_then(|r| r.split_once('】'))
                .and_then(|(label, title)| {
                    // `【需求评审会纪要】…`: the minutes' own title, not a request.
                    let minutes =
                        ["纪要", "会议", "记录"].iter().any(|w| label.contains(w)) || label.ends_with('会');
                    (STARTS.iter().any(|k| label.contains(k)) && !minutes && !title.trim().is_empty())
                        .then(|| title.trim())
                });
        // `问题2：档案签字日期不一致` then `整改要求：…`, `责任人：…`: a finding and its remedy.
        if let Some(v) = finding_start(body) {
            // `问题三：…；措施：…；责任人：…；时限：…` on one line: its fields follow.
            let mut parts = v.split(['；', ';']).map(str::trim).filter(|p| !p.is_empty());
            let mut block = Self {
                title: parts.next().unwrap_or(v).to_owned(),
                finding: true,
                ..Self::default()
            };
            for part in parts {
                if !block.field(part) {
                    block.title = v.to_owned();
                    break;
                }
            }
            return Some(block);
        }
        let value = bracketed.or_else(|| split_key(body, STARTS).filter(|t| !t.is_empty()))?;
        let mut parts = value.split('。').map(str::trim).filter(|p| !p.is_empty());
        let mut block = Self {
            title: parts.next()?.to_owned(),
            ..Self::default()
        };
        for part in parts {
            if !block.field(part) {
                block.title = value.to_owned();
                break;
            }
        }
        Some(block)
    }

    /// A heading that opens a block (`## 需求1：两融合约到期提醒`) when the next line is one of
    /// its fields, whatever that field is (`需求方：…`, `说明：…`, `结论：…`).
    pub(crate) fn start_heading(body: &str, next_line: &str) -> Option<Self> {
        let title = body.strip_prefix('#')?.trim_start_matches('#').trim();
        let block = Self::start(title)?;
        let (_, next) = crate::minutes::layout::strip_marker(next_line);
        Self::default().field(next).then_some(block)
    }

    /// A block opened by its title alone, when the next line is one of its fields:
    /// `No.1 风控指标日报增加集中度指标` then `评审意见：通过`, or `Action: prepare the board paper`
    /// then `Owner: 葛薇`.
    /// `next` is the next line with its list marker (a lead field must stand alone, unmarked).
    pub(crate) fn before_fields(body: &str, next_line: &str) -> Option<Self> {
        let (marker, next) = crate::minutes::layout::strip_marker(next_line);
        let unmarked = marker == crate::minutes::layout::Marker::None;
        let next = next.replace("**", "");
        let next = next.as_str();
        // `### 1. 高净值客户名单更新` then `**负责人**：殷桃`: a heading titles the block.
        let heading = body
            .strip_prefix('#')
            .map(|h| crate::minutes::layout::strip_marker(h.trim_start_matches('#').trim()).1);
        // `事项一：完善…流程` then `承办人：詹青；办结时限：…`.
        let numbered = ["事项", "任务", "督办事项"].iter().find_map(|k| {
            let r = body.strip_prefix(k)?;
            let r = r.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
            (r.len() < body.len() - k.len()).then_some(())?;
            r.strip_prefix(['：', ':'])
        });
        let label = ["Action:", "Action：", "行动：", "行动项："]
            .iter()
            .find_map(|l| body.strip_prefix(l))
            .or(heading)
            .or(numbered);
        let title = label.unwrap_or(body).trim();
        // `会议决定：…` under `三、会议审议了…` is the next resolution, not this one's conclusion.
        let review = is_conclusion(next) && !next.trim_start().starts_with("会议");
        // `### 步骤1　20:00　冻结柜台交易入口` then `- 执行人：盛立军`: under a heading, a marked
        // lead field is the heading's own too.
        // The marked field must name its people alone: `## Action items` then `- Owner: Kevin
        // Wang — finalize the plan, DDL: 4月24日` is a list of tasks under a section heading.
        let bare_lead = || {
            split_key(next, LEAD)
                .is_some_and(|v| v.chars().count() <= 16 && !v.contains(['—', '，', ',', '；', ';', '-']))
        };
        let opens =
            review || (label.is_some() && is_lead(next) && (unmarked || (heading.is_some() && bare_lead())));
        let is_field = [STARTS, CONCLUSION, LEAD, HELP, DUE, OTHER]
            .iter()
            .any(|keys| split_key(body, keys).is_some());
        let record = keys::names_attendance(title);
        (opens && !title.is_empty() && title.chars().count() <= 60 && !is_field && !record).then(|| Self {
            title: title.to_owned(),
            ..Self::default()
        })
    }

    /// Reads a field line (`结论：通过`, `牵头人：郭富城；配合人：合规部 张学友`); false when the
    /// line is not one.
    pub(crate) fn field(&mut self, body: &str) -> bool {
        let body = body.replace("**", "");
        // `责任人：苗青  配合：许文博`: fields apart by `；`, by a run of spaces, or by a key after a
        // space, `|` or `，` (`负责人：王磊 时限：3月20日前`).
        let parts = field_parts(&body);
        // `问题二：…` after a finding's fields: the next finding.
        if self.finding && finding_start(body.trim_start()).is_some() {
            return false;
        }
        // `其他：某某本周内把评审意见汇总…`: other matters, after the block, not one of its fields.
        if ["其他：", "其它：", "其他事项：", "其他:", "其它:"]
            .iter()
            .any(|k| body.trim_start().starts_with(k))
        {
            return false;
        }
        let mut any = false;
        // The field the part before was (`责任人：段宏出具合规意见；龚正排期开发`: the second part
        // continues the owners).
        let mut prev: Option<char> = None;
        for part in &parts {
            let unkeyed = !part.contains(['：', ':']);
            if unkeyed && prev == Some('L') && split_key(part, HELP).is_none() {
                self.lead.push('；');
                self.lead.push_str(part.trim());
                continue;
            }
            if unkeyed && prev == Some('D') {
                self.due.push('；');
                self.due.push_str(part.trim());
                continue;
            }
            // `安排：任思彤负责开发，…；数据口径由钟文博复核`: the second part is more of that field.
            if unkeyed && prev == Some('E') {
                self.extra.push(part.trim().to_owned());
                continue;
            }
            prev = None;
            // `内容：…` under `【需求A】…` before its conclusion: described, not decided.
            if self.takes_description(part) {
                any = true;
                continue;
            }
            // `事项：…` after a general block's fields: the next block.
            if self.general && work_key(part).is_some() {
                if self.describe(part) {
                    any = true;
                    continue;
                }
                return false;
            }
            // The longer keys first: `配合人` before `配合`, `完成时限` before `时限`.
            if let Some(v) = split_key(part, HELP) {
                self.help.push_str(v);
                self.help.push('、');
            } else if let Some(v) = split_key(part, LEAD) {
                // `姚远（配合：人力资源部 金鑫）`: helpers in parentheses after the lead.
                let (lead, help) = paren_helpers(v);
                self.lead.push_str(lead);
                self.lead.push('、');
                prev = Some('L');
                if let Some(h) = help {
                    self.help.push_str(h);
                    self.help.push('、');
                }
            } else if let Some(v) = split_key(part, DUE) {
                self.due = v.to_owned();
                prev = Some('D');
            } else if let Some(v) = split_key(part, STATE) {
                self.state = v.to_owned();
            } else if let Some(v) = split_key(part, CONCLUSION) {
                // `会议结论：需求1、3进入迭代，需求2暂缓` after the last block: the meeting's, not
                // this block's.
                if keys::meeting_wide(part) {
                    return false;
                }
                self.conclusion = v.to_owned();
                self.after_conclusion = true;
                any = true;
                continue;
            } else if self.finding
                && self.lead.is_empty()
                && let Some(v) = split_key(part, REMEDY)
            {
                // The remedy is the work: the block's item reads as it.
                self.title = v.trim_end_matches('。').to_owned();
            } else if self.lead.is_empty() && split_key(part, ACTION).is_some() {
                // `结论：…` then `行动：孟河牵头修订手册，3月20日前`: before any owner, an action
                // line is a task of its own, not a field of the block above.
                return false;
            } else if let Some(v) = split_key(part, NEXT)
                .or_else(|| split_key(part, ACTION).filter(|_| !self.lead.is_empty() && self.next.is_empty()))
            {
                self.next.push(v.to_owned());
                self.in_next = true;
                self.after_conclusion = false;
                any = true;
                continue;
            } else if self.in_next && !keyed(part) {
                self.next.push(part.trim().to_owned());
                continue;
            } else if split_key(part, OTHER).is_some() {
                // Described, not decided: part of the block, nothing to keep.
            } else if let Some(v) = other_field(part) {
                self.extra.push(v.to_owned());
                prev = Some('E');
            } else if any {
                // The rest of a conclusion: `结论：同意；由合规部出敏感词库`, which may name
                // who does it and by when.
                if !self.conclusion.is_empty() {
                    self.conclusion.push('；');
                    self.conclusion.push_str(part.trim());
                }
                continue;
            } else if self.after_conclusion
                && parts.len() == 1
                && !part.contains(['：', ':'])
                && split_key(part, STARTS).is_none()
                && part.chars().count() <= 40
                && self.conclusion.chars().count() >= 8
                && !self.conclusion.ends_with(['。', '！', '；', '.', '）', ')'])
            {
                // `评审结论：通过，但需运营管理部先补充` / `分类规则说明，信息技术部再排期`.
                self.conclusion.push_str(part.trim());
            } else {
                return false;
            }
            self.after_conclusion = false;
            self.in_next = false;
            any = true;
        }
        any
    }

    /// The owner field is written and names nobody yet (`负责人：未分配`, `负责人：待定`).
    fn owner_unassigned(&self) -> bool {
        let lead = self.lead.trim_matches(['、', ' ', '；', ';']);
        !lead.is_empty() && is_placeholder(lead)
    }

    /// The block's own item, if any (its side work aside: [`Block::finish`]).
    fn finish_block(self, ctx: &Ctx<'_>) -> Outcome {
        // `状态：已完成`, `结论：已关闭`: nothing left to do.
        if is_done(&self.state) || is_done(&self.conclusion) {
            return Outcome::Nothing(self.title);
        }
        // A finding whose remedy is done (`措施：…，已于4月底完成；时限：已完成`) or standing
        // (`时限：长期`, `常态化开展`): nothing new to do.
        if self.finding
            && (is_done(&self.due)
                || is_done(&self.title)
                || self.title.split(['，', ',']).any(is_done)
                || ["长期", "持续", "常态化"]
                    .iter()
                    .any(|w| self.due.starts_with(w) || self.title.contains(w)))
        {
            return Outcome::Nothing(self.title);
        }
        // `结论：运行平稳，本月无新增工作安排`: no owner, no follow-up, and the conclusion says
        // there is no new work.
        if self.lead.is_empty() && self.next.is_empty() && no_work::says_no_work(&self.conclusion) {
            return Outcome::Nothing(self.title);
        }
        if REJECT
            .iter()
            .any(|w| self.conclusion.contains(w) || self.state.contains(w))
        {
            return match self.rework(ctx) {
                Some(item) => Outcome::Item(Box::new(item)),
                None => Outcome::Rejected(self.title),
            };
        }
        if let Some(items) = self
            .listed_items(ctx)
            .or_else(|| self.lead_items(ctx))
            .or_else(|| self.conclusion_items(ctx))
        {
            return Outcome::Items(items);
        }
        let mut owners = ctx.people(&self.lead);
        // Owners named only in a remark after the conclusion's `；` (`通过。；阎某准备样本`).
        let mut remark_owners = Vec::new();
        // No owner field: one named in the conclusion (`结论：通过，由合规部尤佳牵头`).
        if owners.is_empty() {
            let said = ctx.scan(&self.conclusion);
            if said.how != OwnerHow::None {
                let head = self.conclusion.split(['；', ';']).next().unwrap_or_default();
                if head.len() < self.conclusion.len() && ctx.scan(head).how == OwnerHow::None {
                    remark_owners.clone_from(&said.owners);
                }
                owners = said.owners;
            }
        }
        // `待办：王磊整理名单` then `时限：3月20日`: the work names its owner.
        if owners.is_empty() && self.general {
            let said = ctx.scan(&self.title);
            if said.how != OwnerHow::None {
                owners = said.owners;
            }
        }
        // Other fields naming people or a date (`开发：陶然；测试：范冰`, `补充材料：谢安，9月15日前`).
        let mut extra_due = None;
        for v in &self.extra {
            let said = ctx.scan(v);
            if said.how != OwnerHow::None && self.lead.is_empty() {
                for o in said.owners.clone() {
                    if !owners.contains(&o) {
                        owners.push(o);
                    }
                }
            }
            if said.deadline.is_some() && extra_due.is_none() {
                extra_due = Some(said);
            }
        }
        order::remark_owners_last(&mut owners, &remark_owners);
        for o in ctx.people(&self.help) {
            if !owners.contains(&o) {
                owners.push(o);
            }
        }
        // The work asked for in a field of its own (`要求：五一后第一个工作日提交测试方案`) or after
        // the owner's name (`负责人：韦振东，下下周一前完成开发排期`), naming no one else.
        let asked = self.asked_work(ctx);
        // Without a deadline field, one in the conclusion (`结论：通过，三个工作日内出方案`), else
        // one with the work asked.
        let mut due = if self.due.is_empty() {
            Some(ctx.scan(&self.conclusion))
                .filter(|s| s.deadline.is_some())
                .or(extra_due)
                .or_else(|| asked.iter().find(|s| s.deadline.is_some()).cloned())
                // `负责人：覃雨航（主办）；10月16日前完成开发`: the owner field gives the date.
                .or_else(|| {
                    self.lead
                        .split(['；', ';'])
                        .map(|p| ctx.scan(p.trim_matches(['、', ' '])))
                        .find(|s| s.deadline.is_some())
                })
                // `整改措施：双录视频补录，由简若溪负责，月底前完成。` as the block's work: the
                // line that gives the work its owner gives its date too (not a step's clock time
                // over an `执行人：` field, nor a date heading a review).
                .or_else(|| {
                    Some(ctx.scan(&self.title))
                        .filter(|s| !owners.is_empty() && s.how != OwnerHow::None && s.deadline.is_some())
                })
        } else {
            Some(ctx.field_deadline(&self.due))
        };
        if owners.is_empty() && due.as_ref().is_none_or(|d| d.deadline_text.is_none()) {
            // `⬜ 5. 报告上报稽核部——冷雪——下下周一` over a `结论：…` line: the title is a task of
            // its own, with its owner and date.
            let own = ctx.scan(&without_requester(&self.title));
            // The title's owner is one of the group: `XX混合（公募）` over `审议意见：同意` names a
            // product's kind in its brackets, nobody.
            let a_member = own.owners.iter().any(|o| matches!(o, OwnerRef::Person(_)));
            if own.how != OwnerHow::None && own.deadline.is_some() && a_member {
                owners = own.owners.clone();
                due = Some(own);
            } else if !(self.general && self.owner_unassigned()) {
                return Outcome::Nothing(self.title);
            }
            // `事项：…；负责人：未分配；截止：未设置` (a pasted task card): work written down with
            // its owner still to name, an item with nobody and no date.
        }
        let scanned = ctx.scan(&self.title);
        // A conclusion that asks for more than a yes (`需补充数据授权文件后再评`) is part of the task.
        let asks = !["通过", "同意", "approved", "Approved"]
            .iter()
            .any(|w| self.conclusion.starts_with(w))
            && ["需", "请", "补充", "完善"]
                .iter()
                .any(|w| self.conclusion.contains(w));
        // `结论：原则通过，毛小川先出设计稿`: a conclusion giving work to someone says the task.
        let names_work = ctx.scan(&self.conclusion).how != OwnerHow::None;
        // `完成时限：3个工作日内提交详细需求说明书`: the deadline field says the task too.
        let due_task = due
            .as_ref()
            .map(|d| {
                d.text
                    .trim()
                    .trim_matches(['（', '）', '(', ')'])
                    .trim()
                    .to_owned()
            })
            .filter(|t| has_task_verb(t) && !self.title.contains(t.as_str()));
        let mut title = if asks || names_work {
            format!("{}（{}）", self.title, self.conclusion.trim_end_matches('。'))
        } else {
            self.title
        };
        if let Some(t) = due_task {
            title = format!("{title}：{t}");
        }
        for a in &asked {
            let work = clean_title(&a.text, a.deadline_text.as_deref());
            let work = work.trim_matches(|c: char| c.is_whitespace() || "，,。；".contains(c));
            if has_task_verb(work) && !title.contains(work) {
                title = format!("{title}：{work}");
            }
        }
        let (deadline, deadline_text) = due.map_or((None, None), |d| (d.deadline, d.deadline_text));
        Outcome::Item(Box::new(ActionItem {
            text: clean_title(&title, None),
            owners,
            deadline,
            deadline_text,
            priority: scanned.priority,
            units: Vec::new(),
        }))
    }
}
