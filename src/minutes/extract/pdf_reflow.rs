//! Minutes copied out of a PDF (pure): the page's line breaks fall mid-sentence (`…由周文博牵头，
//! 吴佳配合，结合一季` / `度数据提出修订稿，4月24日（周五）前提交`), and each page ends with its
//! number (`- 1 -`, `第 1 页 共 2 页`) and starts again with the document's title. Read as the
//! paragraphs the writer typed: the page marks and repeated titles go, and a line that breaks off
//! is joined to the one that carries it on.
//!
//! Only a text laid out as a 公文 is read so: paragraphs that open indented (two to eight spaces,
//! full-width spaces already made plain), at least two lines broken off that way.

/// `- 1 -`, `—2—`, `第 1 页 共 2 页`, `第1页/共3页`, `Page 1 of 2`: a page's number alone.
fn is_page_mark(t: &str) -> bool {
    let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let bare = squeezed.trim_matches(['-', '—', '–']);
    if !bare.is_empty() && bare.len() < squeezed.len() && bare.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let digits_and = |s: &str, words: &str| {
        !s.is_empty()
            && s.chars().all(|c| c.is_ascii_digit() || words.contains(c))
            && s.contains(|c: char| c.is_ascii_digit())
    };
    (squeezed.starts_with('第') && squeezed.contains('页') && digits_and(&squeezed, "第页共/"))
        || squeezed
            .to_lowercase()
            .strip_prefix("page")
            .is_some_and(|r| digits_and(r, "of/"))
}

/// The spaces a line opens with.
fn indent(l: &str) -> usize {
    l.len() - l.trim_start_matches(' ').len()
}

/// A line that opens a paragraph: indented as a 公文's (not right-aligned like a signature).
fn opens_paragraph(l: &str) -> bool {
    let t = l.trim();
    // Not an indented list's item (`  - …`): a list's lines end where they end.
    (2..=8).contains(&indent(l)) && !t.is_empty() && !t.starts_with(['-', '*', '•', '·', '+', '|', '>'])
}

/// A line that could go on from the one before: not indented, not a list item, heading, table
/// row or labelled line of its own.
fn carries_on(l: &str) -> bool {
    let t = l.trim();
    // `1．`, `二、`: a numbered point of its own; `18%；` goes on.
    let numbered = {
        let rest = t.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
        rest.len() < t.len() && rest.starts_with(['．', '.', '、', ')', '）'])
    };
    // A symbol first (`▶ 某某`, `- `, `# `) opens a line of its own.
    let opens_words = t
        .chars()
        .next()
        .is_some_and(|c| crate::minutes::scan::is_cjk(c) || c.is_alphanumeric() || "（(“《".contains(c));
    indent(l) == 0
        && opens_words
        && !numbered
        // `（周五）前形成初稿。`: a date's weekday broken onto the next line goes on.
        && (!t.starts_with(['-', '*', '#', '|', '>', '•', '·', '（', '(', '【', '['])
            || ["（周", "(周", "（星期", "(星期"].iter().any(|w| t.starts_with(w)))
}

/// A line that ends where a sentence or clause may end.
fn ends_whole(l: &str) -> bool {
    l.trim_end()
        .ends_with(['。', '；', '：', '！', '？', ':', ';', '.', '…', '”', '|'])
}

/// `lines` as typed: a PDF's page marks and repeated titles dropped, broken lines joined.
pub(super) fn reflow(lines: Vec<String>) -> Vec<String> {
    let joins = |lines: &[String]| {
        lines
            .windows(2)
            .filter(|w| opens_paragraph(&w[0]) && !ends_whole(&w[0]) && carries_on(&w[1]))
            .count()
    };
    if joins(&lines) < 2 && !lines.iter().any(|l| is_page_mark(l.trim())) {
        return lines;
    }
    let title = lines
        .iter()
        .map(|l| l.trim())
        .find(|t| !t.is_empty())
        .map(str::to_owned);
    let marks = lines.iter().any(|l| is_page_mark(l.trim()));
    // The page marks go, and after one the title that heads the next page.
    let mut kept: Vec<String> = Vec::with_capacity(lines.len());
    let mut after_mark = false;
    for (i, l) in lines.into_iter().enumerate() {
        let t = l.trim();
        if is_page_mark(t) {
            after_mark = true;
            continue;
        }
        if marks && after_mark && i > 0 && title.as_deref() == Some(t) {
            continue;
        }
        if !t.is_empty() {
            after_mark = false;
        }
        kept.push(l);
    }
    if joins(&kept) < 2 {
        return kept;
    }
    let mut out: Vec<String> = Vec::with_capacity(kept.len());
    // Whether the last line kept is a paragraph's, open to going on.
    let mut open = false;
    for l in kept {
        if open
            && carries_on(&l)
            && let Some(last) = out.last_mut()
        {
            last.push_str(l.trim());
            open = !ends_whole(last);
            continue;
        }
        open = opens_paragraph(&l) && !ends_whole(&l);
        out.push(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{is_page_mark, reflow};
    use crate::minutes::extract::testkit::lines;

    #[test]
    fn page_marks_are_known() {
        for m in ["- 1 -", "—2—", "第 1 页 共 2 页", "第1页/共3页", "Page 2 of 3"] {
            assert!(is_page_mark(m), "{m}");
        }
        for m in ["- 孙敏负责", "1", "第一季度", "第3页的表格要改"] {
            assert!(!is_page_mark(m), "{m}");
        }
    }

    #[test]
    fn a_pdf_copy_is_read_as_its_paragraphs() {
        let got = reflow(lines(
            "营业部季度会议纪要\n    \
             （一）客户回访方案。由孙敏牵头，周立配合，结合上季\n\
             度数据提出修订稿，5月8日（周五）\n\
             前提交。\n\
             \x20                           - 1 -\n\
             营业部季度会议纪要\n    \
             （二）厅堂布置。王强负责，下周内报\n\
             总经理审定。\n",
        ));
        assert_eq!(
            got,
            [
                "营业部季度会议纪要",
                "    （一）客户回访方案。由孙敏牵头，周立配合，结合上季度数据提出修订稿，5月8日（周五）前提交。",
                "    （二）厅堂布置。王强负责，下周内报总经理审定。",
            ]
        );
    }

    #[test]
    fn typed_minutes_are_left_as_they_are() {
        let typed = lines("周会\n- 孙敏负责回访方案\n  - 子项：整理名单\n下周三前完成\n");
        assert_eq!(reflow(typed.clone()), typed);
    }
}
