#![allow(clippy::unwrap_used, clippy::expect_used)]

use jiff::civil::{Date, Weekday, date, time};

use super::*;

fn cal() -> Calendar {
    Calendar::builtin()
}

fn p(s: &str) -> Cadence {
    Cadence::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn next_of(c: &str, from: Date) -> Date {
    p(c).occurrence_on_or_after(from, from, &cal()).unwrap()
}

/// The occurrences from `from` on, `n` of them.
fn series(c: &Cadence, from: Date, anchor: Date, n: usize) -> Vec<Date> {
    let mut out = Vec::new();
    let mut cur = from;
    for _ in 0..n {
        let d = c.occurrence_on_or_after(cur, anchor, &cal()).unwrap();
        out.push(d);
        cur = d.tomorrow().unwrap();
    }
    out
}

#[test]
fn weekly_forms_are_read_with_times_in_every_spelling() {
    let monday_930 = Cadence::Weekly {
        weekday: Some(Weekday::Monday),
        time: Some(time(9, 30, 0, 0)),
    };
    for s in [
        "每周一 9:30",
        "每周一9:30",
        "每周一 ９：３０",
        "每周一 9点半",
        "每周一 上午9:30",
        "每星期一 九点半",
        "每週一 9點30分",
        " 每周一  09:30 ",
    ] {
        assert_eq!(p(s), monday_930, "{s}");
    }
    assert_eq!(p("每周日").time(), None);
    assert_eq!(
        p("每周天 14:00"),
        Cadence::Weekly {
            weekday: Some(Weekday::Sunday),
            time: Some(time(14, 0, 0, 0))
        }
    );
    assert_eq!(p("每周五 下午2点").time(), Some(time(14, 0, 0, 0)));
    assert_eq!(
        p("每周五 3点").time(),
        Some(time(15, 0, 0, 0)),
        "C4: a bare 3 is 15:00"
    );
    assert_eq!(p("每周五 9点一刻").time(), Some(time(9, 15, 0, 0)));
    assert_eq!(p("每周五 中午12点").time(), Some(time(12, 0, 0, 0)));
    assert_eq!(
        p("每周"),
        Cadence::Weekly {
            weekday: None,
            time: None
        }
    );
    assert_eq!(
        p("每两周三 14:00"),
        Cadence::Biweekly {
            weekday: Some(Weekday::Wednesday),
            time: Some(time(14, 0, 0, 0))
        }
    );
    assert_eq!(
        p("每两周"),
        Cadence::Biweekly {
            weekday: None,
            time: None
        }
    );
    assert_eq!(p("隔周周四").time(), None);
}

#[test]
fn day_and_month_forms_are_read_with_chinese_and_full_width_numerals() {
    assert_eq!(
        p("每个工作日 9:00"),
        Cadence::EveryWorkingDay {
            time: Some(time(9, 0, 0, 0))
        }
    );
    assert_eq!(p("每个交易日"), Cadence::EveryTradingDay { time: None });
    assert_eq!(
        p("每月第三个工作日 10:00"),
        Cadence::MonthNthWorkingDay {
            n: 3,
            time: Some(time(10, 0, 0, 0))
        }
    );
    assert_eq!(
        p("每月第３个工作日"),
        Cadence::MonthNthWorkingDay { n: 3, time: None }
    );
    assert_eq!(
        p("每月最后一个工作日"),
        Cadence::MonthLastWorkingDay { time: None }
    );
    assert_eq!(p("每月十五号"), Cadence::MonthDay { day: 15, time: None });
    assert_eq!(
        p("每月15日 上午10点"),
        Cadence::MonthDay {
            day: 15,
            time: Some(time(10, 0, 0, 0))
        }
    );
    assert_eq!(p("每月二十五日"), Cadence::MonthDay { day: 25, time: None });
    assert_eq!(p("每月３１号"), Cadence::MonthDay { day: 31, time: None });
    assert_eq!(p("每季度末"), Cadence::QuarterEnd { time: None });
}

#[test]
fn unreadable_cadences_are_refused_with_an_example() {
    for s in [
        "",
        "   ",
        "随便",
        "每周八",
        "每周一 25:00",
        "每周一 9:75",
        "每月第0个工作日",
        "每月第三十个工作日",
        "每月32号",
        "每月0号",
        "每周一 下周二",
        "每年",
        "每周一 9",
    ] {
        let e = Cadence::parse(s).expect_err(s);
        let text = e.to_string();
        assert!(text.contains("可以这样写：每周一 9:30"), "{s}: {text}");
    }
    assert!(Cadence::parse("每月32号").unwrap_err().message.contains("1到31"));
}

#[test]
fn a_weekly_meeting_moves_over_the_2026_national_day_holiday() {
    // 2026: 09-20 (Sun) and 10-10 (Sat) are working; 10-01..10-07 are off (10-03/04 a weekend).
    let c = p("每周一 9:30");
    let got = series(&c, date(2026, 9, 21), date(2026, 9, 21), 4);
    assert_eq!(
        got,
        vec![
            date(2026, 9, 21),
            date(2026, 9, 28),
            // Monday 10-05 is a holiday: the next working day is Thursday 10-08.
            date(2026, 10, 8),
            date(2026, 10, 12),
        ]
    );
    // Asked in the middle of the holiday, the moved occurrence is still found.
    assert_eq!(next_of("每周一", date(2026, 10, 6)), date(2026, 10, 8));
    // A Thursday meeting: 10-01 is off, the next working day is 10-08, the same day as the next
    // week's Thursday: one occurrence, not two.
    let thu = p("每周四 14:00");
    assert_eq!(
        series(&thu, date(2026, 9, 25), date(2026, 9, 25), 3),
        vec![date(2026, 10, 8), date(2026, 10, 15), date(2026, 10, 22)]
    );
    // A Friday meeting in the week of 中秋 (Friday 09-25 off) moves to Monday 09-28.
    assert_eq!(next_of("每周五", date(2026, 9, 22)), date(2026, 9, 28));
}

#[test]
fn weekend_meetings_move_to_working_days_but_adjusted_saturdays_count() {
    // Saturday 10-10 is a 调休 working day: a Saturday meeting happens.
    assert_eq!(next_of("每周六", date(2026, 10, 9)), date(2026, 10, 10));
    // An ordinary Saturday moves to Monday.
    assert_eq!(next_of("每周六", date(2026, 10, 12)), date(2026, 10, 19));
    // Sunday 09-13 moves to Monday 09-14; Sunday 09-20 is a working day.
    assert_eq!(next_of("每周日", date(2026, 9, 14)), date(2026, 9, 14));
    assert_eq!(next_of("每周日", date(2026, 9, 15)), date(2026, 9, 20));
}

#[test]
fn every_working_and_trading_day() {
    assert_eq!(next_of("每个工作日", date(2026, 9, 30)), date(2026, 9, 30));
    assert_eq!(next_of("每个工作日", date(2026, 10, 1)), date(2026, 10, 8));
    assert_eq!(next_of("每个工作日", date(2026, 10, 10)), date(2026, 10, 10));
    // The exchanges close on 调休 Saturdays.
    assert_eq!(next_of("每个交易日", date(2026, 10, 10)), date(2026, 10, 12));
    assert_eq!(next_of("每个交易日", date(2026, 10, 1)), date(2026, 10, 8));
}

#[test]
fn every_other_week_counts_from_the_anchor() {
    let c = p("每两周三");
    let anchor = date(2026, 9, 9); // a Wednesday
    assert_eq!(
        series(&c, anchor, anchor, 3),
        vec![date(2026, 9, 9), date(2026, 9, 23), date(2026, 10, 8)]
    );
    // 10-07 is a holiday: the next working day 10-08; then 10-21.
    assert_eq!(
        c.occurrence_on_or_after(date(2026, 10, 9), anchor, &cal())
            .unwrap(),
        date(2026, 10, 21)
    );
    // Without a day, the anchor's weekday.
    let plain = p("每两周");
    assert_eq!(
        plain
            .occurrence_on_or_after(date(2026, 9, 10), anchor, &cal())
            .unwrap(),
        date(2026, 9, 23)
    );
}

#[test]
fn month_and_quarter_cadences() {
    // October 2026: the first working day is 10-08, the third 10-10 (调休 Saturday).
    assert_eq!(next_of("每月第一个工作日", date(2026, 10, 1)), date(2026, 10, 8));
    assert_eq!(next_of("每月第三个工作日", date(2026, 10, 1)), date(2026, 10, 10));
    assert_eq!(next_of("每月第三个工作日", date(2026, 10, 11)), date(2026, 11, 4));
    // The last working day of September is Wednesday 09-30; of October Friday 10-30.
    assert_eq!(next_of("每月最后一个工作日", date(2026, 9, 1)), date(2026, 9, 30));
    assert_eq!(
        next_of("每月最后一个工作日", date(2026, 10, 1)),
        date(2026, 10, 30)
    );
    // The 1st of October moves to 10-08; the 31st of October (Saturday) to Monday 11-02.
    assert_eq!(next_of("每月1号", date(2026, 9, 2)), date(2026, 10, 8));
    assert_eq!(next_of("每月31号", date(2026, 10, 2)), date(2026, 11, 2));
    // A 31st in a 30-day month is its last day (11-30 is a Monday).
    assert_eq!(next_of("每月31号", date(2026, 11, 3)), date(2026, 11, 30));
    // Quarter ends: 09-30, then 12-31 (Thursday).
    assert_eq!(next_of("每季度末", date(2026, 7, 1)), date(2026, 9, 30));
    assert_eq!(next_of("每季度末", date(2026, 10, 1)), date(2026, 12, 31));
}

#[test]
fn a_year_without_data_is_an_error_not_a_guess() {
    let e = p("每周一").occurrence_on_or_after(date(2027, 3, 1), date(2027, 3, 1), &cal());
    assert!(matches!(e, Err(CalendarError::NoData { year: 2027 })));
}

#[test]
fn periods() {
    let d = date(2026, 10, 8);
    assert_eq!(p("每周").period_of(d), (date(2026, 10, 5), date(2026, 10, 11)));
    assert_eq!(p("每个工作日").period_of(d), (d, d));
    assert_eq!(
        p("每月15号").period_of(d),
        (date(2026, 10, 1), date(2026, 10, 31))
    );
    assert_eq!(
        p("每季度末").period_of(d),
        (date(2026, 10, 1), date(2026, 12, 31))
    );
    assert_eq!(
        p("每季度末").period_of(date(2026, 3, 31)),
        (date(2026, 1, 1), date(2026, 3, 31))
    );
    let two = p("每两周三");
    assert_eq!(
        two.period_of_anchored(date(2026, 9, 16), date(2026, 9, 9)),
        (date(2026, 9, 7), date(2026, 9, 20))
    );
}

#[test]
fn descriptions_state_the_shift_rule() {
    assert_eq!(
        p("每周一 9:30").describe(),
        "每周一 9:30；遇节假日顺延到下一个工作日"
    );
    assert_eq!(
        p("每两周三 14:00").describe(),
        "每两周的周三 14:00；遇节假日顺延到下一个工作日"
    );
    assert_eq!(p("每月15号").describe(), "每月15日；遇节假日顺延到下一个工作日");
    assert_eq!(p("每月第3个工作日 10:00").describe(), "每月第3个工作日 10:00");
    assert!(p("每个交易日").describe().contains("休市"));
    assert!(p("每季度末").describe().contains("最后一个工作日"));
    assert!(p("每周").describe().starts_with("每周"));
}

#[test]
fn cadences_round_trip_through_json() {
    for s in [
        "每周一 9:30",
        "每两周",
        "每月第2个工作日",
        "每季度末 16:00",
        "每个交易日",
    ] {
        let c = p(s);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Cadence>(&json).unwrap(), c);
    }
}
