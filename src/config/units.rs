//! `[org]` and `[[units]]`: the firm's regions (片区) and its units, validated into a
//! [`UnitRegistry`] when the configuration is loaded.

use serde::Deserialize;

use crate::domain::unit::{UnitDecl, UnitError, UnitRegistry};

/// `[org]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OrgConfig {
    /// The known 片区, e.g. `["华东片区", "华中片区"]`. Empty: the regions `[[units]]` name.
    /// When given, it is authoritative: a unit (declared or bound in a chat) may only use one
    /// of these.
    pub regions: Vec<String>,
}

/// Every problem of `[org]` and `[[units]]` at once (plain Chinese), so that an operator fixes
/// them in one pass. Displayed on one line; [`UnitProblems::problems`] lists them one by one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitProblems(Vec<String>);

impl UnitProblems {
    /// Each problem, as one sentence.
    pub fn problems(&self) -> &[String] {
        &self.0
    }
}

impl std::fmt::Display for UnitProblems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "配置中的单位（[[units]]）有 {} 处问题：", self.0.len())?;
        for (i, p) in self.0.iter().enumerate() {
            let sep = if i == 0 { "" } else { "；" };
            write!(f, "{sep}{}. {p}", i + 1)?;
        }
        Ok(())
    }
}

impl std::error::Error for UnitProblems {}

/// The registry of the configured units.
///
/// # Errors
/// [`UnitProblems`] naming every refused region and declaration.
pub(super) fn registry(org: &OrgConfig, decls: &[UnitDecl]) -> Result<UnitRegistry, UnitProblems> {
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for r in org.regions.iter().map(|r| r.trim()) {
        if r.is_empty() {
            problems.push("[org] regions 中有一个空的片区名称".to_owned());
        } else if seen.contains(&r) {
            problems.push(format!("[org] regions 中片区“{r}”写了两次"));
        } else {
            seen.push(r);
        }
    }
    match UnitRegistry::from_decls(&org.regions, decls) {
        Ok(reg) if problems.is_empty() => Ok(reg),
        Ok(_) => Err(UnitProblems(problems)),
        Err(errors) => {
            problems.extend(errors.iter().map(describe));
            Err(UnitProblems(problems))
        }
    }
}

/// A refused declaration as the configuration's reader needs it: the messages written for a
/// chat binding are reworded where they speak of "this group" or of a chat command.
fn describe(e: &UnitError) -> String {
    match e {
        UnitError::EmptyName => "有一个单位没有写 name（单位名称）".to_owned(),
        UnitError::ChatTaken { name, other } => {
            format!("单位“{name}”的 chat_id 与“{other}”相同，一个群只能对应一个单位")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn decl(name: &str, region: Option<&str>, chat: Option<&str>) -> UnitDecl {
        UnitDecl {
            name: name.to_owned(),
            kind: None,
            region: region.map(str::to_owned),
            chat_id: chat.map(str::to_owned),
            heads: vec!["ou_head".to_owned()],
        }
    }

    #[test]
    fn every_problem_is_named_in_one_line() {
        let org = OrgConfig {
            regions: vec!["华东片区".to_owned(), "华东片区".to_owned()],
        };
        let decls = [
            decl("杭州营业部", Some("华东片区"), Some("oc_a")),
            decl("宁波营业部", Some("华东片区"), Some("oc_a")),
            decl("长沙营业部", Some("华中片区"), Some("oc_c")),
            decl("武汉营业部", None, None),
            decl("杭州营业部", None, Some("oc_d")),
        ];
        let e = registry(&org, &decls).unwrap_err();
        let p = e.problems();
        assert_eq!(p.len(), 5, "{p:?}");
        assert!(p[0].contains("华东片区") && p[0].contains("两次"), "{p:?}");
        assert!(
            p[1].contains("宁波营业部") && p[1].contains("杭州营业部"),
            "{p:?}"
        );
        assert!(p[2].contains("华中片区") && p[2].contains("还没有登记"), "{p:?}");
        assert!(p[3].contains("武汉营业部") && p[3].contains("chat_id"), "{p:?}");
        assert!(p[4].contains("不止一次"), "{p:?}");
        let line = e.to_string();
        assert!(
            !line.contains('\n') && line.starts_with("配置中的单位（[[units]]）有 5 处问题：1. "),
            "{line}"
        );
    }

    #[test]
    fn without_a_region_list_the_regions_are_those_the_units_name() {
        let decls = [
            decl("杭州营业部", Some("华东片区"), Some("oc_a")),
            decl("长沙营业部", Some("华中片区"), Some("oc_c")),
        ];
        let reg = registry(&OrgConfig::default(), &decls).unwrap();
        assert_eq!(reg.regions(), ["华东片区", "华中片区"]);
        assert!(registry(&OrgConfig::default(), &[]).unwrap().is_empty());
    }
}
