//! FotoWeb search expressions (`?q=`), as far as dsr may send them: free terms and quoted
//! phrases, `<field id>:term` and `<field id>:"a phrase"`, the predicates `fn` (file name),
//! `fp` (path in the archive) and `dn` (folder name), `AND`, `OR`, `|`, `NOT` and
//! parentheses, with adjacent terms joined by AND. Also the predicate=term form (`?25=x`).
//!
//! Matching is by words, like a full-text index: a term matches a value when its words
//! appear in the value's words in the same order, ignoring case. A term holding `*` or `?`
//! is a wildcard pattern matched against the whole value and against each word of it.

use std::collections::BTreeMap;

use crate::state::FieldValue;

/// Which values a term is compared with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    /// Every metadata value and the file name.
    Any,
    /// One metadata field by id.
    Id(String),
    Filename,
    FullPath,
    DirName,
}

/// A parsed search expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Expr {
    All,
    Term(Field, String),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
}

/// What a search looks at in one asset.
pub struct Doc<'a> {
    pub filename: &'a str,
    /// Path inside the archive, `/`-separated.
    pub path: &'a str,
    pub metadata: &'a BTreeMap<String, FieldValue>,
}

impl Expr {
    fn and(a: Expr, b: Expr) -> Expr {
        match (a, b) {
            (Expr::All, x) | (x, Expr::All) => x,
            (a, b) => Expr::And(Box::new(a), Box::new(b)),
        }
    }

    /// Whether the asset is a hit.
    pub fn matches(&self, doc: &Doc<'_>) -> bool {
        match self {
            Expr::All => true,
            Expr::Term(field, text) => values_of(field, doc)
                .iter()
                .any(|value| term_matches(text, value)),
            Expr::And(a, b) => a.matches(doc) && b.matches(doc),
            Expr::Or(a, b) => a.matches(doc) || b.matches(doc),
            Expr::Not(a) => !a.matches(doc),
        }
    }
}

/// Builds the search of a query string's decoded pairs: every `q` is an expression and they
/// are ANDed; a field key (`25`, `fn`, …) given several times ORs its terms, and the groups
/// are ANDed with the rest. Other keys (such as `access_token`) are not search terms.
pub fn from_query(pairs: &[(String, String)]) -> Result<Expr, String> {
    let mut expr = Expr::All;
    let mut groups: Vec<(Field, Vec<String>)> = Vec::new();
    for (key, value) in pairs {
        if key == "q" {
            expr = Expr::and(expr, parse(value)?);
        } else if let Some(field) = predicate(key) {
            match groups.iter_mut().find(|(f, _)| *f == field) {
                Some((_, terms)) => terms.push(value.clone()),
                None => groups.push((field, vec![value.clone()])),
            }
        }
    }
    for (field, terms) in groups {
        let group = terms
            .into_iter()
            .map(|t| Expr::Term(field.clone(), t))
            .reduce(|a, b| Expr::Or(Box::new(a), Box::new(b)))
            .unwrap_or(Expr::All);
        expr = Expr::and(expr, group);
    }
    Ok(expr)
}

fn predicate(key: &str) -> Option<Field> {
    match key {
        "fn" => Some(Field::Filename),
        "fp" => Some(Field::FullPath),
        "dn" => Some(Field::DirName),
        _ if !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()) => {
            Some(Field::Id(key.to_owned()))
        }
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Open,
    Close,
    And,
    Or,
    Not,
    Term(Field, String),
}

/// Parses one search expression; an empty one matches everything.
pub fn parse(text: &str) -> Result<Expr, String> {
    let tokens = tokenize(text)?;
    let mut parser = Parser { tokens, at: 0 };
    if parser.tokens.is_empty() {
        return Ok(Expr::All);
    }
    let expr = parser.or()?;
    match parser.tokens.get(parser.at) {
        None => Ok(expr),
        Some(token) => Err(format!("unexpected {token:?} in the search expression")),
    }
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                tokens.push(Token::Open);
                i += 1;
            }
            ')' => {
                tokens.push(Token::Close);
                i += 1;
            }
            '|' => {
                tokens.push(Token::Or);
                i += 1;
            }
            '"' => {
                let (phrase, next) = read_phrase(&chars, i)?;
                tokens.push(Token::Term(Field::Any, phrase));
                i = next;
            }
            _ => {
                let start = i;
                while i < chars.len() && !is_break(chars[i]) && chars[i] != ':' {
                    i += 1;
                }
                let head: String = chars[start..i].iter().collect();
                if i < chars.len() && chars[i] == ':' {
                    let Some(field) = predicate(&head) else {
                        return Err(format!("unsupported search predicate {head:?}"));
                    };
                    i += 1;
                    let (value, next) = if chars.get(i) == Some(&'"') {
                        read_phrase(&chars, i)?
                    } else {
                        let from = i;
                        while i < chars.len() && !is_break(chars[i]) {
                            i += 1;
                        }
                        (chars[from..i].iter().collect(), i)
                    };
                    if value.is_empty() {
                        return Err(format!("no term after {head}:"));
                    }
                    tokens.push(Token::Term(field, value));
                    i = next;
                } else {
                    tokens.push(match head.as_str() {
                        "AND" => Token::And,
                        "OR" => Token::Or,
                        "NOT" => Token::Not,
                        _ => Token::Term(Field::Any, head),
                    });
                }
            }
        }
    }
    Ok(tokens)
}

