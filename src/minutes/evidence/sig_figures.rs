//! Figures (pure): a line that reports numbers rather than asks for work.

use super::facts::{LineFacts, add};
use crate::minutes::layout::Section;
use crate::minutes::scan::OwnerHow;
use crate::minutes::weights::Signal;

use super::clues::{self, has_figures, outside_brackets};
use super::{object_count, quota, tally};

/// The figures signal, unless the figures are what someone is asked to work on by a date.
pub(super) fn figure_signals(f: &LineFacts<'_>, lower: &str, partly: bool, out: &mut Vec<(Signal, i32)>) {
    // A person given a dated deadline is asked for work, whatever figures the line gives
    // (`账户组（毕海洋）：年底前完成…核查，涉及约1.6万户`).
    // A date stated as a limit (`…前`, `…内`), not a period (`本月核心系统可用率99.99%`), and no
    // figure reported before it (`上月新开户320户，本月底前完成`).
    let asked = matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named)
        && f.scan.deadline.is_some()
        // `节前开通的客户是126户，比目标少了30户左右`: a comparison reports, whatever the date.
        && !clues::compares_figures(lower)
        && f.scan
            .deadline_text
            .as_deref()
            .filter(|t| t.contains(['前', '内']))
            .and_then(|t| {
                let t = t.to_lowercase();
                // `4月24日（周五）前` is read as `4月24日前`: the date itself is where it stands.
                lower
                    .find(&t)
                    .or_else(|| lower.find(t.trim_end_matches(['前', '内'])))
            })
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
                // `邹晓岚：昨日开户3户，资产140万；今日…，端午节前再加一场直播`: figures in a
                // clause of their own (before `；`) report yesterday; the dated clause is the work.
                let from = lower
                    .get(..at)
                    .and_then(|b| b.rfind(['；', ';']))
                    .map_or(from, |i| from.max(i + lower[i..].chars().next().map_or(1, char::len_utf8)));
                let seg = lower.get(from..at).unwrap_or_default();
                // `对7笔线索建立台账`: the count is what to work on.
                !has_figures(seg) || object_count::count_is_object(seg)
            });
    // `1. 客户分层名单（按资产50万、300万两档），仇凯` under an action heading: figures in
    // brackets say what the work is, they report nothing; so too in someone's dated work under no
    // heading (`@某某 名单（资产50万以上）导出来，周五前`).
    let figures =
        if (f.section == Section::Action || f.scan.deadline.is_some()) && f.scan.how != OwnerHow::None {
            has_figures(&outside_brackets(lower))
        } else if f.section == Section::Action {
            has_figures(&quota::without_quotas(lower))
        } else {
            has_figures(lower)
        };
    // `覆盖 3229 人次`: a figure set apart from its unit reports, in a line that asks no date.
    let spaced = f.scan.deadline.is_none() && tally::has_spaced_figure(lower);
    if (figures || spaced) && !asked && !partly {
        add(out, Signal::Figures);
    }
}
