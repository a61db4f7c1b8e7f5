//! A reply that says its own work (pure): `好，老费你把滨江下午的时段补上，明天发我` — after the yes,
//! `把` and a noun name the object of the work, so the reply's words are the work agreed, not the
//! offer before it (`欣然姐，滨江下午我可以多去两天`). `把它`/`把这个` point back and name nothing.

/// Whether `s` names an object after `把` (two characters or more, not a pronoun).
pub(super) fn names_object(s: &str) -> bool {
    s.match_indices('把').any(|(i, c)| {
        let rest = s.get(i + c.len()..).unwrap_or_default();
        let object: String = rest
            .chars()
            .take_while(|c| !matches!(c, '，' | '。' | ',' | '；' | '！' | '？'))
            .collect();
        !["它", "这", "那", "他", "她", "此"]
            .iter()
            .any(|p| object.starts_with(p))
            && object.chars().count() >= 4
    })
}

#[cfg(test)]
mod tests {
    use super::names_object;

    #[test]
    fn an_object_after_ba_is_the_work() {
        assert!(names_object("好，小白你把展台的布置方案做了，周五发我"));
        assert!(!names_object("好，你把这个弄一下"));
        assert!(!names_object("好的，收到"));
    }
}
