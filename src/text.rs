//! Small text helpers shared by stages.

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // Two rows, reused: the spelling checks call this for every candidate
    // pair, and a row allocated per letter was most of its cost.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Optimal string alignment distance: Levenshtein with two neighbouring
/// letters swapped as one edit.
pub fn osa_distance(a: &[char], b: &[char]) -> usize {
    osa_distance_capped(a, b, usize::MAX - 1)
}

/// [`osa_distance`] when it is `cap` or less, else `cap + 1`: the name
/// checks ask only whether two words are one or two edits apart, and most
/// candidates are further (their lengths differ by more, or two rows in a
/// row of the table exceed the cap, after which no later row can come
/// back under it).
pub fn osa_distance_capped(a: &[char], b: &[char], cap: usize) -> usize {
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let m = b.len();
    // Rows i - 2, i - 1 and i of the table, reused (not a row per letter).
    let mut two_back: Vec<usize> = vec![0; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur: Vec<usize> = vec![0; m + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(two_back[j - 2] + 1);
            }
            cur[j] = v;
        }
        // Rotate: i - 1 becomes i - 2, i becomes i - 1.
        std::mem::swap(&mut two_back, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
        // A cell comes from the row above, the row two above (a swap) or
        // its left neighbour, and the row's first cell is i: two rows over
        // the cap keep every later row over it.
        let over = |row: &[usize]| row.iter().all(|&v| v > cap);
        if i > 1 && over(&prev) && over(&two_back) {
            return cap + 1;
        }
    }
    prev[m].min(cap.saturating_add(1))
}

/// A whole name as [`transliteration_key`] folds it, with combining
/// accents (a decomposed "Inácio", written as two code points) dropped
/// first: the form in which two writings of one person's name are compared.
pub fn folded_name(name: &str) -> String {
    let bare: String = name
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    transliteration_key(&bare)
}

/// A word as its romanisations coincide: two spellings with one key are
/// one name written by two transliteration conventions, not a misspelling
/// ("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenski"; "Sergei", "Sergey",
/// "Serghey"; "Rzeszów", "Rzeszow"; "Jong-un", "Jong Un"; "Việt", "Viet").
/// Lower case; Latin letters with diacritics (Vietnamese tone marks
/// among them) lose them; `-` is a space; `gh` is `g` and
/// `kh` is `h`; `i` is `y` and runs of `y` are one.
/// What stays apart is what a typist changes: a dropped or swapped letter
/// ("Volodymr", "Zelenksy"), another consonant ("Permelin").
pub fn transliteration_key(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        folded.push(match c {
            '-' => ' ',
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ğ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ł' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            // Vietnamese: a vowel's shape (ơ, ư) and its tone mark
            // ("Việt", "Trọng", "Phạm") over the Latin letter.
            'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => {
                'a'
            }
            'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => 'e',
            'ỉ' | 'ị' | 'ĩ' => 'i',
            'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => {
                'o'
            }
            'ụ' | 'ủ' | 'ũ' | 'ư' | 'ứ' | 'ừ' | 'ử' | 'ữ' | 'ự' => 'u',
            'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            c => c,
        });
    }
    let mut out = String::with_capacity(folded.len());
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if c == 'i' { 'y' } else { c };
        match (c, chars.peek()) {
            ('g' | 'k', Some('h')) => {
                chars.next();
                out.push(if c == 'g' { 'g' } else { 'h' });
            }
            ('y', _) if out.ends_with('y') => {}
            _ => out.push(c),
        }
    }
    out
}

/// How two spellings of one name differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// A dropped, added, swapped or changed letter: one is likely wrong.
    Misspelt,
    /// Two romanisations ([`crate::text::transliteration_key`]): "Zelensky"
    /// and "Zelenskyy" are both right.
    Romanised,
}

