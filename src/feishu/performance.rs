//! Feishu Performance (绩效) supplementary information (补充信息), an edge:
//! `POST /open-apis/performance/v2/additional_informations/import?client_token=…&user_id_type=open_id`
//! with `{semester_id, import_record_name, additional_informations: [{item_id?, external_id,
//! reviewee_user_id, item, time, detailed_description}]}`.
//!
//! UNCONFIRMED: the path, the body and the scopes (`performance:performance` or
//! `performance:semester_activity:write`) are as the Open Platform's documentation page
//! "批量导入补充信息" (performance-v2/additional_information/import) and the generated
//! OpenAPI tool schemas describe them; the answer's shape (`data.additional_informations[]`
//! with `item_id` and `external_id`) and the error codes have NOT been checked against a live
//! tenant. Kept behind `[performance] push = true`. The documented update rule: an
//! `item_id` or `external_id` already known updates that information instead of adding one.

use serde_json::{Value, json};

use super::FeishuError;
use super::client::{FeishuClient, record};
use super::response::truncated;

/// The import path (unconfirmed, see the module docs).
pub const PATH_IMPORT: &str = "/open-apis/performance/v2/additional_informations/import";

/// The scope that allows the import (either this or `performance:semester_activity:write`).
pub const SCOPE_PERFORMANCE: &str = "performance:performance";

/// One supplementary information for a reviewee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdditionalInfo {
    /// The id Performance gave it on an earlier push (an update).
    pub item_id: Option<String>,
    /// duban's key (`duban:DB-12`, `duban:BR-3`): also updates when known.
    pub external_id: String,
    /// The reviewee's open_id.
    pub reviewee: String,
    /// 事项.
    pub item: String,
    /// 时间 (free text).
    pub time: String,
    /// 具体描述.
    pub description: String,
}

impl FeishuClient {
    /// Imports (creates or updates) `infos` into review cycle `semester_id`; answers
    /// (external_id, item_id) for each.
    ///
    /// # Errors
    /// Any [`FeishuError`] (a missing scope: see [`FeishuError::missing_scope`] with
    /// [`SCOPE_PERFORMANCE`]); `Decode` for an answer without the list.
    #[tracing::instrument(skip_all, fields(op = "performance_import", code))]
    pub async fn import_additional_informations(
        &self,
        semester_id: &str,
        record_name: &str,
        client_token: &str,
        infos: &[AdditionalInfo],
    ) -> Result<Vec<(String, String)>, FeishuError> {
        let url = self.url(PATH_IMPORT);
        let list: Vec<Value> = infos
            .iter()
            .map(|i| {
                let mut v = json!({
                    "external_id": i.external_id,
                    "reviewee_user_id": i.reviewee,
                    "item": i.item,
                    "time": i.time,
                    "detailed_description": i.description,
                });
                if let (Some(id), Some(o)) = (&i.item_id, v.as_object_mut()) {
                    o.insert("item_id".to_owned(), json!(id));
                }
                v
            })
            .collect();
        let body = json!({
            "semester_id": semester_id,
            "import_record_name": record_name,
            "additional_informations": list,
        });
        self.pace().await;
        let query = [("client_token", client_token), ("user_id_type", "open_id")];
        let result = self
            .authed(|token| {
                Ok(self
                    .http()
                    .post(&url)
                    .query(&query)
                    .bearer_auth(token)
                    .json(&body))
            })
            .await
            .and_then(|v| ids(&v));
        record("performance_import", &result);
        result
    }
}

fn ids(v: &Value) -> Result<Vec<(String, String)>, FeishuError> {
    let list = v
        .pointer("/data/additional_informations")
        .and_then(Value::as_array)
        .ok_or_else(|| FeishuError::Decode {
            raw: truncated(&v.to_string()),
        })?;
    Ok(list
        .iter()
        .filter_map(|i| {
            Some((
                i.get("external_id")?.as_str()?.to_owned(),
                i.get("item_id")?.as_str()?.to_owned(),
            ))
        })
        .collect())
}
