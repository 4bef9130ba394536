//! FotoWeb orders (`--records orders`): the orders the leaver placed are found by her
//! login and e-mail, handed over in the access package, and kept by an erasure under the
//! bookkeeping legal hold — withheld in the plan, the run and the receipt, and still found
//! by a fresh locate, which agrees with the receipt.

use std::collections::BTreeMap;
use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::Test;
use crate::support::{found, pairs, per_record};
use crate::tenants::{JANE, Kind, Tenant};

/// Her settled order: FotoWeb no longer lets it change.
const SETTLED: &str = "orders/7001";
/// Her pending order.
const PENDING: &str = "orders/7002";
/// Ola's order.
const OLAS: &str = "orders/7003";

/// The group photo with the sample orders, orders read beside it.
fn tenant(configure: impl FnOnce(&mut fotoweb_double::Options)) -> Tenant {
    let t = Test::new();
    t.asset(
        "Staff/shared.png",
        json!({"368": ["Ola Nordmann"], "5": "Board meeting"}),
    );
    Tenant::new(t, Kind::Fotoweb, &["--records", "orders"], |options| {
        options.orders = fotoweb_double::orders::sample();
        configure(options);
    })
}

/// Requests under the order history that changed or would change something.
fn order_changes(tenant: &Tenant) -> Vec<String> {
    tenant
        .double()
        .requests()
        .iter()
        .filter(|r| r.method != "GET" && r.path.starts_with("/fotoweb/orders/"))
        .map(|r| format!("{} {} {}", r.method, r.path, r.status))
        .collect()
}

#[test]
fn locate_finds_the_orders_she_placed() {
    let tenant = tenant(|_| {});
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    let found = found(&hits);
    assert_eq!(
        found.get(SETTLED).map(String::as_str),
        Some("high"),
        "{hits:#?}"
    );
    assert_eq!(
        found.get(PENDING).map(String::as_str),
        Some("high"),
        "{hits:#?}"
    );
    assert!(!found.contains_key(OLAS), "{hits:#?}");
    // By her e-mail alone too.
    let hits = tenant
        .dsr(["locate", "--email", "JANE.DOE@example.com"])
        .hits();
    assert!(found.contains_key(SETTLED), "{hits:#?}");
}

#[test]
fn the_access_package_shows_her_orders() {
    let tenant = tenant(|_| {});
    tenant.t.fill_ropa("acme");
    let case = tenant.open_case("access", JANE);
    let out = tenant.t.path("package");
    tenant.dsr(["access", &case, "--out"]).arg(&out).run();
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    let section = html
        .find("<h2>Your orders</h2>")
        .expect("a section for her orders");
    let rest = &html[section..];
    assert!(rest.contains("ORD-7001"), "{html}");
    assert!(rest.contains("ORD-7002"), "{html}");
    assert!(rest.contains("Print for the farewell card"), "{html}");
    assert!(!html.contains("ORD-7003"), "{html}");
    assert!(!html.contains("ola.nordmann@example.com"), "{html}");
}

#[test]
fn erasure_withholds_her_orders_under_the_bookkeeping_hold_and_locate_agrees() {
    let tenant = tenant(|_| {});
    let case = tenant.open_case("erasure", JANE);
    // 4: done but for what a legal hold kept back.
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(4)
        .run()
        .json();
    let planned = per_record(&done["plan"]["steps"], "action");
    assert_eq!(
        planned,
        pairs(&[(SETTLED, "withheld"), (PENDING, "withheld")]),
        "{done:#}"
    );
    let reasons = per_record(&done["plan"]["steps"], "reason");
    assert!(reasons[SETTLED].contains("bookkeeping"), "{done:#}");
    let outcomes = per_record(&done["report"]["steps"], "outcome");
    assert_eq!(
        outcomes,
        pairs(&[(SETTLED, "withheld"), (PENDING, "withheld")]),
        "{done:#}"
    );
    let changes = order_changes(&tenant);
    assert!(
        changes.iter().all(|c| c.starts_with("PATCH")),
        "no order deleted: {changes:?}"
    );
    let kept = tenant.double().order(7001).expect("her order is kept");
    assert_eq!(kept["owner"]["address"]["email"], "jane.doe@example.com");

    let receipt = tenant.t.latest_receipt(&case);
    let said = per_record(&receipt["assets"], "outcome");
    assert_eq!(
        said,
        pairs(&[(SETTLED, "withheld"), (PENDING, "withheld")]),
        "{receipt:#}"
    );
    assert!(
        per_record(&receipt["assets"], "evidence")[SETTLED].contains("bookkeeping"),
        "the receipt names the legal reason: {receipt:#}"
    );

    // A fresh sync and locate still find both orders, as the receipt says.
    tenant.dsr(["sync"]).run();
    let left: Vec<String> = found(&tenant.dsr(["locate"]).args(JANE).hits())
        .into_keys()
        .collect();
    assert_eq!(left, vec![SETTLED.to_owned(), PENDING.to_owned()]);
}

