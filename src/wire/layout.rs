//! The vendors' documented time layouts, read byte by byte: `YYYY-MM-DD`, `hh:mm:ss[.f]`,
//! and the two joined by `T` or a space, with `Z` for UTC. The text adapters try these first
//! and hand any other text to chrono's general parser, which reads it or words the refusal;
//! what these read, it reads to the same value (a test holds them to it).

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// The value of a run of ASCII digits (at most 9); `None` if any byte is not a digit.
fn number(digits: &[u8]) -> Option<u32> {
    if digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0_u32, |value, &byte| {
        let digit = byte.checked_sub(b'0').filter(|digit| *digit <= 9)?;
        value.checked_mul(10)?.checked_add(u32::from(digit))
    })
}

/// `YYYY-MM-DD`.
pub(super) fn date(text: &[u8]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *text else {
        return None;
    };
    let year = i32::try_from(number(&[y0, y1, y2, y3])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&[m0, m1])?, number(&[d0, d1])?)
}

/// `hh:mm:ss`, then optionally `.` and 1 to 9 digits of a second.
pub(super) fn time(text: &[u8]) -> Option<NaiveTime> {
    let (clock, fraction) = text.split_at_checked(8)?;
    let [h0, h1, b':', m0, m1, b':', s0, s1] = *clock else {
        return None;
    };
    let nanos = match fraction {
        [] => 0,
        [b'.', digits @ ..] if !digits.is_empty() => {
            let shift = 9_u32.checked_sub(u32::try_from(digits.len()).ok()?)?;
            number(digits)?.checked_mul(10_u32.checked_pow(shift)?)?
        }
        _ => return None,
    };
    NaiveTime::from_hms_nano_opt(
        number(&[h0, h1])?,
        number(&[m0, m1])?,
        number(&[s0, s1])?,
        nanos,
    )
}

/// A date and a time joined by `separator`.
pub(super) fn date_time(text: &str, separator: u8) -> Option<NaiveDateTime> {
    let (day, rest) = text.as_bytes().split_at_checked(10)?;
    let (&between, clock) = rest.split_first()?;
    if between != separator {
        return None;
    }
    Some(NaiveDateTime::new(date(day)?, time(clock)?))
}

/// A date and a time joined by `T`, in UTC (`Z`).
pub(super) fn utc(text: &str) -> Option<DateTime<Utc>> {
    date_time(text.strip_suffix('Z')?, b'T').map(|at| at.and_utc())
}
