//! FotoWeb albums and their shares (`--records albums,shares`): the album the leaver owns
//! and the album shared with her e-mail address are found, handed over in the access
//! package, and erased (her album handed to another owner or deleted, the share removed)
//! through the same plan, journal, read-back and receipt as assets.

use std::collections::BTreeMap;
use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::Test;
use crate::support::{found, pairs, per_record};
use crate::tenants::{JANE, Kind, Tenant};

/// Her album ("Intranet picks", shared with Ola).
const HER_ALBUM: &str = "albums/501";
/// Ola's album, shared with her: the share is hers, the album is not.
const SHARE_TO_HER: &str = "albums/502/shares/1";

/// The group photo with the sample users and albums, albums and shares read beside it.
fn tenant(configure: impl FnOnce(&mut fotoweb_double::Options)) -> Tenant {
    let t = Test::new();
    t.asset(
        "Staff/shared.png",
        json!({"368": ["Ola Nordmann"], "5": "Board meeting"}),
    );
    Tenant::new(
        t,
        Kind::Fotoweb,
        &["--records", "albums,shares"],
        |options| {
            options.users = fotoweb_double::accounts::sample().0;
            options.albums = fotoweb_double::albums::sample();
            configure(options);
        },
    )
}

/// Requests that changed something and succeeded, per path.
fn changes(tenant: &Tenant) -> BTreeMap<String, usize> {
    let mut changes = BTreeMap::new();
    for r in tenant
        .double()
        .requests()
        .iter()
        .filter(|r| ["PUT", "PATCH", "DELETE"].contains(&r.method.as_str()) && r.status < 300)
    {
        *changes.entry(r.path.clone()).or_default() += 1;
    }
    changes
}

#[test]
fn locate_finds_the_album_she_owns_and_the_share_to_her_e_mail() {
    let tenant = tenant(|_| {});
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    let found = found(&hits);
    assert_eq!(
        found.get(HER_ALBUM).map(String::as_str),
        Some("high"),
        "{hits:#?}"
    );
    assert_eq!(
        found.get(SHARE_TO_HER).map(String::as_str),
        Some("high"),
        "{hits:#?}"
    );
    for other in [
        "albums/502",
        "albums/503",
        "albums/502/shares/2",
        "albums/501/shares/1",
    ] {
        assert!(!found.contains_key(other), "{other}: {hits:#?}");
    }
}

#[test]
fn the_access_package_shows_albums_she_owns_or_that_were_shared_with_her() {
    let tenant = tenant(|_| {});
    tenant.t.fill_ropa("acme");
    let case = tenant.open_case("access", JANE);
    let out = tenant.t.path("package");
    tenant.dsr(["access", &case, "--out"]).arg(&out).run();
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    let section = html
        .find("<h2>Albums you own or that were shared with you</h2>")
        .expect("a section for her albums");
    assert!(html[section..].contains("Intranet picks"), "{html}");
    assert!(html[section..].contains("jane.doe@example.com"), "{html}");
    assert!(!html.contains("kari.nordmann@example.com"), "{html}");
}

#[test]
fn erasure_deletes_her_album_by_default_and_removes_the_share_to_her() {
    let tenant = tenant(|_| {});
    let case = tenant.open_case("erasure", JANE);
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .run()
        .json();
    let planned = per_record(&done["plan"]["steps"], "action");
    assert_eq!(
        planned,
        pairs(&[(HER_ALBUM, "delete"), (SHARE_TO_HER, "delete")]),
        "{done:#}"
    );
    let reasons = per_record(&done["plan"]["steps"], "reason");
    assert!(reasons[HER_ALBUM].contains("--transfer-to"), "{done:#}");
    let outcomes = per_record(&done["report"]["steps"], "outcome");
    assert!(outcomes.values().all(|o| o == "verified"), "{done:#}");

    let double = tenant.double();
    assert_eq!(double.album(501), None, "her album is deleted");
    assert_eq!(
        double.album(502),
        Some((
            15011,
            "Board photos".to_owned(),
            vec!["kari.nordmann@example.com".to_owned()]
        )),
        "Ola's album stays, shared with Kari only"
    );
    assert!(double.album(503).is_some());

    let receipt = tenant.t.latest_receipt(&case);
    assert_eq!(
        per_record(&receipt["assets"], "outcome"),
        pairs(&[(HER_ALBUM, "deleted"), (SHARE_TO_HER, "deleted")]),
        "{receipt:#}"
    );
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    assert_eq!(hits, Vec::<Value>::new(), "locate finds her nowhere");
}