#[test]
fn orders_the_credentials_may_not_read_leave_the_sync_partial() {
    let tenant = tenant(|_| {});
    tenant.double().set_read_orders(false);
    let out = tenant.dsr(["sync"]).status(3).run();
    assert!(out.stderr.contains("orders/"), "{}", out.dump());
    // What was found of her in orders before stays found, and locate says what it could
    // not search.
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    assert!(found(&hits).contains_key(SETTLED), "{hits:#?}");
    let check = tenant
        .dsr(["tenant", "check", "-o", "json"])
        .any_status()
        .run()
        .json();
    let read = check["store"]["orders: read"].as_str().unwrap_or_default();
    assert!(read.starts_with("NO ("), "{check:#}");
}

/// FotoWeb lets a pending order change: the details bookkeeping does not need (her phone,
/// her comment) are masked there and read back; the settled order keeps every detail. Both
/// stay withheld, never erased.
#[test]
fn erasure_masks_what_bookkeeping_does_not_need_where_fotoweb_allows_it() {
    let tenant = tenant(|_| {});
    let case = tenant.open_case("erasure", JANE);
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(4)
        .run()
        .json();
    let outcomes = per_record(&done["report"]["steps"], "outcome");
    assert_eq!(
        outcomes,
        pairs(&[(SETTLED, "withheld"), (PENDING, "withheld")]),
        "{done:#}"
    );
    let details = per_record(&done["report"]["steps"], "detail");
    assert!(details[PENDING].contains("masked"), "{done:#}");
    assert!(!details[SETTLED].contains("masked"), "{done:#}");
    assert_eq!(
        order_changes(&tenant),
        vec!["PATCH /fotoweb/orders/7002/ 200".to_owned()],
        "only the pending order is changed, once"
    );
    let pending = tenant.double().order(7002).expect("kept");
    assert_eq!(pending["owner"]["address"]["phone"], "");
    assert_eq!(pending["userComment"], "");
    assert_eq!(pending["owner"]["address"]["email"], "jane.doe@example.com");
    let settled = tenant.double().order(7001).expect("kept");
    assert_eq!(settled["owner"]["address"]["phone"], "+47 912 34 567");

    let receipt = tenant.t.latest_receipt(&case);
    let evidence = per_record(&receipt["assets"], "evidence");
    assert!(evidence[PENDING].contains("read back"), "{receipt:#}");
    assert_eq!(
        per_record(&receipt["assets"], "outcome")[PENDING],
        "withheld",
        "{receipt:#}"
    );
}

#[test]
fn a_killed_erasure_of_her_orders_resumes_without_masking_one_twice() {
    let t = Test::new();
    t.asset("Staff/notes.png", json!({"5": "Planning board"}));
    let count = 40;
    let tenant = Tenant::new(t, Kind::Fotoweb, &["--records", "orders"], |options| {
        options.latency_ms = 20;
        let template = fotoweb_double::orders::sample()
            .into_iter()
            .find(|o| o.state == "pending")
            .expect("a pending sample order");
        options.orders = (1..=count)
            .map(|id| fotoweb_double::orders::SeedOrder {
                id,
                ..template.clone()
            })
            .collect();
    });
    let case = tenant.open_case("erasure", JANE);
    let journal = tenant.case_dir(&case).join("erase-journal.jsonl");
    let mut child = tenant
        .dsr(["erase", &case, "--yes"])
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
        .status(4)
        .run()
        .json();
    let outcomes = per_record(&resumed["report"]["steps"], "outcome");
    assert_eq!(outcomes.len(), count as usize, "{resumed:#}");
    assert!(outcomes.values().all(|o| o == "withheld"), "{resumed:#}");

    let mut per_order: BTreeMap<String, usize> = BTreeMap::new();
    for change in order_changes(&tenant) {
        *per_order.entry(change).or_default() += 1;
    }
    assert_eq!(per_order.len(), count as usize, "{per_order:#?}");
    assert!(per_order.values().all(|n| *n == 1), "{per_order:#?}");
    for id in 1..=count {
        let order = tenant.double().order(id).expect("kept");
        assert_eq!(order["owner"]["address"]["phone"], "", "order {id}");
    }
    let receipt = tenant.t.latest_receipt(&case);
    let said = per_record(&receipt["assets"], "outcome");
    assert_eq!(said.len(), count as usize, "{receipt:#}");
    assert!(said.values().all(|o| o == "withheld"), "{receipt:#}");
    // Kept orders still hold her e-mail: a fresh locate finds each, as the receipt says.
    tenant.dsr(["sync"]).run();
    let hits = found(&tenant.dsr(["locate"]).args(JANE).hits());
    assert_eq!(hits.len(), count as usize, "{hits:#?}");
}

#[test]
fn the_portable_zip_holds_her_orders_as_json() {
    let tenant = tenant(|_| {});
    let case = tenant.open_case("portability", JANE);
    let zip = tenant.t.path("portable.zip");
    tenant.dsr(["portability", &case, "--out"]).arg(&zip).run();
    let entries = crate::access::unzip_entries(&zip);
    let order: Value = serde_json::from_slice(
        entries
            .get("originals/orders/order-7001.json")
            .unwrap_or_else(|| panic!("her order as JSON: {:?}", entries.keys())),
    )
    .expect("JSON");
    assert_eq!(order["fields"]["order.reference"], json!("ORD-7001"));
    assert!(!entries.contains_key("originals/orders/order-7003.json"));
}
