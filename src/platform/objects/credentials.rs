//! The AWS shared credentials and config files (`~/.aws/credentials`, `~/.aws/config`), read
//! the way the AWS CLI reads them, for when the environment holds no access key: the
//! library reads the environment, instance and container credentials, not these files.

use std::path::PathBuf;

use super::super::PlatformError;

/// One profile's static credentials.
pub struct Shared {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
    pub region: Option<String>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"***")
            .finish_non_exhaustive()
    }
}

/// The credentials of `AWS_PROFILE` (or `default`) from the shared files, when they hold
/// an access key for it.
pub fn shared() -> Result<Option<Shared>, PlatformError> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let file = |var: &str, name: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".aws").join(name)))
    };
    let profile = std::env::var("AWS_PROFILE").unwrap_or_else(|_| "default".to_owned());
    let Some(credentials) = file("AWS_SHARED_CREDENTIALS_FILE", "credentials") else {
        return Ok(None);
    };
    let read = |path: &PathBuf| match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(PlatformError::Io {
            path: path.clone(),
            source,
        }),
    };
    let Some(text) = read(&credentials)? else {
        return Ok(None);
    };
    let keys = section(&text, &profile);
    let get = |keys: &[(String, String)], name: &str| {
        keys.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    };
    let (Some(access_key_id), Some(secret_access_key)) = (
        get(&keys, "aws_access_key_id"),
        get(&keys, "aws_secret_access_key"),
    ) else {
        return Ok(None);
    };
    // The config file names its profiles `[profile NAME]`, except `[default]`.
    let region = match file("AWS_CONFIG_FILE", "config") {
        Some(path) => read(&path)?.and_then(|text| {
            let name = if profile == "default" {
                profile.clone()
            } else {
                format!("profile {profile}")
            };
            get(&section(&text, &name), "region")
        }),
        None => None,
    };
    Ok(Some(Shared {
        session_token: get(&keys, "aws_session_token"),
        access_key_id,
        secret_access_key,
        region,
    }))
}

/// The `key = value` pairs of one `[name]` section of an INI file.
fn section(text: &str, name: &str) -> Vec<(String, String)> {
    let mut inside = false;
    let mut pairs = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') || line.starts_with(';') || line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = header.trim() == name;
            continue;
        }
        if inside && let Some((key, value)) = line.split_once('=') {
            pairs.push((key.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_is_read_by_its_name() {
        let text = "[default]\naws_access_key_id = A\n\n[profile other]\nregion=eu-north-1\n# x\n";
        assert_eq!(
            section(text, "default"),
            [("aws_access_key_id".to_owned(), "A".to_owned())]
        );
        assert_eq!(
            section(text, "profile other"),
            [("region".to_owned(), "eu-north-1".to_owned())]
        );
        assert!(section(text, "missing").is_empty());
    }
}
