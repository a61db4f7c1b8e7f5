//! Transcripts in the manner of the sixth held-out set's (tuning data since
//! a seventh set was written), each rule tested on phrasings of our own.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

const TEAM: &[&str] = &[
    "魏东",
    "韩雪",
    "欧阳明",
    "Lily",
    "贺兰",
    "阿Ken",
    "何志远",
    "小邱",
    "Tony",
    "林可",
    "周敏",
    "Grace",
    "诸葛亮平",
];

fn one(name: &str) -> Vec<String> {
    vec![name.to_owned()]
}

// A review block's conclusion giving work to several people, each in a clause of their own:
// `后续`, `跟进` as the key of the work after the decision, with or without a colon, and the one
// A verdict line (`三、XQ-412 … —— 通过`) over an indented line of people's work: each clause
// In a transcript, work given with few words of its own (`那你问一下`, `你先确认一下`, `小孟你跟一
// 下`) and answered by the one asked with a yes that says the work itself and its date (`好，我明
// 天上午去问一下供应商的续保报价`): the item says the work as the answer does (heldout6 08, 51).

#[test]
fn an_answer_that_says_the_work_names_the_item() {
    let cases = [
        (
            "魏东 00:02:30\n行。还有客户通知，要发短信告知调整的，韩雪你跟一下。\n\n韩雪 00:02:41\n好的，那我下周一之前把短信模板给合规看。\n\n魏东 00:03:20\n嗯，下一个。",
            "短信模板",
            "韩雪",
            due_by_end_of("2026-03-16"),
        ),
        (
            "[00:03:45] 魏东：续保多少钱？\n[00:03:47] 韩雪：还没问。\n[00:03:49] 魏东：那你问一下。\n[00:03:51] 韩雪：好，我明天上午去问一下供应商的续保报价。",
            "续保报价",
            "韩雪",
            Some("2026-03-11T12:00:00+08:00".to_owned()),
        ),
        (
            "[00:04:57] 韩雪：要看机房那边能不能加，他们那一层好像也满了。\n[00:05:03] 魏东：你先确认一下。\n[00:05:05] 韩雪：好，我两个工作日内跟机房那边确认能不能加机柜。",
            "加机柜",
            "韩雪",
            due_by_end_of("2026-03-12"),
        ),
        (
            "魏东：外包那块今年三家。\n魏东：欧阳明你把三家的报价比一比。\n欧阳明：行，周五前我把对比表整理出来。\n魏东：好。",
            "对比表",
            "欧阳明",
            due_by_end_of("2026-03-13"),
        ),
    ];
    for (text, work, who, due) in cases {
        let ex = run(text, TEAM);
        assert_eq!(owners(&ex), vec![one(who)], "{text}\n{:?}", texts(&ex));
        assert_eq!(dues(&ex), vec![due], "{text}");
        assert!(texts(&ex)[0].contains(work), "{:?}", texts(&ex));
    }
}

// Speakers labelled by a Latin or mixed name (`Tony`, `阿Ken`) are who says 我; a question asking
// only who (`谁做？`, `谁来？`) names the work in the sentence before it, or none when that sentence
// only points back (`这个要补`) (heldout6 09, 10, 51).

#[test]
fn latin_speakers_take_work_on_and_who_questions_name_nothing() {
    let cases = [
        (
            "[00:02:02] 林可：但是我们还缺一个告警，队列到70%的时候应该有人知道。\n[00:02:20] 周敏：对，这个要补。谁做？\n[00:02:31] Tony：监控那边我熟，我来加告警规则，明天中午前搞定。",
            "加告警规则",
            "Tony",
            Some("2026-03-11T12:00:00+08:00".to_owned()),
        ),
        (
            "周敏 1:00\n人齐了，开始。\n\n周敏 1:20\n好，那路演材料要更新一版，数据截到2月底。谁来？\n\n阿Ken 1:35\n我来吧，明早给你。",
            "路演材料",
            "阿Ken",
            Some("2026-03-11T09:00:00+08:00".to_owned()),
        ),
        (
            "[00:04:19] 阿Ken：就是做柜台外围系统那家，今年出了两次生产问题。\n[00:04:25] 魏东：哦，那家。那你把三家的报价和绩效比一比再说。\n[00:04:31] 阿Ken：那我下周一之前把外包人力的报价比一比，出个对比表。\n[00:04:38] 魏东：可以。",
            "外包人力的报价",
            "阿Ken",
            due_by_end_of("2026-03-16"),
        ),
        (
            "[00:01:00] 周敏：告警规则还没人管。\n[00:01:10] 周敏：这块得有人跟。谁来负责？\n[00:01:20] Lily：我来负责吧，周四前把告警规则加上。",
            "告警规则",
            "Lily",
            due_by_end_of("2026-03-12"),
        ),
    ];
    for (text, work, who, due) in cases {
        let ex = run(text, TEAM);
        assert_eq!(owners(&ex), vec![one(who)], "{text}\n{:?}", texts(&ex));
        assert_eq!(dues(&ex), vec![due], "{text}");
        let t = &texts(&ex)[0];
        assert!(t.contains(work) && !t.contains('谁'), "{t}");
    }
}

