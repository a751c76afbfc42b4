//! Conventions of financial newswire that place a date by the market it
//! is written for (issue 18): a futures contract named by its delivery
//! month ("Spot April", "new distant August", "May was up 0.16 cent"),
//! and the fiscal year of a company whose interim results table shows
//! that its year is no calendar one ("Nine mths" reported in March:
//! "NOTE: 1986 net includes ..." is its fiscal 1986).
//!
//! Both are read from the words around a mention, not from the grammar:
//! the scanner asks here once it has parsed a bare month or a bare year.

use jiff::civil::Date;

use super::grammar;
use super::lexicon;
use super::scan::prev_word;
use super::TimeValue;

/// A futures contract named by its month: whether it is a distant one
/// ("new distant February", "deferred March": the month a year on when it
/// is the article's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ContractMonth {
    pub(super) distant: bool,
}

/// Words before a month that make it a contract wherever they stand
/// ("spot March", "nearby April", "new distant August").
const SPOT_WORDS: [&str; 4] = ["spot", "nearby", "distant", "deferred"];

/// Words after a month that make it a contract ("the May contract",
/// "October futures", "July delivery").
const CONTRACT_NOUNS: [&str; 8] = [
    "contract",
    "contracts",
    "futures",
    "delivery",
    "deliveries",
    "position",
    "positions",
    "options",
];

/// Verbs of a price report that a contract month opens a sentence with
/// in a futures story ("May was up 0.16 cent", "July settled", "May paced
/// the setback"); a past tense in "-ed" counts too. The modal "May" is
/// never followed by a past tense.
const MARKET_VERBS: [&str; 14] = [
    "was", "were", "rose", "fell", "paced", "led", "lost", "shed", "gained", "held", "closed",
    "ended", "finished", "traded",
];

/// Whether the capitalised full month name at `text[start..end]` (no
/// preposition read before it) names a futures contract: after a
/// contract qualifier ("spot April"), before a contract noun ("the May
/// contract"), or opening a sentence with a price verb in a story that
/// speaks of futures ("May was up 0.16 cent at 102.20 cents").
pub(super) fn contract_month(text: &str, start: usize, end: usize) -> Option<ContractMonth> {
    let span = &text[start..end];
    if !span.as_bytes().first()?.is_ascii_uppercase() {
        return None;
    }
    let (_, abbreviated) = lexicon::month(span)?;
    if abbreviated {
        return None;
    }
    let before = prev_word(text, start).map(|(_, w)| w);
    let is = |w: Option<&str>, list: &[&str]| {
        w.is_some_and(|w| list.iter().any(|x| w.eq_ignore_ascii_case(x)))
    };
    // The exchange's own words name a contract anywhere ("spot March" in
    // a table of margins); the others only in a story of futures ("the
    // January contract" of an oil sale, the "Long March" rocket).
    if is(before, &SPOT_WORDS) {
        let distant = is(before, &["distant", "deferred"]);
        return Some(ContractMonth { distant });
    }
    let after = grammar::word(&text[end..]).ok().map(|(_, w)| w);
    let verb = after.is_some_and(|w| {
        w.as_bytes()[0].is_ascii_lowercase() && (is(Some(w), &MARKET_VERBS) || w.ends_with("ed"))
    });
    let cue = is(before, &["long", "short", "front"])
        || is(after, &CONTRACT_NOUNS)
        || (verb && opens_sentence(text, start));
    (cue && speaks_of_futures(text)).then_some(ContractMonth { distant: false })
}

/// The month a contract names: the first such month from the article's
/// own on (the spot month is this one), a year later for a distant
/// contract in the article's month.
pub(super) fn contract_value(
    month: i8,
    c: ContractMonth,
    reference: Option<Date>,
) -> Option<TimeValue> {
    let r = reference?;
    let ahead = (month - r.month()).rem_euclid(12);
    let mut year = r.year();
    if r.month() + ahead > 12 || (ahead == 0 && c.distant) {
        year = year.checked_add(1)?;
    }
    month_value(Date::new(year, month, 1).ok()?)
}

