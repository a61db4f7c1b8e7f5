//! Sentences that give no work (pure): who did something already (`初稿是东郭明汇总的`), the one
//! called while a demand from elsewhere is passed on (`鲍主任，还有一个，…物业那边说要我们出一部分
//! 钱`), the one called and then told something (`吕总，我这边再补一句，…`), and a promise the speaker takes back (`对，我明天……不对，明天放假了`).

use crate::minutes::owner::OwnerRef;

/// Words passing on what someone else wants of the team.
const RELAYED: &[&str] = &["说要我们", "说让我们", "要求我们", "要我们", "让我们", "叫我们"];

/// Whether the people named in `s` are only said to have done it (`是X汇总的`, `是由X写的`), or
/// only called while a demand on the team is passed on, with no `你` giving it to them.
pub(super) fn gives_no_work(s: &str, named: &[&OwnerRef]) -> bool {
    if named.is_empty() {
        return false;
    }
    let did = named.iter().all(|o| {
        ["是由", "是"].iter().any(|w| {
            let key = format!("{w}{}", o.name());
            s.find(&key).is_some_and(|i| {
                let rest = s.get(i + key.len()..).unwrap_or_default();
                let clause = rest
                    .split(['，', ',', '。', '；', '！', '？'])
                    .next()
                    .unwrap_or(rest);
                clause.trim_end().ends_with('的') && clause.chars().count() <= 8
            })
        })
    });
    let relayed = !s.contains('你') && RELAYED.iter().any(|w| s.contains(w));
    did || relayed || reports_to(s)
}

/// Words of a speaker adding to or telling what they have (`我这边数据再补一句`, `我说一下`).
const TELLING: &[&str] = &[
    "补一句",
    "补充一下",
    "补充一句",
    "说一下",
    "说两句",
    "汇报一下",
    "报告一下",
];

/// `吕总，我这边数据再补一句，…`: the one called is told something by the speaker, who goes on in
/// the first person to say it, not given work.
fn reports_to(s: &str) -> bool {
    let mut clauses = s.split(['，', ',']);
    let (Some(_), Some(next)) = (clauses.next(), clauses.next()) else {
        return false;
    };
    let next = next.trim();
    !s.contains('你')
        && !s.contains('您')
        && next.starts_with('我')
        && TELLING.iter().any(|w| next.contains(w))
}

/// Words a speaker takes back what they just said with (`我明天……不对，明天放假了`).
const TAKEN_BACK: &[&str] = &[
    "……不对",
    "…不对",
    "，不对，",
    "不对不对",
    "哦不对",
    "啊不对",
    "，不是，",
];

/// Whether the date of an item (`明天` in `对，我明天……不对，明天放假了`) is said only before the
/// speaker takes it back: the work was not promised.
pub(super) fn taken_back(text: &str, date: Option<&str>) -> bool {
    let Some(at) = TAKEN_BACK.iter().filter_map(|w| text.find(w)).min() else {
        return false;
    };
    let (before, after) = text.split_at(at);
    // `季度末把一季度……不对，二季度的…做完`: what is corrected is the work, not the promise.
    let cannot = ["放假", "不在", "出差", "培训", "没空", "不行", "来不及"]
        .iter()
        .any(|w| after.contains(w));
    date.is_some_and(|d| before.contains(d) && (after.contains(d) || cannot))
        && !["改成", "改到", "那就", "那我"].iter().any(|w| after.contains(w))
}

/// Words saying a date cannot be met.
const TOO_LATE: &[&str] = &["来不及", "赶不上", "不可能", "做不完", "够呛"];

/// Whether `date` is said in `said` only in a sentence saying it cannot be met (`奖励兑现要走财务
/// 流程，节前肯定来不及了。罗斌，你跟财务确认…`): the work asked for after it has no date.
pub(super) fn date_denied(said: &str, date: Option<&str>) -> bool {
    let Some(d) = date else { return false };
    let mut with_date = said
        .split(['。', '！', '？', '；', '，', ','])
        .filter(|s| s.contains(d))
        .peekable();
    with_date.peek().is_some() && with_date.all(|s| TOO_LATE.iter().any(|w| s.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::owner::OwnerRef;

    #[test]
    fn who_did_it_and_a_relayed_demand_give_no_work() {
        let dong = OwnerRef::Unresolved("东郭明".to_owned());
        let bao = OwnerRef::Unresolved("鲍主任".to_owned());
        assert!(gives_no_work("初稿是东郭明汇总的，大家都看过了吧。", &[&dong]));
        assert!(gives_no_work("这版方案是由东郭明写的。", &[&dong]));
        assert!(gives_no_work(
            "鲍主任，还有一个，机房空调的改造，物业那边说要我们出一部分钱。",
            &[&bao]
        ));
        assert!(!gives_no_work("东郭明你把总表汇总一下，周五前给我。", &[&dong]));
        assert!(!gives_no_work("那就是东郭明负责汇总，周五前给我。", &[&dong]));
        assert!(!gives_no_work(
            "鲍主任，总部要我们周五前报数，你看谁来？",
            &[&bao]
        ));
        assert!(taken_back("对，我明天……不对，明天放假了", Some("明天")));
        assert!(!taken_back("我明天……不对，那我后天给你", Some("明天")));
        assert!(!taken_back("我明天给你", Some("明天")));
        assert!(!taken_back(
            "嗯。另外季度末把一季度……不对，二季度的授信额度复审做完",
            Some("季度末")
        ));
        assert!(date_denied(
            "奖励兑现要走财务流程，节前肯定来不及了。罗斌，你跟财务确认一个准确的时间。",
            Some("节前")
        ));
        assert!(!date_denied("节前来不及了，罗斌你节前先出个初稿。", Some("节前")));
    }
}
