//! Where the conversation's items meet the line rules' items (pure): one item per task, the
//! recap's repeats dropped, a word glued before a member's name taken off.

use super::acts::{Act, act};
use super::turns::{Turn, origin, shares_topic, shares_work};
use crate::minutes::explain::Verdict;
use crate::minutes::extract::trace::Tracer;
use crate::minutes::item::{ActionItem, Extraction};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, is_cjk};

/// An item settled in the conversation: the turns it was spoken of in, its line, and why.
pub(super) struct Settled {
    pub(super) turn: usize,
    pub(super) last: usize,
    /// The turn the date was given in.
    pub(super) dated: usize,
    pub(super) line: usize,
    pub(super) item: ActionItem,
    pub(super) why: String,
    /// Who gave the work (`…报给我`: not its owner).
    pub(super) by: Option<OwnerRef>,
    /// The topic named turns before (`还有数据迁移要用的校验脚本…`), when the item names none.
    pub(super) topic: Option<String>,
}

impl Settled {
    /// Work settled in one turn (`turn`, at `line`): given, taken on and dated there.
    pub(super) fn new(turn: usize, line: usize, item: ActionItem, why: String, by: Option<OwnerRef>) -> Self {
        Self {
            turn,
            last: turn,
            dated: turn,
            line,
            item,
            why,
            by,
            topic: None,
        }
    }
}

/// The first turn of the chair's recap (`我再捋一下`), when the rest of the transcript is
/// that speaker's (or short replies).
pub(super) fn recap_start(turns: &[Turn], ctx: &Ctx<'_>) -> Option<usize> {
    let t = turns.iter().rposition(|turn| {
        let c = turn.ctx(ctx);
        turn.sentences()
            .iter()
            .any(|(_, s)| act(&c, s, &c.scan(s)) == Act::Recap)
    })?;
    let who = &turns.get(t)?.speaker;
    turns
        .iter()
        .skip(t + 1)
        .all(|x| x.speaker == *who || x.text().chars().count() <= 12)
        .then_some(t)
}

