//! Tests of the deadline parser: every rule of deadline-conventions.md (C0–C15) with the
//! document's own examples (now = Wednesday 2026-03-11 10:00 +08:00 unless stated), more
//! examples per rule and per error, and property tests.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use jiff::Timestamp;
use jiff::civil::date;
use proptest::prelude::*;

use super::*;

/// A Shanghai wall-clock instant.
fn t(y: i16, mo: i8, d: i8, h: i8, mi: i8) -> Timestamp {
    resolve::SHANGHAI
        .to_timestamp(date(y, mo, d).at(h, mi, 0, 0))
        .unwrap()
}

/// The document's `now`: Wednesday 2026-03-11 10:00.
fn doc_now() -> Timestamp {
    t(2026, 3, 11, 10, 0)
}

fn parse_at(input: &str, now: Timestamp) -> Result<Deadline, DeadlineError> {
    parse_deadline(input, now, &Calendar::builtin())
}

/// The RFC 3339 result at `now`, or the error's message.
fn at(input: &str, now: Timestamp) -> String {
    match parse_at(input, now) {
        Ok(d) => format_rfc3339(d.at),
        Err(e) => format!("ERR {e}"),
    }
}

/// The RFC 3339 result at the document's `now`.
fn doc(input: &str) -> String {
    at(input, doc_now())
}

fn err(input: &str) -> DeadlineError {
    parse_at(input, doc_now()).unwrap_err()
}

fn err_at(input: &str, now: Timestamp) -> DeadlineError {
    parse_at(input, now).unwrap_err()
}

fn is_past(e: &DeadlineError) -> bool {
    matches!(e, DeadlineError::Past { .. })
}

// C0 -----------------------------------------------------------------------------------------

#[test]
fn c0_the_result_is_one_instant_shown_as_rfc3339_in_shanghai() {
    assert_eq!(doc("3月20日"), "2026-03-20T18:00:00+08:00");
    let d = parse_at("3月20日", doc_now()).unwrap();
    assert_eq!(d.at, t(2026, 3, 20, 18, 0));
    assert_eq!(format_rfc3339(Timestamp::UNIX_EPOCH), "1970-01-01T08:00:00+08:00");
}

#[test]
fn c0_a_deadline_round_trips_through_json() {
    let d = parse_at("明天下午3点", doc_now()).unwrap();
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Deadline>(&json).unwrap(), d);
}

#[test]
fn c0_a_rejected_input_is_an_error_with_a_reason() {
    let e = err("2月30日");
    assert!(e.to_string().contains("不是有效日期"), "{e}");
}

// C1 -----------------------------------------------------------------------------------------

