//! The evidence a line of minutes shows (pure): which [`Signal`]s fire, and its score.

use crate::minutes::weights::{Signal, threshold};

mod also_asked;
mod appointed;
mod arrow;
mod arrow_dated;
pub(crate) mod arrow_unit;
mod asked_by_date;
mod attend_object;
mod away_cover;
mod card;
mod carried;
mod chair_line;
mod check_mark;
mod clues;
mod countdown;
mod dash_slot;
mod dated_head;
mod done_object;
mod due_pending;
mod english;
mod everyone;
mod facts;
mod forbids;
mod labelled;
mod lead_in;
mod left_open;
mod marked_work;
mod named_head;
mod next_meeting;
mod not_yet;
mod nothing_new;
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
mod reported_proposal;
mod rota;
mod self_paced;
mod sig_done;
mod sig_figures;
mod sig_moved;
mod sig_record;
mod sig_rejected;
mod sig_settle;
mod sig_shape;
mod sig_standing;
mod sig_talk;
mod speech;
mod takes_time;
mod tally;
mod title_date;
mod unit_head;
mod verdict_noun;
mod words;

pub(crate) use self::facts::LineFacts;

/// The signals `f` shows, each with its weight, family by family (each in its own file).
pub(crate) fn signals(f: &LineFacts<'_>) -> Vec<(Signal, i32)> {
    let mut out = Vec::new();
    let lower = f.raw.to_lowercase();
    let task_verb = sig_shape::shape_signals(f, &lower, &mut out);
    let partly = sig_done::done_signals(f, &lower, &mut out);
    sig_figures::figure_signals(f, &lower, partly, &mut out);
    sig_rejected::rejected_signals(f, &lower, &mut out);
    let commits = sig_talk::talk_signals(f, &lower, &mut out);
    let carried = sig_moved::moved_signals(f, &lower, &mut out);
    let lower_next = open_until_next(&lower);
    sig_record::record_signals(f, &lower, &lower_next, carried, &mut out);
    sig_standing::standing_signals(f, &lower, &lower_next, task_verb, carried, &mut out);
    sig_settle::settle_signals(f, &lower, commits, &mut out);
    out
}

/// `（责任人待定，下次会议确认）`: the line less what is left open until next time (the task
/// stands).
fn open_until_next(lower: &str) -> String {
    lower
        .split_inclusive(['，', ',', '；', '。', '）', ')'])
        .scan(false, |open, clause| {
            let keep = !(*open && clause.trim_start().starts_with("下次"));
            *open = clause.contains("待定");
            Some(if keep { clause } else { "" })
        })
        .collect()
}

/// The sum of the weights.
pub(crate) fn score(signals: &[(Signal, i32)]) -> i32 {
    signals.iter().map(|(_, w)| w).sum()
}

/// Whether the score makes the line an action item.
pub(crate) fn is_item(score: i32) -> bool {
    score >= threshold()
}
