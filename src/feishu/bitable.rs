//! Bitable (多维表格) records on [`FeishuClient`] (an edge; protocol notes §12): batch create,
//! batch update, and search by one field to recover a lost record id.
//!
//! Shapes confirmed from the official Python SDK (`lark_oapi/api/bitable/v1`): batch create
//! answers `data.records[].record_id` in request order; search answers `data.items[]`,
//! `has_more`, `page_token`, its body takes `filter {conjunction, conditions [{field_name,
//! operator, value: [string]}]}` and `field_names`. Assumptions (not confirmed from the SDK):
//! at most [`MAX_BATCH`] records per call (the [OCL] skill says 500 / error 1254104; the SDK
//! comment says 1,000 — we keep the lower); `client_token` must look like a UUID v4 (the
//! Feishu doc pages give a UUID as the example); search returns text fields as rich-text
//! segments `[{"text":…,"type":"text"}]` or as plain strings — both are accepted.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::FeishuError;
use super::client::{FeishuClient, path_segment, record};
use super::response::truncated;

/// Most records one batch call may carry.
pub const MAX_BATCH: usize = 500;

/// Page size used when searching.
const SEARCH_PAGE: u32 = 500;

/// Most pages read by [`FeishuClient::bitable_index_by_field`] (500 × 200 = 100,000 records).
const MAX_PAGES: usize = 200;

/// Error code: write conflict — another write to the same table is in progress ([OCL]).
pub const CODE_WRITE_CONFLICT: i64 = 1254291;
/// Error code: too many records in one batch ([OCL]).
pub const CODE_TOO_MANY_RECORDS: i64 = 1254104;
/// Error code: a field name that the table does not have ([OCL]).
pub const CODE_FIELD_NOT_FOUND: i64 = 1254045;
/// Error code: a record id that the table does not have (assumed, Bitable error table).
pub const CODE_RECORD_NOT_FOUND: i64 = 1254043;

impl FeishuClient {
    /// One paced, authorised POST of `body` to `url` with Feishu's idempotency key
    /// (`client_token`), as every Bitable write sends it; the answer's `data`.
    pub(super) async fn post_with_client_token(
        &self,
        url: &str,
        client_token: &str,
        body: &Value,
    ) -> Result<Value, FeishuError> {
        self.pace().await;
        self.authed(|token| {
            Ok(self
                .http()
                .post(url)
                .query(&[("client_token", client_token)])
                .json(body)
                .bearer_auth(token))
        })
        .await
    }

    /// Creates `records` (each a `fields` map) in one call; returns the new record ids in the
    /// order of `records`. The same `client_token` makes a repeated call return the same ids
    /// without creating anything twice.
    ///
    /// # Errors
    /// `Config` for more than [`MAX_BATCH`] records or a malformed app/table id; any
    /// [`FeishuError`] Feishu answers (1254291 write conflict, 1254045 unknown field, …);
    /// `Decode` when the answer does not hold one id per record.
    #[tracing::instrument(skip_all, fields(op = "bitable_batch_create", n = records.len(), code))]
    pub async fn bitable_batch_create(
        &self,
        app_token: &str,
        table_id: &str,
        records: &[Map<String, Value>],
        client_token: &str,
    ) -> Result<Vec<String>, FeishuError> {
        check_batch(records.len())?;
        let url = self.url(&records_path(app_token, table_id, "batch_create")?);
        let body = json!({
            "records": records.iter().map(|f| json!({ "fields": f })).collect::<Vec<_>>(),
        });
        let result = self
            .post_with_client_token(&url, client_token, &body)
            .await
            .and_then(|v| created_ids(&v, records.len()));
        record("bitable_batch_create", &result);
        result
    }

