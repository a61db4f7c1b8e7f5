//! Where the line stands and what it names (pure): its marker, label and section, its owner
//! and deadline, and its words of work (a task verb, a modal).

use super::facts::{LineFacts, add};
use crate::minutes::layout::{Marker, Section};
use crate::minutes::scan::{OwnerHow, has_task_verb};
use crate::minutes::weights::Signal;

use super::clues::{after_an_event, before_an_event};
use super::words::{self, MODAL, NOT_MODAL, SHORT_VERBS};
use super::{due_pending, lead_in, marked_work};

/// The signals of the line's place and words of work; whether it has a task verb.
pub(super) fn shape_signals(f: &LineFacts<'_>, lower: &str, out: &mut Vec<(Signal, i32)>) -> bool {
    if f.marker == Marker::Open {
        add(out, Signal::OpenCheckbox);
    }
    let marked = marked_work::marked_as_work(f);
    if f.todo_label || marked {
        add(out, Signal::TodoLabel);
    }
    // `请认领后在自己那一行写上时间：`: a lead-in to the list below, not work of its own.
    if !f.todo_label && lead_in::is_lead_in(f.raw, f.scan) {
        add(out, Signal::Note);
    }
    // `【决定】3月21日下午举办，场地用二楼`: a line tagged as a decision or a note records the
    // meeting; it assigns nothing.
    if !f.todo_label && crate::minutes::layout::task_tag::opens_with_record_tag(f.raw) {
        add(out, Signal::Rejected);
    }
    match f.section {
        Section::Action => add(out, Signal::ActionSection),
        Section::Decision => add(out, Signal::DecisionSection),
        Section::Status => add(out, Signal::StatusSection),
        Section::None | Section::Other => {}
    }
    if f.marker == Marker::List {
        add(out, Signal::ListItem);
    }
    match f.scan.how {
        OwnerHow::Strong => add(out, Signal::OwnerStrong),
        OwnerHow::Named | OwnerHow::Label => add(out, Signal::OwnerNamed),
        OwnerHow::None => {}
    }
    if f.scan.deadline.is_some() {
        add(out, Signal::Deadline);
    } else if f.scan.deadline_text.is_some()
        || before_an_event(f.raw)
        || after_an_event(f.raw)
        // `公示期满后办理`, `与修订稿同步提交`: due relative to another event.
        || (f.scan.how != OwnerHow::None && super::clues::tied_to_an_event(f.raw))
        // `补做双录，完成时间待定 —— 某某`: someone's work, its day left open.
        || (f.scan.how != OwnerHow::None && due_pending::due_left_open(f.raw))
    {
        add(out, Signal::VagueDeadline);
    }
    let text = f.scan.text.to_lowercase();
    let task_verb = has_task_verb(&text)
        || SHORT_VERBS.iter().any(|v| text.contains(v))
        || (f.section == Section::Action && f.marker == Marker::List && words::names_deliverable(&text));
    if task_verb {
        add(out, Signal::TaskVerb);
    }
    let mut modal_text = lower.to_owned();
    for w in NOT_MODAL {
        modal_text = modal_text.replace(w, "");
    }
    if MODAL.iter().any(|w| modal_text.contains(w)) {
        add(out, Signal::Modal);
    }
    task_verb
}
