//! The long connection's frames as the fake reads and writes them (pbbp2: service, method,
//! headers, payload), encoded and decoded by hand, independently of duban's prost codec, so a
//! symmetric bug in one cannot hide.

/// The `service_id` the fake's URLs carry.
pub const SERVICE_ID: i32 = 33_554_678;

/// A frame as the fake decoded it (fields by number).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WireFrame {
    /// Field 1.
    pub seq_id: u64,
    /// Field 2.
    pub log_id: u64,
    /// Field 3.
    pub service: i32,
    /// Field 4.
    pub method: i32,
    /// Field 5, in order.
    pub headers: Vec<(String, String)>,
    /// Field 8.
    pub payload: Option<Vec<u8>>,
    /// Field 9.
    pub log_id_new: Option<String>,
}

impl WireFrame {
    /// The first header named `key`.
    pub fn header(&self, key: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Encodes fields 1–4 always (proto2 `required`), then headers, payload and LogIDNew.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put_key(&mut out, 1, 0);
        put_varint(&mut out, self.seq_id);
        put_key(&mut out, 2, 0);
        put_varint(&mut out, self.log_id);
        put_key(&mut out, 3, 0);
        put_varint(&mut out, i64::from(self.service) as u64);
        put_key(&mut out, 4, 0);
        put_varint(&mut out, i64::from(self.method) as u64);
        for (k, v) in &self.headers {
            let mut h = Vec::new();
            put_bytes(&mut h, 1, k.as_bytes());
            put_bytes(&mut h, 2, v.as_bytes());
            put_bytes(&mut out, 5, &h);
        }
        if let Some(p) = &self.payload {
            put_bytes(&mut out, 8, p);
        }
        if let Some(l) = &self.log_id_new {
            put_bytes(&mut out, 9, l.as_bytes());
        }
        out
    }

    /// Decodes a frame; `None` when the bytes are not a well-formed pbbp2 frame.
    pub fn decode(mut b: &[u8]) -> Option<Self> {
        let mut f = Self::default();
        while !b.is_empty() {
            let key = get_varint(&mut b)?;
            let (field, wire) = (key >> 3, key & 7);
            match wire {
                0 => {
                    let v = get_varint(&mut b)?;
                    match field {
                        1 => f.seq_id = v,
                        2 => f.log_id = v,
                        3 => f.service = v as i32,
                        4 => f.method = v as i32,
                        _ => {}
                    }
                }
                2 => {
                    let len = usize::try_from(get_varint(&mut b)?).ok()?;
                    if len > b.len() {
                        return None;
                    }
                    let (bytes, rest) = b.split_at(len);
                    b = rest;
                    match field {
                        5 => f.headers.push(decode_header(bytes)?),
                        8 => f.payload = Some(bytes.to_vec()),
                        9 => f.log_id_new = Some(String::from_utf8(bytes.to_vec()).ok()?),
                        _ => {}
                    }
                }
                _ => return None,
            }
        }
        Some(f)
    }
}

fn decode_header(mut b: &[u8]) -> Option<(String, String)> {
    let (mut k, mut v) = (String::new(), String::new());
    while !b.is_empty() {
        let key = get_varint(&mut b)?;
        if key & 7 != 2 {
            return None;
        }
        let len = usize::try_from(get_varint(&mut b)?).ok()?;
        if len > b.len() {
            return None;
        }
        let (bytes, rest) = b.split_at(len);
        b = rest;
        let s = String::from_utf8(bytes.to_vec()).ok()?;
        match key >> 3 {
            1 => k = s,
            2 => v = s,
            _ => {}
        }
    }
    Some((k, v))
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_key(out: &mut Vec<u8>, field: u64, wire: u64) {
    put_varint(out, (field << 3) | wire);
}

fn put_bytes(out: &mut Vec<u8>, field: u64, bytes: &[u8]) {
    put_key(out, field, 2);
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

fn get_varint(b: &mut &[u8]) -> Option<u64> {
    let mut v: u64 = 0;
    for i in 0..10 {
        let (&byte, rest) = b.split_first()?;
        *b = rest;
        v |= u64::from(byte & 0x7f) << (7 * i);
        if byte < 0x80 {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_hand_written_codec_matches_the_sdk_ping_vectors() {
        let ping = WireFrame {
            service: SERVICE_ID,
            headers: vec![("type".to_owned(), "ping".to_owned())],
            ..WireFrame::default()
        };
        assert_eq!(
            hex::encode(ping.encode()),
            "0800100018f681801020002a0c0a0474797065120470696e67"
        );
        let go = hex::decode("0800100018f681801020002a0c0a0474797065120470696e6732003a004a00").unwrap();
        let f = WireFrame::decode(&go).unwrap();
        assert_eq!(
            (f.service, f.method, f.header("type")),
            (SERVICE_ID, 0, Some("ping"))
        );
        assert_eq!(WireFrame::decode(&[0xff]), None);
        assert_eq!(WireFrame::decode(&[0x42, 0x05, 0x01]), None);
    }
}
