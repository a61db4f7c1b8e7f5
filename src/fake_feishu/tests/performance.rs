//! Performance supplementary information: token, scope, client_token, cycle, required fields,
//! update by id and by external id.

use serde_json::json;

use super::Raw;

const IMPORT: &str = "/open-apis/performance/v2/additional_informations/import";

fn info(external: &str, desc: &str) -> serde_json::Value {
    json!({"external_id": external, "reviewee_user_id": "ou_z", "item": "DB-1 写周报", "time": "2026-03-20", "detailed_description": desc})
}

#[tokio::test]
async fn imports_need_a_token_a_fresh_client_token_a_cycle_and_every_field_and_update_by_id() {
    let raw = Raw::start().await;
    raw.fake.state().add_performance_semester("s1");
    let t = raw.bearer().await;
    let post = reqwest::Method::POST;
    let body = json!({"semester_id": "s1", "additional_informations": [info("duban:DB-1", "按时")]});
    let (status, _) = raw
        .call(post.clone(), &format!("{IMPORT}?client_token=a"), None, &body)
        .await;
    assert_eq!(status, 400, "no token");
    let (_, v) = raw.call(post.clone(), IMPORT, Some(&t), &body).await;
    assert_ne!(v["code"], 0, "no client_token: {v}");
    let bad = json!({"semester_id": "nope", "additional_informations": [info("x", "y")]});
    let (_, v) = raw
        .call(post.clone(), &format!("{IMPORT}?client_token=b"), Some(&t), &bad)
        .await;
    assert_ne!(v["code"], 0, "unknown cycle: {v}");
    let missing = json!({"semester_id": "s1", "additional_informations": [{"reviewee_user_id": "ou_z", "item": "x", "time": "t"}]});
    let (_, v) = raw
        .call(
            post.clone(),
            &format!("{IMPORT}?client_token=c"),
            Some(&t),
            &missing,
        )
        .await;
    assert_ne!(v["code"], 0, "no description: {v}");
    assert!(
        raw.fake.state().performance_infos().is_empty(),
        "nothing stored by refused imports"
    );

    let (_, v) = raw
        .call(post.clone(), &format!("{IMPORT}?client_token=d"), Some(&t), &body)
        .await;
    assert_eq!(v["code"], 0, "{v}");
    let id = v["data"]["additional_informations"][0]["item_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, again) = raw
        .call(post.clone(), &format!("{IMPORT}?client_token=d"), Some(&t), &body)
        .await;
    assert_ne!(
        again["code"], 0,
        "a client_token used before is intercepted: {again}"
    );
    // By external id, then by item id: updated, never duplicated.
    let changed = json!({"semester_id": "s1", "additional_informations": [info("duban:DB-1", "逾期1天")]});
    let (_, v) = raw
        .call(
            post.clone(),
            &format!("{IMPORT}?client_token=e"),
            Some(&t),
            &changed,
        )
        .await;
    assert_eq!(v["data"]["additional_informations"][0]["item_id"], id.as_str());
    let by_id = json!({"semester_id": "s1", "additional_informations": [{"item_id": id, "reviewee_user_id": "ou_z", "item": "DB-1", "time": "t", "detailed_description": "完成"}]});
    let (_, v) = raw
        .call(
            post.clone(),
            &format!("{IMPORT}?client_token=f"),
            Some(&t),
            &by_id,
        )
        .await;
    assert_eq!(v["code"], 0, "{v}");
    let unknown = json!({"semester_id": "s1", "additional_informations": [{"item_id": "999", "reviewee_user_id": "ou_z", "item": "x", "time": "t", "detailed_description": "y"}]});
    let (_, v) = raw
        .call(
            post.clone(),
            &format!("{IMPORT}?client_token=g"),
            Some(&t),
            &unknown,
        )
        .await;
    assert_ne!(v["code"], 0, "an unknown item_id: {v}");
    let infos = raw.fake.state().performance_infos();
    assert_eq!(infos.len(), 1);
    assert_eq!(
        (infos[0].writes, infos[0].detailed_description.as_str()),
        (3, "完成")
    );
    raw.fake.state().deny_scope("performance:performance");
    let (_, v) = raw
        .call(post, &format!("{IMPORT}?client_token=h"), Some(&t), &body)
        .await;
    assert_eq!(v["code"], 99991672, "{v}");
}
