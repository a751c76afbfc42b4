//! Finds date expressions in prose: text → [`DateMention`]s with byte spans.
//!
//! The scanner walks ASCII word tokens and tries the grammar only where a
//! date can start (a digit, a month or weekday name, a small set of
//! relative words — and for common function words like "the" or "in",
//! only when the next word could continue a date). Each attempt is bounded
//! (see `grammar`), a match skips past its span, so the cost is linear in
//! the text. Prose is stricter than a phrase typed at `claimcheck time`:
//! month and weekday names must be capitalised, a bare month needs a
//! preposition ("in May"), slash dates need a year, and "in five years"
//! (as often a duration as a date) is left out.

use jiff::civil::{Date, DateTime};

use super::ast::{Count, Direction, Expr, Part, Shift};
use super::grammar::{self, Phrase};
use super::lexicon::{self, Unit};
use super::market;
use super::own_year::{self, OwnYear, YearName};
use super::resolve::Ctx;
use super::{Bias, Grain, TimeKind, TimeValue};

/// A date expression found in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the first character, relative to the scanned text.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The resolved value; `None` when recognised but not resolvable
    /// (no reference date for a relative expression, an impossible date).
    pub value: Option<TimeValue>,
    /// Why a weekday written with a date does not fit it
    /// ("Thursday, July 7, 2023": "July 7, 2023 is a Friday, not a Thursday").
    pub weekday_mismatch: Option<String>,
}

/// Finds the date expressions in `text`, resolved against `reference` (the
/// publication date; without one only self-contained dates resolve).
pub fn find_dates(text: &str, reference: Option<Date>, bias: Bias) -> Vec<DateMention> {
    let bytes = text.as_bytes();
    let mut out: Vec<DateMention> = Vec::new();
    // The last closed value and where it ended: what "a year earlier"
    // refers to.
    let mut antecedent: Option<(TimeValue, usize)> = None;
    // The mentions that name a period themselves: what a later "a year
    // earlier" may refer to. One that refers back is none ("from 107,207 a
    // year before. ... from 38,402 a year before": both are the first
    // sentence's period a year back, not two and three years back).
    let mut periods: Vec<DateMention> = Vec::new();
    // The company's quarter named by its end ("the first quarter ended
    // January 31"), looked for at the first bare quarter.
    let mut fiscal: Option<Option<FiscalQuarter>> = None;
    // The year the article defines for itself ("1986/87 ending September
    // 30"), looked for at the first split year, fiscal or relative year.
    let mut own: Option<Option<OwnYear>> = None;
    let mut calendar_years: Option<bool> = None;
    // Whether a results table shows a non-calendar company year.
    let mut interim: Option<bool> = None;
    // Where the last fiscal year named by its number ("fiscal 1988")
    // starts: a bare year later in its sentence is one of that series.
    let mut fiscal_named: Option<usize> = None;
    let mut i = 0;
    while let Some(start) = next_token(bytes, i) {
        let tok_end = token_end(bytes, start);
        // Most words open nothing: one table look-up skips them (a
        // necessary condition of both `could_start` and `may_be_extra`).
        let tok = &bytes[start..tok_end];
        // "MAY7", "MAR8": a futures table's contract month (four bytes:
        // one test of length, most words fail it).
        if tok.len() == 4 && tok[3].is_ascii_digit() {
            if let Some(v) = market::table_contract(tok, reference) {
                out.push(mention(start, tok_end, v));
                i = tok_end;
                continue;
            }
        }
        if !tok[0].is_ascii_digit() && !lexicon::may_open_in_prose(tok) {
            i = tok_end;
            continue;
        }
        let found = if could_start(text, start, tok_end) {
            mention_at(text, start, reference, bias)
        } else {
            None
        };
        let mut found = if may_be_extra(tok) {
            longer(found, extra_at(text, start, tok_end, reference, bias))
        } else {
            found
        };
        // After a preposition, the core may open a longer form itself
        // ("on Wednesday night").
        if let Some(core) = found.as_ref().map(|(m, _)| m.start).filter(|c| *c > start) {
            let core_end = token_end(bytes, core);
            found = longer(found, extra_at(text, core, core_end, reference, bias));
        }
        if let Some((mut m, mut refers)) = found {
            match refers {
                Refers::Alone => {}
                Refers::BareYear(y) => {
                    let after_fiscal =
                        fiscal_named.is_some_and(|at| at >= sentence_start(&text[..m.start]));
                    // "NOTE: 1987 periods include ..." under a company's
                    // interim table of a non-calendar year: its fiscal year.
                    let in_note = market::heads_note(text, m.start)
                        && *interim.get_or_insert_with(|| market::interim_results(text, reference));
                    if after_fiscal || in_note || budget_follows(&text[m.end..]) {
                        let year = *own.get_or_insert_with(|| own_year::article_year(text));
                        if let Some(v) = fiscal_bare_year(y, year, after_fiscal || in_note) {
                            m.value = Some(v);
                        }
                    }
                }
                Refers::Earlier(months) => {
                    m.value = antecedent_of(text, &periods, m.start, antecedent, months)
                        .and_then(|v| shift_years(v, -1));
                }
                Refers::InYear(year, months, or_year) => {
                    let moved = antecedent_of(text, &periods, m.start, antecedent, months)
                        .and_then(|v| move_to_year(v, year));
                    // "the 1985 quarter" with none named: the year it names.
                    m.value = if or_year { moved.or(m.value) } else { moved };
                }
                Refers::YearsAgo(n) => {
                    if let Some(v) = sentence_first(text, &periods, m.start) {
                        m.value = shift_years(v, -n);
                    }
                }
                Refers::Back(kind) => {
                    m.value =
                        referent(text, &periods, m.start, kind).and_then(|v| back_value(v, kind));
                }
                Refers::Preceding(unit, own, n) => {
                    // None named: "the previous month" keeps its own value
                    // (last month), "a month earlier" stays unresolved.
                    if let Some(v) = named_before(text, &periods, m.start, unit, own, n) {
                        m.value = shift_unit(v, unit, -n);
                    } else if n > 1 {
                        // "the previous three months" read alone (the last
                        // three months) names a period as "the past three
                        // months" does: a later "a year earlier" may
                        // refer to it.
                        refers = Refers::Alone;
                    }
                }
                Refers::Quarter { n, years, future } => {
                    let year = || *own.get_or_insert_with(|| own_year::article_year(text));
                    let anchor =
                        *fiscal.get_or_insert_with(|| fiscal_quarter(text, reference, bias, year));
                    if let Some(v) = anchor.and_then(|a| a.quarter(n, reference?, future)) {
                        m.value = shift_years(v, years);
                    }
                }
                Refers::Year(name) => {
                    if matches!(name, YearName::Ending(_)) {
                        fiscal_named = Some(m.start);
                    }
                    // Its own statement first ("1986/87 (Sept-Aug)"), part
                    // of the expression; else the article's year.
                    let stated = match name {
                        YearName::Holding(_) | YearName::SoFar => None,
                        _ => own_year::own_statement(&text[m.end..]),
                    };
                    if let Some((len, year)) = stated {
                        m.end += len;
                        m.value = year.value(name, reference);
                    } else if let Some(year) =
                        *own.get_or_insert_with(|| own_year::article_year(text))
                    {
                        // Relative years follow the article's year only
                        // where it counts in no calendar year.
                        let relative = matches!(name, YearName::Holding(_) | YearName::SoFar);
                        if !relative
                            || !*calendar_years
                                .get_or_insert_with(|| own_year::names_calendar_year(text))
                        {
                            m.value = year.value(name, reference).or(m.value);
                        }
                    }
                }
            }
            stated_day(text, &mut m, reference);
            if own_period(text, m.start) {
                m.value = None;
            }
            by_deadline(text, &mut m);
            if matches!(
                refers,
                Refers::Alone | Refers::BareYear(_) | Refers::Year(_)
            ) {
                let last_end = out.last().map(|p: &DateMention| p.end);
                from_onward(text, &mut m, reference, last_end);
            }
            no_later_than(text, &mut m);
            let derived = matches!(
                refers,
                Refers::Earlier(_)
                    | Refers::InYear(..)
                    | Refers::YearsAgo(_)
                    | Refers::Preceding(..)
            );
            if !derived {
                if let Some(v) = m.value.filter(|v| v.exclusive_end().is_some()) {
                    antecedent = Some((v, m.end));
                }
                periods.push(m.clone());
            }
            i = m.end;
            // "from April 30, 1987, to July 31, 1991", "from early February
            // to early March": two mentions the grammar did not join.
            if let Some(joined) = out.last().and_then(|p| from_to_range(text, p, &m)) {
                if periods.last().is_some_and(|q| q.start == joined.start) {
                    periods.pop();
                }
                out.pop();
                periods.push(joined.clone());
                out.push(joined);
                continue;
            }
            out.push(m);
            continue;
        }
        i = tok_end;
    }
    out
}

/// What a mention's value depends on besides the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refers {
    /// Nothing: it stands alone.
    Alone,
    /// The period named before, a year back ("a year earlier"), of that
    /// many months when the phrase says ("the year-ago quarter").
    Earlier(Option<u32>),
    /// The period named before, moved to this year ("the comparable 1986
    /// period"); with none, the year itself when the flag is set ("the
    /// 1985 quarter"), else no value.
    InYear(i32, Option<u32>, bool),
    /// "a year ago": the period its sentence named first, that many years
    /// back ("fell to 114 mln dlrs from 140 mln dlrs a year ago"); with
    /// none, its own value (a year before the article's date).
    YearsAgo(i64),
    /// A quarter without its year ("the third quarter", "last year's third
    /// quarter": `years` -1): the company's, when the article names one of
    /// its quarters by its end; read ahead when `future`.
    Quarter { n: i8, years: i64, future: bool },
    /// "the period", "that date", "the full month": the period named
    /// last, or the month or year holding it.
    Back(Back),
    /// "the previous month", "the preceding week", "the year before", "a
    /// month earlier": the period the text has just named, one unit back;
    /// `own` for the forms with a reading alone ("the previous month");
    /// with a count above one ("the previous three months") that many
    /// units back from a period of that length.
    Preceding(Unit, bool, i64),
    /// A split year, "fiscal 1987", "this year", "last year": the year the
    /// article defines for itself, when it does.
    Year(YearName),
    /// A year alone ("in 1986", "1987 results"): the calendar year, unless
    /// its sentence has named a fiscal year by its number before it ("in
    /// fiscal 1988 ... from 123 mln dlrs spent in 1987") or it names a
    /// budget ("the 1987 budget"): then the fiscal year of that number.
    BareYear(i32),
}

/// Whether "budget" is the next word ("the 1987 budget"): a year that
/// names a government's or company's fiscal year.
fn budget_follows(rest: &str) -> bool {
    grammar::word(rest).is_ok_and(|(_, w)| w.eq_ignore_ascii_case("budget"))
}

/// The fiscal year `y` that a bare year in a fiscal series names: the
/// article's own year when it states a company's (a day: "ending January
/// 31"), else, after a fiscal year named by its number, the reading of a
/// fiscal year whose calendar is unknown (README: February 1 of the year
/// before to December 31). A crop year's months (no day) leave it alone.
fn fiscal_bare_year(y: i32, own: Option<OwnYear>, after_fiscal: bool) -> Option<TimeValue> {
    match own {
        Some(o) if o.dated => o.value(YearName::Ending(y), None),
        Some(_) => None,
        None if after_fiscal => resolve_at(
            &Expr::Fiscal(y),
            jiff::civil::date(2000, 1, 1).at(0, 0, 0, 0),
            Bias::Past,
        ),
        None => None,
    }
}

/// What a back-reference takes of the period named last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Back {
    /// "for the period": the period itself.
    Period,
    /// "that date": a single day only.
    Day,
    /// "the full month": the month holding it (a period within one month).
    Month,
    /// "the full year": the year holding it (a period within one year).
    Year,
}

/// The period a back-reference at `at` names: "that date" the last one
/// before it (within [`ANTECEDENT_REACH`]); the others the first one of
/// that period's sentence, its topic ("In the first nine months of this
/// year, registrations rose from 2.12 mln during January/September 1986.
/// Registrations in the period rose": this year's nine months, not the
/// comparison).
fn referent(text: &str, periods: &[DateMention], at: usize, kind: Back) -> Option<TimeValue> {
    let closed = |m: &&DateMention| m.value.is_some_and(|v| v.exclusive_end().is_some());
    let last = periods
        .iter()
        .rev()
        .filter(closed)
        .find(|m| m.end <= at)
        .filter(|m| at - m.end <= ANTECEDENT_REACH)?;
    if kind == Back::Day {
        return last.value;
    }
    let sentence = sentence_start(&text[..last.start]);
    periods
        .iter()
        .filter(closed)
        .find(|m| m.start >= sentence)
        .and_then(|m| m.value)
}

/// The value of a back-reference of `kind` to `v`; `None` when `v` is not
/// what the phrase names (a month for "that date", a quarter for "the
/// full month").
fn back_value(v: TimeValue, kind: Back) -> Option<TimeValue> {
    let (first, last) = v.inclusive_days()?;
    let same_month = first.year() == last.year() && first.month() == last.month();
    let e = match kind {
        Back::Period => return Some(v),
        Back::Day => return (first == last).then_some(v),
        Back::Month if same_month => Expr::MonthYear {
            year: i32::from(first.year()),
            month: first.month(),
        },
        Back::Year if first.year() == last.year() => Expr::Year(i32::from(first.year())),
        Back::Month | Back::Year => return None,
    };
    resolve_at(&e, v.start, Bias::Past)
}

/// A phrase that refers back to a period or names a month by "the month
/// of": `("that" ("date" | "day")) | ("the" "month" "of" MONTH) | ("the"
/// ("full" | "whole" | "entire") ("month" | "year")) | ("the" "period")`,
/// the last after "for", "in", "during" or "over" and before no word that
/// places it itself ("the period from", "the period ended"). Returns the
/// phrase's end and what it refers to, or the month it names.
fn back_reference(text: &str, start: usize) -> Option<(usize, Result<Back, i8>)> {
    let is = |w: &str, xs: &[&str]| xs.iter().any(|x| w.eq_ignore_ascii_case(x));
    let (r0, w0) = grammar::word(&text[start..]).ok()?;
    let (r1, w1) = grammar::word(r0).ok()?;
    let end = |r: &str| text.len() - r.len();
    if is(w0, &["that"]) {
        return is(w1, &["date", "day"]).then(|| (end(r1), Ok(Back::Day)));
    }
    let next = grammar::word(r1).ok();
    if is(w1, &["month"]) {
        let (r2, _) = next.filter(|(_, w)| is(w, &["of"]))?;
        let (r3, w3) = grammar::word(r2).ok()?;
        let mut buf = [0; lexicon::MAX_WORD];
        let (month, abbr) = lexicon::month_lower(lexicon::lower(w3, &mut buf)?)?;
        return (!abbr && w3.as_bytes()[0].is_ascii_uppercase()).then(|| (end(r3), Err(month)));
    }
    if is(w1, &["full", "whole", "entire"]) {
        let (r2, w2) = next?;
        let kind = if is(w2, &["month"]) {
            Back::Month
        } else if is(w2, &["year"]) {
            Back::Year
        } else {
            return None;
        };
        return (!places_itself(r2)).then(|| (end(r2), Ok(kind)));
    }
    let after_preposition = prev_word_is(text, start, &["for", "in", "during", "over"]);
    (is(w1, &["period"]) && after_preposition && !places_itself(r1))
        .then(|| (end(r1), Ok(Back::Period)))
}

/// Whether what follows a period noun places the period itself ("the
/// period from", "the full year ended", "the period January-March",
/// "the full year 1986"): then it is no back-reference.
fn places_itself(rest: &str) -> bool {
    let (after, _) = grammar::gap(rest).unwrap_or((rest, ""));
    match after.as_bytes().first() {
        Some(b) if b.is_ascii_digit() || b.is_ascii_uppercase() => return true,
        _ => {}
    }
    grammar::word(rest).is_ok_and(|(_, w)| {
        [
            "from",
            "of",
            "to",
            "ended",
            "ending",
            "between",
            "through",
            "since",
            "under",
            "ahead",
            "beginning",
            "starting",
            "covered",
            "when",
            "in",
            "before",
            "after",
            "until",
        ]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
    })
}

