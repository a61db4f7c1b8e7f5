//! The arrow that points at who does the work (pure): `许诺本月跟班结束 → 程晓东给出带教评价` —
//! the name before the arrow is what the line is about, the one after it does the work.

use crate::minutes::owner::OwnerRef;

/// `lead` and `help` without the people named only before an arrow in `text`, when the arrow is
/// followed by one of them (else as they were).
pub(crate) fn after_arrow(text: &str, lead: &mut Vec<OwnerRef>, help: &mut Vec<OwnerRef>) {
    let Some((_, after)) = text.split_once('→') else {
        return;
    };
    let after = after.trim_start().trim_start_matches('@');
    let pointed = lead
        .iter()
        .chain(help.iter())
        .any(|o| after.starts_with(o.name()));
    if !pointed {
        return;
    }
    lead.retain(|o| after.contains(o.name()));
    help.retain(|o| after.contains(o.name()));
    if lead.is_empty() {
        *lead = std::mem::take(help);
    }
}

#[cfg(test)]
mod tests {
    use super::after_arrow;
    use crate::minutes::owner::OwnerRef;

    fn who(n: &str) -> OwnerRef {
        OwnerRef::Unresolved(n.to_owned())
    }

    #[test]
    fn the_one_after_the_arrow_does_the_work() {
        let (mut lead, mut help) = (vec![who("许诺"), who("程晓东")], Vec::new());
        after_arrow(
            "许诺本月跟班结束 → 程晓东给出带教评价，4月底",
            &mut lead,
            &mut help,
        );
        assert_eq!(lead, [who("程晓东")]);
        // No one named right after the arrow: the owners stay.
        let (mut lead, mut help) = (vec![who("许诺")], vec![who("程晓东")]);
        after_arrow("许诺跟班 → 周五前给出评价，程晓东配合", &mut lead, &mut help);
        assert_eq!((lead.len(), help.len()), (1, 1));
    }
}