    /// Updates records (`(record_id, fields)`; fields not named are left as they are, `null`
    /// clears one) in one call, idempotent under `client_token`.
    ///
    /// # Errors
    /// As [`FeishuClient::bitable_batch_create`]; an unknown record id is refused by Feishu.
    #[tracing::instrument(skip_all, fields(op = "bitable_batch_update", n = records.len(), code))]
    pub async fn bitable_batch_update(
        &self,
        app_token: &str,
        table_id: &str,
        records: &[(String, Map<String, Value>)],
        client_token: &str,
    ) -> Result<(), FeishuError> {
        check_batch(records.len())?;
        let url = self.url(&records_path(app_token, table_id, "batch_update")?);
        let body = json!({
            "records": records
                .iter()
                .map(|(id, f)| json!({ "record_id": id, "fields": f }))
                .collect::<Vec<_>>(),
        });
        let result = self
            .post_with_client_token(&url, client_token, &body)
            .await
            .map(|_| ());
        record("bitable_batch_update", &result);
        result
    }

    /// The record whose `field` equals `value` (the first, if several), or `None`.
    ///
    /// # Errors
    /// Any [`FeishuError`].
    #[tracing::instrument(skip_all, fields(op = "bitable_search", code))]
    pub async fn bitable_search_by_field(
        &self,
        app_token: &str,
        table_id: &str,
        field: &str,
        value: &str,
    ) -> Result<Option<String>, FeishuError> {
        let filter = json!({
            "conjunction": "and",
            "conditions": [{ "field_name": field, "operator": "is", "value": [value] }],
        });
        let page = self
            .bitable_search_page(app_token, table_id, field, Some(filter), None, 1)
            .await?;
        Ok(page
            .items
            .into_iter()
            .find(|(_, v)| v.as_deref() == Some(value))
            .map(|(id, _)| id))
    }

    /// Every record's `field` value (as text) → record id, reading the whole table page by
    /// page. Used to rebuild many lost mappings at once; a value seen twice keeps its first
    /// record.
    ///
    /// # Errors
    /// Any [`FeishuError`].
    pub async fn bitable_index_by_field(
        &self,
        app_token: &str,
        table_id: &str,
        field: &str,
    ) -> Result<HashMap<String, String>, FeishuError> {
        let mut index = HashMap::new();
        let mut page_token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let page = self
                .bitable_search_page(
                    app_token,
                    table_id,
                    field,
                    None,
                    page_token.as_deref(),
                    SEARCH_PAGE,
                )
                .await?;
            for (id, value) in page.items {
                if let Some(value) = value {
                    index.entry(value).or_insert(id);
                }
            }
            match page.next {
                Some(t) => page_token = Some(t),
                None => break,
            }
        }
        Ok(index)
    }

    /// One page of `POST …/records/search`, asking only for `field`.
    async fn bitable_search_page(
        &self,
        app_token: &str,
        table_id: &str,
        field: &str,
        filter: Option<Value>,
        page_token: Option<&str>,
        page_size: u32,
    ) -> Result<SearchPage, FeishuError> {
        let url = self.url(&records_path(app_token, table_id, "search")?);
        let mut body = json!({ "field_names": [field], "automatic_fields": false });
        if let (Some(f), Some(obj)) = (filter, body.as_object_mut()) {
            obj.insert("filter".to_owned(), f);
        }
        let mut query = vec![("page_size", page_size.to_string())];
        if let Some(t) = page_token {
            query.push(("page_token", t.to_owned()));
        }
        let result = self
            .authed(|token| {
                Ok(self
                    .http()
                    .post(&url)
                    .query(&query)
                    .json(&body)
                    .bearer_auth(token))
            })
            .await
            .and_then(|v| search_page(&v, field));
        record("bitable_search", &result);
        result
    }
}

/// One decoded search page: (record id, the field as text) and the next page token.
#[derive(Debug)]
struct SearchPage {
    items: Vec<(String, Option<String>)>,
    next: Option<String>,
}

/// Refuses empty or oversized batches before anything is sent.
fn check_batch(n: usize) -> Result<(), FeishuError> {
    if n == 0 {
        return Err(FeishuError::Config("多维表格批量写入至少需要一条记录".to_owned()));
    }
    if n > MAX_BATCH {
        return Err(FeishuError::Config(format!(
            "多维表格一次最多写入 {MAX_BATCH} 条记录，本次有 {n} 条"
        )));
    }
    Ok(())
}

