//! The pbbp2 frame of Feishu's long connection (proto2), as hand-written prost messages, and
//! the frames duban builds: the ping and the acknowledgement of a data frame.

use base64::Engine as _;
use serde_json::{Value, json};

/// `method` of a control frame (ping, pong).
pub const METHOD_CONTROL: i32 = 0;
/// `method` of a data frame (event, card callback).
pub const METHOD_DATA: i32 = 1;

/// One header of a frame.
#[derive(Clone, PartialEq, Eq, prost::Message)]
pub struct Header {
    /// `type`, `message_id`, `sum`, `seq`, `trace_id`, `biz_rt`, …
    #[prost(string, required, tag = "1")]
    pub key: String,
    /// Its value.
    #[prost(string, required, tag = "2")]
    pub value: String,
}

/// A frame (`pbbp2.Frame`). The required fields 1–4 are encoded even when zero.
#[derive(Clone, PartialEq, Eq, prost::Message)]
pub struct Frame {
    /// Echoed in the acknowledgement; 0 in pings.
    #[prost(uint64, required, tag = "1")]
    pub seq_id: u64,
    /// Echoed; 0 in pings.
    #[prost(uint64, required, tag = "2")]
    pub log_id: u64,
    /// The `service_id` of the connection URL.
    #[prost(int32, required, tag = "3")]
    pub service: i32,
    /// [`METHOD_CONTROL`] or [`METHOD_DATA`].
    #[prost(int32, required, tag = "4")]
    pub method: i32,
    /// Headers, in order.
    #[prost(message, repeated, tag = "5")]
    pub headers: Vec<Header>,
    /// Never interpreted.
    #[prost(string, optional, tag = "6")]
    pub payload_encoding: Option<String>,
    /// Never interpreted.
    #[prost(string, optional, tag = "7")]
    pub payload_type: Option<String>,
    /// UTF-8 JSON.
    #[prost(bytes = "vec", optional, tag = "8")]
    pub payload: Option<Vec<u8>>,
    /// Echoed.
    #[prost(string, optional, tag = "9")]
    pub log_id_new: Option<String>,
}

impl Frame {
    /// The first header named `key`.
    pub fn header(&self, key: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.key == key)
            .map(|h| h.value.as_str())
    }

    /// The client's ping for `service`.
    pub fn ping(service: i32) -> Self {
        Self {
            service,
            method: METHOD_CONTROL,
            headers: vec![Header {
                key: "type".to_owned(),
                value: "ping".to_owned(),
            }],
            ..Self::default()
        }
    }

    /// The acknowledgement of this data frame: the same frame with `biz_rt` appended and the
    /// payload replaced by `{"code":…}`, plus `data` (base64 of the answer's JSON) when a card
    /// callback answers with a toast or a card.
    pub fn ack(&self, code: u16, answer: Option<&Value>, biz_rt_ms: u128) -> Self {
        let mut out = self.clone();
        out.headers.push(Header {
            key: "biz_rt".to_owned(),
            value: biz_rt_ms.to_string(),
        });
        let mut body = json!({ "code": code });
        if let Some(a) = answer.filter(|a| a.as_object().is_some_and(|o| !o.is_empty())) {
            let bytes = serde_json::to_vec(a).unwrap_or_default();
            body["data"] = Value::String(base64::engine::general_purpose::STANDARD.encode(bytes));
        }
        out.payload = Some(body.to_string().into_bytes());
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use prost::Message as _;

    #[test]
    fn the_ping_is_byte_for_byte_the_sdks_ping() {
        // Python and Node SDKs' ping for service_id 33554678 (the Go SDK adds empty optionals).
        let bytes = Frame::ping(33_554_678).encode_to_vec();
        assert_eq!(
            hex::encode(&bytes),
            "0800100018f681801020002a0c0a0474797065120470696e67"
        );
        let go = hex::decode("0800100018f681801020002a0c0a0474797065120470696e6732003a004a00").unwrap();
        let f = Frame::decode(go.as_slice()).unwrap();
        assert_eq!(f.header("type"), Some("ping"));
        assert_eq!(f.service, 33_554_678);
        assert_eq!(f.payload_encoding.as_deref(), Some(""));
    }

    #[test]
    fn the_ack_echoes_the_frame_and_carries_the_answer_in_base64() {
        let f = Frame {
            seq_id: 7,
            log_id: 9,
            service: 3,
            method: METHOD_DATA,
            headers: vec![Header {
                key: "type".to_owned(),
                value: "event".to_owned(),
            }],
            payload: Some(b"{}".to_vec()),
            log_id_new: Some("x".to_owned()),
            ..Frame::default()
        };
        let a = f.ack(200, Some(&json!({"toast":{"type":"success","content":"ok"}})), 12);
        assert_eq!((a.seq_id, a.log_id, a.service, a.method), (7, 9, 3, METHOD_DATA));
        assert_eq!(a.header("biz_rt"), Some("12"));
        assert_eq!(a.log_id_new.as_deref(), Some("x"));
        let body: Value = serde_json::from_slice(a.payload.as_deref().unwrap()).unwrap();
        assert_eq!(body["code"], 200);
        // Standard padded base64 of the answer's JSON (key order aside, the notes' vector).
        let decode = |s: &str| -> Value {
            serde_json::from_slice(&base64::engine::general_purpose::STANDARD.decode(s).unwrap()).unwrap()
        };
        let data = body["data"].as_str().unwrap();
        assert!(data.ends_with('='));
        assert_eq!(
            decode(data),
            decode("eyJ0b2FzdCI6eyJ0eXBlIjoic3VjY2VzcyIsImNvbnRlbnQiOiJvayJ9fQ==")
        );
        let plain = f.ack(200, Some(&json!({})), 0);
        assert_eq!(plain.payload.as_deref(), Some(br#"{"code":200}"#.as_slice()));
    }
}
