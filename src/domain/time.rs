//! Timestamps: parsing Label Studio's ISO-8601 strings and a full, unambiguous rendering for
//! tooltips. The short, locale-aware rendering is the browser's (`Intl`).

/// Seconds since the epoch for `2026-11-27T20:31:21.365923Z` or `…+01:00`; `None` if unreadable.
pub fn parse_iso8601(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, rest) = text.split_once(['T', ' '])?;
    let mut date_parts = date.split('-');
    let year: i64 = date_parts.next()?.parse().ok()?;
    let month: u32 = date_parts.next()?.parse().ok()?;
    let day: u32 = date_parts.next()?.parse().ok()?;
    let (clock, offset_secs) = split_offset(rest)?;
    let mut clock_parts = clock.split(':');
    let hour: i64 = clock_parts.next()?.parse().ok()?;
    let minute: i64 = clock_parts.next()?.parse().ok()?;
    let second: f64 = clock_parts.next().unwrap_or("0").parse().ok()?;
    // Four-digit years only: larger ones are not timestamps Label Studio writes, and would
    // overflow the arithmetic below.
    let valid = (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && hour < 24
        && minute < 60
        && second < 61.0;
    valid.then(|| {
        days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second as i64
            - offset_secs
    })
}

fn split_offset(rest: &str) -> Option<(&str, i64)> {
    if let Some(clock) = rest.strip_suffix('Z') {
        return Some((clock, 0));
    }
    match rest.rfind(['+', '-']) {
        Some(at) => {
            let (clock, offset) = rest.split_at(at);
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let (h, m) = offset[1..].split_once(':').unwrap_or((&offset[1..], "0"));
            Some((
                clock,
                sign * (h.parse::<i64>().ok()? * 3600 + m.parse::<i64>().ok()? * 60),
            ))
        }
        None => Some((rest, 0)),
    }
}

/// Full timestamp in a given UTC offset, 24-hour clock: `2026-11-27 12:05:09 UTC+01:00`.
pub fn full_timestamp(epoch_secs: i64, offset_minutes: i32) -> String {
    // Saturating: an instant near the ends of i64 renders as some far date, not a panic.
    let local = epoch_secs.saturating_add(i64::from(offset_minutes) * 60);
    let (y, mo, d) = civil_from_days(local.div_euclid(86_400));
    let secs = local.rem_euclid(86_400);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    format!(
        "{y:04}-{mo:02}-{d:02} {:02}:{:02}:{:02} UTC{sign}{:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
        abs / 60,
        abs % 60
    )
}

// Howard Hinnant's civil-calendar algorithms.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_label_studio_timestamps() {
        assert_eq!(parse_iso8601("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_iso8601("2026-11-27T20:31:21.365923Z"),
            Some(1_795_811_481)
        );
        assert_eq!(
            parse_iso8601("2026-11-27T21:31:21+01:00"),
            Some(1_795_811_481)
        );
        assert_eq!(
            parse_iso8601("2026-11-27T15:01:21-05:30"),
            Some(1_795_811_481)
        );
        assert_eq!(parse_iso8601("2024-02-29T12:00:00Z"), Some(1_709_208_000));
        for bad in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-11-27",
            "2026-11-27T25:00:00Z",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }

    #[test]
    fn full_timestamps_follow_the_offset_across_midnight() {
        let t = parse_iso8601("2026-12-31T23:30:00Z").unwrap_or_default();
        assert_eq!(full_timestamp(t, 0), "2026-12-31 23:30:00 UTC+00:00");
        assert_eq!(full_timestamp(t, 60), "2027-01-01 00:30:00 UTC+01:00");
        assert_eq!(full_timestamp(t, -330), "2026-12-31 18:00:00 UTC-05:30");
        assert_eq!(full_timestamp(-1, 0), "1969-12-31 23:59:59 UTC+00:00");
    }
}
