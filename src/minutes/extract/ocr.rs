//! Minutes read off a scan by OCR (pure): the recogniser spaces the characters of a printed
//! heading apart (`内 审 整 改 落 实 会 议 记 录`), reads a `1` as `l` (`l. 一季度…`, `第 l 项`),
//! keeps the paper's line breaks (`…7月17日（周五）前完` / `成。`, the rest indented) and may
//! open with its own banner (`[OCR 识别结果 置信度 87%]`, `〔扫描件识别文本…〕`). Read as the
//! writer typed it: the spaced characters closed up, the `l`s made digits, the broken lines
//! joined, the banner dropped.
//!
//! Only a text that reads as a scan is touched: a banner naming OCR or a scan, or at least two
//! lines spaced character by character.

use crate::minutes::layout::strip_marker;
use crate::minutes::scan::is_cjk;

/// Whether `c` is a full-width punctuation mark a recogniser spaces like a character.
fn is_cjk_mark(c: char) -> bool {
    "，。、；：！？（）【】《》“”".contains(c)
}

/// A character the spacing falls between: Chinese, or its punctuation.
fn closes_up(c: char) -> bool {
    is_cjk(c) || is_cjk_mark(c)
}

/// `[OCR 识别结果 置信度 87%]`, `〔扫描件识别文本，原件为手写签字版〕`: the recogniser's banner.
fn is_banner(t: &str) -> bool {
    let opens = t.starts_with(['[', '【', '〔', '（', '(']);
    let lower = t.to_lowercase();
    opens
        && t.chars().count() <= 40
        && (lower.contains("ocr") || t.contains("扫描件") || t.contains("识别结果"))
}

/// How many Chinese characters stand alone between spaces in the line (`审 计 发`): the mark of
/// letter-spaced text (a note typed with spaces between its words has words, not characters).
fn spaced_runs(t: &str) -> usize {
    let c: Vec<char> = t.chars().collect();
    (0..c.len()).filter(|i| closes_up(c[*i]) && alone(&c, *i)).count()
}

/// Whether the character at `i` has a space (or the line's edge) on both sides.
fn alone(c: &[char], i: usize) -> bool {
    let before = i == 0 || c.get(i - 1) == Some(&' ');
    let after = i + 1 >= c.len() || c.get(i + 1) == Some(&' ');
    before && after
}

/// The line with the single spaces around characters standing alone taken out (`温 州 车 站` →
/// `温州车站`, `第 2 项` → `第2项`); wider gaps (`阎志平  滕晓雯`, two names) and the spaces
/// between words stay.
fn close_up(t: &str) -> String {
    let c: Vec<char> = t.chars().collect();
    let fits = |k: usize| {
        c.get(k)
            .is_some_and(|ch| closes_up(*ch) || ch.is_ascii_digit() || *ch == '.')
    };
    let mut out = String::with_capacity(t.len());
    for (i, ch) in c.iter().enumerate() {
        let single = *ch == ' '
            && i > 0
            && c.get(i - 1).is_some_and(|p| *p != ' ')
            && c.get(i + 1).is_some_and(|n| *n != ' ')
            && fits(i - 1)
            && fits(i + 1)
            && (alone(&c, i - 1) || alone(&c, i + 1));
        if !single {
            out.push(*ch);
        }
    }
    out
}

/// `l. 一季度…`, `第 l 项`, `（第 l 页 共 l 页）`: an `l` standing for a `1`.
fn ones(t: &str) -> String {
    let c: Vec<char> = t.chars().collect();
    c.iter()
        .enumerate()
        .map(|(i, ch)| {
            let prev = i.checked_sub(1).and_then(|p| c.get(p)).copied();
            let next = c.get(i + 1).copied();
            let alone = !prev.is_some_and(|p| p.is_ascii_alphabetic())
                && !next.is_some_and(|n| n.is_ascii_alphabetic());
            let numeric = next.is_some_and(|n| matches!(n, '.' | '．' | '、' | ' ' | '项' | '页'))
                || prev.is_some_and(|p| matches!(p, '第' | '共'));
            if *ch == 'l' && alone && numeric { '1' } else { *ch }
        })
        .collect()
}

