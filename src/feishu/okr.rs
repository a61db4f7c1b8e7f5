//! Feishu OKR (an edge, issue 18): the tenant's periods (`GET /open-apis/okr/v1/periods`), a
//! person's OKRs for a period (`GET /open-apis/okr/v1/users/:user_id/okrs`), and the progress
//! record written on 验收 (`POST /open-apis/okr/v1/progress_records`, an [`Outgoing`] so the
//! outbox sends it durably). Shapes from the official OpenAPI descriptions (the node SDK's
//! `okr.v1.period.list`, `okr.v1.userOkr.list`, `okr.v1.progressRecord.create`):
//!
//! - periods: `page_size` (default 10), `page_token`; `data.items[] {id, zh_name, en_name,
//!   status, period_start_time, period_end_time}` (status 0 normal, 1 invalid, 2 hidden);
//! - user OKRs: `user_id_type`, `offset` and `limit` (required, limit 0–10), `period_ids`;
//!   `data.okr_list[] {id, name, objective_list[] {id, content, kr_list[] {id, content}}}`;
//! - progress record: body `{source_title, source_url, target_id, target_type (2 objective,
//!   3 key result), content: {blocks: [{type: "paragraph", paragraph: {elements: [{type:
//!   "textRun", textRun: {text}}]}}]}}`, all required; answers `data.progress_id`.
//!
//! Scopes: reading needs `okr:okr:readonly` (or `okr:okr`); writing needs `okr:okr` (or
//! `okr:okr.progress:writeonly`). A tenant on the OKR standard edition is answered 1000403
//! ("OpenAPI is unavailable in current edition"): see [`okr_unavailable`].

use serde_json::{Value, json};

use super::client::{FeishuClient, path_segment, record};
use super::response::truncated;
use super::types::{Outgoing, OutgoingKind};
use super::{FeishuError, MissingScope};
use crate::domain::okr::{KeyResult, Objective, OkrPeriod, UserOkrs};

/// The scope for reading OKRs.
pub const SCOPE_OKR_READ: &str = "okr:okr:readonly";
/// The scope for writing progress records (`okr:okr` also grants reading).
pub const SCOPE_OKR_WRITE: &str = "okr:okr";
/// Feishu OKR's "OpenAPI is unavailable in current edition (Standard edition)".
pub const EDITION_UNAVAILABLE: i64 = 1_000_403;

/// Most period pages read.
const MAX_PAGES: usize = 20;

impl FeishuClient {
    /// Every OKR period of the tenant.
    ///
    /// # Errors
    /// Any [`FeishuError`]; see [`okr_unavailable`] for what to tell the user.
    #[tracing::instrument(skip_all, fields(op = "okr_periods", code))]
    pub async fn okr_periods(&self) -> Result<Vec<OkrPeriod>, FeishuError> {
        let url = self.url("/open-apis/okr/v1/periods");
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            self.pace().await;
            let mut query = vec![("page_size", "100".to_owned())];
            if let Some(t) = &token {
                query.push(("page_token", t.clone()));
            }
            let result = self
                .authed(|tk| Ok(self.http().get(&url).query(&query).bearer_auth(tk)))
                .await
                .and_then(|v| periods_page(&v));
            record("okr_periods", &result);
            let (mut page, next) = result?;
            out.append(&mut page);
            match next {
                Some(t) => token = Some(t),
                None => break,
            }
        }
        Ok(out)
    }

    /// `open_id`'s OKRs for `period_id` (at most ten: one per period in practice).
    ///
    /// # Errors
    /// Any [`FeishuError`] (1001003 user not found); see [`okr_unavailable`].
    #[tracing::instrument(skip_all, fields(op = "user_okrs", code))]
    pub async fn user_okrs(&self, open_id: &str, period_id: &str) -> Result<Vec<UserOkrs>, FeishuError> {
        let id = path_segment(open_id)?;
        let url = self.url(&format!("/open-apis/okr/v1/users/{id}/okrs"));
        let query = [
            ("user_id_type", "open_id"),
            ("offset", "0"),
            ("limit", "10"),
            ("lang", "zh_cn"),
            ("period_ids", period_id),
        ];
        self.pace().await;
        let result = self
            .authed(|tk| Ok(self.http().get(&url).query(&query).bearer_auth(tk)))
            .await
            .and_then(|v| okr_list(&v));
        record("user_okrs", &result);
        result
    }
}

impl Outgoing {
    /// `POST /open-apis/okr/v1/progress_records`: one progress record on an objective
    /// (`target_type` 2) or key result (3), its text one paragraph per line.
    pub fn okr_progress(
        target_id: &str,
        target_type: i64,
        source_title: &str,
        source_url: &str,
        lines: &[String],
    ) -> Self {
        let blocks: Vec<Value> = lines
            .iter()
            .map(|l| {
                json!({"type": "paragraph", "paragraph": {"elements": [
                    {"type": "textRun", "textRun": {"text": l}}
                ]}})
            })
            .collect();
        Self {
            kind: OutgoingKind::OkrProgress {
                target_id: target_id.to_owned(),
                target_type,
                source_title: source_title.to_owned(),
                source_url: source_url.to_owned(),
                content: json!({ "blocks": blocks }).to_string(),
            },
            chat_hint: None,
        }
    }
}

