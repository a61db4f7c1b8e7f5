//! Rendering (pure): a [`Command`] back to the text a user would type, the inverse of
//! [`parse`](crate::command::parse); and [`cli_mentions`] for typing mentions in a terminal.
//!
//! Deadlines are written as absolute `YYYY-MM-DD HH:MM` (or `YYYY-MM-DD` when the deadline has
//! no clock time), so `parse(render(c)) == c` holds whenever `c`'s deadline lies in the future
//! on a whole minute (or at 18:00 when it has no time). Free text that could be misread (a title
//! word like `P1` or `#x`, a note starting with `60%`) is wrapped in `"quotes"`; text that itself
//! contains `"` or a line break cannot be rendered exactly.

use crate::command::ast::Command;
use crate::command::mention::Mention;
use crate::command::minutes::MinutesCmd;
use crate::command::{project, requirement, supervise};
use crate::domain::ids::{OpenId, Person};

/// Renders `cmd` as a command line plus the mentions its `@_user_N` placeholders stand for.
pub fn render(cmd: &Command) -> (String, Vec<Mention>) {
    match cmd {
        Command::Supervise(s) => supervise::render(s),
        Command::Project(p) => project::render(p),
        Command::Requirement(q) => requirement::render(q),
        Command::Minutes(m) => (render_minutes(m), Vec::new()),
        Command::Series(s) => (s.render(), Vec::new()),
    }
}

/// `/纪要 …` as typed (pasted text is kept verbatim, placeholders included).
fn render_minutes(m: &MinutesCmd) -> String {
    match m {
        MinutesCmd::Text(text) | MinutesCmd::Link(text) => format!("/纪要 {text}"),
        MinutesCmd::FromReply => "/纪要".to_owned(),
    }
}

/// Turns `@张三` written in plain text into `@_user_N` placeholders plus synthetic mentions
/// (open_id `ou_cli_N`, the name as written); the same name twice gets the same placeholder.
/// A name runs up to the next space, `@` or punctuation mark.
pub fn cli_mentions(text: &str) -> (String, Vec<Mention>) {
    let mut out = String::with_capacity(text.len());
    let mut mentions: Vec<Mention> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !matches!(c, '@' | '＠') {
            out.push(c);
            continue;
        }
        let mut name = String::new();
        while let Some(&n) = chars.peek() {
            if ends_name(n) {
                break;
            }
            name.push(n);
            chars.next();
        }
        if name.is_empty() || name.starts_with("_user_") {
            out.push(c);
            out.push_str(&name);
            continue;
        }
        let key = match mentions.iter().find(|m| m.person.name == name) {
            Some(m) => m.key.clone(),
            None => {
                let n = mentions.len() + 1;
                let key = format!("@_user_{n}");
                mentions.push(Mention {
                    key: key.clone(),
                    person: Person {
                        open_id: OpenId(format!("ou_cli_{n}")),
                        name,
                    },
                });
                key
            }
        };
        out.push_str(&key);
    }
    (out, mentions)
}

