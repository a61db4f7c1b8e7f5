//! Reading a request's body under the limit.

use axum::body::{Body, Bytes};

use super::error::IngressError;

/// Bodies above this are refused with 413.
pub const MAX_BODY: usize = 1024 * 1024;

/// The whole body, refused with [`IngressError::TooLarge`] as soon as more than [`MAX_BODY`]
/// has arrived, whether or not its length was declared.
pub(super) async fn read_body(body: Body) -> Result<Bytes, IngressError> {
    use http_body_util::BodyExt;
    match http_body_util::Limited::new(body, MAX_BODY).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(IngressError::TooLarge),
        Err(_) => Err(IngressError::Body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunked(chunks: usize, size: usize) -> Body {
        let parts = (0..chunks).map(move |_| Ok::<_, std::io::Error>(Bytes::from(vec![b'x'; size])));
        Body::from_stream(futures_util::stream::iter(parts))
    }

    #[tokio::test]
    async fn a_body_is_read_whole_up_to_the_limit_and_refused_past_it_without_a_declared_length() {
        let body = read_body(chunked(4, MAX_BODY / 4)).await.unwrap();
        assert_eq!(body.len(), MAX_BODY);
        assert!(matches!(
            read_body(chunked(3, MAX_BODY / 2)).await,
            Err(IngressError::TooLarge)
        ));
        let broken = futures_util::stream::iter([
            Ok(Bytes::from_static(b"{\"a\":")),
            Err(std::io::Error::other("connection reset")),
        ]);
        assert!(matches!(
            read_body(Body::from_stream(broken)).await,
            Err(IngressError::Body)
        ));
    }
}
