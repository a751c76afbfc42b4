//! Resolving times of day: clock times, clock ranges, parts of the day and
//! "by …", against the reference date-time. Conventions follow Duckling's
//! corpus: a clock time without a day is its next occurrence, where the
//! current hour still counts ("at 4:23" at 04:30 is today); an hour that
//! could be a.m. or p.m. is the first of the two to come, or a.m. on a
//! named day ("9 tomorrow") unless a part of the day says otherwise; a
//! clock range ends one grain after its last clock time ("9:30 - 11:00"
//! ends at 11:01).

use jiff::civil::{Date, DateTime, Time};

use super::ast::{Clock, DayPart, Expr};
use super::calendar::{add_days, midnight, shift, truncate};
use super::resolve::{Ctx, Iv};
use super::{Grain, TimeKind};

/// The hours a clock time can mean, in a part of the day or not.
fn hours(c: Clock, part: Option<DayPart>) -> [Option<i8>; 2] {
    if !c.ambiguous {
        return [Some(c.hour), None];
    }
    let am = c.hour % 12;
    match part {
        Some(p) if p.is_pm() => [Some(if c.hour == 12 { 12 } else { am + 12 }), None],
        Some(_) => [Some(am), None],
        None => [Some(am), Some(am + 12)],
    }
}

/// `c` at hour `h` on `d`.
fn at(d: Date, h: i8, c: Clock) -> Option<DateTime> {
    Some(d.to_datetime(Time::new(h, c.minute, c.second, 0).ok()?))
}

impl Ctx {
    /// The day an expression names (its first day, for an instant finer
    /// than a day such as "in 7 days").
    fn named_day(&self, e: &Expr) -> Option<Date> {
        let iv = self.resolve(e)?;
        (iv.kind == TimeKind::Instant && iv.grain <= Grain::Day).then(|| iv.start.date())
    }

    /// The next start of `c` (within `part`), the current hour included.
    fn next_clock(
        &self,
        c: Clock,
        part: Option<DayPart>,
        not_before: DateTime,
    ) -> Option<DateTime> {
        let floor = truncate(not_before, Grain::Hour)?;
        let today = not_before.date();
        [Some(today), add_days(today, 1)]
            .into_iter()
            .flatten()
            .flat_map(|d| hours(c, part).into_iter().flatten().map(move |h| (d, h)))
            .filter_map(|(d, h)| at(d, h, c))
            .filter(|t| *t >= floor)
            .min()
    }

    /// A clock time on a named day, or at its next occurrence.
    fn clock_start(&self, day: Option<&Expr>, part: Option<DayPart>, c: Clock) -> Option<DateTime> {
        match day {
            Some(e) => {
                let d = self.named_day(e)?;
                at(d, hours(c, part)[0]?, c)
            }
            None => self.next_clock(c, part, self.now),
        }
    }

    /// "3pm", "tomorrow at 5", "tonight at 11".
    pub(crate) fn time_of_day(
        &self,
        day: Option<&Expr>,
        part: Option<DayPart>,
        c: Clock,
    ) -> Option<Iv> {
        Iv::instant(self.clock_start(day, part, c)?, c.grain)
    }

    /// "9:30 - 11:00", "3-4pm", "Thursday from 9a to 11a".
    pub(crate) fn clock_range(
        &self,
        day: Option<&Expr>,
        part: Option<DayPart>,
        from: Clock,
        to: Clock,
    ) -> Option<Iv> {
        let grain = from.grain.min(to.grain);
        let (start, last) = if from.ambiguous && !to.ambiguous {
            // "3-4pm": the second fixes the first, the latest before it.
            let last = self.clock_start(day, part, to)?;
            let start = hours(from, part)
                .into_iter()
                .flatten()
                .filter_map(|h| at(last.date(), h, from))
                .filter(|t| *t < last)
                .max()?;
            (start, last)
        } else {
            let start = self.clock_start(day, part, from)?;
            let d = start.date();
            let last = [Some(d), add_days(d, 1)]
                .into_iter()
                .flatten()
                .flat_map(|d| hours(to, part).into_iter().flatten().map(move |h| (d, h)))
                .filter_map(|(d, h)| at(d, h, to))
                .filter(|t| *t > start)
                .min()?;
            (start, last)
        };
        Iv::interval(start, shift(last, grain, 1)?, grain)
    }

    /// "this morning", "tomorrow evening", "last night".
    pub(crate) fn day_part_of(&self, day: Option<&Expr>, part: DayPart) -> Option<Iv> {
        let d = match day {
            Some(e) => self.named_day(e)?,
            None => self.today(),
        };
        let (a, b) = part.hours();
        let start = shift(midnight(d), Grain::Hour, i64::from(a))?;
        let end = shift(midnight(d), Grain::Hour, i64::from(b))?;
        Iv::interval(start, end, Grain::Hour)
    }

    /// "by 2pm", "by Monday": from now (to the second) to the bound's start.
    pub(crate) fn by(&self, bound: &Expr) -> Option<Iv> {
        let b = self.resolve(bound)?;
        let now = truncate(self.now, Grain::Second)?;
        let end = if matches!(bound, Expr::PartOf { .. }) {
            b.end
        } else {
            b.start
        };
        Iv::interval(now, end, Grain::Second)
    }

    /// "now": the reference, to the second.
    pub(crate) fn now_instant(&self) -> Option<Iv> {
        Iv::instant(truncate(self.now, Grain::Second)?, Grain::Second)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{resolve_phrase_with, PhraseOptions};
    use jiff::civil::date;

    fn r(text: &str) -> Option<(String, Option<String>, &'static str)> {
        let now = date(2013, 2, 12).at(4, 30, 0, 0);
        let options = PhraseOptions {
            latent: true,
            ..PhraseOptions::default()
        };
        let v = resolve_phrase_with(text, now, &options)?;
        Some((
            v.start.to_string(),
            v.end.map(|e| e.to_string()),
            v.grain.as_str(),
        ))
    }

    #[test]
    fn clock_times_take_their_next_occurrence() {
        assert_eq!(r("3pm").unwrap().0, "2013-02-12T15:00:00");
        assert_eq!(r("at 3am").unwrap().0, "2013-02-13T03:00:00");
        assert_eq!(r("at 4:23").unwrap().0, "2013-02-12T04:23:00");
        assert_eq!(r("3:30").unwrap().0, "2013-02-12T15:30:00");
        assert_eq!(r("9 tomorrow evening").unwrap().0, "2013-02-13T21:00:00");
    }

    #[test]
    fn clock_ranges_end_one_grain_late() {
        let v = r("3-4pm").unwrap();
        assert_eq!(v.1.as_deref(), Some("2013-02-12T17:00:00"));
        let v = r("11:30-1:30").unwrap();
        assert_eq!(v.1.as_deref(), Some("2013-02-12T13:31:00"));
    }

    #[test]
    fn parts_of_days() {
        let v = r("last night").unwrap();
        assert_eq!(v.0, "2013-02-11T18:00:00");
        let v = r("tomorrow afternoon").unwrap();
        assert_eq!(v.1.as_deref(), Some("2013-02-13T19:00:00"));
    }
}
