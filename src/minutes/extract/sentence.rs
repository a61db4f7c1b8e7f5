//! The sentences of a line of minutes (pure): where they split, a topic sentence
//! (`三是结果汇总。`), a question answered (`…要不要更新？`), and whether a task text is left.

use crate::minutes::scan::{Ctx, OwnerHow, Scan};

/// The sentences of a line (`。！？`), those of two characters or more.
/// A sentence of fields (`主责：邓超；时间：7月15日前。`) belongs to the sentence before it.
pub(super) fn split_sentences(body: &str) -> Vec<&str> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    // The piece before ended with its owner (`由经纪业务部负责实施，承办人：敖雪；`): the work
    // after the `；` (`8月31日前完成首批迁址报批。`) is theirs.
    let mut owner_before = false;
    let mut titled_before = false;
    for piece in body.split_inclusive(['。', '！', '？', '；']) {
        let end = start + piece.len();
        // `…，4月17日前；关注人：某某`: who only follows the card is neither work nor its owner.
        if spans.last().is_some()
            && piece
                .trim()
                .split_once(['：', ':'])
                .is_some_and(|(key, _)| ["关注人", "知会人"].contains(&key.trim()))
        {
            start = end;
            continue;
        }
        let fields = piece
            .trim()
            .split_once(['：', ':'])
            // `（责任人：易海）` after the sentence it belongs to.
            .is_some_and(|(key, _)| FIELD_KEYS.contains(&key.trim().trim_start_matches(['（', '('])));
        // `…宣传架换新。下周一`: a date alone after the sentence is that sentence's deadline.
        let bare = piece.trim().trim_end_matches(['。', '！', '；', '.']);
        let date_only = (2..=8).contains(&bare.chars().count())
            && bare
                .chars()
                .all(|c| crate::minutes::scan::is_time_char(c) || "下本这上前之".contains(c));
        // `体检预约（责任人：岳明；已完成）`: a `；` inside brackets splits no sentence.
        let inside = spans
            .last()
            .and_then(|last| body.get(last.0..start))
            .is_some_and(super::brackets::unclosed);
        // `…营销方案；方案回来之前不定时间。`: a remark that the time is open belongs to the work before.
        let time_open = (4..=16).contains(&bare.chars().count())
            && !bare.contains(['，', ','])
            && [
                "不定时间",
                "不设时限",
                "时间另定",
                "时间待定",
                "另定时间",
                "再定时间",
                "时间不限",
                "不限时间",
            ]
            .iter()
            .any(|w| bare.ends_with(w));
        // `…截至3月20日。（合规部汇总）`: an aside in brackets after the full stop is that
        // sentence's remark.
        let aside = bare.starts_with(['（', '('])
            && bare.ends_with(['）', ')'])
            && bare.matches(['（', '(']).count() == 1
            && bare.matches(['）', ')']).count() == 1;
        match spans.last_mut() {
            Some(last)
                if fields || date_only || owner_before || inside || time_open || aside || titled_before =>
            {
                last.1 = end;
            }
            _ => spans.push((start, end)),
        }
        // `2. 网点布局优化方案——熊某。原定6月12日，…本周四前定稿。`: a tracker's title and its
        // owner after a dash, then its state and date in the next sentence, are one entry.
        titled_before = spans.len() == 1 && titled_entry(piece);
        owner_before = piece.trim_end().ends_with(['；', ';'])
            && piece
                .trim_end()
                .trim_end_matches(['；', ';'])
                .rsplit(['，', ','])
                .next()
                .and_then(|c| c.split_once(['：', ':']))
                .is_some_and(|(k, v)| {
                    [
                        "责任人",
                        "负责人",
                        "承办人",
                        "经办人",
                        "执行人",
                        "牵头人",
                        "主责人",
                        "主办人",
                    ]
                    .contains(&k.trim())
                        && (2..=8).contains(&v.trim().chars().count())
                });
        start = end;
    }
    // A run-on paragraph (`…，然后说…，另外张主管提了…，最后王总让…`): its connectives part it.
    if body.chars().count() > 80 {
        spans = spans
            .into_iter()
            .flat_map(|(s, e)| {
                let part = body.get(s..e).unwrap_or_default();
                let mut cuts: Vec<usize> = RUN_ON
                    .iter()
                    .flat_map(|w| part.match_indices(w).map(|(i, _)| s + i + '，'.len_utf8()))
                    .collect();
                // `…数量报给我第二个全年的对账单…`: voice typed out with no stops, its points
                // counted (not `第二个工作日`, a day).
                cuts.extend(ORDINALS.iter().flat_map(|w| {
                    part.match_indices(w)
                        .filter(|(i, w)| {
                            let after = &part[i + w.len()..];
                            *i > 0 && !COUNTED_TIME.iter().any(|t| after.starts_with(t))
                        })
                        .map(|(i, _)| s + i)
                }));
                cuts.sort_unstable();
                let mut out = Vec::new();
                let mut from = s;
                for c in cuts {
                    out.push((from, c));
                    from = c;
                }
                out.push((from, e));
                out
            })
            .collect();
    }
    spans
        .iter()
        .filter_map(|(s, e)| body.get(*s..*e))
        .map(str::trim)
        .filter(|s| s.trim_end_matches(['。', '！', '？', '；']).chars().count() >= 2)
        .collect()
}