// Someone called by the start or the end of their name (`志远，你…` for 何志远, `诸葛你…` for
// 诸葛亮平) is the one given the work, not the one who spoke before; `转我` sends it to the speaker
// (heldout6 10, 08).

#[test]
fn a_member_called_by_a_short_form_is_the_owner() {
    let variants = [
        "Grace  1:35\n好。\n\n小邱  1:40\n我来吧，明早给你。\n\nGrace  1:50\nGreat. 志远，你今天下班前把招行那边的确认邮件转我一下。\n\n何志远  2:05\n没问题。",
        "[00:01:35] Grace：好。\n[00:01:40] 小邱：我来吧，明早给你。\n[00:01:50] Grace：志远你今天下班前把招行的确认邮件转我一下。\n[00:02:05] 何志远：好的。",
        "[00:01:35] 周敏：好。\n[00:01:40] 小邱：我来吧，明早给你。\n[00:01:50] 周敏：OK，志远，确认邮件你今天下班前发我。\n[00:02:05] 何志远：收到。",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        let t = texts(&ex);
        let k = t.iter().position(|x| x.contains("确认邮件")).unwrap();
        assert_eq!(owners(&ex)[k], one("何志远"), "{text}\n{t:?}");
        assert_eq!(dues(&ex)[k], due_by_end_of("2026-03-10"), "{text}");
        assert_eq!(ex.items.len(), 2, "{t:?}");
    }
}

// `下班前` alone is 18:00 of the meeting's day (deadline conventions: today if no day is named),
// wherever it stands in the line (heldout6 51).

#[test]
fn before_the_end_of_the_working_day_is_that_day() {
    let variants = [
        "[00:08:02] 林可：没了。\n[00:08:05] 周敏：小邱你会后把今天的纪要整理一下，下班前发群里。\n[00:08:08] 小邱：好的。",
        "[00:08:02] 林可：没了。\n[00:08:05] 周敏：小邱，纪要下班前发出来。\n[00:08:08] 小邱：好的。",
        "会议决定：\n1. 小邱下班前把会议纪要发群里。",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        assert_eq!(owners(&ex), vec![one("小邱")], "{text}");
        assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-10")], "{text}");
    }
}

// Names that give no work in a transcript: who did it already (`初稿是魏东汇总的`), and the one
// called while a demand from elsewhere is passed on (`周敏，…物业那边说要我们出一部分钱`), even
// when that person says `嗯` turns later (heldout6 51).

#[test]
fn who_did_it_and_the_one_called_with_news_are_given_nothing() {
    let variants = [
        "[00:00:12] 周敏：好，那我们开始。今天主要是把明年的预算过一遍，初稿是魏东汇总的，大家都看过了吧。\n[00:00:20] 韩雪：看过了。\n[00:00:22] 林可：我看了一半。",
        "[00:00:12] 周敏：今天过一下预算。这版表是由魏东做的，有问题会上提。\n[00:00:20] 韩雪：好。\n[00:00:22] 林可：好的。",
        "[00:06:15] 魏东：周敏，还有一个，机房空调的改造，物业那边说要我们出一部分钱。\n[00:06:22] 周敏：出多少？\n[00:06:24] 魏东：他们说是三十万左右。\n[00:06:27] 周敏：这个不归我们，让行政部去谈。\n[00:06:31] 魏东：好的，那我不放进来了。\n[00:06:35] 周敏：嗯。",
        "[00:06:15] 魏东：周敏，总部那边要求我们把机房改造的钱也摊一部分。\n[00:06:22] 周敏：这个不归我们。\n[00:06:24] 魏东：好。\n[00:06:35] 周敏：嗯。",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        assert!(ex.items.is_empty(), "{text}\n{:?}", texts(&ex));
    }
}

