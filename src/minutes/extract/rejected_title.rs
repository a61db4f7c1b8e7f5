//! A rejected block's title read as work too (pure): `【需求二】切换至分布式数据库` over
//! `评审意见：暂缓` — the title alone (its label in brackets aside) names the proposal the block
//! turned down, so an item that is nothing but that title is no work.

/// Whether `text` is `title` with at most a bracketed label before it (`【需求二】`, `[2]`).
pub(super) fn is_rejected_title(text: &str, title: &str) -> bool {
    let bare = |s: &str| {
        let s = s.trim();
        let s = ["【", "[", "［"]
            .iter()
            .zip(["】", "]", "］"])
            .find_map(|(o, c)| s.strip_prefix(o).and_then(|r| r.split_once(c)).map(|(_, r)| r))
            .unwrap_or(s);
        s.trim().trim_end_matches(['。', '.', '；', ';']).to_owned()
    };
    let title = bare(title);
    !title.is_empty() && bare(text) == title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_in_brackets_aside() {
        assert!(is_rejected_title("【需求二】更换存储阵列", "更换存储阵列"));
        assert!(!is_rejected_title(
            "【需求二】更换存储阵列并出报告",
            "更换存储阵列"
        ));
    }
}
