//! The unit record, its configuration form and why a unit is refused.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::kind::UnitKind;
use crate::domain::ids::{ChatId, OpenId, Person};
/// Longest unit name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 30;

/// One organisational unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// The unit's name, e.g. 杭州营业部 (unique).
    pub name: String,
    /// 营业部, 分公司, 总部部门, …
    pub kind: UnitKind,
    /// 片区, e.g. 华东片区.
    #[serde(default)]
    pub region: Option<String>,
    /// The unit's group chat (one unit per group).
    pub chat_id: ChatId,
    /// 负责人: the first is 主办 of the unit's 下达 items, the others 协办.
    #[serde(default)]
    pub heads: Vec<OpenId>,
    /// Where the unit was declared.
    pub origin: Origin,
}

/// Where a unit was declared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Origin {
    /// `[[units]]` in the configuration (changed only there).
    Config,
    /// `/督办 绑定单位` in the unit's group.
    Chat {
        /// The admin who bound it.
        by: Person,
        /// When.
        at: Timestamp,
    },
}

/// `[[units]]` in the configuration, as written. `kind` may be left out when the name ends
/// with it (杭州营业部); `chat_id` is optional here only so that a missing one gets a clear
/// message instead of a parser error.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDecl {
    /// The unit's name.
    pub name: String,
    /// 营业部 / 分公司 / 总部部门 / any other label.
    #[serde(default)]
    pub kind: Option<String>,
    /// 片区.
    #[serde(default)]
    pub region: Option<String>,
    /// The unit's group (`oc_…`).
    #[serde(default)]
    pub chat_id: Option<String>,
    /// Heads' open_ids (`ou_…`).
    #[serde(default)]
    pub heads: Vec<String>,
}

/// Why a unit declaration, binding or lookup was refused (plain Chinese).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnitError {
    /// No name.
    #[error("请写明单位名称，例如：/督办 绑定单位 杭州营业部 营业部 华东片区 @负责人")]
    EmptyName,
    /// A name that selections could not tell apart from something else.
    #[error("单位名称“{name}”不能使用：{why}")]
    BadName {
        /// The name.
        name: String,
        /// Why.
        why: String,
    },
    /// Two declarations with one name.
    #[error("单位“{name}”登记了不止一次，每个单位只能登记一次")]
    DuplicateName {
        /// The name.
        name: String,
    },
    /// No group.
    #[error("单位“{name}”没有对应的群：请在配置中写明 chat_id（oc_ 开头），或在该单位的群里绑定")]
    NoChat {
        /// The unit.
        name: String,
    },
    /// Not a chat id.
    #[error("单位“{name}”的群 ID“{chat}”不对，群 ID 以 oc_ 开头")]
    BadChat {
        /// The unit.
        name: String,
        /// What was given.
        chat: String,
    },
    /// The group already belongs to another unit.
    #[error("这个群已经绑定为“{other}”，一个群只能对应一个单位")]
    ChatTaken {
        /// The unit asked for.
        name: String,
        /// The unit the group belongs to.
        other: String,
    },
    /// The name is bound to another group.
    #[error("单位“{name}”已经绑定在另一个群，请先在那里解绑（/督办 单位 解绑 {name}）")]
    NameTaken {
        /// The unit.
        name: String,
    },
    /// A region nobody declared.
    #[error("单位“{name}”的片区“{region}”还没有登记{}", known_list("已登记的片区", .known))]
    UnknownRegion {
        /// The unit.
        name: String,
        /// The region given.
        region: String,
        /// The known regions.
        known: Vec<String>,
    },
    /// No kind given and none implied by the name.
    #[error("请写明单位“{name}”的类别，例如：营业部、分公司或总部部门")]
    NoKind {
        /// The unit.
        name: String,
    },
    /// A head that is not an open_id.
    #[error("单位“{name}”的负责人“{head}”不是有效的用户 ID（ou_ 开头）")]
    BadHead {
        /// The unit.
        name: String,
        /// What was given.
        head: String,
    },
    /// A configured unit cannot be changed from a chat.
    #[error("单位“{name}”是在配置文件中登记的，请修改配置文件，不能在群里绑定或解绑")]
    FromConfig {
        /// The unit.
        name: String,
    },
    /// No unit by that name.
    #[error("找不到单位“{query}”{}", known_list("相近的单位", .near))]
    Unknown {
        /// What was asked for.
        query: String,
        /// Units whose names contain it.
        near: Vec<String>,
    },
    /// Several units start with that name.
    #[error("“{query}”可能是{}，请写出完整的单位名称", .candidates.join("、"))]
    Ambiguous {
        /// What was asked for.
        query: String,
        /// The units it could be.
        candidates: Vec<String>,
    },
}

/// `"：甲、乙"` after `label`, or `""` when `names` is empty.
fn known_list(label: &str, names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("（{label}：{}）", names.join("、"))
    }
}

/// Characters a unit name may not hold (they separate 下达 targets).
const SEPARATORS: [char; 8] = [',', '，', '、', ';', '；', '@', '＠', '/'];

/// Checks a unit name against the kinds and regions it must not be confused with.
pub(super) fn check_name(name: &str, regions: &[String]) -> Result<(), UnitError> {
    let bad = |why: &str| {
        Err(UnitError::BadName {
            name: name.to_owned(),
            why: why.to_owned(),
        })
    };
    if name.is_empty() {
        return Err(UnitError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return bad(&format!("名称最多{MAX_NAME_CHARS}个字"));
    }
    if name.chars().any(|c| c.is_whitespace() || SEPARATORS.contains(&c)) {
        return bad("名称里不能有空格、逗号、顿号、分号、@ 或 /");
    }
    if UnitKind::known(name).is_some() {
        return bad("这是单位类别的名称");
    }
    if ["全部", "所有", "全体"].iter().any(|p| name.starts_with(p)) {
        return bad("以“全部、所有、全体”开头的名称会和下达对象混淆");
    }
    if regions.iter().any(|r| r == name) {
        return bad("这是片区的名称");
    }
    Ok(())
}