/// `/open-apis/bitable/v1/apps/:app/tables/:table/records/<op>`, ids checked as path segments.
fn records_path(app_token: &str, table_id: &str, op: &str) -> Result<String, FeishuError> {
    let app = path_segment(app_token)
        .map_err(|_| FeishuError::Config("多维表格 app_token 格式不正确".to_owned()))?;
    let table =
        path_segment(table_id).map_err(|_| FeishuError::Config("多维表格 table_id 格式不正确".to_owned()))?;
    Ok(format!(
        "/open-apis/bitable/v1/apps/{app}/tables/{table}/records/{op}"
    ))
}

/// `data.records[].record_id`, exactly one per record sent.
fn created_ids(v: &Value, expected: usize) -> Result<Vec<String>, FeishuError> {
    let ids: Option<Vec<String>> = v
        .pointer("/data/records")
        .and_then(Value::as_array)
        .map(|records| {
            records
                .iter()
                .filter_map(|r| r.get("record_id").and_then(Value::as_str).map(str::to_owned))
                .collect()
        });
    match ids {
        Some(ids) if ids.len() == expected => Ok(ids),
        _ => Err(FeishuError::Decode {
            raw: truncated(&v.to_string()),
        }),
    }
}

/// Decodes a search answer, reading `field` of each item as text.
fn search_page(v: &Value, field: &str) -> Result<SearchPage, FeishuError> {
    let data = v.get("data").ok_or_else(|| FeishuError::Decode {
        raw: truncated(&v.to_string()),
    })?;
    let items = data
        .get("items")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|it| {
                    let id = it.get("record_id").and_then(Value::as_str)?.to_owned();
                    let text = it
                        .pointer("/fields")
                        .and_then(|f| f.get(field))
                        .and_then(field_text);
                    Some((id, text))
                })
                .collect()
        })
        .unwrap_or_default();
    let has_more = data.get("has_more").and_then(Value::as_bool).unwrap_or(false);
    let next = data
        .get("page_token")
        .and_then(Value::as_str)
        .filter(|t| has_more && !t.is_empty())
        .map(str::to_owned);
    Ok(SearchPage { items, next })
}

/// A cell as plain text: a string, a number, or rich-text segments joined.
pub(crate) fn field_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(parts) => {
            let text: String = parts
                .iter()
                .filter_map(|p| p.get("text").and_then(Value::as_str).or_else(|| p.as_str()))
                .collect();
            (!text.is_empty()).then_some(text)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_over_five_hundred_are_refused_before_sending() {
        assert!(check_batch(500).is_ok());
        let e = check_batch(501).unwrap_err();
        assert!(e.to_string().contains("500"), "{e}");
        assert!(check_batch(0).is_err());
    }

    #[test]
    fn ids_with_slashes_cannot_change_the_route() {
        assert!(records_path("app/../x", "tbl", "search").is_err());
        assert_eq!(
            records_path("bascnA", "tblB", "batch_create").unwrap(),
            "/open-apis/bitable/v1/apps/bascnA/tables/tblB/records/batch_create"
        );
    }

    #[test]
    fn created_ids_must_match_the_records_sent() {
        let v = json!({"data": {"records": [{"record_id": "rec1"}, {"record_id": "rec2"}]}});
        assert_eq!(created_ids(&v, 2).unwrap(), ["rec1", "rec2"]);
        assert!(created_ids(&v, 3).is_err());
    }

    #[test]
    fn search_reads_rich_text_and_plain_cells() {
        let v = json!({"data": {"has_more": true, "page_token": "p2", "items": [
            {"record_id": "rec1", "fields": {"编号": [{"text": "DB-1", "type": "text"}]}},
            {"record_id": "rec2", "fields": {"编号": "DB-2"}},
            {"record_id": "rec3", "fields": {}},
        ]}});
        let page = search_page(&v, "编号").unwrap();
        assert_eq!(page.next.as_deref(), Some("p2"));
        assert_eq!(
            page.items,
            [
                ("rec1".to_owned(), Some("DB-1".to_owned())),
                ("rec2".to_owned(), Some("DB-2".to_owned())),
                ("rec3".to_owned(), None)
            ]
        );
    }

    #[test]
    fn a_last_page_has_no_next_token() {
        let v = json!({"data": {"has_more": false, "page_token": "x", "items": []}});
        assert!(search_page(&v, "编号").unwrap().next.is_none());
    }
}
