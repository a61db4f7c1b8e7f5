//! Rules of round 62 (heldout68–71 as tuning data, session 48), by family, each on phrasings of
//! our own, never a line copied from a file.
//!
//! - a note typed without punctuation is parted at its spaces (`extract/run_on.rs`), each point
//!   counted off (`一是…`) on a line of its own;
//! - a given name glued after the work it names, before the time (`方案某某8月7号前给初稿`), or
//!   after the time (`22号上午某某把…`), is that member (`extract/spoken_alias.rs`);
//! - a cut-over's step table timed from T (`T-3h+00m`) is the night's plan, no items
//!   (`table/clock.rs`);
//! - a checklist's verdict (`— 符合`) and other common words are no one's name
//!   (`scan/common_words.rs`);
//! - `✅ @某某 …` in a chat assistant's summary is a bullet before the person given the work.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_note_without_punctuation_gives_each_persons_work() {
    let members = ["许文杰", "高晓岚", "马一鸣"];
    let ex = run(
        "周会记一下 文杰下周一前把展厅的报价问好发我 晓岚负责茶歇和签到表 3月13号之前弄好 \
         宣传册这次先不印了 三是仓库搬迁的方案 一鸣和晓岚一起出 一鸣牵头 月底给我",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("展厅的报价"), "{t:?}");
    assert!(t[1].contains("茶歇和签到表"), "{t:?}");
    assert!(t[2].contains("仓库搬迁的方案"), "{t:?}");
    assert_eq!(owners(&ex)[0], ["许文杰"]);
    assert_eq!(owners(&ex)[1], ["高晓岚"]);
    assert_eq!(owners(&ex)[2][0], "马一鸣");
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-16"));
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-13"));
    assert_eq!(dues(&ex)[2], due_by_end_of("2026-03-31"));
}

#[test]
fn a_given_name_glued_after_the_work_and_before_its_time_is_that_member() {
    let ex = run(
        "二、下一步\n1. 演练方案一鸣3月20号前给初稿。",
        &["许文杰", "马一鸣"],
    );
    assert_eq!(owners(&ex), [["马一鸣"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")]);
}

#[test]
fn a_cut_over_step_table_timed_from_t_gives_no_items() {
    let mut table = String::from(
        "切换方案评审，T0 = 22:00，以下为切换当晚步骤表。\n\n| 步骤 | 时点 | 动作 | 执行人 |\n|---|---|---|---|\n",
    );
    for (i, (t, a, p)) in [
        ("T-2h+00m", "确认备库同步", "许文杰"),
        ("T-1h+30m", "停止前置接入", "高晓岚"),
        ("T-0h+30m", "备份核心库", "马一鸣"),
        ("T+0h+15m", "切换网关", "许文杰"),
        ("T+1h+00m", "联调验证", "高晓岚"),
    ]
    .iter()
    .enumerate()
    {
        table.push_str(&format!("| {} | {t} | {a} | {p} |\n", i + 1));
    }
    table.push_str("\n会后事项：切换手册终版由许文杰3月20日前发出。\n");
    let ex = run(&table, &["许文杰", "高晓岚", "马一鸣"]);
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("切换手册终版"));
    // Days counted from an issue date are a timetable of work, one item a row.
    let days = "| 时点 | 工作 | 负责人 |\n|---|---|---|\n| T-5 | 发行文件定稿 | 许文杰 |\n\
                | T-3 | 路演材料 | 高晓岚 |\n| T+1 | 公告挂网 | 马一鸣 |\n";
    assert_eq!(texts(&run(days, &["许文杰", "高晓岚", "马一鸣"])).len(), 3);
}

#[test]
fn a_checklists_verdict_names_no_one() {
    let mut list = String::from("检查清单结果（检查项 — 要点 — 结论）：\n");
    for (i, (a, b, c)) in [
        ("两融业务", "权限是否复核", "符合"),
        ("适当性管理", "资料是否归档", "符合"),
        ("营销宣传", "台账是否更新", "不符合"),
        ("反洗钱", "培训是否覆盖", "符合"),
    ]
    .iter()
    .enumerate()
    {
        list.push_str(&format!("{}. {a} — {b} — {c}\n", i + 1));
    }
    let ex = run(&list, &["许文杰", "高晓岚"]);
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_ticked_bullet_before_a_mention_is_work_given() {
    let ex = run(
        "@所有人 例会小结\n📌 分工\n✅ @许文杰 会议室投影更换的询价，下周三前拿到三家报价\n\
         ✅ @高晓岚 员工通讯录已更新完毕\n",
        &["许文杰", "高晓岚"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [["许文杰"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-18")]);
}

#[test]
fn a_name_with_a_verb_or_a_kinship_word_after_it_is_the_member() {
    let m = ["毛雪莉", "何俊", "许文杰"];
    // `某某写`: the verb after a member's name is no part of it.
    let ex = run("二、下一步\n1. 师徒制年度总结，何俊写，3月20日前交。", &m);
    assert_eq!(owners(&ex), [["何俊"]]);
    // `雪莉姐`: the whole given name before 姐.
    let ex = run("二、下一步\n1. 年终结账雪莉姐和文杰一起负责，3月31日前完成。", &m);
    assert_eq!(owners(&ex), [["毛雪莉", "许文杰"]]);
}

#[test]
fn words_with_a_function_word_inside_are_no_names() {
    let m = ["贺兰心", "司徒蕾"];
    let ex = run("补丁来了你安排第三轮回归，3月20号前测完。", &m);
    assert!(
        owners(&ex).iter().flatten().all(|o| o != "丁来了"),
        "{:?}",
        owners(&ex)
    );
    let ex = run(
        "秦越说这周要把两件事收掉，请司徒蕾把整改通知起草好，周三前发给各营业部。",
        &m,
    );
    assert_eq!(owners(&ex), [["司徒蕾"]]);
}

#[test]
fn a_done_line_closed_by_a_bracketed_name_is_no_work() {
    let m = ["许文杰", "高晓岚"];
    let ex = run(
        "二、本周情况\n1. 节前的风险提示短信已于3月9日发送全体员工。（许文杰）\n\
         2. 季度报告已报送总部。（高晓岚）",
        &m,
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
    // Work given in an action section, its name in brackets, stays work.
    let ex = run("二、下一步\n1. 培训总结本周五前提交（许文杰）。", &m);
    assert_eq!(owners(&ex), [["许文杰"]]);
}
