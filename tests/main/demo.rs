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
    assert!(
        out.stdout.contains("No asset holds this person."),
        "the erasure is verified"
    );
    // The request across both systems: the sample database found, erased and proved.
    for said in [
        "quotes  high        contacts/1",
        "quotes: done",
        "sample: done",
        "quotes: No asset holds this person.",
        "2 system receipt(s) checked: sample done, quotes done",
    ] {
        assert!(out.stdout.contains(said), "{said}\n{}", out.dump());
    }

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