/// How two spellings of one word differ, if they are close enough to be
/// one word: one or two letters dropped, added, swapped or changed, in
/// words of five letters or more, at most a quarter of the longer's
/// letters. Lower-case words. A plural is not a spelling of its
/// singular ("Commodities"/"Commodity", "Peters"/"Peter"): another word.
pub fn word_spelling(x: &str, y: &str) -> Option<Spelling> {
    if plural_pair(x, y) {
        return None;
    }
    let d = edit_distance(x, y);
    let close = d > 0
        && d <= 2
        && x.chars().count().min(y.chars().count()) >= 5
        && d * 4 <= x.chars().count().max(y.chars().count());
    if !close {
        return None;
    }
    let key = transliteration_key;
    Some(if key(x) == key(y) {
        Spelling::Romanised
    } else {
        Spelling::Misspelt
    })
}

/// Is one word the other's English plural ("commodities"/"commodity",
/// "peters"/"peter", "tavoulareases"/"tavoulareas")?
fn plural_pair(x: &str, y: &str) -> bool {
    let plural_of = |p: &str, s: &str| {
        p.strip_suffix('s').is_some_and(|stem| stem == s)
            || p.strip_suffix("es").is_some_and(|stem| stem == s)
            || (p.strip_suffix("ies").zip(s.strip_suffix('y'))).is_some_and(|(a, b)| a == b)
    };
    plural_of(x, y) || plural_of(y, x)
}

