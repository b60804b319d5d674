//! Reading a personal access token's claims (no signature check: the server does that).
//! Works on the full `header.payload.signature` and on the listed `header.payload` form.

use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use serde::Deserialize;

/// The claims the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Claims {
    /// Issued at, seconds since the epoch.
    pub iat: Option<i64>,
    /// Expires at, seconds since the epoch (200 years out for Label Studio PATs).
    pub exp: Option<i64>,
    pub token_type: Option<String>,
}

/// The payload claims, or `None` for anything that is not a readable JWT.
pub fn claims(token: &str) -> Option<Claims> {
    let mut parts = token.trim().split('.');
    let (_header, payload) = (parts.next()?, parts.next()?);
    if parts.clone().count() > 1 {
        return None;
    }
    let bytes = base64url_decode(payload)?;
    serde_json::from_slice(&bytes).ok()
}

/// When a token stops working, as the page says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifetime {
    /// Expires at this moment, seconds since the epoch.
    Until(i64),
    /// No `exp`, or one beyond a human lifetime: Label Studio Community sets 200 years.
    Unlimited,
}

/// A token living longer than this (seconds from its issue) is shown as "does not expire".
const HUMAN_LIFETIME_SECS: i64 = 100 * 365 * 24 * 60 * 60;

/// The lifetime of a token issued at `iat` and expiring at `exp` (seconds since the epoch), as
/// its own claims say: no clock is read.
pub fn lifetime(exp: Option<i64>, iat: Option<i64>) -> Lifetime {
    match (exp, iat) {
        (Some(exp), Some(iat)) if exp.saturating_sub(iat) > HUMAN_LIFETIME_SECS => {
            Lifetime::Unlimited
        }
        (Some(exp), _) => Lifetime::Until(exp),
        (None, _) => Lifetime::Unlimited,
    }
}

/// Base64url, as JWTs use it: unpadded (padding accepted too), lenient about the unused bits of
/// the last character.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

fn base64url_decode(input: &str) -> Option<Vec<u8>> {
    BASE64URL.decode(input).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCIsImV4cCI6ODEwMzAxMTQ5MSwiaWF0IjoxNzk1ODExNDkxLCJqdGkiOiIyZmY2YWE3ZDFhZDU0MzYwYTIyYzFmMTUyZTMyYTFhYiIsInVzZXJfaWQiOiIxIn0.1p8jbFhOZzDuN39SJdq6B6ijj4iNZBVMHfPiwRVJSck";

    #[test]
    fn reads_full_and_truncated_tokens() {
        let expected = Claims {
            iat: Some(1_795_811_491),
            exp: Some(8_103_011_491),
            token_type: Some("refresh".into()),
        };
        assert_eq!(claims(FULL), Some(expected.clone()));
        let listed = FULL
            .rsplit_once('.')
            .map(|(head, _)| head)
            .unwrap_or_default();
        assert_eq!(claims(listed), Some(expected));
    }

    #[test]
    fn a_lifetime_beyond_a_human_one_does_not_expire() {
        // Label Studio Community: 200 years after creation.
        let community = claims(FULL).unwrap_or(Claims {
            iat: None,
            exp: None,
            token_type: None,
        });
        assert_eq!(lifetime(community.exp, community.iat), Lifetime::Unlimited);
        assert_eq!(lifetime(None, Some(1)), Lifetime::Unlimited);
        // Lifetimes of days to decades (Enterprise sets them), and no issue date.
        let iat = 1_795_811_491;
        for exp in [iat + 30 * 86_400, iat + 50 * 365 * 86_400] {
            assert_eq!(lifetime(Some(exp), Some(iat)), Lifetime::Until(exp));
            assert_eq!(lifetime(Some(exp), None), Lifetime::Until(exp));
        }
        assert_eq!(
            lifetime(Some(i64::MAX), Some(i64::MIN)),
            Lifetime::Unlimited
        );
    }

    #[test]
    fn garbage_is_none() {
        for bad in [
            "",
            "abc",
            "a.b.c.d",
            "eyJhbGciOiJIUzI1NiJ9.!!!!",
            "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24",
            "x.eyJpYXQiOiJub3QgYSBudW1iZXIifQ",
        ] {
            assert_eq!(claims(bad), None, "{bad}");
        }
    }

    #[test]
    fn base64url_handles_padding_and_alphabet() {
        assert_eq!(base64url_decode("aGk"), Some(b"hi".to_vec()));
        assert_eq!(base64url_decode("aGk="), Some(b"hi".to_vec()));
        assert_eq!(base64url_decode("-_8"), Some(vec![0xfb, 0xff]));
        assert_eq!(base64url_decode("a"), None);
    }
}
