//! The turns of a transcript (pure): who speaks, on which lines, and what they say; where an
//! item's words were said; whether two items speak of the same work.

use std::collections::HashSet;

use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, is_cjk};
use crate::minutes::speaker::{bracket_label, is_stamp, speaker_line, speaker_name, strip_speaker};

/// One speaker's turn: who (none when the label names nobody), who spoke before, the label's
/// line and the lines said.
pub(super) struct Turn {
    pub(super) speaker: Option<OwnerRef>,
    pub(super) addressed: Option<OwnerRef>,
    pub(super) first: usize,
    pub(super) said: Vec<(usize, String)>,
    /// Opened by a stamped label (`张三 00:01:30`): the lines below are the speaker's.
    pub(super) stamped: bool,
}

impl Turn {
    /// The scanning context with this turn's speaker (`我` is theirs, `你` the one before).
    pub(super) fn ctx<'a>(&self, ctx: &Ctx<'a>) -> Ctx<'a> {
        Ctx {
            mentions: ctx.mentions,
            members: ctx.members,
            base: ctx.base,
            cal: ctx.cal,
            speaker: self.speaker.clone(),
            addressed: self.addressed.clone(),
            pair: ctx.pair.clone(),
        }
    }

    /// Everything said in the turn.
    pub(super) fn text(&self) -> String {
        self.said.iter().map(|(_, s)| s.as_str()).collect()
    }

    /// The sentences said, each with its line.
    pub(super) fn sentences(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for (n, s) in &self.said {
            for piece in s.split_inclusive(['。', '！', '？', '?', '!', '；']) {
                let t = piece.trim();
                let bare = t.trim_end_matches(['。', '！', '？', '?', '!', '；']);
                // `好。`: a one-word answer counts too.
                if bare.chars().count() >= 2 || ["好", "行", "嗯", "成", "👌"].contains(&bare) {
                    out.push((*n, t));
                }
            }
        }
        out
    }
}

/// A line opening a turn: its label and what is said on the line itself.
fn label_of<'l>(line: &'l str, ctx: &Ctx<'_>) -> Option<(String, &'l str, bool)> {
    if let Some(label) = speaker_line(line) {
        return Some((label.to_owned(), "", true));
    }
    if let (rest, Some(label)) = strip_speaker(line) {
        return Some((label.to_owned(), rest, true));
    }
    // `00:01:40 蒋一帆`: a clock time, then a member's name, alone on the line.
    if let Some((stamp, who)) = line.trim().split_once(' ')
        && is_stamp(stamp)
        && ctx.is_name(who.trim())
    {
        return Some((who.trim().to_owned(), "", true));
    }
    if let Some((who, rest)) = bracket_label(line).filter(|(w, _)| ctx.is_name(w)) {
        return Some((who.to_owned(), rest, false));
    }
    // `王总：…`: a name and a colon opening the line.
    let (who, rest) = line.split_once(['：', ':'])?;
    let who = who.trim();
    ((2..=4).contains(&who.chars().count()) && who.chars().all(is_cjk) && ctx.is_name(who)).then_some((
        who.to_owned(),
        rest.trim_start(),
        false,
    ))
}