/// Could `word` be a romanised (pinyin) Chinese given name — "Yi",
/// "Jinping", "Wentao"? A split into pinyin syllables must exist; Western
/// names ("Iacocca", "Plessis", "Banks") have none.
pub fn is_pinyin_name(word: &str) -> bool {
    const INITIALS: &[&str] = &[
        "", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh",
        "r", "z", "c", "s", "y", "w",
    ];
    const FINALS: &[&str] = &[
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong",
        "er", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui",
        "uan", "un", "uang", "ueng", "ue",
    ];
    // At most 12 letters (after dropping '-' and '\''): a fixed buffer, no
    // allocation (this runs for every name of every document).
    let mut buf = [0u8; 12];
    let mut n = 0;
    for b in word.bytes().filter(|b| *b != b'-' && *b != b'\'') {
        if n == buf.len() || !b.is_ascii_alphabetic() {
            return false;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    let w = &buf[..n];
    if w.is_empty() {
        return false;
    }
    // reachable[i]: the first i letters split into syllables.
    let mut reachable = [false; 13];
    reachable[0] = true;
    for i in 0..w.len() {
        if !reachable[i] {
            continue;
        }
        for ini in INITIALS {
            if !starts_with(&w[i..], ini.as_bytes()) {
                continue;
            }
            let rest = &w[i + ini.len()..];
            for fin in FINALS {
                if starts_with(rest, fin.as_bytes()) {
                    reachable[i + ini.len() + fin.len()] = true;
                }
            }
        }
    }
    reachable[w.len()]
}

/// `word.starts_with(prefix)` for prefixes of a few letters, byte by byte:
/// the slice comparison calls `memcmp`, which cost more than the
/// comparison itself in [`is_pinyin_name`].
fn starts_with(word: &[u8], prefix: &[u8]) -> bool {
    prefix.len() <= word.len() && prefix.iter().zip(word).all(|(a, b)| a == b)
}

/// A seeded stream of pseudo-random numbers for tests that generate their
/// inputs (xorshift64): `next(n)` is in `0..n`, and the same seed gives
/// the same inputs, so a failure reproduces.
#[cfg(test)]
pub(crate) fn seeded_picks(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed | 1;
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_key_and_typos_do_not() {
        let key = transliteration_key;
        for (a, b) in [
            ("Zelensky", "Zelenskyy"),
            ("Zelensky", "Zelenskiy"),
            ("Zelensky", "Zelenski"),
            ("Volodymyr", "Volodymir"),
            ("Sergei", "Sergey"),
            ("Sergey", "Serghey"),
            ("Mikhail", "Mihail"),
            ("Rzeszów", "Rzeszow"),
            ("Jong-un", "Jong Un"),
            // Vietnamese tone marks and vowel shapes.
            ("Việt", "Viet"),
            ("Trọng", "Trong"),
            ("Phạm", "Pham"),
            ("Thưởng", "Thuong"),
            ("Chính", "Chinh"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
        for (a, b) in [
            ("Volodymyr", "Volodymr"),
            ("Zelensky", "Zelenksy"),
            ("Parmelin", "Permelin"),
            ("Antony", "Anthony"),
            ("Kritenbrink", "Kleitenbrink"),
            ("Earley", "Early"),
            ("Trọng", "Trung"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn pinyin_given_names() {
        for name in [
            "Yi", "Jinping", "Wentao", "Wenbin", "Shangfu", "Gang", "Feng", "Qishan",
        ] {
            assert!(is_pinyin_name(name), "{name}");
        }
        for name in [
            "Iacocca", "Plessis", "Banks", "Meadows", "Buchheit", "Everett",
        ] {
            assert!(!is_pinyin_name(name), "{name}");
        }
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("kritenbrink", "kleitenbrink"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("severty", "severity"), 1);
        let osa = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            osa_distance(&a, &b)
        };
        assert_eq!(osa("zelenksy", "zelensky"), 1);
        assert_eq!(edit_distance("zelenksy", "zelensky"), 2);
        assert_eq!(osa("", "abc"), 3);
        assert_eq!(osa("abc", ""), 3);
        assert_eq!(osa("ca", "abc"), 3);
        assert_eq!(osa("lanaka", "lanka"), 1);
    }

    /// The rolling rows give what the whole table gives, on every pair of
    /// a set of words with swaps, doubled letters, accents and empties.
    #[test]
    fn distances_match_the_full_table() {
        fn table(a: &[char], b: &[char], swaps: bool) -> usize {
            let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
            for (i, row) in d.iter_mut().enumerate() {
                row[0] = i;
            }
            for (j, cell) in d[0].iter_mut().enumerate() {
                *cell = j;
            }
            for i in 1..=a.len() {
                for j in 1..=b.len() {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    let mut v = (d[i - 1][j] + 1)
                        .min(d[i][j - 1] + 1)
                        .min(d[i - 1][j - 1] + cost);
                    if swaps && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        v = v.min(d[i - 2][j - 2] + 1);
                    }
                    d[i][j] = v;
                }
            }
            d[a.len()][b.len()]
        }
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "bca",
            "kritenbrink",
            "kleitenbrink",
            "zelensky",
            "zelenksy",
            "zelenskyy",
            "rzeszów",
            "rzeszow",
            "aabbaa",
            "abab",
        ];
        for x in words {
            for y in words {
                let (a, b): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
                assert_eq!(osa_distance(&a, &b), table(&a, &b, true), "{x} {y}");
                for cap in 0..4 {
                    let capped = table(&a, &b, true).min(cap + 1);
                    assert_eq!(osa_distance_capped(&a, &b, cap), capped, "{x} {y} {cap}");
                }
                assert_eq!(edit_distance(x, y), table(&a, &b, false), "{x} {y}");
            }
        }
    }
}

/// An immutable string that claims share: every mention of one name in a
/// run repeats its subject, key, value and excerpt, so a claim holds a
/// pointer to one copy ([`crate::claim::ClaimShare`] points equal ones at
/// one allocation; issue 19: memory). Reads as a `&str`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SharedStr(std::sync::Arc<str>);

impl SharedStr {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr(s.into())
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr(s.into())
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> SharedStr {
        SharedStr(s.as_str().into())
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> String {
        s.0.as_ref().to_owned()
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == &*other.0
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == &*other.0
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl serde::Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for SharedStr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<SharedStr, D::Error> {
        String::deserialize(deserializer).map(SharedStr::from)
    }
}
