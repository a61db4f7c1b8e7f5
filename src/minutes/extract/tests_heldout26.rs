//! Rules found on heldout26 (tuning data since later sets were written): a time word opening a
//! field label (`本季资产变化：-19万元`, `本月新增：…`) names what the field measures, not a
//! deadline, so a client-by-client review whose lines carry such fields proposes nothing but
//! the follow-ups that are work. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, run, texts};

#[test]
fn a_time_word_opening_a_field_label_is_no_deadline() {
    let ex = run(
        "重点客户逐户回顾\n\n1. 苏先生（尾号1234），资产约210万元，持仓集中。\n   客户经理：严冬；本季资产变化：-12万元。\n   后续：维持常规服务。\n\n2. 林女士（尾号5678），资产约420万元，长期未交易。\n   客户经理：柳青；本月新增：3万元。\n   后续：柳青负责给尾号5678客户做一次资产检视，下周五前。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("资产检视"), "{t:?}");
    assert!(dues(&ex)[0].is_some(), "{t:?}");
}
