//! Meta lines (pure): `key：value` lines (参会人员, 会议时间 …), a document's routing header, a
//! transcript's speaker line, and the meeting's title and date they give.

use jiff::civil::Date;

const META_KEYS: &[&str] = &[
    // `检查人：裴某    日期：3月20日`: who inspected and when, a record (a task has `，`).
    "检查人",
    "巡检人",
    // `报告人：某某　日期：10月28日`: who reports, atop a report.
    "报告人",
    "汇报人",
    "填报人",
    // Who issued or wrote the paper (`9月29日　通报人：某某` atop a briefing): its author, no owner.
    "通报人",
    "发布人",
    "撰写人",
    "起草人",
    "拟稿人",
    "编制人",
    "签发人",
    "检查日期",
    "检查时间",
    // A handover form's parties (`交出人：某某（原负责人）`, `接收人：…`, `监交人：…`) and who
    // compiled a circulated paper (`汇总人：综合办`): who signs it, no work.
    "交出人",
    "移交人",
    "接收人",
    "监交人",
    "交接人",
    "汇总人",
    "汇总日期",
    // `到会：某某（负责人）、某某`, `在场：…`, `实到：…`: who came.
    "到会",
    "到会人员",
    "在场",
    "在场人员",
    "实到",
    "参会人员",
    "参会人",
    "参与人员",
    "参与人",
    "与会人员",
    "与会",
    "时长",
    "参会",
    "出席",
    "列席",
    "参加人员",
    "参加",
    "与会人员",
    "主持人",
    "主持",
    "记录人",
    "记录",
    "纪要人",
    // Who called or put the paper together (`发起人：某某（…会后）` atop a sign-up list).
    "发起人",
    "召集人",
    "组织人",
    "组织者",
    "整理人",
    "会议时间",
    "时间",
    "会议地点",
    "地点",
    "日期",
    "会议日期",
    "缺席",
    "抄送",
    "请假",
    "会议主题",
    "主题",
    "会议名称",
    // A transcript's header: `2026-07-15 | 发言人：单磊、谷雪`.
    "发言人",
    "参与人",
    "Attendees",
    // `People: Vivian（葛欣然，合规专员）, Tom（…）`, `Present: …`, `Apologies: …`.
    "People",
    "Present",
    "Participants",
    "Apologies",
    "Absent",
    "Date",
    "Time",
    "Location",
    "Host",
    "Chair",
    "Moderator",
    "Facilitator",
    "Subject",
    // An email's header (`发件人: 皇甫怡`, `收件人: 各营业部负责人`).
    "发件人",
    "收件人",
    "发送时间",
    "From",
    "Sent",
    "Cc",
];
const TITLE_KEYS: &[&str] = &["会议主题", "会议名称", "主题", "Subject", "Meeting", "Title"];
const DATE_KEYS: &[&str] = &["会议时间", "会议日期", "时间", "日期", "Date", "Time"];

pub(crate) fn key_value<'a>(line: &'a str, keys: &[&str]) -> Option<&'a str> {
    let s = line
        .trim_start_matches(['-', '*', ' ', '•'])
        .trim_start_matches("**");
    keys.iter().find_map(|k| {
        let r = s.strip_prefix(k)?.trim_start_matches("**").trim_start();
        r.strip_prefix([':', '：'])
            .map(|v| v.trim().trim_start_matches("**").trim())
    })
}

/// `责任人：…`, `完成时间：…` at the start of a line.
pub(crate) fn starts_with_key(body: &str) -> bool {
    const KEYS: &[&str] = &[
        "责任人",
        "负责人",
        "责任部门",
        "牵头人",
        "主办",
        "完成时间",
        "截止时间",
        "截止",
        "时限",
        "期限",
        "Owner(s)",
        "Owners",
        "Owner",
        "Due",
        "DDL",
        "ETA",
        "承办人",
        "承办部门",
        "办结时限",
    ];
    KEYS.iter().any(|k| {
        body.strip_prefix(k)
            .is_some_and(|r| r.trim_start().starts_with([':', '：']))
    })
}

