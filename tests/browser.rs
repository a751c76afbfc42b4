//! The HTML report in a real browser: headless Chromium opens each report
//! with `#selftest`, the page checks itself (graph labels inside their
//! boxes and never overlapping, by their bounding boxes in the DOM; one
//! graph per finding of two claims or more; every filter value; search;
//! every in-page link has a target; every finding reachable from the
//! summary table even while filtered out) and writes PASS/FAIL lines into
//! the DOM, which `--dump-dom` hands back. Reports: the fixtures, the
//! seeds, Reuters (when ../shared is there), hostile inputs, and twenty
//! claims about one person. Screenshots go to target/tmp/html-check/.
//!
//! Skips, saying so, when Chromium is not installed (`.ci/run` installs
//! Debian's `chromium` when /usr/bin/chromium is missing).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn browser() -> Option<PathBuf> {
    let candidates = [
        std::env::var("CHROMIUM").unwrap_or_default(),
        "/usr/bin/chromium".into(),
        "/usr/bin/chromium-browser".into(),
        "/usr/bin/google-chrome".into(),
    ];
    candidates
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

fn chromium(browser: &Path, extra: &[String], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    // Without cargo's LD_LIBRARY_PATH (the toolchain's libraries), which
    // Chromium's own libraries must not meet.
    let out = Command::new("timeout")
        .env_remove("LD_LIBRARY_PATH")
        .arg("120")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    if dom.is_empty() && std::env::var("CLAIMCHECK_DEBUG").is_ok() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    }
    dom
}

/// Writes the HTML report of `args` to `out/name.html`; returns its path.
fn report(out: &Path, name: &str, args: &[&str]) -> PathBuf {
    let result = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(repo())
        .args(["check", "--format", "html", "--no-config"])
        .args(args)
        .output()
        .unwrap();
    assert!(result.status.code().unwrap() <= 2);
    let path = out.join(format!("{name}.html"));
    fs::write(&path, &result.stdout).unwrap();
    path
}

/// Opens `page#selftest`; panics with the failures. Returns the PASS lines.
fn selftest(browser: &Path, page: &Path) -> Vec<String> {
    let dom = chromium(
        browser,
        &["--dump-dom".into(), "--virtual-time-budget=10000".into()],
        &format!("file://{}#selftest", page.display()),
    );
    let start = dom
        .find("<pre id=\"selftest-result\" data-failures=\"")
        .unwrap_or_else(|| {
            panic!(
                "{}: the self-test did not run: {}",
                page.display(),
                &dom[..dom.len().min(3000)]
            )
        });
    let rest = &dom[start..];
    let end = rest.find("</pre>").unwrap();
    let block = &rest[..end];
    let lines: Vec<String> = block.lines().map(|l| l.to_string()).collect();
    let failures: Vec<&String> = lines.iter().filter(|l| l.contains("FAIL ")).collect();
    assert!(
        block.contains("data-failures=\"0\"") && failures.is_empty(),
        "{}: {failures:#?}",
        page.display()
    );
    lines
}

#[test]
fn html_reports_pass_their_selftest_in_chromium() {
    let Some(browser) = browser() else {
        eprintln!("skipped: Chromium not found (/usr/bin/chromium; apt-get install chromium, or set CHROMIUM)");
        return;
    };
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-check");
    fs::create_dir_all(&out).unwrap();
    // Twenty claims about one person: three wordings, one an outlier, in
    // documents with long names.
    let many = out.join("twenty-claims");
    let _ = fs::remove_dir_all(&many);
    fs::create_dir_all(&many).unwrap();
    for k in 0..20 {
        let title = match k % 5 {
            0 | 1 => "Daniel Kritenbrink, assistant secretary of state for East Asian and Pacific affairs, spoke.",
            2 | 3 => "The top U.S. diplomat for the Asia-Pacific region, Daniel Kritenbrink, spoke.",
            _ if k == 4 => "Under Secretary of State for East Asia Daniel Kritenbrink spoke.",
            _ => "Daniel Kritenbrink, the assistant secretary of state for East Asian and Pacific affairs, spoke.",
        };
        fs::write(
            many.join(format!(
                "{k:02}-a-rather-long-file-name-from-the-wire-desk_{}.txt",
                "x".repeat(k)
            )),
            format!("date 2023-06-09\n\n{title}\n"),
        )
        .unwrap();
    }
    let hostile = repo().join("fixtures/hostile/inputs");
    let mut pages = vec![
        ("news", report(&out, "news", &["fixtures/news"])),
        (
            "hostile",
            report(
                &out,
                "hostile",
                &["fixtures/news", hostile.to_str().unwrap()],
            ),
        ),
        ("twenty", report(&out, "twenty", &[many.to_str().unwrap()])),
    ];
    let seeds = repo().join("../shared/seeds");
    if seeds.is_dir() {
        pages.push(("seeds", report(&out, "seeds", &[seeds.to_str().unwrap()])));
    } else {
        eprintln!("seeds skipped: {} absent", seeds.display());
    }
    let reuters = repo().join("../shared/corpora/reuters21578/reuters21578.jsonl.gz");
    if reuters.is_file() {
        pages.push((
            "reuters",
            report(&out, "reuters", &[reuters.to_str().unwrap()]),
        ));
    } else {
        eprintln!("Reuters skipped: {} absent", reuters.display());
    }
    for (name, page) in &pages {
        let lines = selftest(&browser, page);
        eprintln!("{name}: {}", lines.join(" | "));
        let html = fs::read_to_string(page).unwrap();
        let findings = html.matches("<section class=\"finding\"").count();
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&format!("{findings} findings reachable"))),
            "{name}: every one of {findings} findings reachable"
        );
        if *name == "twenty" {
            assert!(
                lines
                    .iter()
                    .any(|l| l.contains("1 graph(s) for 20 claim(s)")),
                "{lines:?}"
            );
        }
    }
    for (name, page) in pages
        .iter()
        .filter(|(n, _)| ["seeds", "twenty", "news"].contains(n))
    {
        let png = out.join(format!("{name}.png"));
        chromium(
            &browser,
            &[
                "--window-size=1280,2000".into(),
                format!("--screenshot={}", png.display()),
            ],
            &format!("file://{}", page.display()),
        );
        assert!(
            fs::metadata(&png)
                .map(|m| m.len() > 10_000)
                .unwrap_or(false),
            "{}",
            png.display()
        );
        eprintln!("screenshot {}", png.display());
    }
}
