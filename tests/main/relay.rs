//! A small HTTP/1.1 relay between dsr and a server, for the tests and benchmarks that need
//! to see or change what passes: each request of a connection is sent on to the server
//! and its answer written back, with a hook told of each exchange.

use std::io::{BufRead as _, Read as _, Write as _};
use std::net::TcpStream;
use std::time::Instant;

/// Relays each request of one connection to `upstream` (`http://host:port`), one after
/// another, until the client closes it. `exchange` is told each request's target and when
/// it was received, once its answer is in, and may rewrite the answer's body.
pub fn relay(
    stream: TcpStream,
    upstream: &str,
    exchange: &dyn Fn(&str, Instant, &mut Vec<u8>),
) -> std::io::Result<()> {
    let client = reqwest::blocking::Client::new();
    // Each answer goes out in one write, and at once: written piece by piece with Nagle's
    // algorithm on, the pieces after the first waited for the client's delayed ACK (up to
    // 40 ms an answer), which the timings of the requests never showed.
    stream.set_nodelay(true)?;
    let mut reader = std::io::BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let mut parts = line.split_whitespace();
        let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
            return Ok(());
        };
        let (method, target) = (method.to_owned(), target.to_owned());
        let mut headers = Vec::new();
        let mut length = 0;
        loop {
            let mut header = String::new();
            reader.read_line(&mut header)?;
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let (name, value) = (name.trim().to_owned(), value.trim().to_owned());
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.parse().unwrap_or(0);
                }
                headers.push((name, value));
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        let method =
            reqwest::Method::from_bytes(method.as_bytes()).map_err(std::io::Error::other)?;
        let head = method == reqwest::Method::HEAD;
        let mut request = client.request(method, format!("{upstream}{target}"));
        for (name, value) in &headers {
            if !["host", "connection"].contains(&name.to_ascii_lowercase().as_str()) {
                request = request.header(name, value);
            }
        }
        let received = Instant::now();
        let response = request.body(body).send().map_err(std::io::Error::other)?;
        let status = response.status();
        let answer_headers = response.headers().clone();
        let mut answer = response.bytes().map_err(std::io::Error::other)?.to_vec();
        exchange(&target, received, &mut answer);
        let mut out = Vec::with_capacity(answer.len() + 1024);
        write!(
            out,
            "HTTP/1.1 {} {}\r\n",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        )?;
        for (name, value) in &answer_headers {
            // The body's length is written anew: the hook may have changed it.
            let skip = name == "transfer-encoding"
                || name == "connection"
                || (name == "content-length" && !head);
            if !skip {
                out.extend_from_slice(name.as_str().as_bytes());
                out.extend_from_slice(b": ");
                out.extend_from_slice(value.as_bytes());
                out.extend_from_slice(b"\r\n");
            }
        }
        if !head {
            write!(out, "content-length: {}\r\n", answer.len())?;
        }
        out.extend_from_slice(b"\r\n");
        if !head {
            out.extend_from_slice(&answer);
        }
        writer.write_all(&out)?;
        writer.flush()?;
    }
}
