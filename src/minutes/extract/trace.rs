//! The trace of an extraction (pure): each line's verdict, signals and item, as
//! `duban minutes --explain FILE` shows them; and the end of a block of fields.

use crate::minutes::blocks::{Block, Outcome};
use crate::minutes::explain::{LineTrace, Verdict};
use crate::minutes::item::{ActionItem, Extraction};
use crate::minutes::layout::Section;
use crate::minutes::scan::Ctx;
use crate::minutes::weights::Signal;

/// Records a line's trace when tracing.
pub(super) struct Tracer<'t> {
    pub(super) traces: Option<&'t mut Vec<LineTrace>>,
    /// The last heading noted: what the second reading (`minutes/lexical`) reads a line under.
    pub(super) heading: String,
    /// The group's names, masked in what the second reading reads (`lexical::names_of`).
    pub(super) names: Vec<String>,
}

impl Tracer<'_> {
    pub(super) fn note(
        &mut self,
        line: usize,
        text: &str,
        verdict: Verdict,
        signals: Vec<(Signal, i32)>,
        item: Option<&ActionItem>,
    ) {
        if let Verdict::Heading(_) = verdict {
            text.clone_into(&mut self.heading);
        }
        if let Some(t) = self.traces.as_deref_mut() {
            let reading = if signals.is_empty() {
                None
            } else {
                crate::minutes::lexical::read(text, &self.heading, &signals, &self.names)
            };
            t.push(LineTrace {
                reading,
                line: line + 1,
                text: text.to_owned(),
                verdict,
                signals,
                item: item.cloned(),
            });
        }
    }
}

pub(super) fn section_name(s: Section) -> &'static str {
    match s {
        Section::Action => "行动",
        Section::Decision => "决定",
        Section::Status => "情况",
        Section::None | Section::Other => "其他",
    }
}

/// Ends an open block: its item (or why none).
pub(super) fn close_block(
    block: &mut Option<(usize, Block)>,
    ctx: &Ctx<'_>,
    ex: &mut Extraction,
    tr: &mut Tracer<'_>,
) {
    let Some((line, b)) = block.take() else { return };
    match b.finish(ctx) {
        Outcome::Item(item) => {
            tr.note(line, &item.text, Verdict::BlockItem, Vec::new(), Some(&item));
            ex.items.push(*item);
        }
        Outcome::Rejected(title) => {
            // `【需求二】…` read as work before its block was seen to be rejected: withdrawn.
            ex.items
                .retain(|i| !super::rejected_title::is_rejected_title(&i.text, &title));
            tr.note(line, &title, Verdict::BlockRejected, Vec::new(), None);
            ex.decisions.push(title);
        }
        Outcome::Items(items) => {
            for item in items {
                tr.note(line, &item.text, Verdict::BlockItem, Vec::new(), Some(&item));
                ex.items.push(item);
            }
        }
        Outcome::Nothing(title) => tr.note(line, &title, Verdict::BlockEmpty, Vec::new(), None),
    }
}
