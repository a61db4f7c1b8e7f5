//! The clues `signals` reads in a line's text (pure): figures reported, acknowledgements,
//! periods, work done, the next meeting, asides, clock times, limits set by events, work the
//! minutes say is not tracked.

use crate::minutes::scan::OwnerHow;

use super::words::{ACKS, DONE, FIGURE_UNITS, FIGURES, NOT_DONE, TARGET_WORDS};

/// Whether the text reports a figure.
pub(super) fn has_figures(lower: &str) -> bool {
    // A target (`不少于20笔`, `覆盖率达到100%`) is asked for, not reported: it goes first.
    let mut rest = lower.to_owned();
    for w in TARGET_WORDS {
        while let Some(i) = rest.find(w) {
            let after = rest.get(i + w.len()..).unwrap_or_default();
            // `控制在 1.5% 以内`: spaces before the figure too.
            let space: usize = after
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(char::len_utf8)
                .sum();
            let figure: usize = space
                + after
                    .get(space..)
                    .unwrap_or_default()
                    .char_indices()
                    .take_while(|(_, c)| {
                        c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '％') || FIGURE_UNITS.contains(c)
                    })
                    .map(|(_, c)| c.len_utf8())
                    .sum::<usize>();
            rest.replace_range(i..i + w.len() + figure, " ");
        }
    }
    // `每家营业部抽30户` is a quota; `这6户客户` points back at figures already given.
    let rest: String = rest
        .split_inclusive(['，', ',', '；', ';', '。'])
        .filter(|clause| !clause.trim_start().starts_with('每'))
        .collect();
    let rest = without_references(&rest);
    let rest = without_thresholds(&rest);
    let lower = rest.as_str();
    if FIGURES.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let chars: Vec<char> = lower.chars().collect();
    chars.windows(2).any(|w| {
        w.first().is_some_and(char::is_ascii_digit) && w.get(1).is_some_and(|c| FIGURE_UNITS.contains(c))
    })
}

/// The text without a threshold that selects whom the work covers (`5万元以上优先联系`,
/// `资产50万以上的客户`): a figure then `以上`/`以下` with more words after it, not a count the
/// clause ends on (`…增长20%以上。`).
fn without_thresholds(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<char> = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let bound = matches!((c, chars.get(i + 1)), ('以', Some('上' | '下')));
        let goes_on = chars
            .get(i + 2)
            .is_some_and(|d| crate::minutes::scan::is_cjk(*d) || d.is_ascii_alphabetic());
        if bound && goes_on {
            let run = out
                .iter()
                .rev()
                .take_while(|d| {
                    d.is_ascii_digit()
                        || matches!(d, '.' | ',')
                        || FIGURE_UNITS.contains(d)
                        || "元人户笔家只个".contains(**d)
                })
                .count();
            let kept = out.len() - run;
            if out
                .get(kept..)
                .is_some_and(|r| r.first().is_some_and(char::is_ascii_digit))
            {
                out.truncate(kept);
                i += 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out.into_iter().collect()
}

/// The text without `这6户`, `那2笔`, `该3家`: a demonstrative and the figure it points back at;
/// so too `退件的5户客户`, a figure after `的` naming the set just described, its noun after it
/// (not `资产50万以上的87户。`, a count the clause reports).
fn without_references(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let figure_run = |from: usize| {
        chars
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|d| d.is_ascii_digit() || FIGURE_UNITS.contains(d))
            .count()
    };
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        out.push(c);
        i += 1;
        let starts_figure = chars.get(i).is_some_and(char::is_ascii_digit);
        let run = figure_run(i);
        let named_set = c == '的'
            && starts_figure
            && i.checked_add(run)
                .and_then(|e| e.checked_sub(1))
                .and_then(|e| chars.get(e))
                .is_some_and(|d| FIGURE_UNITS.contains(d))
            && chars
                .get(i + run)
                .is_some_and(|d| crate::minutes::scan::is_cjk(*d));
        if named_set || (matches!(c, '这' | '那' | '该' | '此') && starts_figure) {
            i += run;
        }
    }
    out
}

/// Whether an acknowledgement (`好的`, `收到`) opens the text or one of its clauses.
pub(super) fn has_ack(lower: &str) -> bool {
    ACKS.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            lower
                .get(..i)
                .and_then(|b| b.trim_end().chars().next_back())
                .is_none_or(|c| "，。！？,.!?：:嗯哦啊行好".contains(c))
        })
    })
}

