//! The configuration file: tenant profiles, kept as TOML, written atomically and
//! owner-only.

pub use crate::platform::fotoweb::AuthKind;
pub use crate::platform::http::check_url;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::case::retention::Retention;
use crate::fields::FieldRoles;
use crate::fsutil;
use crate::index::IndexSettings;
use crate::matching::identity::{IdentityError, parse_region};
use crate::platform::dir::DirPlatform;
use crate::platform::fotoweb::{Fotoweb, RecordKind};
use crate::platform::objects::ObjectsPlatform;
use crate::platform::sql::SqlPlatform;
use crate::platform::{Connection, Platform, PlatformError};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("the configuration {path} is not valid: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("cannot write the configuration {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "no tenant is configured: add one with `dsr tenant add NAME --platform dir --path DIR`"
    )]
    NoTenant,
    #[error("several tenants are configured ({0}): choose one with --tenant NAME or DSR_TENANT")]
    Ambiguous(String),
    #[error("no tenant is named '{name}'{known}")]
    Unknown { name: String, known: String },
    #[error("a tenant named '{0}' exists already: remove it first or choose another name")]
    Exists(String),
    #[error(
        "'{0}' cannot name a tenant: use 1 to 64 letters, digits, '-' or '_', starting with a letter or digit"
    )]
    BadName(String),
    #[error("tenant '{tenant}': {problem}")]
    Profile { tenant: String, problem: String },
    #[error("no group is named '{name}'{known}")]
    UnknownGroup { name: String, known: String },
    #[error(
        "'{0}' names a tenant: a group needs a name of its own, or --tenant and --group would be read alike"
    )]
    GroupIsTenant(String),
    #[error(transparent)]
    Region(#[from] IdentityError),
}

/// The kinds of platform a tenant can live on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlatformKind {
    Dir,
    Fotoweb,
    Objects,
    Sql,
}

impl PlatformKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlatformKind::Dir => "dir",
            PlatformKind::Fotoweb => "fotoweb",
            PlatformKind::Objects => "objects",
            PlatformKind::Sql => "sql",
        }
    }
}

/// One tenant: where it lives and how its fields are read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantProfile {
    pub platform: PlatformKind,
    /// The tenant folder (`dir`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    /// The server's base URL (`fotoweb`), or the store's (`objects`: `file:///path`,
    /// `s3://bucket/prefix`, `az://container/prefix`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The server an S3 or Azure client talks to instead of the cloud's own (`objects`:
    /// an S3-compatible provider, an emulator); https unless on loopback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// The OAuth2 client id (`fotoweb`); the secret never lives here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// How dsr authenticates (`fotoweb`).
    #[serde(default, skip_serializing_if = "AuthKind::is_default")]
    pub auth: AuthKind,
    /// A file holding the client secret (`fotoweb`), read when a token is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret_file: Option<PathBuf>,
    /// Records read beside the assets (`fotoweb`): user accounts, comments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<RecordKind>,
    /// How long one request to the server (`fotoweb`) may take in all, in seconds, tries
    /// included [default: 300]; `--timeout` and `DSR_TIMEOUT` override it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
    /// Region (ISO 3166-1 alpha-2) in which national phone numbers are read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_region: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub person_fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub email_fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phone_fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub login_fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text_fields: Vec<String>,
    /// Fields that say who is shown in the image, besides 368 (an erasure deletes an asset
    /// that shows the subject alone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shown_fields: Vec<String>,
    /// The dataset file describing the database's tables (`sql`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<PathBuf>,
    /// `COLUMN=VALUE` that every query carries (`sql`: one customer of a multi-tenant
    /// database).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Archives whose assets an erasure deletes rather than scrubs, in the order it deletes
    /// them (`sql`: the tables the dataset deletes rows of, children before parents).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delete_archives: Vec<String>,
    /// Archives under legal hold: nothing in them is erased.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_hold_archives: Vec<String>,
    /// `FIELD=VALUE` pairs: an asset holding the value in the field is under legal hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_hold_values: Vec<String>,
    /// The Ed25519 key (OpenSSH format) that signs this tenant's receipts; the data
    /// directory's key when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<PathBuf>,
    /// Who works on this tenant, for the audit log and receipts, when `--operator` is not
    /// given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// Why personal data of this tenant is read, when `--purpose` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// How long the records of a closed case are kept (`5y`, `18m`, `90d`) before
    /// `dsr case purge` may delete its personal data; no case is purged without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records_retention: Option<String>,
    /// The record of processing this tenant's packages draw on (`ropa/NAME.toml` beside
    /// the configuration), when several tenants share one; its own name when none is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ropa: Option<String>,
    /// The field `dsr restrict` marks a subject's assets in (Art. 18), and the value it
    /// puts there; without a field, restriction is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restriction_field: Option<String>,
    /// [default: restricted]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restriction_value: Option<String>,
}