/// Whether the word at `start` opens a sentence: the text's or a line's
/// first word, or one after a full stop.
fn opens_sentence(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['\n', '.', '\r'])
}

/// "MAY7", "DEC7", "MAR8" (`tok`, four bytes): a futures price table's
/// contract month, written as the month's abbreviation in capitals and
/// the last digit of its year; the year is the first from the article's
/// on that ends in the digit. `None` for other tokens; `Some(None)`
/// without a reference.
pub(super) fn table_contract(tok: &[u8], reference: Option<Date>) -> Option<Option<TimeValue>> {
    let (name, digit) = (tok.get(..3)?, *tok.get(3)?);
    if tok.len() != 4 || !digit.is_ascii_digit() || !name.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let mut buf = [0; 3];
    buf.copy_from_slice(name);
    buf.make_ascii_lowercase();
    let (month, _) = lexicon::month_lower(&buf)?;
    let Some(r) = reference else {
        return Some(None);
    };
    let d = i16::from(digit - b'0');
    let year = r.year().checked_add((d - r.year() % 10).rem_euclid(10))?;
    Some(Date::new(year, month, 1).ok().and_then(month_value))
}

/// The calendar month that starts on `first`.
fn month_value(first: Date) -> Option<TimeValue> {
    TimeValue::months_from(first, 1)
}

/// Whether the story speaks of futures (its word "futures").
fn speaks_of_futures(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.eq_ignore_ascii_case("futures"))
}

/// "27p lower on the day.", "under the day's highs": in a market report
/// the trading day, the article's own. The end of "the day" at `start`
/// when it is possessive, or follows "on" and ends its clause (not "on
/// the day the merger was announced", an event's day).
pub(super) fn trading_day(text: &str, start: usize) -> Option<usize> {
    let (r0, w0) = grammar::word(&text[start..]).ok()?;
    let (r1, w1) = grammar::word(r0).ok()?;
    if !w0.eq_ignore_ascii_case("the") || !w1.eq_ignore_ascii_case("day") {
        return None;
    }
    let end = text.len() - r1.len();
    if r1.starts_with("'s") || r1.starts_with("\u{2019}s") {
        return Some(end);
    }
    let on = prev_word(text, start)
        .map(|(_, w)| w)
        .is_some_and(|w| w.eq_ignore_ascii_case("on"));
    let closes = r1.is_empty() || r1.starts_with(['.', ',', ';', ')']);
    (on && closes).then_some(end)
}

/// Whether a results table shows a company year that is no calendar
/// one: a cumulative "Six mths"/"Nine months" heading reported when a
/// calendar half or nine months cannot have ended just before (a nine
/// months to September is reported from October to December), or a
/// quarter "ended" in a month that ends no calendar quarter ("Qtr ended
/// Feb 28", "ended January 31"). Its notes' bare years ("NOTE: 1987
/// periods include ...") are then fiscal years (README: the reading of a
/// fiscal year whose calendar is unknown).
pub(super) fn interim_results(text: &str, reference: Option<Date>) -> bool {
    let Some(r) = reference else {
        return false;
    };
    // A heading is the text's first line or an indented one: a wrapped
    // line of prose starts at the margin ("the 12 months\nended November").
    let indented = |(k, line): (usize, &str)| k == 0 || line.starts_with([' ', '\t']);
    text.lines()
        .enumerate()
        .filter(|l| indented(*l))
        .any(|(_, line)| {
            let mut words = line
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty());
            let (Some(a), Some(b)) = (words.next(), words.next()) else {
                return false;
            };
            if let Some(n) = cumulative_months(a, b) {
                // A calendar half or nine months is reported in the three
                // months after it ends.
                let reported = (r.month() - n - 1).rem_euclid(12);
                return reported >= 3;
            }
            let month = if a.eq_ignore_ascii_case("ended") {
                Some(b)
            } else if ["qtr", "quarter"].iter().any(|q| a.eq_ignore_ascii_case(q))
                && b.eq_ignore_ascii_case("ended")
            {
                words.next()
            } else {
                None
            };
            month
                .and_then(lexicon::month)
                .is_some_and(|(m, _)| m % 3 != 0)
        })
}

