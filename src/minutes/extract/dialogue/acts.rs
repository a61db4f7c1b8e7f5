//! What one sentence of a transcript does in the conversation (pure): takes work on (`我来`,
//! `我明天上午再打一轮电话`), gives it to someone (`那就老王牵头吧`), asks who will do it
//! (`…谁来？`), accepts (`好的，没问题`), opens the chair's recap (`我再捋一下`), or none of these
//! (questions, opinions, reported status, pleasantries).

use crate::minutes::evidence::{self, LineFacts};
use crate::minutes::extract::turns::ASKS_WHO;
use crate::minutes::layout::{Marker, Section};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, OwnerHow, Scan};
use crate::minutes::weights::Signal;

/// A sentence's part in the conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Act {
    /// The speaker takes work on; `why` says how (`我来`, a date, a follow-up with someone).
    Commit(&'static str),
    /// The speaker gives the work to the people the scan named.
    Assign,
    /// The speaker asks who will do the work (`…谁来？`).
    Ask,
    /// `好的`, `没问题`, `收到`, `行，两个工作日内给你。`: the one asked agrees.
    Accept,
    /// `我再捋一下`, `最后我总结一下`: what follows repeats what was settled.
    Recap,
    /// A question, an opinion, status, a pleasantry.
    Other,
}

/// Words that open an agreement.
const ACCEPT: &[&str] = &[
    "好的",
    "好",
    "行",
    "没问题",
    "收到",
    "可以",
    "明白",
    "嗯",
    "OK",
    "ok",
    "Ok",
    "没有问题",
    "成",
    "👌",
];

/// Words that say the speaker takes the work on, whatever else is in the sentence.
const TAKE_ON: &[&str] = &[
    "我来",
    "我负责",
    "我牵头",
    "交给我",
    "包在我",
    "我去办",
    "我去弄",
    "我去谈",
    "我去问",
    "我去找",
    "我去聊",
    "我去沟通",
    "我去跑",
];

/// `我跟合规再沟通一下`, `我再跟厂商确认一下`: a follow-up with someone outside the meeting.
const FOLLOW_UP: &[&str] = &["沟通", "确认", "对接", "汇报", "联系", "协调", "核实", "对一下"];

/// What the speaker does next (`再`, `去`, `先`, `把`…): with a date, a commitment.
const FUTURE: &[&str] = &[
    "再", "去", "先", "把", "会", "能", "可以", "争取", "保证", "来", "出", "给", "发", "做", "补", "交",
    "整理", "准备", "写",
    // `我下月底前报信创领导小组`: sending it on by a date (not `我汇报一下`).
    "前报", "内报", "报送", "上报", "提交",
    // `指标我后天全部配置完`: finishing it by a date.
    "配置", "完",
];

/// What the speaker will not do (`我就不去了`, `我不参加了`).
const NOT_DOING: &[&str] = &["就不", "不去", "不参加", "不出席", "不过去", "不来了"];

/// Ways of speaking that are not work: opinions, memories, taking the floor.
const NOT_WORK: &[&str] = &[
    "我想",
    "我觉得",
    "我看",
    "我理解",
    "我记得",
    "我建议",
    "我说",
    "我先说",
    "我补充",
    "我问",
    "我听",
    "我知道",
    "我同意",
    "我认为",
    "我估计",
    "我担心",
    "我来说",
    "我来讲",
    "我来介绍",
    "我来补充",
    "我来总结",
    "我来主持",
    "我来问",
];

/// Words that open the chair's recap.
const RECAP: &[&str] = &[
    "捋一下",
    "总结一下",
    "归纳一下",
    "汇总一下",
    "重复一下",
    "回顾一下",
    "再过一遍",
    "再明确一下",
    "再确认一下今天",
];

/// Whether `s` opens the chair's recap: a recap word said by the speaker of their own speech
/// (`我再捋一下`, `最后总结一下`), not work done to something (`方圆这周把结果汇总一下`).
fn opens_recap(s: &str) -> bool {
    s.split(['，', ',', '。', '：', ':']).any(|clause| {
        RECAP.iter().any(|w| {
            clause.find(w).is_some_and(|i| {
                let before = clause.get(..i).unwrap_or_default();
                !before.contains('把')
                    && (before.is_empty()
                        || ["我", "再", "来", "简单", "最后", "先", "统一"]
                            .iter()
                            .any(|m| before.contains(m)))
            })
        })
    })
}

/// Whether `s` speaks in the first person singular (`我`, not `我们`).
fn first_person(s: &str) -> bool {
    s.match_indices('我')
        .any(|(i, c)| !s.get(i + c.len()..).is_some_and(|r| r.starts_with('们')))
}

