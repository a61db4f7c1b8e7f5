//! What the scanner's tests share: a group of members by name.

use crate::domain::ids::{OpenId, Person};

/// Members named `names`, each with an open id made from the name.
pub(crate) fn people(names: &[&str]) -> Vec<Person> {
    names
        .iter()
        .map(|n| Person {
            open_id: OpenId(format!("ou_{n}")),
            name: (*n).to_owned(),
        })
        .collect()
}
