//! Feishu event encryption (pure): AES-256-CBC with key = SHA-256(Encrypt Key), body
//! `base64(iv ‖ ciphertext)`, PKCS#7 padding (protocol reference §2).

use aes::Aes256;
use aes::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyIvInit, block_padding::Pkcs7};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// Why an `encrypt` field could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecryptError {
    /// Not valid base64.
    #[error("encrypt field is not valid base64")]
    Base64,
    /// Shorter than IV + one block, or not whole blocks.
    #[error("encrypt field has a bad length")]
    Length,
    /// Wrong key or tampered ciphertext (bad padding).
    #[error("decryption failed")]
    Padding,
    /// The plaintext is not UTF-8.
    #[error("decrypted payload is not UTF-8")]
    Utf8,
}

/// The AES key derived from an Encrypt Key.
#[derive(Clone)]
pub struct EventCipher {
    key: [u8; 32],
}

impl std::fmt::Debug for EventCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EventCipher(..)")
    }
}

impl EventCipher {
    /// Derives the key: SHA-256 of the Encrypt Key's UTF-8 bytes.
    pub fn new(encrypt_key: &str) -> Self {
        let mut key = [0u8; 32];
        key.copy_from_slice(&Sha256::digest(encrypt_key.as_bytes()));
        Self { key }
    }

    /// Opens an `encrypt` field.
    ///
    /// # Errors
    /// [`DecryptError`] for bad base64, length, padding (wrong key / tampering) or UTF-8.
    pub fn decrypt(&self, encrypt: &str) -> Result<String, DecryptError> {
        let mut raw = STANDARD
            .decode(encrypt.trim())
            .map_err(|_| DecryptError::Base64)?;
        if raw.len() < 32 || raw.len() % 16 != 0 {
            return Err(DecryptError::Length);
        }
        // Decrypted in place, in the buffer base64 filled: no second allocation.
        let (iv, ct) = raw.split_at_mut(16);
        let dec =
            cbc::Decryptor::<Aes256>::new_from_slices(&self.key, iv).map_err(|_| DecryptError::Length)?;
        let len = dec
            .decrypt_padded::<Pkcs7>(ct)
            .map_err(|_| DecryptError::Padding)?
            .len();
        raw.copy_within(16..16 + len, 0);
        raw.truncate(len);
        String::from_utf8(raw).map_err(|_| DecryptError::Utf8)
    }

    /// Seals `plaintext` with the given IV (what Feishu does; used by tests, the benchmark and
    /// the sandbox emulator).
    pub fn encrypt_with_iv(&self, plaintext: &[u8], iv: [u8; 16]) -> String {
        let enc = cbc::Encryptor::<Aes256>::new(&self.key.into(), &iv.into());
        let ct = enc.encrypt_padded_vec::<Pkcs7>(plaintext);
        let mut out = Vec::with_capacity(16 + ct.len());
        out.extend_from_slice(&iv);
        out.extend_from_slice(&ct);
        STANDARD.encode(out)
    }

    /// Seals `plaintext` with a random IV.
    pub fn encrypt(&self, plaintext: &[u8]) -> String {
        self.encrypt_with_iv(plaintext, rand::random())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn t1_the_official_doc_vector_decrypts_to_hello_world() {
        let c = EventCipher::new("test key");
        assert_eq!(
            hex::encode(c.key),
            "fa2bdca424f01f01ffb48df93acc35d439c7fd331a1a7fba6ac2fd83aa9ab31a"
        );
        assert_eq!(
            c.decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=").unwrap(),
            "hello world"
        );
    }

    #[test]
    fn t2_the_go_sdk_vector_decrypts() {
        let c = EventCipher::new("1212121212");
        let enc = "bZ3L7yh6m3Fkuffl4g+3uGjIHnhOm5fVZbKVuyT8t7tcd5ABMYm8l28/X900ZL3knZ7n+sCREu/H2WnIzft0amC7+xWqNH8o25IU63N4BnZWfHh+4hyG76QPd19vkw2bPJCx9aqxK8Nz+xqFNbk0RdgyWhmgd30jSxHtcQXAllkI7FMpGpOCteJad3bLXPDBQIV/xkCtKICCS7Z63gakpxZCLaRZ3qCXP1fapHh+LBIupxenrU6ysc7I3nHmjmKie41IiWwS5puG4zQHhVbq6KWLcgWm/3NBZOPQy53ucMu75SXA55I7jarVLZXWUcqBGrcgE3vouWbtwgZuzmoTQl0GSh5VYSVvpW992BuGxUWj0XjPYdICJm6Cr7xouNXwMcdb7N8caVdkdSZeEnswG19qSyDoQhklwzNGW0yiaayulBqJNjfge/G5V3401c2XaIuAeEIo+QQ4RSNpRGfnHkbu/j55FGQAGWjpuBNaIwZbaUoVP3NkGP+vM5rpEDe3sL2GN+Xsd+g9yBs7FqdMV8mXTGgLjCqjrPrke5/km76Q3Pe6KPs2YexMRG4MkSx3xUTzZnNn7zIzShPcjeSwBd2pxk6ht5N+fzueZdxl6Oo=";
        let plain = c.decrypt(enc).unwrap();
        assert_eq!(plain.len(), 432);
        assert!(
            plain.starts_with(r#"{"schema":"2.0","header":{"event_id":"f7984f25108f8137722bb63cee927e66""#)
        );
        assert!(plain.contains(r#""name":"张三""#));
    }

    #[test]
    fn t3_encrypting_with_the_fixed_iv_reproduces_the_vector() {
        let c = EventCipher::new("my_encrypt_key");
        let plain =
            r#"{"challenge":"ajls384kdjx98XX","token":"my_verification_token","type":"url_verification"}"#;
        let iv: [u8; 16] = std::array::from_fn(|i| i as u8);
        let enc = c.encrypt_with_iv(plain.as_bytes(), iv);
        assert_eq!(
            enc,
            "AAECAwQFBgcICQoLDA0ODyh/dEidNPHeroLPvNavs/I0b9qUOXYGe9lZGFXhWUv/pv/Qy2jouU0XiMsIVcY8uFko3xb5CTbJHpQZU9l5WLapAQCinNCoZ0VFg2pUR1fJEQX9kDo/KtcBS0KD9Yekjw=="
        );
        assert_eq!(c.decrypt(&enc).unwrap(), plain);
    }

    #[test]
    fn a_wrong_key_or_short_input_is_refused() {
        let c = EventCipher::new("other key");
        assert!(c.decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=").is_err());
        assert_eq!(c.decrypt("AAAA"), Err(DecryptError::Length));
        assert_eq!(c.decrypt("not base64!!"), Err(DecryptError::Base64));
    }

    proptest! {
        #[test]
        fn decrypt_inverts_encrypt(key in ".{0,40}", plain in ".{0,600}") {
            let c = EventCipher::new(&key);
            prop_assert_eq!(c.decrypt(&c.encrypt(plain.as_bytes())).unwrap(), plain);
        }
    }
}