/// Whether `s` is a question (`？`, `吗`, `是吧`, `对吧`).
pub(super) fn is_question(s: &str) -> bool {
    let t = s.trim().trim_end_matches(['。', '！', '!']);
    t.ends_with(['？', '?', '吗', '呢']) || t.ends_with("是吧") || t.ends_with("对吧")
}

/// Whether the whole reply agrees (`好的，没问题。`, `行，两个工作日内给你。`, `收到`).
pub(super) fn accepts(s: &str) -> bool {
    let t = s.trim();
    // `好的喻总，不过上次那家好像不做了`: an objection after the yes.
    let objects = ["不过", "但是", "可是", "只是"].iter().any(|w| t.contains(w));
    ACCEPT.iter().any(|w| t.starts_with(w)) && t.chars().count() <= 24 && !is_question(t) && !objects
}

/// Whether `s` opens with a yes (`没问题，…`, `好的，…`).
pub(super) fn opens_agreeing(s: &str) -> bool {
    let t = s.trim();
    ACCEPT.iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|r| r.starts_with(['，', ',', '。', ' ']))
    })
}

/// Whether the first clause of `s` is a yes, with or without whom it answers (`好的甘总，…`,
/// `行，…`).
pub(super) fn first_clause_agrees(s: &str) -> bool {
    s.trim()
        .split(['，', ',', '。'])
        .next()
        .is_some_and(|c| c.chars().count() <= 6 && ACCEPT.iter().any(|w| c.starts_with(w)))
}

/// The signals a sentence shows, read as a plain line.
pub(super) fn signals_of(sc: &Scan, raw: &str) -> Vec<(Signal, i32)> {
    evidence::signals(&LineFacts {
        section: Section::None,
        marker: Marker::None,
        todo_label: false,
        scan: sc,
        raw,
    })
}

/// What `s` (said by `speaker`, scanned as `sc`) does in the conversation.
pub(super) fn act(ctx: &Ctx<'_>, s: &str, sc: &Scan) -> Act {
    if opens_recap(s) {
        return Act::Recap;
    }
    let sig = signals_of(sc, s);
    let against_in = |sig: &[(Signal, i32)]| {
        sig.iter()
            .any(|(g, _)| matches!(g, Signal::Done | Signal::Rejected | Signal::Settled))
    };
    // `谈完的情况我后天晚上写个纪要发群里`: what is finished is before the speaker's promise.
    let against = against_in(&sig)
        && s.rsplit_once('我').is_none_or(|(_, after)| {
            !first_person(s) || sc.deadline.is_none() || against_in(&signals_of(&ctx.scan(after), after))
        });
    let speaker = ctx.speaker.as_ref();
    let others: Vec<_> = sc.owners.iter().filter(|o| Some(*o) != speaker).collect();
    if is_question(s) {
        let asks_who = ASKS_WHO.iter().any(|w| s.contains(w));
        // `那你来回复？`, `老王，你们部门来吧？`: work offered to the one spoken to, as a question.
        // `小尹你那边跟客户谈得怎么样？`: asking how it is going offers no work.
        let how = ["怎么样", "如何", "咋样", "到哪了", "到哪一步"].iter().any(|w| {
            s.trim_end()
                .trim_end_matches(['？', '?', '了', '呢', '啊'])
                .ends_with(w)
        });
        let offers = !others.is_empty() && sc.how >= OwnerHow::Named && offers_to_you(s) && !how;
        return if asks_who && !against {
            Act::Ask
        } else if offers && !against {
            Act::Assign
        } else {
            Act::Other
        };
    }
    // `我可以，不过我下周要去上海做审计，时间估计不够。`: the speaker cannot take it.
    if against || super::hand::says_away(s) {
        return Act::Other;
    }
    // `阎红把切换脚本加到每日巡检里，明天就加上`: a named person, `把` and a date give work too.
    let dated_work = sc.deadline.is_some() && s.contains('把');
    // `陈晨你来弄`: work given to the one named, whatever the verb.
    // `鲁某 and Ryan, the roadshow logistics, next Wed please.`: asked in English.
    let please = crate::minutes::scan::asks_please(s);
    if !others.is_empty()
        && sc.how >= OwnerHow::Named
        && (has_verb(&sig) || dated_work || offers_to_you(s) || please)
    {
        // `初稿是东郭明汇总的`: done by them already; `鲍主任，…物业那边说要我们出钱`: only called.
        if super::report::gives_no_work(s, &others) {
            return Act::Other;
        }
        return Act::Assign;
    }
    // `For the review deck, I'll have it ready by Thursday.`: the speaker's own work, in English.
    if speaker.is_some() && sc.deadline.is_some() && crate::minutes::scan::commits_in_english(s) {
        return Act::Commit("本人承诺并给出时间");
    }
    if speaker.is_none() || !first_person(s) || NOT_WORK.iter().any(|w| s.contains(w)) {
        return if accepts(s) { Act::Accept } else { Act::Other };
    }
    // `协议我自己去谈`, `我亲自来`: an adverb of the self between 我 and the taking on.
    // `没人的话我自己来吧`: an offer on a condition is not yet the speaker's.
    let plain = if ["的话", "如果", "要是", "万一"].iter().any(|w| s.contains(w)) {
        s.to_owned()
    } else {
        ["自己", "亲自", "本人"]
            .iter()
            .fold(s.to_owned(), |t, w| t.replace(&format!("我{w}"), "我"))
    };
    if TAKE_ON.iter().any(|w| plain.contains(w)) {
        return Act::Commit("主动承担");
    }
    // `…我自己跟老周说，今天先这样。`: the closing's `今天` and `先` are no next step of the speaker's.
    let open = super::closing::without_closing(s);
    let dated = match &open {
        Some(o) => ctx.scan(o).deadline.is_some(),
        None => sc.deadline.is_some(),
    };
    let s = open.as_deref().unwrap_or(s);
    let after_me = s.rsplit_once('我').map_or("", |(_, r)| r);
    // `大后天的培训我就不去了`: what the speaker will not do is no commitment.
    if NOT_DOING.iter().any(|w| after_me.contains(w)) {
        return Act::Other;
    }
    if dated && FUTURE.iter().any(|w| after_me.contains(w)) {
        return Act::Commit("本人承诺并给出时间");
    }
    if after_me.contains('跟') && FOLLOW_UP.iter().any(|w| after_me.contains(w)) {
        return Act::Commit("本人去跟进");
    }
    if accepts(s) { Act::Accept } else { Act::Other }
}