/// Whether the line ends a sentence (or a heading's label): what follows starts anew.
fn ends_whole(t: &str) -> bool {
    t.ends_with(['。', '；', '！', '？', '：', ':', ';', '!', '?'])
}

/// The spaces a line opens with.
fn indent(l: &str) -> usize {
    l.len() - l.trim_start_matches(' ').len()
}

/// The minutes as typed, when they read as a scan; otherwise as they are.
pub(super) fn read(lines: Vec<String>) -> Vec<String> {
    let banner = lines.iter().take(3).any(|l| is_banner(l.trim()));
    let spaced = lines.iter().filter(|l| spaced_runs(l.trim()) >= 4).count();
    if !banner && spaced < 2 {
        return lines;
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    // The indent of the line a broken one carries on (its own, when it was joined to).
    let mut open: Option<usize> = None;
    for line in lines {
        if is_banner(line.trim()) {
            out.push(String::new());
            open = None;
            continue;
        }
        let lead = indent(&line);
        // (`参会：屈佳宁 孟晓光`: names apart by a space, in a line not spaced out, stay apart.)
        let text = if spaced_runs(line.trim()) >= 2 {
            ones(&close_up(line.trim()))
        } else {
            ones(line.trim())
        };
        // `         成。` under `…前完`: the paper's line broke, the sentence goes on.
        // (`  1. 屈佳宁…` under `二、会议议定`: a list's item starts anew.)
        if let Some(at) = open
            && lead > at
            && !text.is_empty()
            && strip_marker(&text).1 == text
            && let Some(last) = out.last_mut()
        {
            last.push_str(&text);
            if ends_whole(&text) {
                open = None;
            }
            continue;
        }
        open = (!text.is_empty() && !ends_whole(&text)).then_some(lead);
        out.push(format!("{}{text}", " ".repeat(lead)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::read;
    use crate::minutes::extract::testkit::lines;

    #[test]
    fn a_scan_is_read_as_typed() {
        let got = read(lines(
            "[OCR 识别结果 置信度 87%]\n\
             内 审 整 改 落 实 会 议 记 录\n\
             出 席 ：阎志平  滕晓雯\n\
             第 2 项  柜 台 复 核 缺 失 —— 由阎志平重新修订柜台复核清单，\n\
             \u{20}        并组织全员签字学习，7月17日（周五）前完\n\
             \u{20}        成。\n\
             \u{20} l. 屈佳宁负责编制排期表，报分公\n\
             \u{20}    司审批，5月8日前完成。\n\
             \u{20} 2. 下一项。\n\
             二 、会 议 议 定\n\
             \u{20} l. 某项。",
        ));
        assert_eq!(got[0], "");
        assert_eq!(got[1], "内审整改落实会议记录");
        assert_eq!(got[2], "出席：阎志平  滕晓雯");
        assert_eq!(
            got[3],
            "第2项  柜台复核缺失 —— 由阎志平重新修订柜台复核清单，并组织全员签字学习，7月17日（周五）前完成。"
        );
        assert_eq!(got[4], "  1. 屈佳宁负责编制排期表，报分公司审批，5月8日前完成。");
        assert_eq!(got[5], "  2. 下一项。");
        assert_eq!(got[6], "二、会议议定");
        assert_eq!(got[7], "  1. 某项。");
    }

    #[test]
    fn typed_minutes_are_left_alone() {
        let typed = lines(
            "周会纪要\n1. 张三 周五前 交报告\n   接上一行\n记一下 某某下周三前把课表确认好 某某负责签到\n反馈 银行 客户 对 3年 以内",
        );
        assert_eq!(read(typed.clone()), typed);
    }
}
