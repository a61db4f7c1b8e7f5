//! The WebSocket through an HTTP proxy: many firms' servers reach the Internet only through one.
//! `CONNECT host:port` to the proxy (with Basic credentials when the proxy URL carries them),
//! then the WebSocket handshake (and TLS for `wss://`) over the tunnel.

use base64::Engine as _;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

/// Opens a tunnel to `host:port` through the HTTP proxy at `proxy` (`http://[user:pass@]host[:port]`).
///
/// # Errors
/// A proxy URL duban cannot use, an unreachable proxy, or a refused CONNECT (its status line).
pub(super) async fn tunnel(proxy: &str, host: &str, port: u16) -> Result<TcpStream, String> {
    let rest = proxy
        .trim()
        .strip_prefix("http://")
        .ok_or_else(|| format!("the proxy {} must be an http:// URL", redact(proxy)))?;
    let authority = rest.split('/').next().unwrap_or_default();
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, authority),
    };
    let addr = if hostport
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
    {
        hostport.to_owned()
    } else {
        format!("{hostport}:80")
    };
    let mut stream = TcpStream::connect(&addr)
        .await
        .map_err(|e| format!("cannot reach the proxy {}: {e}", redact(proxy)))?;
    let mut req = format!("CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n");
    if let Some(u) = userinfo {
        let token = base64::engine::general_purpose::STANDARD.encode(u.as_bytes());
        req.push_str(&format!("Proxy-Authorization: Basic {token}\r\n"));
    }
    req.push_str("\r\n");
    stream
        .write_all(req.as_bytes())
        .await
        .map_err(|e| format!("the proxy {} dropped the CONNECT: {e}", redact(proxy)))?;
    // Read the answer's head byte by byte, so nothing of the tunnelled stream is consumed.
    let mut head = Vec::with_capacity(256);
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > 8192 {
            return Err(format!("the proxy {} sent an oversized answer", redact(proxy)));
        }
        let b = stream
            .read_u8()
            .await
            .map_err(|e| format!("the proxy {} closed the CONNECT: {e}", redact(proxy)))?;
        head.push(b);
    }
    let head = String::from_utf8_lossy(&head);
    let status = head.lines().next().unwrap_or_default();
    if status.split_whitespace().nth(1) == Some("200") {
        Ok(stream)
    } else {
        Err(format!(
            "the proxy {} refused CONNECT {host}:{port}: {status}",
            redact(proxy)
        ))
    }
}

/// The proxy URL without credentials, for messages.
pub(super) fn redact(proxy: &str) -> String {
    match proxy.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((_, host)) => format!("{scheme}://***@{host}"),
            None => proxy.to_owned(),
        },
        None => proxy.to_owned(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn connect_is_sent_with_credentials_and_a_refusal_is_named() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            let mut seen = Vec::new();
            for answer in [
                "HTTP/1.1 200 Connection established\r\n\r\n",
                "HTTP/1.1 407 Proxy Authentication Required\r\n\r\n",
            ] {
                let (mut s, _) = listener.accept().await.unwrap();
                let mut buf = vec![0u8; 1024];
                let n = s.read(&mut buf).await.unwrap();
                seen.push(String::from_utf8_lossy(&buf[..n]).into_owned());
                s.write_all(answer.as_bytes()).await.unwrap();
                s.write_all(b"tunnelled").await.unwrap();
            }
            seen
        });
        let proxy = format!("http://alice:s3cret@{addr}");
        let mut s = tunnel(&proxy, "msg-frontier.feishu.cn", 443).await.unwrap();
        let mut rest = [0u8; 9];
        s.read_exact(&mut rest).await.unwrap();
        assert_eq!(
            &rest, b"tunnelled",
            "nothing after the answer's head is swallowed"
        );
        let err = tunnel(&proxy, "msg-frontier.feishu.cn", 443).await.unwrap_err();
        assert!(err.contains("407") && !err.contains("s3cret"), "{err}");
        let seen = server.await.unwrap();
        assert!(
            seen[0].starts_with("CONNECT msg-frontier.feishu.cn:443 HTTP/1.1\r\n"),
            "{}",
            seen[0]
        );
        assert!(
            seen[0].contains("Proxy-Authorization: Basic YWxpY2U6czNjcmV0\r\n"),
            "{}",
            seen[0]
        );
        assert!(tunnel("socks5://x:1", "h", 443).await.is_err());
    }
}