impl TenantProfile {
    /// Opens the platform the profile names. Here and not in `platform`, so that platforms
    /// know nothing of profiles: each takes its own settings.
    pub fn open_platform(
        &self,
        connection: Connection,
    ) -> Result<Box<dyn Platform>, PlatformError> {
        let profile = self;
        match profile.platform {
            PlatformKind::Dir => match &profile.path {
                Some(path) => Ok(Box::new(DirPlatform::open(path)?)),
                None => Err(PlatformError::Unsupported(
                    "the profile names no folder: add the tenant again with --path DIR",
                )),
            },
            PlatformKind::Fotoweb => Ok(Box::new(
                Fotoweb::open(
                    profile.url.as_deref().ok_or(PlatformError::Unsupported(
                        "the profile names no URL: add the tenant again with --url URL",
                    ))?,
                    profile.auth,
                    profile.client_id.as_deref(),
                    connection,
                )?
                .with_records(&profile.records),
            )),
            PlatformKind::Objects => match &profile.url {
                Some(url) => Ok(Box::new(ObjectsPlatform::open(
                    url,
                    profile.endpoint.as_deref(),
                    connection.timeouts,
                )?)),
                None => Err(PlatformError::Unsupported(
                    "the profile names no store: add the tenant again with --url",
                )),
            },
            PlatformKind::Sql => match (&profile.url, &profile.dataset) {
                (Some(url), Some(dataset)) => Ok(Box::new(SqlPlatform::open(
                    url,
                    dataset,
                    profile.scope.as_deref(),
                    connection.secret.as_ref(),
                    connection.salt_file,
                )?)),
                _ => Err(PlatformError::Unsupported(
                    "the profile names no database or dataset: add the tenant again with --url and --dataset",
                )),
            },
        }
    }

    /// A `dir` tenant at `path`.
    pub fn dir(path: PathBuf) -> TenantProfile {
        TenantProfile {
            platform: PlatformKind::Dir,
            path: Some(path),
            url: None,
            endpoint: None,
            client_id: None,
            auth: AuthKind::default(),
            client_secret_file: None,
            records: Vec::new(),
            timeout: None,
            default_region: None,
            person_fields: Vec::new(),
            email_fields: Vec::new(),
            phone_fields: Vec::new(),
            login_fields: Vec::new(),
            text_fields: Vec::new(),
            shown_fields: Vec::new(),
            dataset: None,
            scope: None,
            delete_archives: Vec::new(),
            legal_hold_archives: Vec::new(),
            legal_hold_values: Vec::new(),
            signing_key: None,
            operator: None,
            purpose: None,
            records_retention: None,
            ropa: None,
            restriction_field: None,
            restriction_value: None,
        }
    }

    /// The legal holds on field values, as `(field, value)` pairs.
    pub fn legal_hold_values(&self) -> Result<Vec<(String, String)>, ConfigError> {
        self.legal_hold_values
            .iter()
            .map(|pair| match pair.split_once('=') {
                Some((field, value)) if !field.trim().is_empty() && !value.trim().is_empty() => {
                    Ok((field.trim().to_owned(), value.trim().to_owned()))
                }
                _ => Err(ConfigError::Profile {
                    tenant: String::new(),
                    problem: format!(
                        "legal hold '{pair}' is not FIELD=VALUE (for example 25=litigation)"
                    ),
                }),
            })
            .collect()
    }

