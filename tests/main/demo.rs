//! `dsr demo`: it finds the sample tenant's subject and touches nothing outside its
//! temporary folders.

use crate::support::Test;

#[test]
fn the_demo_finds_jane_doe_and_leaves_nothing_behind() {
    let t = Test::new();
    let out = t.dsr(["demo"]).run();
    // Jane Doe's assets, as examples/sample-tenant/README.md lists them.
    for asset in [
        "Staff/board-meeting-020.png",
        "Staff/staff-portrait-doe-036.png",
        "Events/conference-keynote-007.png",
        "Events/award-night-047.png",
        "Press/press-kit-008.png",
        "Press/media-contact-026.png",
        "Press/radio-interview-031.png",
        "Marketing/product-brochure-001.png",
        "Marketing/spring-campaign-004.png",
    ] {
        assert!(
            out.stdout.contains(asset),
            "{asset} not shown\n{}",
            out.dump()
        );
    }
    // Look-alikes only: Jane Smith and John Doe, jane.doe@example.com.au, Jane Doerr.
    for asset in [
        "Press/quarterly-results-053.png",
        "Press/sydney-visit-014.png",
        "Press/op-ed-portrait-042.png",
        "Staff/it-helpdesk-042.png",
    ] {
        assert!(!out.stdout.contains(asset), "{asset} shown\n{}", out.dump());
    }
    assert!(out.stdout.contains("dsr sync"), "it says what to run next");
    assert!(
        out.stdout.contains("chained and signed"),
        "the demo verifies its receipts\n{}",
        out.dump()
    );
    assert!(
        out.stdout.contains("Good \"dsr-receipt\" signature"),
        "stock ssh-keygen accepts them\n{}",
        out.dump()
    );
    // The leaver's records beside the assets: found, and each handled as the policy says.
    for record in [
        "users/15001",
        "Staff/board-meeting-020.png/comments/1",
        "Staff/board-meeting-020.png/comments/2",
        "albums/501/shares/1",
        "orders/7001",
        "Staff/staff-portrait-doe-036.png/consent",
    ] {
        assert!(
            out.stdout.contains(record),
            "{record} not shown\n{}",
            out.dump()
        );
    }
    let handled = |action: &str, record: &str| {
        out.stdout
            .lines()
            .any(|l| l.trim_start().starts_with(action) && l.contains(&format!(" {record} ")))
    };
    for (action, record) in [
        ("delete", "users/15001"),
        ("delete", "Staff/board-meeting-020.png/comments/1"),
        ("scrub", "Staff/board-meeting-020.png/comments/2"),
        ("delete", "albums/501/shares/1"),
        ("withheld", "orders/7001"),
    ] {
        assert!(
            handled(action, record),
            "{record}: not {action}\n{}",
            out.dump()
        );
    }
    // The request across both systems: the sample database found, erased and proved. Her
    // order is kept under the bookkeeping hold: the summary, the receipts and a fresh
    // locate all say so, and nothing claims she is gone from the sample tenant.
    for said in [
        "quotes  high        contacts/1",
        "quotes: done",
        "sample: withheld",
        "a locate now finds the subject in 1 asset(s) (1 of them withheld)",
        "sample  high        orders/7001",
        "sample: 1 asset(s) hold this person",
        "quotes: No asset holds this person.",
        "2 system receipt(s) checked: sample withheld, quotes done",
    ] {
        assert!(out.stdout.contains(said), "{said}\n{}", out.dump());
    }
    assert!(
        !out.stdout.contains("sample: No asset holds this person."),
        "her order is still there\n{}",
        out.dump()
    );

    for dir in [
        t.home(),
        t.config_home(),
        t.data_home(),
        t.cache_home(),
        t.tmp(),
    ] {
        assert_eq!(
            Test::entries(&dir),
            Vec::<std::path::PathBuf>::new(),
            "the demo left files in {}",
            dir.display()
        );
    }
    assert!(!t.path("xdg-state").exists());
}
