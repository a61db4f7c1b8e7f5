//! Talk and requests (pure): small talk and status questions, and units or everyone told to
//! act.

use super::facts::{LineFacts, add};
use crate::minutes::scan::{OwnerHow, TELLS};
use crate::minutes::weights::Signal;

use super::clues::has_ack;
use super::speech::{commits, labels_before_owners};
use super::words::{CHATTER, NOT_CHATTER, REQUESTS, UNITS_TOLD};
use super::{also_asked, asked_by_date, everyone, reported_proposal};

/// The chatter and request signals; whether someone in the line takes the work on.
pub(super) fn talk_signals(f: &LineFacts<'_>, lower: &str, out: &mut Vec<(Signal, i32)>) -> bool {
    let mut chat_text = lower.to_owned();
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
    // `Peter你那个呢，两融的。`, `某某你那边什么情况？`, `网络侧有没有异常？`: the floor handed to
    // the next one to report, not work given.
    let floor_question = ["你那个呢", "你那边呢", "什么情况？", "什么情况?", "啥情况"]
        .iter()
        .any(|w| lower.contains(w))
        || lower.trim_end().ends_with(['？', '?'])
            && ["有没有异常", "有没有问题", "有没有影响"]
                .iter()
                .any(|w| lower.trim_end().trim_end_matches(['？', '?']).ends_with(w));
    let status_question = status_question || progress_question || how_question || floor_question;
    // `营业部月度排名通报：莘雨、阚文…`: a topic's label before the people who do it.
    for w in CHATTER.iter().filter(|w| w.ends_with('：')) {
        if labels_before_owners(&chat_text, w, f.scan) {
            chat_text = chat_text.replace(w, "");
        }
    }
    let commits = commits(f.scan, lower);
    if !commits && (CHATTER.iter().any(|w| chat_text.contains(w)) || has_ack(&chat_text) || status_question) {
        add(out, Signal::Chatter);
    }
    // `某某提出…，建议…`: a view and a suggestion reported, not work given.
    if reported_proposal::reported_proposal(lower) {
        add(out, Signal::Proposal);
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
                // `柜台请于元旦前把名单报合规岗`: a subject asked to act by a time.
                || f.scan
                    .deadline_text
                    .as_deref()
                    .is_some_and(|t| asked_by_date::asked_by_date(c, &t.to_lowercase()))
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
        add(out, Signal::Request);
    }
    commits
}
