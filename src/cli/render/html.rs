//! `--format html`: one self-contained page (inline CSS and SVG, no
//! scripts, no external resources). Each finding shows its sources side by
//! side — majority first, the outlier highlighted — and a picture of its
//! conflict graph. All document text is HTML-escaped.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Write};

use claimcheck::checks::EdgeKind;
use claimcheck::corpus::Corpus;
use claimcheck::report::{ClaimRef, Finding, Report, Side};
use claimcheck::Analysis;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#222;background:#fafafa}\
h1{font-size:1.4rem}.finding{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem 1.2rem;margin:1.2rem 0}\
.finding h2{font-size:1.1rem;margin:.2rem 0}.sev-error{color:#b00020}.sev-warning{color:#9a6700}.sev-info{color:#0550ae}\
.reason{color:#444}.row{display:flex;gap:1rem;flex-wrap:wrap;align-items:flex-start}\
.sources{display:flex;gap:.8rem;flex-wrap:wrap;flex:1 1 520px}\
.card{flex:1 1 240px;border:1px solid #ccc;border-radius:6px;padding:.6rem;background:#fff}\
.card.majority{border-color:#2e7d32}.card.minority{border-color:#c62828;background:#fff5f5}.card.tied{border-color:#ef6c00}\
.where{font:12px ui-monospace,monospace;color:#555}.side{font-weight:600;font-size:12px;text-transform:uppercase}\
mark{background:#ffe58f}.excerpt{white-space:pre-wrap;margin:.4rem 0 0}svg{flex:0 0 auto;background:#fff;border:1px solid #eee;border-radius:6px}\
.summary{color:#555}";

pub fn render(
    out: &mut dyn Write,
    report: &Report,
    corpus: &Corpus,
    analysis: &Analysis,
) -> io::Result<()> {
    let mut page = String::new();
    let _ = writeln!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>claimcheck report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>claimcheck report</h1>\n<p class=\"summary\">{} documents, {} claims: {} errors, {} warnings, {} info.</p>",
        report.documents, report.claims, report.summary.error, report.summary.warning, report.summary.info
    );
    if report.findings.is_empty() {
        page.push_str("<p>No disagreements found.</p>\n");
    }
    for (i, f) in report.findings.iter().enumerate() {
        finding(&mut page, i, f, corpus, analysis);
    }
    if !report.problems.is_empty() {
        page.push_str("<h2>Inputs that could not be read</h2>\n<ul>\n");
        for p in &report.problems {
            let line = p.line.map(|l| format!(":{l}")).unwrap_or_default();
            let _ = writeln!(
                page,
                "<li>{}{line}: {}</li>",
                escape(&p.path),
                escape(&p.message)
            );
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

fn finding(page: &mut String, i: usize, f: &Finding, corpus: &Corpus, analysis: &Analysis) {
    let sev = f.severity.as_str();
    let _ = writeln!(
        page,
        "<section class=\"finding\" id=\"f{i}\">\n<h2><span class=\"sev-{sev}\">{sev}[{}]</span> {}</h2>\n<p>{}</p>\n<p class=\"reason\">Why: {}</p>\n<div class=\"row\">\n<div class=\"sources\">",
        escape(&f.check),
        escape(&f.subject),
        escape(&f.message),
        escape(&f.reason)
    );
    for c in &f.claims {
        card(page, c, corpus);
    }
    page.push_str("</div>\n");
    graph_svg(page, f, analysis);
    page.push_str("</div>\n</section>\n");
}

fn side_class(side: Side) -> (&'static str, &'static str) {
    match side {
        Side::Majority => ("majority", "majority"),
        Side::Minority => ("minority", "outlier"),
        Side::Tied => ("tied", "one side"),
    }
}

fn card(page: &mut String, c: &ClaimRef, corpus: &Corpus) {
    let (class, word) = side_class(c.side);
    let name = match &c.record {
        Some(r) => format!("{}#{r}", c.document),
        None => c.document.clone(),
    };
    let text = corpus
        .documents
        .iter()
        .find(|d| d.path == c.document && d.record == c.record)
        .map(|d| d.text.as_str())
        .filter(|t| t.len() >= c.end);
    // Without the document's text (`check --claims`), the claim's quote.
    let excerpt = match text {
        Some(text) => excerpt(text, c.value_start, c.value_end),
        None => escape(&c.text),
    };
    let _ = writeln!(
        page,
        "<div class=\"card {class}\"><div class=\"side\">{word}</div><div class=\"where\">{}:{}:{}</div><p class=\"excerpt\">{}</p></div>",
        escape(&name),
        c.line,
        c.column,
        excerpt
    );
}

/// About 160 bytes either side of the value, the value marked.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (floor(start), floor(end.max(start)));
    // Widen to whole words so no word is cut at either edge.
    let mut from = floor(start.saturating_sub(160));
    while from > 0 && !text[..from].ends_with(char::is_whitespace) {
        from = floor(from - 1);
    }
    let mut to = floor((end + 160).min(text.len()));
    while to < text.len() && !text[to..].starts_with(char::is_whitespace) {
        to += text[to..].chars().next().map_or(1, char::len_utf8);
    }
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{}{} <mark>{}</mark> {}{}",
        if from > 0 { "… " } else { "" },
        escape(&fold(&text[from..start])),
        escape(&fold(&text[start..end])),
        escape(&fold(&text[end..to])),
        if to < text.len() { " …" } else { "" }
    )
}

/// The finding's claims on a circle, edges coloured by kind.
fn graph_svg(page: &mut String, f: &Finding, analysis: &Analysis) {
    let ids: Vec<usize> = f.claims.iter().map(|c| c.claim).collect();
    let members: BTreeSet<usize> = ids.iter().copied().collect();
    let n = ids.len().max(1) as f64;
    let (w, h, r) = (380.0, 300.0, 100.0);
    let pos = |k: usize| {
        let angle = std::f64::consts::TAU * k as f64 / n - std::f64::consts::FRAC_PI_2;
        (w / 2.0 + r * angle.cos(), h / 2.0 + r * angle.sin())
    };
    let _ = writeln!(
        page,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"conflict graph\">"
    );
    for (a, b, e) in analysis.graph.edges() {
        if !(members.contains(&a) && members.contains(&b)) {
            continue;
        }
        let (Some(ia), Some(ib)) = (
            ids.iter().position(|&x| x == a),
            ids.iter().position(|&x| x == b),
        ) else {
            continue;
        };
        let ((x1, y1), (x2, y2)) = (pos(ia), pos(ib));
        let style = match e.kind {
            EdgeKind::Conflict => "stroke=\"#c62828\" stroke-width=\"3\"",
            EdgeKind::Compatible => {
                "stroke=\"#2e7d32\" stroke-width=\"2\" stroke-dasharray=\"6 4\""
            }
            EdgeKind::Agree => "stroke=\"#2e7d32\" stroke-width=\"2\"",
        };
        let _ = writeln!(
            page,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" {style}><title>{}: {}</title></line>",
            e.kind.as_str(),
            escape(&e.reason)
        );
    }
    for (k, c) in f.claims.iter().enumerate() {
        let (x, y) = pos(k);
        let fill = match c.side {
            Side::Majority => "#c8e6c9",
            Side::Minority => "#ffcdd2",
            Side::Tied => "#ffe0b2",
        };
        let doc = c.document.rsplit('/').next().unwrap_or(&c.document);
        let label: String = c.shown.chars().take(26).collect();
        let _ = writeln!(
            page,
            "<g><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"14\" fill=\"{fill}\" stroke=\"#555\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\">{}</text><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#555\">{}</text></g>",
            y + 26.0,
            escape(&label),
            y + 37.0,
            escape(doc)
        );
    }
    page.push_str("</svg>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_documents_is_escaped() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn excerpt_marks_the_value_and_stays_on_char_boundaries() {
        let text = "Ünïcode before the title Secretary of State here, and after.";
        let s = text.find("Secretary").unwrap();
        let e = s + "Secretary of State".len();
        let x = excerpt(text, s, e);
        assert!(x.contains("<mark>Secretary of State</mark>"));
        let _ = excerpt(text, 1, 2);
    }
}
