//! Transcripts read as a conversation (`extract/dialogue/`): work settled across turns, one
//! item per task, the recap's repeats dropped. Each transcript here is written for the test
//! (meeting on Tuesday 2026-03-10).

#![allow(clippy::unwrap_used)]

use super::explain_report;
use super::testkit::{due_by_end_of as due, dues, owners, run, texts};

#[test]
fn bracketed_stamps_are_speakers_and_a_promise_with_a_date_is_the_speakers() {
    let ex = run(
        "碰头会转写\n\n蒋涛 [00:00]\n今天看一下开户回访。\n\n\
         柯岚 [00:00:40]\n目前回访了80户，还剩20户。\n\n\
         蒋涛 [00:01:10]\n剩下的谁在跟？\n\n\
         柯岚 [00:01:25]\n剩下的我周四前再打一轮回访电话。\n\n蒋涛 [00:02:00]\n好，散会。\n",
        &["蒋涛", "柯岚"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("回访电话"));
    assert_eq!(owners(&ex), vec![vec!["柯岚"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-12")]);
}

#[test]
fn who_will_do_it_is_answered_by_the_volunteer() {
    let ex = run(
        "说话人1（邵主任） 00:00:10\n投资者教育的海报周五前要发到各营业部，谁来？\n\
         说话人2（欧阳倩） 00:00:30\n我来吧。\n说话人1（邵主任） 00:00:50\n嗯，其他没了。\n",
        &["邵主任", "欧阳倩"],
    );
    assert_eq!(owners(&ex), vec![vec!["欧阳倩"]]);
    assert!(texts(&ex)[0].contains("投资者教育的海报"));
    assert_eq!(dues(&ex), vec![due("2026-03-13")]);
}

#[test]
fn work_given_and_accepted_takes_the_date_from_the_reply() {
    let ex = run(
        "甘霖 00:00:05\n估值表的复核流程得理一下，那就小蒋牵头吧，把复核要点再过一遍。\n\
         蒋欣 00:00:30\n行，三个工作日内给你。\n甘霖 00:01:00\n好，散会。\n",
        &["甘霖", "蒋欣"],
    );
    assert_eq!(owners(&ex), vec![vec!["蒋欣"]]);
    assert!(texts(&ex)[0].contains("复核要点"));
    assert_eq!(dues(&ex), vec![due("2026-03-13")]);
}

#[test]
fn a_follow_up_with_someone_outside_is_the_speakers_item() {
    let ex = run(
        "卜凡 00:00:03\n托管那边说我们的对账单格式不对，这个事我跟托管再沟通一下。\n\
         骆宁 00:00:20\n要我们补什么吗？\n卜凡 00:00:30\n先不用，等我沟通完再说。\n",
        &["卜凡", "骆宁"],
    );
    assert_eq!(owners(&ex), vec![vec!["卜凡"]]);
    assert!(texts(&ex)[0].contains("跟托管再沟通"));
    assert_eq!(dues(&ex), vec![None]);
}

#[test]
fn the_chairs_recap_does_not_repeat_what_was_settled() {
    let ex = run(
        "柴进 00:00:05\n先说报表。\n\
         鲁达 00:00:20\n月报的初稿我明天下班前出。\n\
         柴进 00:01:00\n好。林冲，报送系统的账号清理你来，周五前给结论。\n\
         林冲 00:01:10\n没问题。\n\
         柴进 00:02:00\n我再捋一下。报表，鲁达明天下班前出月报初稿。系统，林冲周五前给账号清理结论。\n\
         柴进 00:02:30\n好，散会。\n",
        &["柴进", "鲁达", "林冲"],
    );
    assert_eq!(owners(&ex), vec![vec!["鲁达"], vec!["林冲"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due("2026-03-11"), due("2026-03-13")]);
}

#[test]
fn a_promise_after_a_date_is_proposed_refines_the_same_item() {
    let ex = run(
        "发言人 A（温良）：今天说一下路演。\n\
         发言人 C（尚武）：路演物料我这边可以出，大概需要一周。\n\
         发言人 A（温良）：那尚武负责路演物料，3月16日前到营业部。\n\
         发言人 B（祝贺）：好的。\n",
        &["温良", "尚武", "祝贺"],
    );
    assert_eq!(owners(&ex), vec![vec!["尚武"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due("2026-03-16")]);
}

#[test]
fn questions_opinions_status_and_pleasantries_are_not_items() {
    let ex = run(
        "符坚 00:00:05\n今天人不多，简单过一下。上周两融余额涨了2%，大家怎么看？\n\
         喻晴 00:00:30\n我觉得还行，维保比例都在150以上。\n\
         符坚 00:00:50\n开户呢？\n\
         喻晴 00:01:05\n上周开户38户，和前一周差不多，回访上周已经做完了。\n\
         符坚 00:01:30\n行，那就这样，辛苦大家。\n",
        &["符坚", "喻晴"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_reply_to_work_just_given_is_agreement_not_more_work() {
    let ex = run(
        "严宽 00:00:05\n上线后的验证清单，邹凯牵头，龙梅配合，下周二之前定稿。\n\
         龙梅 00:00:20\n好的，清算相关的验证项我来补。\n严宽 00:00:40\n好。\n",
        &["严宽", "邹凯", "龙梅"],
    );
    assert_eq!(owners(&ex), vec![vec!["邹凯", "龙梅"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due("2026-03-17")]);
}

#[test]
fn a_word_glued_before_a_members_name_is_that_member() {
    let ex = run(
        "说话人1（栾主任） 00:00:10\n季度末把授信额度复审做完，这个柏青和童欣一起。\n\
         说话人2（柏青） 00:00:20\n好的。\n说话人1（栾主任） 00:00:40\n其他没了。\n",
        &["栾主任", "柏青", "童欣"],
    );
    assert_eq!(owners(&ex), vec![vec!["柏青", "童欣"]], "{:?}", texts(&ex));
}

#[test]
fn work_given_without_a_date_is_settled_by_the_answer() {
    let ex = run(
        "祝融 00:00:05\n网点的走访进度有点慢。\n\
         祝融 00:00:20\n那就黎明你跟一下理财经理的走访进度，每周报给我一次。\n\
         黎明 00:00:30\n好的，没问题。\n祝融 00:01:00\n好，那今天就这样。\n",
        &["祝融", "黎明"],
    );
    assert_eq!(owners(&ex), vec![vec!["黎明"]], "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("走访进度"));
    assert_eq!(dues(&ex), vec![None]);
}

#[test]
fn the_one_spoken_to_is_asked_not_the_one_they_help() {
    let ex = run(
        "[00:00:15] 田丰：今天同步一下产品上架。\n\
         [00:01:10] 田丰：沮授你配合许攸做一下产品说明书的更新。\n\
         [00:01:30] 沮授：好的。\n[00:02:00] 田丰：上架时间先定4月1日。\n",
        &["田丰", "沮授", "许攸"],
    );
    assert_eq!(owners(&ex), vec![vec!["沮授"]], "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("产品说明书"));
}

#[test]
fn a_topic_opened_turns_before_names_the_work_given_later() {
    let ex = run(
        "韦昌 00:00:05\n还有期权账户的适当性复核表，合规那边催了两次。\n\
         史进 00:00:20\n这个可以让项充做，他去年做过。\n\
         韦昌 00:00:35\n那就项充牵头吧，史进配合，三个工作日内给一个初版。\n\
         项充 00:00:50\n没问题。\n",
        &["韦昌", "史进", "项充"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(
        texts(&ex)[0].contains("期权账户的适当性复核表"),
        "{:?}",
        texts(&ex)
    );
    assert_eq!(owners(&ex), vec![vec!["项充", "史进"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-13")]);
}

#[test]
fn the_date_agreed_in_a_later_turn_wins() {
    let ex = run(
        "冯婷 00:00:05\n先说下周的检查。\n\
         彭越 00:00:20\n我这边有个事，下周监管现场检查，档案室的开户资料要整理一下。\n\
         冯婷 00:00:40\n这个你牵头吧，下周二之前整理完。\n\
         彭越 00:00:50\n收到。\n",
        &["冯婷", "彭越"],
    );
    assert_eq!(owners(&ex), vec![vec!["彭越"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due("2026-03-17")]);
}

#[test]
fn the_one_who_gives_work_to_be_sent_to_them_is_not_its_owner() {
    let ex = run(
        "司马 00:00:05\n那后续几件事。\n\
         司马 00:00:10\n第一，欧冶把巡检脚本加到每日巡检里，明天就加上。\n\
         欧冶 00:00:20\n好。\n\
         司马 00:00:30\n第二，公输写一份复盘报告，3月13日前报给我。\n\
         公输 00:00:40\n明白。\n",
        &["司马", "欧冶", "公输"],
    );
    assert_eq!(owners(&ex), vec![vec!["欧冶"], vec!["公输"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due("2026-03-11"), due("2026-03-13")]);
}

#[test]
fn a_list_after_named_lines_is_nobodys_turn() {
    let ex = run(
        "月度会议纪要\n\n讨论：\n\
         林立：两融余额增长主要来自老客户。\n\
         武宁：代销产品固收+卖得比较好。\n\
         鲁明：线上签约的比例只有六成。\n\
         宋远：机构佣金率在下降。\n\n\
         二、重点工作\n\
         1. 活动方案由武宁牵头，鲁明配合，3月20日前提交委员会审议。\n",
        &["林立", "武宁", "鲁明", "宋远"],
    );
    assert_eq!(owners(&ex), vec![vec!["武宁", "鲁明"]], "{:?}", texts(&ex));
}

#[test]
fn the_speaker_who_helps_is_an_owner_and_a_name_called_out_is_who_you_means() {
    let ex = run(
        "周勇 00:00:05\n社区投教活动场地已经同意了，就是人手不够，这个活动谁来牵头？\n\
         房青 00:00:20\n那就老周牵头吧，我配合，活动方案3月20日前出来。\n\
         周勇 00:00:40\n行。\n\
         房青 00:01:00\n值班表我今晚之前排好。\n\
         周勇 00:01:20\n聂远，节后的客户邀约名单你来整理，3月16日前给我。\n\
         聂远 00:01:30\n好的。\n",
        &["周勇", "房青", "聂远"],
    );
    let got = owners(&ex);
    assert!(
        got.contains(&vec!["周勇".to_owned(), "房青".to_owned()]),
        "{got:?} {:?}",
        texts(&ex)
    );
    assert!(got.contains(&vec!["聂远".to_owned()]), "{got:?} {:?}", texts(&ex));
}

#[test]
fn a_date_said_just_after_settles_the_work_and_what_is_left_open_is_no_work() {
    let ex = run(
        "袁方 00:01:30\n那直播前的脚本审核得加强。谁来出一个审核流程？\n\
         施雨 00:01:45\n我可以先起草，但合规这边人手……\n\
         曹明 00:02:00\n施雨你先写，我来审。3月19日前吧。\n\
         施雨 00:02:08\n好。\n\
         袁方 00:03:00\n好。最后一个，升级后的应急回退预案，需要在演练前评审一次。\n\
         许平 00:03:10\n初稿我写过一版，但还没给大家看。\n\
         袁方 00:03:20\n那你3月18日前发出来，评审时间另定。\n\
         许平 00:03:30\n可以。\n",
        &["袁方", "施雨", "曹明", "许平"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("审核流程") && t[1].contains("应急回退预案"),
        "{t:?}"
    );
    assert_eq!(owners(&ex), vec![vec!["施雨", "曹明"], vec!["许平"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-19"), due("2026-03-18")]);
}

#[test]
fn you_as_the_one_sent_something_is_not_given_work() {
    let ex = run(
        "温柔 00:00:05\n短信文案要先走合规审核。\n\
         施展 00:00:20\nAPP公告要不要一起审？\n\
         温柔 00:00:30\n公告是一样的内容，我一起发给你。\n\
         施展 00:00:40\n好的。\n",
        &["温柔", "施展"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn explain_names_the_turns_a_transcript_item_came_from() {
    let text = "说话人1（邵主任） 00:00:10\n投资者教育的海报周五前要发到各营业部，谁来？\n\
                说话人2（欧阳倩） 00:00:30\n我来吧。\n说话人1（邵主任） 00:00:50\n好。\n";
    let members = ["邵主任".to_owned(), "欧阳倩".to_owned()];
    let now = "2026-03-10T17:00:00+08:00".parse().unwrap();
    let report = explain_report(text, &members, now, super::testkit::cal());
    assert!(
        report.contains("对话：第2行问谁来，欧阳倩在第4行接下"),
        "{report}"
    );
    assert!(
        report.contains("投资者教育的海报周五前要发到各营业部 ｜ 欧阳倩"),
        "{report}"
    );
}

#[test]
fn a_speaker_called_by_the_latin_name_of_their_label_is_that_person() {
    let ex = run(
        "周青 00:02:10\n好。重复推送的问题呢？\n\
         Tony 唐宁 00:02:25\n那个我这边修，修复版本3月17日发。\n\
         周青 00:02:40\n那就这么定了，Tony你来，毛敏配合测试。\n\
         毛敏 00:02:48\nOK。\n",
        &["周青", "唐宁", "毛敏"],
    );
    assert_eq!(owners(&ex), vec![vec!["唐宁", "毛敏"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due("2026-03-17")]);
}
