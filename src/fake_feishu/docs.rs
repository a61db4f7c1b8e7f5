//! The fake's document and minutes reads — docx raw content, wiki node resolution, minutes
//! metadata, transcript (a plain-text file body) and AI artifacts — plus the scope switch
//! ([`FakeState::deny_scope`]) that makes any API needing a scope answer 99991672 with the
//! scope named in `msg`, as Feishu does. Assumed: an unknown document / node / recording
//! answers HTTP 404 with code 1770002 (docx) / 131005 (wiki) / 2091005 (minutes).

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::routing::get;
use serde_json::{Value, json};

use super::FakeFeishu;
use super::reply::Reply;
use super::routes::serve;
use super::state::{FakeState, World};

const SCOPE_DOCX: &str = "docx:document:readonly";
const SCOPE_WIKI: &str = "wiki:wiki:readonly";
const SCOPE_MINUTES: &str = "minutes:minutes:readonly";

/// Documents, wiki nodes and recordings the fake knows.
#[derive(Debug, Default)]
pub(crate) struct Docs {
    docx: HashMap<String, String>,
    /// node token → (obj_type, obj_token).
    wiki: HashMap<String, (String, String)>,
    minutes: HashMap<String, Minutes>,
}

#[derive(Debug, Clone)]
struct Minutes {
    title: String,
    text: String,
    create_ms: u128,
    summary: String,
    /// (content, assignees).
    todos: Vec<(String, Vec<String>)>,
}

/// The document routes, merged into the fake's router.
pub(crate) fn routes() -> Router<FakeState> {
    Router::new()
        .route("/open-apis/docx/v1/documents/{id}/raw_content", get(raw_content))
        .route("/open-apis/wiki/v2/spaces/get_node", get(get_node))
        .route("/open-apis/minutes/v1/minutes/{token}", get(minute))
        .route(
            "/open-apis/minutes/v1/minutes/{token}/transcript",
            get(transcript),
        )
        .route("/open-apis/minutes/v1/minutes/{token}/artifacts", get(artifacts))
}

impl World {
    /// 99991672 naming `scope` when a test denied it.
    pub(crate) fn check_scope(&self, scope: &str) -> Result<(), Reply> {
        if !self.denied_scopes.contains(scope) {
            return Ok(());
        }
        let msg = format!(
            "Access denied. One of the following scopes is required: [{scope}]. \
             应用尚未开通所需的应用身份权限：[{scope}]，点击链接申请并开通任一权限即可：\
             https://open.feishu.cn/app/{}/auth?q={scope}",
            self.app_id
        );
        Err(Reply::error(400, 99991672, &msg))
    }

    fn minutes_entry(&mut self, h: &HeaderMap, token: &str) -> Result<Minutes, Reply> {
        self.authorize(h)?;
        self.check_scope(SCOPE_MINUTES)?;
        self.docs
            .minutes
            .get(token)
            .cloned()
            .ok_or_else(|| Reply::error(404, 2091005, "minute not found"))
    }
}

async fn raw_content(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    serve(&s, &m, &u, |w| {
        w.authorize(&h)?;
        w.check_scope(SCOPE_DOCX)?;
        let text = w
            .docs
            .docx
            .get(&id)
            .ok_or_else(|| Reply::error(404, 1770002, "not found"))?;
        Ok(Reply::data(json!({ "content": text })))
    })
}

async fn get_node(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    serve(&s, &m, &u, |w| {
        w.authorize(&h)?;
        w.check_scope(SCOPE_WIKI)?;
        let token = q
            .get("token")
            .ok_or_else(|| Reply::error(400, 99992402, "token is required"))?;
        let (kind, obj) = w
            .docs
            .wiki
            .get(token)
            .ok_or_else(|| Reply::error(404, 131005, "not found"))?;
        Ok(Reply::data(json!({ "node": {
            "node_token": token, "obj_type": kind, "obj_token": obj, "title": "", "node_type": "origin",
        }})))
    })
}

