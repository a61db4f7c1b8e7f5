//! Transcripts read as a conversation, round 6: work named by the proposal it answers, names
//! with a word glued on, a member named at the head of a clause, a colleague called `老王` who
//! is not in the group, and a date given after someone took the work on. Each transcript here
//! is written for the test (meeting on Tuesday 2026-03-10).

#![allow(clippy::unwrap_used)]

use super::explain_report;
use super::testkit::{due_by_end_of as due, dues, owners, run, texts};

#[test]
fn a_member_named_at_the_head_of_a_clause_is_given_the_work() {
    let ex = run(
        "[00:00:05] 韦东：今天就两件事。\n\
         [00:01:10] 韦东：还有柜台的印章盘点，上回说每月一次，柯蓝周四前把盘点表交上来。\n\
         [00:01:20] 柯蓝：收到。\n\
         [00:02:00] 韦东：好，散会。\n",
        &["韦东", "柯蓝"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("印章盘点"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["柯蓝"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-12")]);
}

#[test]
fn you_is_the_one_called_by_name_earlier_in_the_turn() {
    let ex = run(
        "童飞 00:00:05\n开户的数据我来整理一下，周四前发给大家。\n\n\
         季红 00:00:40\n好。严冬，上个月的新增还不错。但是回访你盯一下，周五前把回访结果整理出来。\n\n\
         严冬 00:01:00\n好的，没问题。\n",
        &["童飞", "季红", "严冬"],
    );
    assert_eq!(owners(&ex), vec![vec!["童飞"], vec!["严冬"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due("2026-03-12"), due("2026-03-13")]);
}

#[test]
fn a_reply_that_agrees_is_named_by_the_question_it_answers() {
    let ex = run(
        "闵洁 00:00:10\n最近赎回的客户问得多，我们是不是要做一份常见问题的答复模板？\n\n\
         祁东 00:00:30\n对，这个要做。闵洁你来起草吧，周四之前给我。\n\n\
         闵洁 00:00:40\n好的。\n",
        &["闵洁", "祁东"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("答复模板"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["闵洁"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-12")]);
}

#[test]
fn an_idea_turned_down_is_no_item_and_the_one_accepted_names_the_work() {
    let ex = run(
        "芦苇 00:00:10\n我提议下个月办一次线下的客户答谢酒会。\n\n\
         钟灵 00:00:30\n预算不够，这个先不办了。\n\n\
         芦苇 00:00:50\n那电话回访呢？\n\n\
         钟灵 00:01:05\n回访可以。芦苇你来安排，3月20日之前打完。\n\n\
         芦苇 00:01:10\n好。\n",
        &["芦苇", "钟灵"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("电话回访"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["芦苇"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-20")]);
}

#[test]
fn an_offer_accepted_with_the_name_glued_to_its_verb_is_the_offerers() {
    let ex = run(
        "严雪 00:01:00\n新规下个月实施，营业部需要一份统一的解读材料，我可以先写一版。\n\n\
         甘棠 00:01:20\n行，严雪写，两天内给我看。\n\n\
         严雪 00:01:25\n好。\n",
        &["严雪", "甘棠"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("解读材料"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["严雪"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-12")]);
}

#[test]
fn pointing_back_to_what_someone_proposed_names_that_work() {
    let ex = run(
        "覃力 00:00:20\n我说一句，存量客户的回访名单我建议按风险等级分一下组。\n\n\
         包青 00:00:40\n嗯，这个一会儿说，先看下开户的数字。\n\n\
         覃力 00:01:00\n开户这周比上周多了两成。\n\n\
         包青 00:02:00\n回到刚才覃力说的分组，我觉得可以，覃力你就按三组分吧，周五发给营业部。\n\n\
         覃力 00:02:10\n好的。\n",
        &["覃力", "包青"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("回访名单"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["覃力"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-13")]);
}

#[test]
fn a_colleague_called_lao_x_outside_the_group_is_the_owner_as_written() {
    let ex = run(
        "蔺青 00:00:10\n下个月的投资者开放日谁来牵头？\n\n\
         冉冬 00:00:30\n老郑去年办过，他熟。\n\n\
         蔺青 00:00:50\n老郑今天请假了，那就老郑牵头吧，冉冬配合，场地下周五之前定下来，我回头跟他说。\n\n\
         冉冬 00:01:00\n好。\n",
        &["蔺青", "冉冬"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["老郑", "冉冬"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-20")]);
}

#[test]
fn a_date_given_after_someone_took_the_work_on_is_that_works_date() {
    let ex = run(
        "[00:01:00] 詹宁：四季度的路演计划谁写？\n\
         [00:01:05] 卓然：我来吧。\n\
         [00:01:12] 詹宁：好，卓然写，3月17日前给我。\n\
         [00:01:20] 卓然：收到。\n\
         [00:02:00] 詹宁：好，那散会。\n",
        &["詹宁", "卓然"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("路演计划"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["卓然"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-17")]);
}

#[test]
fn work_handed_over_keeps_its_date_and_being_away_is_no_item() {
    let ex = run(
        "晏平 00:00:10\n年检的材料，尚琳你来准备吧，下周一之前交到行政。\n\n\
         尚琳 00:00:30\n嗯……我下周要去总部参加培训，整周不在。\n\n\
         晏平 00:00:45\n那这个改由甄雨负责，她对行政那边也熟。\n\n\
         甄雨 00:00:50\n可以。\n",
        &["晏平", "尚琳", "甄雨"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("年检的材料"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["甄雨"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-16")]);
}

#[test]
fn an_agreement_with_a_date_dates_the_work_just_taken_on() {
    let ex = run(
        "葛优 00:00:10\n还有宣传折页，各网点的寄送名单要核一遍。\n\n\
         阮青 00:00:20\n这个我来吧。\n\n\
         葛优 00:00:30\n行，周四之前核完。\n\n\
         阮青 00:00:40\n好。\n",
        &["葛优", "阮青"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("寄送名单"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["阮青"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-12")]);
}

#[test]
fn work_offered_as_a_question_is_settled_by_the_answer() {
    let ex = run(
        "韩梅 00:00:10\n年终的培训课件也得做了。\n\n\
         韩梅 00:00:20\n课件这块，老许，你们组来吧？\n\n\
         许立 00:00:30\n行，下周五前肯定出来。\n\n\
         韩梅 00:00:40\n好，散会。\n",
        &["韩梅", "许立"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("课件"), "{:?}", texts(&ex));
    assert!(!texts(&ex)[0].ends_with('？'), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["许立"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-20")]);
}

#[test]
fn a_one_word_yes_settles_work_sent_back_to_the_speaker() {
    let ex = run(
        "戚风 00:00:10\n还有一个是网点评比结果的通报，按惯例要挂三天。\n\n\
         宁远 00:00:25\n通报的事你来安排吧，发之前先把稿子给我看一眼。\n\n\
         戚风 00:00:30\n好。\n",
        &["戚风", "宁远"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("通报的事"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["戚风"]]);
    assert_eq!(dues(&ex), vec![None]);
}

#[test]
fn the_one_who_writes_leads_and_the_one_who_cannot_is_no_owner() {
    let ex = run(
        "黎明 00:00:10\n两家机构的质询要逐一回复，那你来回复？\n\n\
         符坚 00:00:20\n我可以，不过我下周要去外地做检查，时间估计不够。\n\n\
         管彤 00:00:30\n我跟符坚一起弄吧，他把材料给我，我来写。\n\n\
         黎明 00:00:40\n那就这样，质询的回复管彤主笔，符坚提供材料，本周五前发出去。\n",
        &["黎明", "符坚", "管彤"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("质询的回复"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["管彤", "符坚"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-13")]);
}

#[test]
fn a_date_clause_after_someone_takes_work_on_dates_it() {
    let ex = run(
        "柴进 00:00:10\n风险模型的参数再调一调，把换手率加进去。\n\n\
         花荣 00:00:20\n那模型我来跟吧。不过调完得重新回测，时间要长一点。\n\n\
         柴进 00:00:30\n那就两周内吧，两周内给我看回测结果。\n\n\
         花荣 00:00:40\n可以。\n",
        &["柴进", "花荣"],
    );
    assert_eq!(owners(&ex), vec![vec!["花荣"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due("2026-03-24")]);
}

#[test]
fn a_yes_with_an_objection_settles_nothing_and_the_next_request_is_the_item() {
    let ex = run(
        "谭松：宣传单页还是找上次那家印厂，@房磊 你问一下报价\n\
         房磊：好的谭总，不过那家好像关门了\n\
         谭松：那你再找两家比比价，下周三前定下来\n\
         房磊：收到\n\
         谭松：就这些\n",
        &["谭松", "房磊"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("比比价"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["房磊"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-18")]);
}

#[test]
fn open_work_handed_to_someone_else_is_settled_by_their_thumbs_up() {
    let ex = run(
        "甘露 15:02\n1 客户答谢会的场地，麻烦鲍青这周五前订好\n\
         鲍青 15:03\n收到\n\
         甘露 15:05\n2 礼品：茶叶、台历，柏松你来弄\n\
         柏松 15:06\n甘总我这周在外地，礼品能不能让别人弄？\n\
         甘露 15:07\n行 那礼品改由童瑶负责，预算别超3000\n\
         童瑶 15:08\n👌\n",
        &["甘露", "鲍青", "柏松", "童瑶"],
    );
    assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("场地"), "{:?}", texts(&ex));
    assert!(texts(&ex)[1].contains("茶叶"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["鲍青"], vec!["童瑶"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-13"), None]);
}

#[test]
fn giving_the_floor_is_no_item() {
    let ex = run(
        "欧阳 00:00:05\n下个月行情应该会好，我们的营销节奏要跟上。单丹你先说\n\n\
         单丹 00:00:30\n我们组这个月新开了三百户，比上月多一成。\n\n\
         欧阳 00:01:00\n主要是讨论下半年的计划，先请单丹介绍一下上半年的完成情况\n",
        &["欧阳", "单丹"],
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn work_put_off_takes_the_later_date_and_a_handover_keeps_to_its_clause() {
    let ex = run(
        "聂远 00:00:05\n第一件事，网点消防器材的检查，纪云你来排一下。\n\n\
         纪云 00:00:20\n好，我下周五前排出来。\n\n\
         聂远 00:01:00\n第二件，公章年检材料，郁青你负责，周五前交到行政。\n\n\
         郁青 00:01:10\n我下周开始休年假，两周都不在。\n\n\
         聂远 00:01:30\n那这样，消防检查往后推到月底，年检材料改由纪云负责。\n\n\
         纪云 00:01:40\n行。\n",
        &["聂远", "纪云", "郁青"],
    );
    assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("消防器材"), "{:?}", texts(&ex));
    assert!(texts(&ex)[1].contains("年检材料"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["纪云"], vec!["纪云"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-31"), due("2026-03-13")]);
}

#[test]
fn square_bracketed_names_are_speakers_and_a_request_with_ni_is_work() {
    let ex = run(
        "【片区群语音记录】\n\
         [郎平] 各位下午好，今天就几件事，说完就散\n\
         [郎平] 第一个是新网点的消防验收，物业也要签字，祖强这边牵头搞一下吧\n\
         [祖强] 行，我下周二之前弄完\n\
         [郎平] 还有自查模板，景瑜你问下合规要一份，要到了转发群里\n\
         [景瑜] 好嘞\n",
        &["郎平", "祖强", "景瑜"],
    );
    assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("消防验收"), "{:?}", texts(&ex));
    assert!(texts(&ex)[1].contains("转发群里"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["祖强"], vec!["景瑜"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-17"), None]);
}

#[test]
fn you_and_the_one_named_share_the_work_and_i_will_go_is_named_by_the_matter_before() {
    let ex = run(
        "蒲然 00:00:10\n那系统对接谁来对口？\n\n\
         殷红 00:00:20\n要不我先兼着？\n\n\
         柯南 00:00:30\n行，对接就殷红对口，你跟蒲然把对接计划这周五前排出来。\n\n\
         殷红 00:00:40\n借调那个事，分行那边不一定愿意放人。\n\n\
         柯南 00:00:50\n我去谈。\n",
        &["蒲然", "殷红", "柯南"],
    );
    assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("对接计划"), "{:?}", texts(&ex));
    assert!(texts(&ex)[1].contains("借调"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["殷红", "蒲然"], vec!["柯南"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-13"), None]);
}

#[test]
fn a_member_before_a_doing_word_owns_it_and_a_promised_day_is_its_date() {
    let ex = run(
        "伍德 00:00:10\n这些客户要一对一回访，说法要统一。\n\n\
         米兰 00:00:20\n口径我们这边可以出。\n\n\
         伍德 00:00:30\n那回访口径米兰出，周四前给到营业部。\n\n\
         柳青 00:01:00\n有一户已经签完了。谈完的情况我后天写个纪要发群里。\n",
        &["伍德", "米兰", "柳青"],
    );
    assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("回访口径"), "{:?}", texts(&ex));
    assert!(texts(&ex)[1].contains("纪要"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["米兰"], vec!["柳青"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-12"), due("2026-03-12")]);
}

#[test]
fn yes_and_a_first_step_is_no_second_item() {
    let ex = run(
        "[00:01:00] 施然：然后是年报自查，总部要求月内报，钟毓，月内报给总部没问题吧？\n\
         [00:01:10] 钟毓：没问题，我这周先把各组的数据收上来。\n\
         [00:02:00] 施然：好，散会。\n",
        &["施然", "钟毓"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["钟毓"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-31")]);
}

#[test]
fn explain_says_which_turn_named_the_work_and_who_it_was_handed_to() {
    let text = "闵洁 00:00:10\n我们是不是要做一份常见问题的答复模板？\n\n\
                祁东 00:00:30\n对，这个要做。闵洁你来起草吧，周四之前给我。\n\n\
                闵洁 00:00:40\n我下周要去总部培训，整周不在。\n\n\
                祁东 00:00:50\n那这个改由甘棠负责。\n\n甘棠 00:01:00\n可以。\n";
    let members = ["闵洁".to_owned(), "祁东".to_owned(), "甘棠".to_owned()];
    let now = "2026-03-10T17:00:00+08:00".parse().unwrap();
    let report = explain_report(text, &members, now, super::testkit::cal());
    assert!(report.contains("对话：事项是第2行提出的"), "{report}");
    assert!(report.contains("对话：说的是本人没空，不是待办"), "{report}");
    assert!(report.contains("对话：第11行改由甘棠负责"), "{report}");
    assert!(report.contains("做一份常见问题的答复模板"), "{report}");
    assert!(report.contains("共 1 条待办"), "{report}");
}

#[test]
fn a_turn_passing_the_work_on_is_skipped_and_a_given_name_helps() {
    let ex = run(
        "冷月 00:00:10\n那得出一份双录抽检的说明发给营业部。国栋，你来？\n\n\
         邝国栋 00:00:20\n我这周手上有新股的事，要不让莫兰来？\n\n\
         莫兰 00:00:30\n我来吧，后天给初稿。\n\n\
         冷月 00:00:40\n行，莫兰主笔，国栋把抽检数据给她。\n",
        &["冷月", "邝国栋", "莫兰"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("双录抽检的说明"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["莫兰", "邝国栋"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-12")]);
}
