//! `甲负责课件，乙负责场地和签到` (pure): two clauses of one sentence, each opening with a member
//! then `负责`/`牵头`/`主责` and work of its own, give two pieces of work to two people, dated or
//! not — the second is not a helper on the first's work (that is `乙配合`, read elsewhere).

use crate::domain::ids::Person;
use crate::minutes::scan::Ctx;

/// Verbs after a name that put that person in charge of the work after them.
const CHARGE: &[&str] = &["负责", "牵头", "主责", "主办", "承担"];

/// The work after `name` + a charge verb at the start of `clause`, if at least two characters.
fn charged_work<'s>(clause: &'s str, name: &str) -> Option<&'s str> {
    let rest = clause.trim_start().strip_prefix(name)?;
    let verb = CHARGE.iter().find(|v| rest.starts_with(**v))?;
    let work = rest[verb.len()..].trim_start_matches(['：', ':', ' ']);
    let work = work.split(['，', ',', '；', '。']).next().unwrap_or_default();
    (work.chars().count() >= 2).then_some(work)
}

/// Whether `head` opens with one member in charge of work and `rest` with `next` (another member)
/// in charge of work of their own.
pub(super) fn each_in_charge(head: &str, rest: &str, next: &Person, ctx: &Ctx<'_>) -> bool {
    let first = ctx
        .members
        .iter()
        .filter(|p| p.name.chars().count() >= 2 && head.trim_start().starts_with(p.name.as_str()))
        .max_by_key(|p| p.name.len());
    first.is_some_and(|f| {
        f != next
            && !head.contains(next.name.as_str())
            && charged_work(head, &f.name).is_some()
            && charged_work(rest, &next.name).is_some()
    })
}