/// `参会人员：…`, `会议时间：…`, `主持人：张三` — but not `主持人：请周迅下周一前…`, a speaker's
/// sentence after a role label.
pub(crate) fn is_meta(line: &str) -> bool {
    let plain = |v: &str| !v.contains(['，', '。', '？', '！', '；']);
    let meta = |l: &str| key_value(l, META_KEYS).is_some_and(plain);
    // `2026-07-15 | 发言人：单磊、谷雪`: a date and meeting details apart by bars.
    let dated = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_digit() || "-/.年月日 :：".contains(c))
    };
    // `26 Jun 2026 | Prepared by Sue (苏曼)`: who wrote the minutes up.
    let prepared = |p: &str| {
        let l = p.trim().to_lowercase();
        [
            "prepared by ",
            "minutes by ",
            "recorded by ",
            "notes by ",
            "minute-taker",
            "note-taker",
        ]
        .iter()
        .any(|w| l.starts_with(w))
    };
    let bars: Vec<&str> = line.split(['|', '｜']).map(str::trim).collect();
    // `5.9 周六调休 营业部小会 记录人 小卢`, `参会 晏总 柯经理`: typed with spaces for colons.
    let spaced = plain(line) && {
        let words: Vec<&str> = line.split_whitespace().collect();
        words
            .windows(2)
            .any(|w| ["记录人", "主持人", "参会人", "参会人员", "参会", "出席", "纪要人"].contains(&w[0]))
    };
    // `People: Vivian（葛欣然，合规专员）, Tom（…）`: an English header's list of who came, its
    // roles in brackets.
    let present = key_value(
        line,
        &[
            "People",
            "Present",
            "Attendees",
            "Participants",
            "Apologies",
            "Absent",
        ],
    )
    .is_some_and(|v| !v.contains(['。', '；']));
    spaced
        || present
        || meta(line)
        || is_generated_note(line)
        || is_minutes_intro(line)
        || super::meta_row::is_meta_row(line)
        || super::roster::is_roster(line)
        // `8月12日　主任委员：某某`: the meeting's day and who chaired or reported it.
        || super::dated_role::is_dated_role(line)
        || is_speaker_line(line)
        || (bars.len() > 1 && bars.iter().any(|p| meta(p)) && bars.iter().all(|p| meta(p) || dated(p)))
        // `12月2日  Chair: 某某`: a date and meeting details apart by a run of spaces.
        || super::spaced_meta::dated_and_keyed(line, |p| meta(p), dated)
        // `2月10日 | 时长 46分钟 | 参与人：…`, `3月10日 · 参会：…`: the meeting's facts in a row.
        || {
            let parts: Vec<&str> = line.split(['|', '｜', '·']).map(str::trim).collect();
            parts.len() >= 2
                && parts.first().is_some_and(|p| !p.is_empty())
                && parts.iter().all(|p| plain(p))
                && parts
                    .iter()
                    .any(|p| key_value(p, META_KEYS).is_some() || p.starts_with("时长") || prepared(p))
        }
        || prepared(line)
}

/// `本纪要由AI生成`, `智能纪要由AI生成，内容仅供参考`, `*以上内容由 AI 生成*`: the footer a
/// note-taking tool adds under what it wrote, no work.
pub(crate) fn is_generated_note(line: &str) -> bool {
    let bare: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && !"*_>（）()".contains(*c))
        .collect();
    let lower = bare.to_lowercase();
    lower.chars().count() <= 30
        && ["由ai生成", "ai自动生成", "由智能助手生成", "由ai整理"]
            .iter()
            .any(|w| lower.contains(w))
}

/// `感谢各位今天参加周会，纪要整理如下。`, `现将会议纪要发给大家，请查收。`: a mail's opening line
/// handing over the minutes, no work (a line ending with a colon heads what follows instead).
pub(crate) fn is_minutes_intro(line: &str) -> bool {
    let bare = line.trim().trim_end_matches(['。', '.', '!', '！', '~', '～']);
    // (No date: `…3月13日前发大家，请查收` gives work with its day.)
    if bare.ends_with([':', '：']) || bare.chars().count() > 40 || bare.contains(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let handed = [
        "纪要整理如下",
        "纪要如下",
        "整理如下",
        "纪要发给大家",
        "纪要发送给",
        "请查收",
        "请查阅",
    ]
    .iter()
    .any(|w| bare.ends_with(w));
    let thanks = bare.starts_with("感谢")
        && ["参加", "参会", "出席", "抽时间"]
            .iter()
            .any(|w| bare.contains(w))
        && ["纪要", "如下", "整理"].iter().any(|w| bare.contains(w));
    handed || thanks
}

/// A document's routing and sign-off header (`流转：A → B`, `签批意见：同意，请抓紧落实。——曹总`,
/// `拟稿：… 核稿：… 签发：…`, `分送：…`): who the minutes pass through, not work.
pub(crate) fn is_routing(line: &str) -> bool {
    const KEYS: &[&str] = &[
        "流转",
        "签批意见",
        "签批",
        "领导批示",
        "批示",
        "签发",
        "拟稿",
        "核稿",
        "分送",
        "主送",
        "抄报",
        "印发",
        "文号",
        "密级",
        "紧急程度",
        "发文单位",
        "传阅",
    ];
    key_value(line, KEYS).is_some()
}

/// A transcript's speaker line: `周瑜 00:00:41`, `发言人 A 00:01:02`.
fn is_speaker_line(line: &str) -> bool {
    let Some((who, stamp)) = line.trim().rsplit_once(' ') else {
        return false;
    };
    let parts: Vec<&str> = stamp.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
        && (1..=12).contains(&who.trim().chars().count())
}

pub(crate) fn find_title(lines: &[String]) -> Option<String> {
    let keyed = lines.iter().find_map(|l| key_value(l, TITLE_KEYS));
    let first_heading = lines
        .iter()
        .map(|l| l.trim())
        .find(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim());
    keyed
        .or(first_heading)
        .map(|t| t.chars().take(100).collect::<String>())
        .filter(|t| !t.is_empty())
}

pub(crate) fn find_date(lines: &[String], today: Date) -> Option<Date> {
    // `开业日期：10月19日` later than the day the minutes were posted: a target, not the day of
    // the meeting (a record is made on or before the day it is posted).
    let recorded = lines.iter().filter_map(|l| {
        key_value(l, DATE_KEYS)
            .map(|v| (v, false))
            .or_else(|| record_date(l).map(|v| (v, true)))
    });
    let headings = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| l.starts_with('#'))
        .take(1)
        .map(|v| (v, false));
    recorded.chain(headings).find_map(|(v, own_key)| {
        // `演练日期：3月28日　复盘会：3月30日`: the meeting's date, when the line gives one.
        let met = super::meeting_day::meeting_part(v).and_then(|m| parse_date(m, today));
        met.filter(|d| *d <= today)
            .or_else(|| parse_date(v, today))
            .filter(|d| !own_key || *d <= today)
    })
}

