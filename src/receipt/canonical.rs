//! RFC 8785 canonical JSON (JCS): one byte sequence per JSON value, so that a hash or a
//! signature over a receipt means the same thing to every verifier. Serialisation is done
//! by `serde_jcs`; this module adds the check that a file is already in that form.

use serde::Serialize;

/// Why a value cannot be written, or a file read, as canonical JSON.
#[derive(Debug, thiserror::Error)]
pub enum CanonicalError {
    #[error("cannot write canonical JSON: {0}")]
    Write(#[source] serde_json::Error),
    #[error("not JSON: {0}")]
    Parse(#[source] serde_json::Error),
    #[error("not in canonical form (RFC 8785): {0}")]
    NotCanonical(String),
}

/// The RFC 8785 form of `value`: keys sorted by UTF-16 code units, no white space, numbers
/// as ECMAScript prints them, strings with the minimal escapes.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, CanonicalError> {
    serde_jcs::to_vec(value).map_err(CanonicalError::Write)
}

/// Checks that `bytes` is exactly the canonical form of the JSON value it holds, and
/// returns that value. A trailing newline, reordered keys, extra spaces, a duplicate key or
/// an escaped character that needs no escape all fail.
pub fn parse(bytes: &[u8]) -> Result<serde_json::Value, CanonicalError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(CanonicalError::Parse)?;
    let canonical = to_vec(&value)?;
    if canonical == bytes {
        return Ok(value);
    }
    let at = canonical
        .iter()
        .zip(bytes)
        .position(|(a, b)| a != b)
        .unwrap_or(canonical.len().min(bytes.len()));
    Err(CanonicalError::NotCanonical(format!(
        "the bytes differ from the canonical form at offset {at} (of {})",
        bytes.len()
    )))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn canonical(json: &str) -> String {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        String::from_utf8(to_vec(&value).unwrap()).unwrap()
    }

    #[test]
    fn rfc8785_section_3_2_2_example() {
        let input = r#"{
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }"#;
        assert_eq!(
            canonical(input),
            r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        );
    }

    #[test]
    fn rfc8785_section_3_2_3_sorts_keys_by_utf16_code_units() {
        let input = r#"{
          "\u20ac": "Euro Sign",
          "\r": "Carriage Return",
          "\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\ud83d\ude00": "Emoji: Grinning Face",
          "\u0080": "Control",
          "\u00f6": "Latin Small Letter O With Diaeresis"
        }"#;
        let value: serde_json::Value = serde_json::from_str(input).unwrap();
        let out = to_vec(&value).unwrap();
        let keys: Vec<String> = serde_json::from_slice::<serde_json::Map<String, _>>(&out)
            .unwrap()
            .values()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        // serde_json's map re-sorts on reading, so the order is read off the bytes instead.
        let text = String::from_utf8(out).unwrap();
        let order: Vec<usize> = keys
            .iter()
            .map(|name| text.find(name.as_str()).unwrap())
            .collect();
        let mut by_position: Vec<(usize, &String)> = order.into_iter().zip(&keys).collect();
        by_position.sort();
        let names: Vec<&str> = by_position.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Carriage Return",
                "One",
                "Control",
                "Latin Small Letter O With Diaeresis",
                "Euro Sign",
                "Emoji: Grinning Face",
                "Hebrew Letter Dalet With Dagesh",
            ]
        );
    }

    #[test]
    fn only_the_exact_canonical_bytes_parse() {
        let good = br#"{"a":1,"b":[true,"x"]}"#;
        assert!(parse(good).is_ok());
        for bad in [
            &br#"{"b":[true,"x"],"a":1}"#[..],
            br#"{"a": 1,"b":[true,"x"]}"#,
            b"{\"a\":1,\"b\":[true,\"x\"]}\n",
            br#"{"a":1.0,"b":[true,"x"]}"#,
            br#"{"a":1,"a":1,"b":[true,"x"]}"#,
            br#"{"a":1,"b":[true,"\u0078"]}"#,
        ] {
            let err = parse(bad).expect_err(&String::from_utf8_lossy(bad));
            assert!(
                matches!(err, CanonicalError::NotCanonical(_)),
                "{err}: {}",
                String::from_utf8_lossy(bad)
            );
        }
        assert!(matches!(parse(b"{"), Err(CanonicalError::Parse(_))));
    }
}
