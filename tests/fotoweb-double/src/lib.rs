//! A local test double of the FotoWeb REST API.
//!
//! It serves the assets of a dsr `dir` tenant folder (`<tenant>/<archive>/<path>` files, each
//! beside a `<file>.json` sidecar) through the surface of FotoWeb that dsr uses: OAuth2 client
//! credentials, the API descriptor, archive and asset lists with paging, ordering and search,
//! asset GET and metadata PATCH, the metadata view, deletion through background tasks and
//! downloads through the rendition service; user accounts (`/fotoweb/api/users`) and
//! comments on assets (`<asset>.annotations/`); albums and their shares; orders. Seeded chaos (latency, 5xx, 429, dropped
//! connections) exercises a client's retries.
//!
//! It shares no code with dsr on purpose: a bug in dsr's reading of the format must not be
//! cancelled out by the same bug here.
//!
//! Tests use [`Double::spawn`]; the binary uses [`Double::serve`].

pub mod accounts;
pub mod albums;
mod auth;
mod chaos;
mod double;
mod fields;
mod http;
mod options;
pub mod orders;
mod patch;
mod repr;
mod routes;
mod search;
mod server;
mod shared;
mod state;
mod tasks;
mod tenant;
mod timefmt;

pub use double::{AssetState, Double, RequestRecord};
pub use options::{ALL_PERMISSIONS, Options};
