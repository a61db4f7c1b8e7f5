//! The table tests: every row's example, and every other name of the row, parses to a command
//! of that row's own key; names are unique within a family; the tables follow the enums.

use std::collections::HashSet;

use super::*;
use crate::calendar::Calendar;
use crate::command::{Command, Context, cli_mentions, parse};

fn ctx() -> Context<'static> {
    static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    Context {
        now: "2026-03-11T10:00:00+08:00".parse().unwrap(),
        calendar: CAL.get_or_init(Calendar::builtin),
        is_reply: false,
    }
}

fn parsed(text: &str) -> Command {
    let (text, mentions) = cli_mentions(text);
    match parse(&text, &mentions, &ctx()) {
        Ok(Some(c)) => c,
        other => panic!("{text:?} does not parse: {other:?}"),
    }
}

/// Each family's table with its Chinese and English prefixes.
fn families() -> [(&'static [CommandSpec], &'static str, &'static str); 4] {
    [
        (SUPERVISE_COMMANDS, "/督办", "/task"),
        (PROJECT_COMMANDS, "/项目", "/project"),
        (REQUIREMENT_COMMANDS, "/需求", "/req"),
        (crate::command::spec::SERIES_COMMANDS, "/例会", "/meeting-series"),
    ]
}

#[test]
fn every_example_parses_to_its_own_rows_key() {
    let rows = families()
        .into_iter()
        .flat_map(|(table, _, _)| table.iter())
        .chain(OTHER_COMMANDS);
    for row in rows {
        assert_eq!(parsed(row.example).key(), row.key, "{}", row.example);
    }
}

#[test]
fn every_alias_and_english_name_parses_to_its_own_rows_key() {
    let mut checked = 0;
    for (table, zh_prefix, en_prefix) in families() {
        for row in table.iter().filter(|r| !r.zh.is_empty()) {
            let head = format!("{zh_prefix} {}", row.zh);
            let rest = row
                .example
                .strip_prefix(&head)
                .unwrap_or_else(|| panic!("{} does not start with {head}", row.example));
            let mut texts: Vec<String> = row
                .aliases
                .iter()
                .map(|a| format!("{zh_prefix} {a}{rest}"))
                .collect();
            texts.push(format!("{zh_prefix} {}{rest}", row.en));
            texts.push(format!("{en_prefix} {}{rest}", row.en));
            texts.push(format!("{en_prefix} {}{rest}", row.en.to_uppercase()));
            for text in texts {
                assert_eq!(parsed(&text).key(), row.key, "{text}");
                checked += 1;
            }
        }
    }
    assert!(checked > 90, "{checked}");
    assert_eq!(SuperviseSub::from_word("看板"), Some(SuperviseSub::Board));
}

#[test]
fn names_are_unique_within_a_family_and_only_the_first_row_may_have_none() {
    for (table, prefix, _) in families() {
        let mut seen = HashSet::new();
        for (n, row) in table.iter().enumerate() {
            if row.zh.is_empty() {
                assert_eq!(n, 0, "{prefix}: only the first row may have no word");
                assert!(row.en.is_empty() && row.aliases.is_empty(), "{prefix}");
                continue;
            }
            let names = [row.zh.to_owned(), row.en.to_ascii_lowercase()]
                .into_iter()
                .chain(row.aliases.iter().map(|a| (*a).to_owned()));
            for name in names {
                assert!(seen.insert(name.clone()), "{prefix}: {name} names two rows");
            }
        }
    }
}

#[test]
fn the_tables_follow_their_enums() {
    let keys = |table: &[CommandSpec]| table.iter().map(|r| r.key).collect::<Vec<_>>();
    let supervise: Vec<Key> = SuperviseSub::ALL.iter().map(|k| Key::Supervise(*k)).collect();
    let project: Vec<Key> = ProjectSub::ALL.iter().map(|k| Key::Project(*k)).collect();
    let requirement: Vec<Key> = RequirementSub::ALL.iter().map(|k| Key::Requirement(*k)).collect();
    assert_eq!(keys(SUPERVISE_COMMANDS), supervise);
    assert_eq!(keys(PROJECT_COMMANDS), project);
    assert_eq!(keys(REQUIREMENT_COMMANDS), requirement);
    for key in SuperviseSub::ALL {
        assert_eq!(
            SuperviseSub::from_word(key.spec().zh),
            (!key.spec().zh.is_empty()).then_some(*key)
        );
    }
}

#[test]
fn a_word_that_names_no_row_is_none() {
    assert_eq!(SuperviseSub::from_word(""), None);
    assert_eq!(SuperviseSub::from_word("删除"), None);
    assert_eq!(ProjectSub::from_word("晾晒"), None);
    assert_eq!(RequirementSub::from_word("LIST"), Some(RequirementSub::List));
}
