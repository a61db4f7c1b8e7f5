//! Tables of tasks in minutes (pure): markdown (`| 事项 | 负责人 | 截止 |`) or tab-separated,
//! one item per row.

use crate::domain::priority::Priority;
use crate::minutes::item::{ActionItem, clean_title};
use crate::minutes::scan::{Ctx, DEPARTMENT_ENDS, is_place_or_units, push_unique};

use self::columns::{
    deadline_work, people_column, person_column, planned_column, raci_responsible, second_person_column,
};
use self::state::{STANDING, ends_closed, is_done, is_empty_task, is_shelved, moved_to};

mod blank_cell;
pub(crate) mod caption;
mod clock;
mod columns;
pub(crate) mod header_row;
mod listing;
mod merged;
mod recurring;
mod register;
mod remark;
mod state;
mod subject;

/// A markdown table's column roles.
pub(crate) struct Table {
    task: usize,
    /// The issue a measures column answers (`| 问题描述 | 整改措施 |`).
    issue: Option<usize>,
    owner: Option<usize>,
    help: Option<usize>,
    deadline: Option<usize>,
    priority: Option<usize>,
    /// This week's state of the row (`| 本周情况 |`), which may give the work anew.
    status: Option<usize>,
    /// A remark beside the row (`| 备注 |`), which goes after the item's text.
    remark: Option<usize>,
    /// The owner cell of the row above, for a merged (blank) one below it.
    above: std::cell::RefCell<String>,
    /// Whether a unit column stands beside the owner's (`| 责任部门 | 责任人 |`).
    units: bool,
    /// Whether the task column is the next step (`| 进展 | 下一步 |`).
    next_step: bool,
    /// Whether the table is a listing of records, no work in its rows ([`Table::see_rows`]).
    listing: bool,
    /// A yes/no column of whether the row is finished (`| 是否办结 |`, `| 是否完成 |`).
    settled: Option<usize>,
    /// Whether the deadline column holds the next step too (`| 下一步/时限 |`): what is written
    /// beside its date is the work, whatever its verb.
    due_with_work: bool,
}

/// Whether `line` is a row of a tab-separated table, or of one aligned with spaces (three cells
/// or more, apart by a tab or by two spaces or more).
pub(crate) fn is_tab_row(line: &str) -> bool {
    split_aligned(line).iter().filter(|c| !c.is_empty()).count() >= 3
}

/// The cells of a row apart by tabs (an empty cell kept), or else by runs of two spaces or more.
fn split_aligned(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        return line.split('\t').map(str::trim).collect();
    }
    // `事项 | 负责人 | 完成时间`: a table written without its outer bars (`｜` full width too).
    if line.matches(['|', '｜']).count() >= 2 {
        return line.split(['|', '｜']).map(str::trim).collect();
    }
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("  ") {
        out.push(rest.get(..i).unwrap_or_default());
        rest = rest.get(i..).unwrap_or_default().trim_start_matches(' ');
    }
    out.push(rest);
    out.into_iter().map(str::trim).filter(|c| !c.is_empty()).collect()
}

impl Table {
    /// `| 空调巡检记录缺失 | 严冬 | 仍未解决，转给路遥跟进，6月12日前补齐记录 |`: a state cell
    /// that gives the work anew (a date, or someone else to do it) is the item: the issue, then
    /// what is to be done, by whom the cell names (else the owner column) and when.
    fn given_anew(
        &self,
        task: &str,
        state: &str,
        owner: &str,
        help: &str,
        ctx: &Ctx<'_>,
    ) -> Option<ActionItem> {
        if state.trim().is_empty() {
            return None;
        }
        let scanned = ctx.scan(state);
        let owners: Vec<_> = scanned
            .owners
            .iter()
            .filter(|o| o.person().is_some())
            .cloned()
            .collect();
        let column_owners = ctx.people(owner);
        let someone_else = !owners.is_empty() && owners != column_owners;
        if scanned.deadline.is_none() && !someone_else {
            return None;
        }
        let work = clean_title(&scanned.text, scanned.deadline_text.as_deref());
        Some(ActionItem {
            text: format!("{}：{work}", task.trim()),
            // `| 交接事项 | 接收人 | 监交人 | 7月10日前完成划转 |`: the row's people, helpers too.
            owners: if owners.is_empty() {
                let mut all = column_owners;
                for o in ctx.people(help).into_iter().filter(|o| o.person().is_some()) {
                    push_unique(&mut all, o);
                }
                all
            } else {
                owners
            },
            deadline: scanned.deadline,
            deadline_text: scanned.deadline_text,
            priority: scanned.priority,
            units: Vec::new(),
        })
    }
}

