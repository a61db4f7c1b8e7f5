//! The tests of each tuning round of issue 16, a file per held-out set the round tuned on
//! (`tests_heldoutNN.rs`; some rounds have a second file by theme). Each rule on phrasings of its
//! own, never a line copied from a set's minutes. The helpers they share are the extractor's
//! (`super::testkit`), re-exported here so every file reads them as `super::testkit`.

use super::{extract, testkit};

mod tests_heldout10;
mod tests_heldout11;
mod tests_heldout12;
mod tests_heldout13;
mod tests_heldout14;
mod tests_heldout15;
mod tests_heldout16;
mod tests_heldout17;
mod tests_heldout18;
mod tests_heldout2;
mod tests_heldout20;
mod tests_heldout21;
mod tests_heldout22;
mod tests_heldout23;
mod tests_heldout24;
mod tests_heldout25;
mod tests_heldout26;
mod tests_heldout27;
mod tests_heldout28;
mod tests_heldout29;
mod tests_heldout3;
mod tests_heldout30;
mod tests_heldout31;
mod tests_heldout32;
mod tests_heldout33;
mod tests_heldout34;
mod tests_heldout35;
mod tests_heldout36;
mod tests_heldout37;
mod tests_heldout38;
mod tests_heldout39;
mod tests_heldout4;
mod tests_heldout40;
mod tests_heldout42;
mod tests_heldout43;
mod tests_heldout44;
mod tests_heldout45;
mod tests_heldout47;
mod tests_heldout49;
mod tests_heldout5;
mod tests_heldout50;
mod tests_heldout51;
mod tests_heldout52;
mod tests_heldout53;
mod tests_heldout54;
mod tests_heldout55;
mod tests_heldout56;
mod tests_heldout57;
mod tests_heldout58;
mod tests_heldout59;
mod tests_heldout6;
mod tests_heldout60;
mod tests_heldout61;
mod tests_heldout6_blocks;
mod tests_heldout6_owners;
mod tests_heldout6_talk;
mod tests_heldout7;
mod tests_heldout7_notes;
mod tests_heldout8;
mod tests_heldout9;
mod tests_round57;
mod tests_round58;
mod tests_round62;
mod tests_round63;
mod tests_round64;
mod tests_round65;
#[cfg(test)]
mod tests_round66;
#[cfg(test)]
mod tests_round67;
#[cfg(test)]
mod tests_round68;
#[cfg(test)]
mod tests_round69;