/// Adds a settled item unless the line rules found it already: an item for the same people
/// about the same work or said in the same turns. Then that item gains what the conversation
/// added: a missing date or one agreed later, the topic named turns before, the helpers, and it
/// loses the one who gave the work (`…报给我`). An item with no work of its own (`那就这么定了，
/// Kevin你来，毛悦配合测试`) is added to the item for them from the turns just before, never alone.
pub(super) fn merge(
    turns: &[Turn],
    ctx: &Ctx<'_>,
    recap: Option<usize>,
    s: Settled,
    ex: &mut Extraction,
    tr: &mut Tracer<'_>,
) {
    if super::helper::join_helper(turns, s.turn, &s.item, ex) {
        tr.note(s.line, "对话：补上配合人", Verdict::Item, Vec::new(), None);
        return;
    }
    let thin = own_work(ctx, &s.item) < 4;
    let before_recap = |from: Option<usize>| from.is_none_or(|f| recap.is_none_or(|r| f < r));
    let near = if thin { s.turn.saturating_sub(2) } else { s.turn };
    let same = ex.items.iter().position(|i| {
        let from = origin(turns, &i.text);
        // `那你再找两家比比价`: the line rules gave it to the one who spoke (their label).
        let giver_only = !i.owners.is_empty() && i.owners.iter().all(|o| Some(o) == s.by.as_ref());
        // `志远，你今天下班前…`: the line rules read `你` as the one who spoke before.
        let same_words = i.text == s.item.text && from == Some(s.turn);
        same_words
            || before_recap(from)
                && (i.owners.iter().any(|o| s.item.owners.contains(o))
                    || (giver_only && from.is_some_and(|f| (s.turn..=s.last).contains(&f))))
                && (shares_work(&i.text, &s.item.text)
                    || from.is_some_and(|f| (near..=s.last).contains(&f))
                    // `客户通知模板我来改吧` then `行，老曲，通知模板改好发合规`: the same work
                    // taken up in the next turn.
                    || from.is_some_and(|f| f == s.last + 1) && shares_topic(&i.text, &s.item.text))
    });
    let Some(k) = same else {
        // `调副总：我去谈`: thin work named by the turn before stands.
        // An item saying no work is none.
        if (!thin || s.topic.is_some()) && s.item.text.chars().any(char::is_alphanumeric) {
            tr.note(
                s.line,
                &format!("对话：{}", s.why),
                Verdict::Item,
                Vec::new(),
                Some(&s.item),
            );
            let at = ex
                .items
                .iter()
                .position(|i| origin(turns, &i.text).is_some_and(|o| o > s.turn))
                .unwrap_or(ex.items.len());
            ex.items.insert(at, s.item);
        }
        return;
    };
    let Some(found) = ex.items.get_mut(k) else { return };
    let from = origin(turns, &found.text);
    let mut why = Vec::new();
    // `好，给我` found by the line rules for work settled turns before, `好，我下周五前排出来` (the
    // answer), or `那物料改由周小川负责` for work handed over: the work's own words.
    let hands = from
        .and_then(|f| turns.get(f))
        .is_some_and(|t| super::hand::handed(ctx, &t.text()).is_some());
    // Not `好，老费你把滨江下午的时段补上`: a reply that names its object after 把 says the work.
    let reply = super::acts::accepts(&found.text)
        && from.is_some_and(|f| f > s.turn)
        && !super::object::names_object(&found.text);
    // `…小孟你跟一下：把短信模板给合规看`: the answer named the work the line rules found.
    let named = s.item.text.len() > found.text.len()
        && s.item
            .text
            .rsplit_once('：')
            .is_some_and(|(head, _)| found.text.ends_with(head));
    // `客户通知模板我来改吧` then `行，…通知模板改好发合规`: the answer's words say the work agreed.
    let taken_up = from == Some(s.last + 1) && !shares_work(&found.text, &s.item.text);
    if (own_work(ctx, found) < 4 || hands || reply || named)
        && !thin
        && !taken_up
        && s.item.text != found.text
    {
        found.text.clone_from(&s.item.text);
        why.push("事项按对话中商定的");
    }
    let later = from.is_some_and(|f| s.dated > f);
    if s.item.deadline.is_some() && (found.deadline.is_none() || (later && found.deadline != s.item.deadline))
    {
        found.deadline = s.item.deadline;
        found.deadline_text.clone_from(&s.item.deadline_text);
        why.push("时间按对话中商定的");
    }
    if let Some(t) = s.topic.as_deref().filter(|t| !found.text.contains(t)) {
        found.text = format!("{t}：{}", found.text);
        why.push("补上前面说的事项");
    }
    if thin && s.item.owners.iter().any(|o| !found.owners.contains(o)) {
        for o in &s.item.owners {
            if !found.owners.contains(o) {
                found.owners.push(o.clone());
            }
        }
        why.push("补上配合人");
    }
    // Work given: the people the conversation settled on, when the line rules added someone the
    // text does not name (`你` read as the one who spoke before) or left out a helper.
    if s.by.is_some() && s.item.owners.first() == found.owners.first() && found.owners != s.item.owners {
        // `…，小乔配合，…`: a helper called in the turn the work came from, though the title
        // leaves the helper's clause out, was named.
        let turn_text = from
            .and_then(|f| turns.get(f))
            .and_then(|t| sentence_of(&t.text(), &found.text));
        let unnamed = found
            .owners
            .iter()
            .filter(|o| !s.item.owners.contains(o))
            .all(|o| {
                !called_in(&found.text, o.name())
                    && !turn_text.as_deref().is_some_and(|t| called_in(t, o.name()))
            });
        if unnamed {
            found.owners.clone_from(&s.item.owners);
            why.push("负责人按对话中交办的");
        }
    }
    // `志远，你…`: the one called by a short form of their name, not the one who spoke before.
    if s.by.is_some()
        && !s.item.owners.is_empty()
        && found
            .owners
            .iter()
            .all(|o| !s.item.owners.contains(o) && !found.text.contains(o.name()))
    {
        found.owners.clone_from(&s.item.owners);
        why.push("负责人按对话中点名的");
    }
    // `那就老王牵头吧`: someone the line rules left out, named in the text.
    if s.by.is_some()
        && s.item
            .owners
            .iter()
            .any(|o| !found.owners.contains(o) && found.text.contains(o.name()))
    {
        let mut all = s.item.owners.clone();
        all.extend(
            found
                .owners
                .iter()
                .filter(|o| !all.contains(o))
                .cloned()
                .collect::<Vec<_>>(),
        );
        found.owners = all;
        why.push("补上交办的人");
    }
    // The one who gave the work is its owner only when named or speaking of themselves (`我和…`),
    // not when passing the word on (`我会后跟他说`).
    let to_me = ["给我", "发我", "报我", "告诉我", "交我", "转我", "抄我"]
        .iter()
        .any(|w| found.text.contains(w))
        || super::people::relays(&found.text);
    if let Some(by) = &s.by
        && (to_me || !(found.text.contains('我') || found.text.contains(by.name())))
        && found.owners.contains(by)
        && !s.item.owners.contains(by)
        && !s.item.owners.is_empty()
    {
        found.owners.retain(|o| o != by);
        why.push("交办的人不是负责人");
        if found.owners.is_empty() {
            found.owners.clone_from(&s.item.owners);
        }
    }
    if !why.is_empty() {
        let why = format!("对话：{}，{}", s.why, why.join("、"));
        tr.note(s.line, &why, Verdict::Detail, Vec::new(), Some(found));
    }
    // The same work said again in the turns that settled it (`这个你牵头吧，下周二之前整理完`).
    let kept = found.clone();
    let mut j = 0;
    ex.items.retain(|i| {
        j += 1;
        let again = j - 1 != k
            && !i.owners.is_empty()
            && i.owners.iter().all(|o| kept.owners.contains(o))
            && origin(turns, &i.text).is_some_and(|f| (s.turn..=s.last).contains(&f))
            && (shares_topic(&kept.text, &i.text) || super::acts::accepts(&i.text));
        if again {
            let why = format!("对话：与“{}”是同一件事，不另列：{}", kept.text, i.text);
            tr.note(s.line, &why, Verdict::Detail, Vec::new(), None);
        }
        !again
    });
}

