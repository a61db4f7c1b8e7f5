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

/// Rewrites a reply accepting an offer to name the work offered (see the module's text).
pub(super) fn name_offered_work(lines: &mut [String]) {
    for n in 0..lines.len() {
        let Some((object, verb)) = offer(&lines[n]) else {
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
    fn an_offer_closing_its_clause_is_taken_up() {
        let l = named("白雪 00:04\n会签单的原件我来收吧，有两位在出差。\n甘霖 00:05\n可以，你收。\n");
        assert_eq!(l[3], "可以，你收会签单的原件。");
    }
}
