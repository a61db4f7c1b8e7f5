//! The table stage of the walk (pure): Markdown and tab-separated tables, a header then one
//! item per row, and a short caption between two parts of a table.

use crate::minutes::explain::Verdict;
use crate::minutes::layout::{Section, heading};
use crate::minutes::table::{Table, caption, header_row, is_tab_row};

use super::trace::section_name;
use super::walk::Walk;

impl Walk<'_, '_> {
    /// Reads line `n` as part of a table; whether it was one. Any other line ends the table.
    pub(super) fn table_line(&mut self, n: usize, trimmed: &str) -> bool {
        if trimmed.starts_with('|') || (self.table.is_some() && is_tab_row(trimmed)) {
            self.close_block();
            // `| 待办 | 责任人 |` over `|---|---|` below another table: a table of its own.
            if header_row::heads_new_table(self.lines, n) {
                self.table = None;
            }
            if let Some(t) = &self.table {
                let more = self
                    .lines
                    .iter()
                    .skip(n + 1)
                    .find(|l| !l.trim().is_empty())
                    .is_some_and(|l| l.trim().starts_with('|') || is_tab_row(l.trim()));
                let mut item = t.row(trimmed, more, &self.ctx);
                // `| 程雅 | 厅堂 | 同上 |`: the row above's work, shared — its owner joins it.
                if let Some(it) = item.take_if(|it| same_as_above(&it.text))
                    && self.table_row > 0
                    && let Some(last) = self.ex.items.last_mut()
                {
                    for o in it.owners {
                        if !last.owners.contains(&o) {
                            last.owners.push(o);
                        }
                    }
                }
                let verdict = if item.is_some() {
                    Verdict::TableItem
                } else {
                    Verdict::TableSkipped
                };
                self.tr.note(n, trimmed, verdict, Vec::new(), item.as_ref());
                if !trimmed.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
                    self.table_row += 1;
                }
                if let Some(it) = &item {
                    self.numbered
                        .note((self.table_row, true), &it.text, self.ex.items.len());
                }
                self.ex.items.extend(item);
            } else {
                self.table = Table::header(trimmed);
                if let Some(t) = &mut self.table {
                    t.see_rows(table_rows(self.lines, n, true));
                    if caption::table_for_reference(self.lines, n) {
                        t.for_reference();
                    }
                }
                self.table_row = 0;
                self.tr.note(n, trimmed, Verdict::TableHeader, Vec::new(), None);
            }
            return true;
        }
        if is_tab_row(trimmed)
            && let Some(mut t) = Table::header(trimmed)
        {
            self.close_block();
            t.see_rows(table_rows(self.lines, n, false));
            if caption::table_for_reference(self.lines, n) {
                t.for_reference();
            }
            self.table = Some(t);
            self.table_row = 0;
            self.tr.note(n, trimmed, Verdict::TableHeader, Vec::new(), None);
            return true;
        }
        // `新问题` between two parts of a table: a caption of the rows after it, same columns.
        if self.table.is_some()
            && trimmed.chars().count() <= 10
            && !trimmed.contains(['，', ',', '。', '；', '：', ':'])
            && heading(trimmed).is_none()
            && self
                .lines
                .iter()
                .skip(n + 1)
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| is_tab_row(l.trim()) && Table::header(l.trim()).is_none())
        {
            self.tr.note(
                n,
                trimmed,
                Verdict::Heading(section_name(Section::Other)),
                Vec::new(),
                None,
            );
            return true;
        }
        self.table = None;
        false
    }
}

/// A work cell that only points at the row above (`同上`).
fn same_as_above(text: &str) -> bool {
    ["同上", "同上。", "同上行", "ditto"].contains(&text.trim())
}

/// The rows after the header on line `n`, up to the first line that is no row of the table
/// (`barred`: a markdown table's, each opening with `|`).
fn table_rows(lines: &[String], n: usize, barred: bool) -> impl Iterator<Item = &str> {
    lines
        .iter()
        .skip(n + 1)
        .map(|l| l.trim())
        .take_while(move |l| if barred { l.starts_with('|') } else { is_tab_row(l) })
}
