//! Bytes written as text: lower-case hexadecimal, as digests, plan hashes and row versions
//! are shown. A leaf module, so that any module (a platform too) may use it.

/// `bytes` as lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