/// `营业部网点布局优化方案——熊某。`: a title, a dash and a short name, alone in a sentence.
/// So is `高净值客户分层服务方案：未完成。`: a title and a state that says it is still open.
fn titled_entry(piece: &str) -> bool {
    let p = piece.trim().trim_end_matches('。');
    if let Some((title, state)) = p.rsplit_once('：')
        && ["未完成", "未办结", "进行中", "推进中", "部分完成", "延期"].contains(&state.trim())
        && title.chars().filter(|c| crate::minutes::scan::is_cjk(*c)).count() >= 4
    {
        return piece.trim_end().ends_with('。');
    }
    p.rsplit_once("——").is_some_and(|(title, who)| {
        let who = who.trim();
        title.chars().filter(|c| crate::minutes::scan::is_cjk(*c)).count() >= 4
            && (2..=4).contains(&who.chars().count())
            && who.chars().all(crate::minutes::scan::is_cjk)
    }) && piece.trim_end().ends_with('。')
}

/// The points of a run-on paragraph counted aloud.
const ORDINALS: &[&str] = &["第一个", "第二个", "第三个", "第四个", "第五个", "第六个"];

/// What a counted day or period reads as after `第N个` (`第二个工作日`): no point of a list.
const COUNTED_TIME: &[&str] = &[
    "工作日",
    "交易日",
    "自然日",
    "月",
    "季度",
    "周",
    "星期",
    "礼拜",
    "小时",
    "年",
    "阶段",
    "批次",
];

/// Connectives that start the next thing told in a run-on paragraph.
const RUN_ON: &[&str] = &["，然后", "，另外", "，最后", "，此外", "，还有", "，同时"];

/// Words that answer or agree and carry no task (`好`, `那就`, `可以`).
const FILLERS: &[&str] = &[
    "好的", "好", "行", "可以", "嗯", "那就", "那", "就", "对", "是的", "收到", "ok", "OK", "这样",
];

/// Whether a task text is left once fillers and punctuation go (`好，那就邱实负责` leaves `好`: no).
pub(super) fn has_task_text(text: &str) -> bool {
    let mut rest = text.to_owned();
    for f in FILLERS {
        rest = rest.replace(f, "");
    }
    rest.chars().filter(|c| c.is_alphanumeric()).count() >= 2
}

/// `嗯，那风险揭示书的版本要不要更新？` → `风险揭示书的版本要不要更新`.
pub(super) fn topic_of_question(q: &str) -> &str {
    let mut t = q.trim().trim_end_matches(['？', '?']).trim();
    while let Some(r) = FILLERS
        .iter()
        .find_map(|f| t.strip_prefix(f))
        .map(|r| r.trim_start_matches(['，', ',', ' ', '。']))
    {
        t = r;
    }
    t
}

/// `一是考核表下发。` → `考核表下发`: a sentence that only names the topic of those after it.
pub(super) fn topic_of(sentence: &str) -> Option<&str> {
    numbered_topic(sentence).or_else(|| title_sentence(sentence))
}

/// `档案补正。涉及的7家营业部…`: a short title sentence names the task after it.
fn title_sentence(sentence: &str) -> Option<&str> {
    let t = sentence.trim().strip_suffix('。')?;
    ((2..=6).contains(&t.chars().count())
        && t.chars().all(crate::minutes::scan::is_cjk)
        // Not a speaker's words (`我再捋一下。`, `好的。`).
        && !t.contains(['我', '你', '他', '她', '咱', '吧', '吗', '呢', '啊', '好', '嗯', '行'])
        // Nor a word of approval before the next request (`不错。小刘，…`).
        && !ACKNOWLEDGEMENTS.contains(&t))
    .then_some(t)
}

/// `营业部分类评价办法修订。`: a longer title sentence, named before the sentence giving it to
/// someone (`由某某牵头，…`).
pub(super) fn long_title(sentence: &str) -> Option<&str> {
    let t = sentence.trim().strip_suffix('。')?;
    ((7..=18).contains(&t.chars().count())
        && t.chars()
            .all(|c| crate::minutes::scan::is_cjk(c) || c.is_ascii_alphanumeric())
        && !t.contains(['我', '你', '他', '她', '咱', '已', '请', '要']))
    .then_some(t)
}

