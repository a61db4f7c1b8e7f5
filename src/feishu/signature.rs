//! Request signatures (pure), compared in constant time.
//!
//! - Events and new-style callbacks: `hex(SHA-256(timestamp ‖ nonce ‖ encrypt_key ‖ raw_body))`
//!   (plain SHA-256, not HMAC; protocol reference §3).
//! - The legacy card request URL: `hex(SHA-1(timestamp ‖ nonce ‖ verification_token ‖ raw_body))`
//!   (§4.4).

use sha1::Sha1;
use sha2::digest::Output;
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
    hex::encode(signed_digest::<Sha256>(timestamp, nonce, encrypt_key, body))
}

/// The legacy card-callback signature for `body` under the Verification Token.
pub fn card_signature(timestamp: &str, nonce: &str, verification_token: &str, body: &[u8]) -> String {
    hex::encode(signed_digest::<Sha1>(timestamp, nonce, verification_token, body))
}

/// Constant-time equality of two strings (lengths may leak; contents do not).
pub fn ct_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Whether `parts.signature` is the event signature of `body`: the header's hex (either case)
/// is decoded and compared with the digest as bytes, in constant time, without building the
/// expected hex string (this runs for every push).
pub fn verify_event(parts: SignedParts<'_>, encrypt_key: &str, body: &[u8]) -> bool {
    let digest = signed_digest::<Sha256>(parts.timestamp, parts.nonce, encrypt_key, body);
    digest_matches(&digest, parts.signature)
}

/// Whether `parts.signature` is the legacy card signature of `body`.
pub fn verify_card(parts: SignedParts<'_>, verification_token: &str, body: &[u8]) -> bool {
    let digest = signed_digest::<Sha1>(parts.timestamp, parts.nonce, verification_token, body);
    digest_matches(&digest, parts.signature)
}

/// `D(timestamp ‖ nonce ‖ secret ‖ body)`: what both signatures hash.
fn signed_digest<D: Digest>(timestamp: &str, nonce: &str, secret: &str, body: &[u8]) -> Output<D> {
    let mut h = D::new();
    h.update(timestamp.as_bytes());
    h.update(nonce.as_bytes());
    h.update(secret.as_bytes());
    h.update(body);
    h.finalize()
}

/// Whether the hex `signature` (either case) spells `digest`: decoded, then compared in
/// constant time. A signature of another length or with a non-hex character never matches.
fn digest_matches(digest: &[u8], signature: &str) -> bool {
    let mut given = [0u8; 32];
    let Some(given) = given.get_mut(..digest.len()) else {
        return false;
    };
    hex::decode_to_slice(signature, given).is_ok() && bool::from(given.ct_eq(digest))
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

    #[test]
    fn a_signature_is_read_in_either_case_and_nothing_else_matches() {
        let sig = event_signature("1700000000", "abcdefg", "my_encrypt_key", S1_BODY.as_bytes());
        let upper = sig.to_ascii_uppercase();
        let short = &sig[..62];
        let longer = format!("{sig}00");
        let not_hex = format!("{}zz", &sig[..62]);
        let verify = |signature: &str| {
            let parts = SignedParts {
                timestamp: "1700000000",
                nonce: "abcdefg",
                signature,
            };
            verify_event(parts, "my_encrypt_key", S1_BODY.as_bytes())
        };
        assert!(verify(&sig) && verify(&upper));
        for bad in [short, longer.as_str(), not_hex.as_str(), "", "cacc"] {
            assert!(!verify(bad), "{bad}");
        }
        // A SHA-1 (card) signature is 40 hex digits: 64 never match it.
        let card = card_signature("1", "n", "t", b"{}");
        let parts = SignedParts {
            timestamp: "1",
            nonce: "n",
            signature: &sig,
        };
        assert!(!verify_card(parts, "t", b"{}"));
        let parts = SignedParts {
            timestamp: "1",
            nonce: "n",
            signature: &card,
        };
        assert!(verify_card(parts, "t", b"{}"));
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
