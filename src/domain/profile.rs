//! Personal-info form rules: field limits, phone normalisation, what changed.

use crate::api::types::{User, UserPatch};

/// Label Studio stores each name and the phone in a 256-character column.
pub const MAX_FIELD_CHARS: usize = 256;

/// What the user has typed, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProfileDraft {
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
}

impl ProfileDraft {
    /// The form's starting point for `user`.
    pub fn from_user(user: &User) -> Self {
        Self {
            first_name: user.first_name.clone(),
            last_name: user.last_name.clone(),
            phone: user.phone.clone(),
        }
    }
}

/// A draft kept while the user signs in again, tied to whose it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PendingDraft {
    pub user_id: u64,
    pub draft: ProfileDraft,
}

/// Where a pending draft waits (sessionStorage; names and phone are not secrets).
pub const PENDING_DRAFT_KEY: &str = "ls-account-profile-draft";

/// The draft to restore for `user_id`: only that user's, and only if it differs from what is
/// stored (a save that went through after all leaves nothing to restore).
pub fn restorable(pending: Option<PendingDraft>, user: &User) -> Option<ProfileDraft> {
    pending
        .filter(|p| p.user_id == user.id && is_dirty(&p.draft, user))
        .map(|p| p.draft)
}

/// One message per field that fails; all `None` means the draft can be saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileErrors {
    pub first_name: Option<Problem>,
    pub last_name: Option<Problem>,
    pub phone: Option<Problem>,
}

impl ProfileErrors {
    pub fn is_empty(&self) -> bool {
        self.first_name.is_none() && self.last_name.is_none() && self.phone.is_none()
    }

    /// The message for one field, if it fails.
    pub fn get(&self, field: ProfileField) -> Option<&Problem> {
        match field {
            ProfileField::FirstName => self.first_name.as_ref(),
            ProfileField::LastName => self.last_name.as_ref(),
            ProfileField::Phone => self.phone.as_ref(),
        }
    }
}

/// What is wrong with a field (put into words by `i18n::problem`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// More than [`MAX_FIELD_CHARS`] characters.
    TooLong { count: usize },
    /// A phone number without `+` and the country code.
    PhoneWithoutPlus,
    /// A phone number with too few or too many digits, or other characters among them.
    PhoneDigits { count: usize, others: usize },
}

/// The form's editable fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    FirstName,
    LastName,
    Phone,
}

impl ProfileField {
    /// The field's name in Label Studio's answers (its 400 errors are keyed by it).
    pub fn server_name(self) -> &'static str {
        match self {
            Self::FirstName => "first_name",
            Self::LastName => "last_name",
            Self::Phone => "phone",
        }
    }
}