// Work given with no date to the one who just said it is due by a date, and accepted, takes that
// date; a date of work already done or a duration (`要公示五个工作日`) does not pass on (heldout6 09).

#[test]
fn work_given_after_its_date_was_said_takes_that_date() {
    let cases = [
        (
            "[00:04:30] 林可：另外季度的等保测评，报告下下周三要交给合规。\n[00:04:50] 周敏：那林可你盯一下测评报告。\n[00:05:02] 林可：收到。",
            "测评报告",
            "林可",
            due_by_end_of("2026-03-25"),
        ),
        (
            "[00:01:10] 韩雪：风险揭示书下周五前要更新一版。\n[00:01:20] 周敏：韩雪你负责风险揭示书吧。\n[00:01:30] 韩雪：好的。",
            "风险揭示书",
            "韩雪",
            due_by_end_of("2026-03-20"),
        ),
        (
            "[00:01:10] 林可：上周的报告周三已经交了。\n[00:01:20] 周敏：那林可你再盯一下报告的反馈。\n[00:01:30] 林可：收到。",
            "反馈",
            "林可",
            None,
        ),
        (
            "[00:04:10] 林可：还有一个是考核结果公示，按制度要公示五个工作日。\n[00:04:25] 周敏：公示的事林可你来安排吧。\n[00:04:40] 林可：好。",
            "公示的事",
            "林可",
            None,
        ),
    ];
    for (text, work, who, due) in cases {
        let ex = run(text, TEAM);
        assert_eq!(owners(&ex), vec![one(who)], "{text}\n{:?}", texts(&ex));
        assert_eq!(dues(&ex), vec![due], "{text}");
        assert!(texts(&ex)[0].contains(work), "{:?}", texts(&ex));
    }
}

// A turn reporting something done, then giving work to someone called by a short form
// (`诸葛你测完了顺手把OA流程提了`): the work is theirs, with no date when the answer only ties it to
// another event (`测算表出来第二天就提`), and it is not folded into their earlier item (heldout6 08).

#[test]
fn work_given_after_a_done_report_stands_on_its_own() {
    let variants = [
        "诸葛亮平 00:02:10\n这个我来吧，我周五前把测算表弄出来。\n\n魏东 00:03:20\n嗯。另外上次说的那个培训已经做完了，不用再提。最后一个，风控参数调整要走OA，诸葛你测完了顺手把OA流程提了。\n\n诸葛亮平 00:03:55\n没问题，测算表出来第二天就提。\n\n魏东 00:04:10\n好，就这些，散会。",
        "[00:02:10] 诸葛亮平：这个我来吧，我周五前把测算表弄出来。\n[00:03:20] 魏东：培训上周已经做完了。还有风控参数要走OA，诸葛你测完顺手把OA流程提一下。\n[00:03:55] 诸葛亮平：好的。\n[00:04:10] 魏东：散会。",
        // Someone else spoke last: `你` is still the one called.
        "[00:02:10] 诸葛亮平：这个我来吧，我周五前把测算表弄出来。\n[00:02:41] 韩雪：短信模板我来看。\n[00:03:20] 魏东：嗯。另外上次说的那个培训已经做完了，不用再提。最后一个，风控参数调整要走OA，诸葛你测完了顺手把OA流程提了。\n[00:03:55] 诸葛亮平：没问题，测算表出来第二天就提。",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        let t = texts(&ex);
        let k = t.iter().position(|x| x.contains("OA流程")).expect("the OA item");
        assert_eq!(owners(&ex)[k], one("诸葛亮平"), "{text}\n{t:?}");
        assert_eq!(dues(&ex)[k], None, "{text}");
        assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"), "{text}");
    }
}

// A block's fields may carry someone else's work beside the block's owner: a second part of the
// owner field (`责任人：韩雪；规则由魏东提供，3月13日前给到韩雪`) or another field naming a person, their
// A conclusion that sends the request back (退回, 暂缓, 不通过) still asks for work when it names
// `这个我来吧，我手上有上次的地址表`: taking on what was just said, whatever reason follows, is that
// work (named by the turn before); `对，我明天……不对，明天放假了`: a promise taken back is none.