fn refers(e: &Expr, bias: Bias) -> Refers {
    match e {
        Expr::Fiscal(y) => Refers::Year(YearName::Ending(*y)),
        Expr::Year(y) => Refers::BareYear(*y),
        Expr::SoFar(Unit::Year) => Refers::Year(YearName::SoFar),
        Expr::Range(a, b) => match (&**a, &**b) {
            (Expr::Year(a), Expr::Year(b)) if b.checked_sub(*a) == Some(1) => {
                Refers::Year(YearName::Split(*a))
            }
            _ => Refers::Alone,
        },
        Expr::Cycle {
            unit: Unit::Year,
            offset,
        } => Refers::Year(YearName::Holding(*offset)),
        Expr::Antecedent(_, months) => Refers::Earlier(*months),
        Expr::AntecedentIn(year, months) => Refers::InYear(*year, *months, false),
        Expr::YearPeriod(year, months) => Refers::InYear(*year, *months, true),
        Expr::Preceding { unit, own } => Refers::Preceding(*unit, *own, 1),
        Expr::PrecedingN { count, unit } => Refers::Preceding(*unit, true, *count),
        Expr::Ago {
            count: Count::Exact(1),
            unit: Unit::Year,
        } => Refers::YearsAgo(1),
        Expr::Quarter { n, year: None } => Refers::Quarter {
            n: *n,
            years: 0,
            future: bias == Bias::Future,
        },
        Expr::Quarter { n, year: Some(y) } => match **y {
            Expr::Cycle {
                unit: Unit::Year,
                offset,
            } => Refers::Quarter {
                n: *n,
                years: offset,
                future: bias == Bias::Future,
            },
            _ => Refers::Alone,
        },
        _ => Refers::Alone,
    }
}

/// A company's quarter named by its last day ("the first quarter ended
/// January 31"): its ordinal and interval, which place the article's other
/// quarters written without a year.
#[derive(Debug, Clone, Copy)]
struct FiscalQuarter {
    n: i8,
    value: TimeValue,
    /// Whether the text names this quarter itself; otherwise it is the
    /// last quarter of a fiscal year the text names by its end ("the
    /// fiscal year ended May 31"), which fixes only the calendar.
    named: bool,
}

impl FiscalQuarter {
    /// The company's quarter `n`: the named one itself for its own ordinal
    /// (every "first quarter" of an article about "the first quarter ended
    /// January 31" is that quarter); another the one of the named
    /// quarter's fiscal year, three months on per quarter (the second
    /// February to April, the fourth August to October), a year back
    /// while it has not started by `today` (as a calendar quarter: the
    /// current one counts, "charges to the company's third quarter
    /// earnings" in its last week) unless read ahead ("expects momentum
    /// to continue in the fourth quarter").
    fn quarter(self, n: i8, today: Date, future: bool) -> Option<TimeValue> {
        if n == self.n && self.named {
            return Some(self.value);
        }
        let mut v = shift_months(self.value, 3 * i64::from(n - self.n))?;
        let today = today.to_datetime(jiff::civil::Time::midnight());
        while !future && v.start > today {
            v = shift_months(v, -12)?;
        }
        if !self.named {
            // Only the calendar is known: the latest quarter `n` started,
            // or read ahead the next one not yet over.
            for _ in 0..4 {
                let next = shift_months(v, 12)?;
                let move_on = if future {
                    v.exclusive_end().is_some_and(|e| e <= today)
                } else {
                    next.start <= today
                };
                if !move_on {
                    break;
                }
                v = next;
            }
        }
        Some(v)
    }
}

/// The first quarter in `text` named by its end ("the third quarter ended
/// March 31", "first qtr ending January 31"), resolved.
fn fiscal_quarter(
    text: &str,
    reference: Option<Date>,
    bias: Bias,
    article_year: impl FnOnce() -> Option<OwnYear>,
) -> Option<FiscalQuarter> {
    for noun in ["quarter", "Quarter", "QUARTER", "qtr", "Qtr", "QTR"] {
        for (k, _) in text.match_indices(noun) {
            let after = &text[k + noun.len()..];
            let ends = grammar::word(after).is_ok_and(|(_, w)| {
                w.eq_ignore_ascii_case("ended") || w.eq_ignore_ascii_case("ending")
            });
            if !ends {
                continue;
            }
            let Some((mut at, _)) = prev_word(text, k) else {
                continue;
            };
            if let Some((f, w)) = prev_word(text, at) {
                if w.eq_ignore_ascii_case("fiscal") {
                    at = f;
                }
            }
            let Ok((_, phrase)) = grammar::phrase(&text[at..]) else {
                continue;
            };
            if let Expr::Ended { nth: Some(n), .. } = phrase.expr {
                if let Some(value) = resolve_in_prose(&phrase.expr, reference, bias).0 {
                    return Some(FiscalQuarter {
                        n,
                        value,
                        named: true,
                    });
                }
            }
        }
    }
    fiscal_year_end(article_year(), reference)
}

/// The day of a statement of a year's calendar ("the fiscal year ends
/// April 30", "for the fiscal year beginning April 1", "since the season
/// started on July 1"): a present-tense end or start is a yearly day, no
/// one date; a year named by its start after a preposition ("in the year
/// started March 1", "for the 1987/88 year starting April 1") is the year
/// from that day, one expression; a clause ("since the season started on
/// July 1", "Its fiscal year began April one") dates the start, in the
/// past tense the latest such day.
fn stated_day(text: &str, m: &mut DateMention, reference: Option<Date>) {
    let Some(v) = m
        .value
        .filter(|v| v.grain == Grain::Day && v.kind == TimeKind::Instant)
    else {
        return;
    };
    let Some((phrase, s)) = own_year::statement_of_day(text, m.start) else {
        return;
    };
    if s.recurring {
        m.value = None;
        return;
    }
    if !s.starts {
        return;
    }
    let today = reference.map(|r| r.to_datetime(jiff::civil::Time::midnight()));
    let v = match today {
        Some(t) if s.past && v.start > t => shift_months(v, -12).unwrap_or(v),
        _ => v,
    };
    m.value = Some(v);
    let named = prev_word_is(
        text,
        phrase,
        &[
            "in",
            "for",
            "during",
            "of",
            "over",
            "throughout",
            "into",
            "under",
        ],
    );
    if named {
        m.start = phrase;
        m.value = shift_months(v, i64::from(s.months)).map(|end| TimeValue {
            end: Some(end.start),
            kind: TimeKind::Interval,
            ..v
        });
    }
}

/// The company's fourth quarter from a fiscal year named by its end
/// ("the fiscal year ended May 31", "1985/86 ended May 31", "fiscal 1987
/// ending July 31", "year ending March 31"; 201 Reuters articles state a
/// year end other than December): the three months to its last day, which
/// fix the article's quarters written without a year. December ends are
/// calendar quarters already.
fn fiscal_year_end(
    article_year: Option<OwnYear>,
    reference: Option<Date>,
) -> Option<FiscalQuarter> {
    let year = article_year.filter(|y| y.dated)?;
    Some(FiscalQuarter {
        n: 4,
        value: year.fourth_quarter(reference?)?,
        named: false,
    })
}

/// The period a sentence reports on before `at`: its first closed one
/// that is not itself a comparison's ("fell to 8.50 billion in February,
/// from 9.15 billion in January, against 9.06 billion a year earlier":
/// February). When every period of the sentence is a comparison's
/// ("against 19.56 billion in December and 9.92 billion a year
/// earlier"), the sentence reports on the article's own period, the first
/// one of its text that is no comparison; else its first period.
fn sentence_first(text: &str, found: &[DateMention], at: usize) -> Option<TimeValue> {
    let sentence = sentence_start(&text[..at]);
    let periods = |from: usize| {
        found
            .iter()
            .filter(move |m| m.start >= from && m.end <= at)
            // "down from 18.6 mln a week ago and 20.3 mln a year ago": a
            // span counted back from today is no period the figures
            // compare with.
            .filter(|m| !text[m.start..m.end].ends_with("ago"))
            .filter_map(|m| Some((m.start, m.value.filter(|v| v.exclusive_end().is_some())?)))
    };
    let first = periods(sentence).next()?;
    let topic = |from| periods(from).find(|(s, _)| !compared(text, *s));
    // The article's own period is one it reports figures for: a day there
    // is an event's ("the report today"), no period compared.
    let longer_than_a_day = |v: &TimeValue| v.inclusive_days().is_some_and(|(a, b)| a < b);
    topic(sentence)
        .map(|(_, v)| v)
        .or_else(|| {
            periods(0)
                .filter(|(_, v)| longer_than_a_day(v))
                .find(|(s, _)| !compared(text, *s))
                .map(|(_, v)| v)
        })
        .or(Some(first.1))
}

/// How many words before a period a comparison's word may stand
/// ("against 19.56 billion (8.48 billion) in December").
const COMPARISON_REACH: usize = 7;

/// Whether the period at `at` is the one a figure is compared with: a
/// comparison's word ("from", "against", "compared", "versus", "vs",
/// "after") among the few words before it in its clause ("from 9.15
/// billion in January", "after falling 2.34 billion in January"; not
/// "from 401 mln and for the first three months", whose "from" belongs
/// to the clause before).
fn compared(text: &str, at: usize) -> bool {
    let before = &text[sentence_start(&text[..at])..at];
    for raw in before.split_ascii_whitespace().rev().take(COMPARISON_REACH) {
        let w = raw.trim_matches(|c: char| !c.is_ascii_alphabetic());
        let is = |list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
        if is(&["from", "against", "compared", "versus", "vs", "after"]) {
            return true;
        }
        if is(&["and", "while", "but", "whereas"]) || raw.ends_with([',', ';']) {
            return false;
        }
    }
    false
}

/// Where the sentence that `before` ends in starts (after its last ". ").
fn sentence_start(before: &str) -> usize {
    [". ", ".\n", ".\r"]
        .iter()
        .filter_map(|p| before.rfind(p))
        .max()
        .map_or(0, |k| k + 1)
}

/// `v` moved to `year`: the year its last day is in becomes `year`
/// ("the comparable 1986 period" after March 1987: March 1986).
fn move_to_year(v: TimeValue, year: i32) -> Option<TimeValue> {
    let last = v.inclusive_days()?.1;
    shift_years(v, i64::from(year) - i64::from(last.year()))
}

/// The period "the previous `unit`" at `at` refers to, among those no
/// longer than the unit: in its sentence the last one of the unit's own
/// length ("sales in 1986 rose from the previous year": 1986), else the
/// sentence's first shorter one ("in January, against 9.06 billion the
/// previous year": January, the comparison's period); else the same in
/// the nearest sentence before that names one within
/// [`ANTECEDENT_REACH`], but its first one of the unit's length (a
/// sentence's topic comes first: "profit rose in 1986, from 100 mln in
/// 1985. Sales fell from 9.4 billion the year before": 1986). A span
/// counted back from today ("a week ago") is none, and so is a single
/// day for "the previous week", "the prior year", "the preceding
/// quarter" (`own`: a day is an event's, not the period compared; "a week
/// earlier" after "on April 11" is April 4). With `n` units ("the
/// previous three months") only a period `n` units long in its own
/// sentence is one: the span before a shorter one is not what the text
/// compares.
fn named_before(
    text: &str,
    found: &[DateMention],
    at: usize,
    unit: Unit,
    own: bool,
    n: i64,
) -> Option<TimeValue> {
    let (min, max) = unit_days(unit);
    let (min, max) = (min.checked_mul(n)?, max.checked_mul(n)?);
    // A counted span reaches only into its own sentence: "the average over
    // the previous 12 months" after "(base 1980)" is no year before 1980.
    let reach = if n > 1 {
        sentence_start(&text[..at])
    } else {
        0
    };
    let shortest = if n > 1 {
        min
    } else if own && unit != Unit::Day {
        2
    } else {
        1
    };
    let days = |v: &TimeValue| {
        let (first, last) = v.inclusive_days()?;
        Some(i64::from((last - first).get_days()) + 1)
    };
    // (start, value, of the unit's own length), in text order.
    let candidates: Vec<(usize, TimeValue, bool)> = found
        .iter()
        .filter(|m| m.end <= at && at - m.end <= ANTECEDENT_REACH && m.start >= reach)
        .filter(|m| !text[m.start..m.end].ends_with("ago"))
        .filter_map(|m| {
            let v = m.value.filter(|v| v.exclusive_end().is_some())?;
            let n = days(&v)?;
            (shortest..=max)
                .contains(&n)
                .then_some((m.start, v, n >= min))
        })
        .collect();
    let sentence = sentence_start(&text[..at]);
    let first_shorter = |from: usize| {
        candidates
            .iter()
            .find(|(s, _, same)| *s >= from && !same)
            .map(|c| c.1)
    };
    if candidates.last().is_some_and(|(s, _, _)| *s >= sentence) {
        let last_same = candidates
            .iter()
            .rev()
            .take_while(|(s, _, _)| *s >= sentence)
            .find(|(_, _, same)| *same)
            .map(|c| c.1);
        return last_same.or_else(|| first_shorter(sentence));
    }
    let (nearest, _, _) = candidates.last()?;
    let before = sentence_start(&text[..*nearest]);
    let in_before = || candidates.iter().filter(move |(s, _, _)| *s >= before);
    in_before()
        .find(|(_, _, same)| *same)
        .map(|c| c.1)
        .or_else(|| first_shorter(before))
}

/// The shortest and longest a period of one `unit` lasts, in days.
fn unit_days(unit: Unit) -> (i64, i64) {
    match unit {
        Unit::Day => (1, 1),
        Unit::Week => (7, 7),
        Unit::Fortnight => (14, 14),
        Unit::Month => (28, 31),
        Unit::Quarter => (89, 92),
        Unit::Year => (365, 366),
        Unit::Second | Unit::Minute | Unit::Hour => (0, 0),
    }
}

/// `v` moved by `n` whole units of a day or longer (a fortnight as 14
/// days, a quarter as three months).
fn shift_unit(v: TimeValue, unit: Unit, n: i64) -> Option<TimeValue> {
    if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
        return None;
    }
    let (grain, per) = super::calendar::unit_grain(unit);
    shift_by(v, super::calendar::grain_span(grain, per.checked_mul(n)?)?)
}

/// The period "a year earlier" at `at` refers to: the first closed one
/// named in its sentence (the sentence's topic: "in February, from 9.15
/// billion in January, against 9.06 billion a year earlier"), else the
/// last one before it within [`ANTECEDENT_REACH`]. A phrase that names
/// the period's length ("year-ago nine mths") takes only a period of that
/// length: after "December 1986" it has no antecedent the text gives.
fn antecedent_of(
    text: &str,
    found: &[DateMention],
    at: usize,
    last: Option<(TimeValue, usize)>,
    months: Option<u32>,
) -> Option<TimeValue> {
    sentence_first(text, found, at)
        .or_else(|| {
            last.filter(|(_, end)| at.saturating_sub(*end) <= ANTECEDENT_REACH)
                .map(|(v, _)| v)
        })
        .filter(|v| months.is_none_or(|n| length_in_months(v) == Some(n)))
}

/// The length of a closed value in whole months (`None` when it does not
/// run from a month's start to a month's start).
fn length_in_months(v: &TimeValue) -> Option<u32> {
    let end = v.exclusive_end()?;
    let (s, e) = (v.start.date(), end.date());
    if s.day() != 1 || e.day() != 1 || v.start.time() != end.time() {
        return None;
    }
    let n = (i32::from(e.year()) - i32::from(s.year())) * 12 + i32::from(e.month())
        - i32::from(s.month());
    u32::try_from(n).ok()
}

