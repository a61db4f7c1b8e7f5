//! The fields of a record line (pure): `label：value`, `label: value`, `【label】value`,
//! `[label] value`, one to a line or several joined by `｜｜`, `｜`, `|`, `；` or ` / `.

use super::vocab::BRACKETS;

/// One field as written: its label and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field {
    pub(super) label: String,
    pub(super) value: String,
    /// Written `【label】value` or `[label] value`.
    pub(super) bracketed: bool,
}

impl Field {
    /// The field as the block reader reads it (`label：value`).
    pub(super) fn keyed(&self) -> String {
        format!("{}：{}", self.label, self.value)
    }
}

/// Whether `label` reads as a field's label: short, one word, not a sentence nor a clock time.
fn is_label(label: &str) -> bool {
    let n = label.chars().count();
    (1..=8).contains(&n)
        && !label.contains([
            ' ', '，', ',', '。', '、', '（', '(', '：', ':', '|', '｜', '；', ';', '@',
        ])
        && !label.chars().all(|c| c.is_ascii_digit())
        && !label.starts_with(|c: char| c.is_ascii_digit())
        && !label
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .chars()
            .any(|c| c.is_ascii_digit())
}

/// One field alone (`状态：进行中`, `【时限】下周三`, `[Owner] 张三`, `经办｜张三`), the value not empty.
pub(super) fn one(part: &str) -> Option<Field> {
    let part = part.trim().replace("**", "");
    let part = part.trim();
    let bracket = BRACKETS
        .iter()
        .find_map(|(o, c)| part.strip_prefix(*o).and_then(|r| r.split_once(*c)));
    if let Some((label, value)) = bracket {
        let (label, value) = (label.trim(), value.trim().trim_start_matches(['：', ':']).trim());
        return (is_label(label) && !value.is_empty() && !value.starts_with(['【', '['])).then(|| Field {
            label: label.to_owned(),
            value: value.to_owned(),
            bracketed: true,
        });
    }
    // `经办｜某某`: one label, one value, apart by a bar.
    if let Some((label, value)) = part.split_once('｜').or_else(|| part.split_once('|'))
        && !value.contains(['｜', '|', '：', ':'])
        && !label.contains(['：', ':'])
    {
        let (label, value) = (label.trim(), value.trim());
        return (is_label(label) && !value.is_empty()).then(|| Field {
            label: label.to_owned(),
            value: value.to_owned(),
            bracketed: false,
        });
    }
    let chars: Vec<char> = part.chars().collect();
    // The first colon that is not a clock's (`9:30`).
    let at = chars.iter().enumerate().position(|(i, c)| {
        *c == '：'
            || (*c == ':'
                && !(i > 0
                    && chars.get(i - 1).is_some_and(char::is_ascii_digit)
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
    })?;
    let label: String = chars.get(..at)?.iter().collect();
    let value: String = chars.get(at + 1..)?.iter().collect();
    let (label, value) = (label.trim(), value.trim());
    (is_label(label) && !value.is_empty()).then(|| Field {
        label: label.to_owned(),
        value: value.to_owned(),
        bracketed: false,
    })
}

/// The separators that join fields on one line, the longer first.
const JOINS: &[&str] = &["｜｜", "||", "｜", "|", "；", ";", " / ", "\t", "   ", "  "];

/// A line of ≥2 fields joined by one separator (`状态：进行中｜负责人：某某｜截止：5月15日`).
/// A table row (`| … |`) is none.
pub(super) fn joined(line: &str) -> Option<Vec<Field>> {
    let line = line.trim();
    if line.starts_with(['|', '｜']) {
        return None;
    }
    JOINS.iter().find_map(|sep| {
        let parts: Vec<&str> = line.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
        if parts.len() < 2 {
            return None;
        }
        let fields: Option<Vec<Field>> = parts.iter().map(|p| one(p).filter(|f| !f.bracketed)).collect();
        fields
    })
}

/// A line's fields: joined ones, else the line as one field.
pub(super) fn fields(line: &str) -> Option<Vec<Field>> {
    joined(line).or_else(|| one(line).map(|f| vec![f]))
}
