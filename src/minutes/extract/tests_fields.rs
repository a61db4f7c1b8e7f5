//! Blocks of labelled fields in general (issue 16), not only a requirements review's: the work
//! (`事项：`, `任务：`, `整改项：` …), its owner (`负责人：`, `牵头：`, `Owner:` …, `协办：` for later
//! owners), its deadline (`时限：`, `截止：`, `DDL:` …) and its state (`状态：已完成` → no item), one
//! field a line or several on one line, blocks apart by blank lines or by numbering.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

const TEAM: &[&str] = &["王磊", "李娜", "赵敏", "陈晨"];

/// The items' owners as plain names, with their deadlines.
fn who_when(text: &str) -> Vec<(Vec<String>, Option<String>)> {
    let ex = run(text, TEAM);
    owners(&ex).into_iter().zip(dues(&ex)).collect()
}

fn one(name: &str) -> Vec<String> {
    vec![name.to_owned()]
}

fn two(a: &str, b: &str) -> Vec<String> {
    vec![a.to_owned(), b.to_owned()]
}

/// Each variant is one block: the list of the clients' concentration, 王磊's, by 3月20日.
fn assert_one_block(variants: &[&str]) {
    for text in variants {
        let ex = run(text, TEAM);
        assert_eq!(
            who_when(text),
            vec![(one("王磊"), due_by_end_of("2026-03-20"))],
            "{text}\n{:?}",
            texts(&ex)
        );
        assert!(texts(&ex)[0].contains("集中度名单"), "{:?}", texts(&ex));
    }
}

#[test]
fn a_block_with_one_field_a_line_gives_its_item() {
    assert_one_block(&[
        "事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前",
        "任务：整理两融客户集中度名单\n责任人：王磊\n完成时限：3月20日",
        "工作内容：整理两融客户集中度名单\n牵头人：王磊\n截止日期：3月20日",
        "待办：整理两融客户集中度名单\n执行人：王磊\n期限：3月20日前",
        "整改项：整理两融客户集中度名单\n跟进人：王磊\n截止：3月20日",
        "内容: 整理两融客户集中度名单\n经办: 王磊\n完成时间: 3月20日前",
        // Bold labels, as pasted from a document.
        "**事项**：整理两融客户集中度名单\n**负责人**：王磊\n**时限**：3月20日前",
    ]);
}

#[test]
fn fields_on_one_line_give_the_item() {
    assert_one_block(&[
        "事项：整理两融客户集中度名单 负责人：王磊 时限：3月20日前",
        "事项：整理两融客户集中度名单；负责人：王磊；时限：3月20日前",
        "事项：整理两融客户集中度名单 | 负责人：王磊 | 时限：3月20日前",
        "事项：整理两融客户集中度名单  负责人：王磊  时限：3月20日前",
        // Two lines: the work, then owner and deadline together.
        "事项：整理两融客户集中度名单\n负责人：王磊；时限：3月20日前",
    ]);
}

#[test]
fn numbered_blocks_give_one_item_each() {
    let variants = [
        "1. 事项：整理两融客户集中度名单\n   负责人：王磊\n   时限：3月20日前\n2. 事项：更新营业部应急预案\n   负责人：李娜\n   时限：3月25日前",
        "一、事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n二、事项：更新营业部应急预案\n负责人：李娜\n时限：3月25日前",
        "事项一：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n事项二：更新营业部应急预案\n负责人：李娜\n时限：3月25日前",
        "事项1：整理两融客户集中度名单 负责人：王磊 时限：3月20日前\n事项2：更新营业部应急预案 负责人：李娜 时限：3月25日前",
        // Apart by a blank line, no numbers.
        "事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n\n事项：更新营业部应急预案\n负责人：李娜\n时限：3月25日前",
        // Apart by a blank line, the second block's fields in another order.
        "任务：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n\n任务：更新营业部应急预案\n时限：3月25日前\n负责人：李娜",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        assert_eq!(
            who_when(text),
            vec![
                (one("王磊"), due_by_end_of("2026-03-20")),
                (one("李娜"), due_by_end_of("2026-03-25")),
            ],
            "{text}\n{:?}",
            texts(&ex)
        );
        let t = texts(&ex);
        assert!(t[0].contains("集中度名单") && t[1].contains("应急预案"), "{t:?}");
    }
}

#[test]
fn a_helper_field_adds_later_owners() {
    let variants = [
        "事项：整理两融客户集中度名单\n负责人：王磊\n协办：李娜\n时限：3月20日前",
        "事项：整理两融客户集中度名单\n牵头：王磊\n配合：李娜\n截止：3月20日",
        "事项：整理两融客户集中度名单 主办：王磊 协办：李娜 时限：3月20日前",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        assert_eq!(
            who_when(text),
            vec![(two("王磊", "李娜"), due_by_end_of("2026-03-20"))],
            "{text}\n{:?}",
            texts(&ex)
        );
    }
}