fn cells(row: &str) -> Vec<String> {
    if !row.trim_start().starts_with('|') && is_tab_row(row) {
        return split_aligned(row).into_iter().map(str::to_owned).collect();
    }
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(|c| c.trim().to_owned()).collect()
}

impl Table {
    pub(crate) fn header(row: &str) -> Option<Self> {
        let cs = cells(row);
        // `Action: 拆解转化漏斗 | Owner: 陈静 | Due: 7月24日`: one labelled record, not a header.
        if cs.iter().any(|c| {
            c.split_once([':', '：'])
                .is_some_and(|(_, v)| !v.trim().is_empty())
        }) {
            return None;
        }
        let find = |words: &[&str]| {
            cs.iter()
                .position(|c| words.iter().any(|w| c.to_lowercase().contains(w)))
        };
        // A person column (`责任人`) wins over a department column (`责任部门`).
        let owner = find(&[
            "负责人",
            "责任人",
            "owner",
            "主办人",
            "承办人",
            "牵头人",
            "执行人",
            "跟进人",
            "对接人",
            "落实人",
            "assignee",
            "responsible",
            "责任方",
            // `| 交接事项 | 移交人 | 接收人 | 监交人 |`: who takes the work over does it.
            "接收人",
            "接手人",
            "承接人",
        ])
        // `| 任务 | R | A | C | I |`: a RACI table's R (responsible) column, before the words
        // below (`A（负责）` is who answers for it, not who does it).
        .or_else(|| raci_responsible(&cs))
        // `| 活动 | 分工 | 时间要求 |`: who does what, lead first.
        // `| 事项 | 主责 | 配合 | 节点 |`: the leading role (主责, 主办) names the owner.
        .or_else(|| find(&["负责", "责任", "主责", "主办", "承办", "牵头", "分工"]))
        .or_else(|| person_column(&cs));
        // `| 日期 | 主题 | 筹备截止 |`: a column named for the due day wins over a plain date (the
        // day an event is held).
        let deadline = find(&[
            "截止",
            "计划完成",
            "预计完成",
            "完成时间",
            "期限",
            "时限",
            // `| 跟進人 | 限期 |`: a Hong Kong table's word.
            "限期",
            "deadline",
            "due",
            "ddl",
        ])
        // `| Action | Owner | ETA |`: the expected day, a cell of its own (not `details`).
        .or_else(|| {
            cs.iter()
                .position(|c| ["eta", "etd", "target date"].contains(&c.trim().to_lowercase().as_str()))
        })
        .or_else(|| {
            find(&[
                "节点", "时间", "日期", "date", "排期",
                // `| 变更内容 | 实施负责人 | 实施窗口 |`: a change is due by its window.
                "窗口", "window",
            ])
        })
        .or_else(|| planned_column(&cs));
        let priority = find(&["优先", "priority"]);
        // `| 实施负责人 | 回滚负责人 |`: a second person column (after the lead's) names a
        // second owner, like a helper's.
        // `| 需求 | 开发 | 测试 | 排期 |`: who tests it shares the work.
        let help = find(&[
            "配合", "协办", "协助", "陪同", "协同", "监交", "support", "helper",
        ])
        // `| 经办 | 复核 |`: who checks the handling shares it.
        .or_else(|| cs.iter().position(|c| ["复核", "复核人"].contains(&c.trim())))
        .or_else(|| cs.iter().position(|c| ["测试", "QA", "qa"].contains(&c.trim())))
        .filter(|h| Some(*h) != owner)
        .or_else(|| second_person_column(&cs, owner))
        .or_else(|| people_column(&cs, owner));
        // The task column: a task word, else the measures of an issue table (`问题 | 整改措施`).
        // `| 需求编号 | 需求名称 |`: a number column names no task.
        let is_number = |c: &str| {
            // `| 需求单号 |`, `| 工单号 |`: a docket's number too.
            ["编号", "序号", "单号", "id", "#", "no."]
                .iter()
                .any(|w| c.to_lowercase().contains(w))
        };
        let column = |words: &[&str]| {
            cs.iter().enumerate().position(|(i, c)| {
                Some(i) != owner
                    && Some(i) != deadline
                    && !is_number(c)
                    && words.iter().any(|w| c.to_lowercase().contains(w))
            })
        };
        // `| 项目 | 当前进展 | 下一步 | 负责人 |`: the next step is the task.
        // `| 结论 | 条件/跟进 |`, `| 今日计划 | 需跟进事项 |`: what is to be followed up too.
        let next_step = column(&["下一步", "next step", "后续", "跟进"]);
        let task_words: &[&str] = &[
            "事项", "任务", "内容", "工作", "待办", "action", "task", "item", "行动", "需求", "what",
            // `| 步骤 | 负责人 | 时限 |` (a checklist), `| 活动 | 分工 |` (a plan of events),
            // `| 场次 | 主题 | 筹备负责人 |` (events by their theme).
            "步骤", "活动", "环节", "step", "主题", "topic",
            // `| 编号 | 选题 | 结论 | 撰稿 |`: a topic list's topics.
            "选题",
        ];
        // `| 主体/事项 | 工作内容 |`: the subject's column gives way to the work's.
        let named = next_step.or_else(|| {
            let matching: Vec<usize> = (0..cs.len())
                .filter(|i| {
                    Some(*i) != owner
                        && Some(*i) != deadline
                        && cs.get(*i).is_some_and(|c| {
                            !is_number(c) && task_words.iter().any(|w| c.to_lowercase().contains(w))
                        })
                })
                .collect();
            subject::work_column(&cs, &matching)
        });
        // `| 投诉事项 | 处理措施 |`, `| 客群 | 沟通方式 |`: how a row is dealt with is the work.
        let measures =
            column(subject::MEASURES).filter(|i| !cs.get(*i).is_some_and(|c| subject::names_contact(c)));
        let measures = measures
            .or_else(|| subject::requirement_column(&cs, &[owner, deadline]))
            // `| 事项 | 金额 | 处理 | 负责人 |`: a column headed only 处理 says what is done.
            .or_else(|| cs.iter().position(|c| ["处理", "处置"].contains(&c.trim())))
            .or_else(|| column(subject::DECIDED));
        // `| 员工 | 得分/等级 | 主要问题 | 改进措施 | 完成时间 |`: with measures to take, whose
        // row it is names the owner (a roster's `| 姓名 | 岗位 | 班次 |` names none).
        // `| 问题 | 处理措施 | 经办 | 复核 | 时限 |`: who handles the measure (a procedure's `| 节点 |
        // 内容 | 经办 |` names roles, not work).
        // `| 姓名 | 昨日开户 | 需跟进事项 |`: so does a huddle's row with its follow-up.
        let owner = owner.or_else(|| {
            measures.or(next_step).and_then(|_| {
                cs.iter()
                    .position(|c| ["员工", "姓名", "经办"].contains(&c.trim()))
            })
        });
        let subject = column(&["项目", "project"]);
        // `| 序号 | 整改项 | 责任人 | 完成时限 | 状态 |`: with no task word, the first column that
        // is none of the others (nor a number, status or remark) holds the work.
        let other = || {
            let status_like = ["状态", "情况", "进展", "进度", "备注", "status", "note", "remark"];
            let free = |i: usize, c: &String| {
                Some(i) != owner
                    && Some(i) != deadline
                    && Some(i) != priority
                    && Some(i) != help
                    && !c.trim().is_empty()
                    && !is_number(c)
                    && !status_like.iter().any(|w| c.to_lowercase().contains(w))
            };
            // `| 类别 | 意见摘要 | 处理 | 落实人 |`: a column of kinds gives way to the next one;
            // `| 营业部 | 物料 | 处理意见 |`: so does who asked, before the thing asked for.
            let asker = |i: usize| {
                cs.get(i)
                    .is_some_and(|c| ["营业部", "部门", "网点"].iter().any(|w| c.trim().ends_with(w)))
                    && cs
                        .get(i + 1)
                        .is_some_and(|n| ["物料", "物品", "名称", "产品"].contains(&n.trim()))
            };
            (0..cs.len())
                .find(|i| {
                    cs.get(*i)
                        .is_some_and(|c| free(*i, c) && !subject::names_group(c) && !asker(*i))
                })
                .or_else(|| cs.iter().enumerate().position(|(i, c)| free(i, c)))
        };
        let task = next_step
            .or(measures)
            .or(named)
            .or_else(|| column(&["问题"]))
            .or(subject)
            // `| 客户 | 拜访目的 | 负责人 |`: what a visit is for is its work, not whom it visits.
            .or_else(|| column(&["目的", "purpose"]))
            // `| 巡检对象 | 巡检重点 | 负责人 |`: what to look at in each place is the work.
            .or_else(|| column(&["重点", "要点"]))
            // `| 编号 | 银行 | 金额 | 原因 | 处理人 | 处理时限 |`: a register of differences to
            // clear: the cause says what each row's work is about.
            .or_else(|| deadline.and(column(&["原因", "异常描述", "差异描述"])))
            .or_else(|| deadline.and(other()))?;
        // `| 项目 | 负责人 | 进度 | 备注 |` with no date column: a progress report, not tasks.
        let progress = find(&["进度", "进展", "完成率", "完成情况", "progress"]);
        if Some(task) == subject && progress.is_some() && deadline.is_none() {
            return None;
        }
        // `| 编号 | 提交人 | 问题 | 结果 |`: a register of cases and their outcomes, not work.
        if register::is_register(&cs, task, deadline, next_step) {
            return None;
        }
        // `| 问题描述 | 整改措施 |`: the measure answers the issue, which names the task;
        // `| 需求 | 结论 | 后续 |`: the next step is about the requirement.
        let issue = named
            .or_else(|| column(&["问题"]))
            .or_else(|| cs.iter().position(|c| subject::names_subject(c)))
            .filter(|i| next_step.is_none() && measures == Some(task) && *i != task)
            .or_else(|| {
                next_step
                    .and_then(|_| column(&["需求", "事项", "项目", "project", "议题"]).filter(|i| *i != task))
            })
            // `| 巡检对象 | 巡检重点 |`: the place the focus is about goes before it.
            .or_else(|| column(&["对象"]).filter(|i| *i != task && column(&["重点", "要点"]) == Some(task)))
            // `| 类别 | 意见摘要 | 处理 |`: what is handled goes before how.
            .or_else(|| other().filter(|i| *i != task && measures == Some(task) && next_step.is_none()));
        let status = column(&["情况", "进展", "状态", "status"]).filter(|i| *i != task);
        // `| 指标 | 执行情况 | 处置要求 |` with no one's column: the measure names who takes it
        // (`某甲牵头、某乙配合制定…`).
        let owner = owner.or(measures.filter(|m| {
            *m == task
                && deadline.is_none()
                && cs
                    .get(*m)
                    .is_some_and(|h| subject::DECIDED.iter().any(|w| h.contains(w)))
        }));
        owner.map(|_| {
            Self {
                task,
                issue,
                owner,
                help,
                deadline,
                priority,
                status,
                remark: None,
                above: std::cell::RefCell::default(),
                units: merged::unit_column(&cs, owner),
                next_step: next_step == Some(task),
                due_with_work: deadline
                    .and_then(|d| cs.get(d))
                    .is_some_and(|c| ["下一步", "后续", "措施"].iter().any(|w| c.contains(w))),
                listing: false,
                settled: state::settled_column(&cs),
            }
            .with_remark(&cs)
        })
    }