/// The turns of `lines` when they are a transcript: three or more stamped speaker labels
/// (`张三 00:01:30`, `[00:02:10] 说话人1：`), or four or more `名字：` / `【名字】` turns.
/// Empty otherwise.
pub(super) fn transcript_turns(lines: &[String], ctx: &Ctx<'_>) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    let (mut stamped, mut named) = (0, 0);
    for (n, line) in lines.iter().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some((label, rest, stamp)) = label_of(line, ctx) {
            if stamp {
                stamped += 1;
            } else {
                named += 1;
            }
            let speaker = speaker_name(&label)
                .filter(|w| ctx.is_name(w) || ctx.is_loose_name(w))
                .map(|w| ctx.resolve(&w));
            let addressed = turns
                .iter()
                .rev()
                .map(|t| &t.speaker)
                .find(|s| **s != speaker)
                .cloned()
                .flatten();
            let said = if rest.trim().is_empty() {
                Vec::new()
            } else {
                vec![(n, rest.trim().to_owned())]
            };
            turns.push(Turn {
                speaker,
                addressed,
                first: n,
                said,
                stamped: stamp,
            });
        } else if let Some(t) = turns.last_mut() {
            // After a `名字：…` line (one line, one turn) the text is nobody's turn.
            if t.stamped || t.speaker.is_none() {
                t.said.push((n, line.to_owned()));
            } else {
                let said = vec![(n, line.to_owned())];
                turns.push(Turn {
                    speaker: None,
                    addressed: None,
                    first: n,
                    said,
                    stamped: false,
                });
            }
        }
    }
    if stamped >= 3 || named >= 4 {
        turns
    } else {
        Vec::new()
    }
}

/// `Kevin 叶凯 00:02:25`: the Latin names the speakers go by, with the person.
pub(super) fn latin_names(turns: &[Turn], lines: &[String]) -> Vec<(String, OwnerRef)> {
    let mut out: Vec<(String, OwnerRef)> = Vec::new();
    for t in turns {
        let (Some(who), Some(line)) = (&t.speaker, lines.get(t.first)) else {
            continue;
        };
        let label = speaker_line(line.trim()).unwrap_or_default();
        for w in label.split_whitespace() {
            if w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()) && !out.iter().any(|(n, _)| n == w)
            {
                out.push((w.to_owned(), who.clone()));
            }
        }
    }
    out
}

/// The pairs of Chinese characters in `s` (`回归报告` → 回归, 归报, 报告).
fn bigrams(s: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    chars
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if is_cjk(*a) && is_cjk(*b) => Some((*a, *b)),
            _ => None,
        })
        .collect()
}

/// Whether two item texts speak of the same work: two or more pairs of characters in common,
/// at least two fifths of the shorter one's.
pub(super) fn shares_work(a: &str, b: &str) -> bool {
    let (x, y) = (bigrams(a), bigrams(b));
    let common = x.intersection(&y).count();
    let least = x.len().min(y.len()).max(1);
    common >= 2 && common * 5 >= least * 2
}

/// Pairs of characters that say nothing of the work (`一下`, `这个`).
const STOP: &[&str] = &[
    "一下", "这个", "那个", "一个", "我们", "这边", "我这", "那边", "下周", "明天", "今天", "之前", "的话",
    "可以", "负责", "还有",
];

/// Whether two texts name a common thing (`物料` in `物料的话我这边可以出` and `王维负责物料`).
pub(super) fn shares_topic(a: &str, b: &str) -> bool {
    let stop: HashSet<(char, char)> = STOP.iter().flat_map(|w| bigrams(w)).collect();
    bigrams(a).intersection(&bigrams(b)).any(|p| !stop.contains(p))
}

/// The turn where an item's words were said: the one sharing most of its pairs of characters
/// (at least half of them); for a text of a few words (`好，给我`), the first turn saying each of
/// its pieces.
pub(super) fn origin(turns: &[Turn], text: &str) -> Option<usize> {
    let x = bigrams(text);
    if x.len() < 2 {
        let pieces: Vec<&str> = text
            .split(['，', '：', ','])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        return (!pieces.is_empty())
            .then(|| {
                turns.iter().position(|t| {
                    let said = t.text();
                    pieces.iter().all(|p| said.contains(p))
                })
            })
            .flatten();
    }
    let mut best: Option<(usize, usize)> = None;
    for (t, turn) in turns.iter().enumerate() {
        let common = x.intersection(&bigrams(&turn.text())).count();
        if common * 2 >= x.len() && best.is_none_or(|(_, c)| common > c) {
            best = Some((t, common));
        }
    }
    best.map(|(t, _)| t)
}