/// Whether `s` gives the work to the one spoken to (`你来回复`, `你们部门来吧`, `你跟一下`).
fn offers_to_you(s: &str) -> bool {
    s.match_indices('你').any(|(i, c)| {
        let mut rest = s.get(i + c.len()..).unwrap_or_default();
        for w in ["们", "部门", "这边", "那边", "组", "先", "就"] {
            rest = rest.strip_prefix(w).unwrap_or(rest);
        }
        [
            "来", "跟", "负责", "牵头", "弄", "写", "回复", "安排", "出", "做", "问", "去", "联系", "盯",
            "把",
        ]
        .iter()
        .any(|v| rest.starts_with(v))
    })
}

/// Whether the signals show work to do (a task verb, a request word or a named owner's duty).
fn has_verb(sig: &[(Signal, i32)]) -> bool {
    sig.iter()
        .any(|(g, _)| matches!(g, Signal::TaskVerb | Signal::Modal | Signal::OwnerStrong))
}

/// `还有个事，担保品折算率调整的通知明天上午10点前要转发给客户，谁来？` → the work asked for.
pub(super) fn asked_work(s: &str) -> String {
    let mut t = s.trim().trim_end_matches(['？', '?']).to_owned();
    for w in ASKS_WHO {
        if let Some(i) = t.rfind(w) {
            // `谁来出一个审核流程`: the work is what follows the question word.
            let after = t.get(i + w.len()..).unwrap_or_default().to_owned();
            if after.chars().filter(|c| crate::minutes::scan::is_cjk(*c)).count() >= 3 {
                t = after;
            } else {
                t.truncate(i);
            }
            break;
        }
    }
    let t = t.trim_end_matches(['，', ',', ' ', '由']);
    // `还有个事，…`: the opener is no part of the work.
    let t = ["还有个事，", "还有一个事，", "还有一件事，", "另外，", "还有，"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    t.to_owned()
}

/// Who work given in `s` by `sp` is for, among the people the scan found: those spoken to
/// (`贾瑞你配合罗琦…` → 贾瑞), else those named (`邵佳，…你来整理` is 邵佳's, not the one who spoke
/// before); the speaker too when they help (`我配合`, `我来审`), never when it is sent to them
/// (`…报给我`).
pub(super) fn asked_people(s: &str, found: &[OwnerRef], sp: &OwnerRef) -> Vec<OwnerRef> {
    let spoken_to: Vec<OwnerRef> = found
        .iter()
        .filter(|o| s.contains(&format!("{}你", o.name())))
        .cloned()
        .collect();
    // `志强把技术细节给她`: a member may be named by the given name.
    let said = |o: &OwnerRef| {
        let n = o.name();
        s.contains(n)
            || (n.chars().count() == 3
                && s.contains(n.get(n.chars().next().map_or(0, char::len_utf8)..).unwrap_or(n)))
    };
    let named: Vec<OwnerRef> = found.iter().filter(|o| *o != sp && said(o)).cloned().collect();
    let mut out = if !spoken_to.is_empty() {
        // `毛静你牵头，常乐配合`: a helper named as such stays.
        let helpers = named.iter().filter(|o| {
            !spoken_to.contains(o)
                && ["配合", "协助", "一起"]
                    .iter()
                    .any(|w| s.contains(&format!("{}{w}", o.name())))
        });
        let mut all = spoken_to.clone();
        all.extend(helpers.cloned());
        all
    } else if !named.is_empty() {
        // `晓雯，方案你牵头，小邵配合`: a helper called by a nickname is the scan's helper still.
        if ["配合", "协助"].iter().any(|w| s.contains(w)) && found.first() == named.first() {
            found.iter().filter(|o| *o != sp).cloned().collect()
        } else {
            named
        }
    } else {
        found.iter().filter(|o| *o != sp).cloned().collect()
    };
    let helps = ["我配合", "我协助", "我一起", "我来审", "我来把关", "我来配合"]
        .iter()
        .any(|w| s.contains(w));
    if helps && !out.contains(sp) {
        out.push(sp.clone());
    }
    if out.is_empty() { found.to_vec() } else { out }
}

/// Words that open a new topic in a meeting (`还有`, `另外`, `最后一个`).
const OPENERS: &[&str] = &[
    "还有一个事",
    "还有个事",
    "还有一个",
    "还有",
    "另外",
    "最后一个",
    "最后",
    "然后",
    "再就是",
    "接下来",
    "下一个",
];

/// `还有数据迁移要用的校验脚本，信息技术部那边说人手紧张。` → `数据迁移要用的校验脚本`: the thing a
/// sentence opening a topic names first (none for a question, a commitment or a bare opener).
pub(super) fn opening_topic(s: &str) -> Option<String> {
    let t = s.trim().trim_start_matches(['好', '嗯', '。', '，', ',', ' ']);
    let rest = OPENERS.iter().find_map(|o| t.strip_prefix(o))?;
    // `还有那个利率优惠的申请，总部那边批了没有？`: the topic, then the question about it.
    let topic_then_question = rest
        .split_once(['，', ','])
        .is_some_and(|(head, _)| !is_question(head));
    if (is_question(s) && !topic_then_question) || first_person(rest) {
        return None;
    }
    let clause = rest
        .split(['，', ',', '。', '；'])
        .map(|c| {
            let c = c.trim();
            let c = ["那个", "这个"]
                .iter()
                .find_map(|p| c.strip_prefix(p))
                .unwrap_or(c);
            c.trim_start_matches(['是', '个', '就'])
        })
        .find(|c| c.chars().filter(|ch| crate::minutes::scan::is_cjk(*ch)).count() >= 4)?;
    (clause.chars().count() <= 20).then(|| clause.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_yes_with_whom_it_answers_agrees() {
        assert!(first_clause_agrees("好的某总，我今天先出个初稿。"));
        assert!(first_clause_agrees("行，我先弄。"));
        assert!(!first_clause_agrees("我今天先出个初稿。"));
        assert!(!first_clause_agrees("好多客户都在问这个事，我今天先出个初稿。"));
    }

    #[test]
    fn first_person_is_singular_and_questions_are_seen() {
        assert!(first_person("那户我下个交易日再确认一次"));
        assert!(!first_person("我们上周统计了一下"));
        assert!(is_question("已经做完了是吧？"));
        assert!(accepts("行，两个工作日内给你。"));
        assert!(!accepts("好，那我们说下一个，客户走访这边进度怎么样了？"));
        assert_eq!(
            opening_topic("还有数据迁移要用的校验脚本，信息技术部那边说人手紧张。").as_deref(),
            Some("数据迁移要用的校验脚本")
        );
        assert_eq!(
            opening_topic("最后一个，升级后的应急回退预案，需要在演练前评审一次。").as_deref(),
            Some("升级后的应急回退预案")
        );
        assert_eq!(
            asked_work("还有个事，担保品折算率调整的通知明天上午10点前要转发给客户，谁来？"),
            "担保品折算率调整的通知明天上午10点前要转发给客户"
        );
        assert_eq!(asked_work("谁来出一个审核流程？"), "出一个审核流程");
    }
}