    /// The table's data rows (after its header) seen whole: with no deadline column and its work
    /// column holding a few values over many rows, it is a listing ([`listing`]) and gives no item.
    pub(crate) fn see_rows<'a>(&mut self, rows: impl Iterator<Item = &'a str>) {
        let all: Vec<Vec<String>> = rows
            .map(cells)
            .filter(|cs| {
                !cs.iter()
                    .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
            })
            .collect();
        let work: Vec<&str> = all
            .iter()
            .map(|cs| cs.get(self.task).map_or("", String::as_str))
            .collect();
        self.listing = self.deadline.is_none() && listing::is_listing(&work);
        // `| 时间 | 步骤 | 执行人 |` with `| 19:30 | 停止前置接入 | 某某 |`: the night's plan, hour
        // by hour (a runbook, a run sheet), not work to follow up.
        // (`| 序号 | 时间 | 步骤 | 执行人 |`: the hours may stand in any column.)
        let width = all.iter().map(Vec::len).max().unwrap_or(0);
        let timed = (0..width).any(|i| {
            let hours = all
                .iter()
                .filter(|cs| cs.get(i).is_some_and(|c| clock::is_clock_time(c)))
                .count();
            hours * 5 >= all.len() * 4
        });
        if all.len() >= 3 && timed {
            self.listing = true;
        }
    }

    /// A table whose caption says it holds no tasks of this meeting ([`caption`]): no item.
    pub(crate) fn for_reference(&mut self) {
        self.listing = true;
    }

    /// One row as an item; `more` says whether another row of the table follows it.
    pub(crate) fn row(&self, row: &str, more: bool, ctx: &Ctx<'_>) -> Option<ActionItem> {
        if self.listing {
            return None;
        }
        let cs = cells(row);
        if cs
            .iter()
            .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            return None;
        }
        let cell = |i: Option<usize>| i.and_then(|i| cs.get(i)).map(String::as_str).unwrap_or_default();
        // `|  | 庞雨桐 | 跟岗… |`: an owner cell left blank under a filled one is merged with it
        // (see `merged`).
        let owner_cell = match cell(self.owner).trim() {
            "" if merged::merged_with_above(self.owner, self.units, more) => self.above.borrow().clone(),
            c => {
                self.above.replace(c.to_owned());
                c.to_owned()
            }
        };
        let task = cell(Some(self.task));
        if is_empty_task(task)
            || task.contains("[x]")
            || (self.next_step && state::no_step(task, cell(self.deadline)))
            // `| 已调解 | 结案归档 |`: the case's state before its next step leaves that step to do.
            || cs
                .iter()
                .enumerate()
                .any(|(i, c)| is_done(c) && !(self.next_step && i < self.task))
            // `| 投顾系统账号开通（已完成） |`: the work's own cell says it is done.
            || task
                .trim()
                .strip_suffix(['）', ')'])
                .and_then(|t| t.rsplit_once(['（', '(']))
                .is_some_and(|(_, aside)| is_done(aside))
            || cs
                .iter()
                .enumerate()
                .any(|(i, c)| i != self.task && ends_closed(c))
            // `| 退回修改（已改） |`: another cell whose aside says the case is settled.
            || cs
                .iter()
                .enumerate()
                .any(|(i, c)| i != self.task && register::closing_aside(c).is_some_and(is_done))
            || cs
                .iter()
                .enumerate()
                .any(|(i, c)| {
                    i != self.task
                        && (is_shelved(c)
                            // `| 选题 | 结论：待定（等采访对象） |`: not decided yet (a date
                            // or an owner `待定` is only none named).
                            || (![self.deadline, self.owner, self.help].contains(&Some(i))
                                && c.trim().starts_with("待定")))
                })
            // `| 暂缓，下半年再议 |` as the next step (not `暂停网点回访`, a task).
            || (is_shelved(task) && (task.contains(['，', ',', '；']) || is_empty_task(&owner_cell)))
            // `| 长期 |` as the deadline: a standing requirement, not a task.
            || ["长期", "常态化"].contains(&cell(self.deadline).trim())
            // `| 指标 | 新增有效户 | 某某 | 2.5万户 |`: a target, not a day.
            || (self.deadline.is_some() && state::is_figure(cell(self.deadline)))
            // `| 长期整改，按季度抽查 |`: a standing measure, no one piece of work.
            || cs.iter().any(|c| c.trim().starts_with("长期整改"))
            // `| 是否办结 | 是 |`: the row is finished; `| 常态 |`: a standing duty.
            || (self.settled.is_some() && state::says_yes(cell(self.settled)))
            || cs.iter().any(|c| STANDING.contains(&c.trim()))
            // `| 漏洞扫描与通报 | 某某 | 持续 |`: ongoing work, no single due date — unless its
            // status says it is still to do (`| 持续 | 待办 |`).
            || (cell(self.deadline).trim() == "持续"
                && !cs.iter().any(|c| ["待办", "未开始", "待启动"].contains(&c.trim())))
            // `| 每季度 |` as the deadline: a duty repeated on a cycle, no one piece of work.
            || (self.deadline.is_some() && recurring::only_a_cycle(cell(self.deadline)))
            // `| 周报 | 某某 | 每周五 |`: weekly, unless still to do (`| 每周五 | 进行中 |`).
            || (recurring::weekly_day(cell(self.deadline))
                && !cs.iter().any(|c| ["待办", "未开始", "待启动", "进行中"].contains(&c.trim())))
            // `| 每月5日 | 常规 |`: a routine duty. One given to someone without that mark
            // (`| 每日收盘后统计… | Eric | 持续 | 待办 |`) is theirs, with no single due date.
            // `| 每周一（常规） |`: the mark after when it recurs.
            // `| 常规工作 |`, `| 例行事项 |`: the routine word with what it marks.
            || cs.iter().map(|c| c.trim()).any(|c| {
                ["常规", "例行", "日常"].iter().any(|p| {
                    c.strip_prefix(p).is_some_and(|r| {
                        ["", "工作", "事项", "任务", "要求", "安排"].contains(&r)
                            // `| 常规，照做 |`: the mark, then a word on it.
                            || r.starts_with(['，', ','])
                    })
                }) || ["（常规）", "（例行）", "（日常）", "(常规)", "(例行)", "(日常)"]
                    .iter()
                    .any(|m| c.ends_with(m))
            })
            // `| T | 6月2日 | 簿记建档 | — |`: a dash where the owner goes, with a date — a
            // milestone of the timetable nobody is given, not a task.
            || (self.owner.is_some()
                && ["—", "——", "-", "–", "/"].contains(&cell(self.owner).trim())
                && ctx.field_deadline(cell(self.deadline)).deadline.is_some()
                // `| 客户迁址告知公告 | — | 本月20号前 | 未开始 |`: work still to start is a task.
                && !cs.iter().any(|c| ["未开始", "进行中", "未完成", "待启动", "待办"].contains(&c.trim())))
            // `| 风险 | 供应商切换可能推迟 | — | — | 持续关注 |`: a risk watched, not work.
            || cs.iter().any(|c| ["持续关注", "关注中", "持续监控"].contains(&c.trim()))
        {
            return None;
        }
        if let Some(item) = self.given_anew(task, cell(self.status), cell(self.owner), cell(self.help), ctx) {
            return Some(item);
        }
        // A measure naming its own people (no one's column): read with the work below.
        let mut owners = if self.owner == Some(self.task) {
            Vec::new()
        } else {
            ctx.people(&owner_cell)
        };
        // `| 各营业部 |`: a set of units is whom the work reaches, no owner (as in a line).
        owners.retain(|o| o.person().is_some() || !is_place_or_units(o.name()));
        // `| 芮琦 | 信息技术部 |`: beside a person who leads, a unit that helps is no owner.
        let led_by_someone = owners.iter().any(|o| o.person().is_some());
        for o in ctx.people(cell(self.help)) {
            let unit = is_place_or_units(o.name()) || o.name().ends_with(DEPARTMENT_ENDS);
            if led_by_someone && o.person().is_none() && unit {
                continue;
            }
            if !owners.contains(&o) {
                owners.push(o);
            }
        }
        let mut dl = ctx.field_deadline(cell(self.deadline));
        // `| 9月15日 | 延至10月16日，不再延期 |`: the row's deadline moved in its state cell.
        if let Some(moved) = moved_to(&cs, &[Some(self.task), self.deadline], ctx) {
            dl = moved;
        }
        // Read before a row's event date gives way to the work's own earlier one (below).
        let said_apart = dl.deadline.is_none() && blank_cell::is_dayless_when(cell(self.deadline));
        let scanned = ctx.scan(task);
        // `| 3月5日 | 某某 | 某某3月2日前确认会场 |`: the work's own deadline, before the row's
        // date, is when it is due (the date is the event it prepares).
        if let (Some(own), Some(col)) = (scanned.deadline, dl.deadline)
            && own.at < col.at
        {
            dl.deadline = None;
            dl.deadline_text = None;
        }
        let priority = self
            .priority
            .and_then(|_| Priority::parse(cell(self.priority)))
            .or(scanned.priority);
        // With a deadline column, a date word in the task cell that is not that deadline names
        // the task (`五一假期值班表报分公司`, due `五一前`): it stays.
        let issue = cell(self.issue).trim();
        // `| 客户30日留存分析 | 某某 | 8月下旬 |`: the deadline column says when, even without a day
        // (`下旬`, `待定`); a date word in the task cell names the task, it is not the deadline.
        let scanned = if said_apart {
            crate::minutes::scan::Scan {
                deadline: None,
                deadline_text: None,
                text: task.to_owned(),
                ..scanned
            }
        } else {
            scanned
        };
        let text = if dl.deadline.is_some() && scanned.deadline != dl.deadline && scanned.owners.is_empty() {
            clean_title(task, None)
        } else {
            clean_title(&scanned.text, scanned.deadline_text.as_deref())
        };
        let text = match dl
            .deadline
            .as_ref()
            .map(|_| deadline_work(cell(self.deadline), &dl, self.due_with_work))
        {
            Some(Some(work)) if !text.contains(&work) => format!("{text}：{work}"),
            _ => text,
        };
        let text = if issue.is_empty() || is_empty_task(issue) {
            text
        } else {
            format!("{issue}：{text}")
        };
        let text = self.remarked(&cs, text);
        Some(ActionItem {
            text,
            owners: if owners.is_empty() { scanned.owners } else { owners },
            deadline: dl.deadline.or(scanned.deadline),
            deadline_text: dl.deadline_text.or(scanned.deadline_text),
            priority,
            units: Vec::new(),
        })
    }
}
