//! Lines that give work to items listed earlier by their number (pure): `第1项由骆志明牵头，
//! 下下周一前交调研报告`, `第二、三项：由邬刚负责…`, `第4项表中漏填责任人，由严洁负责`, `第5项已完成`.
//! The numbers are those of the last numbered list (`1.`, `一、`, `（1）`) or table row read.

use super::sentence::has_task_text;
use super::trace::Tracer;
use crate::minutes::explain::Verdict;
use crate::minutes::item::{ActionItem, clean_title};
use crate::minutes::scan::{Ctx, Scan};

/// Chinese numerals one to ten.
const NUMERALS: &str = "一二三四五六七八九十";

/// What a referring line says of the items it names, beyond who and by when.
const CLOSED: &[&str] = &[
    "已完成",
    "已关闭",
    "关闭",
    "取消",
    "不作安排",
    "不再",
    "无需",
    "暂缓",
];

/// The listed things by number: their text and the item each became, if any.
#[derive(Default)]
pub(super) struct Listed {
    entries: Vec<Entry>,
    /// The last line noted, and how many items there were before it.
    pending: Option<(Entry, usize)>,
}

/// A numbered line or row: its number, whether in Arabic figures (`1.`, a table row) or Chinese
/// (`一、`, `（一）`), its text and the item it became, if any.
struct Entry {
    n: u32,
    arabic: bool,
    text: String,
    item: Option<usize>,
}

impl Listed {
    /// Settles the line noted last, now that `items` items exist: it became the item at its
    /// index when it added one.
    pub(super) fn settle(&mut self, items: usize) {
        if let Some((mut e, before)) = self.pending.take() {
            self.entries.retain(|o| o.n != e.n || o.arabic != e.arabic);
            e.item = (items > before).then_some(before);
            self.entries.push(e);
        }
    }

    /// Notes a numbered line or table row (`n`, Arabic or not, its text) read when there were
    /// `items` items.
    pub(super) fn note(&mut self, (n, arabic): (u32, bool), text: &str, items: usize) {
        self.settle(items);
        let text = text.to_owned();
        self.pending = Some((
            Entry {
                n,
                arabic,
                text,
                item: None,
            },
            items,
        ));
    }

    /// Entry `n`, in the same figures as the reference (`第2项` → `2.`) if there is one.
    fn get(&self, n: u32, arabic: bool) -> Option<&Entry> {
        let same = self.entries.iter().find(|e| e.n == n && e.arabic == arabic);
        same.or_else(|| self.entries.iter().find(|e| e.n == n))
    }
}

fn numeral(s: &str) -> Option<u32> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok().filter(|n| (1..=99).contains(n));
    }
    let mut chars = s.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    NUMERALS
        .chars()
        .position(|d| d == c)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The number of a numbered line (`3. …`, `3、…`, `3．…`, `三、…`, `（3）…`), if any, and whether
/// it is in Arabic figures.
pub(super) fn list_number(line: &str) -> Option<(u32, bool)> {
    let line = line.trim_start();
    let inner = line
        .strip_prefix(['(', '（'])
        .and_then(|r| r.split_once([')', '）']))
        .map(|(n, _)| n);
    let lead: String = line
        .chars()
        .take_while(|c| c.is_ascii_digit() || NUMERALS.contains(*c))
        .collect();
    let after = line.get(lead.len()..).unwrap_or_default();
    let marked = after.starts_with(['.', '、', '．', ')', '）']);
    let n = inner.or_else(|| marked.then_some(lead.as_str()))?;
    numeral(n).map(|k| (k, n.starts_with(|c: char| c.is_ascii_digit())))
}

