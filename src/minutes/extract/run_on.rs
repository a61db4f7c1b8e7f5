//! A note typed without punctuation (pure): `碰头会记一下 某某下周三前把课表确认好发我 某某负责
//! 签到二维码 5月15号之前弄好 …`, the way people type on a phone, where only spaces part what
//! was said. Each space between two Chinese words ends a sentence, unless what follows only
//! finishes the one before: its time (`5月15号之前弄好`, `月底给我`) or a few words (`某某牵头`).

use super::spoken_alias::TIME_OPENERS;
use crate::domain::ids::Person;

/// `line` as the lines of such a note: punctuated, a new line at each point it counts off
/// (`一是…`, `二是…`), so that a point's first sentence names its topic; `[line]` for any
/// other line.
pub(super) fn lines_of(line: String, members: &[Person]) -> Vec<String> {
    let Some(p) = punctuated(&line, members) else {
        return vec![line];
    };
    let mut out: Vec<String> = Vec::new();
    for s in p.split_inclusive('。') {
        // `…没别的了。慧敏。`: the name signed at the end stands on its own line.
        let signed = s.trim_end_matches('。').chars().count() <= 3
            && p.ends_with(s)
            && !s.contains(['吧', '快', '前', '内']);
        match out.last_mut() {
            Some(last) if !counts_off(s) && !signed => last.push_str(s),
            _ => out.push(s.to_owned()),
        }
    }
    out
}

/// `line` punctuated when it is such a note; `None` for any other line.
fn punctuated(line: &str, members: &[Person]) -> Option<String> {
    let t = line.trim();
    let raw = spaced_pieces(t);
    // `然后 程雪 嗯 投诉那个客户…`: a voice note's line, its fillers alone between spaces.
    let voice = raw.iter().any(|p| FILLERS.contains(p))
        // `第二个 直播排期表 …`: points counted aloud.
        || raw.first().is_some_and(|p| p.starts_with('第') && p.contains('个'));
    if t.starts_with(['|', '｜'])
        || t.contains(['，', '。', '；', '！', '？', ',', ';', '!', '?', '：', ':'])
        || t.chars().count() < if voice { 16 } else { 40 }
    {
        return None;
    }
    let pieces = spoken(raw, members);
    if pieces.len() < if voice { 2 } else { 4 } {
        return None;
    }
    let chars: usize = pieces.iter().map(|p| p.chars().count()).sum();
    // An attendance line (`参会 某某 某某 某某`) parts names, not sentences.
    if chars < pieces.len() * 6 && !voice {
        return None;
    }
    // Chinese on both sides of nearly every space (not English words, not `2 月底前`).
    let cjk_joins = pieces
        .windows(2)
        .filter(|w| {
            w[0].chars().next_back().is_some_and(is_han) && w[1].chars().next().is_some_and(is_han_or_digit)
        })
        .count();
    if cjk_joins * 4 < (pieces.len() - 1) * 3 {
        return None;
    }
    let mut out = String::with_capacity(t.len() + pieces.len() * 3);
    for (i, p) in pieces.iter().enumerate() {
        // `…没别的了 慧敏`: a name signed at the end says nothing of the work before.
        let signed = i + 1 == pieces.len() && p.chars().count() <= 3;
        if i > 0 {
            // A voice note's line is one point said in one go: its pauses are commas.
            out.push(
                if ((voice && !counts_off(p)) || finishes_the_one_before(p)) && !signed {
                    '，'
                } else {
                    '。'
                },
            );
        }
        out.push_str(p);
    }
    out.push('。');
    Some(out)
}