    /// Checks that the profile holds what its platform needs.
    pub fn validate(&self, name: &str) -> Result<(), ConfigError> {
        let problem = |problem: &str| ConfigError::Profile {
            tenant: name.to_owned(),
            problem: problem.to_owned(),
        };
        match self.platform {
            PlatformKind::Dir if self.path.is_none() => {
                return Err(problem("a dir tenant needs --path DIR"));
            }
            PlatformKind::Fotoweb => {
                let url = self
                    .url
                    .as_deref()
                    .ok_or_else(|| problem("a fotoweb tenant needs --url URL"))?;
                check_url(url).map_err(problem)?;
                if self.auth == AuthKind::Oauth
                    && self.client_id.as_deref().is_none_or(str::is_empty)
                {
                    return Err(problem("a fotoweb tenant needs --client-id ID"));
                }
            }
            PlatformKind::Objects => {
                let url = self
                    .url
                    .as_deref()
                    .ok_or_else(|| problem("an objects tenant needs --url URL"))?;
                check_store_url(url).map_err(problem)?;
                if let Some(endpoint) = &self.endpoint {
                    check_url(endpoint).map_err(problem)?;
                }
            }
            PlatformKind::Sql => {
                let url = self
                    .url
                    .as_deref()
                    .ok_or_else(|| problem("a sql tenant needs --url URL"))?;
                crate::platform::sql::check_url(url).map_err(|e| problem(&e))?;
                if self.dataset.is_none() {
                    return Err(problem("a sql tenant needs --dataset FILE"));
                }
                if self
                    .scope
                    .as_deref()
                    .is_some_and(|s| crate::platform::sql::Scope::parse(s).is_none())
                {
                    return Err(problem(
                        "the scope is not COLUMN=VALUE (for example customer_id=42)",
                    ));
                }
            }
            PlatformKind::Dir => {}
        }
        if let Err(ConfigError::Profile { problem: p, .. }) = self.legal_hold_values() {
            return Err(problem(&p));
        }
        for field in self.mapped_fields() {
            if field.is_empty()
                || !field
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(problem(&format!(
                    "'{field}' is not a field id: field ids are numbers such as 368 (or letters, digits, '-', '_')"
                )));
            }
        }
        if let Some(region) = &self.default_region {
            parse_region(region)?;
        }
        if self
            .operator
            .as_deref()
            .is_some_and(|o| o.trim().is_empty())
        {
            return Err(problem("the default operator is empty"));
        }
        if self.purpose.as_deref().is_some_and(|p| p.trim().is_empty()) {
            return Err(problem("the default purpose is empty"));
        }
        if let Some(text) = &self.records_retention {
            Retention::parse(text).map_err(|e| problem(&e.to_string()))?;
        }
        if let Some(record) = &self.ropa {
            check_name(record).map_err(|_| {
                problem("the record of processing's name must be a plain name (letters, digits, '-', '_')")
            })?;
        }
        Ok(())
    }

    fn mapped_fields(&self) -> impl Iterator<Item = &String> {
        self.person_fields
            .iter()
            .chain(&self.email_fields)
            .chain(&self.phone_fields)
            .chain(&self.login_fields)
            .chain(&self.text_fields)
            .chain(&self.shown_fields)
    }

    /// How this tenant's assets are indexed and matched.
    pub fn settings(&self) -> Result<IndexSettings, ConfigError> {
        let region = self
            .default_region
            .as_deref()
            .map(parse_region)
            .transpose()?;
        Ok(IndexSettings {
            roles: FieldRoles::new(
                &self.person_fields,
                &self.email_fields,
                &self.phone_fields,
                &self.login_fields,
                &self.text_fields,
            ),
            region,
        })
    }

    /// Where the tenant lives, for listings.
    pub fn location(&self) -> String {
        match self.platform {
            PlatformKind::Dir => self
                .path
                .as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            PlatformKind::Fotoweb | PlatformKind::Objects | PlatformKind::Sql => {
                self.url.clone().unwrap_or_default()
            }
        }
    }
}

/// A store URL an `objects` tenant can live at: a local folder, an S3 bucket or an Azure
/// container, with no credentials in it.
pub fn check_store_url(url: &str) -> Result<(), &'static str> {
    let Ok(parsed) = url::Url::parse(url) else {
        return Err(
            "not a store URL: give file:///path, s3://bucket/prefix or az://container/prefix",
        );
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err("the URL must not hold credentials: they are read from the environment");
    }
    match parsed.scheme() {
        "file" if parsed.to_file_path().is_ok() => Ok(()),
        // An account that keeps earlier versions or deleted blobs is refused at each erase
        // and rectify (the objects platform probes it), not here: the URL cannot tell.
        "s3" | "az" | "azure" if parsed.host_str().is_some_and(|h| !h.is_empty()) => Ok(()),
        "file" | "s3" | "az" | "azure" => Err("the URL names no folder, bucket or container"),
        _ => Err("the store URL must start with file://, s3:// or az://"),
    }
}