#[test]
fn a_block_done_closed_or_put_off_gives_nothing() {
    let variants = [
        "事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n状态：已完成",
        "事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n进展：已关闭",
        "事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n结论：暂缓",
        "事项：整理两融客户集中度名单 负责人：王磊 时限：3月20日前 状态：已完成",
        "事项：整理两融客户集中度名单\n结论：不通过\n负责人：王磊",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        assert!(ex.items.is_empty(), "{text}\n{:?}", texts(&ex));
    }
    // The block beside a closed one keeps its item.
    let text = "事项：整理两融客户集中度名单\n负责人：王磊\n状态：已完成\n\n事项：更新营业部应急预案\n负责人：李娜\n状态：进行中\n时限：3月25日前";
    assert_eq!(who_when(text), vec![(one("李娜"), due_by_end_of("2026-03-25"))]);
}

#[test]
fn a_block_without_a_deadline_keeps_its_item_with_none() {
    let variants = [
        "事项：整理两融客户集中度名单\n负责人：王磊",
        "事项：整理两融客户集中度名单 负责人：王磊",
        "事项：整理两融客户集中度名单\n负责人：王磊\n时限：待定",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        assert_eq!(
            who_when(text),
            vec![(one("王磊"), None)],
            "{text}\n{:?}",
            texts(&ex)
        );
        assert!(texts(&ex)[0].contains("集中度名单"), "{:?}", texts(&ex));
    }
}

#[test]
fn english_mixed_labels_are_read() {
    assert_one_block(&[
        "事项：整理两融客户集中度名单\nOwner：王磊\nDDL：3月20日",
        "事项: 整理两融客户集中度名单\nowner: 王磊\ndeadline: 3月20日前",
        "事项：整理两融客户集中度名单 Owner：王磊 DDL：3月20日",
        "任务：整理两融客户集中度名单 | owner: 王磊 | deadline: 3月20日",
    ]);
}

#[test]
fn a_block_among_prose_gives_its_item_and_the_prose_nothing() {
    let text = "本周例会回顾了上周工作，整体进展顺利，各部门配合良好。\n\n事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n\n会议还听取了市场情况的介绍，大家认为波动仍将持续。";
    assert_one_block(&[text]);
    let text = "会议纪要\n参会：王磊、李娜、赵敏\n\n一、事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n\n二、上周营业部客户投诉情况通报，无新增重大投诉。";
    assert_one_block(&[text]);
}