/// Words that give work to someone or agree, and say nothing of the work itself.
const NO_WORK: &[&str] = &[
    "就这么定了",
    "这么定了",
    "那就",
    "这个",
    "这块",
    "那个",
    "这事",
    "你来",
    "我来",
    "来做",
    "负责",
    "牵头",
    "配合",
    "跟进",
    "跟一下",
    "弄",
    "做",
    "吧",
    "好的",
    "好",
    "行",
    "可以",
    "没问题",
];

/// How much work an item names of its own (Chinese characters) once its people, its date and
/// the words of giving go: `那你下周三下午三点前发出来` names hardly any.
pub(super) fn own_work(ctx: &Ctx<'_>, item: &ActionItem) -> usize {
    let mut t = item.text.clone();
    if let Some(d) = &item.deadline_text {
        t = t.replace(d.as_str(), "");
    }
    for o in &item.owners {
        t = t.replace(o.name(), "");
    }
    for p in ctx.members {
        t = t.replace(&p.name, "");
    }
    for w in NO_WORK {
        t = t.replace(w, "");
    }
    // `评审时间另定`: what is left open is no part of the work.
    let t: String = t
        .split(['，', ','])
        .filter(|c| {
            !["另定", "另行", "再说", "再定", "待定"]
                .iter()
                .any(|w| c.contains(w))
        })
        .collect();
    // `I'll send the review deck`: an English word of the work weighs as two characters.
    let latin = t
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !LATIN_GLUE.contains(&w.to_ascii_lowercase().as_str()))
        .count();
    t.chars().filter(|c| is_cjk(*c)).count() + 2 * latin
}

