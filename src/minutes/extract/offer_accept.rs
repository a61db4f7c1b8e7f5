//! An offer taken up in the next turn (pure): `焦总，展台的布置方案要不要我来做？` then the chair's
//! `要，小白你做一下，周五前发我。` — the reply gives the work back to the one who offered, by its
//! verb alone; the work itself is named only in the offer. The object of the offer is written
//! after the verb in the reply (`…你做一下展台的布置方案，周五前发我`), so the item names its work.
//! Any turn layout: the reply is the next line said, past a speaker's own line (`某某 00:01:26`).

/// Offer words before the verb (`要不要我来排`, `需不需要我做`, `要我来写吗`).
const OFFERS: &[&str] = &[
    "要不要我来",
    "要不要我",
    "需不需要我来",
    "需不需要我",
    "需要我来",
    "要我来",
    "我来",
];
/// Words that open a reply accepting the offer.
const YES: &[&str] = &["要", "好", "行", "可以", "需要", "嗯", "对", "好的", "没问题"];

/// `展台的布置方案要不要我来做？` → (`展台的布置方案`, `做`): the work offered and its verb.
/// The offer may close its own clause with more said after it (`复印件我来收吧，有两人在休假。`).
fn offer(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    let (before, after) = OFFERS.iter().find_map(|w| t.split_once(w))?;
    let end = after
        .find(['，', ',', '。', '！', '；', '？', '?'])
        .unwrap_or(after.len());
    let clause = &after[..end];
    let asked_mark = after[end..].starts_with(['？', '?']);
    let verb = clause.trim_end_matches(['吧', '吗']);
    if !asked_mark && verb.len() == clause.len() {
        return None;
    }
    // The clause before the offer words; a name or title it is said to (`焦总，`) goes.
    let object = before.rsplit(['，', ',']).next().unwrap_or_default().trim();
    let verb = verb.trim();
    let n = object.chars().count();
    ((4..=24).contains(&n) && (1..=2).contains(&verb.chars().count()) && !object.contains(['你', '我']))
        .then(|| (object.to_owned(), verb.to_owned()))
}

/// `霍总，大赛宣传稿要不要发公众号？`, `产品风险等级表需要更新吗？` → `大赛宣传稿`: the work a
/// turn asks whether to do (not offered by the one asking).
fn asked(line: &str) -> Option<String> {
    let said = said_part(line);
    let q = &said[..said.find(['？', '?'])?];
    let clause = q.rsplit(['，', ',', '。', '；', ';']).next()?.trim();
    let (object, _) = ["要不要", "需不需要", "用不用", "是否需要", "是否要"]
        .iter()
        .find_map(|w| clause.split_once(w))
        .or_else(|| {
            clause
                .ends_with('吗')
                .then(|| ["需要", "要"].iter().find_map(|w| clause.split_once(w)))
                .flatten()
        })?;
    let object = object.trim();
    let n = object.chars().count();
    ((3..=20).contains(&n)
        && !object.contains(['你', '我', '他', '她'])
        && !OFFERS.iter().any(|o| q.contains(o)))
    .then(|| object.to_owned())
}

/// What a line says past a speaker's label (`[12:40] 某某：`, `某某（00:12:40）：`, `某某：`).
fn said_part(line: &str) -> &str {
    let t = line.trim();
    let (said, label) = crate::minutes::speaker::strip_speaker(t);
    if label.is_some() {
        return said;
    }
    // `某某：…`: a short label of a name.
    t.split_once(['：', ':'])
        .filter(|(l, _)| (2..=4).contains(&l.chars().count()) && l.chars().all(crate::minutes::scan::is_cjk))
        .map_or(t, |(_, r)| r.trim_start())
}

