//! `--format html`: one self-contained page (inline CSS, SVG and one inline
//! script; a Content-Security-Policy forbids every network request). At the
//! top a summary table of the findings, with filters by check, severity and
//! subject and a search box (the script; without it the page shows
//! everything). Each finding shows its sources side by side — majority
//! first, the outlier highlighted — and, when it has two claims or more, a
//! picture of its conflict graph whose document lines link to the claims'
//! excerpts. All document text is HTML-escaped and reaches the script only
//! through escaped `data-` attributes and the DOM.
//!
//! The graph is laid out in columns, not on a circle: one box per distinct
//! wording on a side (majority left, outlier right; tied sides split by
//! their conflicts), stacked, with every label wrapped inside its box at
//! widths estimated from the font's advance widths (generously, so real
//! text is narrower). Conflict edges cross the gap between the columns;
//! agreement between two wordings of one side is an arc outside the column.
//! No label can overlap another or be cut, whatever the number of claims.
//! Opening the page with `#selftest` checks that in the browser (label
//! boxes from the DOM, filters, links) and writes the result into the page.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, Write};

use claimcheck::checks::EdgeKind;
use claimcheck::corpus::Corpus;
use claimcheck::graph::Edge;
use claimcheck::report::{ClaimRef, Finding, Report, Side};
use claimcheck::{Analysis, RuleSet};