/// The parts of `t` between spaces, a space inside brackets parting nothing
/// (`碰头（某某 某某 某某）节前的…`).
fn spaced_pieces(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    for (i, c) in t.char_indices() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            ' ' if depth == 0 => {
                out.push(&t[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(&t[from..]);
    out.retain(|p| !p.is_empty());
    out
}

/// Words a voice note is full of that say nothing (`嗯`, `那个`, `就是说`), standing alone
/// between spaces.
const FILLERS: &[&str] = &[
    "嗯",
    "呃",
    "啊",
    "哦",
    "那个",
    "这个",
    "就是说",
    "就是",
    "然后",
    "然后呢",
    "对吧",
];

/// The pieces of a voice note said: fillers gone, alone or opening a piece (`就是说丁浩`), and a
/// point counted aloud (`第二个`, `第三个就是`) written as counted off (`二是`).
fn spoken(pieces: Vec<&str>, members: &[Person]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in pieces {
        let mut p = p;
        // Not `这个月底…`, `就是下周`: only the fillers that open nothing.
        while let Some(r) = ["嗯", "呃", "啊", "那个", "就是说", "然后"]
            .iter()
            .find_map(|f| p.strip_prefix(f))
            .filter(|r| !r.is_empty())
        {
            p = r;
        }
        if FILLERS.contains(&p) {
            continue;
        }
        let counted = ["第一个", "第二个", "第三个", "第四个", "第五个", "第六个"]
            .iter()
            .zip(["一", "二", "三", "四", "五", "六"])
            .find_map(|(w, n)| {
                let rest = p.strip_prefix(w)?;
                let rest = rest.strip_prefix('呢').unwrap_or(rest);
                let rest = ["就是说", "就是"]
                    .iter()
                    .find_map(|w| rest.strip_prefix(w))
                    .unwrap_or(rest);
                let rest = rest.strip_prefix('是').unwrap_or(rest);
                // Not `第二个工作日`: a day counted.
                (!["工作日", "交易日", "月", "季度", "周", "星期", "礼拜", "小时"]
                    .iter()
                    .any(|t| rest.starts_with(t)))
                .then(|| format!("{n}是{rest}"))
            });
        out.push(counted.unwrap_or_else(|| p.to_owned()));
    }
    // `周敏 客户投诉 你再打个电话回访一下`: a name called, then `你` a piece or two on is them.
    // `晓波啊 那个预约页面… 你跟IT对一下`: the name called with `啊` too.
    let mut i = 0;
    while i < out.len() {
        let name = out[i].trim_end_matches(['啊', '呀']).to_owned();
        // A member, by full name or by the given name of a three-character one.
        let called = members.iter().any(|m| {
            m.name == name
                || (m.name.chars().count() == 3 && m.name.chars().skip(1).collect::<String>() == name)
        });
        let you = (i + 1..out.len().min(i + 4)).find(|j| out[*j].contains('你'));
        if called && let Some(j) = you {
            out.remove(i);
            // `若兰你定下来`: the name said with `你`, read as one called by a short name.
            out[j - 1] = out[j - 1].replacen('你', &format!("{name}你"), 1);
            continue;
        }
        i += 1;
    }
    // `第二个 那个营业部的…` as `二是` alone: joined to the piece after it.
    let mut joined: Vec<String> = Vec::with_capacity(out.len());
    let mut pending: Option<String> = None;
    for p in out {
        match pending.take() {
            Some(head) => joined.push(format!("{head}{p}")),
            None if p.chars().count() == 2 && counts_off(&p) => pending = Some(p),
            None => joined.push(p),
        }
    }
    joined.extend(pending);
    joined
}

/// What only finishes the sentence before it: its time (`5月15号之前弄好`, `这个月底给某某看`,
/// `下周五前把报名表发出去`) or a few words (`某某牵头`, `某某一起`).
fn finishes_the_one_before(piece: &str) -> bool {
    (piece.chars().count() <= 4 && !counts_off(piece))
        || piece.starts_with(|c: char| c.is_ascii_digit())
        // `许亮你这周五之前 把新的样子定一下`: what is done to it, said after.
        || piece.starts_with('把')
        || TIME_OPENERS
            .iter()
            .chain(MORE_OPENERS)
            .any(|w| piece.starts_with(w))
}

/// `一是…`, `三是…`: a point counted off.
fn counts_off(piece: &str) -> bool {
    let mut c = piece.chars();
    c.next().is_some_and(|n| "一二三四五六七八九十".contains(n)) && c.next() == Some('是')
}

/// Words a time opens with in such a note, beside [`TIME_OPENERS`].
const MORE_OPENERS: &[&str] = &[
    "这个月",
    "本月",
    "下个月",
    "下月",
    "年内",
    "当天",
    "下班前",
    "中午前",
    "国庆",
    "春节",
    "元旦",
    "五一",
    "中秋",
    "端午",
    "清明",
    "月初",
    "最晚",
    "最迟",
    "之前",
];

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn is_han_or_digit(c: char) -> bool {
    is_han(c) || c.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::{lines_of, punctuated};

    #[test]
    fn a_phone_note_without_punctuation_is_parted_at_its_spaces() {
        let line = "周例会记一下 大伟下周二前把展板的报价问好 报价单发群里 小敏负责茶歇和签到表 \
                    6月3号之前弄好 宣传册这次先不印了";
        assert_eq!(
            punctuated(line, &[]).as_deref(),
            Some(
                "周例会记一下。大伟下周二前把展板的报价问好。报价单发群里。小敏负责茶歇和签到表，\
                 6月3号之前弄好。宣传册这次先不印了。"
            )
        );
        let two =
            "三是仓库搬迁的方案 阿强和小敏一起出 阿强牵头 月底给我 四是年中的盘点已经做完了 差异都查清楚了";
        assert_eq!(
            punctuated(two, &[]).as_deref(),
            Some(
                "三是仓库搬迁的方案。阿强和小敏一起出，阿强牵头，月底给我。四是年中的盘点已经做完了。差异都查清楚了。"
            )
        );
    }

    #[test]
    fn each_point_counted_off_starts_a_line() {
        let note = "周会说了几个事 一是防汛 台风下周可能过来 大海今天下班前把沙袋检查一遍 \
                    二是仓库搬迁的方案 阿强和小敏一起出 月底给我";
        assert_eq!(
            lines_of(note.to_owned(), &[]),
            vec![
                "周会说了几个事。",
                "一是防汛。台风下周可能过来。大海今天下班前把沙袋检查一遍。",
                "二是仓库搬迁的方案。阿强和小敏一起出，月底给我。",
            ]
        );
        assert_eq!(
            lines_of("一是防汛，二是搬迁".to_owned(), &[]),
            vec!["一是防汛，二是搬迁"]
        );
    }

    #[test]
    fn punctuated_lines_names_and_english_are_left_alone() {
        assert_eq!(
            punctuated(
                "周例会记一下 大伟下周二前把展板的报价问好，报价单发群里 小敏负责茶歇和签到表",
                &[]
            ),
            None
        );
        assert_eq!(
            punctuated("参会人员 王大伟 李小敏 赵强 孙丽丽 周涛 吴芳芳 郑凯 冯雪", &[]),
            None
        );
        assert_eq!(
            punctuated(
                "Kevin and Leo deploy the new build to UAT and run the load test by Friday noon",
                &[]
            ),
            None
        );
    }
}