/// `要，某某你写一下，年前发` after `…大赛宣传稿要不要发公众号？` → `要，某某你把大赛宣传稿写一下，…`:
/// the reply that says yes and hands the work to someone names the work asked about.
fn name_asked_work(lines: &mut [String], n: usize, object: &str) {
    let Some(m) = (n + 1..lines.len().min(n + 4)).find(|&m| {
        let l = lines[m].trim();
        !l.is_empty() && crate::minutes::speaker::speaker_line(l).is_none()
    }) else {
        return;
    };
    let line = lines[m].clone();
    let said = said_part(&line);
    let accepts = YES.iter().any(|y| {
        said.strip_prefix(y)
            .is_some_and(|r| r.starts_with(['，', ',', '。', '！', ' ']))
    });
    if !accepts || said.contains(object) {
        return;
    }
    // Where what is said starts in the line (a subslice of it).
    let head = (said.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
    let Some(at) = said.char_indices().find_map(|(i, c)| {
        let next = said.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
        (c == '你' && next.is_some_and(|x| crate::minutes::scan::is_cjk(x) && !"们的".contains(x)))
            .then_some(i + c.len_utf8())
    }) else {
        return;
    };
    if let (Some(before), Some(after)) = (line.get(..head + at), line.get(head + at..)) {
        lines[m] = format!("{before}把{object}{after}");
    }
}

/// Rewrites a reply accepting an offer to name the work offered (see the module's text), and a
/// reply saying yes to a question about work to name that work.
pub(super) fn name_offered_work(lines: &mut [String]) {
    for n in 0..lines.len() {
        let Some((object, verb)) = offer(&lines[n]) else {
            if let Some(object) = asked(&lines[n]) {
                name_asked_work(lines, n, &object);
            }
            continue;
        };
        let Some(m) = (n + 1..lines.len().min(n + 4)).find(|&m| {
            let l = lines[m].trim();
            !l.is_empty() && crate::minutes::speaker::speaker_line(l).is_none()
        }) else {
            continue;
        };
        let reply = lines[m].trim().to_owned();
        let accepts = YES.iter().any(|y| {
            reply
                .strip_prefix(y)
                .is_some_and(|r| r.starts_with(['，', ',', '。', '！', ' ']))
        });
        if !accepts || reply.contains(object.as_str()) {
            continue;
        }
        // The verb given back (`你排一下`, `你来排`), its `一下` kept with it.
        let Some(at) = reply
            .find(&format!("你{verb}"))
            .or_else(|| reply.find(&format!("你来{verb}")))
        else {
            continue;
        };
        let mut end = at + reply[at..].find(verb.as_str()).unwrap_or(0) + verb.len();
        if reply[end..].starts_with("一下") {
            end += "一下".len();
        }
        lines[m] = format!("{}{object}{}", &reply[..end], &reply[end..]);
    }
}

#[cfg(test)]
mod tests {
    use super::name_offered_work;

    fn named(text: &str) -> Vec<String> {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        name_offered_work(&mut lines);
        lines
    }

    #[test]
    fn the_reply_names_the_work_offered() {
        let l = named(
            "白雪 00:01:15\n甘总，展台的布置方案要不要我来做？\n甘霖 00:01:26\n要，小白你做一下，周五前发我。\n",
        );
        assert_eq!(l[3], "要，小白你做一下展台的布置方案，周五前发我。");
    }

    #[test]
    fn a_reply_that_declines_or_names_the_work_is_left_alone() {
        let l = named("白雪：展台的布置方案要不要我来做？\n甘霖：先不用，下周再说。\n");
        assert_eq!(l[1], "甘霖：先不用，下周再说。");
    }

    #[test]
    fn a_yes_to_a_question_about_work_names_the_work() {
        let l =
            named("甘霖 17:02\n白总，年会邀请函要不要发纸质版？\n白雪 17:05\n要，小甘你印一下，周五前寄出\n");
        assert_eq!(l[3], "要，小甘你把年会邀请函印一下，周五前寄出");
        let l = named("[10:02] 甘霖：白总，客户名单需要更新吗？\n[10:03] 白雪：需要，小甘你本周内更新一下\n");
        assert_eq!(l[1], "[10:03] 白雪：需要，小甘你把客户名单本周内更新一下");
        // A no, or a reply that names the work, is left alone.
        let l = named("甘霖：年会邀请函要不要发纸质版？\n白雪：要，小甘你印一下。  \n");
        assert_eq!(l[1], "白雪：要，小甘你把年会邀请函印一下。  ");
        let l = named("甘霖：年会邀请函要不要发纸质版？\n白雪：不用，电子版就行\n");
        assert_eq!(l[1], "白雪：不用，电子版就行");
    }

    #[test]
    fn an_offer_closing_its_clause_is_taken_up() {
        let l = named("白雪 00:04\n会签单的原件我来收吧，有两位在出差。\n甘霖 00:05\n可以，你收。\n");
        assert_eq!(l[3], "可以，你收会签单的原件。");
    }
}