/// "Six mths", "Nine months", "9 mos": the length of a cumulative
/// period heading of six or nine months.
fn cumulative_months(a: &str, b: &str) -> Option<i8> {
    let n = match a.to_ascii_lowercase().as_str() {
        "six" | "6" => 6,
        "nine" | "9" => 9,
        _ => return None,
    };
    ["mths", "months", "mos", "mnths"]
        .iter()
        .any(|u| b.eq_ignore_ascii_case(u))
        .then_some(n)
}

/// Whether the year at `start` heads a sentence or a note of a results
/// table ("NOTE: 1987 periods include", "    1986 nine months earnings",
/// "... periods. 1987 results reflect"): where a table's note names its
/// periods by their year.
pub(super) fn heads_note(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    // A paragraph's indented first line, not a wrapped line of prose
    // ("projected its\n1987 earnings").
    let indented = before.len() < start;
    if before.is_empty() || before.trim_end().ends_with('.') || (indented && before.ends_with('\n'))
    {
        return true;
    }
    let Some(head) = before.strip_suffix([':', '-']) else {
        return false;
    };
    let head = head.trim_end_matches([' ', '\t']);
    head.len() >= 4 && head[head.len() - 4..].eq_ignore_ascii_case("note")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn contract(text: &str, month: &str) -> Option<ContractMonth> {
        let start = text.find(month).unwrap();
        contract_month(text, start, start + month.len())
    }

    #[test]
    fn contract_after_a_qualifier() {
        let near = Some(ContractMonth { distant: false });
        assert_eq!(contract("Spot April U.S. soybeans rise", "April"), near);
        assert_eq!(contract("Chinese spot March will be", "March"), near);
        let spread = "Lumber futures fell. They spread long May/short September";
        assert_eq!(contract(spread, "September"), near);
        assert_eq!(
            contract("planning to use the Long March rocket", "March"),
            None
        );
        assert_eq!(
            contract("except new distant August, which", "August"),
            Some(ContractMonth { distant: true })
        );
    }

    #[test]
    fn contract_before_a_contract_noun() {
        assert!(contract("Sugar futures: the May contract fell", "May").is_some());
        assert!(contract("October futures were", "October").is_some());
        assert!(contract("Under the January contract Aramco was", "January").is_none());
        assert!(contract("the March trade balance", "March").is_none());
    }

    #[test]
    fn contract_opening_a_futures_sentence() {
        let story = "Coffee futures were firmer.\n    May was up 0.16 cent. July eased.";
        assert!(contract(story, "May").is_some());
        assert!(contract(story, "July").is_some());
        // Not in a story without futures; not the modal; not mid-sentence.
        assert!(contract("Sales rose.\n    May was a record month.", "May").is_none());
        assert!(contract("Coffee futures. May be higher.", "May").is_none());
        assert!(contract("Coffee futures rose in March was", "March").is_none());
        // Abbreviations and lower case are no contract months.
        assert!(contract("spot Mar rose", "Mar").is_none());
        assert!(contract("spot may rise", "may").is_none());
    }

    #[test]
    fn contract_month_is_the_next_one() {
        let feb27 = Some(date(1987, 2, 27));
        let near = ContractMonth { distant: false };
        let days = |m, c| contract_value(m, c, feb27).and_then(|v| v.inclusive_days());
        assert_eq!(days(4, near), Some((date(1987, 4, 1), date(1987, 4, 30))));
        assert_eq!(days(2, near), Some((date(1987, 2, 1), date(1987, 2, 28))));
        assert_eq!(days(1, near), Some((date(1988, 1, 1), date(1988, 1, 31))));
        let distant = ContractMonth { distant: true };
        assert_eq!(
            days(2, distant),
            Some((date(1988, 2, 1), date(1988, 2, 29)))
        );
        assert_eq!(contract_value(4, near, None), None);
    }

    #[test]
    fn table_contracts_take_the_year_digit() {
        let apr = Some(date(1987, 4, 7));
        let days = |t: &[u8]| table_contract(t, apr).map(|v| v.and_then(|v| v.inclusive_days()));
        assert_eq!(
            days(b"MAY7"),
            Some(Some((date(1987, 5, 1), date(1987, 5, 31))))
        );
        assert_eq!(
            days(b"MAR8"),
            Some(Some((date(1988, 3, 1), date(1988, 3, 31))))
        );
        assert_eq!(
            days(b"JAN6"),
            Some(Some((date(1996, 1, 1), date(1996, 1, 31))))
        );
        assert_eq!(days(b"May7"), None);
        assert_eq!(days(b"MAR"), None);
        assert_eq!(days(b"ABC7"), None);
        assert_eq!(table_contract(b"DEC7", None), Some(None));
    }

    #[test]
    fn interim_tables_of_a_non_calendar_year() {
        let nine = "Shr 13 cts vs seven cts\n    Nine mths\n    Shr 66 cts\n";
        assert!(interim_results(nine, Some(date(1987, 3, 16))));
        // Nine months to September, reported in October: maybe calendar.
        assert!(!interim_results(nine, Some(date(1987, 10, 20))));
        let six = "Net 1 vs 2\n    Six months\n    Net 3 vs 4\n";
        assert!(interim_results(six, Some(date(1987, 4, 13))));
        assert!(!interim_results(six, Some(date(1987, 8, 3))));
        assert!(interim_results(
            "Qtr ended Feb 28\n    Shr 24 cts",
            Some(date(1987, 3, 17))
        ));
        assert!(interim_results(
            "ended January 31\n    Shr two cts",
            Some(date(1987, 3, 19))
        ));
        assert!(!interim_results(
            "Qtr ended Dec 31\n    Shr 24 cts",
            Some(date(1987, 3, 17))
        ));
        assert!(!interim_results(
            "Shr 1 vs 2\n    Year\n    Shr 3",
            Some(date(1987, 3, 17))
        ));
        assert!(!interim_results(nine, None));
        // A wrapped line of prose is no heading.
        let prose = "for the trailing 12 months\nended November 1986.";
        assert!(!interim_results(prose, Some(date(1987, 3, 18))));
    }

    #[test]
    fn the_day_of_a_market_report() {
        fn at(t: &str) -> Option<&str> {
            trading_day(t, t.find("the day").unwrap()).map(|e| &t[..e])
        }
        assert_eq!(at("27p lower on the day."), Some("27p lower on the day"));
        assert_eq!(at("under the day's highs"), Some("under the day"));
        assert_eq!(at("on the day the merger was announced"), None);
        assert_eq!(at("during the day."), None);
        assert_eq!(trading_day("the dayroom", 0), None);
    }

    #[test]
    fn a_year_heading_a_note() {
        let at = |t: &str| heads_note(t, t.find("198").unwrap());
        assert!(at("    NOTE: 1987 periods include"));
        assert!(at("Note - 1986 net"));
        assert!(at("mln\n    1986 nine months earnings"));
        assert!(at("in subsequent periods. 1987 results reflect"));
        assert!(at("in subsequent periods.\n1987 results reflect"));
        assert!(!at("Company went public during 1986."));
        assert!(!at("sold in 1985 and"));
        assert!(!at("Kinder-Care projected its\n1987 earnings"));
    }
}