/// Words that approve or acknowledge what was said (`不错。`, `可以。`), naming no topic.
const ACKNOWLEDGEMENTS: &[&str] = &[
    "不错",
    "可以",
    "没错",
    "对",
    "是的",
    "同意",
    "收到",
    "明白",
    "了解",
    "知道了",
    "辛苦了",
    "谢谢",
    "没问题",
    "挺棒",
    "漂亮",
    "有道理",
    "确实",
    "这样",
    "那就这样",
    "就这么定",
];

/// `三是结果汇总。`
fn numbered_topic(sentence: &str) -> Option<&str> {
    let mut chars = sentence.chars();
    let n = chars.next()?;
    let rest = sentence.get(n.len_utf8()..)?.strip_prefix('是')?;
    let topic = rest.trim_end_matches(['。', '；', ';', '：', ':']).trim();
    ("一二三四五六七八九十".contains(n)
        && (2..=12).contains(&topic.chars().count())
        && !topic.contains(['，', ','])
        && rest.ends_with(['。', '；', ';', '：', ':']))
    .then_some(topic)
}

/// Keys of a field sentence.
const FIELD_KEYS: &[&str] = &[
    "主责",
    "主责人",
    "协同",
    "协办",
    "配合",
    "配合人",
    "责任人",
    "负责人",
    "牵头人",
    "时间",
    "完成时间",
    "完成时限",
    "办结时限",
    "完成日期",
    "截止日期",
    "截止时间",
    "时限",
    "期限",
    "截止",
    "Owner",
    "owner",
    "Due",
    "due",
];

