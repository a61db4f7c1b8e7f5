//! Reading Feishu's signature headers.

use axum::http::HeaderMap;

use crate::feishu::signature::SignedParts;

/// The three `X-Lark-*` headers, if all are present.
pub(super) fn signed_parts(headers: &HeaderMap) -> Option<SignedParts<'_>> {
    let get = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .filter(|v| !v.is_empty())
    };
    Some(SignedParts {
        timestamp: get("x-lark-request-timestamp")?,
        nonce: get("x-lark-request-nonce")?,
        signature: get("x-lark-signature")?,
    })
}

/// Whether any of the signature headers is present.
pub(super) fn any_signature_header(headers: &HeaderMap) -> bool {
    [
        "x-lark-request-timestamp",
        "x-lark-request-nonce",
        "x-lark-signature",
    ]
    .iter()
    .any(|n| headers.contains_key(*n))
}
