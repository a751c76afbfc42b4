//! PLACEHOLDER until the quantity grammar lands (replaced by the branch).
use super::{PResult, Toks};

pub enum Unit {
    Seconds,
    Count,
}
pub enum Hedge {
    About,
}
pub struct Quantity {
    pub low: f64,
    pub high: f64,
    pub low_open: bool,
    pub high_open: bool,
    pub unit: Unit,
    pub hedge: Option<Hedge>,
    pub value: f64,
}
pub fn duration<'t, 'a>(i: Toks<'t, 'a>) -> PResult<'t, 'a, Quantity> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}
pub fn hedged_number<'t, 'a>(i: Toks<'t, 'a>) -> PResult<'t, 'a, Quantity> {
    let n: f64 = i
        .first()
        .and_then(|t| t.text.replace(',', "").parse().ok())
        .ok_or(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )))?;
    Ok((
        &i[1..],
        Quantity {
            low: n,
            high: n,
            low_open: false,
            high_open: false,
            unit: Unit::Count,
            hedge: None,
            value: n,
        },
    ))
}
