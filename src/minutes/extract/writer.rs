//! Who writes or answers (pure): the signed writer of minutes written as a letter, and a short
//! reply that takes on the item just proposed.

use crate::minutes::item::ActionItem;
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::Ctx;

/// The writer of minutes written as a letter: `X 致 各位` on the first line, `发件人：X` on one of
/// the first four, or a signature (a name alone, after an optional department, on one of the last
/// two lines above a quoted earlier message).
pub(super) fn author(lines: &[String], ctx: &Ctx<'_>) -> Option<OwnerRef> {
    let is_person = |w: &str| {
        (2..=4).contains(&w.chars().count())
            && w.chars().all(crate::minutes::scan::is_cjk)
            && !w.ends_with(crate::minutes::scan::DEPARTMENT_ENDS)
            && ctx.is_name(w)
    };
    let first = lines.iter().map(|l| l.trim()).find(|l| !l.is_empty())?;
    if let Some((who, to)) = first.split_once('致')
        && ["各位", "全体", "大家", "各部门", "相关"]
            .iter()
            .any(|w| to.trim_start().starts_with(w))
        && is_person(who.trim())
    {
        return Some(ctx.resolve(who.trim()));
    }
    // `发件人: 皇甫怡` heading an email (a reply quoting the first: its own header counts).
    let sender = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .take(4)
        .find_map(|l| {
            ["发件人", "From", "from"]
                .iter()
                .find_map(|k| l.strip_prefix(k))
                .and_then(|r| r.trim_start().strip_prefix([':', '：']))
                .map(str::trim)
                .filter(|w| is_person(w))
        });
    if let Some(who) = sender {
        return Some(ctx.resolve(who));
    }
    // The signature is above a quoted earlier message, if any.
    let own = lines
        .iter()
        .position(|l| {
            let l = l.trim();
            l.contains("原始邮件") || l.to_lowercase().contains("original message")
        })
        .map_or(lines, |i| lines.get(..i).unwrap_or(lines));
    own.iter()
        .rev()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .take(2)
        .find_map(|l| {
            let who = l.split_whitespace().last()?;
            (l.chars().count() <= 16 && !l.contains(['：', ':', '，', '。']) && is_person(who))
                .then(|| ctx.resolve(who))
        })
}

/// `这个我来弄`, `我来吧`, `这块交给我`: a short reply taking on what was just said, with no task
/// of its own.
pub(super) fn takes_over(body: &str) -> bool {
    let t = body.trim().trim_end_matches(['。', '！', '!', '.', '，']);
    let n = t.chars().count();
    ["我来", "我跟", "我负责", "交给我", "我接"]
        .iter()
        .any(|w| t.contains(w))
        && (n <= 5
            || (n <= 12
                && ["这个", "这块", "这事", "这件", "那个", "这一块"]
                    .iter()
                    .any(|w| t.contains(w))))
}

/// `罗琦：我这周内可以出初稿。` then `汪洋：可以，罗琦这周内出初稿。`: the same people and the same
/// work as the item just before (its last clause is in that item's text), or the same people and
/// date in a few words, confirm it, not a new one.
pub(super) fn echoes(items: &[ActionItem], item: &ActionItem) -> bool {
    let Some(last) = items.last() else {
        return false;
    };
    // `跟进：某事，（某某）`: the owner's brackets left at the end are no words of the work.
    let text = match item.text.trim_end().strip_suffix(['）', ')']) {
        Some(t) => t
            .rsplit_once(['（', '('])
            .map_or(item.text.as_str(), |(head, _)| head),
        None => item.text.as_str(),
    };
    let core = text
        .trim_end_matches(['，', ',', ' '])
        .rsplit(['，', ','])
        .next()
        .unwrap_or_default()
        .trim();
    // `好，那就邱实负责，两周内。`: the same person and date, and hardly any words of its own.
    // `好，那就何苗负责，两周内。` after 何苗 took it on: only who, no work of its own.
    let bare = item.text.trim_end_matches(['。', '，', '吧', '！']);
    // `更新考核评分表` after the same person's other task by the same date: work of its own.
    let confirms = item.text.chars().count() <= 10
        && !crate::minutes::scan::has_task_verb(
            &["负责", "牵头", "跟进"]
                .iter()
                .fold(bare.to_owned(), |t, w| t.replace(w, "")),
        )
        && ((last.deadline.is_some() && last.deadline == item.deadline)
            || ["负责", "牵头", "跟进"].iter().any(|w| bare.ends_with(w)));
    last.owners == item.owners && (confirms || (core.chars().count() >= 2 && last.text.contains(core)))
}