#[test]
fn erasure_hands_her_album_to_the_owner_transfer_to_names() {
    let tenant = tenant(|_| {});
    let case = tenant.open_case("erasure", JANE);
    let done = tenant
        .dsr([
            "erase",
            &case,
            "--yes",
            "-o",
            "json",
            "--transfer-to",
            "onordmann",
        ])
        .run()
        .json();
    let planned = per_record(&done["plan"]["steps"], "action");
    assert_eq!(planned[HER_ALBUM], "scrub", "{done:#}");
    let outcomes = per_record(&done["report"]["steps"], "outcome");
    assert!(outcomes.values().all(|o| o == "verified"), "{done:#}");

    let double = tenant.double();
    let (owner, name, shares) = double.album(501).expect("the album stays");
    assert_eq!(owner, 15011, "Ola owns it now");
    assert_eq!(name, "Intranet picks");
    assert_eq!(shares, vec!["ola.nordmann@example.com".to_owned()]);

    let receipt = tenant.t.latest_receipt(&case);
    let evidence = per_record(&receipt["assets"], "evidence");
    assert!(
        evidence[HER_ALBUM].contains("now belongs to the account --transfer-to names"),
        "{receipt:#}"
    );
    assert!(
        !serde_json::to_string(&receipt)
            .expect("JSON")
            .contains("onordmann"),
        "the receipt holds no login"
    );
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    assert_eq!(hits, Vec::<Value>::new(), "locate finds her nowhere");
}

#[test]
fn transfer_to_a_login_the_tenant_does_not_have_is_refused_before_anything_changes() {
    let tenant = tenant(|_| {});
    let case = tenant.open_case("erasure", JANE);
    let out = tenant
        .dsr(["erase", &case, "--yes", "--transfer-to", "nobody"])
        .any_status()
        .run();
    assert_ne!(out.status, 0, "{}", out.dump());
    assert_ne!(
        out.status,
        3,
        "a refusal, not a partial erasure: {}",
        out.dump()
    );
    assert!(
        out.stderr
            .contains("--transfer-to names a login this tenant has no account for"),
        "{}",
        out.dump()
    );
    assert_eq!(changes(&tenant), BTreeMap::new(), "nothing changed");
    assert!(tenant.double().album(501).is_some());

    // Nor may her albums be handed to herself.
    let out = tenant
        .dsr(["erase", &case, "--yes", "--transfer-to", "jdoe"])
        .any_status()
        .run();
    assert!(
        out.stderr
            .contains("--transfer-to names the subject's own login"),
        "{}",
        out.dump()
    );
    assert_eq!(changes(&tenant), BTreeMap::new(), "nothing changed");
}

#[test]
fn a_refused_album_change_is_not_erased_in_the_summary_or_the_receipt() {
    let tenant = tenant(|_| {});
    let case = tenant.open_case("erasure", JANE);
    tenant.double().set_manage_albums(false);
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(3)
        .run()
        .json();
    let outcomes = per_record(&done["report"]["steps"], "outcome");
    assert_eq!(
        outcomes,
        pairs(&[(HER_ALBUM, "failed"), (SHARE_TO_HER, "failed")]),
        "{done:#}"
    );
    let receipt = tenant.t.latest_receipt(&case);
    assert_eq!(
        per_record(&receipt["assets"], "outcome"),
        pairs(&[(HER_ALBUM, "failed"), (SHARE_TO_HER, "failed")]),
        "{receipt:#}"
    );
    let left: Vec<String> = found(&tenant.dsr(["locate"]).args(JANE).hits())
        .into_keys()
        .collect();
    assert_eq!(left, vec![HER_ALBUM.to_owned(), SHARE_TO_HER.to_owned()]);
    assert!(tenant.double().album(501).is_some());
}