fn ends_name(c: char) -> bool {
    c.is_whitespace() || "@＠,，.。:：;；!！?？、()（）\"“”'".contains(c)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use jiff::tz::{self, TimeZone};
    use jiff::{SignedDuration, Timestamp};
    use proptest::prelude::*;

    use super::*;
    use crate::calendar::Calendar;
    use crate::command::{Context, CreateItem, ListFilter, SuperviseCmd, parse};
    use crate::domain::board::Period;
    use crate::domain::deadline::Deadline;
    use crate::domain::ids::ItemId;
    use crate::domain::priority::Priority;

    fn now() -> Timestamp {
        "2026-03-11T10:00:00+08:00".parse().unwrap()
    }

    fn cal() -> &'static Calendar {
        static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
        CAL.get_or_init(Calendar::builtin)
    }

    fn people() -> impl Strategy<Value = Vec<Person>> {
        proptest::collection::btree_map(1u32..40, "[张李王赵钱孙][一-龥]{0,2}", 1..5).prop_map(|m| {
            m.into_iter()
                .map(|(n, name)| Person {
                    open_id: OpenId(format!("ou_{n}")),
                    name,
                })
                .collect()
        })
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec("[a-z一-龥]{1,6}", 1..5).prop_map(|w| w.join(" "))
    }

    fn deadline() -> impl Strategy<Value = Deadline> {
        prop_oneof![
            (1i64..290 * 1440).prop_map(|m| Deadline {
                at: now() + SignedDuration::from_mins(m),
                has_time: true,
            }),
            (1i64..290).prop_map(|d| {
                let day = now().to_zoned_datetime(TimeZone::fixed(tz::offset(8))).date();
                let day = day.checked_add(jiff::Span::new().days(d)).unwrap();
                Deadline {
                    at: crate::domain::time::SHANGHAI
                        .to_timestamp(day.at(18, 0, 0, 0))
                        .unwrap(),
                    has_time: false,
                }
            }),
        ]
    }

    fn id() -> impl Strategy<Value = ItemId> {
        (1u64..100_000).prop_map(ItemId)
    }

    fn create() -> impl Strategy<Value = SuperviseCmd> {
        let tags = proptest::collection::btree_set("[a-z一-龥]{1,4}", 0..4);
        (
            proptest::option::weighted(0.8, text()),
            people(),
            deadline(),
            proptest::sample::select(Priority::ALL.to_vec()),
            tags,
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(text()),
        )
            .prop_map(
                |(title, people, deadline, priority, tags, resources, scenario, description)| {
                    let mut people = people.into_iter();
                    let owner = people.next().unwrap();
                    SuperviseCmd::Create(CreateItem {
                        title,
                        owner,
                        assistants: people.collect(),
                        deadline,
                        priority,
                        tags: tags.into_iter().collect(),
                        resources,
                        scenario,
                        description,
                        class: None,
                        repeat: None,
                    })
                },
            )
    }

    fn command() -> impl Strategy<Value = Command> {
        let person = || people().prop_map(|p| p.into_iter().next().unwrap());
        let note = || proptest::option::of(text());
        let filter = prop_oneof![
            Just(ListFilter::Open),
            Just(ListFilter::Mine),
            Just(ListFilter::CreatedByMe),
            Just(ListFilter::Overdue),
            Just(ListFilter::ThisWeek),
            Just(ListFilter::All),
            person().prop_map(ListFilter::Person),
        ];
        prop_oneof![
            create(),
            filter.prop_map(SuperviseCmd::List),
            id().prop_map(SuperviseCmd::Show),
            (id(), proptest::option::of(0u8..=100), note())
                .prop_filter("progress needs something", |(_, p, n)| p.is_some() || n.is_some())
                .prop_map(|(id, percent, note)| SuperviseCmd::Progress { id, percent, note }),
            (id(), note()).prop_map(|(id, note)| SuperviseCmd::Done { id, note }),
            id().prop_map(|id| SuperviseCmd::Accept { id }),
            (id(), text()).prop_map(|(id, reason)| SuperviseCmd::Reject { id, reason }),
            (id(), deadline(), note()).prop_map(|(id, deadline, reason)| SuperviseCmd::Extend {
                id,
                deadline,
                reason
            }),
            id().prop_map(|id| SuperviseCmd::Nudge { id }),
            (id(), person()).prop_map(|(id, to)| SuperviseCmd::Reassign { id, to }),
            (id(), note()).prop_map(|(id, reason)| SuperviseCmd::Cancel { id, reason }),
            Just(SuperviseCmd::Help),
            Just(SuperviseCmd::Board),
            proptest::option::of(proptest::sample::select(Period::ALL.to_vec()))
                .prop_map(|period| SuperviseCmd::Export { period }),
            (
                proptest::sample::select(Period::ALL.to_vec()),
                proptest::option::of(person())
            )
                .prop_map(|(period, person)| SuperviseCmd::Stats { period, person }),
            Just(SuperviseCmd::OrgBoard),
            proptest::sample::select(Period::ALL.to_vec())
                .prop_map(|period| SuperviseCmd::UnitStats { period }),
        ]
        .prop_map(Command::Supervise)
    }

    fn vocabulary() -> impl Strategy<Value = String> {
        let pieces = [
            "/督办",
            "／督办",
            "/task",
            " ",
            "\u{3000}",
            "\n",
            "@_user_1",
            "@_user_2",
            "@_user_12",
            "DB-1",
            "60%",
            "120%",
            "明天",
            "下周五前",
            "P1",
            "高",
            "#x",
            "#",
            "\"",
            "“",
            "：",
            ":",
            "负责人:",
            "截止:",
            "说明：",
            "11月30日",
            "18:00",
            "2026-02-30",
            "列表",
            "延期",
            "进展",
            "转交",
            "晾晒",
            "看板",
            "统计",
            "上月",
            "本季度",
            "尽快",
            "报告12",
            "个工作日内",
            "3",
            "é",
            "\u{200B}",
            "ＤＢ－１",
        ];
        proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..24).prop_map(|v| v.concat())
    }

    fn some_mentions() -> Vec<Mention> {
        (1..=12)
            .map(|n| Mention {
                key: format!("@_user_{n}"),
                person: Person {
                    open_id: OpenId(format!("ou_{n}")),
                    name: format!("人{n}"),
                },
            })
            .collect()
    }

    proptest! {
        #[test]
        fn parse_inverts_render(cmd in command()) {
            let (text, mentions) = render(&cmd);
            let is_reply = matches!(&cmd, Command::Supervise(SuperviseCmd::Create(c)) if c.title.is_none());
            let ctx = Context { now: now(), calendar: cal(), is_reply };
            prop_assert_eq!(parse(&text, &mentions, &ctx), Ok(Some(cmd)), "{}", text);
        }

        #[test]
        fn parse_never_panics_on_any_string(s in any::<String>(), reply in any::<bool>()) {
            let ctx = Context { now: now(), calendar: cal(), is_reply: reply };
            let _ = parse(&s, &[], &ctx);
            let _ = parse(&s, &some_mentions(), &ctx);
        }

        #[test]
        fn parse_never_panics_on_command_like_strings(s in vocabulary(), reply in any::<bool>()) {
            let ctx = Context { now: now(), calendar: cal(), is_reply: reply };
            let _ = parse(&s, &[], &ctx);
            let _ = parse(&s, &some_mentions(), &ctx);
        }
    }

    #[test]
    fn render_writes_what_a_person_would_type() {
        let zhang = Person {
            open_id: OpenId("ou_2".to_owned()),
            name: "张三".to_owned(),
        };
        let cmd = Command::Supervise(SuperviseCmd::Reassign {
            id: ItemId(12),
            to: zhang.clone(),
        });
        assert_eq!(
            render(&cmd),
            (
                "/督办 转交 DB-12 @_user_1".to_owned(),
                vec![Mention {
                    key: "@_user_1".to_owned(),
                    person: zhang
                }]
            )
        );
    }

    #[test]
    fn cli_mentions_number_each_distinct_name_once() {
        let (text, ms) = cli_mentions("/督办 写纪要 @张三 @李四，@张三 明天");
        assert_eq!(text, "/督办 写纪要 @_user_1 @_user_2，@_user_1 明天");
        let names: Vec<_> = ms
            .iter()
            .map(|m| {
                (
                    m.key.as_str(),
                    m.person.name.as_str(),
                    m.person.open_id.0.as_str(),
                )
            })
            .collect();
        assert_eq!(
            names,
            vec![("@_user_1", "张三", "ou_cli_1"), ("@_user_2", "李四", "ou_cli_2")]
        );
    }

    #[test]
    fn cli_mentions_leave_a_lone_at_sign_alone() {
        assert_eq!(cli_mentions("a @ b"), ("a @ b".to_owned(), vec![]));
    }
}
