//! Owners written in parentheses (pure): `营业部半年度考核方案（恒山）`, `（质控部 卢俊义、吴用）`.

use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, DEPARTMENT_ENDS};

/// Words in parentheses that are not names.
const NOT_PAREN_NAMES: &[&str] = &[
    "草案",
    "试行",
    "修订",
    "暂定",
    "初稿",
    "外部",
    "内部",
    "紧急",
    "重要",
    "含税",
    "必选",
    "可选",
    "线上",
    "线下",
    "待定",
    // `【纪要】7/30 柜台组`, `（仅通报）`: what the text is, not who does it.
    "纪要",
    "通知",
    "通报",
    "仅通报",
    "备注",
    "说明",
    "附件",
    "晨会",
    "早会",
    "例会",
    "周会",
    "简报",
    "快报",
    // `XQ-412 KYC年审提醒（通过）`: a review's verdict.
    "通过",
    "同意",
    "暂缓",
    "驳回",
    "否决",
];

impl Ctx<'_> {
    /// Names written in parentheses, surname or not (`（恒山）`): two or three Chinese characters each.
    pub(super) fn loose_names(&self, s: &str) -> Option<Vec<OwnerRef>> {
        let parts: Vec<&str> = s
            .split(['、', '，', ',', '/', ' '])
            .filter(|p| !p.is_empty())
            .enumerate()
            // `（解某，阮某协助）`, `（包某，向某配合）`: after the lead, a helper with their verb.
            .map(|(i, p)| {
                if i > 0 {
                    super::paren_help::bare_helper(p)
                } else {
                    p
                }
            })
            .collect();
        let ok = |p: &str| {
            (2..=3).contains(&p.chars().count())
                && !p.ends_with(['稿', '版', '案', '表', '单', '书', '期', '制'])
                && p.chars().all(crate::minutes::scan::is_cjk)
                && !NOT_PAREN_NAMES.contains(&p)
                // `（按计划）`, `（待定）`, `（已完成）`: a status, not a person.
                && !p.starts_with(['按', '转', '待', '照', '据', '已', '未'])
                && !crate::minutes::scan::is_place_or_units(p)
                && self.is_name_shape(p)
                // `（二季度）`, `（中英文）`, `（近三年）`: no surname, no person.
                && crate::minutes::scan::surnames::has_known_surname(p)
        };
        // `（质控部 卢俊义、吴用）`: the department goes, the people stay.
        let people: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| !p.ends_with(DEPARTMENT_ENDS))
            .collect();
        let parts = if people.is_empty() || people.len() == parts.len() {
            parts
        } else {
            people
        };
        (!parts.is_empty() && parts.len() <= 4 && parts.iter().all(|p| ok(p)))
            .then(|| parts.iter().map(|p| self.resolve(p)).collect())
    }
}

impl Ctx<'_> {
    /// `（消防、机房、金库）`, `（杭州、成都）`: a list in which nobody is a member and not every
    /// word is shaped like a name enumerates things, not people.
    pub(super) fn is_enumeration(&self, group: &str) -> bool {
        let parts: Vec<&str> = group
            .split(['、', '，', ',', '/'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        parts.len() > 1
            && !parts.iter().all(|p| self.is_name(p))
            && !parts.iter().any(|p| {
                self.members.iter().any(|m| m.name == *p) || self.mentions.iter().any(|m| m.key == *p)
            })
    }
}

/// The contents of `（…）`, `【…】` and `[…]` groups; in each, the parts that are a date or a
/// placeholder (`（韩雪，5月14日前）`, `（陆川，待定）`) are left out.
pub(super) fn paren_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [
        (&['（', '('][..], &['）', ')'][..]),
        (&['【'][..], &['】'][..]),
        (&['['][..], &[']'][..]),
    ] {
        for s in text.split(open).skip(1) {
            let Some((inner, _)) = s.split_once(close) else {
                continue;
            };
            let kept: Vec<&str> = inner
                .split(['，', ',', '；', ';'])
                .map(str::trim)
                .filter(|p| !p.is_empty() && !is_date_or_placeholder(p))
                .collect();
            if !kept.is_empty() {
                out.push(kept.join("，"));
            }
        }
    }
    out
}

/// `5月14日前`, `周五`, `待定`, `TBD`: a part of an owner's parentheses that is not a name.
fn is_date_or_placeholder(p: &str) -> bool {
    ["待定", "TBD", "tbd", "尽快", "ASAP"].contains(&p)
        || p.chars().any(|c| c.is_ascii_digit())
        || p.ends_with(['前', '内', '底'])
        || p.starts_with(['周', '下', '本', '明', '今'])
        // `【庄某，节后第一个工作日】`: a date counted in working days or from a holiday.
        || ["工作日", "交易日", "节后", "节前"].iter().any(|w| p.contains(w))
}
