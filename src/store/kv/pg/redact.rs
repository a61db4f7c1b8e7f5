//! Database URLs in messages: never with their password.

/// `url` with its password replaced by `***` (for every log line and message).
pub fn redact(url: &str) -> String {
    let mut out = url.to_owned();
    if let Some(scheme) = out.find("://") {
        let rest = scheme + 3;
        let end = out[rest..].find(['/', '?']).map_or(out.len(), |i| rest + i);
        if let Some(at) = out[rest..end].rfind('@').map(|i| rest + i)
            && let Some(colon) = out[rest..at].find(':').map(|i| rest + i)
        {
            out.replace_range(colon + 1..at, "***");
        }
    }
    // `password=…` in a query string or a key=value connection string.
    let mut shown = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find("password=") {
        shown.push_str(&rest[..i + 9]);
        shown.push_str("***");
        rest = &rest[i + 9..];
        rest = rest.find(['&', ' ']).map_or("", |j| &rest[j..]);
    }
    shown.push_str(rest);
    shown
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact("postgres://duban:s3cret@db:5432/duban"),
            "postgres://duban:***@db:5432/duban"
        );
        assert_eq!(redact("postgres://duban@db/duban"), "postgres://duban@db/duban");
        assert_eq!(
            redact("postgres://db/duban?user=a&password=x1&sslmode=require"),
            "postgres://db/duban?user=a&password=***&sslmode=require"
        );
        assert_eq!(redact("host=db password=x user=a"), "host=db password=*** user=a");
    }
}