/// `第1项…`, `第2、3项：…`, `第二、三项…`: the numbers named (in Arabic figures or not) and the
/// rest of the line.
pub(super) fn referred(body: &str) -> Option<(Vec<u32>, bool, &str)> {
    let r = body.trim_start().strip_prefix('第')?;
    let (nums, rest) = r.split_once('项')?;
    let numbers: Option<Vec<u32>> = nums
        .split(['、', ',', '，', '和'])
        .map(|n| numeral(n.trim()))
        .collect();
    let numbers = numbers.filter(|v| !v.is_empty())?;
    let arabic = nums.starts_with(|c: char| c.is_ascii_digit());
    Some((
        numbers,
        arabic,
        rest.trim_start_matches(['：', ':', '，', ',', ' ']),
    ))
}

/// The references in one line: `分工：第一项由…；第二项由…；第三项由…` gives each `第N项` part,
/// `补充：周航下周外出，第1项改由罗婷负责…` the part from the reference on; any other line is
/// itself.
pub(super) fn segments(body: &str) -> Vec<&str> {
    let parts: Vec<&str> = body
        .split(['；', ';', '。'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // `分工：第一项…`: a short label before the first reference.
    let unlabelled = |p: &str| -> Option<usize> {
        let cut = p.find(['：', ':'])?;
        let label = p.get(..cut)?;
        let after = p.get(cut..)?.trim_start_matches(['：', ':']).trim_start();
        (label.chars().count() <= 6 && referred(after).is_some()).then(|| p.len() - after.len())
    };
    let refers = |p: &str| referred(p).is_some() || unlabelled(p).is_some();
    if parts.len() > 1 && parts.iter().all(|p| refers(p)) {
        return parts
            .into_iter()
            .map(|p| unlabelled(p).and_then(|at| p.get(at..)).unwrap_or(p))
            .collect();
    }
    if let Some(at) = unlabelled(body) {
        return vec![body.get(at..).unwrap_or(body)];
    }
    // `…，第1项改由罗婷负责`: a reference that gives the work anew, after a clause of context.
    let mid = body.match_indices("，第").find_map(|(i, _)| {
        let rest = body.get(i + "，".len()..)?;
        let (_, _, after) = referred(rest)?;
        after.contains('由').then_some(rest)
    });
    mid.map_or_else(|| vec![body], |r| vec![r])
}

/// What a referring line does to the items it names.
pub(super) enum Refer {
    /// Gives them owners or a deadline: items updated (by index) or new ones to add.
    Assign {
        update: Vec<usize>,
        add: Vec<ActionItem>,
    },
    /// Says they are done or dropped: the items (by index) to remove.
    Close(Vec<usize>),
}

/// What `rest` (the line after `第N项`, read as `found`, its task text `task` when it has one)
/// does to items `numbers` of `listed` (`scan` reads a listed line as an item); `None` when a
/// number names nothing listed, or the line gives neither owner, deadline nor closing.
pub(super) fn apply(
    listed: &Listed,
    (numbers, arabic): (&[u32], bool),
    rest: &str,
    (found, task): (&ActionItem, Option<&str>),
    scan: impl Fn(&str) -> ActionItem,
    items: &mut [ActionItem],
) -> Option<Refer> {
    let entries: Option<Vec<&Entry>> = numbers.iter().map(|n| listed.get(*n, arabic)).collect();
    let entries = entries?;
    if CLOSED.iter().any(|w| rest.contains(w)) && found.owners.is_empty() {
        return Some(Refer::Close(entries.iter().filter_map(|e| e.item).collect()));
    }
    if found.owners.is_empty() && found.deadline.is_none() {
        return None;
    }
    // `第6项安排在周六，需要提前报备，某乙负责报备` under a row of 某甲's: new work of another
    // member's about the item, not the item given anew (that says `由`/`改由`).
    let owned_by = |e: &&Entry| {
        e.item
            .and_then(|i| items.get(i))
            .is_some_and(|it| !it.owners.is_empty() && it.owners != found.owners)
    };
    if let Some(t) = task
        && !found.owners.is_empty()
        && !rest.contains('由')
        && found
            .owners
            .iter()
            .all(|o| rest.contains(o.name()) && !rest.contains(&format!("{}说", o.name())))
        && !["改到", "改至", "顺延", "延到", "延至", "推迟"]
            .iter()
            .any(|w| rest.contains(w))
        && entries.iter().all(owned_by)
    {
        let add = vec![ActionItem {
            text: clean_title(t, found.deadline_text.as_deref()),
            ..found.clone()
        }];
        return Some(Refer::Assign {
            update: Vec::new(),
            add,
        });
    }
    let mut update = Vec::new();
    let mut add = Vec::new();
    for e in entries {
        match e.item.and_then(|i| items.get_mut(i).map(|it| (i, it))) {
            // The item keeps its own deadline (`第3项由贺强牵头，…演练安排在当天下午`).
            Some((i, item)) => {
                if !found.owners.is_empty() {
                    item.owners.clone_from(&found.owners);
                }
                if item.deadline.is_none() && found.deadline.is_some() {
                    item.deadline = found.deadline;
                    item.deadline_text.clone_from(&found.deadline_text);
                }
                update.push(i);
            }
            // `二、审议通过《…办法》` then `第二项：由财富管理部转发…并组织宣导`: both say the task.
            None => {
                let own = scan(&e.text);
                let text = own.text.trim_end_matches(['。', '；', ';']);
                let text = match task.filter(|t| !text.contains(t)) {
                    Some(t) => format!("{text}：{t}"),
                    None => text.to_owned(),
                };
                add.push(ActionItem {
                    text: clean_title(&text, None),
                    deadline: found.deadline.or(own.deadline),
                    deadline_text: found.deadline_text.clone().or(own.deadline_text),
                    ..found.clone()
                });
            }
        }
    }
    Some(Refer::Assign { update, add })
}

/// Applies a line of line `n` that gives work to items listed above by number (`第2、3项由刘思远
/// 负责，11月20日前完成`; `分工：第一项由…；第二项由…`: each part): owners and deadlines set,
/// items added, or items closed (`to_item` reads a scanned line as an item). Whether the line was
/// such a line.
pub(super) fn assign_referred(
    body: &str,
    n: usize,
    ctx: &Ctx<'_>,
    numbered: &Listed,
    (items, closed): (&mut Vec<ActionItem>, &mut Vec<usize>),
    tr: &mut Tracer<'_>,
    to_item: fn(Scan) -> ActionItem,
) -> bool {
    let mut referred_any = false;
    for part in segments(body) {
        let Some((numbers, arabic, rest)) = referred(part) else {
            continue;
        };
        let sc = ctx.scan(rest);
        // `第一项由聂文负责`: a lead verb alone says no task.
        let task = has_task_text(&sc.text)
            .then(|| to_item(sc.clone()).text)
            .filter(|t| !["负责", "牵头", "主责", "主办"].contains(&t.as_str()));
        // `第013项分月明细补录` under a record that is no item: the new item keeps the number its
        // work is known by (`013. …：第013项分月明细补录`).
        let said = part
            .trim_start()
            .strip_suffix(rest)
            .map(|r| r.trim_end_matches(['：', ':', ' ']));
        let task = task.map(|t| said.map_or_else(|| t.clone(), |r| format!("{r}{t}")));
        let found = to_item(sc);
        let scan = |t: &str| to_item(ctx.scan(t));
        let what = (&found, task.as_deref());
        match apply(numbered, (&numbers, arabic), rest, what, scan, items) {
            Some(Refer::Close(ids)) => {
                closed.extend(ids);
                tr.note(n, part, Verdict::Detail, Vec::new(), None);
                referred_any = true;
            }
            Some(Refer::Assign { update, add }) => {
                for i in update {
                    tr.note(n, part, Verdict::Detail, Vec::new(), items.get(i));
                }
                for item in add {
                    tr.note(n, part, Verdict::Item, Vec::new(), Some(&item));
                    items.push(item);
                }
                referred_any = true;
            }
            None => {}
        }
    }
    referred_any
}
