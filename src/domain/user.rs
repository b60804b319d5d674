//! How a user is named and pictured.

use crate::api::types::User;

/// Two letters for the avatar: first letters of first + last name, else the first two
/// characters of the email. Uppercase.
pub fn initials(first_name: &str, last_name: &str, email: &str) -> String {
    let first = first_name.trim().chars().next();
    let last = last_name.trim().chars().next();
    let letters: String = match (first, last) {
        (Some(f), Some(l)) => [f, l].into_iter().collect(),
        _ => {
            let source = [first_name.trim(), last_name.trim(), email.trim()]
                .into_iter()
                .find(|s| !s.is_empty())
                .unwrap_or("?");
            source.chars().take(2).collect()
        }
    };
    letters.to_uppercase()
}

/// "First Last", or the email when no name is set.
pub fn display_name(user: &User) -> String {
    let name = format!("{} {}", user.first_name.trim(), user.last_name.trim());
    let name = name.trim();
    if name.is_empty() {
        user.email.clone()
    } else {
        name.to_string()
    }
}

/// The user's initials per [`initials`].
pub fn user_initials(user: &User) -> String {
    initials(&user.first_name, &user.last_name, &user.email)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_prefer_the_name_then_the_email() {
        assert_eq!(initials("Ada", "Lovelace", "ada@example.com"), "AL");
        assert_eq!(initials("", "", "demo@example.com"), "DE");
        assert_eq!(initials("  ", "", "x@y.z"), "X@");
        assert_eq!(initials("Ada", "", "ada@example.com"), "AD");
        assert_eq!(initials("élodie", "ßer", "e@x"), "ÉSS");
        assert_eq!(initials("", "", ""), "?");
    }
}