use super::DocIndex;

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
.card:target{outline:3px solid #1565c0;outline-offset:2px}\
.where{font:12px ui-monospace,monospace;color:#555}.side{font-weight:600;font-size:12px;text-transform:uppercase}\
mark{background:#ffe58f}.excerpt{white-space:pre-wrap;margin:.4rem 0 0}\
figure{margin:0;flex:0 1 auto;max-width:100%}svg{display:block;max-width:100%;height:auto;background:#fff;border:1px solid #eee;border-radius:6px}\
svg a text{fill:#0b57d0;text-decoration:underline}figcaption{font-size:12px;color:#555;margin-top:.3rem}\
.k{display:inline-block;width:1.6em;height:0;border-top:3px solid #c62828;vertical-align:middle;margin:0 .3em 0 .8em}\
.k.agree{border-top:2px solid #2e7d32}.k.compatible{border-top:2px dashed #2e7d32}\
.summary{color:#555}#filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:1rem 0;padding:.6rem;background:#fff;border:1px solid #ddd;border-radius:8px}\
#filters label{font-size:13px}#filters select,#filters input{font:inherit;font-size:13px;max-width:22rem}#f-count{color:#555;font-size:13px}\
table.overview{border-collapse:collapse;background:#fff;width:100%;font-size:13px}\
.overview th,.overview td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}\
.overview td.claims a{margin-right:.5em;white-space:nowrap}.top{font-size:12px}\
[hidden]{display:none!important}#selftest-result{white-space:pre-wrap;font:12px ui-monospace,monospace}";

/// Filters, search, links that clear the filters, and `#selftest`. Reads
/// only the DOM: no report text is written into the script.
const SCRIPT: &str = include_str!("html.js");

/// Rendering constants of the graph picture (px).
const BOX_W: f64 = 250.0;
const PAD: f64 = 8.0;
const TEXT_W: f64 = BOX_W - 2.0 * PAD;
const LABEL_PX: f64 = 12.0;
const LABEL_LINE: f64 = 17.0;
const DOC_PX: f64 = 11.0;
const DOC_LINE: f64 = 15.0;
const MARGIN: f64 = 40.0;
const GAP: f64 = 120.0;
const VGAP: f64 = 14.0;
const FONT: &str = "DejaVu Sans,Arial,Helvetica,sans-serif";

pub fn render(
    out: &mut dyn Write,
    report: &Report,
    corpus: &Corpus,
    analysis: &Analysis,
    rules: &RuleSet,
) -> io::Result<()> {
    let mut page = String::new();
    let _ = writeln!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>claimcheck report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1 id=\"top\">claimcheck report</h1>\n<p class=\"summary\">{} documents, {} claims: {} errors, {} warnings, {} info.</p>",
        report.documents, report.claims, report.summary.error, report.summary.warning, report.summary.info
    );
    if report.findings.is_empty() {
        page.push_str("<p>No disagreements found.</p>\n");
    } else {
        filters(&mut page, report);
        overview(&mut page, report);
    }
    let edges = analysis.graph.edges();
    let documents = DocIndex::of(corpus);
    for (i, f) in report.findings.iter().enumerate() {
        let check = rules.checks.iter().position(|c| c.id == f.check);
        let mine: Vec<&(usize, usize, Edge)> = edges
            .iter()
            .filter(|(_, _, e)| check.is_none_or(|k| e.check == k))
            .collect();
        finding(&mut page, i, f, &documents, &mine);
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
    let _ = writeln!(page, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out.write_all(page.as_bytes())
}

/// The filter bar (hidden until the script shows it).
fn filters(page: &mut String, report: &Report) {
    let checks: BTreeSet<&str> = report.findings.iter().map(|f| f.check.as_str()).collect();
    let subjects: BTreeSet<&str> = report.findings.iter().map(|f| f.subject.as_str()).collect();
    let severities: Vec<&str> = ["error", "warning", "info"]
        .into_iter()
        .filter(|s| report.findings.iter().any(|f| f.severity.as_str() == *s))
        .collect();
    let select = |page: &mut String, id: &str, label: &str, all: &str, values: &[&str]| {
        let _ = write!(
            page,
            "<label>{label} <select id=\"f-{id}\"><option value=\"\">{all}</option>"
        );
        for v in values {
            let v = escape(v);
            let _ = write!(page, "<option value=\"{v}\">{v}</option>");
        }
        page.push_str("</select></label>\n");
    };
    page.push_str("<nav id=\"filters\" hidden>\n");
    select(
        page,
        "check",
        "Check",
        "all checks",
        &checks.into_iter().collect::<Vec<_>>(),
    );
    select(page, "severity", "Severity", "all severities", &severities);
    select(
        page,
        "subject",
        "Subject",
        "all subjects",
        &subjects.into_iter().collect::<Vec<_>>(),
    );
    let _ = writeln!(
        page,
        "<label>Search <input id=\"f-search\" type=\"search\" placeholder=\"names, titles, documents…\"></label>\n<button id=\"f-reset\" type=\"button\">Clear</button>\n<span id=\"f-count\">{n} of {n} findings shown</span>\n</nav>",
        n = report.findings.len()
    );
}

/// One row per finding: severity, check, subject, message, its claims.
fn overview(page: &mut String, report: &Report) {
    page.push_str("<table class=\"overview\" id=\"overview\">\n<thead><tr><th>#</th><th>severity</th><th>check</th><th>subject</th><th>finding</th><th>claims</th></tr></thead>\n<tbody>\n");
    for (i, f) in report.findings.iter().enumerate() {
        let sev = f.severity.as_str();
        let _ = write!(
            page,
            "<tr class=\"finding-row\" {}><td><a href=\"#f{i}\">{}</a></td><td class=\"sev-{sev}\">{sev}</td><td>{}</td><td>{}</td><td><a href=\"#f{i}\">{}</a></td><td class=\"claims\">",
            data_attrs(f),
            i + 1,
            escape(&f.check),
            escape(&f.subject),
            escape(&f.message_with_reason()),
        );
        for (k, c) in f.claims.iter().enumerate() {
            let _ = write!(
                page,
                "<a href=\"#f{i}-c{k}\" title=\"{}\">{}</a> ",
                escape(&c.shown),
                escape(&short_place(c))
            );
        }
        page.push_str("</td></tr>\n");
    }
    page.push_str(
        "</tbody>\n</table>\n<p id=\"none\" hidden>No finding matches the filters.</p>\n",
    );
}

fn data_attrs(f: &Finding) -> String {
    format!(
        "data-check=\"{}\" data-severity=\"{}\" data-subject=\"{}\"",
        escape(&f.check),
        f.severity.as_str(),
        escape(&f.subject)
    )
}

/// `file.txt:5` (the record after `#` for archives).
fn short_place(c: &ClaimRef) -> String {
    let doc = c.document.rsplit('/').next().unwrap_or(&c.document);
    match &c.record {
        Some(r) => format!("{doc}#{r}:{}", c.line),
        None => format!("{doc}:{}", c.line),
    }
}

fn finding(
    page: &mut String,
    i: usize,
    f: &Finding,
    documents: &DocIndex<'_>,
    edges: &[&(usize, usize, Edge)],
) {
    let sev = f.severity.as_str();
    let _ = writeln!(
        page,
        "<section class=\"finding\" id=\"f{i}\" {}>\n<h2><span class=\"sev-{sev}\">{sev}[{}]</span> {}</h2>\n<p>{}</p>\n<p class=\"reason\">Why: {}</p>\n<div class=\"row\">\n<div class=\"sources\">",
        data_attrs(f),
        escape(&f.check),
        escape(&f.subject),
        escape(&f.message),
        escape(&f.reason)
    );
    for (k, c) in f.claims.iter().enumerate() {
        card(page, i, k, c, documents);
    }
    page.push_str("</div>\n");
    // One claim has no relation to draw.
    if f.claims.len() > 1 {
        graph_svg(page, i, f, edges);
    }
    page.push_str("</div>\n<p class=\"top\"><a href=\"#top\">↑ summary</a></p>\n</section>\n");
}

fn side_class(side: Side) -> (&'static str, &'static str) {
    match side {
        Side::Majority => ("majority", "majority"),
        Side::Minority => ("minority", "outlier"),
        Side::Tied => ("tied", "one side"),
    }
}

fn card(page: &mut String, i: usize, k: usize, c: &ClaimRef, documents: &DocIndex<'_>) {
    let (class, word) = side_class(c.side);
    let name = match &c.record {
        Some(r) => format!("{}#{r}", c.document),
        None => c.document.clone(),
    };
    let text = documents
        .get(c)
        .map(|d| d.text.as_str())
        .filter(|t| t.len() >= c.end);
    // Without the document's text (`check --claims`), the claim's quote.
    let excerpt = match text {
        Some(text) => excerpt(text, c.value_start, c.value_end),
        None => escape(&c.text),
    };
    let _ = writeln!(
        page,
        "<div class=\"card {class}\" id=\"f{i}-c{k}\"><div class=\"side\">{word}</div><div class=\"where\">{}:{}:{}</div><p class=\"excerpt\">{}</p></div>",
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

/// Advance width of `c` in em, at least that of DejaVu Sans (the widest
/// of the fonts the picture asks for) and rounded up: text laid out with
/// these widths fits when drawn.
fn char_em(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'I' => 0.34,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' | '"' | 'J' => 0.48,
        'm' | 'W' => 1.02,
        'w' | 'M' | '%' | '@' => 0.92,
        'A'..='Z' => 0.8,
        '0'..='9' | 'a'..='z' => 0.66,
        c if c.is_ascii() => 0.86,
        c if c.is_alphabetic() && c.is_lowercase() => 0.7,
        c if c.is_alphabetic() && c.is_uppercase() => 0.84,
        // CJK, symbols, emoji, U+FFFD.
        _ => 1.3,
    }
}

fn text_width(s: &str, px: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * px
}

/// Greedy word wrap to `width`; a word wider than a line is broken
/// between characters. Never loses text; never empty.
fn wrap(s: &str, px: f64, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, px) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            line.push(c);
            if text_width(&line, px) > width && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::take(&mut line));
                line.push(c);
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// One box of the picture: a wording on one side, the claims that use it.
struct Node {
    column: usize,
    side: Side,
    label: Vec<String>,
    /// (claim index in the finding, wrapped lines of its place).
    docs: Vec<(usize, Vec<String>)>,
    y: f64,
    height: f64,
}

/// The finding's claims in columns, edges coloured by kind.
fn graph_svg(page: &mut String, i: usize, f: &Finding, edges: &[&(usize, usize, Edge)]) {
    // Boxes: one per side and wording, in claim order.
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of: Vec<usize> = Vec::with_capacity(f.claims.len());
    let mut by_key: BTreeMap<(u8, String), usize> = BTreeMap::new();
    for (k, c) in f.claims.iter().enumerate() {
        let side_key = match c.side {
            Side::Majority => 0,
            Side::Minority => 1,
            Side::Tied => 2,
        };
        let key = (side_key, c.shown.to_lowercase());
        let n = *by_key.entry(key).or_insert_with(|| {
            nodes.push(Node {
                column: 0,
                side: c.side,
                label: wrap(&c.shown, LABEL_PX, TEXT_W),
                docs: Vec::new(),
                y: 0.0,
                height: 0.0,
            });
            nodes.len() - 1
        });
        nodes[n]
            .docs
            .push((k, wrap(&short_place(c), DOC_PX, TEXT_W)));
        node_of.push(n);
    }
    // Edges between boxes: the strongest kind between their claims.
    let index: BTreeMap<usize, usize> = f
        .claims
        .iter()
        .enumerate()
        .map(|(k, c)| (c.claim, node_of[k]))
        .collect();
    let mut links: BTreeMap<(usize, usize), (EdgeKind, &str)> = BTreeMap::new();
    for (a, b, e) in edges.iter().map(|x| (x.0, x.1, &x.2)) {
        let (Some(&na), Some(&nb)) = (index.get(&a), index.get(&b)) else {
            continue;
        };
        if na == nb {
            continue; // one wording: the box itself says they agree
        }
        let rank = |k: EdgeKind| match k {
            EdgeKind::Conflict => 2,
            EdgeKind::Compatible => 1,
            EdgeKind::Agree => 0,
        };
        let slot = links
            .entry((na.min(nb), na.max(nb)))
            .or_insert((e.kind, &*e.reason));
        if rank(e.kind) > rank(slot.0) {
            *slot = (e.kind, &*e.reason);
        }
    }
    // Columns: majority left, outlier right; tied boxes two-coloured by
    // their conflicts, in order.
    let mut placed: Vec<Option<usize>> = nodes
        .iter()
        .map(|n| match n.side {
            Side::Majority => Some(0),
            Side::Minority => Some(1),
            Side::Tied => None,
        })
        .collect();
    for start in 0..nodes.len() {
        if placed[start].is_some() {
            continue;
        }
        placed[start] = Some(0);
        let mut queue = vec![start];
        while let Some(n) = queue.pop() {
            let col = placed[n].unwrap_or(0);
            for (&(a, b), (kind, _)) in &links {
                let other = if a == n {
                    b
                } else if b == n {
                    a
                } else {
                    continue;
                };
                if placed[other].is_none() {
                    placed[other] = Some(if *kind == EdgeKind::Conflict {
                        1 - col
                    } else {
                        col
                    });
                    queue.push(other);
                }
            }
        }
    }
    let two = placed.contains(&Some(0)) && placed.contains(&Some(1));
    for (n, col) in nodes.iter_mut().zip(&placed) {
        n.column = if two { col.unwrap_or(0) } else { 0 };
        let docs: usize = n.docs.iter().map(|(_, l)| l.len()).sum();
        n.height = 2.0 * PAD + n.label.len() as f64 * LABEL_LINE + 4.0 + docs as f64 * DOC_LINE;
    }
    // Stack each column; centre the shorter one against the taller.
    let col_height: Vec<f64> = (0..2)
        .map(|c| {
            let hs: Vec<f64> = nodes
                .iter()
                .filter(|n| n.column == c)
                .map(|n| n.height)
                .collect();
            hs.iter().sum::<f64>() + VGAP * (hs.len().saturating_sub(1)) as f64
        })
        .collect();
    let inner = col_height[0].max(col_height[1]);
    for (c, height) in col_height.iter().enumerate() {
        let mut y = MARGIN / 2.0 + (inner - height) / 2.0;
        for n in nodes.iter_mut().filter(|n| n.column == c) {
            n.y = y;
            y += n.height + VGAP;
        }
    }
    let x_of = |c: usize| MARGIN + c as f64 * (BOX_W + GAP);
    let w = if two {
        2.0 * MARGIN + 2.0 * BOX_W + GAP
    } else {
        2.0 * MARGIN + BOX_W
    };
    let h = inner + MARGIN;
    let _ = writeln!(
        page,
        "<figure class=\"graph\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h:.0}\" viewBox=\"0 0 {w} {h:.0}\" font-family=\"{FONT}\" role=\"img\" aria-label=\"conflict graph\">"
    );
    for (&(a, b), (kind, reason)) in &links {
        let (na, nb) = (&nodes[a], &nodes[b]);
        let (ya, yb) = (na.y + na.height / 2.0, nb.y + nb.height / 2.0);
        let d = if na.column != nb.column {
            let (l, r) = if na.column == 0 { (ya, yb) } else { (yb, ya) };
            let (x1, x2) = (x_of(0) + BOX_W, x_of(1));
            let mid = (x1 + x2) / 2.0;
            format!("M{x1:.1} {l:.1} C{mid:.1} {l:.1} {mid:.1} {r:.1} {x2:.1} {r:.1}")
        } else {
            // Outside the column: left of the left one, right of the right.
            let (x, out) = if na.column == 0 {
                (x_of(0), -(MARGIN - 6.0))
            } else {
                (x_of(1) + BOX_W, MARGIN - 6.0)
            };
            let cx = x + out;
            format!("M{x:.1} {ya:.1} C{cx:.1} {ya:.1} {cx:.1} {yb:.1} {x:.1} {yb:.1}")
        };
        let style = match kind {
            EdgeKind::Conflict => "stroke=\"#c62828\" stroke-width=\"3\"",
            EdgeKind::Compatible => {
                "stroke=\"#2e7d32\" stroke-width=\"2\" stroke-dasharray=\"6 4\""
            }
            EdgeKind::Agree => "stroke=\"#2e7d32\" stroke-width=\"2\"",
        };
        let _ = writeln!(
            page,
            "<path d=\"{d}\" fill=\"none\" {style}><title>{}: {}</title></path>",
            kind.as_str(),
            escape(reason)
        );
    }
    for n in &nodes {
        let x = x_of(n.column);
        let (fill, stroke) = match n.side {
            Side::Majority => ("#e8f5e9", "#2e7d32"),
            Side::Minority => ("#ffebee", "#c62828"),
            Side::Tied => ("#fff3e0", "#ef6c00"),
        };
        let _ = write!(
            page,
            "<g class=\"node\"><rect x=\"{x}\" y=\"{:.1}\" width=\"{BOX_W}\" height=\"{:.1}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\"/>",
            n.y, n.height
        );
        let mut y = n.y + PAD;
        for line in &n.label {
            let _ = write!(
                page,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{LABEL_PX}\">{}</text>",
                x + PAD,
                y + 12.5,
                escape(line)
            );
            y += LABEL_LINE;
        }
        y += 4.0;
        for (k, lines) in &n.docs {
            let _ = write!(page, "<a href=\"#f{i}-c{k}\">");
            for line in lines {
                let _ = write!(
                    page,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{DOC_PX}\">{}</text>",
                    x + PAD,
                    y + 11.5,
                    escape(line)
                );
                y += DOC_LINE;
            }
            page.push_str("</a>");
        }
        page.push_str("</g>\n");
    }
    page.push_str("</svg><figcaption>Boxes: one wording each, <span class=\"sev-error\">outlier</span> right; links go to the excerpts. <span class=\"k\"></span>conflict<span class=\"k agree\"></span>agree<span class=\"k compatible\"></span>compatible wording</figcaption></figure>\n");
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
