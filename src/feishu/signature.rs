//! Request signatures (pure), compared in constant time.
//!
//! - Events and new-style callbacks: `hex(SHA-256(timestamp ‖ nonce ‖ encrypt_key ‖ raw_body))`
//!   (plain SHA-256, not HMAC; protocol reference §3).
//! - The legacy card request URL: `hex(SHA-1(timestamp ‖ nonce ‖ verification_token ‖ raw_body))`
//!   (§4.4).

use sha1::Sha1;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The three signature headers of a Feishu push.
#[derive(Debug, Clone, Copy)]
pub struct SignedParts<'a> {
    /// `X-Lark-Request-Timestamp`.
    pub timestamp: &'a str,
    /// `X-Lark-Request-Nonce`.
    pub nonce: &'a str,
    /// `X-Lark-Signature`.
    pub signature: &'a str,
}

/// The event signature for `body` under `encrypt_key`.
pub fn event_signature(timestamp: &str, nonce: &str, encrypt_key: &str, body: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(timestamp.as_bytes());
    h.update(nonce.as_bytes());
    h.update(encrypt_key.as_bytes());
    h.update(body);
    hex::encode(h.finalize())
}

/// The legacy card-callback signature for `body` under the Verification Token.
pub fn card_signature(timestamp: &str, nonce: &str, verification_token: &str, body: &[u8]) -> String {
    let mut h = Sha1::new();
    h.update(timestamp.as_bytes());
    h.update(nonce.as_bytes());
    h.update(verification_token.as_bytes());
    h.update(body);
    hex::encode(h.finalize())
}

/// Constant-time equality of two strings (lengths may leak; contents do not).
pub fn ct_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Whether `parts.signature` is the event signature of `body`.
pub fn verify_event(parts: SignedParts<'_>, encrypt_key: &str, body: &[u8]) -> bool {
    let expected = event_signature(parts.timestamp, parts.nonce, encrypt_key, body);
    ct_eq(&expected, &parts.signature.to_ascii_lowercase())
}

/// Whether `parts.signature` is the legacy card signature of `body`.
pub fn verify_card(parts: SignedParts<'_>, verification_token: &str, body: &[u8]) -> bool {
    let expected = card_signature(parts.timestamp, parts.nonce, verification_token, body);
    ct_eq(&expected, &parts.signature.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const S1_BODY: &str = r#"{"encrypt":"AAECAwQFBgcICQoLDA0ODyh/dEidNPHeroLPvNavs/I0b9qUOXYGe9lZGFXhWUv/pv/Qy2jouU0XiMsIVcY8uFko3xb5CTbJHpQZU9l5WLapAQCinNCoZ0VFg2pUR1fJEQX9kDo/KtcBS0KD9Yekjw=="}"#;

    #[test]
    fn s1_the_event_signature_vector_verifies() {
        let sig = "cacc52e45c22be9d4755b04a825920a5103742a8c3c0b00908dfea3d89aa6cc6";
        assert_eq!(
            event_signature("1700000000", "abcdefg", "my_encrypt_key", S1_BODY.as_bytes()),
            sig
        );
        let parts = SignedParts {
            timestamp: "1700000000",
            nonce: "abcdefg",
            signature: sig,
        };
        assert!(verify_event(parts, "my_encrypt_key", S1_BODY.as_bytes()));
        assert!(!verify_event(parts, "other_key", S1_BODY.as_bytes()));
    }

    #[test]
    fn s3_the_legacy_card_signature_vector_verifies() {
        let body = r#"{"open_id":"ou_x","open_message_id":"om_x","token":"c-x","action":{"tag":"button","value":{"k":"v"}}}"#;
        let sig = "e3649a185373e24174a287fa103ed5d8cb88ce0b";
        assert_eq!(
            card_signature("1700000000", "abcdefg", "my_verification_token", body.as_bytes()),
            sig
        );
        let parts = SignedParts {
            timestamp: "1700000000",
            nonce: "abcdefg",
            signature: sig,
        };
        assert!(verify_card(parts, "my_verification_token", body.as_bytes()));
    }

    proptest! {
        #[test]
        fn any_one_byte_change_to_a_signed_body_is_rejected(
            body in proptest::collection::vec(any::<u8>(), 1..400),
            pos in any::<prop::sample::Index>(),
            flip in 1u8..=255,
        ) {
            let sig = event_signature("1700000000", "n", "k", &body);
            let parts = SignedParts { timestamp: "1700000000", nonce: "n", signature: &sig };
            prop_assert!(verify_event(parts, "k", &body));
            let mut tampered = body;
            let i = pos.index(tampered.len());
            tampered[i] ^= flip;
            prop_assert!(!verify_event(parts, "k", &tampered));
        }
    }
}
