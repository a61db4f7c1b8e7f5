//! `11月11日｜某某主持｜某某、某某参加`, `主持人某某 / 参会某某、某某`, `某某主持；某某出席` (pure):
//! a line with one part naming who chaired and another naming who attended records the meeting,
//! whatever separates its parts (`｜`, `|`, `/`, `·`, `，`, `；`, spaces) and in either order.

/// Words ending (or opening) a part that names who chaired.
const CHAIR: &[&str] = &["主持", "主持人", "chair"];
/// Words ending (or opening) a part that names who attended.
const ATTEND: &[&str] = &[
    "参加",
    "参会",
    "出席",
    "列席",
    "与会",
    "参会人",
    "参会人员",
    "attendees",
];

fn parts(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(['｜', '|', '/', '·', '，', ',', '；', ';', '。', '\t'])
        .flat_map(|p| p.split("  "))
        .map(|p| p.trim().trim_end_matches(['：', ':']).trim())
        .filter(|p| !p.is_empty())
}

fn names(part: &str, words: &[&str]) -> bool {
    words.iter().any(|w| part.ends_with(w) || part.starts_with(w))
}

/// Whether `lower` (a line, lower case) names both who chaired and who attended, in parts of its
/// own.
pub(super) fn names_chair_and_attendees(lower: &str) -> bool {
    parts(lower).any(|p| names(p, CHAIR)) && parts(lower).any(|p| names(p, ATTEND))
}

#[cfg(test)]
mod tests {
    use super::names_chair_and_attendees as record;

    #[test]
    fn chair_and_attendees_in_parts_of_their_own() {
        assert!(record("3月2日｜严冬主持｜柳青、孟河参加"));
        assert!(record("主持人 严冬 / 参会 柳青、孟河"));
        assert!(record("严冬主持；柳青、孟河出席"));
        assert!(!record("请柳青参加周五培训，严冬主持的会议材料周四前发群里"));
    }
}
