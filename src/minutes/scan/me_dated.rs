//! The speaker's `我` before a date (pure): `还没定。我4个工作日内出初稿。` said by someone — the
//! date stands between `我` and the verb, so the speaker takes the work on.

use super::ctx::{Ctx, OwnerHow, is_cjk};
use crate::minutes::owner::OwnerRef;

impl Ctx<'_> {
    /// With the date `dt` right after a clause's `我` (not `我们`) and a speaker known: the
    /// speaker, as a strong owner, and `text` without the date.
    pub(super) fn speaker_across_date(
        &self,
        text: &str,
        dt: &str,
    ) -> Option<(Vec<OwnerRef>, OwnerHow, String)> {
        let sp = self.speaker.clone()?;
        let i = text.find(dt)?;
        let head = text.get(..i)?;
        let clause = head
            .rsplit(['，', ',', '；', ';', '。', '：', ':'])
            .next()
            .unwrap_or(head)
            .trim();
        if clause != "我" {
            return None;
        }
        let tail = text.get(i + dt.len()..)?;
        let tail = ["之前", "以前", "前", "内"]
            .iter()
            .find_map(|w| tail.strip_prefix(w))
            .unwrap_or(tail);
        tail.starts_with(is_cjk)
            .then(|| (vec![sp], OwnerHow::Strong, format!("{head}{tail}")))
    }
}
