//! Transcripts read as a conversation (`extract/dialogue/`): work settled across turns, one
//! item per task, the recap's repeats dropped. Each transcript here is written for the test.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};
use super::*;

#[test]
fn debug_35() {
    let text = std::fs::read_to_string("src/minutes/heldout4/35-long-miaoji-trading-system-cutover.md").unwrap();
    let people: Vec<Person> = ["郝建","滕飞","阮晓峰","温雅","童磊","施琳"].iter().map(|n| super::testkit::person(n)).collect();
    let (_, tr) = explain(&text, &[], &people, "2026-06-16T17:00:00+08:00".parse().unwrap(), super::testkit::cal());
    let _ = (dues, owners, run, texts);
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let ctx = Ctx { mentions: &[], members: &people, base: "2026-06-16T09:00:00+08:00".parse().unwrap(), cal: super::testkit::cal(), speaker: None, addressed: None };
    let turns = super::dialogue::debug_turns(&lines, &ctx);
    eprintln!("{turns}");
    let _ = tr;
}