/// Whether the text gives a span of time (`11月1日至12月15日`, `9点至17点`): a period, not a
/// deadline.
pub(super) fn is_period(lower: &str) -> bool {
    // `4月11日（周六）20:00 至 4月12日06:00`: spaces around the mark, a clock time before it.
    lower.match_indices(['至', '到']).any(|(i, _)| {
        let before = lower.get(..i).and_then(|b| b.trim_end().chars().next_back());
        let after = lower
            .get(i + '至'.len_utf8()..)
            .and_then(|a| a.trim_start().chars().next());
        let clock_before = lower
            .get(..i)
            .map(str::trim_end)
            .is_some_and(|b| b.len() >= 3 && b.get(b.len() - 3..).is_some_and(|t| t.starts_with(':')));
        (before.is_some_and(|c| "日号点时月）)".contains(c)) || clock_before)
            && after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// Whether the text reports something finished.
pub(super) fn is_done(lower: &str) -> bool {
    // `对已整改问题进行复查抽样`: what is done names the object of the work, not the work.
    // `对上月已报销的费用做抽查`, `把已签约的名单发我`: the same, further into the object.
    let object_done = super::done_object::without_done_objects(&lower.replace("对已", "对"));
    let lower = object_done.as_str();
    if DONE.iter().any(|w| lower.contains(w)) {
        return true;
    }
    // `升级完成，运行正常`: a steady state reported, not one to ensure (`确保系统运行正常`).
    let steady = ["运行正常", "运行平稳", "无异常"].iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower.get(..i).unwrap_or_default();
            let clause = before.rsplit(['，', ',', '。', '；']).next().unwrap_or_default();
            !["确保", "保证", "保障", "以免", "是否"]
                .iter()
                .any(|e| clause.contains(e))
        })
    });
    if steady {
        return true;
    }
    // `…改为交易日早上发送，已确认。`: a closing clause saying the change is settled.
    if ["，已确认", "（已确认", ",已确认", "(已确认"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return true;
    }
    // `包容：交了，周一交给人力了。`: an answer opening with the thing done (`交了`, `发了`).
    let said = lower
        .split_once(['：', ':'])
        .filter(|(who, _)| who.chars().count() <= 6)
        .map_or(lower, |(_, s)| s)
        .trim_start();
    let opening = said.split(['，', ',', '。']).next().unwrap_or_default().trim();
    if (2..=4).contains(&opening.chars().count())
        && opening.ends_with('了')
        && ![
            "好了",
            "对了",
            "算了",
            "行了",
            "得了",
            "那好了",
            "来了",
            "到了",
            "忘了",
            // `知道了，方案你周一前发出来`: an acknowledgement opening the turn, nothing done.
            "知道了",
            "明白了",
            "收到了",
            "清楚了",
            "了解了",
            "懂了",
            "记下了",
            "记住了",
        ]
        .contains(&opening)
    {
        return true;
    }
    let mut rest = lower.to_owned();
    for w in NOT_DONE {
        rest = rest.replace(w, "");
    }
    // `对已准入私募产品的管理人`: 已 describing a noun (a 的 close after it) reports nothing.
    rest.match_indices('已').any(|(i, _)| {
        let after: String = rest.get(i..).unwrap_or_default().chars().take(8).collect();
        let clause_end = after.find(['，', '。', ',', '；']).unwrap_or(after.len());
        !after.get(..clause_end).unwrap_or_default().contains('的')
    })
}

/// Whether the text announces the next meeting (`下次对齐会8月初召开`, `下次进度会4月30日`), not
/// a deadline set by it (`下次例会前`, `下次会上汇报`) nor work given to someone.
pub(super) fn is_next_meeting(lower: &str, how: OwnerHow) -> bool {
    how != OwnerHow::Strong
        && ["下次", "下一次", "下期"].iter().any(|w| {
            lower.match_indices(w).any(|(i, _)| {
                let after: Vec<char> = lower
                    .get(i + w.len()..)
                    .unwrap_or_default()
                    .chars()
                    .take(8)
                    .collect();
                let said: String = after.iter().collect();
                // `下次复盘时间：8月中旬`: the next one's time, under a key of its own.
                ["时间：", "时间:", "定于"].iter().any(|k| said.contains(k))
                    // `下次会前`, `下次会议前反馈`, `下次例会上汇报`: a time said by the next
                    // meeting, not the next meeting announced; `下次联络会的议题征集`: what to
                    // prepare for it (its time is read by `next_meeting_open`).
                    || after.iter().position(|c| *c == '会').is_some_and(|k| {
                        let k = if after.get(k + 1) == Some(&'议') { k + 1 } else { k };
                        !matches!(after.get(k + 1), Some('前' | '上' | '之' | '后' | '时'))
                            && (after.get(k + 1) != Some(&'的')
                                || ["时间", "日期", "安排"].iter().any(|w| said.contains(w)))
                    })
            })
        })
}

