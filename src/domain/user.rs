//! How a user is named and pictured.

use crate::api::types::User;
use crate::domain::i18n::sections::SectionsMsg;

/// Two letters for the avatar: first letters of first + last name, else the first two
/// characters of the email. As typed: the style shows them in capitals (`text-transform`), which
/// spares the wasm Unicode's case tables.
pub fn initials(first_name: &str, last_name: &str, email: &str) -> String {
    let first = first_name.trim().chars().next();
    let last = last_name.trim().chars().next();
    match (first, last) {
        (Some(f), Some(l)) => [f, l].into_iter().collect(),
        _ => {
            let source = [first_name.trim(), last_name.trim(), email.trim()]
                .into_iter()
                .find(|s| !s.is_empty())
                .unwrap_or("?");
            source.chars().take(2).collect()
        }
    }
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

/// Label Studio Enterprise's role codes, spelled out in `words`' language (OSS sends no role at
/// all); an unknown code is shown as sent.
pub fn role_name(code: &str, words: fn(SectionsMsg) -> &'static str) -> String {
    let known = match code {
        "OW" => SectionsMsg::RoleOwner,
        "AD" => SectionsMsg::RoleAdministrator,
        "MA" => SectionsMsg::RoleManager,
        "AN" => SectionsMsg::RoleAnnotator,
        "RE" => SectionsMsg::RoleReviewer,
        "DI" => SectionsMsg::RoleDeactivated,
        "NO" => SectionsMsg::RolePending,
        other => return other.to_string(),
    };
    words(known).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_prefer_the_name_then_the_email() {
        assert_eq!(initials("Ada", "Lovelace", "ada@example.com"), "AL");
        assert_eq!(initials("", "", "demo@example.com"), "de");
        assert_eq!(initials("  ", "", "x@y.z"), "x@");
        assert_eq!(initials("Ada", "", "ada@example.com"), "Ad");
        assert_eq!(initials("élodie", "ßer", "e@x"), "éß");
        assert_eq!(initials("", "", ""), "?");
    }

    #[test]
    fn role_codes_are_spelled_out_and_unknown_ones_shown_as_sent() {
        let en = |msg: SectionsMsg| crate::domain::i18n::Catalog::english(msg);
        assert_eq!(role_name("AN", en), "Annotator");
        assert_eq!(role_name("OW", en), "Owner");
        assert_eq!(role_name("XX", en), "XX");
    }
}
