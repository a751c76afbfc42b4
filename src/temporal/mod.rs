//! Time: temporal expressions in news prose, resolved against a reference
//! date-time (the document's publication date, or "now").
//!
//! Input: a phrase (`claimcheck time`) or a sentence / whole text (the
//! claims pipeline). Output: [`TimeValue`]s — concrete wall-clock intervals
//! with a [`Grain`] — and, for prose, [`DateMention`]s with byte spans.
//!
//! Layout: `lexicon` (word tables) → `grammar` (nom, text → `Expr`) →
//! `resolve` (`Expr` + reference + [`Bias`] → interval) → `scan` (finds
//! expressions in prose). Vague words ("recently", "soon", "now"),
//! durations ("for five years") and undefined fiscal periods are not
//! dates: they give `None` rather than a guess.
//!
//! ```
//! use claimcheck::temporal::{resolve_phrase, Bias, Grain};
//! use jiff::civil::date;
//!
//! let now = date(2023, 6, 18).at(0, 0, 0, 0);
//! let v = resolve_phrase("last week", now, Bias::Future).unwrap();
//! assert_eq!((v.start, v.grain), (date(2023, 6, 5).at(0, 0, 0, 0), Grain::Week));
//! assert_eq!(v.inclusive_days(), Some((date(2023, 6, 5), date(2023, 6, 11))));
//! ```

mod ast;
mod astro;
mod calendar;
mod daytime;
mod grammar;
mod holiday;
pub(crate) mod lexicon;
mod lunar;
mod market;
mod own_year;
mod resolve;
mod scan;

use jiff::civil::{Date, DateTime};

pub use scan::{find_dates, DateMention};

/// The precision of a value: an instant covers `[start, start + 1 grain)`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Grain {
    /// The lowercase name Duckling uses ("day", "week", …).
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Second => "second",
            Grain::Minute => "minute",
            Grain::Hour => "hour",
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
        }
    }
}

/// The shape of a value (Duckling's instant / interval / open interval).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeKind {
    /// One grain-sized unit starting at `start`.
    Instant,
    /// `[start, end)`.
    Interval,
    /// From `start` on, no end ("since 2018").
    OpenAfter,
    /// Up to `start` (exclusive), no beginning ("before June", "until 1990").
    OpenBefore,
}

/// Which occurrence a yearless date, bare weekday or bare month means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Bias {
    /// The next occurrence (Duckling's convention; `claimcheck time`).
    /// A bare weekday is never today ("tuesday" on a Tuesday is next week).
    #[default]
    Future,
    /// The most recent occurrence, today included: news in the past tense
    /// ("said on Friday", "in November").
    Past,
    /// The closest occurrence either way (ties go to the past).
    Nearest,
}

/// A resolved temporal expression, in the wall-clock time of the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TimeValue {
    /// First instant; for [`TimeKind::OpenBefore`] the (exclusive) upper bound.
    pub start: DateTime,
    /// Exclusive end of an [`TimeKind::Interval`]; `None` for instants (they
    /// end one grain after `start`) and open intervals.
    pub end: Option<DateTime>,
    pub grain: Grain,
    pub kind: TimeKind,
    /// The same phrase read under the other convention, where readers
    /// differ (README, "Time phrases"): "the weekend" as Friday 18:00 to
    /// Monday (Duckling's) beside Saturday and Sunday, "the past two years"
    /// as the 24 months to today beside the two calendar years. Start and
    /// exclusive end; checks take the value as compatible with anything
    /// either reading overlaps ([`TimeValue::compatible_days`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<(DateTime, DateTime)>,
}

impl TimeValue {
    /// The `months` calendar months from the first day `first` on: a
    /// month, a season, a company's year.
    fn months_from(first: Date, months: i8) -> Option<TimeValue> {
        let end = first.checked_add(jiff::Span::new().months(months)).ok()?;
        Some(TimeValue {
            start: first.to_datetime(jiff::civil::Time::midnight()),
            end: Some(end.to_datetime(jiff::civil::Time::midnight())),
            grain: Grain::Month,
            kind: TimeKind::Interval,
            other: None,
        })
    }

    fn from_iv(iv: resolve::Iv) -> TimeValue {
        let end = (iv.kind == TimeKind::Interval).then_some(iv.end);
        TimeValue {
            start: iv.start,
            end,
            grain: iv.grain,
            kind: iv.kind,
            other: None,
        }
    }

    /// The first and last calendar day that either reading covers (the
    /// value's and [`TimeValue::other`]): what checks compare, so that a
    /// claim read under one convention does not conflict with one read
    /// under the other. `None` for open intervals.
    pub fn compatible_days(&self) -> Option<(Date, Date)> {
        let (first, last) = self.inclusive_days()?;
        let Some((start, end)) = self.other else {
            return Some((first, last));
        };
        let other_last = end
            .checked_sub(jiff::Span::new().nanoseconds(1))
            .ok()?
            .date()
            .max(start.date());
        Some((first.min(start.date()), last.max(other_last)))
    }