/// The text without its bracketed asides that more words follow (`survey（已发群里）before …`);
/// an aside at the end (`客户回访（已完成）`) stays.
pub(super) fn without_mid_asides(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('（') {
        let Some(close) = rest.get(open..).and_then(|r| r.find('）')).map(|c| open + c) else {
            break;
        };
        let after = rest.get(close + '）'.len_utf8()..).unwrap_or_default();
        let more = after
            .trim_start()
            .trim_start_matches(['。', '，', ',', '；', '.'])
            .trim()
            .chars()
            .count()
            >= 2;
        out.push_str(rest.get(..open).unwrap_or_default());
        if !more {
            out.push_str(rest.get(open..close + '）'.len_utf8()).unwrap_or_default());
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `09:31 …`, `9:05：…`: a line opening with the hour it records.
pub(super) fn starts_with_clock(raw: &str) -> bool {
    let t = raw.trim_start();
    let h = t.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&h)
        && t.get(h..).is_some_and(|r| {
            r.strip_prefix([':', '：'])
                .is_some_and(|m| m.chars().take_while(char::is_ascii_digit).count() == 2)
        })
}

/// `要在活动上线前完成…`, `须于交割前补充…`: a limit set by an event, not a date.
pub(super) fn before_an_event(raw: &str) -> bool {
    ["要在", "需在", "须在", "应在", "要于", "需于", "须于", "应于"]
        .iter()
        .flat_map(|w| raw.match_indices(w).map(move |(i, _)| i + w.len()))
        .any(|at| {
            let rest = raw.get(at..).unwrap_or_default();
            let event: String = rest.chars().take_while(|c| !"，,。；;前".contains(*c)).collect();
            (2..=10).contains(&event.chars().count())
                && rest.get(event.len()..).is_some_and(|r| r.starts_with('前'))
                && !event.contains("此")
        })
}

/// `整改报告总稿由某某统筹，待上述事项完成后报证监局`: the work is due once an event is over
/// (`待…完成后`, `待…上线后`), a time with no date, as `要在…前` is.
pub(super) fn after_an_event(raw: &str) -> bool {
    raw.match_indices('待').any(|(i, _)| {
        let rest = raw.get(i + '待'.len_utf8()..).unwrap_or_default();
        let event: String = rest.chars().take_while(|c| !"，,。；;后".contains(*c)).collect();
        (2..=12).contains(&event.chars().count())
            && ["完成", "结束", "上线", "确认", "批复", "审批", "落地"]
                .iter()
                .any(|w| event.ends_with(w))
            && rest.get(event.len()..).is_some_and(|r| r.starts_with('后'))
    })
}

/// `公示期满后办理`, `定稿后3个工作日内报送`, `与修订稿同步提交`, `和第二稿一起报`: the work is due
/// relative to another event, a time with no date (deadline-conventions: event-relative).
pub(super) fn tied_to_an_event(raw: &str) -> bool {
    const ENDS: &[&str] = &["期满", "结束", "定稿", "上线", "批复", "到位"];
    const THEN: &[&str] = &["办理", "提交", "报送", "报", "发", "启动", "执行"];
    let after = raw.match_indices('后').any(|(i, _)| {
        let head = raw.get(..i).unwrap_or_default();
        let tail = raw.get(i + '后'.len_utf8()..).unwrap_or_default();
        let span = tail
            .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十两个".contains(c))
            .starts_with(['个', '工', '天', '日'])
            && tail
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c));
        ENDS.iter().any(|e| head.ends_with(e)) && (span || THEN.iter().any(|t| tail.starts_with(t)))
    });
    let along = ["同步提交", "同步报送", "一并提交", "一并报送", "一起报"]
        .iter()
        .any(|w| raw.contains(w))
        && ['与', '和', '随'].iter().any(|c| raw.contains(*c));
    after || along
}