#[test]
fn a_killed_erasure_of_her_albums_resumes_without_changing_one_twice() {
    let t = Test::new();
    t.asset("Staff/notes.png", json!({"5": "Planning board"}));
    let albums = 40;
    let tenant = Tenant::new(
        t,
        Kind::Fotoweb,
        &["--records", "albums,shares"],
        |options| {
            options.latency_ms = 20;
            options.users = fotoweb_double::accounts::sample().0;
            options.albums = (1..=albums)
                .map(|id| fotoweb_double::albums::SeedAlbum {
                    id,
                    owner: 15010,
                    name: format!("Album {id}"),
                    description: String::new(),
                    assets: vec!["Staff/notes.png".to_owned()],
                    shares: Vec::new(),
                })
                .collect();
        },
    );
    let case = tenant.open_case("erasure", JANE);
    let journal = tenant.case_dir(&case).join("erase-journal.jsonl");
    let mut child = tenant
        .dsr(["erase", &case, "--yes", "--transfer-to", "knordmann"])
        .command()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dsr starts");
    loop {
        let states = crate::erase::journal_states(&journal);
        let done = states.values().filter(|e| *e == "done").count();
        if done >= 5 && states.values().any(|e| e == "intent") {
            break;
        }
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            panic!("the erasure ended ({status}) before it could be killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("the killed child is reaped");

    let resumed = tenant
        .dsr(["erase", &case, "--resume", "--yes", "-o", "json"])
        .run()
        .json();
    let outcomes = per_record(&resumed["report"]["steps"], "outcome");
    assert_eq!(outcomes.len(), albums as usize, "{resumed:#}");
    assert!(outcomes.values().all(|o| o == "verified"), "{resumed:#}");

    // Each album was handed over once; a transfer moves its address, so count by album.
    let mut per_album: BTreeMap<String, usize> = BTreeMap::new();
    for (path, n) in changes(&tenant) {
        let album = path
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default();
        *per_album.entry(album.to_owned()).or_default() += n;
    }
    assert_eq!(per_album.len(), albums as usize, "{per_album:#?}");
    assert!(per_album.values().all(|n| *n == 1), "{per_album:#?}");
    for id in 1..=albums {
        assert_eq!(tenant.double().album(id).map(|a| a.0), Some(15012));
    }
    let receipt = tenant.t.latest_receipt(&case);
    assert_eq!(
        receipt["assets"].as_array().map(Vec::len),
        Some(albums as usize),
        "{receipt:#}"
    );
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    assert_eq!(hits, Vec::<Value>::new(), "locate finds her nowhere");
}

/// Her account is what her albums are found by (its login names their owner): it is
/// deleted only once everything else of hers is. With her album's change refused, the
/// account stays, so that after the next sync a fresh locate still finds the album —
/// never a clean answer over an album left behind — and --resume finishes both.
#[test]
fn her_account_goes_only_after_her_albums_so_a_sync_still_finds_what_failed() {
    let t = Test::new();
    t.asset(
        "Staff/shared.png",
        json!({"368": ["Ola Nordmann"], "5": "Board meeting"}),
    );
    let tenant = Tenant::new(
        t,
        Kind::Fotoweb,
        &["--records", "users,albums,shares"],
        |options| {
            options.users = fotoweb_double::accounts::sample().0;
            options.albums = fotoweb_double::albums::sample();
        },
    );
    let case = tenant.open_case("erasure", JANE);
    tenant.double().set_manage_albums(false);
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(3)
        .run()
        .json();
    let outcomes = per_record(&done["report"]["steps"], "outcome");
    assert_eq!(
        outcomes.get(HER_ALBUM).map(String::as_str),
        Some("failed"),
        "{done:#}"
    );
    assert_eq!(
        outcomes.get("users/15010").map(String::as_str),
        Some("failed"),
        "her account waits for the rest: {done:#}"
    );
    assert!(tenant.double().user(15010).is_some(), "her account is kept");
    tenant.dsr(["sync"]).run();
    let left = found(&tenant.dsr(["locate"]).args(JANE).hits());
    assert!(left.contains_key(HER_ALBUM), "{left:?}");
    assert!(left.contains_key("users/15010"), "{left:?}");

    tenant.double().set_manage_albums(true);
    tenant
        .dsr(["erase", &case, "--resume", "--yes", "-o", "json"])
        .run();
    assert!(
        tenant.double().user(15010).is_none(),
        "deleted once the rest was"
    );
    assert!(tenant.double().album(501).is_none());
    tenant.dsr(["sync"]).run();
    assert_eq!(
        found(&tenant.dsr(["locate"]).args(JANE).hits()),
        BTreeMap::new()
    );
}

/// The album list is read a few times for the run, not once per read of an album: each album is
/// read at its own address, and the list again only when an address no longer answers
/// (an album handed to another owner moves).
#[test]
fn an_erasure_of_many_albums_lists_the_albums_a_few_times_not_once_per_read() {
    let t = Test::new();
    t.asset("Staff/notes.png", json!({"5": "Planning board"}));
    let albums = 30;
    let tenant = Tenant::new(
        t,
        Kind::Fotoweb,
        &["--records", "albums,shares"],
        |options| {
            options.users = fotoweb_double::accounts::sample().0;
            options.albums = (1..=albums)
                .map(|id| fotoweb_double::albums::SeedAlbum {
                    id,
                    owner: 15010,
                    name: format!("Album {id}"),
                    description: String::new(),
                    assets: vec!["Staff/notes.png".to_owned()],
                    shares: vec![(1, "ola.nordmann@example.com".to_owned())],
                })
                .collect();
        },
    );
    let case = tenant.open_case("erasure", JANE);
    let listings = |tenant: &Tenant| {
        tenant
            .double()
            .requests()
            .iter()
            .filter(|r| r.method == "GET" && r.path == "/fotoweb/me/albums/")
            .count()
    };
    let before = listings(&tenant);
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .run()
        .json();
    let outcomes = per_record(&done["report"]["steps"], "outcome");
    assert_eq!(outcomes.len(), albums as usize, "{done:#}");
    assert!(outcomes.values().all(|o| o == "verified"), "{done:#}");
    let listed = listings(&tenant) - before;
    // A few: each command reads it once, and threads that find it stale at the same
    // moment each read it (before, some four times per album).
    assert!(
        listed <= 10,
        "the album list was read {listed} times for {albums} albums"
    );
    for id in 1..=albums {
        assert!(tenant.double().album(id).is_none());
    }

    // Handed over, each album moves to its new owner's address: still a few listings.
    let tenant = Tenant::new(
        {
            let t = Test::new();
            t.asset("Staff/notes.png", json!({"5": "Planning board"}));
            t
        },
        Kind::Fotoweb,
        &["--records", "albums,shares"],
        |options| {
            options.users = fotoweb_double::accounts::sample().0;
            options.albums = (1..=albums)
                .map(|id| fotoweb_double::albums::SeedAlbum {
                    id,
                    owner: 15010,
                    name: format!("Album {id}"),
                    description: String::new(),
                    assets: vec!["Staff/notes.png".to_owned()],
                    shares: Vec::new(),
                })
                .collect();
        },
    );
    let case = tenant.open_case("erasure", JANE);
    let before = listings(&tenant);
    let done = tenant
        .dsr([
            "erase",
            &case,
            "--yes",
            "-o",
            "json",
            "--transfer-to",
            "knordmann",
        ])
        .run()
        .json();
    let outcomes = per_record(&done["report"]["steps"], "outcome");
    assert!(outcomes.values().all(|o| o == "verified"), "{done:#}");
    let listed = listings(&tenant) - before;
    // A few: each command reads it once, and threads that find it stale at the same
    // moment each read it (before, some four times per album).
    assert!(
        listed <= 10,
        "the album list was read {listed} times for {albums} albums"
    );
    for id in 1..=albums {
        assert_eq!(tenant.double().album(id).map(|a| a.0), Some(15012));
    }
}
