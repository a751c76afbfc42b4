//! `date-consistency`: a date expression that contradicts itself.
//!
//! ## What it checks
//! A weekday written next to a date it does not fall on: "Thursday, July
//! 7, 2023" (July 7, 2023 was a Friday). The date is taken as meant; the
//! finding names the weekday it really was.
//!
//! ## Why it matters
//! One of the two is wrong, and readers cannot tell which; in a rewrite of
//! wire copy it is often the sign of a date edited without its weekday.
//!
//! ## Limitations
//! Only inside one expression. Event dates compared across sources are a
//! later check.

use super::{Flag, Target};
use crate::claim::DateClaim;

/// Whether this check reads `date` (only dates whose weekday contradicts
/// them): a run may drop the others once extracted (issue 19: memory).
pub fn reads(date: &DateClaim) -> bool {
    date.weekday_mismatch.is_some()
}

pub fn run(check: usize, dates: &[DateClaim], out: &mut Vec<Flag>) {
    for (i, d) in dates.iter().enumerate() {
        if let Some(reason) = &d.weekday_mismatch {
            out.push(Flag {
                check,
                target: Target::Date(i),
                reason: reason.clone(),
            });
        }
    }
}