/// `1. 7月业绩排名通报 2. 两融客户回访 3. 直播`: the items numbered inside one line.
pub(super) fn inline_list(body: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (k, (i, c)) in chars.iter().enumerate() {
        let before = k.checked_sub(1).and_then(|b| chars.get(b)).map(|(_, c)| *c);
        let next = chars.get(k + 1).map(|(_, c)| *c);
        if c.is_ascii_digit()
            && before.is_none_or(|b| b == ' ' || b == '：' || b == ':')
            && matches!(next, Some('.' | '、'))
            && c.to_digit(10) == Some(u32::try_from(starts.len() + 1).unwrap_or(0))
        {
            starts.push((*i, i + 2 + next.map_or(0, char::len_utf8) - 1));
        }
    }
    starts
        .iter()
        .enumerate()
        .filter_map(|(k, (_, text_at))| {
            let end = starts.get(k + 1).map_or(body.len(), |(at, _)| *at);
            body.get(*text_at..end).map(|t| t.trim().to_owned())
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// `2我和黄丽一起，8月7日前回访完` after such a list: the claimed item, then what was said.
pub(super) fn claim(body: &str, listed: &[String]) -> Option<String> {
    // `郭志强：2我和黄丽一起…`: a chat label stays in front.
    if let Some((who, said)) = body.split_once(['：', ':'])
        && (2..=4).contains(&who.chars().count())
        && let Some(c) = claim(said.trim_start(), listed)
    {
        return Some(format!("{who}：{c}"));
    }
    let first = body.chars().next()?;
    let n = usize::try_from(first.to_digit(10)?).ok()?;
    let rest = body.get(first.len_utf8()..)?;
    if !rest.starts_with('我') {
        return None;
    }
    let topic = listed.get(n.checked_sub(1)?)?;
    Some(format!("{topic}：{rest}"))
}

/// `合规风控部` left of `合规风控部 曹颖` (a letter's signature): a department and nothing to do.
pub(super) fn is_department_only(text: &str) -> bool {
    let t = text.trim();
    (2..=8).contains(&t.chars().count())
        && t.chars().all(crate::minutes::scan::is_cjk)
        && (t.ends_with(['部', '组', '室', '处']) || t.ends_with("中心"))
}

/// A task text too thin to stand alone: a pointer back (`此项`, `该项工作`) or a few characters
/// (`修订，拿出初稿`, `评估一下，给我个结论`).
pub(super) fn is_thin(text: &str) -> bool {
    ["此项", "该项", "这项", "上述", "以上"]
        .iter()
        .any(|w| text.starts_with(w))
        || text
            .chars()
            .filter(|c| !matches!(c, '，' | '。' | ',' | ' '))
            .count()
            <= 9
}

/// `路演讲稿某乙下周一前给合规` → (某乙, where): a member named after two to ten characters of
/// work in the first clause of `rest`, with no other member before.
fn inner_doer<'m>(rest: &str, ctx: &Ctx<'m>) -> Option<(&'m crate::domain::ids::Person, usize)> {
    let clause = rest.split(['，', ',', '；', '。']).next().unwrap_or_default();
    let (p, at) = ctx
        .members
        .iter()
        .filter(|p| p.name.chars().count() >= 2)
        .filter_map(|p| clause.find(p.name.as_str()).map(|at| (p, at)))
        .min_by_key(|(p, at)| (*at, usize::MAX - p.name.len()))?;
    let work = clause.get(..at)?;
    // `补正清单由合规风控部甘棠统一发出`: work given by 由 is read as such.
    ((2..=10).contains(&work.chars().count())
        && work.chars().all(crate::minutes::scan::is_cjk)
        && !work.contains('由'))
    .then_some((p, at))
}

/// `李明远今天下班前把文案发给郑敏确认，黄志强下周二负责上线模板`: a sentence giving two people
/// their own dated work, split at the comma before the second name. Any other sentence is
/// itself.
pub(super) fn split_assignments<'s>(sentence: &'s str, ctx: &Ctx<'_>) -> Vec<&'s str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in sentence.match_indices(['，', ',']) {
        let comma = sentence
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        let (Some(head), Some(rest)) = (sentence.get(start..i), sentence.get(i + comma..)) else {
            continue;
        };
        let opening = ctx
            .members
            .iter()
            .filter(|p| p.name.chars().count() >= 2 && rest.starts_with(p.name.as_str()))
            .max_by_key(|p| p.name.len());
        // `邀约名单某甲周五前出，路演讲稿某乙下周一前给合规`: the work, then its doer.
        let inner = opening.is_none().then(|| inner_doer(rest, ctx)).flatten();
        let next = opening.or(inner.map(|(p, _)| p));
        let at = inner.map_or(0, |(_, at)| at);
        // `请各营业部于7月17日前完成补正，补正清单由合规风控部甘棠统一发出`: dated work, then
        // other work given to a member by 由 in the next clause.
        // Not `具体由钱钟书负责`, `由邢晓峰负责汇总`: who does the work just said.
        let clause = rest.split(['，', ',', '；', '。']).next().unwrap_or_default();
        let given_work = clause.split_once('由').is_some_and(|(work, by)| {
            work.chars().count() >= 2
                && !["具体", "统一", "并", "再", "均", "全部", "另"].contains(&work.trim())
                && !["负责", "牵头", "主责", "跟进", "落实"]
                    .iter()
                    .any(|v| by.trim_end().ends_with(v))
        });
        if next.is_none() && !(given_work && clause.chars().count() <= 30) {
            continue;
        }
        let (h, r) = (ctx.scan(head), ctx.scan(rest));
        let dated_owner = |s: &Scan| s.how != OwnerHow::None && s.deadline.is_some();
        let split = match next {
            // `X 牵头，Y 配合，2月12日前`: the one after helps with the same work.
            Some(next) if super::brackets::helps(rest.get(at + next.name.len()..).unwrap_or_default()) => {
                false
            }
            // `某甲写说明书，某乙评审，3月6日前`: the one after reviews the same work.
            Some(next)
                if super::brackets::checks_only(rest.get(at + next.name.len()..).unwrap_or_default()) =>
            {
                false
            }
            // `邀约名单某甲周五前出，路演讲稿某乙下周一前给合规`: work, its doer and date in each
            // clause (not `某甲提出改期，会议同意改到4月8日`, whose last clause names no one).
            Some(next) if inner.is_some() => {
                h.owners.first().is_some_and(|o| {
                    head.rsplit(['，', ','])
                        .next()
                        .is_some_and(|last| last.contains(o.name()))
                }) && dated_owner(&h)
                    && dated_owner(&r)
                    && r.owners.first().and_then(|o| o.person()) == Some(next)
                    && h.owners.iter().all(|o| o.person() != Some(next))
            }
            Some(next) => {
                (dated_owner(&h)
                    && dated_owner(&r)
                    && r.owners.first().and_then(|o| o.person()) == Some(next)
                    && h.owners.iter().all(|o| o.person() != Some(next)))
                    || super::charge_split::each_in_charge(head, rest, next, ctx)
            }
            None => {
                let given = r.owners.first().and_then(|o| o.person());
                h.deadline.is_some()
                    && r.how == OwnerHow::Strong
                    && given.is_some_and(|p| !head.contains(p.name.as_str()))
                    && h.owners.iter().all(|o| o.person().is_none())
                    && ["请", "要", "需", "须"].iter().any(|w| head.contains(w))
            }
        };
        if split {
            out.push(head);
            start = i + comma;
        }
    }
    out.push(sentence.get(start..).unwrap_or(sentence));
    out
}