async fn minute(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    serve(&s, &m, &u, |w| {
        let mi = w.minutes_entry(&h, &token)?;
        Ok(Reply::data(json!({ "minute": {
            "token": token,
            "title": mi.title,
            "create_time": mi.create_ms.to_string(),
            "url": format!("https://fake.feishu.cn/minutes/{token}"),
        }})))
    })
}

async fn transcript(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    serve(&s, &m, &u, |w| {
        Ok(Reply::plain(w.minutes_entry(&h, &token)?.text))
    })
}

async fn artifacts(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    serve(&s, &m, &u, |w| {
        let mi = w.minutes_entry(&h, &token)?;
        let todos: Vec<Value> = mi
            .todos
            .iter()
            .map(|(c, a)| json!({ "content": c, "assignees": a, "is_done": false }))
            .collect();
        Ok(Reply::data(
            json!({ "summary": mi.summary, "minute_todos": todos, "keywords": [] }),
        ))
    })
}

impl FakeState {
    /// Makes every API that needs `scope` answer 99991672 naming it.
    pub fn deny_scope(&self, scope: &str) {
        self.lock().denied_scopes.insert(scope.to_owned());
    }

    /// Grants a scope denied before.
    pub fn allow_scope(&self, scope: &str) {
        self.lock().denied_scopes.remove(scope);
    }

    /// Adds a docx document with this plain text.
    pub fn add_doc(&self, document_id: &str, text: &str) {
        self.lock()
            .docs
            .docx
            .insert(document_id.to_owned(), text.to_owned());
    }

    /// Adds a wiki node wrapping an object (`obj_type` `docx`, `sheet`, …).
    pub fn add_wiki_node(&self, node_token: &str, obj_type: &str, obj_token: &str) {
        self.lock()
            .docs
            .wiki
            .insert(node_token.to_owned(), (obj_type.to_owned(), obj_token.to_owned()));
    }

    /// Adds a recording titled 会议纪要 with this transcript, created now.
    pub fn add_minutes(&self, minute_token: &str, text: &str) {
        let create_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        self.lock().docs.minutes.insert(
            minute_token.to_owned(),
            Minutes {
                title: "会议纪要".to_owned(),
                text: text.to_owned(),
                create_ms,
                summary: String::new(),
                todos: Vec::new(),
            },
        );
    }

    /// Sets a recording's title, summary and AI todos (`(content, assignees)`).
    pub fn set_minutes_artifacts(
        &self,
        minute_token: &str,
        title: &str,
        summary: &str,
        todos: &[(&str, &[&str])],
    ) {
        if let Some(m) = self.lock().docs.minutes.get_mut(minute_token) {
            m.title = title.to_owned();
            m.summary = summary.to_owned();
            m.todos = todos
                .iter()
                .map(|(c, a)| ((*c).to_owned(), a.iter().map(|s| (*s).to_owned()).collect()))
                .collect();
        }
    }
}

impl FakeFeishu {
    /// Makes every API that needs `scope` answer 99991672 naming it.
    pub fn deny_scope(&self, scope: &str) {
        self.state.deny_scope(scope);
    }

    /// Grants a scope denied before.
    pub fn allow_scope(&self, scope: &str) {
        self.state.allow_scope(scope);
    }

    /// Adds a docx document with this plain text.
    pub fn add_doc(&self, document_id: &str, text: &str) {
        self.state.add_doc(document_id, text);
    }

    /// Adds a wiki node wrapping an object.
    pub fn add_wiki_node(&self, node_token: &str, obj_type: &str, obj_token: &str) {
        self.state.add_wiki_node(node_token, obj_type, obj_token);
    }

    /// Adds a recording titled 会议纪要 with this transcript.
    pub fn add_minutes(&self, minute_token: &str, text: &str) {
        self.state.add_minutes(minute_token, text);
    }

    /// Sets a recording's title, summary and AI todos.
    pub fn set_minutes_artifacts(
        &self,
        minute_token: &str,
        title: &str,
        summary: &str,
        todos: &[(&str, &[&str])],
    ) {
        self.state
            .set_minutes_artifacts(minute_token, title, summary, todos);
    }
}