/// English words that carry no work of their own.
const LATIN_GLUE: &[&str] = &[
    "the", "and", "for", "will", "can", "have", "has", "with", "this", "that", "then", "also", "all", "our",
    "you", "your", "they", "them", "its", "from", "not", "but", "yes", "okay", "good", "fine", "sure",
    "thanks", "problem", "next", "week", "today", "tomorrow", "before", "after", "maybe",
];

/// Drops an item said in the recap when it repeats one settled before it.
pub(super) fn drop_recap(turns: &[Turn], ctx: &Ctx<'_>, ex: &mut Extraction, tr: &mut Tracer<'_>) {
    let Some(from) = recap_start(turns, ctx) else {
        return;
    };
    let origins: Vec<Option<usize>> = ex.items.iter().map(|i| origin(turns, &i.text)).collect();
    let before: Vec<ActionItem> = ex
        .items
        .iter()
        .zip(&origins)
        .filter(|(_, o)| o.is_some_and(|o| o < from))
        .map(|(i, _)| i.clone())
        .collect();
    let mut k = 0;
    ex.items.retain(|item| {
        let o = origins.get(k).copied().flatten();
        k += 1;
        if o.is_none_or(|o| o < from) {
            return true;
        }
        let repeats = before.iter().find(|b| {
            shares_work(&b.text, &item.text)
                || (b.owners.iter().any(|w| item.owners.contains(w)) && b.deadline == item.deadline)
                || (b.deadline.is_some()
                    && b.deadline == item.deadline
                    && (item.owners.is_empty() || shares_topic(&b.text, &item.text)))
        });
        if let Some(b) = repeats {
            let line = turns.get(from).map_or(0, |t| t.first);
            let why = format!("对话：总结重复了前面的待办（{}），不另列：{}", b.text, item.text);
            tr.note(line, &why, Verdict::Detail, Vec::new(), None);
        }
        repeats.is_none()
    });
}

/// `个俞静` (from `这个俞静和童欣一起`), `袁静写` (from `好，袁静写，…`): a word glued to a member's
/// full name is that member.
pub(super) fn glued_names(ctx: &Ctx<'_>, line: usize, item: &mut ActionItem, tr: &mut Tracer<'_>) {
    let fixed = super::people::unglue(ctx, &mut item.owners);
    if !fixed.is_empty() {
        let why = format!("对话：负责人{}（名字上多带了一个字）", fixed.join("，"));
        tr.note(line, &why, Verdict::Detail, Vec::new(), Some(item));
    }
}

/// Whether `text` names `name` in full or as people call each other in a meeting: `老黎`/`小钟`
/// (the family name after 老/小/阿), or the given name (`诗涵` for 彭诗涵).
/// The one sentence of `turn` (none when it has several: another task of the same turn names no
/// helper of this one), if it holds words of `work` (four characters in a row).
fn sentence_of(turn: &str, work: &str) -> Option<String> {
    let chars: Vec<char> = work.chars().collect();
    let sentences: Vec<&str> = turn
        .split(['。', '；', ';'])
        .filter(|s| !s.trim().is_empty())
        .collect();
    if sentences.len() != 1 {
        return None;
    }
    sentences
        .into_iter()
        .find(|s| {
            chars
                .windows(4)
                .any(|w| s.contains(&w.iter().collect::<String>()))
        })
        .map(str::to_owned)
}

fn called_in(text: &str, name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    if text.contains(name) {
        return true;
    }
    if !(2..=4).contains(&chars.len()) || !chars.iter().all(|c| crate::minutes::scan::is_cjk(*c)) {
        return false;
    }
    let family: String = chars.iter().take(1).collect();
    let given: String = chars.iter().skip(1).collect();
    ["老", "小", "阿"]
        .iter()
        .any(|p| text.contains(&format!("{p}{family}")))
        || (given.chars().count() == 2 && text.contains(&given))
        // `越哥` (钟离越), `燕姐`: the last character of the name and 哥 or 姐.
        || chars
            .last()
            .is_some_and(|l| ["哥", "姐"].iter().any(|w| text.contains(&format!("{l}{w}"))))
}
