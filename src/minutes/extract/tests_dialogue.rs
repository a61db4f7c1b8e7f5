//! Transcripts read as a conversation (`extract/dialogue/`): work settled across turns, one
//! item per task, the recap's repeats dropped. Each transcript here is written for the test.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};
