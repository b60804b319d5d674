//! Ready-to-copy usage examples with a token filled in, quoted safely for a POSIX shell and
//! Python.

use crate::api::paths;

/// `'…'` for a POSIX shell: safe for any content.
pub fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// A Python string literal.
pub fn python_quote(value: &str) -> String {
    let escaped: String = value
        .chars()
        .flat_map(|c| match c {
            '\\' => vec!['\\', '\\'],
            '"' => vec!['\\', '"'],
            '\n' => vec!['\\', 'n'],
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}

/// Exchange the PAT for an access token, then call the API with it.
pub fn pat_curl(origin: &str, token: &str) -> String {
    let body = format!(r#"{{"refresh": "{token}"}}"#);
    format!(
        "ACCESS=$(curl -s -X POST {refresh} -H 'Content-Type: application/json' -d {body} | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"access\"])')\n\
         curl -s {whoami} -H \"Authorization: Bearer $ACCESS\"",
        refresh = shell_quote(&format!("{origin}{}", paths::TOKEN_REFRESH)),
        body = shell_quote(&body),
        whoami = shell_quote(&format!("{origin}{}", paths::WHOAMI)),
    )
}

/// The Label Studio Python SDK takes the PAT as `api_key` and refreshes by itself.
pub fn pat_python(origin: &str, token: &str) -> String {
    format!(
        "from label_studio_sdk import LabelStudio\n\nls = LabelStudio(base_url={}, api_key={})\nprint(ls.users.whoami().email)",
        python_quote(origin),
        python_quote(token)
    )
}

/// Environment variables the SDK and scripts read.
pub fn env_lines(origin: &str, token: &str) -> String {
    format!(
        "export LABEL_STUDIO_URL={}\nexport LABEL_STUDIO_API_KEY={}",
        shell_quote(origin),
        shell_quote(token)
    )
}

/// A request with the legacy token.
pub fn legacy_curl(origin: &str, token: &str) -> String {
    format!(
        "curl -s {} -H {}",
        shell_quote(&format!("{origin}{}", paths::PROJECTS)),
        shell_quote(&format!("Authorization: Token {token}"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_hostile_content() {
        assert_eq!(shell_quote("a'b"), r"'a'\''b'");
        assert_eq!(shell_quote("$(rm -rf /)"), "'$(rm -rf /)'");
        assert_eq!(python_quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(python_quote("x\ny"), r#""x\ny""#);
    }

    #[test]
    fn snippets_carry_the_token_and_origin() {
        let curl = pat_curl("http://ls.example:8080", "aaa.bbb.ccc");
        assert!(
            curl.contains("'http://ls.example:8080/api/token/refresh/'"),
            "{curl}"
        );
        assert!(curl.contains(r#"'{"refresh": "aaa.bbb.ccc"}'"#), "{curl}");
        assert!(curl.contains("Authorization: Bearer $ACCESS"));
        let py = pat_python("http://h", "t.o.k");
        assert!(
            py.contains(r#"LabelStudio(base_url="http://h", api_key="t.o.k")"#),
            "{py}"
        );
        assert_eq!(
            env_lines("http://h", "t"),
            "export LABEL_STUDIO_URL='http://h'\nexport LABEL_STUDIO_API_KEY='t'"
        );
        assert_eq!(
            legacy_curl("http://h", "abc"),
            "curl -s 'http://h/api/projects/' -H 'Authorization: Token abc'"
        );
    }
}
