//! Markdown front matter (`---` YAML block at the top of a file).
//!
//! Only `date`, `published` and `title` are read; the block is skipped so
//! its text never becomes claims. The block is read line by line rather than
//! with a YAML parser: it is metadata we only peek into, and a broken block
//! must not stop the article from being checked.

use jiff::civil::Date;

use super::pubdate;

pub(crate) struct FrontMatter {
    pub body_start: usize,
    pub date: Option<Date>,
    pub title: Option<String>,
}

pub(crate) fn front_matter(text: &str) -> FrontMatter {
    let none = FrontMatter {
        body_start: 0,
        date: None,
        title: None,
    };
    let rest = match text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    {
        Some(rest) => rest,
        None => return none,
    };
    let mut offset = text.len() - rest.len();
    let mut date = None;
    let mut title = None;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim();
        if trimmed == "---" || trimmed == "..." {
            return FrontMatter {
                body_start: offset,
                date,
                title,
            };
        }
        if let Some((key, value)) = trimmed.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
            match key.trim() {
                "date" | "published" if date.is_none() => date = pubdate::parse_date_value(value),
                "title" => title = Some(value.to_string()),
                _ => {}
            }
        }
    }
    // No closing fence: not front matter after all.
    none
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_date_and_body_start_are_read() {
        let text = "---\ntitle: A\ndate: 2023-06-09\n---\nBody.";
        let fm = front_matter(text);
        assert_eq!(&text[fm.body_start..], "Body.");
        assert_eq!(fm.date, Some(jiff::civil::date(2023, 6, 9)));
        assert_eq!(fm.title.as_deref(), Some("A"));
    }

    #[test]
    fn unclosed_front_matter_is_body() {
        let fm = front_matter("---\ndate: 2023-06-09\nno fence");
        assert_eq!(fm.body_start, 0);
        assert_eq!(fm.date, None);
    }
}
