//! The speaker's `我` before a date (pure): `还没定。我4个工作日内出初稿。` said by someone — the
//! date stands between `我` and the verb, so the speaker takes the work on; so does a clause the
//! date opens before `我` and the verb (`下周一我签掉`).

use super::ctx::{Ctx, OwnerHow, is_cjk};
use crate::minutes::owner::OwnerRef;

/// Verbs of handing work over or finishing it (`签掉`, `发出来`, `交上去`, `改好`), after an
/// optional `就`/`会`/`来`/`去`/`先`.
const DELIVER: &[char] = &[
    '签', '发', '交', '给', '提', '报', '改', '出', '写', '做', '弄', '排', '补', '回', '批', '审', '定',
];

/// Whether `rest` (what follows `我`) opens with a verb of delivering work.
fn delivers(rest: &str) -> bool {
    let r = ["就", "会", "来", "去", "先", "把"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    r.starts_with(DELIVER) && r.chars().count() >= 2
}

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
        let tail = text.get(i + dt.len()..)?;
        // `下周一我签掉`: the date opens the clause, `我` and the verb follow it.
        let after_date = ["之前", "以前", "前", "内"]
            .iter()
            .find_map(|w| tail.strip_prefix(w))
            .unwrap_or(tail);
        if clause.is_empty()
            && let Some(rest) = after_date.strip_prefix('我')
            && delivers(rest)
        {
            return Some((vec![sp], OwnerHow::Strong, format!("{head}{rest}")));
        }
        if clause != "我" {
            return None;
        }
        let tail = ["之前", "以前", "前", "内"]
            .iter()
            .find_map(|w| tail.strip_prefix(w))
            .unwrap_or(tail);
        tail.starts_with(is_cjk)
            .then(|| (vec![sp], OwnerHow::Strong, format!("{head}{tail}")))
    }
}