/// As everywhere in the minutes (`由信息技术部牵头…`), a department alone stays as written: the
/// item is kept, its owner no member of the group.
#[test]
fn a_department_alone_is_not_a_person() {
    let ex = run(
        "事项：整理两融客户集中度名单\n牵头：运营管理部\n时限：3月20日前",
        TEAM,
    );
    // Owners are people: the department is the item's unit, as written.
    assert!(ex.items[0].owners.is_empty(), "{:?}", ex.items[0].owners);
    assert_eq!(ex.items[0].units, ["运营管理部"]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20")]);
    // A department with its person: the person.
    assert_one_block(&["事项：整理两融客户集中度名单\n牵头：运营管理部 王磊\n时限：3月20日前"]);
}

#[test]
fn a_person_not_in_the_group_is_kept_as_written() {
    let ex = run(
        "事项：整理两融客户集中度名单\n负责人：孙志刚\n时限：3月20日前",
        TEAM,
    );
    assert_eq!(owners(&ex), vec![one("孙志刚")], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20")]);
}

#[test]
fn more_phrasings_of_the_same_block() {
    assert_one_block(&[
        // Commas between the fields.
        "事项：整理两融客户集中度名单，负责人：王磊，时限：3月20日前",
        // Numbered keys.
        "任务1：整理两融客户集中度名单\n负责人：王磊\n截止时间：3月20日",
        "问题2：整理两融客户集中度名单 承办：王磊 到期：3月20日",
        "措施：整理两融客户集中度名单\n主办：王磊\n完成时间：3月20日前",
        // The deadline first, then the owner.
        "工作：整理两融客户集中度名单\n时限：3月20日前\n负责人：王磊",
        // The work names its owner, no owner field.
        "待办：王磊整理两融客户集中度名单\n时限：3月20日前",
        // A state still under way keeps the item.
        "事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n状态：进行中",
        "事项：整理两融客户集中度名单\n负责人：王磊\n进展：已完成初稿\n时限：3月20日前",
    ]);
}

#[test]
fn lines_that_only_look_like_fields_open_no_block() {
    // The meeting's own header: no work, no item.
    let ex = run(
        "会议内容：两融业务季度复盘\n时间：3月10日\n参会：王磊、李娜",
        TEAM,
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
    // A problem followed by its fix in prose is read as before: one item, its owner in the fix.
    let ex = run(
        "问题1：灾备环境行情源切换需人工确认\n整改：王磊负责改为自动检测，3月20日前完成。",
        TEAM,
    );
    assert_eq!(owners(&ex), vec![one("王磊")], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20")]);
    // A one-line to-do stays one item.
    let ex = run("待办：王磊3月20日前整理两融客户集中度名单", TEAM);
    assert_eq!(owners(&ex), vec![one("王磊")], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20")]);
}

#[test]
fn list_marks_headings_and_keys_without_colons() {
    assert_one_block(&[
        "- 事项：整理两融客户集中度名单\n  - 负责人：王磊\n  - 时限：3月20日前",
        "## 事项一：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前",
        "事项：整理两融客户集中度名单\nDDL 3月20日\n负责人 王磊",
    ]);
    let t = texts(&run(
        "## 事项一：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前",
        TEAM,
    ));
    assert!(!t[0].contains("事项一"), "{t:?}");
}

#[test]
fn the_issue_example_and_two_owners() {
    let text = "事项：整理三季度两融客户集中度名单\n负责人：王磊\n时限：10月20日前";
    assert_eq!(who_when(text), vec![(one("王磊"), due_by_end_of("2026-10-20"))]);
    let text = "事项：整理两融客户集中度名单\n负责人：王磊、李娜\n时限：3月20日前";
    assert_eq!(
        who_when(text),
        vec![(two("王磊", "李娜"), due_by_end_of("2026-03-20"))]
    );
}

#[test]
fn someone_speaking_after_a_block_is_not_one_of_its_fields() {
    let text =
        "事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n李娜：我下周一前把应急预案更新好";
    assert_eq!(
        who_when(text),
        vec![
            (one("王磊"), due_by_end_of("2026-03-20")),
            (one("李娜"), due_by_end_of("2026-03-16")),
        ],
        "{:?}",
        texts(&run(text, TEAM))
    );
}

#[test]
fn english_work_keys_full_width_bars_and_owner_in_parentheses() {
    assert_one_block(&[
        "Task: 整理两融客户集中度名单 Owner: 王磊 DDL: 3/20",
        "事项：整理两融客户集中度名单（负责人：王磊）\n时限：3月20日前",
    ]);
    let t = texts(&run(
        "事项：整理两融客户集中度名单（负责人：王磊）\n时限：3月20日前",
        TEAM,
    ));
    assert_eq!(t, vec!["整理两融客户集中度名单".to_owned()]);
    let text = "1. 事项：整理两融客户集中度名单｜负责人：王磊｜时限：3月20日前\n2. 事项：更新营业部应急预案｜负责人：李娜｜状态：已完成";
    assert_eq!(who_when(text), vec![(one("王磊"), due_by_end_of("2026-03-20"))]);
    // An owner left open: the item stands, owner to be named.
    let ex = run(
        "事项：整理两融客户集中度名单\n负责人：待定\n时限：3月20日前",
        TEAM,
    );
    assert_eq!(owners(&ex), vec![Vec::<String>::new()]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20")]);
}

#[test]
fn fields_describing_the_work_may_come_before_its_owner() {
    let text =
        "事项：整理两融客户集中度名单\n说明：按营业部分列，含前十大客户\n负责人：王磊\n时限：3月20日前";
    assert_one_block(&[text]);
    // `措施：` after a problem says the work; it goes into the title.
    let text = "问题：两融客户集中度名单未按月更新\n措施：整理两融客户集中度名单并按月报送\n负责人：王磊\n时限：3月20日前";
    assert_one_block(&[text]);
    let t = texts(&run(text, TEAM));
    assert!(t[0].contains("未按月更新") && t[0].contains("按月报送"), "{t:?}");
    // Two such blocks, one after the other.
    let text = "问题1：两融客户集中度名单未按月更新\n措施：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n问题2：应急预案过期\n措施：更新营业部应急预案\n负责人：李娜\n时限：3月25日前";
    assert_eq!(
        who_when(text),
        vec![
            (one("王磊"), due_by_end_of("2026-03-20")),
            (one("李娜"), due_by_end_of("2026-03-25")),
        ],
        "{:?}",
        texts(&run(text, TEAM))
    );
}

#[test]
fn work_written_bare_over_its_fields_gives_its_item() {
    let variants = [
        "1. 整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n2. 更新营业部应急预案\n负责人：李娜\n时限：3月25日前",
        "一、整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n二、更新营业部应急预案\n负责人：李娜\n时限：3月25日前",
        "1. 整理两融客户集中度名单\n   负责人：王磊；时限：3月20日前\n2. 更新营业部应急预案\n   负责人：李娜；时限：3月25日前",
        "整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n\n更新营业部应急预案\n负责人：李娜\n时限：3月25日前",
    ];
    for text in variants {
        assert_eq!(
            who_when(text),
            vec![
                (one("王磊"), due_by_end_of("2026-03-20")),
                (one("李娜"), due_by_end_of("2026-03-25")),
            ],
            "{text}\n{:?}",
            texts(&run(text, TEAM))
        );
    }
}

#[test]
fn a_closed_block_between_two_open_ones_gives_nothing() {
    let text = "事项：整理两融客户集中度名单\n负责人：王磊\n时限：3月20日前\n事项：更新营业部应急预案\n状态：已完成\n事项：复核适当性评级\n负责人：赵敏";
    assert_eq!(
        who_when(text),
        vec![(one("王磊"), due_by_end_of("2026-03-20")), (one("赵敏"), None),]
    );
}
