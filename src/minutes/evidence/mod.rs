//! The evidence a line of minutes shows (pure): which [`Signal`]s fire, and its score.

use crate::minutes::layout::{Marker, Section};
use crate::minutes::scan::{OwnerHow, TELLS, has_task_verb};
use crate::minutes::weights::{Signal, threshold, weight};

use self::words::{
    CHATTER, MEETING_RECORD, MODAL, NOT_CHATTER, NOT_MODAL, NOTE_LABELS, REJECTED, REQUESTS, RESCHEDULED,
    SETTLED, SHORT_VERBS, STANDING, UNITS_TOLD,
};

mod also_asked;
mod appointed;
mod arrow;
pub(crate) mod arrow_unit;
mod attend_object;
mod carried;
mod chair_line;
mod clues;
mod countdown;
mod dated_head;
mod done_object;
mod due_pending;
mod english;
mod everyone;
mod facts;
mod labelled;
mod lead_in;
mod left_open;
mod marked_work;
mod named_head;
mod next_meeting;
mod not_yet;
mod object_count;
mod ongoing;
mod open_date_clause;
mod open_field;
mod owner_clause;
mod owner_to_name;
mod period_figure;
mod progress;
mod quota;
mod record;
mod remaining;
mod rota;
mod self_paced;
mod speech;
mod takes_time;
mod tally;
mod title_date;
mod unit_head;
mod verdict_noun;
mod words;

use self::clues::{
    after_an_event, before_an_event, has_ack, has_figures, is_done, is_next_meeting, is_period, not_tracked,
    outside_brackets, starts_with_clock, without_mid_asides,
};
use self::speech::{PROGRESS, SPEECH, commits, labels_before_owners};

pub(crate) use self::facts::LineFacts;

