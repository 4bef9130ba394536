//! Where dsr writes what it hands out (`--out`, `--config`): modes are set only on what dsr
//! creates, never on a folder that was there before; a failed write leaves nothing behind;
//! a symbolic link at `--out` is refused, never written through.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::access::{open, tenant};
use crate::support::Test;

/// Mode bits of a path with the sticky, setuid and setgid bits, without the file type.
fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o7777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

#[test]
fn a_shared_folder_given_as_outs_parent_keeps_its_mode() {
    let t = tenant();
    let shared = t.path("shared");
    std::fs::create_dir(&shared).expect("the shared folder");
    chmod(&shared, 0o1777);
    let access = open(&t, "access");
    let portability = open(&t, "portability");

    t.dsr(["access", &access, "--out"])
        .arg(shared.join("jane.zip"))
        .run();
    t.dsr(["access", &access, "--out"])
        .arg(shared.join("jane-folder"))
        .run();
    t.dsr(["portability", &portability, "--out"])
        .arg(shared.join("jane-portable.zip"))
        .run();

    assert_eq!(mode(&shared), 0o1777, "the shared folder was left alone");
    assert_eq!(mode(&shared.join("jane.zip")), 0o600);
    assert_eq!(mode(&shared.join("jane-folder")), 0o700);
    assert_eq!(mode(&shared.join("jane-folder/data.json")), 0o600);
    assert_eq!(mode(&shared.join("jane-portable.zip")), 0o600);
}

#[test]
fn folders_dsr_makes_for_out_are_owner_only_and_the_rest_is_left_alone() {
    let t = tenant();
    let existing = t.path("exports");
    std::fs::create_dir(&existing).expect("an existing folder");
    chmod(&existing, 0o755);
    let id = open(&t, "access");
    let out = existing.join("2026/jane/access.zip");

    t.dsr(["access", &id, "--out"]).arg(&out).run();

    assert_eq!(mode(&existing), 0o755, "an existing parent keeps its mode");
    assert_eq!(mode(&existing.join("2026")), 0o700, "made by dsr");
    assert_eq!(mode(&existing.join("2026/jane")), 0o700, "made by dsr");
    assert_eq!(mode(&out), 0o600);
}

#[test]
fn a_config_in_the_current_folder_leaves_the_folder_alone() {
    let t = Test::new();
    t.asset("Staff/a.jpg", serde_json::json!({"80": ["Jane Doe"]}));
    let work = t.path("work");
    std::fs::create_dir(&work).expect("the working folder");
    chmod(&work, 0o755);

    let status = t
        .dsr(["--config", "./dsr.toml", "tenant", "add", "acme"])
        .args(["--platform", "dir", "--path"])
        .arg(t.tenant_dir())
        .command()
        .current_dir(&work)
        .status()
        .expect("dsr runs");

    assert!(status.success());
    assert_eq!(mode(&work.join("dsr.toml")), 0o600);
    assert_eq!(mode(&work), 0o755, "the current folder was left alone");
}

/// Everything in `dir` whose name starts with `.dsr-`: what a failed write left behind.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("the folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".dsr-"))
        .collect()
}

#[test]
fn out_as_a_symbolic_link_is_refused_and_leaves_nothing_behind() {
    let t = tenant();
    let access = open(&t, "access");
    let portability = open(&t, "portability");
    let place = t.path("place");
    std::fs::create_dir(&place).expect("the output folder");
    let elsewhere = t.path("elsewhere");
    std::fs::create_dir(&elsewhere).expect("the link's folder");

    let cases = [
        ("access", &access, "folder", "jane-folder"),
        ("access", &access, "zip", "jane.zip"),
        ("portability", &portability, "zip", "jane-portable.zip"),
    ];
    for (command, id, kind, name) in cases {
        for dangling in [true, false] {
            let link = place.join(name);
            let target = elsewhere.join(name);
            if !dangling && kind == "folder" {
                std::fs::create_dir(&target).expect("the link's target folder");
            } else if !dangling {
                std::fs::write(&target, b"someone else's file").expect("the link's target");
            }
            std::os::unix::fs::symlink(&target, &link).expect("the link");

            let out = t.dsr([command, id, "--out"]).arg(&link).status(2).run();

            let what = format!("{command} to a {kind} (dangling: {dangling})");
            assert!(
                out.error().contains("symbolic link"),
                "{what}: the error names the link\n{}",
                out.dump()
            );
            assert_eq!(leftovers(&place), Vec::<String>::new(), "{what}");
            assert!(
                std::fs::symlink_metadata(&link)
                    .expect("the link")
                    .file_type()
                    .is_symlink(),
                "{what}: the link itself is left as it was"
            );
            if dangling {
                assert!(!target.exists(), "{what}: nothing was written through");
            } else if kind == "folder" {
                assert_eq!(Test::entries(&target).len(), 0, "{what}");
            } else {
                assert_eq!(
                    std::fs::read(&target).expect("the target"),
                    b"someone else's file",
                    "{what}: nothing was written through"
                );
            }
            std::fs::remove_file(&link).expect("the link removed");
            let _ = std::fs::remove_dir(&target);
            let _ = std::fs::remove_file(&target);
        }
    }
}
