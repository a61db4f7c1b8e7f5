//! `[calendar]`: working-day calendar years read from files, over the built-in ones.

use std::path::PathBuf;

use serde::Deserialize;

/// `[calendar]`
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CalendarFile {
    /// Extra or replacement years: `[[calendar.years]] year = 2027, file = "cn_2027.tsv"`.
    pub years: Vec<CalendarYear>,
}

/// One calendar year from a file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    /// The year.
    pub year: i16,
    /// TSV file (relative paths are relative to the config file).
    pub file: PathBuf,
}
