//! A blank owner cell in a table (pure): a merged cell pasted as text leaves the rows it spans
//! blank below the first, so a blank owner cell between two rows takes the owner above it.

/// Whether the table names a unit beside its person column (`| 责任部门 | 责任人 |`): then a
/// blank person cell leaves the unit alone in charge, no one person.
pub(super) fn unit_column(cs: &[String], owner: Option<usize>) -> bool {
    cs.iter()
        .enumerate()
        .any(|(i, c)| Some(i) != owner && ["部门", "单位", "团队", "条线"].iter().any(|w| c.contains(w)))
}

/// Whether a blank owner cell is merged with the one above it: in the first column always
/// (`|  | 庞雨桐 | 跟岗… |`); further right when more rows follow it (a merged cell spans rows
/// inside the table; a blank last row is work not yet given to anyone) and the table has no
/// unit column (else the unit is in charge).
pub(super) fn merged_with_above(owner: Option<usize>, units: bool, more: bool) -> bool {
    owner == Some(0) || (more && !units)
}
