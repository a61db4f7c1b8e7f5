//! A table's remark column (`| 部门 | 负责人 | 计划完成 | 备注 |`): a remark beside a row that
//! is work (`先替换投顾岗`, `需避开季末`) says how the row's work is to be done, so it belongs to
//! the item's text (`财富管理部（先替换投顾岗）`).

use super::Table;

/// A header cell that names a remark column.
const REMARK: [&str; 5] = ["备注", "说明", "remark", "note", "comment"];

impl Table {
    /// Finds the remark column among the header's cells, if it is none of the other roles.
    pub(super) fn with_remark(mut self, cs: &[String]) -> Self {
        self.remark = cs.iter().enumerate().position(|(i, c)| {
            let c = c.trim().to_lowercase();
            i != self.task
                && Some(i) != self.issue
                && Some(i) != self.owner
                && Some(i) != self.help
                && Some(i) != self.deadline
                && Some(i) != self.priority
                && Some(i) != self.status
                && REMARK.iter().any(|w| c.contains(w))
        });
        self
    }

    /// The item's text with the row's remark after it, in brackets, when the remark says
    /// something the text does not already hold (an empty or dash cell adds nothing).
    pub(super) fn remarked(&self, cs: &[String], text: String) -> String {
        let remark = self
            .remark
            .and_then(|i| cs.get(i))
            .map(|c| c.trim().trim_end_matches(['。', '.']))
            .unwrap_or_default();
        let blank = remark
            .chars()
            .all(|ch| matches!(ch, '-' | '—' | '/' | '无' | ' '));
        if blank || text.contains(remark) {
            text
        } else {
            format!("{text}（{remark}）")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remark_column_is_found_beside_the_others() {
        let t = Table::header("| 部门 | 待替换台数 | 负责人 | 计划完成 | 备注 |");
        assert_eq!(t.and_then(|t| t.remark), Some(4));
    }

    #[test]
    fn a_remark_goes_after_the_text_and_a_blank_one_adds_nothing() {
        let Some(t) = Table::header("| 事项 | 负责人 | 截止 | 备注 |") else {
            panic!("a header");
        };
        let row = |r: &[&str]| r.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            t.remarked(
                &row(&["终端替换", "甲", "月底前", "先替换投顾岗"]),
                "终端替换".into()
            ),
            "终端替换（先替换投顾岗）"
        );
        assert_eq!(
            t.remarked(&row(&["终端替换", "甲", "月底前", "—"]), "终端替换".into()),
            "终端替换"
        );
        assert_eq!(
            t.remarked(&row(&["终端替换", "甲", "月底前", ""]), "终端替换".into()),
            "终端替换"
        );
    }
}