/// Checks the draft; on success returns the PATCH body (names trimmed, phone normalised).
pub fn validate(draft: &ProfileDraft) -> Result<UserPatch, ProfileErrors> {
    let errors = ProfileErrors {
        first_name: length_error(&draft.first_name),
        last_name: length_error(&draft.last_name),
        phone: normalize_phone(&draft.phone).err(),
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(UserPatch {
        first_name: Some(draft.first_name.trim().to_string()),
        last_name: Some(draft.last_name.trim().to_string()),
        phone: normalize_phone(&draft.phone).ok(),
        allow_newsletters: None,
    })
}

/// True when saving `draft` would change what `user` has stored.
pub fn is_dirty(draft: &ProfileDraft, user: &User) -> bool {
    draft.first_name.trim() != user.first_name
        || draft.last_name.trim() != user.last_name
        || normalize_phone(&draft.phone).map_or(true, |p| p != user.phone)
}

fn length_error(value: &str) -> Option<Problem> {
    let count = value.trim().chars().count();
    (count > MAX_FIELD_CHARS).then_some(Problem::TooLong { count })
}

/// Empty stays empty; otherwise spaces, dashes, dots and parentheses are removed and the result
/// must be `+` followed by 8–15 digits (E.164).
pub fn normalize_phone(input: &str) -> Result<String, Problem> {
    let compact: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
        .collect();
    if compact.is_empty() {
        return Ok(String::new());
    }
    let digits = compact.strip_prefix('+').unwrap_or("");
    let plausible = compact.starts_with('+')
        && (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit());
    if plausible {
        Ok(compact)
    } else if !compact.starts_with('+') {
        Err(Problem::PhoneWithoutPlus)
    } else {
        Err(Problem::PhoneDigits {
            count: digits.chars().filter(char::is_ascii_digit).count(),
            others: digits.chars().filter(|c| !c.is_ascii_digit()).count(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_read_per_field_by_their_server_name() {
        let a = Problem::TooLong { count: 300 };
        let c = Problem::PhoneWithoutPlus;
        let errors = ProfileErrors {
            first_name: Some(a),
            last_name: None,
            phone: Some(c),
        };
        assert_eq!(errors.get(ProfileField::FirstName), Some(&a));
        assert_eq!(errors.get(ProfileField::LastName), None);
        assert_eq!(errors.get(ProfileField::Phone), Some(&c));
        assert_eq!(ProfileField::FirstName.server_name(), "first_name");
        assert_eq!(ProfileField::LastName.server_name(), "last_name");
        assert_eq!(ProfileField::Phone.server_name(), "phone");
    }

    #[test]
    fn phone_is_normalised_to_e164() {
        assert_eq!(normalize_phone(""), Ok(String::new()));
        assert_eq!(normalize_phone("   "), Ok(String::new()));
        assert_eq!(
            normalize_phone("+49 (30) 123-45.67"),
            Ok("+49301234567".into())
        );
        assert_eq!(
            normalize_phone("+1 555 123 4567"),
            Ok("+15551234567".into())
        );
        assert_eq!(normalize_phone("+12345678"), Ok("+12345678".into()));
        assert_eq!(
            normalize_phone("+123456789012345"),
            Ok("+123456789012345".into())
        );
    }

    #[test]
    fn implausible_phones_are_explained() {
        assert_eq!(normalize_phone("555 1234"), Err(Problem::PhoneWithoutPlus));
        assert_eq!(
            normalize_phone("+1234567"),
            Err(Problem::PhoneDigits {
                count: 7,
                others: 0
            })
        );
        assert_eq!(
            normalize_phone("+1234567890123456"),
            Err(Problem::PhoneDigits {
                count: 16,
                others: 0
            })
        );
        assert_eq!(
            normalize_phone("+49 30 CALL-ME"),
            Err(Problem::PhoneDigits {
                count: 4,
                others: 6
            })
        );
        assert!(normalize_phone("++4930123456").is_err());
    }

    #[test]
    fn names_are_limited_to_256_characters() {
        let ok = ProfileDraft {
            first_name: "é".repeat(256),
            ..Default::default()
        };
        assert!(validate(&ok).is_ok());
        let long = ProfileDraft {
            last_name: "x".repeat(257),
            ..Default::default()
        };
        let errors = validate(&long).expect_err("must be refused");
        assert_eq!(errors.last_name, Some(Problem::TooLong { count: 257 }));
        assert_eq!(errors.first_name, None);
    }

    #[test]
    fn valid_draft_becomes_a_patch_without_email() {
        let draft = ProfileDraft {
            first_name: " Ada ".into(),
            last_name: "Lovelace".into(),
            phone: "+44 20 7946 0958".into(),
        };
        let patch = validate(&draft).expect("valid");
        assert_eq!(patch.first_name.as_deref(), Some("Ada"));
        assert_eq!(patch.phone.as_deref(), Some("+442079460958"));
        let json = serde_json::to_string(&patch).expect("json");
        assert!(!json.contains("email"), "{json}");
    }

    #[test]
    fn pending_drafts_restore_only_for_their_user_and_only_if_unsaved() {
        let user: User =
            serde_json::from_str(r#"{"id":1,"first_name":"Ada","email":"a@b.c"}"#).expect("user");
        let draft = ProfileDraft {
            first_name: "Grace".into(),
            ..ProfileDraft::from_user(&user)
        };
        let mine = PendingDraft {
            user_id: 1,
            draft: draft.clone(),
        };
        assert_eq!(restorable(Some(mine.clone()), &user), Some(draft));
        assert_eq!(
            restorable(Some(PendingDraft { user_id: 2, ..mine }), &user),
            None
        );
        let saved = PendingDraft {
            user_id: 1,
            draft: ProfileDraft::from_user(&user),
        };
        assert_eq!(restorable(Some(saved), &user), None);
        assert_eq!(restorable(None, &user), None);
    }

    #[test]
    fn dirty_compares_what_would_be_saved() {
        let user: User = serde_json::from_str(
            r#"{"id":1,"first_name":"Ada","last_name":"","email":"a@b.c","phone":"+15551234567"}"#,
        )
        .expect("user");
        let mut draft = ProfileDraft::from_user(&user);
        assert!(!is_dirty(&draft, &user));
        draft.phone = "+1 555 123 4567".into();
        assert!(!is_dirty(&draft, &user), "same number, other spelling");
        draft.first_name = "Ada ".into();
        assert!(!is_dirty(&draft, &user));
        draft.first_name = "Ava".into();
        assert!(is_dirty(&draft, &user));
    }
}
