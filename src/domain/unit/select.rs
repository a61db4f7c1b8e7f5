//! 下达 targets: which units a line such as `对象：全部营业部`, `华东片区`, `营业部,总部部门`
//! or `@杭州营业部 @长沙营业部` names.
//!
//! The words are separated by spaces, commas (`,` `，`), `、` or semicolons. Each word is, in
//! this order:
//! - `全部` / `所有` / `全体` / `全部单位`: every unit;
//! - a kind, optionally after `全部`, `所有` or `各` (`营业部`, `全部营业部`, `各分公司`);
//! - a region, optionally followed by a kind (`华东片区`, `华东`, `华东片区营业部`);
//! - a unit, by [`UnitRegistry::find`] (`@杭州营业部`, `杭州`).
//!
//! The result is the union, in registry order, each unit once. Every word that matched
//! nothing, was ambiguous or selected no unit is named in one error, so one correction fixes
//! the line.

use std::fmt;

use super::kind::UnitKind;
use super::registry::UnitRegistry;
use super::types::{Unit, UnitError};

/// Why a 下达 target was refused: every offending word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SelectError {
    /// Words that named no unit, region or kind.
    pub unknown: Vec<String>,
    /// Words that could be several units: (word, candidates).
    pub ambiguous: Vec<(String, Vec<String>)>,
    /// Kinds or regions with no unit in them.
    pub empty: Vec<String>,
    /// Known regions and kinds (for the hint).
    pub hint: Vec<String>,
}

impl std::error::Error for SelectError {}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if self.unknown.is_empty() && self.ambiguous.is_empty() && self.empty.is_empty() {
            parts.push(
                "请写明下达对象，例如：对象：全部营业部、华东片区，或 @杭州营业部 @长沙营业部".to_owned(),
            );
        }
        if !self.unknown.is_empty() {
            parts.push(format!("找不到这些单位或片区：{}", self.unknown.join("、")));
        }
        for (word, candidates) in &self.ambiguous {
            parts.push(format!("“{word}”可能是{}，请写出完整名称", candidates.join("、")));
        }
        if !self.empty.is_empty() {
            parts.push(format!("{}下还没有登记任何单位", self.empty.join("、")));
        }
        f.write_str(&parts.join("；"))?;
        let named = !self.unknown.is_empty() || !self.empty.is_empty();
        if named && !self.hint.is_empty() {
            write!(f, "（可以写：全部、{}，或具体单位名称）", self.hint.join("、"))?;
        }
        Ok(())
    }
}

/// Splits a target line into words.
pub fn words(spec: &str) -> impl Iterator<Item = &str> {
    spec.split(|c: char| c.is_whitespace() || [',', '，', '、', ';', '；'].contains(&c))
        .map(|w| w.trim_start_matches(['@', '＠']))
        .filter(|w| !w.is_empty())
}

/// What one word selects.
enum Pick<'a> {
    Units(Vec<&'a Unit>),
    Empty,
    Unknown,
    Ambiguous(Vec<String>),
}

fn kind_in_use(reg: &UnitRegistry, word: &str) -> Option<UnitKind> {
    if word.is_empty() {
        return None;
    }
    UnitKind::known(word).or_else(|| reg.kinds().into_iter().find(|k| k.label() == word).cloned())
}

fn pick<'a>(reg: &'a UnitRegistry, word: &str) -> Pick<'a> {
    let nonempty = |v: Vec<&'a Unit>| if v.is_empty() { Pick::Empty } else { Pick::Units(v) };
    if ["全部", "所有", "全体", "全部单位", "所有单位", "全体单位"].contains(&word) {
        return nonempty(reg.all().iter().collect());
    }
    let (quantified, rest) = ["全部", "所有", "各"]
        .iter()
        .find_map(|p| word.strip_prefix(p).map(|r| (true, r)))
        .unwrap_or((false, word));
    if let Some(k) = kind_in_use(reg, rest) {
        return nonempty(reg.of_kind(&k));
    }
    if let Some(r) = reg.region(rest) {
        return nonempty(reg.in_region(r));
    }
    // A region then a kind: 华东片区营业部, 华东营业部.
    for r in reg.regions() {
        let short = r.strip_suffix("片区").unwrap_or(r);
        for head in [r.as_str(), short] {
            if let Some(k) = rest.strip_prefix(head).and_then(|k| kind_in_use(reg, k)) {
                return nonempty(reg.in_region(r).into_iter().filter(|u| u.kind == k).collect());
            }
        }
    }
    if quantified && reg.by_name(word).is_none() {
        return Pick::Unknown;
    }
    match reg.find(word) {
        Ok(u) => Pick::Units(vec![u]),
        Err(UnitError::Ambiguous { candidates, .. }) => Pick::Ambiguous(candidates),
        Err(_) => Pick::Unknown,
    }
}

/// The units `spec` names, in registry order, each once.
///
/// # Errors
/// [`SelectError`] naming every word that failed, or an empty one for an empty line.
pub fn select_units<'a>(reg: &'a UnitRegistry, spec: &str) -> Result<Vec<&'a Unit>, SelectError> {
    let mut chosen: Vec<&str> = Vec::new();
    let mut err = SelectError::default();
    let mut any = false;
    for w in words(spec) {
        any = true;
        match pick(reg, w) {
            Pick::Units(us) => chosen.extend(us.iter().map(|u| u.name.as_str())),
            Pick::Empty => err.empty.push(w.to_owned()),
            Pick::Unknown => err.unknown.push(w.to_owned()),
            Pick::Ambiguous(c) => err.ambiguous.push((w.to_owned(), c)),
        }
    }
    if any && err == SelectError::default() {
        return Ok(reg
            .all()
            .iter()
            .filter(|u| chosen.contains(&u.name.as_str()))
            .collect());
    }
    err.hint = reg
        .regions()
        .iter()
        .cloned()
        .chain(reg.kinds().iter().map(|k| format!("全部{k}")))
        .collect();
    Err(err)
}
