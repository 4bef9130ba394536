//! dsr's integration tests: one test binary (one link, one harness) whose modules each
//! cover one area, all driving the real `dsr` executable. `support` holds the sandbox the
//! tests run it in.

#[path = "main/access.rs"]
mod access;
#[path = "main/accounts.rs"]
mod accounts;
#[path = "main/agreement.rs"]
mod agreement;
#[path = "main/albums.rs"]
mod albums;
#[path = "main/anchors.rs"]
mod anchors;
#[path = "main/audit.rs"]
mod audit;
#[path = "main/azurite.rs"]
mod azurite;
#[path = "main/batch.rs"]
mod batch;
#[path = "main/browser.rs"]
mod browser;
#[path = "main/bulk.rs"]
mod bulk;
#[path = "main/case.rs"]
mod case;
#[path = "main/claims.rs"]
mod claims;
#[path = "main/consents.rs"]
mod consents;
#[path = "main/dbserver.rs"]
mod dbserver;
#[path = "main/demo.rs"]
mod demo;
#[path = "main/dir_records.rs"]
mod dir_records;
#[path = "main/disguised.rs"]
mod disguised;
#[path = "main/documented.rs"]
mod documented;
#[path = "main/erase.rs"]
mod erase;
#[path = "main/examples.rs"]
mod examples;
#[path = "fotoweb/mod.rs"]
mod fotoweb;
#[path = "main/fuzz.rs"]
mod fuzz;
#[path = "main/generated.rs"]
mod generated;
#[path = "main/golden.rs"]
mod golden;
#[path = "main/groups.rs"]
mod groups;
#[path = "main/include.rs"]
mod include;
#[path = "main/links.rs"]
mod links;
#[path = "main/locate.rs"]
mod locate;
#[path = "main/names.rs"]
mod names;
#[path = "main/objects.rs"]
mod objects;
#[path = "main/orders.rs"]
mod orders;
#[path = "main/output.rs"]
mod output;
#[path = "main/outputs.rs"]
mod outputs;
#[path = "main/receipt.rs"]
mod receipt;
#[path = "main/rectify.rs"]
mod rectify;
/// An HTTP relay between dsr and a test server, shared with the benchmarks.
#[path = "main/relay.rs"]
mod relay;
#[path = "main/restrict.rs"]
mod restrict;
#[path = "main/rowfiles.rs"]
mod rowfiles;
#[path = "main/s3server.rs"]
mod s3server;
#[path = "main/sql.rs"]
mod sql;
#[path = "main/sql_masks.rs"]
mod sql_masks;
#[path = "main/sql_samples.rs"]
mod sql_samples;
/// A client of an object store, shared by the S3 and Azure test servers.
#[path = "main/storeclient.rs"]
mod storeclient;
#[path = "main/support.rs"]
mod support;
#[path = "main/surface.rs"]
mod surface;
#[path = "main/sync.rs"]
mod sync;
#[path = "main/tenant.rs"]
mod tenant;
#[path = "main/tenants.rs"]
mod tenants;
#[path = "main/thirdparty.rs"]
mod thirdparty;
#[path = "main/tombstones.rs"]
mod tombstones;
