//! Names at the edges of a clause (pure): members written one after another at its start
//! (`陈晨、刘洋…`), a name before 将/会/要 (`吴用将…`), and the longest tail that is only names
//! (`合规部徐达` → `徐达`).

use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, DEPARTMENT_ENDS};

use super::strip_leads;

impl Ctx<'_> {
    /// Group members written one after another at the start of `s` (`陈晨、刘洋…`), with the length in bytes of the names and separators read.
    pub(super) fn members_prefix(&self, s: &str) -> Option<(Vec<OwnerRef>, usize)> {
        let mut rest = s;
        let mut found = Vec::new();
        while let Some(p) = self
            .members
            .iter()
            .filter(|p| p.name.chars().count() >= 2 && rest.starts_with(p.name.as_str()))
            .max_by_key(|p| p.name.len())
        {
            found.push(OwnerRef::Person(p.clone()));
            rest = rest.get(p.name.len()..).unwrap_or_default();
            // `冷锋 / 谭志楷`: spaces around the mark too.
            let spaced = rest.trim_start_matches(' ');
            match ["、", "和", "与", "跟", "及", " + ", " & ", " and ", "+", "&", "/"]
                .iter()
                .find_map(|c| {
                    rest.strip_prefix(c)
                        .or_else(|| {
                            ["/", "+", "&", "、"]
                                .contains(c)
                                .then(|| spaced.strip_prefix(c))
                                .flatten()
                        })
                        .map(str::trim_start)
                }) {
                Some(r)
                    if self
                        .members
                        .iter()
                        .any(|p| !p.name.is_empty() && r.starts_with(p.name.as_str())) =>
                {
                    rest = r;
                }
                _ => break,
            }
        }
        (!found.is_empty()).then(|| (found, s.len() - rest.len()))
    }

    /// `柴某负责的展厅改版` → the people whose charge the work is, and the length in bytes of
    /// the names and `负责的` (`牵头的`) read.
    pub(super) fn whose_charge(&self, s: &str) -> Option<(Vec<OwnerRef>, usize)> {
        let (who, verb) = ["负责的", "牵头的"]
            .iter()
            .find_map(|v| s.split_once(v).map(|(who, _)| (who, v)))?;
        let found = self
            .names_if_all(who)
            .filter(|_| (2..=12).contains(&who.chars().count()))?;
        Some((found, who.len() + verb.len()))
    }

    /// A name of two or three characters at the start of `s`, followed by 将/会/要/需/应/须.
    pub(super) fn name_before_aux(&self, s: &str) -> Option<Vec<OwnerRef>> {
        // `开户适当性培训：吴用在11月20日前组织…`: after the topic's colon too.
        let after_colon = s.rsplit_once(['：', ':']).map(|(_, r)| r.trim_start());
        std::iter::once(s).chain(after_colon).find_map(|s| {
            (2..=3).rev().find_map(|n| {
                let head: String = s.chars().take(n).collect();
                let rest = s.get(head.len()..)?;
                // `吴用在11月20日前…`: 在/于 then a time.
                let at_time = rest.strip_prefix(['在', '于']).is_some_and(|r| {
                    r.starts_with(|c: char| c.is_ascii_digit() || "本下今明月年".contains(c))
                });
                (head.chars().count() == n
                    && (at_time || rest.starts_with(['将', '会', '要', '需', '应', '须']))
                    && !["会议", "会同", "会上", "会后", "要求", "需求", "应急"]
                        .iter()
                        .any(|w| rest.starts_with(w)))
                .then(|| self.names_if_all(&head))
                .flatten()
            })
        })
    }

    /// The longest tail of `s` that is only names (`合规部徐达` → `徐达`).
    pub(super) fn tail_names(&self, s: &str) -> Option<(Vec<OwnerRef>, bool)> {
        let s = strip_leads(s);
        let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
        for (n, at) in starts.iter().enumerate() {
            let tail = s.get(*at..)?;
            if tail.chars().count() > 16 {
                continue;
            }
            // `上周监管…`: a time word, not the name `周监管`.
            if tail.starts_with('周')
                && s.get(..*at)
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(|c| "上下本这每".contains(c))
            {
                continue;
            }
            // `沙龙预算你先做`, `出一张接龙汇总表`: a surname closing a word (`沙龙`, `一张`) opens
            // no name.
            if s.get(..*at)
                .and_then(|b| b.chars().next_back())
                .zip(tail.chars().next())
                .is_some_and(|(b, c)| WORDS_ENDING_IN_A_SURNAME.contains(&format!("{b}{c}").as_str()))
            {
                continue;
            }
            // `题目雷鸣、唐若曦`: not `目雷鸣`, a member's name with the word before's last character.
            let first = tail.split(['、', '和', '与', '及']).next().unwrap_or(tail);
            if self.members.iter().any(|p| {
                first.chars().count() == p.name.chars().count() + 1 && first.ends_with(p.name.as_str())
            }) {
                continue;
            }
            if let Some(found) = self.names_if_all(tail) {
                if n > 0
                    && let Some(mut before) = self.names_before_unit(s.get(..*at)?)
                {
                    super::words::extend(&mut before, found);
                    return Some((before, false));
                }
                return Some((found, n == 0));
            }
        }
        None
    }

    /// `甄妮与共享中心` (before `金子豪`): names, a joining word, then the unit the next name
    /// works in (`共享中心`, `人力资源部的`) — the names before the unit, who share the work.
    fn names_before_unit(&self, s: &str) -> Option<Vec<OwnerRef>> {
        let s = s.strip_suffix('的').unwrap_or(s);
        let (at, joint) = ['与', '和', '、', '及']
            .iter()
            .filter_map(|j| s.rfind(*j).map(|i| (i, j.len_utf8())))
            .max()?;
        let unit = s.get(at + joint..)?;
        let names = s.get(..at)?;
        ((2..=10).contains(&unit.chars().count())
            && unit.ends_with(DEPARTMENT_ENDS)
            && unit.chars().all(crate::minutes::scan::is_cjk))
        .then(|| self.tail_names(names))
        .flatten()
        .filter(|(_, whole)| *whole)
        .map(|(found, _)| found)
    }
}

/// Two-character words whose second character is a surname (`资金`, `沙龙`, `一张`): a name is
/// not read from inside them.
const WORDS_ENDING_IN_A_SURNAME: &[&str] = &[
    "资金", "基金", "现金", "黄金", "租金", "奖金", "佣金", "押金", "薪金", "沙龙", "接龙", "一张", "两张",
    "每张", "主张", "扩张", "紧张", "开张", "夸张", "纸张",
];