/// Whether the mention at `start` opens with "current", or follows it,
/// without an article: in company results "current year figures",
/// "current first half" are the company's own fiscal period, whose
/// calendar the text does not give ("the current quarter" is the calendar
/// one holding the article's date).
fn own_period(text: &str, start: usize) -> bool {
    let is_current = |w: &str| w.eq_ignore_ascii_case("current");
    let at = match grammar::word(&text[start..]) {
        Ok((_, w)) if is_current(w) => start,
        _ => match prev_word(text, start) {
            Some((k, w)) if is_current(w) => k,
            _ => return false,
        },
    };
    !prev_word(text, at)
        .is_some_and(|(_, w)| ["the", "this"].iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// "by April 7", "by the end of June": a deadline, open before the end of
/// the date it names; nothing is said to happen on the date itself. Read
/// after the date's own parse, so "by" needs no grammar of its own: its
/// other uses ("rose by 5 pct", "written by Smith") are followed by no
/// date. (`claimcheck time` keeps Duckling's reading, from now to the
/// date's start.)
fn by_deadline(text: &str, m: &mut DateMention) {
    let Some((by_start, w)) = prev_word(text, m.start) else {
        return;
    };
    // "by today's poll", "by last week's meeting": the date names the
    // agent's time, not a deadline.
    let possessive = ["'s", "\u{2019}s"]
        .iter()
        .any(|p| text[m.end..].starts_with(p));
    if !w.eq_ignore_ascii_case("by") || possessive {
        return;
    }
    // "hit by March storms": a month qualifying the agent, no deadline.
    if is_full_month_name(&text[m.start..m.end]) && !by_month(text, m.start, m.end) {
        return;
    }
    open_before_its_end(m, by_start);
}

/// "will be set at 70,000 from March 2", "with effect from tomorrow",
/// "Britain will from next autumn mint": a start with no end, open after
/// the date's start, "from" in the span. Only a date that has not begun
/// before the article's day: a figure compared "from" a period ("rose 0.7
/// pct from 1985", "down from January") compares with one already past.
/// Not before a range's end ("from May 1 to June 30", "from early
/// February to 8.43 pct": the grammar reads true ranges whole), a
/// possessive or "level(s)" ("from next year's level"). Read after the
/// date's own parse, as [`by_deadline`].
fn from_onward(text: &str, m: &mut DateMention, reference: Option<Date>, last_end: Option<usize>) {
    let (Some((from, w)), Some(r)) = (prev_word(text, m.start), reference) else {
        return;
    };
    if !w.eq_ignore_ascii_case("from") {
        return;
    }
    // "delayed Unit Two to June 1989 from September 1988", "extended to
    // December 31 from March 31": the date moved from, a day in a change.
    let gap = |e: usize| text[e..from].chars().all(|c| matches!(c, ' ' | ',' | '\n'));
    if last_end.is_some_and(|e| e <= from && gap(e)) {
        return;
    }
    // "nine months from the last day of the month": a length counted
    // from the date.
    if prev_word(text, from).is_some_and(|(_, u)| lexicon::unit(u).is_some()) {
        return;
    }
    let Some(v) = m.value.as_mut() else {
        return;
    };
    if v.exclusive_end().is_none() || v.start.date() < r {
        return;
    }
    let rest = &text[m.end..];
    if rest.starts_with("'s") || rest.starts_with('\u{2019}') || rest.trim_start().starts_with('-')
    {
        return;
    }
    // "from April 30, 1987, to July 31, 1991".
    let rest = rest.trim_start_matches([',', ' ']);
    let stops = [
        "to", "until", "till", "through", "thru", "into", "and", "or", "level", "levels",
    ];
    if grammar::word(rest).is_ok_and(|(_, n)| stops.iter().any(|x| n.eq_ignore_ascii_case(x))) {
        return;
    }
    *v = TimeValue {
        end: None,
        kind: TimeKind::OpenAfter,
        other: None,
        ..*v
    };
    m.start = from;
}

/// Two mentions written as a range, "from" before the first and "to",
/// "until" or "through" between them (commas allowed: "from April 30,
/// 1987, to July 31, 1991"): one mention from the first's start to the
/// second's end, "from" in the span. Not a date changed from one to the
/// other ("extended the export period from September 30 to December 31",
/// "delay of Unit 2 from September 1987 to early 1988", "changed its
/// fiscal year from December 31 to ..."), nor two that do not run
/// forward.
fn from_to_range(text: &str, p: &DateMention, m: &DateMention) -> Option<DateMention> {
    let gap = text
        .get(p.end..m.start)?
        .trim_matches([' ', ',', '\n', '\r', '\t']);
    if !["to", "until", "through", "thru"]
        .iter()
        .any(|w| gap.eq_ignore_ascii_case(w))
    {
        return None;
    }
    let from = match prev_word(text, p.start) {
        Some((k, w)) if w.eq_ignore_ascii_case("from") => k,
        _ => return None,
    };
    if changes_a_date(&text[sentence_start(&text[..from])..from]) {
        return None;
    }
    let (a, b) = (p.value?, m.value?);
    let end = b.exclusive_end()?;
    if a.exclusive_end().is_none() || end <= a.start {
        return None;
    }
    let grain = a.grain.min(b.grain);
    Some(DateMention {
        start: from,
        end: m.end,
        value: Some(TimeValue {
            start: a.start,
            end: Some(end),
            grain,
            kind: TimeKind::Interval,
            other: None,
        }),
        weekday_mismatch: None,
    })
}

/// How many words before "from" a verb of moving a date may stand ("the
/// in-service delay of the 41 pct owned Nine Mile Unit 2 from").
const CHANGE_REACH: usize = 10;

/// Whether the words before a "from ... to ..." (`before`, its sentence
/// up to "from") change a date rather than span one: a verb or noun of
/// moving among the last [`CHANGE_REACH`] words ("extended", "extension", "delay",
/// "postponed", "moved", "switched", "changed", "shifted",
/// "rescheduled", "advanced", "brought forward").
fn changes_a_date(before: &str) -> bool {
    before
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(CHANGE_REACH)
        .any(|w| {
            let w = w.to_ascii_lowercase();
            [
                "extend",
                "delay",
                "postpon",
                "move",
                "switch",
                "chang",
                "shift",
                "reschedul",
                "advanc",
                "brought",
                "push",
                "defer",
            ]
            .iter()
            .any(|stem| w.starts_with(stem))
        })
}

/// Whether the month name at `start..end` is a deadline after "by" ("to
/// be completed by June", "ready by October, it said"): no lower-case
/// noun follows that it would qualify ("hit by March storms").
fn by_month(text: &str, start: usize, end: usize) -> bool {
    if !prev_word_is(text, start, &["by"]) {
        return false;
    }
    match grammar::word(&text[end..]) {
        Ok((_, w)) if w.as_bytes()[0].is_ascii_lowercase() => is_verb_or_function_word(w),
        _ => true,
    }
}

/// Makes `m` a deadline: open before its date has ended, its span widened
/// to start at `start` (the deadline's own words, "by", "no later than").
fn open_before_its_end(m: &mut DateMention, start: usize) {
    let Some(v) = m.value.as_mut() else {
        return;
    };
    let Some(end) = v.exclusive_end() else {
        return;
    };
    *v = TimeValue {
        start: end,
        end: None,
        kind: TimeKind::OpenBefore,
        other: None,
        ..*v
    };
    m.start = start;
}

/// "after mid-January" in prose: open after the bound has ended, as
/// "before X" is open before it starts ("growth slowed after mid-January":
/// from January 21). (`claimcheck time` keeps Duckling's reading, from the
/// bound's start.)
fn after_its_end(v: TimeValue) -> Option<TimeValue> {
    Some(TimeValue {
        start: v.exclusive_end()?,
        end: None,
        kind: TimeKind::OpenAfter,
        other: None,
        ..v
    })
}

/// "no later than Wednesday, April 15", "not later than June 30": open
/// before the date's end, as "on or before" (the words are part of the
/// expression). Read after the date's own parse, as [`by_deadline`].
fn no_later_than(text: &str, m: &mut DateMention) {
    let Some((than, w)) = prev_word(text, m.start) else {
        return;
    };
    if !w.eq_ignore_ascii_case("than") {
        return;
    }
    let Some((later, _)) = prev_word(text, than).filter(|(_, w)| w.eq_ignore_ascii_case("later"))
    else {
        return;
    };
    let Some((no, _)) = prev_word(text, later)
        .filter(|(_, w)| w.eq_ignore_ascii_case("no") || w.eq_ignore_ascii_case("not"))
    else {
        return;
    };
    open_before_its_end(m, no);
}

/// The word just before `at` (blanks between) and where it starts.
pub(super) fn prev_word(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = text[..at].trim_end_matches([' ', '\t', '\n', '\r']);
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let w = &before[start..];
    (!w.is_empty()).then_some((start, w))
}

/// A filter for [`extra_at`] (no copy): four digits, "FY" and digits, or
/// a word that may open a part of a named day, a holiday, an open interval
/// before one, or a news form ([`lexicon::EXTRA_OPENERS`]). The scanner
/// asks it only where [`lexicon::may_open_in_prose`] said yes.
fn may_be_extra(tok: &[u8]) -> bool {
    if tok[0].is_ascii_digit() {
        return tok.len() == 4;
    }
    lexicon::is_extra_opener(tok)
        || (tok.len() >= 4
            && tok[0] | 0x20 == b'f'
            && tok[..2].eq_ignore_ascii_case(b"fy")
            && tok[2].is_ascii_digit())
}

/// How far back (bytes) a period's antecedent may be.
const ANTECEDENT_REACH: usize = 600;

/// The longer of two candidate mentions (the first on a tie, unless the
/// second refers to a period named before: "the previous month" is last
/// month alone, the month before the one just named in prose).
fn longer(
    a: Option<(DateMention, Refers)>,
    b: Option<(DateMention, Refers)>,
) -> Option<(DateMention, Refers)> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let anaphoric = matches!(b.1, Refers::Preceding(..));
            Some(if b.0.end > a.0.end || (anaphoric && b.0.end == a.0.end) {
                b
            } else {
                a
            })
        }
        (a, b) => a.or(b),
    }
}

/// A value moved by whole years (an antecedent's "a year earlier").
fn shift_years(v: TimeValue, years: i64) -> Option<TimeValue> {
    shift_by(v, jiff::Span::new().try_years(years).ok()?)
}

fn shift_months(v: TimeValue, months: i64) -> Option<TimeValue> {
    shift_by(v, jiff::Span::new().try_months(months).ok()?)
}

fn shift_by(v: TimeValue, span: jiff::Span) -> Option<TimeValue> {
    let by = |t: DateTime| t.checked_add(span).ok();
    Some(TimeValue {
        start: by(v.start)?,
        end: match v.end {
            Some(e) => Some(by(e)?),
            None => None,
        },
        other: match v.other {
            Some((s, e)) => Some((by(s)?, by(e)?)),
            None => None,
        },
        ..v
    })
}

/// Mentions the grammar's prose openers do not reach: a part of a named
/// day ("this morning", "Wednesday night"), a holiday ("Christmas"), a
/// news form opened by a word of its own ("fiscal 1987", "so far this
/// year", "year-earlier"), and a year written alone ("1986 net profit").
fn extra_at(
    text: &str,
    start: usize,
    tok_end: usize,
    reference: Option<Date>,
    bias: Bias,
) -> Option<(DateMention, Refers)> {
    let tok = &text[start..tok_end];
    let first = tok.as_bytes()[0];
    if first.is_ascii_digit() {
        return bare_year(text, start, tok_end);
    }
    if tok.len() < 2 || tok.len() > 12 {
        return None;
    }
    let mut buf = [0; lexicon::MAX_WORD];
    let lw = lexicon::lower(tok, &mut buf)?;
    let capital = first.is_ascii_uppercase();
    let at = &text[start..];
    let day_word = matches!(
        lw,
        b"this" | b"last" | b"yesterday" | b"tomorrow" | b"today"
    ) || (capital && lexicon::weekday_lower(lw).is_some_and(|(_, abbr)| !abbr));
    let (rest, expr) = if day_word && part_of_day_follows(&text[start + tok.len()..]) {
        grammar::prose_day_part(at)
            .ok()
            .filter(|(r, _)| fits_prose(&at[..at.len() - r.len()], &plain(Expr::Now)))?
    } else if capital && is_holiday_word(lw) {
        return prose_holiday(text, start, start, None, reference);
    } else if let Some(direction) = open_word(lw) {
        let (r, _) = grammar::word(at).ok()?;
        let (after, _) = grammar::gap(r).ok()?;
        let next = grammar::word(after).ok()?.1;
        let mut nbuf = [0; lexicon::MAX_WORD];
        let holiday = next.as_bytes()[0].is_ascii_uppercase()
            && lexicon::lower(next, &mut nbuf).is_some_and(is_holiday_word);
        if !holiday {
            return None;
        }
        return prose_holiday(
            text,
            start,
            text.len() - after.len(),
            Some(direction),
            reference,
        );
    } else if lw == b"the" || lw == b"that" {
        if let Some(end) = (lw == b"the")
            .then(|| market::trading_day(text, start))
            .flatten()
        {
            let value = resolve_in_prose(&Expr::Day(0), reference, bias).0;
            return Some((mention(start, end, value), Refers::Alone));
        }
        if preceding_may_follow(&text[start + tok.len()..]) {
            if let Ok((r, e)) = grammar::preceding(at) {
                let value = resolve_in_prose(&e, reference, bias).0;
                return Some((
                    mention(start, text.len() - r.len(), value),
                    refers(&e, bias),
                ));
            }
        }
        let (end, what) = back_reference(text, start)?;
        let (value, refers) = match what {
            Ok(kind) => (None, Refers::Back(kind)),
            Err(month) => {
                let e = Expr::Month {
                    month,
                    shift: Shift::Bare,
                };
                let bias = prose_bias(&e, &text[..start], bias, reference);
                (resolve_in_prose(&e, reference, bias).0, Refers::Alone)
            }
        };
        return Some((mention(start, end, value), refers));
    } else if lw == b"year" && prev_word_is(text, start, &["by"]) {
        return year_end_deadline(text, start, tok_end, reference);
    } else if lw == b"year" && !year_form_follows(&text[start + tok.len()..]) {
        return None;
    } else if matches!(lw, b"qtr" | b"quarter") {
        // "Qtr ended Jan 31" (a results table's heading): `ended` alone.
        if !ended_follows(&text[tok_end..]) {
            return None;
        }
        grammar::phrase(at).ok().map(|(r, p)| (r, p.expr))?
    } else if matches!(
        lw,
        b"fiscal" | b"so" | b"year" | b"same" | b"shortly" | b"just" | b"late"
    ) || is_fiscal_token(tok)
    {
        grammar::phrase(at).ok().map(|(r, p)| (r, p.expr))?
    } else {
        return None;
    };
    let end = text.len() - rest.len();
    let refers = refers(&expr, bias);
    let (value, _) = resolve_in_prose(&expr, reference, bias);
    Some((mention(start, end, value), refers))
}