/// The signals `f` shows, each with its weight.
pub(crate) fn signals(f: &LineFacts<'_>) -> Vec<(Signal, i32)> {
    let mut out = Vec::new();
    let mut add = |s: Signal| out.push((s, weight(s)));
    if f.marker == Marker::Open {
        add(Signal::OpenCheckbox);
    }
    let marked = marked_work::marked_as_work(f);
    if f.todo_label || marked {
        add(Signal::TodoLabel);
    }
    // `请认领后在自己那一行写上时间：`: a lead-in to the list below, not work of its own.
    if !f.todo_label && lead_in::is_lead_in(f.raw, f.scan) {
        add(Signal::Note);
    }
    // `【决定】3月21日下午举办，场地用二楼`: a line tagged as a decision or a note records the
    // meeting; it assigns nothing.
    if !f.todo_label && crate::minutes::layout::task_tag::opens_with_record_tag(f.raw) {
        add(Signal::Rejected);
    }
    match f.section {
        Section::Action => add(Signal::ActionSection),
        Section::Decision => add(Signal::DecisionSection),
        Section::Status => add(Signal::StatusSection),
        Section::None | Section::Other => {}
    }
    if f.marker == Marker::List {
        add(Signal::ListItem);
    }
    match f.scan.how {
        OwnerHow::Strong => add(Signal::OwnerStrong),
        OwnerHow::Named | OwnerHow::Label => add(Signal::OwnerNamed),
        OwnerHow::None => {}
    }
    if f.scan.deadline.is_some() {
        add(Signal::Deadline);
    } else if f.scan.deadline_text.is_some()
        || before_an_event(f.raw)
        || after_an_event(f.raw)
        // `补做双录，完成时间待定 —— 某某`: someone's work, its day left open.
        || (f.scan.how != OwnerHow::None && due_pending::due_left_open(f.raw))
    {
        add(Signal::VagueDeadline);
    }
    let lower = f.raw.to_lowercase();
    let text = f.scan.text.to_lowercase();
    let task_verb = has_task_verb(&text)
        || SHORT_VERBS.iter().any(|v| text.contains(v))
        || (f.section == Section::Action && f.marker == Marker::List && words::names_deliverable(&text));
    if task_verb {
        add(Signal::TaskVerb);
    }
    let mut modal_text = lower.clone();
    for w in NOT_MODAL {
        modal_text = modal_text.replace(w, "");
    }
    if MODAL.iter().any(|w| modal_text.contains(w)) {
        add(Signal::Modal);
    }
    // What is finished before the clause giving someone dated work is its background.
    let from_owner = owner_clause::owner_clause_start(f, &lower);
    // `提示已发，后续回访由某某跟进`: the next step after what is done, given to someone.
    let from_owner = from_owner.max(progress::next_step_start(&lower, f.scan.how == OwnerHow::Strong));
    // `投诉处理——进行中（赵倩，预计下周完成）`: work under way and its forecast, a report.
    // `数据中台：赵倩牵头，按计划推进`: work reported under way with no date of its own, too.
    let under_way = [
        "进行中",
        "推进中",
        "处理中",
        "跟进中",
        "按计划推进",
        "正常推进",
        "有序推进",
    ];
    let dated_under_way =
        f.scan.deadline.is_some() && progress::dated_under_way(&lower, f.scan.deadline_text.as_deref());
    let partly = (dated_under_way && progress::partly_done(&lower))
        // `已完成 8 家，剩余 4 家本周五前补齐`: the rest, by a date.
        || (f.scan.deadline.is_some()
            && f.scan
                .deadline_text
                .as_deref()
                .is_some_and(|t| {
                    let t = t.to_lowercase();
                    remaining::left_with_a_day(&lower, &t)
                }));
    let forecast = under_way.iter().any(|w| lower.contains(w))
        && (lower.contains("预计") || f.scan.deadline_text.is_none())
        && !dated_under_way;
    // `fill in the survey（已发群里）before 3月9日`: a done word in an aside about the thing, with
    // the dated work going on after it, says nothing of the work.
    // `Kevin: the backtest is done. Today: Nina to fix…, by Friday.`: the sentence of the date.
    let from_owner = from_owner.max(english::dated_sentence_start(
        &lower,
        f.scan.deadline_text.as_deref(),
    ));
    let asides_out = if f.scan.deadline.is_some() {
        without_mid_asides(lower.get(from_owner..).unwrap_or(&lower))
    } else {
        lower.get(from_owner..).unwrap_or(&lower).to_owned()
    };
    let asides_out = english::without_done_by(&asides_out);
    // `伍某已完成培养考察，…，由俞晓芸负责准备政审材料，7月15日前报…` in a decision or action
    // section: what is finished before the clause holding the deadline is its background.
    let dated_after_done = matches!(f.section, Section::Action | Section::Decision)
        && f.scan.deadline.is_some()
        && f.scan
            .deadline_text
            .as_deref()
            .and_then(|dt| asides_out.find(&dt.to_lowercase()))
            .map(|at| {
                asides_out
                    .get(..at)
                    .and_then(|b| b.char_indices().rfind(|(_, c)| matches!(c, '，' | ',' | '；')))
                    .map_or(0, |(i, c)| i + c.len_utf8())
            })
            .is_some_and(|from| {
                let tail = asides_out.get(from..).unwrap_or_default();
                from > 0 && !is_done(tail) && !tail.contains("预计")
            });
    // `季文轩确认了内核申请的时间表`: what was done at the meeting, reported with 了.
    let reported = f.scan.deadline.is_none()
        && [
            "确认了",
            "明确了",
            "讨论了",
            "通报了",
            "听取了",
            "审议了",
            "介绍了",
        ]
        .iter()
        .any(|w| lower.contains(w));
    let not_yet = not_yet::ends_not_yet(f.raw);
    let nothing_new = words::NOTHING_NEW.iter().any(|w| lower.contains(w));
    if (is_done(&asides_out) && !dated_after_done && !partly)
        || forecast
        || reported
        || not_yet
        || nothing_new
    {
        add(Signal::Done);
    }
    // `各营业部组织学习，具体时间自定`: no one named, its timing theirs to choose.
    if not_tracked(&lower) || (f.scan.how == OwnerHow::None && self_paced::left_to_doers(&lower)) {
        add(Signal::NotTracked);
    }
    // A person given a dated deadline is asked for work, whatever figures the line gives
    // (`账户组（毕海洋）：年底前完成…核查，涉及约1.6万户`).
    // A date stated as a limit (`…前`, `…内`), not a period (`本月核心系统可用率99.99%`), and no
    // figure reported before it (`上月新开户320户，本月底前完成`).
    let asked = matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named)
        && f.scan.deadline.is_some()
        // `节前开通的客户是126户，比目标少了30户左右`: a comparison reports, whatever the date.
        && !clues::compares_figures(&lower)
        && f.scan
            .deadline_text
            .as_deref()
            .filter(|t| t.contains(['前', '内']))
            .and_then(|t| lower.find(&t.to_lowercase()))
            .is_some_and(|at| {
                // `面谈的9户 小戚 老蔺 分一下 这周内约完`: a count before the people names their
                // work's object; only figures between them and the date report anything.
                let from = f
                    .scan
                    .owners
                    .first()
                    .and_then(|o| {
                        let name = o.name().to_lowercase();
                        lower.find(&name).map(|i| i + name.len())
                    })
                    .filter(|e| *e <= at)
                    .unwrap_or(0);
                let seg = lower.get(from..at).unwrap_or_default();
                // `对7笔线索建立台账`: the count is what to work on.
                !has_figures(seg) || object_count::count_is_object(seg)
            });
    // `1. 客户分层名单（按资产50万、300万两档），仇凯` under an action heading: figures in
    // brackets say what the work is, they report nothing; so too in someone's dated work under no
    // heading (`@某某 名单（资产50万以上）导出来，周五前`).
    let figures =
        if (f.section == Section::Action || f.scan.deadline.is_some()) && f.scan.how != OwnerHow::None {
            has_figures(&outside_brackets(&lower))
        } else if f.section == Section::Action {
            has_figures(&quota::without_quotas(&lower))
        } else {
            has_figures(&lower)
        };
    // `覆盖 3229 人次`: a figure set apart from its unit reports, in a line that asks no date.
    let spaced = f.scan.deadline.is_none() && tally::has_spaced_figure(&lower);
    if (figures || spaced) && !asked && !partly {
        add(Signal::Figures);
    }
    // `时间另定`: the date is open, the task is not rejected.
    // `赵倩同志负责组织培训，具体时间另行通知`: the same, for work given to someone.
    let open_date: &[&str] = if f.scan.how == OwnerHow::Strong {
        &["时间另定", "日期另定", "时间另行通知"]
    } else {
        &["时间另定", "日期另定"]
    };
    let rejected_text = open_date.iter().fold(lower.clone(), |t, w| t.replace(w, ""));
    // `…，时间视存储到位情况另定`: only the date is left open.
    let rejected_text = open_date_clause::without_open_date_clauses(&rejected_text);
    // `负责人：X｜截止：另行通知｜事项：…`: a named owner's date field left open.
    let rejected_text = if f.scan.how == OwnerHow::Strong {
        open_field::without_open_date_field(&rejected_text)
    } else {
        rejected_text
    };
    // `…发群里，其他事项下周再议`: what is put off is the rest, not this.
    let rejected_text: String = rejected_text
        .split_inclusive(['，', ','])
        .filter(|c| !crate::minutes::scan::is_the_rest(c))
        .collect();
    // `梳理测评不通过客户的话术`: a verdict describing whom the work is for.
    let rejected_text = verdict_noun::without_verdict_nouns(&rejected_text);
    // `~~组织线下沙龙~~（取消）`: struck out, called off.
    if REJECTED.iter().any(|w| rejected_text.contains(w)) || record::is_struck(f.raw) {
        add(Signal::Rejected);
    }
    let mut chat_text = lower.clone();
    // The speaker taking the work on (`我来汇总`) is not small talk.
    let own: &[&str] = if f.scan.by_speaker {
        &["我这边", "我们这边", "我来"]
    } else {
        &[]
    };
    // `会议认为，…要求X…`: the meeting's finding, not hearsay.
    for w in NOT_CHATTER.iter().chain(own).chain(&["会议认为"]) {
        chat_text = chat_text.replace(w, "");
    }
    // `短信是不是发了？`, `名单报了吗？`: asking whether it happened, not asking for it.
    let status_question = lower.trim_end().ends_with(['？', '?'])
        && lower.contains('了')
        // `麻烦…发一下，之前说的10%是不是太高了？`: a request comes first.
        && !["麻烦", "请", "能不能", "可不可以", "辛苦"].iter().any(|w| lower.contains(w))
        && ["是不是", "有没有", "了吗", "了没", "了么"]
            .iter()
            .any(|w| lower.contains(w));
    // `小司徒，OA那边进度怎么样？`: asking how far it got, not asking for work.
    let progress_question = lower.trim_end().ends_with(['？', '?'])
        && [
            "进度怎么样",
            "进展怎么样",
            "进度如何",
            "进展如何",
            "怎么样了",
            "到哪了",
            "到哪一步",
        ]
        .iter()
        .any(|w| lower.contains(w))
        && !["麻烦", "请", "辛苦"].iter().any(|w| lower.contains(w));
    // `小尹你那边跟客户谈得怎么样？`, `测试做得如何了？`: any "how is it going" question.
    let how_question = lower.trim_end().ends_with(['？', '?'])
        && ["怎么样", "怎么样了", "如何", "如何了", "咋样", "咋样了"]
            .iter()
            .any(|w| lower.trim_end().trim_end_matches(['？', '?']).ends_with(w))
        && !["麻烦", "请", "辛苦", "能不能", "可不可以"]
            .iter()
            .any(|w| lower.contains(w));
    let status_question = status_question || progress_question || how_question;
    // `营业部月度排名通报：莘雨、阚文…`: a topic's label before the people who do it.
    for w in CHATTER.iter().filter(|w| w.ends_with('：')) {
        if labels_before_owners(&chat_text, w, f.scan) {
            chat_text = chat_text.replace(w, "");
        }
    }
    let commits = commits(f.scan, &lower);
    if !commits && (CHATTER.iter().any(|w| chat_text.contains(w)) || has_ack(&chat_text) || status_question) {
        add(Signal::Chatter);
    }
    // `傅老师提醒各营业部五一前把库存盘一下`: the units are told to act by a date.
    let told = f.scan.deadline.is_some()
        && TELLS.iter().any(|v| {
            lower
                .match_indices(v)
                .any(|(i, _)| crate::minutes::scan::told_units(lower.get(i..).unwrap_or_default(), false))
        });
    if told
        // `…核对——各营业部——12月18日前`: the units after a dash, too.
        || lower.split(['，', ',', '：', ':', '—']).any(|clause| {
            let c = also_asked::without_also(clause.trim_start());
            REQUESTS.iter().any(|w| c.starts_with(w))
                // `各营业部对…进行全面自查，3月31日前将自查报告报经纪业务部`: units told to act by a date.
                || (f.scan.deadline.is_some() && UNITS_TOLD.iter().any(|w| c.starts_with(w)))
                // `年底冲刺 各人把自己的客户名单过一遍，周五前报…`: everyone, by a date.
                || (f.scan.deadline.is_some()
                    && ["各人", "每人", "每个人", "各自"]
                        .iter()
                        .any(|w| c.starts_with(w) || c.contains(&format!(" {w}"))))
                // `周五中午前全员完成…`, `所有投顾9月15日前完成…`: everyone, by a date.
                || (f.scan.deadline.is_some()
                    && everyone::everyone_by_date(c, f.scan.deadline_text.as_deref().map(str::to_lowercase).as_deref()))
                // `请营业部于7月3日前报送…`, `请风控组周五前…`: a 请 clause that holds its own date.
                || (f.scan.deadline.is_some()
                    && c.starts_with('请')
                    && f.scan
                        .deadline_text
                        .as_deref()
                        .is_some_and(|t| c.contains(&t.to_lowercase()))
                    && !["请示", "请假", "请客", "请教"].iter().any(|w| c.starts_with(w)))
                // `签到表及照片，请甘子健活动结束后三个工作日内整理上传`: a named owner asked by 请
                // within a time, even one with no date.
                || (f.scan.how == OwnerHow::Strong
                    && (f.scan.deadline.is_some() || f.scan.deadline_text.is_some())
                    && c.strip_prefix('请').is_some_and(|r| {
                        f.scan
                            .owners
                            .iter()
                            .any(|o| o.person().is_some() && r.starts_with(&o.name().to_lowercase()))
                    }))
        })
    {
        add(Signal::Request);
    }
    // `2月份例会因春节顺延一周`: a meeting moved, not work carried on.
    // `SIT结束时间由10月23日顺延至10月30日`: a milestone's date moved, no one's work.
    let meeting_moved = f.scan.how == OwnerHow::None
        && [
            "例会",
            "会议",
            "周会",
            "晨会",
            "早会",
            "月会",
            "评审会",
            "时间由",
            "日期由",
            "节点由",
        ]
        .iter()
        .any(|m| lower.contains(m));
    // `如果审批晚于3月25日，上线顺延到4月`: a contingency, nothing put off yet.
    let contingency = ["如果", "若", "一旦", "万一", "if "]
        .iter()
        .any(|w| lower.contains(w));
    // `考试（某某）——未完成，定于12月10日前组织`: someone's work not done, given a new date.
    let carried = matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named)
        && f.scan.deadline.is_some()
        && f.scan
            .deadline_text
            .as_deref()
            .is_some_and(|t| carried::not_done_then_due(&lower, t));
    if (RESCHEDULED.iter().any(|w| lower.contains(w)) || carried) && f.scan.deadline.is_some() && !contingency
    {
        add(if meeting_moved {
            Signal::Settled
        } else {
            Signal::Rescheduled
        });
    }
    // `（责任人待定，下次会议确认）`: what is left open is settled next time; the task stands.
    let open_until_next: String = lower
        .split_inclusive(['，', ',', '；', '。', '）', ')'])
        .scan(false, |open, clause| {
            let keep = !(*open && clause.trim_start().starts_with("下次"));
            *open = clause.contains("待定");
            Some(if keep { clause } else { "" })
        })
        .collect();
    let lower_next = open_until_next.as_str();
    let named: Vec<String> = f.scan.owners.iter().map(|o| o.name().to_owned()).collect();
    // `监事列席经营会议的安排，由某某统筹，两周内回复`: attendance as the topic of work given
    // to someone by a date, not the record of who came.
    let attendance_work = f.scan.how == OwnerHow::Strong && f.scan.deadline.is_some();
    if MEETING_RECORD.iter().any(|w| {
        lower.contains(w)
                // `出席委员：…` is still a record.
                && !(attendance_work
                    && ["列席", "出席"].contains(w)
                    && !lower.split_once(['：', ':']).is_some_and(|(head, _)| head.contains(w)))
                // `联系对方确认出席`: attendance to arrange.
                && !(["列席", "出席"].contains(w) && attend_object::attendance_arranged(&lower, w))
    }) || is_next_meeting(lower_next, f.scan.how)
        || chair_line::names_chair_and_attendees(&lower)
        || record::is_roll_call(f.raw, &named)
        || dated_head::is_dated_header(f.raw)
        || dated_head::is_unit_signature(f.raw)
        || dated_head::is_titled_dated_header(f.raw)
        || title_date::is_title_then_date(f.raw)
        || appointed::only_appoints(&lower)
        || named_head::is_named_head(f.raw)
        || rota::is_rota(f.raw)
        || rota::is_sub_meeting_head(f.raw)
    {
        add(Signal::MeetingRecord);
    }
    if NOTE_LABELS.iter().any(|w| lower.trim_start().starts_with(w)) {
        add(Signal::Note);
    }
    // `财务委员会将于12月下旬审议预算`: a date announced for no one here.
    // `开业时间待消防验收通过后确定`: left open until something else happens, for no one here.
    // `四季度方案由总部另行下发`: someone else sends it later.
    let open_for_none = f.scan.how == OwnerHow::None
        && (lower.contains("将于")
            || lower.contains("后确定")
            // `复测时间待测评机构确定`: left for someone else to settle.
            || lower
                .trim_end_matches(['。', '.', '；'])
                .rsplit(['，', ','])
                .next()
                .is_some_and(|c| c.contains('待') && c.ends_with("确定"))
            || (lower.contains("另行下发") && f.scan.deadline.is_none()));
    if (SETTLED.iter().any(|w| lower.contains(w)) && !carried) || open_for_none {
        add(Signal::Settled);
    }
    // `每周一上午报送监测表——莫晓负责`, `每天收盘后打电话 小秦负责`: a recurring duty given to a
    // named person is their work (without a deadline: it has no single due date).
    let duty = matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named) && task_verb;
    let recurring = duty
        && STANDING
            .iter()
            .any(|w| w.starts_with('每') && lower_next.contains(w));
    // Its recurrence says when (`每月10日前报送月报（赵倩）`), as a date without a day would.
    if recurring && f.scan.deadline.is_none() && f.scan.deadline_text.is_none() {
        add(Signal::VagueDeadline);
    }
    // `看板每日自动推送，两周内完成`: building what then recurs, by a date of its own.
    let builds = f.scan.deadline.is_some()
        && f.scan.deadline_text.as_deref().is_some_and(|t| !t.contains('每'))
        && left_open::one_off(&lower);
    if STANDING
        .iter()
        .filter(|w| !((duty || builds) && w.starts_with('每')))
        // `尚未进行，按原计划…前完成`: open work keeping its date, not a routine.
        .filter(|w| !(carried && **w == "按原计划"))
        .any(|w| {
            if *w == "长期" {
                clues::standing_long(lower_next)
            } else {
                lower_next.contains(w)
            }
        })
        || (f.scan.how == OwnerHow::None && (words::by_the_rules(&lower) || words::arranged_later(&lower)))
        || next_meeting::marked_routine(&lower)
        || left_open::routine_field(&lower)
        || (f.scan.how == OwnerHow::None && left_open::time_left_open(&lower))
        || (f.scan.how == OwnerHow::None && next_meeting::next_meeting_open(&lower))
    {
        add(Signal::Standing);
    }
    // `主要是到账太慢，要两个月。`: how long something takes, not when it is due.
    if is_period(&lower) || takes_time::takes_time(&lower) {
        add(Signal::Period);
    }
    // `还差11户没联系上，延期至4月10日`: what is left says why it goes on, not a figure reported.
    if out.iter().any(|(s, _)| *s == Signal::Rescheduled) {
        out.retain(|(s, _)| *s != Signal::Figures);
    }
    // `视频已调取，通讯记录仍在核查，延至6月3日`: the part still open, put off to a day of its own
    // and someone's: open work carried over, whatever part of it is done.
    if out.iter().any(|(s, _)| *s == Signal::Rescheduled)
        && matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named)
        && progress::still_open(&lower)
    {
        out.retain(|(s, _)| *s != Signal::Done);
    }
    // `礼品已到，还剩 40 户未发放，本周三前发完` (someone's): what is left, with a day of its own,
    // is work carried over — not finished work, a figure or a status report.
    if matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named | OwnerHow::Label)
        && f.scan.deadline.is_some()
        && f.scan.deadline_text.as_deref().is_some_and(|t| {
            let t = t.to_lowercase();
            remaining::left_with_a_day(&lower, &t)
        })
    {
        out.retain(|(s, _)| !matches!(s, Signal::Done | Signal::Figures | Signal::StatusSection));
    }
    // `被检查单位：某某营业部（负责人某某）`: which unit, and who runs it; no work given.
    if f.scan.deadline_text.is_none() && unit_head::only_a_units_head(f.raw) {
        out.retain(|(s, _)| *s != Signal::OwnerStrong);
    }
    // `本周产品销售 2.3 亿元`: the period the figure is for, no one's deadline.
    if out.iter().any(|(s, _)| *s == Signal::Figures)
        && f.scan.how == OwnerHow::None
        && f.scan
            .deadline_text
            .as_deref()
            .is_some_and(|t| period_figure::period_of_a_figure(f.raw, t))
    {
        out.retain(|(s, _)| *s != Signal::Deadline);
    }
    // A person given a dated deadline is asked for work, even under a status heading
    // (`会议要求：钱明4月10日前提交…`, `向东、温婷下周一对齐口径`): the section's penalty goes when
    // nothing else in the line speaks against it.
    // Not a forecast (`进行中，预计下周完成`), nor a month named as a period (`4月业务回顾`), nor
    // someone speaking.
    // `进行中，12月15日前到货`: work carried over with a day to meet.
    let dated =
        f.scan.deadline.is_some() && progress::dated_under_way(&lower, f.scan.deadline_text.as_deref());
    if f.section == Section::Status
        && f.scan.how != OwnerHow::None
        && f.scan.deadline.is_some()
        && f.scan
            .deadline_text
            .as_deref()
            .is_some_and(|t| !t.ends_with(['月', '年', '度']))
        && (commits || dated || !PROGRESS.iter().chain(SPEECH).any(|w| lower.contains(w)))
        // `09:31 监控告警触发，值班人员桂川确认后上报`: a timeline's entry, stamped with its hour.
        && !starts_with_clock(f.raw)
        && (dated
            || out
                .iter()
                .any(|(s, _)| matches!(s, Signal::TaskVerb | Signal::Modal | Signal::OwnerStrong)))
        && out.iter().all(|(s, w)| *w > 0 || *s == Signal::StatusSection)
    {
        out.retain(|(s, _)| *s != Signal::StatusSection);
    }
    labelled::label_over_section(&mut out, f.todo_label, f.scan.how);
    // A person named in the line (not a `张三：` label) and a dated deadline, nothing against.
    // `X在活动结束后五个工作日内报协会`: a time limit the parser refuses (counted from an event,
    // or vague) still says when the named person is to do it.
    if matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named)
        && (f.scan.deadline.is_some()
            || f.scan
                .deadline_text
                .as_deref()
                .is_some_and(|t| t.trim_end().ends_with(['内', '前']) || t.trim() == "尽快"))
        && out.iter().all(|(_, w)| *w > 0)
    {
        out.push((Signal::OwnerAndDeadline, weight(Signal::OwnerAndDeadline)));
    }
    out
}

/// The sum of the weights.
pub(crate) fn score(signals: &[(Signal, i32)]) -> i32 {
    signals.iter().map(|(_, w)| w).sum()
}

/// Whether the score makes the line an action item.
pub(crate) fn is_item(score: i32) -> bool {
    score >= threshold()
}
