//! Bitable fields (columns) on [`FeishuClient`] (an edge): list a table's field names, and
//! add a text field. The mirror uses them to add a column that a newer duban writes (e.g.
//! 单位) to a table made for an older one.
//!
//! Shapes from the official SDKs (`app_table_field` list and create): `GET
//! /open-apis/bitable/v1/apps/:app_token/tables/:table_id/fields?page_size=&page_token=`
//! answers `data.items[].field_name`, `has_more`, `page_token`; `POST …/fields` takes
//! `{"field_name", "type"}` (type 1: 多行文本) with an optional `client_token` query.

use serde_json::{Value, json};

use super::FeishuError;
use super::client::{FeishuClient, path_segment, record};
use super::response::truncated;

/// Page size when listing fields (Feishu allows at most 100).
const FIELDS_PAGE: u32 = 100;
/// Most pages read (a table has at most a few hundred fields).
const MAX_PAGES: usize = 10;
/// Field type 1: text (多行文本).
pub const FIELD_TYPE_TEXT: u64 = 1;

impl FeishuClient {
    /// The names of a table's fields, in the table's order.
    ///
    /// # Errors
    /// Any [`FeishuError`] (e.g. missing `bitable:app`, unknown table 1254041); `Decode` when
    /// the answer holds no `data.items`.
    #[tracing::instrument(skip_all, fields(op = "bitable_fields", code))]
    pub async fn bitable_field_names(
        &self,
        app_token: &str,
        table_id: &str,
    ) -> Result<Vec<String>, FeishuError> {
        let url = self.url(&fields_path(app_token, table_id)?);
        let mut names = Vec::new();
        let mut page_token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut query = vec![("page_size", FIELDS_PAGE.to_string())];
            if let Some(t) = &page_token {
                query.push(("page_token", t.clone()));
            }
            let result = self
                .authed(|token| Ok(self.http().get(&url).query(&query).bearer_auth(token)))
                .await;
            record("bitable_fields", &result);
            let v = result?;
            let items = v
                .pointer("/data/items")
                .and_then(Value::as_array)
                .ok_or_else(|| FeishuError::Decode {
                    raw: truncated(&v.to_string()),
                })?;
            names.extend(
                items
                    .iter()
                    .filter_map(|f| f.get("field_name").and_then(Value::as_str))
                    .map(str::to_owned),
            );
            let more = v.pointer("/data/has_more").and_then(Value::as_bool) == Some(true);
            match v.pointer("/data/page_token").and_then(Value::as_str) {
                Some(t) if more && !t.is_empty() => page_token = Some(t.to_owned()),
                _ => break,
            }
        }
        Ok(names)
    }

    /// Adds a text field named `name` to the table, idempotent under `client_token`.
    ///
    /// # Errors
    /// Any [`FeishuError`] (a name already in the table is refused by Feishu).
    #[tracing::instrument(skip_all, fields(op = "bitable_create_field", code))]
    pub async fn bitable_create_text_field(
        &self,
        app_token: &str,
        table_id: &str,
        name: &str,
        client_token: &str,
    ) -> Result<(), FeishuError> {
        let url = self.url(&fields_path(app_token, table_id)?);
        let body = json!({ "field_name": name, "type": FIELD_TYPE_TEXT });
        let result = self
            .post_with_client_token(&url, client_token, &body)
            .await
            .map(|_| ());
        record("bitable_create_field", &result);
        result
    }
}

/// `/open-apis/bitable/v1/apps/:app/tables/:table/fields`, ids checked as path segments.
fn fields_path(app_token: &str, table_id: &str) -> Result<String, FeishuError> {
    let app = path_segment(app_token)
        .map_err(|_| FeishuError::Config("多维表格 app_token 格式不正确".to_owned()))?;
    let table =
        path_segment(table_id).map_err(|_| FeishuError::Config("多维表格 table_id 格式不正确".to_owned()))?;
    Ok(format!("/open-apis/bitable/v1/apps/{app}/tables/{table}/fields"))
}