/// `（活动期间每日执行，不单独跟踪）`, `（常规要求）`, `（日常工作）`, `（某某，常规工作）`: the minutes say the line is
/// no task to track on its own.
pub(super) fn not_tracked(lower: &str) -> bool {
    let said = [
        "不单独跟踪",
        "不单独督办",
        "无需跟踪",
        "不需跟踪",
        "不作跟踪",
        "不做跟踪",
        "不纳入跟踪",
        "不纳入督办",
        "不列入待办",
        "不作为待办",
    ];
    // `（常规）` alone says it too.
    // Any routine word, alone or with what it marks (`常规要求`, `日常要求`, `例行事项`).
    // `（保障期间常规动作）`, `（汛期常规工作）`, `（值班常规动作）`: a period or a duty named before the
    // routine word says it too.
    let routine = |w: &str| {
        ["常规", "日常", "例行"].iter().any(|p| {
            let marks = ["要求", "工作", "事项", "安排", "任务", "动作", "性工作"];
            w.strip_prefix(p)
                .is_some_and(|r| r.is_empty() || marks.contains(&r))
                || marks.iter().any(|m| {
                    w.strip_suffix(&format!("{p}{m}")).is_some_and(|period| {
                        // `（值班常规动作）`: the duty named before it, too (not `非常规`).
                        (2..=6).contains(&period.chars().count()) && !period.ends_with('非')
                    })
                })
        })
    };
    // `…按月编报（某某），常规工作。`: the remark as the line's last clause.
    let last_clause = lower
        .trim_end_matches(['。', '.', ' '])
        .rsplit_once(['，', ',', '；', ';'])
        .is_some_and(|(_, last)| routine(last.trim()));
    // `…，作为日常工作继续执行`: the last clause makes the line a standing routine.
    let as_routine = lower
        .trim_end_matches(['。', '.', ' '])
        .rsplit(['，', ',', '；', ';'])
        .next()
        .is_some_and(|last| {
            ["作为", "按", "转为", "转入"].iter().any(|v| {
                ["常规", "日常", "例行"]
                    .iter()
                    .any(|r| last.contains(&format!("{v}{r}工作")) || last.contains(&format!("{v}{r}事项")))
            })
        });
    // `…，作为日常要求`, `…，这是每次打新的常规动作`: the last clause calls the line a routine
    // (a copula, then words, then a routine word ending the clause).
    let called_routine = lower
        .trim_end_matches(['。', '.', ' ', '！', '；', ';'])
        .rsplit(['，', ',', '；', ';'])
        .next()
        .is_some_and(|last| {
            ["作为", "是", "属于", "列为"].iter().any(|v| {
                last.find(v).is_some_and(|at| {
                    let tail = last.get(at + v.len()..).unwrap_or_default();
                    ["常规", "日常", "例行"].iter().any(|r| {
                        tail.rfind(r)
                            .is_some_and(|i| routine(tail.get(i..).unwrap_or_default()))
                    })
                })
            })
        });
    said.iter().any(|w| lower.contains(w))
        || last_clause
        || as_routine
        || called_routine
        || lower.split(['（', '(']).skip(1).any(|g| {
            let inner = g.split([')', '）']).next().unwrap_or_default();
            // `（卢曼，常规工作）`: beside the owner, too.
            inner
                .split(['，', ',', '；', ';'])
                .any(|part| routine(part.trim()) || super::ongoing::due_ongoing(part))
        })
}

/// `s` without what is in `（…）` / `(…)`.
pub(super) fn outside_brackets(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .filter(|c| match c {
            '（' | '(' => {
                depth += 1;
                false
            }
            '）' | ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

/// Whether a figure is compared with another (`比目标少了30户`, `比上月多2笔`): a report of how
/// things stand, whoever is named and whatever date is said.
pub(super) fn compares_figures(lower: &str) -> bool {
    lower.match_indices('比').any(|(i, _)| {
        let after: Vec<char> = lower
            .get(i..)
            .unwrap_or_default()
            .chars()
            .skip(1)
            .take(8)
            .collect();
        after.windows(2).any(|w| {
            w.first().is_some_and(|c| "少多低高".contains(*c))
                && w.get(1).is_some_and(|c| *c == '了' || c.is_ascii_digit())
        })
    })
}

/// Whether `长期` says the work goes on for good (`长期坚持`, `此为长期要求`, `| 长期 |`), not
/// what a noun is (`长期病假员工`, `中长期资金`, `长期不动户`).
pub(super) fn standing_long(lower: &str) -> bool {
    lower.match_indices("长期").any(|(i, w)| {
        let after = lower.get(i + w.len()..).unwrap_or_default();
        !after.starts_with(|c: char| crate::minutes::scan::is_cjk(c))
            || [
                "要求", "坚持", "执行", "有效", "推进", "开展", "跟踪", "关注", "保持", "落实",
            ]
            .iter()
            .any(|v| after.starts_with(v))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn work_tied_to_another_event_has_a_time_with_no_date() {
        assert!(super::tied_to_an_event("把结果录入系统，公示期满后办理"));
        assert!(super::tied_to_an_event("方案定稿后3个工作日内报送"));
        assert!(super::tied_to_an_event("编写对照表，与修订稿同步提交"));
        assert!(!super::tied_to_an_event("会后整理纪要"));
        assert!(!super::tied_to_an_event("活动结束后大家合影"));
    }
}
