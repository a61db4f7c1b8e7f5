//! Bold names inside a line (pure): `社区布置 —— **某某**，3月14日完成` is read as if plain, so
//! the owner patterns (a name after a dash, `X、Y`) see the name and not the `**` around it.

/// `body` without the `**` around short spans inside it (a name, a word stressed), when the line
/// does not open with bold (a `**标签**：` label or a bold heading is read elsewhere) and every
/// `**` pairs up. `None` when there is nothing to strip.
pub(super) fn unbold_inner(body: &str) -> Option<String> {
    if body.starts_with("**") || !body.contains("**") {
        return None;
    }
    let parts: Vec<&str> = body.split("**").collect();
    // An odd count of `**` leaves the last part open: not a pair.
    if parts.len().is_multiple_of(2) {
        return None;
    }
    let short = parts.iter().skip(1).step_by(2).all(|inner| {
        let n = inner.chars().count();
        (1..=12).contains(&n) && !inner.contains(['。', '；', ';', '\n']) && inner.trim() == *inner
    });
    short.then(|| parts.concat())
}
