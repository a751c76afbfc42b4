//! Small text helpers shared by stages.

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
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
            let Some(rest) = w[i..].strip_prefix(ini.as_bytes()) else {
                continue;
            };
            for fin in FINALS {
                if rest.starts_with(fin.as_bytes()) {
                    reachable[i + ini.len() + fin.len()] = true;
                }
            }
        }
    }
    reachable[w.len()]
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
    }
}
