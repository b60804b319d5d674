//! Whether the Label Studio session is gone, judged from the order of requests and answers.

use crate::api::Traffic;

/// Follows the client's traffic reports. A 401 on a session request means the session ended;
/// only a success of a request sent *after* that proves it is back: answers to requests that
/// were already on their way say nothing new.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionWatch {
    /// Requests sent and not answered yet.
    pub in_flight: usize,
    last_sent: u64,
    /// Set while the session is known gone: the newest request sent when that was found out.
    ended_after: Option<u64>,
    /// The page is about to reload on purpose (a language switch).
    pub leaving: bool,
    /// Drafts still being written for the page's next load (a photo is read first).
    pub storing: u32,
}

impl SessionWatch {
    /// Books one report.
    pub fn record(&mut self, traffic: Traffic) {
        match traffic {
            Traffic::Started { id } => {
                self.last_sent = self.last_sent.max(id);
                self.in_flight += 1;
            }
            Traffic::Finished { id, session_alive } => {
                self.in_flight = self.in_flight.saturating_sub(1);
                match session_alive {
                    Some(false) => self.ended_after = Some(self.last_sent.max(id)),
                    Some(true) if self.ended_after.is_some_and(|after| id > after) => {
                        self.ended_after = None;
                    }
                    _ => {}
                }
            }
        }
    }

    /// True from a 401 until a later request succeeds.
    pub fn session_ended(&self) -> bool {
        self.ended_after.is_some()
    }

    /// Unsaved drafts are kept in this tab for the page's next load: the session ended (the user
    /// signs in again), or the page reloads on purpose.
    pub fn keep_drafts(&self) -> bool {
        self.session_ended() || self.leaving
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn started(id: u64) -> Traffic {
        Traffic::Started { id }
    }

    fn finished(id: u64, session_alive: Option<bool>) -> Traffic {
        Traffic::Finished { id, session_alive }
    }

    #[test]
    fn a_401_ends_the_session_until_a_later_request_succeeds() {
        let mut watch = SessionWatch::default();
        for traffic in [started(1), started(2), finished(1, Some(false))] {
            watch.record(traffic);
        }
        assert!(watch.session_ended());
        // Request 2 was already on its way: its success proves nothing.
        watch.record(finished(2, Some(true)));
        assert!(watch.session_ended());
        // A failure that says nothing about the session changes nothing.
        watch.record(started(3));
        watch.record(finished(3, None));
        assert!(watch.session_ended());
        watch.record(started(4));
        watch.record(finished(4, Some(true)));
        assert!(!watch.session_ended());
        assert_eq!(watch.in_flight, 0);
    }

    #[test]
    fn in_flight_counts_requests_and_never_underflows() {
        let mut watch = SessionWatch::default();
        watch.record(started(1));
        watch.record(started(2));
        assert_eq!(watch.in_flight, 2);
        watch.record(finished(1, Some(true)));
        watch.record(finished(2, None));
        watch.record(finished(9, None));
        assert_eq!(watch.in_flight, 0);
        assert!(!watch.session_ended());
    }
}