#[test]
fn pointing_back_names_the_work_and_a_promise_taken_back_is_none() {
    let variants = [
        "魏东  00:03:20\n还有物料配送，各营业部的收货地址要核一遍，别寄错了。\n\n韩雪  00:03:31\n这个我来吧，我手上有上次的地址表。\n\n魏东  00:03:40\n行，下周三之前核完。",
        "[00:03:20] 魏东：各营业部的收货地址要核一遍，别寄错了。\n[00:03:31] 韩雪：这事我来，我熟。\n[00:03:40] 魏东：好，下周三之前核完。",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        assert_eq!(owners(&ex), vec![one("韩雪")], "{text}\n{:?}", texts(&ex));
        assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-18")], "{text}");
        assert!(texts(&ex)[0].contains("收货地址"), "{:?}", texts(&ex));
    }
    let taken_back = [
        "[00:05:02] 魏东：那回到短信。林可，你刚才说要先跟运营确认。\n[00:05:15] 林可：对，我明天……不对，明天放假了。\n[00:05:40] 魏东：好，散会。",
        "[00:05:02] 魏东：短信的事呢？\n[00:05:15] 林可：我周五给你，哦不对，周五我在外面培训。\n[00:05:40] 魏东：好，散会。",
    ];
    for text in taken_back {
        let ex = run(text, TEAM);
        assert!(ex.items.is_empty(), "{text}\n{:?}", texts(&ex));
    }
}

// A transcript's header listing who spoke (`2026-07-15 | 发言人：…`, `参与人：…`) names no owners.

#[test]
fn a_transcript_header_listing_speakers_is_no_item() {
    for header in [
        "2026-03-10 | 发言人：魏东、韩雪、林可",
        "2026年3月10日 ｜ 参与人：魏东、韩雪、林可",
        "参与人：魏东、韩雪、林可",
    ] {
        let text = format!(
            "飞书妙记 | 营业部运营例会\n{header}\n\n魏东 00:00:05\n第一件事，柜台设备的巡检，韩雪你来排一下。\n\n韩雪 00:00:18\n好，我下周五前排出来。\n\n魏东 00:00:30\n好，就这些。"
        );
        let ex = run(&text, TEAM);
        assert_eq!(owners(&ex), vec![one("韩雪")], "{text}\n{:?}", texts(&ex));
        assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20")], "{text}");
    }
}

// A date said only as one that cannot be met (`节前肯定来不及了`) is not the date of the work asked
// for after it.

#[test]
fn a_date_that_cannot_be_met_is_no_deadline() {
    let variants = [
        "说话人 1  00:01:50\n奖励兑现要走财务流程，节前肯定来不及了。韩雪，你跟财务确认一个准确的时间，然后在营业部群里统一回复。\n\n说话人 3  00:02:05\n行。\n\n说话人 1  00:02:20\n下一个。",
        "[00:01:50] 魏东：奖励月底前肯定赶不上了，韩雪你跟财务确认一个准确的时间，在营业部群里统一回复。\n[00:02:05] 韩雪：好的。\n[00:02:20] 魏东：下一个。",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        let t = texts(&ex);
        assert_eq!(owners(&ex), vec![one("韩雪")], "{text}\n{t:?}");
        assert_eq!(dues(&ex), vec![None], "{text}");
    }
}

// `…要加一下。谁负责？` asked in a sentence of its own, answered by a short yes that takes it on
// (`我吧，周五前加上`, `我可以，周五前给你`, `我来吧`): the work of the sentence before, the answerer's.

#[test]
fn a_who_question_of_its_own_is_answered_by_a_short_take_on() {
    let variants = [
        "林可 00:01:00\n告警这块还缺规则，要加一下。谁负责？\n\nTony 00:01:10\n我吧，周五前加上。\n\n林可 00:01:20\n好。",
        "[00:01:00] 林可：告警规则要补一下。谁来？\n[00:01:10] Tony：我可以，周五前加上。\n[00:01:20] 林可：好。",
        "[00:01:00] 林可：告警规则要补一下，谁做？\n[00:01:10] Tony：我来吧，周五前加上。\n[00:01:20] 林可：好。",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        assert_eq!(owners(&ex), vec![one("Tony")], "{text}\n{:?}", texts(&ex));
        assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-13")], "{text}");
        assert!(texts(&ex)[0].contains("告警"), "{:?}", texts(&ex));
    }
}
