//! index.html as a person sees it: rendered by headless Chromium at a phone's width (375
//! px) and a desktop's (1200 px), no text may run out of its box or make the page scroll
//! sideways, and the dates and reasons must read as a person writes them.
//!
//! Skips with a note when no browser is installed, unless `CI` is set: CI installs one
//! (`.ci/run`), so there a missing browser fails.

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

use crate::access::today_written;

const BROWSERS: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// The first browser on PATH.
fn browser() -> Option<String> {
    BROWSERS.iter().find_map(|name| {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {name}")])
            .output()
            .ok()?;
        found
            .status
            .success()
            .then(|| String::from_utf8_lossy(&found.stdout).trim().to_owned())
    })
}

/// Shows index.html in two frames, 375 and 1200 px wide (a headless window is never
/// narrower than 500 px), and writes what it measured into the page as JSON: the width each
/// frame laid out at, the page's scrolling width, every element whose content runs out of
/// it or past the frame's edge, and the text a reader sees.
const HARNESS: &str = r#"<!doctype html>
<html><body style="margin:0">
<iframe id="w375" src="index.html" style="width:375px;height:900px;border:0"></iframe>
<iframe id="w1200" src="index.html" style="width:1200px;height:900px;border:0"></iframe>
<script>
window.addEventListener('load', () => {
  const result = {};
  for (const id of ['w375', 'w1200']) {
    const doc = document.getElementById(id).contentDocument;
    const width = doc.documentElement.clientWidth;
    const overflowing = [];
    for (const el of doc.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      const style = doc.defaultView.getComputedStyle(el);
      const spills = style.overflowX === 'visible' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
      const outside = rect.width > 0 && (rect.right > width + 1 || rect.left < -1);
      if (spills || outside) {
        overflowing.push(el.tagName.toLowerCase() + '.' + el.className + ': ' + (el.textContent || '').trim().slice(0, 60));
      }
    }
    result[id] = { width, scroll_width: doc.documentElement.scrollWidth, overflowing, text: doc.body.innerText };
  }
  const out = document.createElement('pre');
  out.id = 'result';
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
});
</script>
</body></html>
"#;

/// Runs the harness beside `package/index.html`; returns what it measured.
fn measure(browser: &str, package: &Path, profile: &Path) -> Value {
    std::fs::write(package.join("harness.html"), HARNESS).expect("the harness");
    let out = Command::new(browser)
        .args([
            "--headless",
            // The test may run as root (CI), where Chromium's sandbox refuses to start; the
            // page is a local file the test wrote.
            "--no-sandbox",
            "--disable-gpu",
            // A scroll bar would take its width from the frame: a phone has none.
            "--hide-scrollbars",
            "--allow-file-access-from-files",
            "--window-size=1300,1000",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", package.join("harness.html").display()))
        .output()
        .expect("the browser runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("<pre id=\"result\">").unwrap_or_else(|| {
        panic!(
            "the harness wrote no result:\n{dom}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    }) + "<pre id=\"result\">".len();
    let end = start + dom[start..].find("</pre>").expect("the result ends");
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

#[test]
fn index_html_fits_a_phone_and_a_desktop_and_reads_plainly() {
    let Some(browser) = browser() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have a browser: .ci/run installs chromium"
        );
        eprintln!("note: no Chromium installed; the screenshot test of index.html is skipped");
        return;
    };
    let t = crate::access::tenant();
    // Values that do not break on their own: a long address and a long file name.
    t.asset(
        "Staff/annual-general-meeting-of-the-shareholders-and-the-board-2026-final-version.png",
        json!({
            "120": "Jane Doe (jane.doe@example.com) took the minutes: https://intranet.example.com/events/annual-general-meeting-2026/minutes-and-reports-final-version",
            "80": ["Jane Doe"],
        }),
    );
    t.sync(&[]);
    let id = t
        .dsr([
            "case",
            "open",
            "--right",
            "access",
            "--name",
            "Jane Doe",
            "--login",
            "jdoe",
            "--email",
            "jane.doe@example.com",
        ])
        .run()
        .stdout
        .trim()
        .to_owned();
    for (lang, reasons) in [
        (
            "en",
            [
                "You are shown in this picture",
                "Your name is in the photo credit",
                "Your e-mail address is in the caption",
            ],
        ),
        (
            "de",
            [
                "Sie sind auf diesem Bild zu sehen",
                "Ihr Name steht im Bildnachweis",
                "Ihre E-Mail-Adresse steht in der Bildunterschrift",
            ],
        ),
    ] {
        let package = t.path(format!("package-{lang}"));
        t.dsr(["access", &id, "--lang", lang, "--out"])
            .arg(&package)
            .run();
        let result = measure(&browser, &package, &t.path(format!("browser-{lang}")));
        for (frame, width) in [("w375", 375), ("w1200", 1200)] {
            let seen = &result[frame];
            assert_eq!(seen["width"], width, "{lang}: the frame's layout width");
            assert!(
                seen["scroll_width"].as_u64() <= Some(width),
                "{lang} at {width} px scrolls sideways: {seen}"
            );
            assert_eq!(
                seen["overflowing"],
                json!([]),
                "{lang} at {width} px: text runs out of its box"
            );
            let text = seen["text"].as_str().expect("the text");
            let today = today_written(lang);
            assert!(
                text.contains(&today),
                "{lang}: the dates read {today}:\n{text}"
            );
            for reason in &reasons {
                assert!(text.contains(reason), "{lang}: {reason:?}:\n{text}");
            }
        }
    }
}
