//! Speakers written as letters (pure): `参会人：A=钟伟民（…），B=韩朝阳（…）` then `A: 同意。B，…你们来出`
//! and `那C你跟B对一下`. Each letter of such a roster is that member wherever it stands alone as a
//! speaker label or as a person addressed, so the usual turn and owner rules read the names.

use crate::domain::ids::Person;

/// What may follow a letter that names a person in what is said (`B，`, `C你`, `跟B对一下`).
const AFTER: &[char] = &[
    '，', ',', '、', '你', '跟', '和', '与', '来', '把', '对', '负', '牵', '先', '再', '去', '也', '这',
    '那', '：', ':',
];

/// The roster's pairs on `line`: (`A`, `钟伟民`) for each `A=钟伟民` whose name is a member.
fn roster(line: &str, members: &[Person]) -> Vec<(char, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let c = chars[i];
        if !c.is_ascii_uppercase() || (i > 0 && chars[i - 1].is_ascii_alphanumeric()) {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if j >= chars.len() || !matches!(chars[j], '=' | '＝') {
            continue;
        }
        let rest: String = chars[j + 1..].iter().collect();
        let rest = rest.trim_start();
        if let Some(p) = members
            .iter()
            .filter(|p| !p.name.is_empty() && rest.starts_with(p.name.as_str()))
            .max_by_key(|p| p.name.len())
        {
            out.push((c, p.name.clone()));
        }
    }
    out
}

/// `lines` with each roster letter written as its member's name: at a turn's start (`B: …` →
/// `韩朝阳: …`) and where it stands alone before a comma or a verb of address (`B，…` →
/// `韩朝阳，…`). Only when one line pairs at least two letters with members.
pub(super) fn expand_letter_speakers(lines: &mut [String], members: &[Person]) {
    let Some((at, pairs)) = lines.iter().enumerate().find_map(|(i, l)| {
        let pairs = roster(l, members);
        (pairs.len() >= 2).then_some((i, pairs))
    }) else {
        return;
    };
    let name = |c: char| pairs.iter().find(|(l, _)| *l == c).map(|(_, n)| n.as_str());
    for line in lines.iter_mut().skip(at + 1) {
        let chars: Vec<char> = line.chars().collect();
        let mut out = String::with_capacity(line.len());
        for (i, &c) in chars.iter().enumerate() {
            let alone = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
            let next = chars.get(i + 1).copied();
            let fits = next.is_some_and(|n| AFTER.contains(&n));
            match name(c) {
                Some(n) if alone && fits => out.push_str(n),
                _ => out.push(c),
            }
        }
        *line = out;
    }
}
