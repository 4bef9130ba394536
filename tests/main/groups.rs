//! One request across every system a controller runs: groups of tenants (`dsr tenant
//! group`), and the commands that work on each tenant of one (`--group`, `--all-tenants`).

use serde_json::{Value, json};

use crate::support::Test;

/// Registers a second `dir` tenant `name` in its own folder of the sandbox, holding `assets`
/// (id → fields), and returns the folder.
fn dir_tenant(t: &Test, name: &str, assets: &[(&str, Value)]) -> std::path::PathBuf {
    let dir = t.path(name);
    for (id, fields) in assets {
        let Value::Object(fields) = fields else {
            panic!("the fields of {id} must be a JSON object");
        };
        let metadata: serde_json::Map<String, Value> = fields
            .iter()
            .map(|(field, value)| (field.clone(), json!({ "value": value })))
            .collect();
        let sidecar = json!({ "modified": "2024-03-02T11:00:00Z", "metadata": metadata });
        let path = dir.join(id);
        std::fs::create_dir_all(path.parent().expect("an archive")).expect("the archive");
        std::fs::write(&path, b"not really an image").expect("the file");
        std::fs::write(dir.join(format!("{id}.json")), sidecar.to_string()).expect("the sidecar");
    }
    std::fs::create_dir_all(&dir).expect("the tenant folder");
    t.dsr(["tenant", "add", name, "--platform", "dir", "--path"])
        .arg(&dir)
        .args(["--default-region", "NO"])
        .run();
    dir
}

#[test]
fn groups_are_kept_in_the_configuration_and_name_only_known_tenants() {
    let t = Test::new();
    dir_tenant(&t, "dam", &[]);
    dir_tenant(&t, "crm", &[]);
    dir_tenant(&t, "files", &[]);

    let added = t
        .dsr(["tenant", "group", "add", "company", "dam", "crm"])
        .run();
    assert_eq!(added.stdout, "", "messages for people belong on stderr");
    assert!(added.stderr.contains("dam, crm"), "{}", added.dump());
    // Adding again extends the group; a tenant already in it stays once.
    t.dsr(["tenant", "group", "add", "company", "crm", "files"])
        .run();
    let listed = t
        .dsr(["tenant", "group", "list", "-o", "json"])
        .run()
        .json();
    assert_eq!(
        listed,
        json!([{ "name": "company", "tenants": ["dam", "crm", "files"] }])
    );
    let config = std::fs::read_to_string(t.config_file()).expect("the configuration");
    assert!(config.contains("[groups]"), "{config}");
    let table = t.dsr(["tenant", "group", "list"]).run().stdout;
    assert!(
        table.contains("company") && table.contains("dam, crm, files"),
        "{table}"
    );

    // An unknown tenant is named, and nothing is written.
    let unknown = t
        .dsr(["tenant", "group", "add", "company", "dam", "billing"])
        .status(2)
        .run();
    assert!(unknown.error().contains("'billing'"), "{}", unknown.dump());
    assert_eq!(
        std::fs::read_to_string(t.config_file()).expect("the configuration"),
        config,
        "a refused change leaves the configuration as it was"
    );
    // A group cannot take a tenant's name, nor a tenant a group's.
    t.dsr(["tenant", "group", "add", "dam", "crm"])
        .status(2)
        .run();
    t.dsr(["tenant", "add", "company", "--platform", "dir", "--path"])
        .arg(t.tenant_dir())
        .status(2)
        .run();

    // A removed tenant leaves its groups.
    t.dsr(["tenant", "remove", "files"]).run();
    let listed = t
        .dsr(["tenant", "group", "list", "-o", "json"])
        .run()
        .json();
    assert_eq!(listed[0]["tenants"], json!(["dam", "crm"]));

    t.dsr(["tenant", "group", "remove", "company", "crm"]).run();
    let listed = t
        .dsr(["tenant", "group", "list", "-o", "json"])
        .run()
        .json();
    assert_eq!(listed[0]["tenants"], json!(["dam"]));
    let gone = t
        .dsr(["tenant", "group", "remove", "company", "crm"])
        .status(2)
        .run();
    assert!(gone.error().contains("crm"), "{}", gone.dump());
    t.dsr(["tenant", "group", "remove", "company"]).run();
    assert_eq!(
        t.dsr(["tenant", "group", "list", "-o", "json"])
            .run()
            .json(),
        json!([])
    );
    let missing = t
        .dsr(["tenant", "group", "remove", "company"])
        .status(2)
        .run();
    assert!(
        missing.error().contains("no group is named 'company'"),
        "{}",
        missing.dump()
    );
}

#[test]
fn group_tenant_and_all_tenants_exclude_each_other() {
    let t = Test::new();
    dir_tenant(&t, "dam", &[]);
    t.dsr(["tenant", "group", "add", "company", "dam"]).run();
    for args in [
        &["locate", "--tenant", "dam", "--group", "company", "jdoe"][..],
        &["locate", "--tenant", "dam", "--all-tenants", "jdoe"],
        &["locate", "--group", "company", "--all-tenants", "jdoe"],
    ] {
        let refused = t.dsr(args).status(2).run();
        assert!(
            refused.stderr.contains("cannot be used with"),
            "{args:?}\n{}",
            refused.dump()
        );
    }
    // A command that works on one tenant refuses a group rather than pick one of it.
    let one = t.dsr(["sync", "--group", "company"]).status(2).run();
    assert!(one.error().contains("--tenant NAME"), "{}", one.dump());
}