#[test]
fn c1_a_date_without_a_time_means_18_00() {
    assert_eq!(doc("3月20日"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("2026年4月1日"), "2026-04-01T18:00:00+08:00");
    assert_eq!(doc("明天"), "2026-03-12T18:00:00+08:00");
    assert!(!parse_at("3月20日", doc_now()).unwrap().has_time);
    assert!(parse_at("3月20日 9:30", doc_now()).unwrap().has_time);
}

// C2 -----------------------------------------------------------------------------------------

#[test]
fn c2_named_days_stay_on_weekends_and_holidays() {
    assert_eq!(doc("3月15日"), "2026-03-15T18:00:00+08:00"); // Sunday
    assert_eq!(doc("大后天"), "2026-03-14T18:00:00+08:00"); // Saturday
    assert_eq!(doc("周六"), "2026-03-14T18:00:00+08:00");
    assert_eq!(doc("10月1日"), "2026-10-01T18:00:00+08:00"); // National Day
    assert_eq!(doc("4天后"), "2026-03-15T18:00:00+08:00");
}

#[test]
fn c2_relative_day_words() {
    assert_eq!(doc("今天"), "2026-03-11T18:00:00+08:00");
    assert_eq!(doc("明天"), "2026-03-12T18:00:00+08:00");
    assert_eq!(doc("后天"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("大后天"), "2026-03-14T18:00:00+08:00");
}

// C3 -----------------------------------------------------------------------------------------

#[test]
fn c3_day_counts_exclude_today() {
    assert_eq!(doc("5天内"), "2026-03-16T18:00:00+08:00");
    assert_eq!(doc("5天后"), "2026-03-16T18:00:00+08:00");
    assert_eq!(doc("五天之内"), "2026-03-16T18:00:00+08:00");
    assert_eq!(doc("3日内"), "2026-03-14T18:00:00+08:00");
    assert_eq!(doc("3天"), "2026-03-14T18:00:00+08:00");
    assert!(!parse_at("5天内", doc_now()).unwrap().has_time);
}

#[test]
fn c3_weeks_half_months_and_months() {
    assert_eq!(doc("一周"), "2026-03-18T18:00:00+08:00");
    assert_eq!(doc("一周内"), "2026-03-18T18:00:00+08:00");
    assert_eq!(doc("两周后"), "2026-03-25T18:00:00+08:00");
    assert_eq!(doc("1个星期"), "2026-03-18T18:00:00+08:00");
    assert_eq!(doc("半个月"), "2026-03-26T18:00:00+08:00");
    assert_eq!(doc("1个月内"), "2026-04-11T18:00:00+08:00");
    assert_eq!(doc("三个月后"), "2026-06-11T18:00:00+08:00");
    // Clamped to the month's last day.
    assert_eq!(at("1个月", t(2026, 1, 31, 9, 0)), "2026-02-28T18:00:00+08:00");
}

#[test]
fn c3_hours_and_minutes_are_exact() {
    assert_eq!(doc("2小时后"), "2026-03-11T12:00:00+08:00");
    assert_eq!(doc("45分钟内"), "2026-03-11T10:45:00+08:00");
    assert_eq!(doc("半小时"), "2026-03-11T10:30:00+08:00");
    assert_eq!(doc("一个半小时内"), "2026-03-11T11:30:00+08:00");
    assert_eq!(doc("两个小时"), "2026-03-11T12:00:00+08:00");
    assert!(parse_at("2小时后", doc_now()).unwrap().has_time);
}

// C4 -----------------------------------------------------------------------------------------

#[test]
fn c4_a_bare_hour_1_to_6_is_afternoon() {
    assert_eq!(doc("明天2点"), "2026-03-12T14:00:00+08:00");
    assert_eq!(doc("明天6点"), "2026-03-12T18:00:00+08:00");
    assert_eq!(doc("明天7点"), "2026-03-12T07:00:00+08:00");
    assert_eq!(doc("明天23点"), "2026-03-12T23:00:00+08:00");
    assert_eq!(doc("明天2:30"), "2026-03-12T14:30:00+08:00");
    assert_eq!(doc("明天02:30"), "2026-03-12T02:30:00+08:00");
}

#[test]
fn c4_part_of_day_words_shift_the_hour() {
    assert_eq!(doc("明天下午3点"), "2026-03-12T15:00:00+08:00");
    assert_eq!(doc("明天晚上8点"), "2026-03-12T20:00:00+08:00");
    assert_eq!(doc("今晚8点"), "2026-03-11T20:00:00+08:00");
    assert_eq!(doc("明晚9点"), "2026-03-12T21:00:00+08:00");
    // A bare 晚 before a clock time is the evening.
    assert_eq!(doc("3月12日晚22:00"), "2026-03-12T22:00:00+08:00");
    assert_eq!(doc("明天晚9点"), "2026-03-12T21:00:00+08:00");
    assert_eq!(doc("明天傍晚6点"), "2026-03-12T18:00:00+08:00");
    assert_eq!(doc("明天中午1点"), "2026-03-12T13:00:00+08:00");
    assert_eq!(doc("明天中午12点"), "2026-03-12T12:00:00+08:00");
    assert_eq!(doc("明天凌晨3点"), "2026-03-12T03:00:00+08:00");
    assert_eq!(doc("明天早上8点"), "2026-03-12T08:00:00+08:00");
    assert_eq!(doc("明天上午11点"), "2026-03-12T11:00:00+08:00");
    assert_eq!(doc("明天下午15点"), "2026-03-12T15:00:00+08:00");
}

#[test]
fn c4_minutes_half_and_quarter_in_both_numeral_systems() {
    assert_eq!(doc("三点半"), "2026-03-11T15:30:00+08:00");
    assert_eq!(doc("两点"), "2026-03-11T14:00:00+08:00");
    assert_eq!(doc("明天十点一刻"), "2026-03-12T10:15:00+08:00");
    assert_eq!(doc("明天9点05"), "2026-03-12T09:05:00+08:00");
    assert_eq!(doc("明天18时30分"), "2026-03-12T18:30:00+08:00");
    assert_eq!(doc("明天十二点"), "2026-03-12T12:00:00+08:00");
    assert_eq!(doc("明天0点"), "2026-03-12T00:00:00+08:00");
    assert_eq!(doc("17:45"), "2026-03-11T17:45:00+08:00");
}

// C5 -----------------------------------------------------------------------------------------

#[test]
fn c5_a_part_of_day_alone_is_the_end_of_that_span() {
    assert_eq!(doc("明天下午"), "2026-03-12T18:00:00+08:00");
    assert_eq!(doc("明天上午"), "2026-03-12T12:00:00+08:00");
    assert_eq!(doc("明天中午"), "2026-03-12T12:00:00+08:00");
    assert_eq!(doc("明早"), "2026-03-12T09:00:00+08:00");
    assert_eq!(doc("明天一早"), "2026-03-12T09:00:00+08:00");
    assert_eq!(doc("明天早上"), "2026-03-12T09:00:00+08:00");
    assert_eq!(doc("今晚"), "2026-03-11T23:59:59+08:00");
    assert_eq!(doc("明晚"), "2026-03-12T23:59:59+08:00");
    assert_eq!(doc("晚上"), "2026-03-11T23:59:59+08:00");
    assert!(parse_at("明天下午", doc_now()).unwrap().has_time);
}

#[test]
fn c5_before_work_and_before_leaving_work() {
    assert_eq!(doc("下班前"), "2026-03-11T18:00:00+08:00");
    assert_eq!(doc("明天上班前"), "2026-03-12T09:00:00+08:00");
    assert_eq!(doc("周五下班前"), "2026-03-13T18:00:00+08:00");
}

// C6 -----------------------------------------------------------------------------------------

#[test]
fn c6_weeks_run_monday_to_sunday() {
    assert_eq!(doc("下周二"), "2026-03-17T18:00:00+08:00");
    assert_eq!(doc("本周五"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("这周五"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("本周日"), "2026-03-15T18:00:00+08:00");
    assert_eq!(doc("下周一"), "2026-03-16T18:00:00+08:00");
    assert_eq!(doc("下周日"), "2026-03-22T18:00:00+08:00");
    assert_eq!(doc("下下周一"), "2026-03-23T18:00:00+08:00");
    // `下下周` alone is no period the conventions name (C10 lists 本周内 and 下周): refused.
    assert!(parse_at("下下周", doc_now()).is_err());
    assert_eq!(doc("下星期三"), "2026-03-18T18:00:00+08:00");
    assert_eq!(doc("下礼拜三"), "2026-03-18T18:00:00+08:00");
    assert_eq!(doc("下个周五"), "2026-03-20T18:00:00+08:00");
}

#[test]
fn c6_every_name_of_sunday_is_sunday() {
    for w in ["周日", "周天", "星期日", "星期天", "礼拜天", "礼拜日"] {
        assert_eq!(doc(w), "2026-03-15T18:00:00+08:00", "{w}");
    }
}

// C7 -----------------------------------------------------------------------------------------

#[test]
fn c7_an_omitted_week_is_filled_forward() {
    assert_eq!(doc("周五"), "2026-03-13T18:00:00+08:00");
    assert_eq!(at("周五", t(2026, 3, 13, 20, 0)), "2026-03-20T18:00:00+08:00");
    assert_eq!(at("周五", t(2026, 3, 13, 17, 0)), "2026-03-13T18:00:00+08:00");
    // Said on Wednesday morning, 周三 is still today at 18:00.
    assert_eq!(doc("周三"), "2026-03-11T18:00:00+08:00");
    assert_eq!(doc("周一"), "2026-03-16T18:00:00+08:00");
}

#[test]
fn c7_an_omitted_date_is_today_or_tomorrow() {
    assert_eq!(doc("下午4点"), "2026-03-11T16:00:00+08:00");
    assert_eq!(at("下午4点", t(2026, 3, 11, 17, 0)), "2026-03-12T16:00:00+08:00");
    assert_eq!(doc("上午9点"), "2026-03-12T09:00:00+08:00");
    assert_eq!(doc("18:00"), "2026-03-11T18:00:00+08:00");
}

#[test]
fn c7_an_omitted_year_or_month_is_filled_forward() {
    // A month-day further back than RECENT_PAST_DAYS means next year (C7) …
    assert_eq!(doc("1月5日"), "2027-01-05T18:00:00+08:00");
    assert_eq!(at("1月5日", t(2026, 12, 4, 10, 0)), "2027-01-05T18:00:00+08:00");
    assert_eq!(doc("3月11日"), "2026-03-11T18:00:00+08:00");
    assert_eq!(doc("12月1日"), "2026-12-01T18:00:00+08:00");
}

#[test]
fn a_month_day_that_passed_recently_is_refused_not_moved_to_next_year() {
    // … but one that passed at most 60 days ago is a slip: refused with the next-year example.
    let on_monday = t(2026, 3, 16, 10, 0);
    let e = err_at("3月14日", on_monday);
    assert_eq!(
        e,
        DeadlineError::RecentPast {
            input: "3月14日".to_owned(),
            example: "2027年3月14日".to_owned()
        }
    );
    assert_eq!(
        e.to_string(),
        "“3月14日”已经过去了。如果指的是明年，请写明年份，如“2027年3月14日”；否则请换一个将来的日期"
    );
    assert!(!e.is_not_a_time());
    assert!(matches!(err("3月1日前"), DeadlineError::RecentPast { .. }));
    assert!(matches!(err("3/1"), DeadlineError::RecentPast { .. }));
    assert!(matches!(
        err_at("3月11日", t(2026, 3, 11, 19, 0)),
        DeadlineError::RecentPast { .. }
    ));
    assert!(matches!(
        err_at("3月16日上午9点", on_monday),
        DeadlineError::RecentPast { .. }
    ));
    // Exactly 60 days back is refused; 61 days back is next year.
    assert!(matches!(
        err_at("1月15日", on_monday),
        DeadlineError::RecentPast { .. }
    ));
    assert_eq!(at("1月14日", on_monday), "2027-01-14T18:00:00+08:00");
    assert_eq!(RECENT_PAST_DAYS, 60);
    // Later today, and with an explicit next year, stay accepted.
    assert_eq!(at("3月16日下午3点", on_monday), "2026-03-16T15:00:00+08:00");
    assert_eq!(at("2027年3月14日", on_monday), "2027-03-14T18:00:00+08:00");
    // An explicit past year stays Past (C8).
    assert!(is_past(&err_at("2026年3月14日", on_monday)));
    // 2月29日 in a common year is judged next (leap) year as before, not as recent past.
    assert_eq!(at("2月29日", t(2027, 3, 10, 10, 0)), "2028-02-29T18:00:00+08:00");
    assert_eq!(doc("20号"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("5日"), "2026-04-05T18:00:00+08:00");
    assert_eq!(at("31号", t(2026, 4, 10, 9, 0)), "2026-05-31T18:00:00+08:00");
}

// C8 -----------------------------------------------------------------------------------------

#[test]
fn c8_an_explicit_anchor_in_the_past_is_refused() {
    for input in [
        "本周一",
        "今天上午9点",
        "上周五",
        "昨天",
        "前天",
        "2025年3月1日",
        "今年1月5日",
        "本月初",
    ] {
        let e = err(input);
        assert!(is_past(&e), "{input}: {e:?}");
        assert!(!e.is_not_a_time(), "{input}");
    }
    assert!(is_past(&err_at("今天", t(2026, 3, 11, 19, 0))));
    assert!(is_past(&err_at("本周内", t(2026, 3, 14, 9, 0))));
}

#[test]
fn c8_an_explicit_anchor_in_the_future_is_accepted() {
    assert_eq!(doc("今天下午3点"), "2026-03-11T15:00:00+08:00");
    assert_eq!(doc("本周三"), "2026-03-11T18:00:00+08:00");
    assert_eq!(doc("2026年12月31日"), "2026-12-31T18:00:00+08:00");
    assert_eq!(doc("明年1月5日"), "2027-01-05T18:00:00+08:00");
}

#[test]
fn c8_past_messages_say_so() {
    assert_eq!(
        err("本周一").to_string(),
        "“本周一”已经过去了，请给一个将来的截止时间"
    );
}

// C9 -----------------------------------------------------------------------------------------

#[test]
fn c9_before_a_day_or_time_is_inclusive() {
    assert_eq!(doc("周四前"), "2026-03-12T18:00:00+08:00");
    assert_eq!(doc("明天上午10点前"), "2026-03-12T10:00:00+08:00");
    assert_eq!(doc("截止周五"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("截至周五"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("周五截止"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("在3月20日之前"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("3月20日以前"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("下周五前"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("最晚周五"), "2026-03-13T18:00:00+08:00");
}

#[test]
fn c9_before_a_period_is_the_last_working_day_before_it_starts() {
    assert_eq!(doc("下周前"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("下个月前"), "2026-03-31T18:00:00+08:00");
    assert_eq!(doc("周末前"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("本周末前"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("下周末前"), "2026-03-20T18:00:00+08:00");
    // Said on Saturday, this weekend has begun: the next one.
    assert_eq!(at("周末前", t(2026, 3, 14, 9, 0)), "2026-03-20T18:00:00+08:00");
    // Before April 2026 starts, from April's point of view: 05-01 is a holiday, 04-30 works.
    assert_eq!(at("下个月前", t(2026, 4, 10, 9, 0)), "2026-04-30T18:00:00+08:00");
}

#[test]
fn c9_before_a_holiday_is_the_last_working_day_before_its_block() {
    assert_eq!(at("端午节前", t(2026, 6, 10, 10, 0)), "2026-06-18T18:00:00+08:00");
    // 2026-02-14 is a Saturday worked in exchange (调休), the last working day before 春节.
    assert_eq!(at("春节前", t(2026, 1, 10, 10, 0)), "2026-02-14T18:00:00+08:00");
    assert_eq!(at("年前", t(2026, 1, 10, 10, 0)), "2026-02-14T18:00:00+08:00");
    assert_eq!(doc("节前"), "2026-04-03T18:00:00+08:00"); // 清明 block starts Saturday 04-04
    assert_eq!(doc("五一前"), "2026-04-30T18:00:00+08:00");
    assert_eq!(doc("五一节前"), "2026-04-30T18:00:00+08:00");
    assert_eq!(doc("国庆节前"), "2026-09-30T18:00:00+08:00");
    assert_eq!(doc("中秋节前"), "2026-09-24T18:00:00+08:00");
    assert_eq!(doc("十一前"), "2026-09-30T18:00:00+08:00");
}

// C10 ----------------------------------------------------------------------------------------

#[test]
fn c10_month_ends_are_the_last_working_day() {
    assert_eq!(at("月底", t(2026, 1, 12, 10, 0)), "2026-01-30T18:00:00+08:00");
    assert_eq!(doc("月底"), "2026-03-31T18:00:00+08:00");
    assert_eq!(doc("月末"), "2026-03-31T18:00:00+08:00");
    assert_eq!(doc("本月底"), "2026-03-31T18:00:00+08:00");
    assert_eq!(doc("月底前"), "2026-03-31T18:00:00+08:00");
    assert_eq!(doc("下个月底"), "2026-04-30T18:00:00+08:00");
    assert_eq!(doc("下月底"), "2026-04-30T18:00:00+08:00");
    assert_eq!(doc("5月底"), "2026-05-29T18:00:00+08:00");
    assert_eq!(doc("10月底"), "2026-10-30T18:00:00+08:00");
    // February is over: next year's, whose calendar is not loaded.
    assert!(matches!(
        err("2月底"),
        DeadlineError::NoCalendar { year: 2027, .. }
    ));
    // Saturday 2026-02-28 is a 调休 working day, so it is February's last working day.
    assert_eq!(at("2月底", t(2026, 1, 5, 10, 0)), "2026-02-28T18:00:00+08:00");
}

#[test]
fn c10_week_periods() {
    assert_eq!(doc("本周内"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("这周内"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("这周"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("下周"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("下周内"), "2026-03-20T18:00:00+08:00");
    // The week of 05-04 has its Monday and Tuesday off and works Saturday 05-09.
    assert_eq!(at("下周", t(2026, 4, 29, 10, 0)), "2026-05-09T18:00:00+08:00");
}

#[test]
fn c10_year_and_quarter_ends() {
    assert_eq!(doc("年底"), "2026-12-31T18:00:00+08:00");
    assert_eq!(doc("今年年底"), "2026-12-31T18:00:00+08:00");
    assert_eq!(doc("2026年内"), "2026-12-31T18:00:00+08:00");
    assert_eq!(doc("年内"), "2026-12-31T18:00:00+08:00");
    assert_eq!(doc("2年内"), "2028-03-11T18:00:00+08:00");
    assert_eq!(doc("季度末"), "2026-03-31T18:00:00+08:00");
    assert_eq!(doc("本季度末"), "2026-03-31T18:00:00+08:00");
    assert_eq!(doc("下季度末"), "2026-06-30T18:00:00+08:00");
    assert_eq!(doc("三季度末"), "2026-09-30T18:00:00+08:00");
    assert_eq!(doc("Q2末"), "2026-06-30T18:00:00+08:00");
    assert_eq!(doc("2026年Q4末"), "2026-12-31T18:00:00+08:00");
    assert_eq!(doc("W37"), "2026-09-11T18:00:00+08:00");
    assert_eq!(doc("W37内"), "2026-09-11T18:00:00+08:00");
    assert_eq!(doc("W11前"), "2026-03-13T18:00:00+08:00");
    assert_eq!(at("季度末", t(2026, 9, 20, 10, 0)), "2026-09-30T18:00:00+08:00");
}

#[test]
fn c10_early_month_and_first_ten_days() {
    // Days 1–5 and 1–10 of March are over: April's (04-04 and 04-05 are the 清明 weekend).
    assert_eq!(doc("月初"), "2026-04-03T18:00:00+08:00");
    assert_eq!(doc("上旬"), "2026-04-10T18:00:00+08:00");
    assert_eq!(doc("下月初"), "2026-04-03T18:00:00+08:00");
    assert_eq!(at("月初", t(2026, 3, 2, 10, 0)), "2026-03-05T18:00:00+08:00");
    // Not in the conventions: refused with an example, never guessed (C15's rule of thumb).
    for w in ["中旬", "下旬", "4月中旬", "9月中旬前", "下个月下旬"] {
        let err = parse_deadline(w, t(2026, 3, 11, 10, 0), &Calendar::builtin()).unwrap_err();
        assert!(err.to_string().contains("请写具体日期"), "{w}: {err}");
    }
}

// C11 ----------------------------------------------------------------------------------------

#[test]
fn c11_working_days_follow_the_state_council_calendar() {
    assert_eq!(
        at("3个工作日内", t(2026, 4, 29, 10, 0)),
        "2026-05-07T18:00:00+08:00"
    );
    assert_eq!(
        at("下一个工作日", t(2026, 1, 2, 10, 0)),
        "2026-01-04T18:00:00+08:00"
    );
    assert_eq!(doc("两个工作日内"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("3个工作日后"), "2026-03-16T18:00:00+08:00");
    assert_eq!(doc("5个工作日内"), "2026-03-18T18:00:00+08:00");
    assert_eq!(doc("下个工作日"), "2026-03-12T18:00:00+08:00");
    // Said on Sunday: today never counts, Monday is the first.
    assert_eq!(
        at("1个工作日内", t(2026, 3, 15, 10, 0)),
        "2026-03-16T18:00:00+08:00"
    );
}

#[test]
fn c11_a_year_without_calendar_data_is_refused() {
    let e = err_at("5个工作日内", t(2026, 12, 28, 10, 0));
    assert_eq!(
        e,
        DeadlineError::NoCalendar {
            input: "5个工作日内".to_owned(),
            year: 2027
        }
    );
    assert!(!e.is_not_a_time());
    assert!(e.to_string().contains("2027年"), "{e}");
    assert!(matches!(
        err("明年底"),
        DeadlineError::NoCalendar { year: 2027, .. }
    ));
    assert!(matches!(
        err("春节前"),
        DeadlineError::NoCalendar { year: 2027, .. }
    ));
    // A literal date needs no calendar (C2).
    assert_eq!(doc("2027年1月5日"), "2027-01-05T18:00:00+08:00");
}

#[test]
fn c11_the_2024_and_2025_calendars_are_used() {
    assert_eq!(
        at("下一个工作日", t(2024, 9, 30, 19, 0)),
        "2024-10-08T18:00:00+08:00"
    );
    assert_eq!(
        at("下一个工作日", t(2024, 10, 11, 19, 0)),
        "2024-10-12T18:00:00+08:00"
    );
    assert_eq!(
        at("3个工作日内", t(2025, 1, 24, 10, 0)),
        "2025-02-05T18:00:00+08:00"
    );
    assert_eq!(at("国庆节前", t(2024, 9, 20, 10, 0)), "2024-09-30T18:00:00+08:00");
    // 2025's 中秋 (10-06) lies inside the 国庆 block.
    assert_eq!(at("中秋节前", t(2025, 9, 20, 10, 0)), "2025-09-30T18:00:00+08:00");
    assert_eq!(
        at("国庆节后第一个工作日", t(2025, 9, 20, 10, 0)),
        "2025-10-09T18:00:00+08:00"
    );
}

// C12 ----------------------------------------------------------------------------------------

#[test]
fn c12_after_a_holiday_counts_working_days_after_its_block() {
    assert_eq!(doc("节后第一个工作日"), "2026-04-07T18:00:00+08:00");
    assert_eq!(doc("节后3个工作日内"), "2026-04-09T18:00:00+08:00");
    // The N-th working day after the block, counted with 第 (`节后第二个工作日`).
    assert_eq!(doc("节后第二个工作日"), "2026-04-08T18:00:00+08:00");
    assert_eq!(doc("国庆节后第三个工作日前"), "2026-10-10T18:00:00+08:00");
    assert_eq!(doc("国庆节后第一个工作日"), "2026-10-08T18:00:00+08:00");
    assert_eq!(doc("清明节后第一个工作日"), "2026-04-07T18:00:00+08:00");
    assert_eq!(
        at("春节后第一个工作日", t(2026, 2, 10, 10, 0)),
        "2026-02-24T18:00:00+08:00"
    );
    assert_eq!(
        at("年后第一个工作日", t(2026, 2, 10, 10, 0)),
        "2026-02-24T18:00:00+08:00"
    );
    // Said during the block, 节后 is after this block.
    assert_eq!(
        at("节后第一个工作日", t(2026, 10, 3, 10, 0)),
        "2026-10-08T18:00:00+08:00"
    );
    assert_eq!(doc("五一后2个交易日内"), "2026-05-07T18:00:00+08:00");
    assert!(matches!(
        err("元旦后第一个工作日"),
        DeadlineError::NoCalendar { year: 2027, .. }
    ));
}

#[test]
fn c12_a_bare_holiday_name_is_ambiguous() {
    for input in ["国庆", "端午节", "节后", "国庆节后"] {
        let e = err(input);
        assert!(matches!(e, DeadlineError::Ambiguous { .. }), "{input}: {e:?}");
        assert!(!e.is_not_a_time());
    }
}

// C13 ----------------------------------------------------------------------------------------

#[test]
fn c13_trading_days_skip_every_weekend() {
    assert_eq!(
        at("两个交易日内", t(2026, 5, 8, 10, 0)),
        "2026-05-12T18:00:00+08:00"
    );
    assert_eq!(
        at("两个工作日内", t(2026, 5, 8, 10, 0)),
        "2026-05-11T18:00:00+08:00"
    );
    assert_eq!(
        at("下一个交易日", t(2026, 1, 2, 10, 0)),
        "2026-01-05T18:00:00+08:00"
    );
    assert_eq!(doc("3个交易日内"), "2026-03-16T18:00:00+08:00");
    assert_eq!(
        at("节后第一个交易日", t(2026, 2, 10, 10, 0)),
        "2026-02-24T18:00:00+08:00"
    );
}

// C14 ----------------------------------------------------------------------------------------

#[test]
fn c14_numerals_in_names_and_titles_are_not_deadlines() {
    for input in [
        "整理3份合同",
        "三季度",
        "10月份",
        "2025年年报",
        "第一季度",
        "下周一的会议材料",
        "@张三",
        "完成三季度合规自查报告",
        "P1",
        "#合规",
        "王五",
        "3份",
        "2025年",
        "10月",
        "周五前完成",
        "",
        "   ",
    ] {
        let e = err(input);
        assert!(e.is_not_a_time(), "{input}: {e:?}");
    }
}

#[test]
fn c14_not_a_time_suggests_examples() {
    let msg = err("整理3份合同").to_string();
    assert!(msg.contains("整理3份合同"), "{msg}");
    for ex in EXAMPLES {
        assert!(msg.contains(ex), "{msg}");
    }
}

// C15 ----------------------------------------------------------------------------------------

#[test]
fn c15_impossible_dates_are_refused_with_the_reason() {
    assert_eq!(
        err_at("2月30日", t(2026, 1, 10, 10, 0)).to_string(),
        "“2月30日”不是有效日期：2026年2月只有28天"
    );
    assert!(matches!(
        err_at("2月29日", t(2026, 1, 10, 10, 0)),
        DeadlineError::NoSuchDay {
            year: 2026,
            month: 2,
            days: 28,
            ..
        }
    ));
    assert!(matches!(
        err("2026年2月29日"),
        DeadlineError::NoSuchDay { year: 2026, .. }
    ));
    assert!(matches!(
        err("2月29日"),
        DeadlineError::NoSuchDay { year: 2027, .. }
    ));
    assert_eq!(doc("2028年2月29日"), "2028-02-29T18:00:00+08:00");
    assert!(matches!(
        err("4月31日"),
        DeadlineError::NoSuchDay {
            month: 4,
            days: 30,
            ..
        }
    ));
    assert!(matches!(
        err("13月"),
        DeadlineError::NoSuchMonth { month: 13, .. }
    ));
    assert!(matches!(
        err("13月5日"),
        DeadlineError::NoSuchMonth { month: 13, .. }
    ));
    assert!(matches!(
        err("32日"),
        DeadlineError::NoSuchDayOfMonth { day: 32, .. }
    ));
    assert!(matches!(
        err("3月32日"),
        DeadlineError::NoSuchDayOfMonth { day: 32, .. }
    ));
    assert!(matches!(
        err("0号"),
        DeadlineError::NoSuchDayOfMonth { day: 0, .. }
    ));
}

#[test]
fn c15_impossible_times_and_weekdays_are_refused() {
    for input in ["25点", "明天25点", "18:60", "明天上午15点", "中午8点", "下午0点"] {
        assert!(matches!(err(input), DeadlineError::NoSuchTime { .. }), "{input}");
    }
    for input in ["星期八", "周八", "下周九", "周0"] {
        assert!(
            matches!(err(input), DeadlineError::NoSuchWeekday { .. }),
            "{input}"
        );
    }
    assert!(matches!(
        err("3月20日（星期八）"),
        DeadlineError::NoSuchWeekday { .. }
    ));
}

#[test]
fn c15_a_contradicting_weekday_annotation_is_refused() {
    let e = err("12月3日（周五）");
    assert_eq!(
        e,
        DeadlineError::WeekdayMismatch {
            input: "12月3日（周五）".to_owned(),
            date: date(2026, 12, 3),
            weekday: "周四"
        }
    );
    assert_eq!(
        e.to_string(),
        "“12月3日（周五）”前后矛盾：2026年12月3日是周四，请核对日期或星期"
    );
    assert_eq!(doc("12月4日（周五）"), "2026-12-04T18:00:00+08:00");
    assert_eq!(doc("12月4日(星期五) 15:00"), "2026-12-04T15:00:00+08:00");
    assert_eq!(doc("12月4日 周五"), "2026-12-04T18:00:00+08:00");
    assert!(matches!(
        err("明天（周五）"),
        DeadlineError::WeekdayMismatch { .. }
    ));
}

#[test]
fn c15_vague_words_are_refused_not_ignored() {
    for input in ["尽快", "改天", "有空", "有空时", "过几天", "ASAP"] {
        let e = err(input);
        assert_eq!(
            e,
            DeadlineError::Vague {
                input: input.to_owned()
            }
        );
        assert!(!e.is_not_a_time());
        assert!(e.to_string().contains("下周五前"), "{e}");
    }
}

#[test]
fn c15_past_deadlines_are_refused() {
    assert!(is_past(&err("2026年3月10日")));
    assert!(is_past(&err("3天前")));
    assert!(is_past(&err("2小时前")));
    assert!(is_past(&err("今天上午9点")));
    assert!(is_past(&err("上个月底")));
    assert!(is_past(&err("去年底")));
}

// Formats and normalisation ----------------------------------------------------------------

#[test]
fn absolute_formats_are_accepted() {
    for input in [
        "2026-03-20",
        "2026/3/20",
        "2026.3.20",
        "3/20",
        "3-20",
        "3月20日",
        "3月20号",
        "2026年3月20日",
        "三月二十日",
        "二〇二六年三月二十日",
        "26年3月20日",
        "3月20",
    ] {
        assert_eq!(doc(input), "2026-03-20T18:00:00+08:00", "{input}");
    }
    assert_eq!(doc("2026-03-20 18:30"), "2026-03-20T18:30:00+08:00");
    assert_eq!(doc("2026-03-20T09:30"), "2026-03-20T09:30:00+08:00");
    assert_eq!(doc("2026-03-20 18:00:30"), "2026-03-20T18:00:30+08:00");
    assert!(matches!(
        err("2026-03-20 18:00:61"),
        DeadlineError::NoSuchTime { .. }
    ));
    assert_eq!(doc("3月20日下午3点"), "2026-03-20T15:00:00+08:00");
    assert_eq!(doc("2026年3月20日 下午3点半"), "2026-03-20T15:30:00+08:00");
    assert_eq!(doc("11月30日 18:00"), "2026-11-30T18:00:00+08:00");
}

#[test]
fn a_month_dot_day_is_a_date_when_it_states_a_limit() {
    assert_eq!(doc("3/20前"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("3.20前"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("3.20之前"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("4.3以前"), "2026-04-03T18:00:00+08:00");
    assert_eq!(doc("12.1日"), "2026-12-01T18:00:00+08:00");
    // Alone it reads like a decimal number (`1.5`, `3.20`): not a date.
    for input in ["3.20", "1.5", "13.2前", "0.5前"] {
        assert!(parse_at(input, doc_now()).is_err(), "{input}");
    }
}

#[test]
fn full_width_characters_spaces_and_chinese_numerals_are_understood() {
    assert_eq!(doc("１２月５日　１８：００"), "2026-12-05T18:00:00+08:00");
    assert_eq!(doc("十二月五日"), "2026-12-05T18:00:00+08:00");
    assert_eq!(doc("明天 下午3点"), "2026-03-12T15:00:00+08:00");
    assert_eq!(doc("  下周五  前 "), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("２０２６／３／２０"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("下週五前"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("“周五前”"), "2026-03-13T18:00:00+08:00");
}

#[test]
fn month_days_relative_to_this_month() {
    assert_eq!(doc("本月20号"), "2026-03-20T18:00:00+08:00");
    assert_eq!(doc("下个月5号"), "2026-04-05T18:00:00+08:00");
    assert!(is_past(&err("本月5号")));
    assert!(matches!(
        err("下个月31号"),
        DeadlineError::NoSuchDay { month: 4, .. }
    ));
}

#[test]
fn the_nth_working_day_of_a_month() {
    // April 2026: 1–3 are working days, 4–6 the 清明 block.
    assert_eq!(doc("下个月的第三个工作日"), "2026-04-03T18:00:00+08:00");
    assert_eq!(doc("下月第5个工作日前"), "2026-04-08T18:00:00+08:00");
    assert_eq!(doc("下个月第1个交易日"), "2026-04-01T18:00:00+08:00");
    assert!(is_past(&err("本月第3个工作日")));
    assert_eq!(doc("本月第十五个工作日"), "2026-03-20T18:00:00+08:00");
}

// Other errors ------------------------------------------------------------------------------

#[test]
fn ambiguous_expressions_are_refused_with_a_hint() {
    for input in ["周末", "下周末", "晚上12点", "凌晨", "傍晚"] {
        let e = err(input);
        assert!(matches!(e, DeadlineError::Ambiguous { .. }), "{input}: {e:?}");
        assert!(!e.is_not_a_time());
    }
}

#[test]
fn zero_and_absurd_counts_are_out_of_range() {
    for input in ["0天内", "0个工作日", "99999999天", "0小时", "100000个工作日"] {
        assert!(matches!(err(input), DeadlineError::OutOfRange { .. }), "{input}");
    }
}

#[test]
fn every_example_is_valid() {
    assert!((5..=8).contains(&EXAMPLES.len()));
    for ex in EXAMPLES {
        assert!(parse_at(ex, doc_now()).is_ok(), "{ex}");
    }
}

#[test]
fn only_not_a_time_is_not_a_time() {
    let samples = [
        err("整理合同"),
        err("尽快"),
        err("2月30日"),
        err("本周一"),
        err("星期八"),
        err("12月3日（周五）"),
        err("周末"),
        err("0天内"),
        err_at("5个工作日内", t(2026, 12, 28, 10, 0)),
        err("25点"),
        err("13月"),
        err("32日"),
    ];
    let flags: Vec<bool> = samples.iter().map(DeadlineError::is_not_a_time).collect();
    assert_eq!(flags.iter().filter(|f| **f).count(), 1, "{samples:?}");
    assert!(flags.first().copied().unwrap_or(false));
}

// Properties ------------------------------------------------------------------------------

const POOL: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "9",
    "12",
    "31",
    "一",
    "二",
    "三",
    "十",
    "百",
    "两",
    "半",
    "个",
    "年",
    "月",
    "日",
    "号",
    "周",
    "星期",
    "礼拜",
    "下",
    "上",
    "本",
    "这",
    "今",
    "明",
    "后",
    "天",
    "前",
    "内",
    "点",
    "时",
    "分",
    ":",
    "：",
    "工作",
    "交易",
    "节",
    "春",
    "国庆",
    "端午",
    "底",
    "末",
    "初",
    "旬",
    "季度",
    "午",
    "晚",
    "早",
    "小时",
    "分钟",
    "截止",
    "之",
    "以",
    "(",
    "）",
    " ",
    "　",
    "-",
    "/",
    ".",
    "八",
    "末前",
    "第一个",
    "日内",
];

fn pooled() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(POOL), 0..10).prop_map(|v| v.concat())
}

/// Any instant from 2024-01-01 to 2026-12-31 (the calendar's range), Shanghai time.
fn any_now() -> impl Strategy<Value = Timestamp> {
    let from = t(2024, 1, 1, 0, 0).as_second();
    let to = t(2026, 12, 31, 23, 59).as_second();
    (from..to).prop_map(|s| Timestamp::from_second(s).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsing_any_string_never_panics(s in any::<String>(), now in any_now()) {
        let _ = parse_at(&s, now);
    }

    #[test]
    fn parsing_time_like_strings_never_panics(s in pooled(), now in any_now()) {
        let _ = parse_at(&s, now);
    }

    #[test]
    fn every_accepted_deadline_is_later_than_now(s in pooled(), now in any_now()) {
        if let Ok(d) = parse_at(&s, now) {
            prop_assert!(d.at > now, "{s} at {now}: {d:?}");
        }
    }

    #[test]
    fn a_weekday_with_an_omitted_week_is_within_seven_days(wd in 0usize..7, now in any_now()) {
        let names = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
        let name = names.get(wd).copied().unwrap_or("周一");
        let d = parse_at(name, now).unwrap();
        prop_assert!(d.at > now);
        prop_assert!(d.at.duration_since(now) <= jiff::SignedDuration::from_hours(24 * 7 + 18));
        let day = resolve::SHANGHAI.to_datetime(d.at).date();
        prop_assert_eq!(i64::from(day.weekday().to_monday_zero_offset()), i64::try_from(wd).unwrap());
    }

    #[test]
    fn n_working_days_land_on_a_working_day_after_today(n in 1u32..15, now in any_now()) {
        let cal = Calendar::builtin();
        let today = resolve::SHANGHAI.to_datetime(now).date();
        match parse_at(&format!("{n}个工作日内"), now) {
            Ok(d) => {
                let day = resolve::SHANGHAI.to_datetime(d.at).date();
                prop_assert!(cal.is_workday(day).unwrap());
                prop_assert_eq!(cal.count_between(today, day, crate::calendar::DayRule::Working).unwrap(), n);
            }
            Err(e) => prop_assert!(matches!(e, DeadlineError::NoCalendar { year: 2027, .. }), "{e:?}"),
        }
    }
}

// Day-off notes --------------------------------------------------------------------------------

#[test]
fn a_deadline_on_a_day_off_gets_a_note() {
    let cal = Calendar::builtin();
    let note = |y, mo, d| day_off_note(t(y, mo, d, 18, 0), &cal);
    assert_eq!(note(2026, 3, 21).as_deref(), Some("3月21日是周六"));
    assert_eq!(note(2026, 3, 22).as_deref(), Some("3月22日是周日"));
    assert_eq!(note(2026, 4, 5).as_deref(), Some("4月5日是清明节假期"));
    assert_eq!(note(2026, 4, 6).as_deref(), Some("4月6日是清明节假期"));
    assert_eq!(note(2026, 10, 1).as_deref(), Some("10月1日是国庆节假期"));
    assert_eq!(note(2026, 2, 17).as_deref(), Some("2月17日是春节假期"));
    // Working days, including a 调休 working weekend, have none.
    assert_eq!(note(2026, 3, 20), None);
    assert_eq!(note(2026, 1, 4), None);
    assert_eq!(note(2026, 2, 14), None);
    // A year without data: weekends only.
    assert_eq!(note(2030, 3, 23).as_deref(), Some("3月23日是周六"));
    assert_eq!(note(2030, 3, 22), None);
}

/// Issue 16: deadline shapes found inside task text in minutes and commands.
#[test]
fn issue16_a_month_before_is_the_last_working_day_before_it() {
    // C9: 11月 is a period, so 11月前 is the last working day before November (10-31 is a Saturday).
    assert_eq!(at("11月前", t(2026, 10, 13, 10, 0)), "2026-10-30T18:00:00+08:00");
    assert_eq!(
        at("11月之前", t(2026, 10, 13, 10, 0)),
        "2026-10-30T18:00:00+08:00"
    );
    assert_eq!(doc("4月前"), "2026-03-31T18:00:00+08:00");
}

#[test]
fn issue16_english_deadlines_read_as_their_chinese_equivalents() {
    // Wednesday 2026-03-11 10:00.
    assert_eq!(doc("next Wed"), "2026-03-18T18:00:00+08:00");
    assert_eq!(doc("next Thursday"), "2026-03-19T18:00:00+08:00");
    assert_eq!(doc("EOD tomorrow"), "2026-03-12T18:00:00+08:00");
    assert_eq!(doc("EOD"), "2026-03-11T18:00:00+08:00");
    assert_eq!(doc("by 8/31"), "2026-08-31T18:00:00+08:00");
    assert_eq!(doc("by Apr 24"), "2026-04-24T18:00:00+08:00");
    assert_eq!(doc("within 3 working days"), "2026-03-16T18:00:00+08:00");
    assert_eq!(doc("3 working days"), "2026-03-16T18:00:00+08:00");
    // The number written as a word: `within two weeks` is 14 days.
    assert_eq!(doc("within two weeks"), "2026-03-25T18:00:00+08:00");
    assert_eq!(doc("within three working days"), "2026-03-16T18:00:00+08:00");
    assert_eq!(doc("by end of month"), "2026-03-31T18:00:00+08:00");
    assert_eq!(doc("before 五一"), "2026-04-30T18:00:00+08:00");
    assert_eq!(doc("EOD Friday"), "2026-03-13T18:00:00+08:00");
    assert!(matches!(err("TBD"), DeadlineError::Vague { .. }));
    // Not a deadline: English words outside the vocabulary stay "not a time".
    assert!(err("next steps").is_not_a_time());
    assert!(err("by the way").is_not_a_time());
    assert!(err("by 13/40").is_not_a_time());
}

#[test]
fn issue16_deadline_shapes_from_task_text_parse_alone() {
    // Tuesday 2026-09-22 17:00 (the tuning file 75's meeting).
    let now = t(2026, 9, 22, 17, 0);
    assert_eq!(at("五天内", now), "2026-09-27T18:00:00+08:00");
    assert_eq!(at("三个工作日内", now), "2026-09-28T18:00:00+08:00");
    assert_eq!(at("月内", now), "2026-09-30T18:00:00+08:00");
    assert_eq!(at("后天上午10点前", now), "2026-09-24T10:00:00+08:00");
    assert_eq!(at("国庆后第一个工作日", now), "2026-10-08T18:00:00+08:00");
    assert!(matches!(parse_at("尽快", now), Err(DeadlineError::Vague { .. })));
}

#[test]
fn issue16_english_close_of_business_and_eta() {
    // Wednesday 2026-03-11 10:00.
    assert_eq!(doc("by COB Friday"), "2026-03-13T18:00:00+08:00");
    assert_eq!(doc("ETA 3/20"), "2026-03-20T18:00:00+08:00");
}

#[test]
fn by_the_next_working_day_is_that_day() {
    assert_eq!(doc("下个工作日前"), doc("下个工作日"));
    assert_eq!(doc("下一个交易日之前"), doc("下一个交易日"));
    assert!(matches!(err("2个工作日前"), DeadlineError::Past { .. }));
}