/// All tenant profiles, and the groups of tenants a request can span.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub tenants: BTreeMap<String, TenantProfile>,
    /// Named groups of tenants (`dsr tenant group add`): the systems one controller runs,
    /// so that one request reaches every one of them. Each names tenants of `tenants`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<String, Vec<String>>,
}

/// The tenants a command works on: one, a group, or all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// `--tenant NAME`, or the only tenant when `None`.
    Tenant(Option<String>),
    /// `--group NAME`.
    Group(String),
    /// `--all-tenants`.
    All,
}

impl Config {
    /// Reads the configuration; an absent file is an empty configuration.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_owned(),
            message: e.to_string().trim_end().to_owned(),
        })
    }

    /// Writes the configuration atomically, owner-only.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let write_err = |source| ConfigError::Write {
            path: path.to_owned(),
            source,
        };
        let text = toml::to_string_pretty(self).map_err(|e| write_err(io::Error::other(e)))?;
        let text = format!("# dsr tenant profiles (written by `dsr tenant add`).\n\n{text}");
        fsutil::write_atomic(path, text.as_bytes()).map_err(write_err)
    }

    /// The tenant to work on: the one requested, else the only one configured.
    pub fn select(&self, requested: Option<&str>) -> Result<(&str, &TenantProfile), ConfigError> {
        match requested {
            Some(name) => self
                .tenants
                .get_key_value(name)
                .map(|(n, p)| (n.as_str(), p))
                .ok_or_else(|| ConfigError::Unknown {
                    name: name.to_owned(),
                    known: self.known(),
                }),
            None => {
                let mut all = self.tenants.iter();
                match (all.next(), all.next()) {
                    (None, _) => Err(ConfigError::NoTenant),
                    (Some((n, p)), None) => Ok((n.as_str(), p)),
                    _ => Err(ConfigError::Ambiguous(self.names())),
                }
            }
        }
    }

    /// Adds a tenant, refusing bad names, duplicates and incomplete profiles.
    pub fn add(&mut self, name: &str, profile: TenantProfile) -> Result<(), ConfigError> {
        check_name(name)?;
        if self.tenants.contains_key(name) {
            return Err(ConfigError::Exists(name.to_owned()));
        }
        if self.groups.contains_key(name) {
            return Err(ConfigError::Profile {
                tenant: name.to_owned(),
                problem: "a group has this name: choose another name for the tenant".to_owned(),
            });
        }
        profile.validate(name)?;
        self.tenants.insert(name.to_owned(), profile);
        Ok(())
    }

    /// Replaces a tenant's profile by `change` applied to it, refusing an incomplete result.
    pub fn edit(
        &mut self,
        name: &str,
        change: impl FnOnce(&mut TenantProfile),
    ) -> Result<&TenantProfile, ConfigError> {
        let known = self.known();
        let profile = self
            .tenants
            .get_mut(name)
            .ok_or_else(|| ConfigError::Unknown {
                name: name.to_owned(),
                known,
            })?;
        let mut edited = profile.clone();
        change(&mut edited);
        edited.validate(name)?;
        *profile = edited;
        Ok(profile)
    }

    /// Removes a tenant's profile.
    pub fn remove(&mut self, name: &str) -> Result<TenantProfile, ConfigError> {
        let known = self.known();
        self.tenants
            .remove(name)
            .ok_or_else(|| ConfigError::Unknown {
                name: name.to_owned(),
                known,
            })
    }

    /// The tenants `scope` names, in the group's order (by name for all tenants): each name
    /// with its profile. Fails on an unknown group, an empty configuration, or (for one
    /// tenant) what [`Config::select`] refuses.
    pub fn members(&self, scope: &Scope) -> Result<Vec<(String, TenantProfile)>, ConfigError> {
        let names: Vec<String> = match scope {
            Scope::Tenant(requested) => {
                let (name, profile) = self.select(requested.as_deref())?;
                return Ok(vec![(name.to_owned(), profile.clone())]);
            }
            Scope::Group(group) => self
                .groups
                .get(group)
                .ok_or_else(|| ConfigError::UnknownGroup {
                    name: group.clone(),
                    known: self.known_groups(),
                })?
                .clone(),
            Scope::All if self.tenants.is_empty() => return Err(ConfigError::NoTenant),
            Scope::All => self.tenants.keys().cloned().collect(),
        };
        names
            .into_iter()
            .map(|name| {
                let (name, profile) = self.select(Some(&name))?;
                Ok((name.to_owned(), profile.clone()))
            })
            .collect()
    }

    /// Adds `tenants` to the group `name`, making it when it is new. Every tenant must be
    /// configured; one already in the group stays where it is. Returns the group's members.
    pub fn add_group(&mut self, name: &str, tenants: &[String]) -> Result<&[String], ConfigError> {
        check_name(name)?;
        if self.tenants.contains_key(name) {
            return Err(ConfigError::GroupIsTenant(name.to_owned()));
        }
        for tenant in tenants {
            self.select(Some(tenant))?;
        }
        let members = self.groups.entry(name.to_owned()).or_default();
        for tenant in tenants {
            if !members.contains(tenant) {
                members.push(tenant.clone());
            }
        }
        Ok(members)
    }

    /// Removes `tenants` from the group `name`, or the whole group when `tenants` is empty
    /// or nothing is left in it. Returns the members left (none when the group is gone).
    pub fn remove_group(
        &mut self,
        name: &str,
        tenants: &[String],
    ) -> Result<Vec<String>, ConfigError> {
        let known = self.known_groups();
        let members = self
            .groups
            .get_mut(name)
            .ok_or_else(|| ConfigError::UnknownGroup {
                name: name.to_owned(),
                known,
            })?;
        for tenant in tenants {
            if !members.contains(tenant) {
                return Err(ConfigError::Profile {
                    tenant: tenant.clone(),
                    problem: format!("it is not in group '{name}'"),
                });
            }
        }
        members.retain(|m| !tenants.contains(m));
        let left = if tenants.is_empty() {
            Vec::new()
        } else {
            members.clone()
        };
        if left.is_empty() {
            self.groups.remove(name);
        }
        Ok(left)
    }

    /// Takes a tenant out of every group (it is being removed), dropping groups left
    /// empty; returns the groups it was in.
    pub fn leave_groups(&mut self, tenant: &str) -> Vec<String> {
        let mut left = Vec::new();
        for (group, members) in &mut self.groups {
            if members.iter().any(|m| m == tenant) {
                members.retain(|m| m != tenant);
                left.push(group.clone());
            }
        }
        self.groups.retain(|_, members| !members.is_empty());
        left
    }

    fn known_groups(&self) -> String {
        if self.groups.is_empty() {
            ": none is configured yet (`dsr tenant group add NAME TENANT…`)".to_owned()
        } else {
            let names: Vec<&str> = self.groups.keys().map(String::as_str).collect();
            format!(": known groups are {}", names.join(", "))
        }
    }

    fn names(&self) -> String {
        self.tenants.keys().cloned().collect::<Vec<_>>().join(", ")
    }

    fn known(&self) -> String {
        if self.tenants.is_empty() {
            ": none is configured yet (`dsr tenant add`)".to_owned()
        } else {
            format!(": known tenants are {}", self.names())
        }
    }
}

/// Tenant names become directory names, so they are kept plain.
pub fn check_name(name: &str) -> Result<(), ConfigError> {
    let ok = (1..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric());
    if ok {
        Ok(())
    } else {
        Err(ConfigError::BadName(name.to_owned()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(check_url("https://dam.example.com/fotoweb/").is_ok());
        assert!(check_url("http://127.0.0.1:8787").is_ok());
        assert!(check_url("http://localhost/").is_ok());
        assert!(check_url("http://[::1]:80/").is_ok());
        assert!(check_url("http://dam.example.com").is_err());
        assert!(check_url("ftp://x").is_err());
        assert!(check_url("dam.example.com").is_err());
    }

    #[test]
    fn names() {
        assert!(check_name("acme-prod_1").is_ok());
        for bad in ["", "../x", "a b", "-x", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