/// What to tell people when Feishu refused an OKR call for a reason they can fix: the
/// missing scope (named as the console names it), or the OKR edition without OpenAPI.
/// `None` for other failures.
pub fn okr_unavailable(e: &FeishuError, expected_scope: &str) -> Option<String> {
    if let Some(m) = e.missing_scope(expected_scope) {
        return Some(m.to_string());
    }
    match e {
        FeishuError::Api { code, .. } if *code == EDITION_UNAVAILABLE => Some(
            "本企业的飞书 OKR 是标准版，不开放 OKR 接口（错误码 1000403）。请升级到飞书 OKR 企业版后再使用对齐和进展回写。"
                .to_owned(),
        ),
        _ => None,
    }
}

/// Whether `m` names an OKR scope (for the console name table).
pub fn is_okr_scope(m: &MissingScope) -> bool {
    m.scope.starts_with("okr:")
}

fn periods_page(v: &Value) -> Result<(Vec<OkrPeriod>, Option<String>), FeishuError> {
    let data = v.get("data").ok_or_else(|| FeishuError::Decode {
        raw: truncated(&v.to_string()),
    })?;
    let ms = |p: &Value, k: &str| match p.get(k) {
        Some(Value::String(s)) => s.parse::<i64>().ok(),
        Some(Value::Number(n)) => n.as_i64(),
        _ => None,
    };
    let items = data
        .get("items")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|p| {
                    Some(OkrPeriod {
                        id: p.get("id").and_then(Value::as_str)?.to_owned(),
                        name: p
                            .get("zh_name")
                            .or_else(|| p.get("en_name"))
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned(),
                        status: p.get("status").and_then(Value::as_i64).unwrap_or(0),
                        start_ms: ms(p, "period_start_time"),
                        end_ms: ms(p, "period_end_time"),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let more = data.get("has_more").and_then(Value::as_bool).unwrap_or(false);
    let next = data
        .get("page_token")
        .and_then(Value::as_str)
        .filter(|t| more && !t.is_empty())
        .map(str::to_owned);
    Ok((items, next))
}

fn okr_list(v: &Value) -> Result<Vec<UserOkrs>, FeishuError> {
    let list = v
        .pointer("/data/okr_list")
        .and_then(Value::as_array)
        .ok_or_else(|| FeishuError::Decode {
            raw: truncated(&v.to_string()),
        })?;
    let text = |x: &Value, k: &str| x.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    Ok(list
        .iter()
        .map(|o| UserOkrs {
            okr_id: text(o, "id"),
            period: text(o, "name"),
            objectives: o
                .get("objective_list")
                .and_then(Value::as_array)
                .map(|objs| {
                    objs.iter()
                        .map(|ob| Objective {
                            id: text(ob, "id"),
                            content: text(ob, "content"),
                            krs: ob
                                .get("kr_list")
                                .and_then(Value::as_array)
                                .map(|krs| {
                                    krs.iter()
                                        .map(|k| KeyResult {
                                            id: text(k, "id"),
                                            content: text(k, "content"),
                                        })
                                        .collect()
                                })
                                .unwrap_or_default(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_okrs_read_from_the_documented_shapes() {
        let v = json!({"code":0,"data":{"has_more":false,"page_token":"","items":[
            {"id":"p1","zh_name":"2026 年 10 月 - 12 月","en_name":"Oct","status":0,
             "period_start_time":"1790784000000","period_end_time":"1798732799000"}]}});
        let (p, next) = periods_page(&v).unwrap();
        assert_eq!(next, None);
        assert_eq!(p[0].start_ms, Some(1_790_784_000_000));
        let v = json!({"code":0,"data":{"total":1,"okr_list":[{"id":"okr1","name":"2026 Q4","objective_list":[
            {"id":"o1","content":"提升合规","kr_list":[{"id":"k1","content":"零重大违规"}]}]}]}});
        let okrs = okr_list(&v).unwrap();
        assert_eq!(okrs[0].objectives[0].krs[0].content, "零重大违规");
    }

    #[test]
    fn the_edition_and_the_scope_are_named() {
        let e = FeishuError::Api {
            code: 99991672,
            msg: "Access denied. One of the following scopes is required: [okr:okr]".to_owned(),
            http_status: 400,
        };
        assert!(
            okr_unavailable(&e, SCOPE_OKR_WRITE)
                .unwrap()
                .contains("更新 OKR 信息")
        );
        let e = FeishuError::Api {
            code: EDITION_UNAVAILABLE,
            msg: "OpenAPI is unavailable in current edition".to_owned(),
            http_status: 403,
        };
        assert!(okr_unavailable(&e, SCOPE_OKR_READ).unwrap().contains("企业版"));
    }
}
