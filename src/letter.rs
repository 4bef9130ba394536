//! The cover letter in the forms it is sent in. Its template is Markdown kept to what reads
//! well as plain text too: a `# ` title, paragraphs separated by blank lines, and lines
//! ending in two spaces where a line break must stay (an address). From it come
//! `letter.txt` (wrapped for an e-mail) and `letter.html` (to send or print as is).

/// Where plain text is wrapped: what every mail program shows unbroken.
const WIDTH: usize = 72;

/// The letter's paragraphs, each as its lines, without the blank lines a template's
/// conditions leave.
fn paragraphs(markdown: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current = Vec::new();
    for line in markdown.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The letter as plain text: the title without its `#`, every line wrapped at 72
/// characters.
pub fn to_text(markdown: &str) -> String {
    let mut out = String::new();
    for (i, paragraph) in paragraphs(markdown).iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for line in paragraph {
            let line = line.trim_end();
            let line = line.strip_prefix("# ").unwrap_or(line);
            for wrapped in wrap(line) {
                out.push_str(&wrapped);
                out.push('\n');
            }
        }
    }
    out
}

/// The letter as an HTML page in `lang`, every value escaped.
pub fn to_html(markdown: &str, lang: &str) -> String {
    let mut title = String::new();
    let mut body = String::new();
    for paragraph in paragraphs(markdown) {
        if let [line] = paragraph.as_slice()
            && let Some(heading) = line.strip_prefix("# ")
        {
            if title.is_empty() {
                title = escape(heading.trim());
            }
            body.push_str(&format!("<h1>{}</h1>\n", escape(heading.trim())));
            continue;
        }
        body.push_str("<p>");
        for (i, line) in paragraph.iter().enumerate() {
            if i > 0 {
                body.push_str(if paragraph[i - 1].ends_with("  ") {
                    "<br>\n"
                } else {
                    "\n"
                });
            }
            body.push_str(&escape(line.trim()));
        }
        body.push_str("</p>\n");
    }
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n  body {{ font-family: Georgia, serif; max-width: 40rem; \
         margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1d1d1f; \
         overflow-wrap: anywhere; }}\n  h1 {{ font-size: 1.4rem; }}\n</style>\n</head>\n<body>\n\
         {body}</body>\n</html>\n"
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `line` broken between words so that no line is longer than [`WIDTH`] characters, unless
/// one word is.
fn wrap(line: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let len = current.chars().count();
        if len > 0 && len + 1 + word.chars().count() > WIDTH {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    lines.push(current);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const LETTER: &str = "# A title\n\nAcme AS  \nStreet 1 & 2\n\n\n\nA long paragraph that goes on and on, well past the width that a mail program shows on one line.\n";

    #[test]
    fn text_drops_the_marks_and_wraps() {
        let text = to_text(LETTER);
        assert_eq!(
            text,
            "A title\n\nAcme AS\nStreet 1 & 2\n\nA long paragraph that goes on and on, well past the width that a mail\nprogram shows on one line.\n"
        );
    }

    #[test]
    fn html_keeps_the_breaks_and_escapes() {
        let html = to_html(LETTER, "nb");
        assert!(html.contains("<html lang=\"nb\">"));
        assert!(html.contains("<title>A title</title>"));
        assert!(html.contains("<h1>A title</h1>"));
        assert!(html.contains("<p>Acme AS<br>\nStreet 1 &amp; 2</p>"));
    }
}
