//! A lead-in (pure): `请认领后在自己那一行写上时间：`, `请各位按以下分工推进：` — a line that ends
//! with its colon, names no one and sets no date, introduces the list after it; the work is in
//! that list, not in the line that points to it.

use crate::minutes::scan::{OwnerHow, Scan};

/// Whether `raw` ends with a colon after some words, with no owner and no deadline read in it.
pub(super) fn is_lead_in(raw: &str, scan: &Scan) -> bool {
    let s = raw.trim();
    let Some(body) = s.strip_suffix(['：', ':']) else {
        return false;
    };
    body.chars().filter(|c| c.is_alphanumeric()).count() >= 6
        && !body.contains(['：', ':'])
        && scan.how == OwnerHow::None
        && scan.owners.is_empty()
        && scan.deadline.is_none()
        && scan.deadline_text.is_none()
}