/// Whether what follows "year" can continue one of the forms that open
/// with it: at "year" the grammar reads only `so_far` ("year-to-date"),
/// `antecedent` ("year-ago", "year earlier") and `ended` ("year ended"),
/// each with one of these words next (after a dash for the first two).
/// Most "year"s of prose stop here without a parse.
fn year_form_follows(rest: &str) -> bool {
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    grammar::word(rest).is_ok_and(|(_, w)| {
        ["to", "earlier", "ago", "ended", "ending", "through", "thru"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// Whether "ended", "ending" or "to" follows: a period named by its end.
fn ended_follows(rest: &str) -> bool {
    grammar::word(rest).is_ok_and(|(_, w)| {
        ["ended", "ending", "to"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// `"year" ["-"] "end"` right after "by" ("to choose a contractor by year
/// end"): this year's end as a deadline (`by_deadline` opens it before
/// the year's end). Alone, "year-end" is as often a modifier ("year-end
/// results") and is no date.
fn year_end_deadline(
    text: &str,
    start: usize,
    tok_end: usize,
    reference: Option<Date>,
) -> Option<(DateMention, Refers)> {
    let rest = &text[tok_end..];
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let (after, w) = grammar::word(rest).ok()?;
    if !w.eq_ignore_ascii_case("end") {
        return None;
    }
    // "by year end results" is no deadline either.
    if grammar::word(after)
        .is_ok_and(|(_, n)| n.as_bytes()[0].is_ascii_lowercase() && !is_verb_or_function_word(n))
    {
        return None;
    }
    let e = Expr::PartOf {
        part: Part::End,
        of: Box::new(Expr::Cycle {
            unit: Unit::Year,
            offset: 0,
        }),
    };
    let value = resolve_in_prose(&e, reference, Bias::Future).0;
    Some((
        mention(start, text.len() - after.len(), value),
        Refers::Alone,
    ))
}

/// Whether the word after "the" may open `preceding` ("the previous
/// month", "the year before"): it starts with p, d, w, m, q or y. A byte
/// test: most "the"s of prose stop here.
fn preceding_may_follow(rest: &str) -> bool {
    let (after, _) = grammar::gap(rest).unwrap_or((rest, ""));
    after
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b | 0x20, b'p' | b'd' | b'w' | b'm' | b'q' | b'y'))
}

/// Whether a part of the day ("morning", "night" …) is the next word.
fn part_of_day_follows(rest: &str) -> bool {
    grammar::word(rest).is_ok_and(|(_, w)| {
        ["morning", "afternoon", "evening", "night"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    })
}

fn plain(expr: Expr) -> Phrase {
    Phrase { expr, prep_len: 0 }
}

fn mention(start: usize, end: usize, value: Option<TimeValue>) -> DateMention {
    DateMention {
        start,
        end,
        value,
        weekday_mismatch: None,
    }
}

fn resolve_at_ref(e: &Expr, reference: Option<Date>, bias: Bias) -> Option<TimeValue> {
    resolve_at(
        e,
        reference?.to_datetime(jiff::civil::Time::midnight()),
        bias,
    )
}

/// A holiday in prose from `at` (after an open-interval word when
/// `direction` is set), resolved to its nearest occurrence.
fn prose_holiday(
    text: &str,
    start: usize,
    at: usize,
    direction: Option<Direction>,
    reference: Option<Date>,
) -> Option<(DateMention, Refers)> {
    let (r, e) = grammar::prose_holiday(&text[at..]).ok()?;
    if grammar::word(r).is_ok_and(|(_, w)| w.starts_with("Island")) {
        return None;
    }
    let e = match direction {
        Some(direction) => Expr::Open {
            direction,
            bound: Box::new(e),
        },
        None => e,
    };
    let v = resolve_at_ref(&e, reference, Bias::Nearest);
    let end = text[..text.len() - r.len()]
        .trim_end_matches(['.', ' '])
        .len();
    Some((mention(start, end, v), Refers::Alone))
}

/// The open-interval word a holiday can follow.
fn open_word(w: &[u8]) -> Option<Direction> {
    match w {
        b"after" | b"since" => Some(Direction::After),
        b"before" | b"until" | b"till" => Some(Direction::Before),
        _ => None,
    }
}

/// "FY24", "FY1987".
fn is_fiscal_token(tok: &str) -> bool {
    let b = tok.as_bytes();
    b.len() >= 4 && b[..2].eq_ignore_ascii_case(b"fy") && b[2..].iter().all(u8::is_ascii_digit)
}

/// Holidays read in prose (capitalised): the common ones of news copy.
fn is_holiday_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"christmas" | b"easter" | b"thanksgiving" | b"ramadan" | b"passover" | b"hanukkah"
    )
}

/// A year written alone in prose: four digits from 1900 to 2100, not part
/// of a larger number, an amount or a name ("Article 1986", "1990 dlrs").
fn bare_year(text: &str, start: usize, tok_end: usize) -> Option<(DateMention, Refers)> {
    let tok = &text[start..tok_end];
    if tok.len() != 4 || !tok.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = tok.parse().ok()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let before = text[..start].bytes().next_back();
    if before.is_some_and(|b| matches!(b, b'$' | b'-' | b'/' | b'.' | b',' | b'#' | b'+')) {
        return None;
    }
    let after = &text[tok_end..];
    let mut ab = after.bytes();
    match (ab.next(), ab.next()) {
        (Some(b'.' | b',' | b':' | b'/' | b'-'), Some(c)) if c.is_ascii_digit() => return None,
        (Some(b'%'), _) => return None,
        _ => {}
    }
    if let Ok((_, w)) = grammar::word(after) {
        let mut buf = [0; lexicon::MAX_WORD];
        if lexicon::lower(w, &mut buf).is_some_and(is_quantity_word) {
            return None;
        }
    }
    let prev = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    let mut buf = [0; lexicon::MAX_WORD];
    if lexicon::lower(prev, &mut buf).is_some_and(is_label_word) {
        return None;
    }
    let (end, expr) = match year_range_end(after, year) {
        Some((len, last)) => (
            tok_end + len,
            Expr::Range(Box::new(Expr::Year(year)), Box::new(Expr::Year(last))),
        ),
        None => (tok_end, Expr::Year(year)),
    };
    let value = resolve_at(
        &expr,
        jiff::civil::date(2000, 1, 1).at(0, 0, 0, 0),
        Bias::Past,
    );
    Some((mention(start, end, value), refers(&expr, Bias::Past)))
}

/// `("to" | "through") YEAR4` after a year written alone, of a later year
/// within fifty ("1982 to 1986", "2004 through 2017"): one range of years,
/// not two. Its length and last year; not before an amount ("1986 to 1990
/// tonnes").
fn year_range_end(after: &str, first: i32) -> Option<(usize, i32)> {
    let (rest, _) = grammar::word(after)
        .ok()
        .filter(|(_, w)| w.eq_ignore_ascii_case("to") || w.eq_ignore_ascii_case("through"))?;
    let digits = rest.trim_start();
    let tok = digits.get(..4)?;
    let last: i32 = tok.parse().ok()?;
    let tail = &digits[4..];
    if !tok.bytes().all(|b| b.is_ascii_digit())
        || tail.starts_with(|c: char| c.is_ascii_alphanumeric())
        || (tail.starts_with(['.', ',', '/', '-'])
            && tail[1..].starts_with(|c: char| c.is_ascii_digit()))
        || !(first + 1..=first + 50).contains(&last)
    {
        return None;
    }
    if let Ok((_, w)) = grammar::word(tail) {
        let mut buf = [0; lexicon::MAX_WORD];
        if lexicon::lower(w, &mut buf).is_some_and(is_quantity_word) {
            return None;
        }
    }
    Some((after.len() - tail.len(), last))
}

/// Words after a number that make it an amount, a clock time or a count.
fn is_quantity_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"dlrs"
            | b"dlr"
            | b"dollars"
            | b"pct"
            | b"percent"
            | b"tonnes"
            | b"tons"
            | b"tonne"
            | b"shares"
            | b"barrels"
            | b"bpd"
            | b"mln"
            | b"billion"
            | b"million"
            | b"hours"
            | b"hrs"
            | b"gmt"
            | b"est"
            | b"edt"
            | b"cst"
            | b"bst"
            | b"local"
            | b"yen"
            | b"marks"
            | b"francs"
            | b"stg"
            | b"lbs"
            | b"ounces"
            | b"feet"
            | b"metres"
            | b"meters"
            | b"kms"
            | b"miles"
            | b"acres"
            | b"hectares"
            | b"units"
            | b"points"
            | b"cts"
            | b"bags"
            | b"lots"
            | b"employees"
            | b"workers"
            | b"people"
            | b"vessels"
            | b"cars"
            | b"bales"
            | b"head"
            | b"am"
            | b"pm"
    )
}

/// Words before a number that make it a name or a count, not a year.
fn is_label_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"article"
            | b"section"
            | b"no"
            | b"number"
            | b"flight"
            | b"route"
            | b"model"
            | b"rule"
            | b"chapter"
            | b"item"
            | b"resolution"
            | b"class"
            | b"form"
            | b"room"
            | b"page"
            | b"highway"
            | b"boeing"
            | b"airbus"
            | b"series"
            | b"type"
            | b"version"
            | b"code"
            | b"about"
            | b"some"
            | b"nearly"
            | b"almost"
            | b"approximately"
            | b"than"
            | b"total"
            | b"rd"
            | b"street"
            | b"box"
            | b"suite"
    )
}

/// Bytes that continue a word (non-ASCII counts: it is part of a letter).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The first token start at or after `from`: an ASCII letter or digit
/// that no word byte precedes. Skips whole runs (blanks and punctuation,
/// then words with non-ASCII letters) rather than testing each byte
/// against the one before it.
fn next_token(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    if i > 0 && bytes.get(i - 1).is_some_and(|b| is_word_byte(*b)) {
        i = word_run_end(bytes, i);
    }
    loop {
        let b = *bytes.get(i)?;
        if b.is_ascii_alphanumeric() {
            return Some(i);
        }
        // A word with a non-ASCII letter: none of its letters starts one.
        i = if b >= 0x80 {
            word_run_end(bytes, i)
        } else {
            i + 1
        };
    }
}

/// End of the run of word bytes from `i`.
fn word_run_end(bytes: &[u8], i: usize) -> usize {
    i + bytes[i..].iter().take_while(|b| is_word_byte(**b)).count()
}

/// End of the run of ASCII letters and digits from `start`, eight bytes at
/// a time: the scanner's innermost loop, over every byte of every word.
fn token_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let chunk = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let stops = not_alnum_bytes(chunk);
        if stops != 0 {
            return i + stops.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

/// For eight bytes (little-endian), bit 7 of each byte of the result is
/// set where that byte is not an ASCII letter or digit. Each byte is
/// compared on its low seven bits, where adding at most 0x80 never carries
/// into the next byte: bit 7 of `b + (0x80 - lo)` is set when `b >= lo`.
fn not_alnum_bytes(chunk: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn each(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    let low = chunk & !HIGH;
    let at_least = |x: u64, lo: u8| (x + each(0x80 - lo)) & HIGH;
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    let folded = low | each(0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    // Bytes with bit 7 set (non-ASCII) are never letters or digits.
    !((digit | letter) & !chunk) & HIGH
}

/// Cheap test: may a date expression start at this token?
fn could_start(text: &str, start: usize, end: usize) -> bool {
    let tok = &text[start..end];
    if tok.as_bytes()[0].is_ascii_digit() {
        let plain = tok.bytes().all(|b| b.is_ascii_digit());
        return number_continues(text, end, plain);
    }
    match lexicon::opener(tok) {
        // Names must be capitalised in prose (see `name_written_as_name`):
        // rejecting "may" and "march" here saves a parse attempt.
        lexicon::Opener::Alone => tok.as_bytes()[0].is_ascii_uppercase() || is_day_word(tok),
        lexicon::Opener::WithNext => {
            (next_continues(text, end) || news_continues(&text[end..]))
                && then_continues(tok, &text[end..])
                && !article_before_number(tok, &text[end..])
        }
        lexicon::Opener::No => false,
    }
}

/// "a" or "an" before a number ("a 5 pct rise", "an 18.5 mln loss"),
/// which [`next_continues`] lets through: the productions "a" opens
/// (`ago`, `later`: a count then a unit; `antecedent`: "a year earlier")
/// read a word next, never a number.
fn article_before_number(tok: &str, rest: &str) -> bool {
    if !(tok.eq_ignore_ascii_case("a") || tok.eq_ignore_ascii_case("an")) {
        return false;
    }
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let (after, _) = grammar::gap(rest).unwrap_or((rest, ""));
    after.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Whether the next word continues one of the news forms after "the", "a"
/// or "one" ("the same period", "the year-ago quarter", "the fiscal year",
/// "a year earlier").
fn news_continues(rest: &str) -> bool {
    // Cheap first: the next word starts with s, y or f after one blank.
    let next = rest.as_bytes().get(1).map(|b| b | 0x20);
    if !matches!(next, Some(b's' | b'y' | b'f')) {
        return false;
    }
    grammar::word(rest).is_ok_and(|(_, w)| {
        ["same", "similar", "year", "fiscal", "financial"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// The stricter tests for the commonest openers: "the", and the words
/// often followed by "the" ("in", "on", "during", "from"). After those, a
/// date can open with "the" only as the productions that read a leading
/// "the" do: "on" and "during" open no production themselves, "in" only
/// `later` ("in" count unit), which "the" cannot continue, and "from" only
/// `range`, whose first endpoint then starts at "the", as the core of
/// `prep_phrase` does after a preposition. So [`after_the_continues`]
/// applies to the word after that "the" too. A "the" that `word` does not
/// read right after the opener is left alone.
fn then_continues(tok: &str, rest: &str) -> bool {
    if tok.eq_ignore_ascii_case("the") {
        return after_the_continues(rest);
    }
    let before_the = ["in", "on", "during", "from"]
        .iter()
        .any(|p| tok.eq_ignore_ascii_case(p));
    if !before_the {
        return true;
    }
    match grammar::word(rest) {
        Ok((after, w)) if w.eq_ignore_ascii_case("the") => after_the_continues(after),
        _ => true,
    }
}

/// Whether the word after "the" can continue one of the productions that
/// read a leading "the" (`lead::THE` in `grammar::FROM_WORD`): a number, an ordinal, a
/// cycle word ("the following week"), "day", "rest", a part ("the end
/// of"), "week", "weekend" or a season. Nothing else can follow "the" in
/// a date, so the common "the year", "the first" … "the company" that
/// [`next_continues`] lets through ("year" is a unit) stop here. Exact:
/// those productions read the next word with one `gap`, this check allows
/// more.
fn after_the_continues(rest: &str) -> bool {
    let (after, _) = grammar::gap(rest).unwrap_or((rest, ""));
    if after.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let Ok((_, w)) = grammar::word(after) else {
        return false;
    };
    let mut buf = [0; lexicon::MAX_WORD];
    let Some(lw) = lexicon::lower(w, &mut buf) else {
        return false;
    };
    matches!(
        lw,
        b"this"
            | b"current"
            | b"final"
            | b"comparable"
            | b"corresponding"
            | b"last"
            | b"past"
            | b"previous"
            | b"next"
            | b"coming"
            | b"following"
            | b"day"
            | b"rest"
            | b"beginning"
            | b"start"
            | b"early"
            | b"mid"
            | b"middle"
            | b"late"
            | b"end"
            | b"week"
            | b"weekend"
            | b"year"
            | b"same"
            | b"similar"
            | b"balance"
            | b"remainder"
            | b"fiscal"
            | b"financial"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
    ) || lexicon::ordinal_unit(w).is_some()
        || lexicon::ordinal_tens(w).is_some()
        || lexicon::season(w).is_some()
}

/// Whether what follows a number can make it part of a date: a date
/// separator or suffix right after it ("2/15", "26-FEB", "31st", "1980s"),
/// or a month name, unit or "of"/"to" next ("31 Oct", "7 days ago",
/// "13 to 15 July"). Most numbers in news ("155,221 bags", "5 pct") fail
/// here without touching the grammar. A `plain` number (digits only, no
/// "st" or "s") is stricter still, see [`plain_number_word_continues`].
fn number_continues(text: &str, end: usize, plain: bool) -> bool {
    let rest = &text[end..];
    let b = rest.as_bytes();
    match b.first() {
        Some(b'/' | b'-') => return true,
        // "10.31.1974", not "1.5 mln".
        Some(b'.') => return b.iter().skip(1).take(3).find(|c| !c.is_ascii_digit()) == Some(&b'.'),
        // "31st", "1980s", "1980's", not "5pct" or "10am".
        Some(b'\'') => return b.get(1) == Some(&b's'),
        Some(c) if c.is_ascii_alphabetic() => {
            let suffix = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            let s = &rest[..suffix];
            return ["st", "nd", "rd", "th", "s"]
                .iter()
                .any(|x| s.eq_ignore_ascii_case(x));
        }
        Some(_) if rest.starts_with('\u{2013}') => return true,
        _ => {}
    }
    let (after, _) = grammar::gap(rest).unwrap_or((rest, ""));
    if after.starts_with(['/', '-', '\u{2013}']) {
        return true;
    }
    match grammar::word(after) {
        Ok((rest, w)) if plain => plain_number_word_continues(w, rest),
        Ok((_, w)) => {
            lexicon::month(w).is_some()
                || lexicon::unit(w).is_some()
                || ["of", "to", "through", "thru", "till", "until", "and"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
        }
        Err(_) => false,
    }
}

/// Whether word `w` (followed by `rest`) can continue a date after a plain
/// number ("155", not "3rd" or "1980s"). Such a number can only open
/// `day_month` ("5 of March", "5 March"), `day_of` ("20 day of next
/// month"), `day_range_month` ("13 to 15 July"), `ago` and `later` ("3
/// years ago", "2 weeks from now", "5 days hence"): the ordinal, decade and
/// separator productions need more than digits, and a range needs one of
/// these first. So after a unit only "ago", "hence" or "from" may follow
/// (or the unit is "day"), and "and" never continues — the common
/// "10 years" and "1986 and 1987" stop here.
fn plain_number_word_continues(w: &str, rest: &str) -> bool {
    if lexicon::month(w).is_some()
        || ["of", "to", "through", "thru", "till", "until"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    {
        return true;
    }
    match lexicon::unit(w) {
        Some(lexicon::Unit::Day) => true,
        Some(_) => grammar::word(rest).is_ok_and(|(_, next)| {
            ["ago", "hence", "from"]
                .iter()
                .any(|x| next.eq_ignore_ascii_case(x))
        }),
        None => false,
    }
}

fn is_day_word(tok: &str) -> bool {
    ["today", "yesterday", "tomorrow", "tonight"]
        .iter()
        .any(|w| tok.eq_ignore_ascii_case(w))
}

/// Whether the word after `end` can continue a date expression.
fn next_continues(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let (after, _) = grammar::gap(rest).unwrap_or((rest, ""));
    match after.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => true,
        Some(_) => grammar::word(after).is_ok_and(|(_, w)| lexicon::continues_date(w)),
        None => false,
    }
}

/// Parses and checks one candidate; the flag says it refers to a period
/// named before ("a year earlier").
fn mention_at(
    text: &str,
    start: usize,
    reference: Option<Date>,
    bias: Bias,
) -> Option<(DateMention, Refers)> {
    let (rest, mut phrase) = grammar::phrase(&text[start..]).ok()?;
    let end = text.len() - rest.len();
    if let Some(past) = first_in_n_units(text, start, &phrase.expr) {
        phrase.expr = past;
    }
    let mut core_start = start + phrase.prep_len;
    let contract = is_bare_month(&phrase)
        .then(|| market::contract_month(text, core_start, end))
        .flatten();
    let modifier =
        contract.is_some() || (is_bare_month(&phrase) && month_as_modifier(text, core_start, end));
    if !modifier && !fits_prose(&text[core_start..end], &phrase) {
        return None;
    }
    // A month named as a modifier ("the March trade figures", "its
    // September meeting", "the June bond contract", "for May shipment")
    // keeps the caller's bias, in claims the nearest one: figures just
    // out, meetings and deliveries ahead. A future cue is no better here
    // ("weaker-than-expected March employment report"), nor the window of
    // `bare_month_bias` (it differs only six months ahead, where a sample
    // of Reuters modifiers went either way: "the October one payment",
    // "its December pact").
    if !day_of_month_ends(&phrase.expr, &text[end..]) {
        return None;
    }
    let caller = bias;
    let bias = if modifier && by_month(text, core_start, end) {
        // "completed by June": a deadline ahead.
        Bias::Future
    } else if modifier {
        bias
    } else {
        prose_bias(&phrase.expr, &text[..start], bias, reference)
    };
    let bias = publication_day(&phrase.expr, reference, bias);
    let (mut value, weekday_mismatch) = resolve_in_prose(&phrase.expr, reference, bias);
    if caller == Bias::Nearest
        && bias == Bias::Future
        && beyond_reach(&phrase.expr, value, reference)
    {
        value = resolve_in_prose(&phrase.expr, reference, Bias::Past).0;
    }
    if let (Some(c), Expr::Month { month, .. }) = (contract, &phrase.expr) {
        value = market::contract_value(*month, c, reference);
    }
    if let Expr::Open {
        direction: Direction::After,
        bound,
    } = &phrase.expr
    {
        if grammar::word(&text[core_start..]).is_ok_and(|(_, w)| w.eq_ignore_ascii_case("after")) {
            // "after five months", "put option after seven years": a length
            // counted from an event the phrase does not date.
            if matches!(**bound, Expr::Later { .. }) {
                return None;
            }
            value = resolve_in_prose(bound, reference, bias)
                .0
                .and_then(after_its_end);
        }
    }
    if let Some((bound_start, bound)) = through_bound(text, core_start, &phrase.expr) {
        core_start = bound_start;
        value = resolve_in_prose(bound, reference, bias).0;
    }
    if vague_count(&phrase.expr) {
        value = None;
    }
    Some((
        DateMention {
            start: core_start,
            end,
            value,
            weekday_mismatch,
        },
        refers(&phrase.expr, bias),
    ))
}

/// "in five years" after a superlative or "first" in its clause ("his
/// first major shakeup in five years", "the lowest level in nine years",
/// "no growth in 15 years"): the span before the article's date, as "the
/// past five years" (README, "Time phrases"). Elsewhere "in five years"
/// is as often a length or a time ahead ("repayable in 40 years") and
/// stays out of prose.
fn first_in_n_units(text: &str, start: usize, e: &Expr) -> Option<Expr> {
    let Expr::Later {
        count,
        unit: unit @ (Unit::Year | Unit::Month | Unit::Week),
        from_today: false,
    } = e
    else {
        return None;
    };
    let before = &text[sentence_start(&text[..start])..start];
    let words: Vec<&str> = before
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let clause = &words[words.len().saturating_sub(SUPERLATIVE_REACH)..];
    let future = clause.iter().any(|w| {
        [
            "will", "would", "could", "should", "may", "might", "must", "expects", "expected",
        ]
        .iter()
        .any(|f| w.eq_ignore_ascii_case(f))
    });
    let cue = clause.iter().any(|w| is_superlative(w));
    (cue && !future).then_some(Expr::LastN {
        count: *count,
        unit: *unit,
        forward: false,
    })
}

/// Whether `e` counts its units with a vague number ("the next few
/// months", "several weeks ago", "the past few years"): in prose a span
/// whose length the text does not fix, found but given no value (the
/// annotation rules' vague spans; `claimcheck time` keeps Duckling's
/// three).
fn vague_count(e: &Expr) -> bool {
    match e {
        // "within the next several weeks".
        Expr::Ahead(inner) => vague_count(inner),
        Expr::Ago { count, .. }
        | Expr::Later { count, .. }
        | Expr::LastN { count, .. }
        | Expr::Within { count, .. } => matches!(count, Count::Few),
        _ => false,
    }
}

/// How many words before "in N years" a superlative may stand ("the
/// second highest winterkill in ten years").
const SUPERLATIVE_REACH: usize = 6;

/// "first", "highest", "lowest", "no", "ever" …: the words that make "in
/// N years" the span before now ("the first time in 20 years").
fn is_superlative(w: &str) -> bool {
    [
        "first",
        "highest",
        "lowest",
        "biggest",
        "largest",
        "smallest",
        "best",
        "worst",
        "strongest",
        "weakest",
        "sharpest",
        "steepest",
        "fastest",
        "slowest",
        "heaviest",
        "deepest",
        "no",
        "never",
        "ever",
    ]
    .iter()
    .any(|x| w.eq_ignore_ascii_case(x))
}

/// How far ahead (months) a future cue reads a yearless date or bare
/// month. Beyond it the latest one is meant: on the whole Reuters corpus
/// the yearless dates a cue read 9 to 12 months ahead were nearly all
/// recent ("raised its posted prices, effective March 6" in a March 9
/// story, "payable March 16 to holders of record March 13"; 24 of a
/// 25-sample), and so were the bare months read 8 to 12 months ahead (21
/// of 22); from 5 to 8 months ahead about half were.
const FUTURE_REACH_MONTHS: i64 = 8;

/// Whether `value`, the forward reading of a yearless date or bare month
/// (`e`), starts more than [`FUTURE_REACH_MONTHS`] after the reference.
fn beyond_reach(e: &Expr, value: Option<TimeValue>, reference: Option<Date>) -> bool {
    let yearless = matches!(
        e,
        Expr::Date { year: None, .. }
            | Expr::Month {
                shift: Shift::Bare,
                ..
            }
    );
    let (Some(v), Some(r)) = (value, reference) else {
        return false;
    };
    let Ok(reach) = jiff::Span::new().try_months(FUTURE_REACH_MONTHS) else {
        return false;
    };
    yearless
        && r.checked_add(reach)
            .is_ok_and(|limit| v.start.date() > limit)
}

/// Whether a bare day of the month ("the 19th", "the first") ends where a
/// day of the month can: before punctuation or the end, "of" ("the 19th
/// of the month"), or "and"/"or" and another number ("on the 20th and
/// 25th"). Before a word it is an ordinal of the noun that follows ("In
/// the first case", "the third phase", "the first three months": 255
/// such mentions on the Reuters corpus). Other expressions pass.
fn day_of_month_ends(e: &Expr, rest: &str) -> bool {
    if !matches!(e, Expr::DayOfMonth { weekday: None, .. }) {
        return true;
    }
    let Ok((after, w)) = grammar::word(rest) else {
        // No word next: punctuation, a digit or the end.
        return !rest
            .trim_start()
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit);
    };
    if w.eq_ignore_ascii_case("of") {
        return true;
    }
    (w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"))
        && after
            .trim_start()
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
}

/// "guaranteed through December 31, 1988", "through the end of 1986": in
/// prose "through" a date names the date (the annotation rules: it is no
/// open-interval preposition there), so the mention is the bound alone,
/// starting after the word. `claimcheck time` keeps Duckling's open
/// reading.
fn through_bound<'e>(text: &str, at: usize, e: &'e Expr) -> Option<(usize, &'e Expr)> {
    let Expr::Open {
        direction: Direction::Before,
        bound,
    } = e
    else {
        return None;
    };
    let (rest, w) = grammar::word(&text[at..]).ok()?;
    if !(w.eq_ignore_ascii_case("through") || w.eq_ignore_ascii_case("thru")) {
        return None;
    }
    let (after, _) = grammar::gap(rest).ok()?;
    Some((text.len() - after.len(), bound))
}

/// Under [`Bias::Nearest`] (the claims pipeline), a quarter or half
/// written without a year is the last one unless the sentence
/// before it speaks of the future ("will", "expected", "due", "pay" …),
/// then the next one; a bare month is read by [`bare_month_bias`]. A
/// yearless date is the nearest one (dividend dates and deadlines are
/// near), unless the sentence before speaks of the future.
fn prose_bias(e: &Expr, before: &str, bias: Bias, reference: Option<Date>) -> Bias {
    if bias != Bias::Nearest {
        return bias;
    }
    if matches!(
        e,
        Expr::Month {
            shift: Shift::Bare,
            ..
        }
    ) {
        if past_verb_before(before) {
            return Bias::Past;
        }
        if let Some(b) = bare_month_bias(e, reference, future_cue(before)) {
            return b;
        }
    }
    let latest = match e {
        // A bare weekday stays the nearest one ("is travelling to China
        // on Friday" in a Wednesday article is this Friday; "said on
        // Monday" is last Monday), unless the sentence speaks of the future.
        // (A past-tense cue is no better: "told reporters yesterday talks
        // reopen on Tuesday", "rescheduled for Thursday".)
        Expr::Weekday {
            shift: Shift::Bare, ..
        } => false,
        Expr::Quarter { year: None, .. }
        | Expr::Half { year: None, .. }
        | Expr::Month {
            shift: Shift::Bare, ..
        } => true,

        // A weekday written with it picks the year itself.
        Expr::Date {
            year: None,
            weekday: None,
            ..
        } => false,
        _ => return bias,
    };
    if future_cue(before) {
        Bias::Future
    } else if latest {
        Bias::Past
    } else {
        Bias::Nearest
    }
}

/// How many months ahead of the article's month a bare month name is read
/// forward without a cue word. Measured on 45 bare months one to five
/// months ahead, sampled from Reuters records in no split: 44 meant this
/// year's month still to come ("expects the offering to close in May",
/// "a snap poll in May", "lapsing in October"; the exception a generic
/// "March and April"), where the past reading was right for none. Six to
/// eight months ahead, a sample of 25 was mostly past ("up from
/// September", "an estimate in November"): forward only with a cue.
const MONTH_AHEAD: i8 = 5;

/// The occurrence a bare month name (`e`: no year, no "last"/"next")
/// means in prose, by how far ahead of the article's month it lies: one
/// to [`MONTH_AHEAD`] months ahead the coming one; up to
/// [`FUTURE_REACH_MONTHS`] ahead the coming one when the sentence speaks
/// of the future (`future`); otherwise the latest one, the article's own
/// month included. `None` for other expressions or without a reference.
fn bare_month_bias(e: &Expr, reference: Option<Date>, future: bool) -> Option<Bias> {
    let Expr::Month {
        month,
        shift: Shift::Bare,
    } = e
    else {
        return None;
    };
    let ahead = i64::from((month - reference?.month()).rem_euclid(12));
    let forward =
        ahead > 0 && (ahead <= i64::from(MONTH_AHEAD) || (future && ahead <= FUTURE_REACH_MONTHS));
    Some(if forward { Bias::Future } else { Bias::Past })
}

/// Whether the word right before a date's preposition (`before` ends
/// there) is a verb in the past tense that governs it: "the bonus issue
/// made in April", "the ICC had rejected in July", "was in November". A
/// past participle after "be", "is", "are" or "to" is a passive that may
/// lie ahead ("to be listed in May"), and the future words of
/// [`future_cue`] ("was expected in April", "scheduled") are none. On
/// Reuters records in no split, of 19 bare months one to five months ahead
/// with a past tense right before "in", 8 were the latest one and every
/// other was a future word or a generic schedule.
fn past_verb_before(before: &str) -> bool {
    let Some((k, w)) = prev_word(before, before.len()) else {
        return false;
    };
    let mut buf = [0; lexicon::MAX_WORD];
    let Some(lw) = lexicon::lower(w, &mut buf) else {
        return false;
    };
    let regular = lw.len() >= 5 && lw.ends_with(b"ed") && !lw.ends_with(b"eed");
    let irregular = matches!(
        lw,
        b"was"
            | b"were"
            | b"had"
            | b"said"
            | b"rose"
            | b"fell"
            | b"made"
            | b"began"
            | b"took"
            | b"came"
            | b"grew"
            | b"met"
            | b"told"
    );
    let passive_ahead = prev_word(before, k).is_some_and(|(_, p)| {
        ["be", "is", "are", "to", "will"]
            .iter()
            .any(|x| p.eq_ignore_ascii_case(x))
    });
    (regular || irregular) && !is_future_word(lw) && !passive_ahead
}

/// A bare weekday the sentence puts in the future is the next one, but
/// in prose the publication day counts: "Roe will arrive in Oslo on
/// Tuesday" in a Tuesday article is that day (the morning preview of the
/// day's visit), not a week later, which `claimcheck time` keeps
/// (Duckling's convention: "tuesday" on a Tuesday is next week).
fn publication_day(e: &Expr, reference: Option<Date>, bias: Bias) -> Bias {
    match (e, reference) {
        (
            Expr::Weekday {
                weekday,
                shift: Shift::Bare,
            },
            Some(r),
        ) if bias == Bias::Future && r.weekday() == *weekday => Bias::Nearest,
        _ => bias,
    }
}

/// Whether the sentence before a date (up to 160 bytes back, from the
/// last ". ", ".\n" or blank line) speaks of the future: one pass backwards over its
/// bytes, words being runs of ASCII letters.
fn future_cue(before: &str) -> bool {
    let b = before.as_bytes();
    // (A window that starts inside a character only adds bytes of it,
    // which are no letters and no sentence end.)
    let window = &b[b.len().saturating_sub(160)..];
    let mut end = None;
    for k in (0..window.len()).rev() {
        let c = window[k];
        if c.is_ascii_alphabetic() {
            end.get_or_insert(k + 1);
            continue;
        }
        if let Some(e) = end.take() {
            if is_future_word(&window[k + 1..e])
                && !superlative_record(&window[..k + 1], &window[k + 1..e])
                && !compared_with_forecast(&window[..k + 1], &window[k + 1..e])
            {
                return true;
            }
        }
        if c == b'.' && matches!(window.get(k + 1), Some(b' ' | b'\n')) {
            return false;
        }
        if c == b'\n' && blank_line_follows(&window[k + 1..]) {
            return false;
        }
    }
    end.is_some_and(|e| is_future_word(&window[..e]))
}

/// Whether `w` is "expected" in a comparison with a forecast ("a larger
/// than expected rise", "fell as expected"): a past result, no future
/// (107 such phrases on the Reuters corpus). `before` holds the bytes
/// before the word.
fn compared_with_forecast(before: &[u8], w: &[u8]) -> bool {
    if !w.eq_ignore_ascii_case(b"expected") {
        return false;
    }
    let b = before.trim_ascii_end();
    let start = b
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |k| k + 1);
    let prev = &b[start..];
    prev.eq_ignore_ascii_case(b"than") || prev.eq_ignore_ascii_case(b"as")
}

/// Whether `w` is "record" used as a superlative, not the dividend's date
/// of record: a determiner or an adjective of comparison before it ("a
/// record 122,819 contracts in February", "the previous record set in
/// September", "its record"), or a possessive ("last year's record").
/// `before` holds the bytes before the word.
fn superlative_record(before: &[u8], w: &[u8]) -> bool {
    if !w.eq_ignore_ascii_case(b"record") {
        return false;
    }
    let b = before.trim_ascii_end();
    let start = b
        .iter()
        .rposition(|c| !(c.is_ascii_alphabetic() || *c == b'\'' || *c == b'-'))
        .map_or(0, |k| k + 1);
    let prev = &b[start..];
    prev.ends_with(b"'s")
        || [
            &b"a"[..],
            b"an",
            b"new",
            b"previous",
            b"another",
            b"its",
            b"their",
            b"all-time",
        ]
        .iter()
        .any(|x| prev.eq_ignore_ascii_case(x))
}

/// Whether `rest` (the bytes after a line break) starts with a blank line:
/// a paragraph break, which ends a sentence even without a full stop (a
/// headline's "than planned" is no cue for the first sentence below it).
fn blank_line_follows(rest: &[u8]) -> bool {
    let spaces = rest
        .iter()
        .take_while(|c| matches!(c, b' ' | b'\t' | b'\r'))
        .count();
    rest.get(spaces) == Some(&b'\n')
}

/// A word of [`future_cue`]: "will", "expected", "due", "payable" …
fn is_future_word(w: &[u8]) -> bool {
    // The cue words have three to nine letters and these first ones: most
    // words are rejected before a copy.
    if !(3..=9).contains(&w.len())
        || !matches!(
            w[0] | 0x20,
            b'w' | b's' | b'p' | b'e' | b'd' | b'i' | b'r' | b'u' | b'n'
        )
    {
        return false;
    }
    let mut buf = [0; 9];
    let lw = &mut buf[..w.len()];
    lw.copy_from_slice(w);
    lw.make_ascii_lowercase();
    matches!(
        &*lw,
        b"will"
            | b"would"
            | b"shall"
            | b"plans"
            | b"planned"
            | b"plan"
            | b"scheduled"
            | b"expected"
            | b"expects"
            | b"due"
            | b"intends"
            | b"effective"
            | b"pay"
            | b"payable"
            | b"record"
            | b"deadline"
            | b"until"
            | b"next"
    )
}

/// The runs of ASCII letters in `s`, bytewise (every byte of a non-ASCII
/// character separates words, as the character does).
fn ascii_words(s: &str) -> impl Iterator<Item = &[u8]> {
    s.as_bytes()
        .split(|b| !b.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

/// The stricter rules for prose (see the module docs).
fn fits_prose(span: &str, phrase: &Phrase) -> bool {
    let names_ok = ascii_words(span).all(name_written_as_name);
    names_ok
        && match &phrase.expr {
            Expr::Month {
                shift: Shift::Bare, ..
            } => phrase.prep_len > 0 && is_full_month_name(span),
            Expr::Date { year: None, .. } => !span.contains('/'),
            Expr::Later { .. } => false,
            _ => true,
        }
}

/// A month name alone, no preposition read before it.
fn is_bare_month(phrase: &Phrase) -> bool {
    phrase.prep_len == 0
        && matches!(
            phrase.expr,
            Expr::Month {
                shift: Shift::Bare,
                ..
            }
        )
}

/// Whether a bare month name (no preposition before it, `span` =
/// `text[start..end]`) is a date by where it stands: a possessive ("August's
/// figure"), after "for", "from" or "than" ("for May shipment", "up from
/// February"), after "and"/"or" joining it to another month ("April and
/// May"), or before a lower-case word that can be the noun it qualifies
/// ("the March trade balance", "September new car registrations").
/// Capitalised full names only ("May" and "March" are words too). Not
/// before "quarter", "year" or "half" ("the December quarter": the quarter
/// ending then), nor before a verb or function word ("May be", a futures
/// contract: "May settled at 5.04").
fn month_as_modifier(text: &str, start: usize, end: usize) -> bool {
    let span = &text[start..end];
    if !span.as_bytes()[0].is_ascii_uppercase() || !is_full_month_name(span) {
        return false;
    }
    let rest = &text[end..];
    if rest.starts_with("'s") || rest.starts_with("\u{2019}s") {
        return true;
    }
    let next = grammar::word(rest).ok().map(|(_, w)| w);
    let next_lower = next.is_some_and(|w| w.as_bytes()[0].is_ascii_lowercase());
    let next_capital = next.is_some_and(|w| w.as_bytes()[0].is_ascii_uppercase());
    if prev_word_is(text, start, &["for", "from", "than", "by"]) {
        return !next_capital;
    }
    if let Some((k, _)) = prev_word(text, start)
        .filter(|(_, w)| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"))
    {
        let joined = prev_word(text, k)
            .is_some_and(|(_, w)| w.as_bytes()[0].is_ascii_uppercase() && is_full_month_name(w));
        if joined {
            return true;
        }
    }
    next_lower && next.is_some_and(|w| !is_verb_or_function_word(w))
}

/// Whether the word before `at` is one of `words` (any case).
fn prev_word_is(text: &str, at: usize, words: &[&str]) -> bool {
    prev_word(text, at).is_some_and(|(_, w)| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// Words after a month name that make it no month of a noun phrase: a
/// period it ends ("the December quarter"), a verb ("May be", "May
/// settled"), a function word ("March to", "May and").
fn is_verb_or_function_word(w: &str) -> bool {
    let mut buf = [0; lexicon::MAX_WORD];
    let Some(lw) = lexicon::lower(w, &mut buf) else {
        return true;
    };
    // Past tenses ("May settled"), and words that place the month by
    // another event ("the February preceding each payment").
    if (lw.len() > 3 && lw.ends_with(b"ed")) || lw.starts_with(b"prec") {
        return true;
    }
    matches!(
        lw,
        b"quarter"
            | b"qtr"
            | b"year"
            | b"half"
            | b"term"
            | b"a"
            | b"an"
            | b"the"
            | b"to"
            | b"of"
            | b"and"
            | b"or"
            | b"in"
            | b"on"
            | b"at"
            | b"be"
            | b"is"
            | b"was"
            | b"are"
            | b"were"
            | b"has"
            | b"have"
            | b"had"
            | b"will"
            | b"would"
            | b"could"
            | b"should"
            | b"also"
            | b"not"
            | b"well"
            | b"still"
            | b"rose"
            | b"fell"
            | b"stood"
            | b"went"
            | b"hit"
            | b"through"
            | b"thru"
            | b"following"
            | b"prior"
            | b"before"
            | b"after"
            | b"ending"
            | b"contract"
            | b"contracts"
            | b"futures"
    )
}

/// A month abbreviation alone ("in Jan", "in Dec") is too often a name.
fn is_full_month_name(span: &str) -> bool {
    let last = span
        .trim_end_matches('.')
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    lexicon::month(last).is_some_and(|(_, abbreviated)| !abbreviated)
}

/// Month and weekday names must be capitalised; weekday abbreviations
/// ("Sun", "Sat", "Wed") are words more often than days.
fn name_written_as_name(w: &[u8]) -> bool {
    // Month and weekday names have three to nine letters: one copy, two
    // look-ups.
    if !(3..=9).contains(&w.len()) {
        return true;
    }
    let capitalised = w[0].is_ascii_uppercase();
    let mut buf = [0; 9];
    let lw = &mut buf[..w.len()];
    lw.copy_from_slice(w);
    lw.make_ascii_lowercase();
    if let Some((_, abbreviated)) = lexicon::weekday_lower(lw) {
        return capitalised && !abbreviated;
    }
    if lexicon::month_lower(lw).is_some() {
        return capitalised;
    }
    true
}

/// Resolves a prose expression. A weekday that contradicts its date is
/// reported and the date wins; without a reference, only values that do
/// not depend on it are kept.
fn resolve_in_prose(
    e: &Expr,
    reference: Option<Date>,
    bias: Bias,
) -> (Option<TimeValue>, Option<String>) {
    let (plain, weekday) = match e {
        Expr::Date {
            year,
            month,
            day,
            weekday: Some(wd),
        } => (
            Expr::Date {
                year: *year,
                month: *month,
                day: *day,
                weekday: None,
            },
            Some(*wd),
        ),
        other => (other.clone(), None),
    };
    let value = match reference {
        Some(d) => {
            let now = d.to_datetime(jiff::civil::Time::midnight());
            resolve_at(&plain, now, bias)
                .map(|v| weekend_in_prose(&plain, v))
                .map(|v| early_year_in_prose(&plain, v))
                .map(|v| weeks_ago_in_prose(&plain, v))
                .map(|v| within_in_prose(&plain, v))
                .map(|v| TimeValue {
                    other: v.other.or_else(|| Ctx { now, bias }.rolling(&plain)),
                    ..v
                })
        }
        None => {
            let a = resolve_at(&plain, jiff::civil::date(1950, 6, 15).at(0, 0, 0, 0), bias);
            let b = resolve_at(&plain, jiff::civil::date(2050, 1, 15).at(0, 0, 0, 0), bias);
            if a == b {
                a
            } else {
                None
            }
        }
    };
    let mismatch = match (weekday, value) {
        (Some(wd), Some(v)) if v.start.date().weekday() != wd => Some(format!(
            "{} is a {}, not a {}",
            v.start.date().strftime("%B %-d, %Y"),
            weekday_name(v.start.date().weekday()),
            weekday_name(wd)
        )),
        _ => None,
    };
    (value, mismatch)
}

/// In prose a weekend is Saturday and Sunday (a news reader's), not
/// Duckling's Friday evening to Monday, which stays as the other reading.
fn weekend_in_prose(e: &Expr, v: TimeValue) -> TimeValue {
    if !matches!(e, Expr::Weekend { .. }) || v.start.time() == jiff::civil::Time::midnight() {
        return v;
    }
    match (v.start.date().tomorrow(), v.exclusive_end()) {
        (Ok(d), Some(end)) => TimeValue {
            start: d.to_datetime(jiff::civil::Time::midnight()),
            grain: super::Grain::Day,
            other: Some((v.start, end)),
            ..v
        },
        _ => v,
    }
}

/// In prose "two weeks ago", "a week ago" name that calendar week, Monday
/// to Sunday (the annotation rules' "Two weeks ago": the news reader's
/// week, as "last week"); the day exactly that many weeks back (Duckling's
/// reading) stays as the other reading. Other values pass.
fn weeks_ago_in_prose(e: &Expr, v: TimeValue) -> TimeValue {
    if !matches!(
        e,
        Expr::Ago {
            count: Count::Exact(_),
            unit: Unit::Week,
        }
    ) {
        return v;
    }
    let day = v.start.date();
    let back = i64::from(day.weekday().to_monday_zero_offset());
    let week = day
        .checked_sub(jiff::Span::new().days(back))
        .and_then(|monday| Ok((monday, monday.checked_add(jiff::Span::new().days(7))?)));
    match (week, v.exclusive_end()) {
        (Ok((monday, next)), Some(end)) => TimeValue {
            start: monday.to_datetime(jiff::civil::Time::midnight()),
            end: Some(next.to_datetime(jiff::civil::Time::midnight())),
            grain: super::Grain::Week,
            kind: super::TimeKind::Interval,
            other: Some((v.start, end)),
        },
        _ => v,
    }
}

/// In prose "within 45 days" is the 45 days after the article's day (the
/// annotation rules', as "over the next two years" starts after the
/// current unit): Duckling's span from now, moved on by one day; Duckling's
/// stays as the other reading. Other values pass.
fn within_in_prose(e: &Expr, v: TimeValue) -> TimeValue {
    if !matches!(e, Expr::Within { .. }) {
        return v;
    }
    let day = jiff::Span::new().days(1);
    match (
        v.exclusive_end(),
        v.start.date().checked_add(day),
        v.exclusive_end().map(|end| end.checked_add(day)),
    ) {
        (Some(end), Ok(first), Some(Ok(next))) => TimeValue {
            start: first.to_datetime(jiff::civil::Time::midnight()),
            end: Some(next),
            kind: super::TimeKind::Interval,
            other: Some((v.start, end)),
            ..v
        },
        _ => v,
    }
}

/// In prose "early 1987" and "the beginning of 1987" are the year's first
/// four months, as its end is its last four (README, "Time phrases"; the
/// annotation rules' "early 1984"); Duckling's January–March stays as the
/// other reading. Other values pass.
fn early_year_in_prose(e: &Expr, v: TimeValue) -> TimeValue {
    if !matches!(
        e,
        Expr::PartOf {
            part: Part::Early | Part::Beginning,
            ..
        }
    ) {
        return v;
    }
    let first_quarter = v.grain == super::Grain::Month
        && v.start.month() == 1
        && v.start.day() == 1
        && v.exclusive_end() == v.start.checked_add(jiff::Span::new().months(3)).ok();
    match (
        v.exclusive_end(),
        v.start.checked_add(jiff::Span::new().months(4)),
    ) {
        (Some(end), Ok(four)) if first_quarter => TimeValue {
            end: Some(four),
            other: Some((v.start, end)),
            ..v
        },
        _ => v,
    }
}

fn resolve_at(e: &Expr, now: DateTime, bias: Bias) -> Option<TimeValue> {
    Ctx { now, bias }.resolve(e).map(TimeValue::from_iv)
}

fn weekday_name(wd: jiff::civil::Weekday) -> &'static str {
    use jiff::civil::Weekday::*;
    match wd {
        Monday => "Monday",
        Tuesday => "Tuesday",
        Wednesday => "Wednesday",
        Thursday => "Thursday",
        Friday => "Friday",
        Saturday => "Saturday",
        Sunday => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// The last date phrase of `text` read on 18 March 1987, with its
    /// days as ISO dates (the anaphora tests).
    fn last(text: &str) -> (String, Option<(String, String)>) {
        find_dates(text, Some(date(1987, 3, 18)), Bias::Nearest)
            .pop()
            .map(|m| {
                let days = m.value.and_then(|v| v.inclusive_days());
                (
                    text[m.start..m.end].to_string(),
                    days.map(|(a, b)| (a.to_string(), b.to_string())),
                )
            })
            .unwrap_or_default()
    }

    fn spans(text: &str) -> Vec<&str> {
        find_dates(text, Some(date(2023, 6, 18)), Bias::Past)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn finds_dates_in_a_sentence() {
        let s =
            "Blinken met Wang Yi on Sunday, June 18, and again on Monday, after talks last week.";
        assert_eq!(spans(s), ["Sunday, June 18", "Monday", "last week"]);
    }

    #[test]
    fn lowercase_month_words_are_not_dates() {
        assert_eq!(spans("protesters may march on."), Vec::<&str>::new());
        assert_eq!(spans("In May, and in may"), ["May"]);
    }

    #[test]
    fn in_n_years_is_left_out_in_prose() {
        assert_eq!(
            spans("The loan is repayable in five years"),
            Vec::<&str>::new()
        );
        assert_eq!(
            spans("It will be the first in five years"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn in_n_years_after_a_superlative_is_the_past_span() {
        assert_eq!(
            last("his first major shakeup in five years."),
            (
                "in five years".to_string(),
                Some(("1982-01-01".to_string(), "1986-12-31".to_string()))
            )
        );
        assert_eq!(
            last("the lowest level in nine years."),
            (
                "in nine years".to_string(),
                Some(("1978-01-01".to_string(), "1986-12-31".to_string()))
            )
        );
    }

    #[test]
    fn weeks_ago_name_a_calendar_week() {
        // 18 March 1987 is a Wednesday.
        assert_eq!(
            last("Rates rose two weeks ago."),
            (
                "two weeks ago".to_string(),
                Some(("1987-03-02".to_string(), "1987-03-08".to_string()))
            )
        );
        assert_eq!(
            last("Rates rose a week ago."),
            (
                "a week ago".to_string(),
                Some(("1987-03-09".to_string(), "1987-03-15".to_string()))
            )
        );
    }

    #[test]
    fn within_n_days_counts_the_days_after_today() {
        assert_eq!(
            last("It will decide within 45 days."),
            (
                "within 45 days".to_string(),
                Some(("1987-03-19".to_string(), "1987-05-02".to_string()))
            )
        );
        assert_eq!(
            last("It will decide within a week."),
            (
                "within a week".to_string(),
                Some(("1987-03-19".to_string(), "1987-03-25".to_string()))
            )
        );
    }

    #[test]
    fn bare_years_in_a_fiscal_series_are_fiscal_years() {
        let t = "It will spend 96 mln dlrs in fiscal 1988, ending January 31, down from 123 mln dlrs in 1987.";
        assert_eq!(
            last(t),
            (
                "1987".to_string(),
                Some(("1986-02-01".to_string(), "1987-01-31".to_string()))
            )
        );
        // Without the company's calendar: the reading of "fiscal 1987".
        let t = "Net rose in fiscal 1987 from 1986.";
        assert_eq!(
            last(t),
            (
                "1986".to_string(),
                Some(("1985-02-01".to_string(), "1986-12-31".to_string()))
            )
        );
        // Another sentence's year stays the calendar one.
        let t = "Net rose in fiscal 1987. Output fell in 1986.";
        assert_eq!(
            last(t),
            (
                "1986".to_string(),
                Some(("1986-01-01".to_string(), "1986-12-31".to_string()))
            )
        );
    }

    #[test]
    fn a_quarter_named_by_its_end_opens_a_table() {
        assert_eq!(
            last("Qtr ended Jan 31\nShr 24 cts"),
            (
                "Qtr ended Jan 31".to_string(),
                Some(("1986-11-01".to_string(), "1987-01-31".to_string()))
            )
        );
        assert!(find_dates("a quarter point", Some(date(1987, 3, 18)), Bias::Nearest).is_empty());
    }

    #[test]
    fn by_year_end_is_a_deadline() {
        let m = find_dates(
            "It will pick a contractor by year end.",
            Some(date(1987, 3, 18)),
            Bias::Nearest,
        );
        assert_eq!(m.len(), 1);
        let v = m[0].value.unwrap();
        assert_eq!(v.kind, TimeKind::OpenBefore);
        assert_eq!(v.start.date(), date(1988, 1, 1));
        assert!(find_dates(
            "the year end results",
            Some(date(1987, 3, 18)),
            Bias::Nearest
        )
        .is_empty());
    }

    #[test]
    fn so_far_this_year_follows_the_company_year() {
        let t = "Its fiscal year ends January 31. Revenues so far this year fell.";
        assert_eq!(
            last(t),
            (
                "so far this year".to_string(),
                Some(("1987-02-01".to_string(), "1987-03-18".to_string()))
            )
        );
    }

    #[test]
    fn weekday_mismatch_is_reported() {
        let m = find_dates("on Thursday, July 7, 2023.", None, Bias::Past);
        assert_eq!(m.len(), 1);
        assert_eq!(
            m[0].weekday_mismatch.as_deref(),
            Some("July 7, 2023 is a Friday, not a Thursday")
        );
        assert_eq!(m[0].value.unwrap().start.date(), date(2023, 7, 7));
    }

    #[test]
    fn relative_dates_without_reference_are_unresolved() {
        let m = find_dates("He left last week, in 1987.", None, Bias::Past);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].value, None);
        assert_eq!(m[1].value.unwrap().start.date(), date(1987, 1, 1));
    }

    /// The stricter pre-filters for plain numbers and "the" are exact:
    /// wherever they say no but the general ones say yes, the grammar
    /// finds nothing either.
    #[test]
    fn strict_prefilters_reject_only_failed_parses() {
        let openers = [
            "5", "13", "20", "155", "1987", "3rd", "1980s", "the", "The", "THE", "in", "last",
            "on", "On", "during", "from", "From", "a", "A", "an", "An",
        ];
        let words = [
            "", "years", "year", "days", "day", "Day", "weeks", "week", "quarter", "qtr", "months",
            "hours", "ago", "hence", "from", "now", "today", "of", "and", "to", "15", "15th",
            "July", "March", "next", "month", "first", "twenty", "-", "/", "fall", "summer",
            "weekend", "end", "rest", "the", "1985", "pct", "company", "1.5", "155,221", "-5",
            "few", "couple", "ago",
        ];
        for o in openers {
            for a in words {
                for b in words {
                    for c in ["", "ago", "of next month", "July", "from now"] {
                        let text = format!("{o} {a} {b} {c}.");
                        let end = token_end(text.as_bytes(), 0);
                        let tok = &text[..end];
                        let rejected = if tok.as_bytes()[0].is_ascii_digit() {
                            number_continues(&text, end, false)
                                && !number_continues(
                                    &text,
                                    end,
                                    tok.bytes().all(|b| b.is_ascii_digit()),
                                )
                        } else {
                            next_continues(&text, end) && !could_start(&text, 0, end)
                        };
                        if rejected {
                            assert!(grammar::phrase(&text).is_err(), "{text:?}");
                        }
                    }
                }
            }
        }
    }

    /// The run-skipping token loop finds the token starts the byte-by-byte
    /// rule finds (an ASCII letter or digit after no word byte), from any
    /// position, and `token_end` the same ends as a bytewise loop.
    #[test]
    fn token_starts_and_ends_agree_with_the_bytewise_rule() {
        let texts = [
            "",
            "a",
            "On March 5, 1987 the company's 2nd-quarter (Q2) net rose.",
            "caf\u{e9}1 na\u{ef}ve x\u{e9}y \u{e9}t\u{e9} 12\u{a0}Jan",
            "  --  \n\tabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ,k",
            "\u{0}\u{7f}@[`{/:9Zz0aA\u{ff}\u{80}",
            "Feb.18 1987-88 5.5 x1y2z3 UPPER lower MiXeD",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let bytewise = (from..bytes.len()).find(|&i| {
                    bytes[i].is_ascii_alphanumeric() && (i == 0 || !is_word_byte(bytes[i - 1]))
                });
                assert_eq!(next_token(bytes, from), bytewise, "{text:?} from {from}");
                let end = from
                    + bytes[from..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .count();
                assert_eq!(token_end(bytes, from), end, "{text:?} from {from}");
            }
        }
        for b in 0..=255u8 {
            let chunk = u64::from_le_bytes([b, b'a', b'Z', b'5', b, b' ', b, b'q']);
            let stops = not_alnum_bytes(chunk).to_le_bytes();
            assert_eq!(stops[0] != 0, !b.is_ascii_alphanumeric(), "{b:#x}");
            assert_eq!(stops[1..4], [0, 0, 0]);
            assert_eq!(stops[5], 0x80);
        }
    }

    /// "current" without an article is a company's own period; a phrase
    /// naming a length takes only an antecedent of that length.
    #[test]
    fn own_periods_and_antecedent_lengths() {
        let at = |text: &str| {
            find_dates(text, Some(date(1987, 3, 18)), Bias::Nearest)
                .into_iter()
                .map(|m| (text[m.start..m.end].to_string(), m.value.is_some()))
                .collect::<Vec<_>>()
        };
        let s = |x: &str| x.to_string();
        assert_eq!(
            at("Current year figures include a writedown."),
            [(s("Current year"), false)]
        );
        assert_eq!(
            at("Sales rose in the current quarter."),
            [(s("the current quarter"), true)]
        );
        assert_eq!(
            at("A split in December 1986. Results for year-ago nine mths restated."),
            [(s("December 1986"), true), (s("year-ago nine mths"), false)]
        );
        assert_eq!(
            at("Net rose in the fourth quarter from the year-ago quarter."),
            [
                (s("the fourth quarter"), true),
                (s("the year-ago quarter"), true)
            ]
        );
    }

    /// "the previous month", "the year before", "a month earlier": the
    /// period the text has just named (the sentence's own, else the
    /// sentence before's topic), one unit back; none named: "the previous
    /// X" is last X, "a month earlier" unresolved.
    #[test]
    fn a_unit_before_the_period_named() {
        let s = |x: &str| x.to_string();
        let d = |a: &str, b: &str| Some((s(a), s(b)));
        // The unit's own length in the sentence, the last one.
        assert_eq!(
            last("Sales in 1986 rose from the previous year."),
            (s("the previous year"), d("1985-01-01", "1985-12-31"))
        );
        assert_eq!(
            last("The 1985 dividend was unchanged from the year before."),
            (s("the year before"), d("1984-01-01", "1984-12-31"))
        );
        assert_eq!(
            last("Loans rose in the week ended March 4 from the prior week."),
            (s("the prior week"), d("1987-02-19", "1987-02-25"))
        );
        assert_eq!(
            last("Profit in the fourth quarter of 1986 rose from the preceding quarter."),
            (s("the preceding quarter"), d("1986-07-01", "1986-09-30"))
        );
        // A shorter one: the comparison's period, a unit back.
        assert_eq!(
            last("Exports in January were 5 bln against 4 bln the previous year."),
            (s("the previous year"), d("1986-01-01", "1986-01-31"))
        );
        assert_eq!(
            last("Exports rose in February, and 4.2 pct from a month earlier."),
            (s("a month earlier"), d("1987-01-01", "1987-01-31"))
        );
        assert_eq!(
            last("Stocks were 146,000 tonnes on March 11 from 111,000 a week earlier."),
            (s("a week earlier"), d("1987-03-04", "1987-03-04"))
        );
        // The sentence before: its topic, the first one.
        assert_eq!(
            last(
                "Profit rose in 1986 from 100 mln in 1985. Sales fell from 9 bln the year before."
            ),
            (s("the year before"), d("1985-01-01", "1985-12-31"))
        );
        // None named: "the previous X" is last X; the others no value.
        assert_eq!(
            last("The previous year was difficult, he said."),
            (s("The previous year"), d("1986-01-01", "1986-12-31"))
        );
        assert_eq!(
            last("It rose 5 pct from a month earlier."),
            (s("a month earlier"), None)
        );
        // A day is no "previous year"'s period (an event's date).
        assert_eq!(
            last("On March 3 it said profit fell from the prior year."),
            (s("the prior year"), d("1986-01-01", "1986-12-31"))
        );
        // A span counted back from today is no antecedent.
        assert_eq!(
            last("It was 5 pct a week ago and 4 pct the previous week."),
            (s("the previous week"), d("1987-03-09", "1987-03-15"))
        );
        // Placed by an event, or a comparison: no date.
        assert!(find_dates(
            "It met the day before the vote.",
            Some(date(1987, 3, 18)),
            Bias::Nearest
        )
        .is_empty());
        assert!(find_dates(
            "It ended a day earlier than planned.",
            Some(date(1987, 3, 18)),
            Bias::Nearest
        )
        .is_empty());
        // A count: that many units before a period of that length.
        assert_eq!(
            last("In the fourth quarter of 1986 output rose 2 pct from the previous three months."),
            (
                s("the previous three months"),
                d("1986-07-01", "1986-09-30")
            )
        );
        // Only a period of the counted length: after a week or a month,
        // or none, the last N units from today.
        assert_eq!(
            last("In the week to March 6 loans rose from the preceding two weeks."),
            (s("the preceding two weeks"), d("1987-03-02", "1987-03-15"))
        );
        assert_eq!(
            last("In January sales rose from the previous three months."),
            (
                s("the previous three months"),
                d("1986-12-01", "1987-02-28")
            )
        );
    }

    /// "the same period of 1985", "the 1986 period": the period named
    /// before moved to the year; "the 1985 quarter" with none named is the
    /// year it names, "the same period of 1985" then no value.
    #[test]
    fn a_named_period_moved_to_a_year() {
        let s = |x: &str| x.to_string();
        let d = |a: &str, b: &str| Some((s(a), s(b)));
        assert_eq!(
            last("Imports rose in the first nine months of 1986 from the same period of 1985."),
            (s("the same period of 1985"), d("1985-01-01", "1985-09-30"))
        );
        assert_eq!(
            last("Output fell in the fourth quarter, against the same quarter in 1985."),
            (s("the same quarter in 1985"), d("1985-10-01", "1985-12-31"))
        );
        assert_eq!(
            last("Year-to-date output was 2.0 mln against 2.1 mln in the 1986 period."),
            (s("the 1986 period"), d("1986-01-01", "1986-03-18"))
        );
        assert_eq!(
            last("Gains were 20 cts a share in the 1985 quarter."),
            (s("the 1985 quarter"), d("1985-01-01", "1985-12-31"))
        );
        assert_eq!(
            last("Gains were 20 cts a share in the same period of 1985."),
            (s("the same period of 1985"), None)
        );
        // A length the phrase names must fit the period named.
        assert_eq!(
            last("Sales rose in January, against the 1986 quarter."),
            (s("the 1986 quarter"), d("1986-01-01", "1986-12-31"))
        );
    }

    /// A blank line ends the sentence a cue is looked for in; a wrapped
    /// line does not.
    #[test]
    fn record_as_a_superlative_is_no_future_cue() {
        assert!(!future_cue("Volume reached a record 25,559 contracts in "));
        assert!(!future_cue("above the previous record set in "));
        assert!(!future_cue("It beat last year's record of "));
        assert!(future_cue("Pay April 15, record "));
        assert!(future_cue("to holders of record "));
        assert!(future_cue("A record volume is expected in "));
    }

    /// "will arrive on Tuesday" in a Tuesday article is that Tuesday;
    /// on a Monday it is the next day, and "Monday" then is next week's.
    #[test]
    fn a_future_weekday_may_be_the_publication_day() {
        let day = |s: &str, d: Date| {
            find_dates(s, Some(d), Bias::Nearest)
                .first()
                .and_then(|m| m.value.as_ref().map(|v| v.start))
        };
        let tue = date(2023, 3, 21);
        let mon = date(2023, 3, 20);
        let s = "Roe would arrive in Kyiv on Tuesday, officials said.";
        assert_eq!(day(s, tue), Some(tue.at(0, 0, 0, 0)));
        assert_eq!(day(s, mon), Some(tue.at(0, 0, 0, 0)));
        let s = "Roe will arrive in Kyiv on Monday, officials said.";
        assert_eq!(day(s, mon), Some(mon.at(0, 0, 0, 0)));
        assert_eq!(day(s, tue), Some(date(2023, 3, 27).at(0, 0, 0, 0)));
    }

    #[test]
    fn expected_in_a_comparison_is_no_future_cue() {
        assert!(!future_cue("showed a larger than expected rise in "));
        assert!(!future_cue("Output fell as expected in "));
        assert!(future_cue("Output is expected to rise in "));
        assert!(compared_with_forecast(b"more than ", b"expected"));
        assert!(!compared_with_forecast(b"is ", b"expected"));
    }

    #[test]
    fn a_future_cue_reads_ahead_only_within_reach() {
        let r = Some(date(1987, 3, 9));
        let md = |month| Expr::Date {
            year: None,
            month,
            day: 6,
            weekday: None,
        };
        let ahead = |e: &Expr| resolve_in_prose(e, r, Bias::Future).0;
        // March 6 read ahead is 1988: beyond reach; October 6 is not.
        assert!(beyond_reach(&md(3), ahead(&md(3)), r));
        assert!(!beyond_reach(&md(10), ahead(&md(10)), r));
        // A year written fixes the date; no reference, no reach.
        let y = Expr::Date {
            year: Some(1988),
            month: 3,
            day: 6,
            weekday: None,
        };
        assert!(!beyond_reach(&y, ahead(&y), r));
        assert!(!beyond_reach(&md(3), ahead(&md(3)), None));
    }

    #[test]
    fn a_day_of_the_month_ends_before_no_word() {
        let dom = Expr::DayOfMonth {
            day: 19,
            weekday: None,
        };
        for rest in [
            ".",
            ", he said",
            " of the month",
            " (of March)",
            " and 25th.",
            "",
        ] {
            assert!(day_of_month_ends(&dom, rest), "{rest:?}");
        }
        for rest in [
            " case, the board",
            " three months",
            " and second weeks",
            " 10 days",
        ] {
            assert!(!day_of_month_ends(&dom, rest), "{rest:?}");
        }
        assert!(day_of_month_ends(&Expr::Year(1987), " case"));
    }

    #[test]
    fn a_year_before_refers_to_a_period_not_to_another_reference() {
        let s = "Sales for February 21 through 28 fell from 107 a year before. \
                 Truck sales rose from 38 a year before.";
        let got: Vec<_> = find_dates(s, Some(date(1987, 3, 4)), Bias::Nearest)
            .into_iter()
            .map(|m| m.value.and_then(|v| v.inclusive_days()))
            .collect();
        let back = Some((date(1986, 2, 21), date(1986, 2, 28)));
        assert_eq!(got[1..], [back, back]);
    }

    /// The mentions of `text` read on `on`: span and value (days, or the
    /// open direction and bound).
    fn read_on(text: &str, on: Date) -> Vec<(&str, String)> {
        find_dates(text, Some(on), Bias::Nearest)
            .into_iter()
            .map(|m| {
                let v = match m.value {
                    Some(v) if v.kind == TimeKind::OpenAfter => format!("after {}", v.start.date()),
                    Some(v) => v
                        .inclusive_days()
                        .map_or(String::new(), |(a, b)| format!("{a}..{b}")),
                    None => String::new(),
                };
                (&text[m.start..m.end], v)
            })
            .collect()
    }

    #[test]
    fn from_a_date_ahead_is_open_after_its_start() {
        let feb27 = date(1987, 2, 27);
        let got = read_on("It will be set at 70,000 from March 2.", feb27);
        assert_eq!(got, [("from March 2", "after 1987-03-02".to_string())]);
        let got = read_on("Britain will from next autumn mint a coin.", feb27);
        assert_eq!(got[0], ("from next autumn", "after 1987-09-23".to_string()));
        // A comparison with a period past, a range, a possessive, a length
        // counted from a date, a date moved from: no open interval.
        for s in [
            "Output rose 0.7 pct from January.",
            "It runs from April 8, 1987, to March 6, 1989.",
            "It fell from next year's level.",
            "It expires nine months from March 31.",
            "It delayed the plant to June 1989 from September 1988.",
            "Sales rose 2 pct from the previous three months.",
        ] {
            let got = read_on(s, feb27);
            assert!(
                got.iter().all(|(_, v)| !v.starts_with("after")),
                "{s}: {got:?}"
            );
        }
    }

    #[test]
    fn a_comparison_is_no_sentence_topic() {
        let mar16 = date(1987, 3, 16);
        // The sentence's first period is its topic.
        let s = "Reserves fell to 8.50 billion in February, from 9.15 billion in \
                 January, compared with 9.06 billion a year earlier.";
        let got = read_on(s, mar16);
        assert_eq!(got[2].1, "1986-02-01..1986-02-28");
        // Every period of the sentence a comparison's: the article's own.
        let s = "Volume rose to a record in January from 16.18 billion in December. \
                 Deals were 27.01 billion against 19.56 billion (8.48 billion) in \
                 December and 9.92 billion a year earlier.";
        let got = read_on(s, mar16);
        assert_eq!(got.last().unwrap().1, "1986-01-01..1986-01-31");
        // A "from" of the clause before compares nothing here.
        assert!(!compared("from 401 mln and for the first", 28));
        assert!(compared(
            "against 19.56 billion (8.48 billion) in December",
            40
        ));
        assert!(!compared("More than half of January", 18));
    }

    #[test]
    fn a_note_under_an_interim_table_names_fiscal_years() {
        let s = "Shr 13 cts vs seven cts\n    Nine mths\n    Shr 66 cts vs 55 cts\n    \
                 NOTE: 1987 quarter includes a gain. Sales rose in 1986.";
        let got = read_on(s, date(1987, 3, 16));
        assert_eq!(got[0], ("1987", "1986-02-01..1987-12-31".to_string()));
        assert_eq!(got[1], ("1986", "1986-01-01..1986-12-31".to_string()));
    }

    #[test]
    fn vague_counts_are_found_without_a_value() {
        let on = date(1987, 3, 20);
        for s in [
            "Prices may rise over the next few months.",
            "It was sold several weeks ago.",
            "Output fell in the past few years.",
            "It is due within the next several weeks.",
        ] {
            let got = read_on(s, on);
            assert_eq!(got.len(), 1, "{s}: {got:?}");
            assert_eq!(got[0].1, "", "{s}");
        }
        // A counted span keeps its value.
        assert_eq!(
            read_on("over the next two years", on)[0].1,
            "1988-01-01..1989-12-31"
        );
    }

    #[test]
    fn the_trading_day_of_a_market_report() {
        let on = date(1987, 3, 9);
        let today = "1987-03-09..1987-03-09".to_string();
        let got = read_on("P and O stood at 616, 27p lower on the day.", on);
        assert_eq!(got, [("the day", today.clone())]);
        let got = read_on("palladium ended firmer, but under the day's highs.", on);
        assert_eq!(got, [("the day", today)]);
        assert!(read_on("It fell on the day the merger was announced.", on).is_empty());
    }

    #[test]
    fn a_futures_table_names_contracts_by_month_and_year_digit() {
        let s = "WHEAT OPEN P SETT\n  MAY7   291 290\n  MAR8   301 299\n  May7 X\n";
        let got = read_on(s, date(1987, 4, 7));
        assert_eq!(
            got,
            [
                ("MAY7", "1987-05-01..1987-05-31".to_string()),
                ("MAR8", "1988-03-01..1988-03-31".to_string()),
            ]
        );
    }

    #[test]
    fn from_and_to_join_two_mentions() {
        let on = date(1987, 3, 10);
        let got = read_on("Rates fell from early February to early March.", on);
        assert_eq!(
            got,
            [(
                "from early February to early March",
                "1987-02-01..1987-03-10".to_string()
            )]
        );
        let got = read_on(
            "It may be exercised from June 1, 1987, to March 30, 1990.",
            on,
        );
        assert_eq!(got[0].1, "1987-06-01..1990-03-30");
        // A date changed from one to another: two mentions.
        let got = read_on(
            "It extended the period from September 30, 1987, to December 31, 1987.",
            on,
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(changes_a_date("the company has extended the period "));
        assert!(!changes_a_date("the warrants may be exercised "));
        assert!(changes_a_date(
            "the delay of the 41 pct owned Nine Mile Unit 2 "
        ));
    }

    #[test]
    fn futures_contract_months_are_the_next_ones() {
        let s = "Coffee futures were firmer.\n    May was up 0.16 cent. October \
                 futures fell. Spot March rose.";
        let got = read_on(s, date(1987, 4, 7));
        assert_eq!(
            got,
            [
                ("May", "1987-05-01..1987-05-31".to_string()),
                ("October", "1987-10-01..1987-10-31".to_string()),
                ("March", "1988-03-01..1988-03-31".to_string()),
            ]
        );
    }

    #[test]
    fn back_references_and_the_month_of() {
        let back = |s: &'static str| back_reference(s, 0).map(|(end, what)| (&s[..end], what));
        assert_eq!(back("that date."), Some(("that date", Ok(Back::Day))));
        assert_eq!(back("that company"), None);
        assert_eq!(
            back("the month of February"),
            Some(("the month of February", Err(2)))
        );
        assert_eq!(back("the month of march"), None);
        assert_eq!(
            back("the full month, sales"),
            Some(("the full month", Ok(Back::Month)))
        );
        assert_eq!(
            back("the whole year rose"),
            Some(("the whole year", Ok(Back::Year)))
        );
        assert_eq!(back("the full year ended May 31"), None);
        assert_eq!(back("the full year 1986"), None);
        // "the period" only after a preposition and placed by nothing after.
        let s = "sales for the period rose";
        assert_eq!(
            back_reference(s, 10).map(|(e, w)| (&s[10..e], w)),
            Some(("the period", Ok(Back::Period)))
        );
        assert_eq!(back_reference("for the period from May", 4), None);
        assert_eq!(back_reference("the period rose", 0), None);
    }

    #[test]
    fn back_values_take_what_the_phrase_names() {
        let r = Some(date(1987, 3, 20));
        let v = resolve_in_prose(
            &Expr::Range(
                Box::new(Expr::Date {
                    year: Some(1987),
                    month: 2,
                    day: 21,
                    weekday: None,
                }),
                Box::new(Expr::Date {
                    year: Some(1987),
                    month: 2,
                    day: 28,
                    weekday: None,
                }),
            ),
            r,
            Bias::Past,
        )
        .0
        .unwrap();
        let days = |v: Option<TimeValue>| v.and_then(|v| v.inclusive_days());
        assert_eq!(
            days(back_value(v, Back::Period)),
            Some((date(1987, 2, 21), date(1987, 2, 28)))
        );
        assert_eq!(
            days(back_value(v, Back::Month)),
            Some((date(1987, 2, 1), date(1987, 2, 28)))
        );
        assert_eq!(
            days(back_value(v, Back::Year)),
            Some((date(1987, 1, 1), date(1987, 12, 31)))
        );
        assert_eq!(back_value(v, Back::Day), None);
    }

    #[test]
    fn a_fiscal_year_end_places_the_quarters() {
        let s = "Profit for the year ended May 31 rose. Third quarter net fell, \
                 and the fourth quarter will be better.";
        let got: Vec<_> = find_dates(s, Some(date(1987, 4, 1)), Bias::Nearest)
            .into_iter()
            .map(|m| (&s[m.start..m.end], m.value.and_then(|v| v.inclusive_days())))
            .collect();
        assert_eq!(
            got[1],
            (
                "Third quarter",
                Some((date(1986, 12, 1), date(1987, 2, 28)))
            )
        );
        assert_eq!(
            got[2],
            (
                "the fourth quarter",
                Some((date(1987, 3, 1), date(1987, 5, 31)))
            )
        );
        // A December year end is the calendar: no company quarters.
        let december = own_year::article_year("the year ended December 31");
        assert!(fiscal_year_end(december, Some(date(1987, 4, 1))).is_none());
    }

    #[test]
    fn through_a_date_is_the_date_in_prose() {
        let s = "prices guaranteed through December 31, 1988.";
        let found = find_dates(s, Some(date(1987, 3, 2)), Bias::Nearest);
        assert_eq!(found.len(), 1);
        assert_eq!(&s[found[0].start..found[0].end], "December 31, 1988");
        assert_eq!(found[0].value.map(|v| v.kind), Some(TimeKind::Instant));
    }

    #[test]
    fn quarters_follow_the_company_quarter_named_by_its_end() {
        let s = "Its first quarter fell. Net for the first quarter ended January 31 fell. \
                 It expects the third quarter to be better. The fourth quarter was bad.";
        let got: Vec<_> = find_dates(s, Some(date(1987, 3, 3)), Bias::Nearest)
            .into_iter()
            .map(|m| (&s[m.start..m.end], m.value.and_then(|v| v.inclusive_days())))
            .collect();
        let span = |a, b| Some((a, b));
        assert_eq!(
            got,
            vec![
                ("first quarter", span(date(1986, 11, 1), date(1987, 1, 31))),
                (
                    "the first quarter ended January 31",
                    span(date(1986, 11, 1), date(1987, 1, 31))
                ),
                (
                    "the third quarter",
                    span(date(1987, 5, 1), date(1987, 7, 31))
                ),
                (
                    "The fourth quarter",
                    span(date(1986, 8, 1), date(1986, 10, 31))
                ),
            ]
        );
    }

    #[test]
    fn future_cue_stops_at_a_paragraph_break() {
        assert!(!future_cue(
            "# Talks shorter than planned\n\nThe two met on "
        ));
        assert!(!future_cue(
            "Talks shorter than planned\n \r\nThe two met on "
        ));
        assert!(future_cue("The talks are planned\nfor the afternoon on "));
    }

    /// `future_cue` reads backwards what the sentence's words, split as
    /// strings, gave.
    #[test]
    fn future_cue_agrees_with_a_split_of_the_sentence() {
        fn by_split(before: &str) -> bool {
            let mut from = before.len().saturating_sub(160);
            while !before.is_char_boundary(from) {
                from += 1;
            }
            let window = &before[from..];
            let blank_line = (0..window.len()).rev().find(|&k| {
                window.as_bytes()[k] == b'\n' && blank_line_follows(&window.as_bytes()[k + 1..])
            });
            let full_stop = window.rfind(". ").max(window.rfind(".\n"));
            let sentence = match full_stop.max(blank_line) {
                Some(k) => &window[k + 1..],
                None => window,
            };
            sentence
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| is_future_word(w.as_bytes()))
        }
        let words = [
            "will",
            "Will",
            "WILL",
            "willing",
            "due",
            "pay",
            "payable",
            "next",
            "the",
            "said",
            "company",
            ".",
            ". ",
            ".\n",
            ",",
            "\u{e9}t\u{e9}",
            "1987",
            "plans.",
            "x",
            "Due.",
        ];
        let mut next = crate::text::seeded_picks(0x51_7cc1_b727_220a);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..next(60) {
                s.push_str(words[next(words.len())]);
                s.push_str(["", " ", "  ", "\n", "\n\n", "\n \n"][next(6)]);
            }
            assert_eq!(future_cue(&s), by_split(&s), "{s:?}");
        }
    }

    /// The scanner's first filter lets through every word that could open
    /// a date or an extra form.
    #[test]
    fn the_first_filter_passes_every_opener() {
        let words = [
            "the",
            "The",
            "THE",
            "in",
            "May",
            "Thanksgiving",
            "FY24",
            "fy1987",
            "year",
        ];
        for w in words {
            assert!(lexicon::may_open_in_prose(w.as_bytes()), "{w}");
        }
        for w in ["company", "said", "Thanksgivings", "fyi"] {
            let tok = w.as_bytes();
            assert!(!could_start(w, 0, w.len()) && !may_be_extra(tok), "{w}");
        }
    }

    #[test]
    fn a_bare_month_is_read_by_its_distance_ahead() {
        let month = |m| Expr::Month {
            month: m,
            shift: Shift::Bare,
        };
        let mar = Some(date(1987, 3, 20));
        // The article's month and the months behind it: the latest one.
        assert_eq!(bare_month_bias(&month(3), mar, true), Some(Bias::Past));
        assert_eq!(bare_month_bias(&month(12), mar, false), Some(Bias::Past));
        // One to five ahead: the coming one, cue or not.
        assert_eq!(bare_month_bias(&month(4), mar, false), Some(Bias::Future));
        assert_eq!(bare_month_bias(&month(8), mar, false), Some(Bias::Future));
        // Six to eight ahead: only with a cue; beyond: never.
        assert_eq!(bare_month_bias(&month(9), mar, false), Some(Bias::Past));
        assert_eq!(bare_month_bias(&month(9), mar, true), Some(Bias::Future));
        assert_eq!(bare_month_bias(&month(11), mar, true), Some(Bias::Future));
        assert_eq!(bare_month_bias(&month(1), mar, true), Some(Bias::Past));
        // Not a bare month, or no reference: no say.
        assert_eq!(bare_month_bias(&Expr::Year(1987), mar, false), None);
        assert_eq!(bare_month_bias(&month(4), None, false), None);
    }

    #[test]
    fn a_past_tense_right_before_the_preposition() {
        assert!(past_verb_before("the bonus issue made "));
        assert!(past_verb_before("The ICC had rejected "));
        assert!(past_verb_before("since the bid was "));
        assert!(past_verb_before("Beesley said "));
        // Passives that may lie ahead, future words, other words.
        assert!(!past_verb_before("are to be listed "));
        assert!(!past_verb_before("the merger is completed "));
        assert!(!past_verb_before("The package was expected "));
        assert!(!past_verb_before("talks scheduled "));
        assert!(!past_verb_before("the harvesting season begins "));
        assert!(!past_verb_before("plans to proceed "));
        assert!(!past_verb_before("the shed "));
        assert!(!past_verb_before(""));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "",
            "9",
            "é1",
            "June\u{2013}",
            "3/",
            "the",
            "in the",
            "\u{0}June 5",
            "June 31, 2023",
            "\u{a0}current 1987",
            "é current year",
        ] {
            for m in find_dates(s, Some(date(2023, 6, 18)), Bias::Past) {
                assert!(m.start <= m.end && m.end <= s.len());
                assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
            }
        }
    }
}
