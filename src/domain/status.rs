//! The outcome a section reports after the user did something ("Saved.", "Not saved: …").

/// What a section's status line says; shown politely, failures in the error colour.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Status {
    /// Nothing to report.
    #[default]
    Quiet,
    /// It worked, or it is under way ("Saving…").
    Done(String),
    /// It did not work, and why.
    Failed(String),
}

impl Status {
    /// `Done` when `ok`, else `Failed`, with the message for that case.
    pub fn from_outcome(ok: bool, done: &str, failed: &str) -> Self {
        if ok {
            Self::Done(done.to_string())
        } else {
            Self::Failed(failed.to_string())
        }
    }

    /// The text to show, if any.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Quiet => None,
            Self::Done(text) | Self::Failed(text) => Some(text),
        }
    }

    pub fn is_failure(&self) -> bool {
        matches!(self, Self::Failed(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_failure_follow_the_variant() {
        assert_eq!(Status::Quiet.text(), None);
        assert!(!Status::Quiet.is_failure());
        assert_eq!(Status::Done("Saved.".into()).text(), Some("Saved."));
        assert!(!Status::Done("Saved.".into()).is_failure());
        assert_eq!(Status::Failed("No.".into()).text(), Some("No."));
        assert!(Status::Failed("No.".into()).is_failure());
    }

    #[test]
    fn from_outcome_picks_the_message_of_its_case() {
        assert_eq!(
            Status::from_outcome(true, "a", "b"),
            Status::Done("a".into())
        );
        assert_eq!(
            Status::from_outcome(false, "a", "b"),
            Status::Failed("b".into())
        );
    }
}