fn is_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '|' | '"')
}

/// Reads `"…"` starting at the opening quote; returns the text and the index after it.
fn read_phrase(chars: &[char], open: usize) -> Result<(String, usize), String> {
    let start = open + 1;
    let Some(length) = chars[start..].iter().position(|&c| c == '"') else {
        return Err("a quoted phrase is not closed".to_owned());
    };
    Ok((
        chars[start..start + length].iter().collect(),
        start + length + 1,
    ))
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut left = self.and()?;
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            let right = self.and()?;
            left = Expr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut left = self.unary()?;
        loop {
            match self.peek() {
                Some(Token::And) => self.at += 1,
                Some(Token::Term(..) | Token::Not | Token::Open) => {}
                _ => return Ok(left),
            }
            let right = self.unary()?;
            left = Expr::And(Box::new(left), Box::new(right));
        }
    }

    fn unary(&mut self) -> Result<Expr, String> {
        match self.tokens.get(self.at).cloned() {
            Some(Token::Not) => {
                self.at += 1;
                Ok(Expr::Not(Box::new(self.unary()?)))
            }
            Some(Token::Open) => {
                self.at += 1;
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err("a parenthesis is not closed".to_owned());
                }
                self.at += 1;
                Ok(inner)
            }
            Some(Token::Term(field, text)) => {
                self.at += 1;
                Ok(Expr::Term(field, text))
            }
            Some(token) => Err(format!("unexpected {token:?} in the search expression")),
            None => Err("the search expression ends too early".to_owned()),
        }
    }
}

fn values_of<'a>(field: &Field, doc: &Doc<'a>) -> Vec<&'a str> {
    let metadata_values = |value: &'a FieldValue| value.items().iter().map(String::as_str);
    match field {
        Field::Any => doc
            .metadata
            .values()
            .flat_map(metadata_values)
            .chain(std::iter::once(doc.filename))
            .collect(),
        Field::Id(id) => doc
            .metadata
            .get(id)
            .into_iter()
            .flat_map(metadata_values)
            .collect(),
        Field::Filename => vec![doc.filename],
        Field::FullPath => vec![doc.path],
        Field::DirName => vec![doc.path.rsplit_once('/').map_or("", |(dir, _)| dir)],
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn term_matches(term: &str, value: &str) -> bool {
    if term.contains(['*', '?']) {
        let pattern: Vec<char> = term.to_lowercase().chars().collect();
        let whole = value.to_lowercase();
        return glob(&pattern, &whole.chars().collect::<Vec<_>>())
            || words(value)
                .iter()
                .any(|w| glob(&pattern, &w.chars().collect::<Vec<_>>()));
    }
    let wanted = words(term);
    if wanted.is_empty() {
        return false;
    }
    let have = words(value);
    have.windows(wanted.len()).any(|window| window == wanted)
}

/// `*` any run of characters, `?` one character.
fn glob(pattern: &[char], text: &[char]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut backtrack: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            backtrack = Some((p, t));
            p += 1;
        } else if let Some((star, from)) = backtrack {
            p = star + 1;
            t = from + 1;
            backtrack = Some((star, from + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn doc_matches(q: &str, filename: &str, fields: &[(&str, FieldValue)]) -> bool {
        let metadata = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        let doc = Doc {
            filename,
            path: filename,
            metadata: &metadata,
        };
        parse(q).unwrap().matches(&doc)
    }

    fn single(s: &str) -> FieldValue {
        FieldValue::Single(s.to_owned())
    }

    #[test]
    fn free_terms_phrases_and_fields() {
        let f = [
            ("120", single("Jane Doe presents the budget")),
            ("25", FieldValue::Bag(vec!["board".into(), "Budget".into()])),
        ];
        assert!(doc_matches("jane", "a.png", &f));
        assert!(doc_matches("\"jane doe\"", "a.png", &f));
        assert!(!doc_matches("\"doe jane\"", "a.png", &f));
        assert!(!doc_matches("doerr", "a.png", &f));
        assert!(doc_matches("25:budget", "a.png", &f));
        assert!(!doc_matches("25:jane", "a.png", &f));
        assert!(doc_matches("120:\"Jane Doe\"", "a.png", &f));
        assert!(doc_matches("fn:*.png|fn:*.jpg", "a.png", &f));
        assert!(!doc_matches("fn:*.gif OR fn:*.jpg", "a.png", &f));
        assert!(doc_matches("jane AND NOT smith", "a.png", &f));
        assert!(!doc_matches("jane NOT budget", "a.png", &f));
        assert!(doc_matches("(smith OR jane) board", "a.png", &f));
        assert!(doc_matches("", "a.png", &f));
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        assert!(parse("(jane").is_err());
        assert!(parse("\"jane").is_err());
        assert!(parse("zz:jane").is_err());
        assert!(parse("jane OR").is_err());
    }

    #[test]
    fn predicate_pairs_or_within_a_key_and_across_keys() {
        let pairs = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        };
        let expr = from_query(&pairs(&[("25", "a"), ("25", "b"), ("fn", "x.png")])).unwrap();
        let metadata = [("25".to_string(), single("b"))].into_iter().collect();
        let doc = Doc {
            filename: "x.png",
            path: "x.png",
            metadata: &metadata,
        };
        assert!(expr.matches(&doc));
    }
}
