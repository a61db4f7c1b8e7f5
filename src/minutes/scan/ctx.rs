//! What the line scanner works with (pure): the context, how an owner was found, the result.

use jiff::Timestamp;

use crate::calendar::Calendar;
use crate::command::Mention;
use crate::domain::deadline::Deadline;
use crate::domain::ids::Person;
use crate::domain::priority::Priority;
use crate::minutes::owner::OwnerRef;

/// Everything the line scanner needs besides the line.
pub(crate) struct Ctx<'a> {
    pub(crate) mentions: &'a [Mention],
    pub(crate) members: &'a [Person],
    pub(crate) base: Timestamp,
    pub(crate) cal: &'a Calendar,
    /// Who is speaking, in a transcript (`我来汇总` is theirs).
    pub(crate) speaker: Option<OwnerRef>,
    /// Who spoke before the speaker, in a transcript (`你来补` is theirs).
    pub(crate) addressed: Option<OwnerRef>,
    /// The two of a one-to-one talk (`韦志远 × 施佳琪 1:1`): whichever speaks, 你 is the other.
    pub(crate) pair: Option<(OwnerRef, OwnerRef)>,
}

/// How the owner was found (the stronger, the more a line reads as a task).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum OwnerHow {
    /// No owner.
    None,
    /// `张三：…` at the start of the line.
    Label,
    /// Named in the line without an owner word (`李白你…`, `，甄宓，`, `——曹丕、甄宓`).
    Named,
    /// `张三负责…`, `由李四牵头…`, `@张三`, `责任人：王五`.
    Strong,
}

/// The result of scanning one line.
#[derive(Debug, Clone)]
pub(crate) struct Scan {
    pub(crate) text: String,
    pub(crate) owners: Vec<OwnerRef>,
    pub(crate) how: OwnerHow,
    pub(crate) deadline: Option<Deadline>,
    pub(crate) deadline_text: Option<String>,
    pub(crate) priority: Option<Priority>,
    /// The owner is the speaker, who took the work on (`我来汇总`).
    pub(crate) by_speaker: bool,
}

impl Ctx<'_> {
    /// A new speaker takes the floor; the one before is who `你` means.
    pub(crate) fn set_speaker(&mut self, who: Option<OwnerRef>) {
        if who != self.speaker {
            self.addressed = std::mem::replace(&mut self.speaker, who);
        }
        if let (Some((a, b)), Some(s)) = (&self.pair, &self.speaker) {
            if s == a {
                self.addressed = Some(b.clone());
            } else if s == b {
                self.addressed = Some(a.clone());
            }
        }
    }
}

pub(crate) fn push_unique(out: &mut Vec<OwnerRef>, o: OwnerRef) {
    if !out.contains(&o) {
        out.push(o);
    }
}

pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}