    /// The exclusive end of a closed value (instants: `start` + 1 grain).
    pub fn exclusive_end(&self) -> Option<DateTime> {
        match self.kind {
            TimeKind::Instant => calendar::shift(self.start, self.grain, 1),
            TimeKind::Interval => self.end,
            TimeKind::OpenAfter | TimeKind::OpenBefore => None,
        }
    }

    /// Duckling-style bounds: `(start, end)` with `None` for a missing bound
    /// ("before" intervals have only an end); instants give `(start, None)`.
    pub fn bounds(&self) -> (Option<DateTime>, Option<DateTime>) {
        match self.kind {
            TimeKind::OpenBefore => (None, Some(self.start)),
            _ => (Some(self.start), self.end),
        }
    }

    /// The first and last calendar day the value covers (for claims
    /// output); `None` for open intervals.
    pub fn inclusive_days(&self) -> Option<(Date, Date)> {
        let end = self.exclusive_end()?;
        let last = end
            .checked_sub(jiff::Span::new().nanoseconds(1))
            .ok()?
            .date();
        Some((self.start.date(), last.max(self.start.date())))
    }
}

/// Resolves a whole phrase ("last week", "June 18-19", "since 2018")
/// against `reference` (wall-clock time in the reference's zone; keep its
/// offset to print the result). `None` when the phrase is not a time.
pub fn resolve_phrase(text: &str, reference: DateTime, bias: Bias) -> Option<TimeValue> {
    resolve_phrase_with(
        text,
        reference,
        &PhraseOptions {
            bias,
            ..PhraseOptions::default()
        },
    )
}

/// How [`resolve_phrase_with`] reads a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PhraseOptions {
    pub bias: Bias,
    /// Also give latent readings (Duckling's `withLatent`): a bare number
    /// as a clock time ("7"), a bare part of the day ("morning"), "May"
    /// alone.
    pub latent: bool,
    /// The reference's UTC offset, to convert clock times given in another
    /// zone ("4pm CET"); without it such times are not resolved.
    pub offset: Option<jiff::tz::Offset>,
}

/// [`resolve_phrase`] with [`PhraseOptions`].
pub fn resolve_phrase_with(
    text: &str,
    reference: DateTime,
    options: &PhraseOptions,
) -> Option<TimeValue> {
    let PhraseOptions {
        bias,
        latent,
        offset,
    } = *options;
    let text = text.trim().trim_end_matches(['.', '?', '!']).trim_end();
    if text.is_empty() || text.len() > MAX_PHRASE {
        return None;
    }
    let (rest, (phrase, is_latent)) = grammar::full_phrase(text).ok()?;
    if !rest.trim().is_empty() || (!latent && (is_latent || is_modal_may(&phrase))) {
        return None;
    }
    // A clock time in another zone: resolved in that zone's wall-clock
    // time, then moved back to the reference's.
    let moved = match zone_of(&phrase.expr) {
        Some(zone) => i64::from(offset?.seconds() / 60) - i64::from(zone),
        None => 0,
    };
    let in_zone = |t: DateTime, m: i64| t.checked_add(jiff::Span::new().try_minutes(m).ok()?).ok();
    let iv = resolve::Ctx {
        now: in_zone(reference, -moved)?,
        bias,
    }
    .resolve(&phrase.expr)?;
    let mut v = TimeValue::from_iv(iv);
    if moved != 0 {
        v.start = in_zone(v.start, moved)?;
        v.end = match v.end {
            Some(e) => Some(in_zone(e, moved)?),
            None => None,
        };
    }
    Some(v)
}

/// The time zone a phrase's clock time was given in, if any.
fn zone_of(e: &ast::Expr) -> Option<i16> {
    match e {
        ast::Expr::TimeOfDay { clock, .. } => clock.zone,
        ast::Expr::ClockRange { from, .. } => from.zone,
        ast::Expr::Open { bound, .. } | ast::Expr::By(bound) => zone_of(bound),
        _ => None,
    }
}

/// [`resolve_phrase`] with a zoned reference: resolved in its wall-clock time.
pub fn resolve_phrase_zoned(text: &str, reference: &jiff::Zoned, bias: Bias) -> Option<TimeValue> {
    let options = PhraseOptions {
        bias,
        offset: Some(reference.offset()),
        ..PhraseOptions::default()
    };
    resolve_phrase_with(text, reference.datetime(), &options)
}

/// "May" alone is the modal verb as often as the month (Duckling reads it
/// only as a latent time); "in May", "May 5" and "next May" are dates.
fn is_modal_may(phrase: &grammar::Phrase) -> bool {
    phrase.prep_len == 0
        && phrase.expr
            == ast::Expr::Month {
                month: 5,
                shift: ast::Shift::Bare,
            }
}

/// Longer phrases are not one temporal expression.
const MAX_PHRASE: usize = 200;
