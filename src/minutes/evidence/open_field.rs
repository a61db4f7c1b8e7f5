//! `截止：另行通知`, `时限：待定`, `Due: TBD` (pure): a labelled date field left open says when
//! the work is due is not known yet, not that the work is put off or rejected.

/// Date field labels (`截止：…`, `完成时间：…`).
const DATE_LABELS: &[&str] = &[
    "截止时间",
    "截止日期",
    "截止",
    "完成时间",
    "完成期限",
    "期限",
    "时限",
    "时间节点",
    "时间",
    "日期",
    "deadline",
    "due",
    "ddl",
    "eta",
];

/// Values that leave the date open.
const OPEN: &[&str] = &["另行通知", "另定", "再定", "待定", "待议", "tbd", "tba"];

/// `lower` (lowercased) without its open date fields (`截止：另行通知`).
pub(super) fn without_open_date_field(lower: &str) -> String {
    let mut out = lower.to_owned();
    for label in DATE_LABELS {
        for colon in ['：', ':'] {
            for open in OPEN {
                for gap in ["", " "] {
                    let field = format!("{label}{colon}{gap}{open}");
                    out = out.replace(&field, "");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_open_date_field;

    #[test]
    fn an_open_date_field_goes_the_rest_stays() {
        assert_eq!(
            without_open_date_field("负责人：某｜截止：另行通知｜事项：x"),
            "负责人：某｜｜事项：x"
        );
        assert_eq!(without_open_date_field("时限: 待定"), "");
        assert_eq!(without_open_date_field("due: tbd"), "");
        assert_eq!(without_open_date_field("方案另行通知"), "方案另行通知");
    }
}
