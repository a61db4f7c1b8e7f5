use jiff::civil::{Date, Time, date};

use super::*;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn cal() -> Calendar {
    Calendar::builtin()
}

fn series(c: &Cadence, first: Timestamp, now: Timestamp) -> Series {
    let p = first_occurrence(c, first, now, &cal()).unwrap();
    Series {
        id: ItemId(1),
        rule: describe(c),
        anchor: local(first).date(),
        time: local(first).time(),
        has_time: false,
        current: ItemId(1),
        number: 1,
        period_start: p.period_start,
        period_end: p.period_end,
        due: local(p.deadline).date(),
        next_at: None,
        stopped: None,
    }
}

/// The deadlines of the next `n` occurrences, each planned right after the previous one closed
/// on its own period's Monday.
fn deadlines(c: &Cadence, mut s: Series, n: usize) -> Vec<Date> {
    let mut out = Vec::new();
    for _ in 0..n {
        let now = at(s.period_start, Time::constant(8, 0, 0, 0));
        let p = next_occurrence(c, &s, now, &cal()).unwrap();
        out.push(local(p.deadline).date());
        s.due = local(p.deadline).date();
        s.period_start = p.period_start;
        s.period_end = p.period_end;
    }
    out
}

#[test]
fn a_weekly_series_moves_holiday_deadlines_to_the_next_working_day_around_national_day() {
    let c = Cadence::parse("每周").unwrap();
    // Friday 09-25 is 中秋: the first deadline moves to Monday 09-28, in the week of 09-21.
    let now = ts("2026-09-21T10:00:00+08:00");
    let p = first_occurrence(&c, ts("2026-09-25T18:00:00+08:00"), now, &cal()).unwrap();
    assert_eq!(p.deadline, ts("2026-09-28T18:00:00+08:00"));
    assert_eq!(
        (p.period_start, p.period_end),
        (date(2026, 9, 21), date(2026, 9, 27))
    );
    let s = series(&c, ts("2026-09-25T18:00:00+08:00"), now);
    // 10-02 (国庆, off 10-01..10-07) → Thursday 10-08; then Fridays again.
    assert_eq!(
        deadlines(&c, s, 3),
        vec![date(2026, 10, 8), date(2026, 10, 9), date(2026, 10, 16)]
    );
}

#[test]
fn a_week_without_any_working_day_has_no_occurrence() {
    let c = Cadence::parse("每周").unwrap();
    let s = series(
        &c,
        ts("2026-02-13T18:00:00+08:00"),
        ts("2026-02-09T10:00:00+08:00"),
    );
    // 02-16..02-22 is all 春节: skipped; 02-27 is a working Friday.
    assert_eq!(deadlines(&c, s, 2), vec![date(2026, 2, 27), date(2026, 3, 6)]);
}

#[test]
fn month_ends_quarter_ends_and_month_days_follow_the_calendar() {
    let now = ts("2026-09-01T10:00:00+08:00");
    let c = Cadence::parse("每月最后一个工作日").unwrap();
    let s = series(&c, ts("2026-09-30T18:00:00+08:00"), now);
    assert_eq!(deadlines(&c, s, 2), vec![date(2026, 10, 30), date(2026, 11, 30)]);
    let c = Cadence::parse("每季度末").unwrap();
    let s = series(&c, ts("2026-09-30T18:00:00+08:00"), now);
    assert_eq!(deadlines(&c, s, 1), vec![date(2026, 12, 31)]);
    // 每月3日: 10-03 is 国庆 → 10-08.
    let c = Cadence::parse("每月3日").unwrap();
    let s = series(&c, ts("2026-09-03T18:00:00+08:00"), now);
    assert_eq!(deadlines(&c, s, 2), vec![date(2026, 10, 8), date(2026, 11, 3)]);
}

#[test]
fn a_series_left_overdue_resumes_with_the_current_period() {
    let c = Cadence::parse("每周").unwrap();
    let s = series(
        &c,
        ts("2026-03-13T18:00:00+08:00"),
        ts("2026-03-11T10:00:00+08:00"),
    );
    // Closed three weeks late, on Tuesday 04-07: the next one is due Friday 04-10.
    let p = next_occurrence(&c, &s, ts("2026-04-07T10:00:00+08:00"), &cal()).unwrap();
    assert_eq!(p.deadline, ts("2026-04-10T18:00:00+08:00"));
    // Closed Saturday 04-11, after that Friday: the week after.
    let p = next_occurrence(&c, &s, ts("2026-04-11T10:00:00+08:00"), &cal()).unwrap();
    assert_eq!(p.deadline, ts("2026-04-17T18:00:00+08:00"));
}

#[test]
fn a_first_deadline_beyond_the_next_period_is_refused() {
    let now = ts("2026-03-11T10:00:00+08:00");
    let c = Cadence::parse("每个工作日").unwrap();
    let e = first_occurrence(&c, ts("2026-04-15T18:00:00+08:00"), now, &cal()).unwrap_err();
    let text = e.to_string();
    assert!(
        text.starts_with("截止时间在 3月12日 之后的周期里，而「每个工作日"),
        "{text}"
    );
    assert!(text.ends_with("」每期都要在当期内完成"), "{text}");
    // Today and the next working day are fine, Friday evening → Monday too.
    assert!(first_occurrence(&c, ts("2026-03-12T18:00:00+08:00"), now, &cal()).is_ok());
    let friday = ts("2026-03-13T19:00:00+08:00");
    assert!(first_occurrence(&c, ts("2026-03-16T18:00:00+08:00"), friday, &cal()).is_ok());
    let c = Cadence::parse("每周").unwrap();
    assert!(first_occurrence(&c, ts("2026-03-20T18:00:00+08:00"), now, &cal()).is_ok());
    assert!(first_occurrence(&c, ts("2026-03-27T18:00:00+08:00"), now, &cal()).is_err());
}

#[test]
fn a_period_starts_at_nine_on_its_first_working_day() {
    let c = Cadence::parse("每周").unwrap();
    let s = series(
        &c,
        ts("2026-09-25T18:00:00+08:00"),
        ts("2026-09-21T10:00:00+08:00"),
    );
    let p = next_occurrence(&c, &s, ts("2026-09-22T10:00:00+08:00"), &cal()).unwrap();
    assert_eq!(
        period_start_at(&c, &p, &cal()).unwrap(),
        ts("2026-09-28T09:00:00+08:00")
    );
    let after_holiday = Planned {
        period_start: date(2026, 10, 5),
        period_end: date(2026, 10, 11),
        deadline: ts("2026-10-09T18:00:00+08:00"),
    };
    assert_eq!(
        period_start_at(&c, &after_holiday, &cal()).unwrap(),
        ts("2026-10-08T09:00:00+08:00")
    );
}

#[test]
fn the_default_is_whichever_comes_first_and_the_config_words_are_snake_case() {
    assert_eq!(NextWhen::default(), NextWhen::First);
    let w: NextWhen = serde_json::from_str("\"period_start\"").unwrap();
    assert_eq!(w, NextWhen::PeriodStart);
}

#[test]
fn an_occurrence_moved_onto_the_next_ones_day_stands_for_both() {
    // Thursday 10-01 (国庆) moves to Thursday 10-08, which is also the next week's own day.
    let c = Cadence::parse("每周四").unwrap();
    let s = series(
        &c,
        ts("2026-09-24T18:00:00+08:00"),
        ts("2026-09-21T10:00:00+08:00"),
    );
    assert_eq!(deadlines(&c, s, 2), vec![date(2026, 10, 8), date(2026, 10, 15)]);
}