/// `交接日期：2026年10月9日`, `评审日期：…`: the day a record was made, under a key of its own
/// ending in `日期` (not a deadline's: `完成日期`, `截止日期`).
fn record_date(line: &str) -> Option<&str> {
    let s = line.trim_start_matches(['-', '*', ' ', '•']).replace("**", "");
    let (key, _) = s.split_once(['：', ':'])?;
    let key = key.trim();
    const NOT: &[&str] = &[
        "完成", "截止", "上线", "到期", "计划", "预计", "办结", "生效", "失效",
    ];
    let ok = key.ends_with("日期")
        && (3..=6).contains(&key.chars().count())
        && !NOT.iter().any(|w| key.contains(w));
    let at = line.find(['：', ':'])?;
    let colon = line.get(at..)?.chars().next()?.len_utf8();
    ok.then(|| line.get(at + colon..)).flatten().map(str::trim)
}

/// The last day of a span opened by a date (`日至11月11日`, `-4日`, `～3月4日`), if written.
fn span_end(rest: &str, first: Date, today: Date) -> Option<Date> {
    let rest = rest.trim_start_matches(['日', '号']).trim_start();
    let rest = ["至", "到", "~", "～", "—", "–", "-"]
        .iter()
        .find_map(|m| rest.strip_prefix(m))?
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest.get(digits.len()..).unwrap_or_default();
    let end = if after.starts_with(['日', '号']) {
        Date::new(first.year(), first.month(), digits.parse().ok()?).ok()
    } else {
        parse_date(rest, first)
    }?;
    (end > first && end <= today && (end - first).get_days() <= 14).then_some(end)
}

/// `2026年3月10日`, `2026-03-10`, `2026/3/10`, `2026.3.10`, or `3月10日` (the year of `today`).
fn parse_date(s: &str, today: Date) -> Option<Date> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(char::is_ascii_digit)
            && (i == 0 || !chars.get(i - 1).is_some_and(char::is_ascii_digit))
        {
            let mut nums: Vec<i64> = Vec::new();
            let mut j = i;
            loop {
                let start = j;
                while chars.get(j).is_some_and(char::is_ascii_digit) {
                    j += 1;
                }
                let n: String = chars.get(start..j)?.iter().collect();
                nums.push(n.parse().ok()?);
                let sep = chars.get(j).copied();
                if nums.len() < 3
                    && matches!(sep, Some('年' | '月' | '-' | '/' | '.'))
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let date = match nums.as_slice() {
                [y, m, d] if *y >= 2000 => Date::new(
                    i16::try_from(*y).ok()?,
                    i8::try_from(*m).ok()?,
                    i8::try_from(*d).ok()?,
                )
                .ok(),
                [m, d] if chars.get(j).is_some_and(|c| matches!(c, '日' | '号')) => {
                    Date::new(today.year(), i8::try_from(*m).ok()?, i8::try_from(*d).ok()?).ok()
                }
                _ => None,
            };
            if let Some(d) = date {
                // `11月9日至11月11日`, `3月2日-4日`: a meeting over several days ends on the last,
                // the day its relative words are said from (not later than the posting).
                let rest: String = chars.get(j..).unwrap_or_default().iter().collect();
                return Some(span_end(&rest, d, today).unwrap_or(d));
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}
