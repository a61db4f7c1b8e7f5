//! Reading Feishu's signature headers.

use axum::http::{HeaderMap, HeaderName};

use crate::feishu::signature::SignedParts;

/// The headers as names made once: a lookup by `&str` parses the name on every request.
static TIMESTAMP: HeaderName = HeaderName::from_static("x-lark-request-timestamp");
static NONCE: HeaderName = HeaderName::from_static("x-lark-request-nonce");
static SIGNATURE: HeaderName = HeaderName::from_static("x-lark-signature");

/// The three `X-Lark-*` headers, if all are present.
pub(super) fn signed_parts(headers: &HeaderMap) -> Option<SignedParts<'_>> {
    let get = |n: &HeaderName| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .filter(|v| !v.is_empty())
    };
    Some(SignedParts {
        timestamp: get(&TIMESTAMP)?,
        nonce: get(&NONCE)?,
        signature: get(&SIGNATURE)?,
    })
}

/// Whether any of the signature headers is present.
pub(super) fn any_signature_header(headers: &HeaderMap) -> bool {
    [&TIMESTAMP, &NONCE, &SIGNATURE]
        .into_iter()
        .any(|n| headers.contains_key(n))
}
