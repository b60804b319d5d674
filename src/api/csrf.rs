//! Reading Django's `csrftoken` cookie (pure, so it is tested natively).

/// The value of cookie `name` in a `document.cookie` string.
pub fn cookie_value(cookies: &str, name: &str) -> Option<String> {
    cookies
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::cookie_value;

    #[test]
    fn finds_the_named_cookie_only() {
        let jar = "theme=dark; csrftoken=abc123; xcsrftoken=nope";
        assert_eq!(cookie_value(jar, "csrftoken").as_deref(), Some("abc123"));
        assert_eq!(cookie_value("xcsrftoken=nope", "csrftoken"), None);
        assert_eq!(cookie_value("", "csrftoken"), None);
        assert_eq!(cookie_value("csrftoken=", "csrftoken"), None);
    }
}
