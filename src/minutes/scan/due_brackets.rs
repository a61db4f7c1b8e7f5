//! Brackets beside a deadline that say something else about the day (pure): `明天（12月31日）下午3点前`
//! (which day 明天 is: the hour after the bracket stays with it) and `12月8日前准备好（直播时间12月10日、
//! 11日）` (when the event is held: no deadline of the work).
/// `明天（12月31日）下午3点前` → `12月31日下午3点前`: a relative day word with its date in brackets
/// right after it reads as the date, so the time of day after the bracket stays with it.
pub(super) fn dated_relative_day(text: &str) -> String {
    let mut out = text.to_owned();
    for day in ["今天", "明天", "后天", "今日", "明日"] {
        for (open, close) in [("（", "）"), ("(", ")")] {
            let key = format!("{day}{open}");
            let Some(i) = out.find(&key) else { continue };
            let inner_at = i + key.len();
            let Some(len) = out.get(inner_at..).and_then(|r| r.find(close)) else {
                continue;
            };
            let inner = out.get(inner_at..inner_at + len).unwrap_or_default().to_owned();
            let date = inner.split_once('月').is_some_and(|(m, d)| {
                !m.is_empty()
                    && m.chars().all(|c| c.is_ascii_digit())
                    && d.strip_suffix(['日', '号'])
                        .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
            });
            if date {
                out.replace_range(i..inner_at + len + close.len(), &inner);
            }
        }
    }
    out
}

/// `…12月8日前准备好（直播时间12月10日、11日）` → `…12月8日前准备好`: a bracket saying when an
/// event is held (`直播时间…`, `活动时间：…`), after a date the work is due by, is no deadline.
pub(super) fn without_event_time(text: &str) -> String {
    let mut out = text.to_owned();
    for (open, close) in [("（", "）"), ("(", ")")] {
        let Some(i) = out.find(open) else { continue };
        let inner_at = i + open.len();
        let Some(len) = out.get(inner_at..).and_then(|r| r.find(close)) else {
            continue;
        };
        let inner = out.get(inner_at..inner_at + len).unwrap_or_default();
        let event = ["时间", "日期", "举办", "举行"].iter().any(|w| inner.contains(w))
            && inner.chars().any(|c| c.is_ascii_digit())
            && inner.trim_end().ends_with(['日', '号']);
        let due_before = out
            .get(..i)
            .is_some_and(|b| ["日前", "号前", "之前"].iter().any(|w| b.contains(w)));
        if event && due_before {
            out.replace_range(i..inner_at + len + close.len(), "");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_that_annotate_the_day_or_name_the_event() {
        assert_eq!(
            dated_relative_day("明天（3月11日）上午10点前交"),
            "3月11日上午10点前交"
        );
        assert_eq!(dated_relative_day("明天（周三）交"), "明天（周三）交");
        assert_eq!(
            without_event_time("3月18日前备齐物料（活动时间3月21日、22日）"),
            "3月18日前备齐物料"
        );
        assert_eq!(
            without_event_time("备齐物料（活动时间3月21日）"),
            "备齐物料（活动时间3月21日）"
        );
    }
}
