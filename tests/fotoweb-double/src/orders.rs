//! Orders (`/fotoweb/orders/`, the site's order history): who ordered which renditions of
//! which assets, with the customer's name, e-mail, phone and postal address.
//!
//! Shapes follow the published OpenAPI description (`OrderList`, its `data` items with
//! `href`, `orderReference`, `state`, `userComment`, `adminComment`, `created`, `modified`,
//! `orderItems` and `owner` with `username` and an `address`): the list is served for
//! `Accept: application/vnd.fotoware.orderlist+json` (plain JSON gives the site's order
//! count, as documented). An order is changed by a PATCH of its address, documented for
//! pending and created orders only; the double refuses one of a settled order (approved,
//! rejected, expired) with 409.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::timefmt;

/// An order to seed the double with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedOrder {
    pub id: u32,
    /// `pending`, `approved`, `rejected`, `expired`, `created` or `cart`.
    pub state: String,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub street: Vec<String>,
    pub zip: String,
    pub city: String,
    pub country: String,
    pub user_comment: String,
    /// Ids (`<archive>/<path>`) of the assets whose renditions were ordered.
    pub assets: Vec<String>,
}

/// The sample orders: an approved order Jane Doe placed (settled, so FotoWeb no longer
/// lets it be changed), a pending one of hers, and an approved one of Ola's.
pub fn sample() -> Vec<SeedOrder> {
    let jane = |id, state: &str, comment: &str| SeedOrder {
        id,
        state: state.to_owned(),
        username: "jdoe".to_owned(),
        first_name: "Jane".to_owned(),
        last_name: "Doe".to_owned(),
        email: "jane.doe@example.com".to_owned(),
        phone: "+47 912 34 567".to_owned(),
        street: vec!["15010 Harbour Street".to_owned()],
        zip: "5003".to_owned(),
        city: "Bergen".to_owned(),
        country: "Norway".to_owned(),
        user_comment: comment.to_owned(),
        assets: vec!["Staff/shared.png".to_owned()],
    };
    vec![
        jane(7001, "approved", "For the annual report, please"),
        jane(7002, "pending", "Print for the farewell card"),
        SeedOrder {
            id: 7003,
            state: "approved".to_owned(),
            username: "onordmann".to_owned(),
            first_name: "Ola".to_owned(),
            last_name: "Nordmann".to_owned(),
            email: "ola.nordmann@example.com".to_owned(),
            phone: String::new(),
            street: vec!["15011 Harbour Street".to_owned()],
            zip: "5003".to_owned(),
            city: "Bergen".to_owned(),
            country: "Norway".to_owned(),
            user_comment: String::new(),
            assets: vec!["Staff/shared.png".to_owned()],
        },
    ]
}

/// A live order.
#[derive(Debug, Clone)]
pub struct Order {
    pub seed: SeedOrder,
    created: String,
    modified: OffsetDateTime,
}

/// Every order of the site.
#[derive(Debug, Default)]
pub struct Orders {
    orders: BTreeMap<u32, Order>,
}

/// Seeded orders are older than anything a test does.
const SEEDED: &str = "2024-03-01T09:00:00.000000Z";

/// Whether an order in `state` may still be changed (documented: pending or created).
pub fn changeable(state: &str) -> bool {
    matches!(state, "pending" | "created" | "cart")
}

impl Orders {
    pub fn new(seeds: &[SeedOrder]) -> Orders {
        let seeded = timefmt::parse(SEEDED).unwrap_or(OffsetDateTime::UNIX_EPOCH);
        let orders = seeds
            .iter()
            .map(|s| {
                let order = Order {
                    seed: s.clone(),
                    created: SEEDED.to_owned(),
                    modified: seeded,
                };
                (s.id, order)
            })
            .collect();
        Orders { orders }
    }

    /// Every order as the order list shows it.
    pub fn list(&self) -> Vec<Value> {
        self.orders
            .iter()
            .map(|(id, o)| order_json(*id, o))
            .collect()
    }

    pub fn order(&self, id: u32) -> Option<&Order> {
        self.orders.get(&id)
    }

    pub fn json(&self, id: u32) -> Option<Value> {
        self.orders.get(&id).map(|o| order_json(id, o))
    }

    /// Sets what the update names of the customer's address and comment: `phone`, `email`,
    /// `firstName`, `lastName`, `city`, `zipCode`, `country` and `streetAddress` in
    /// `owner.address`, and `userComment`.
    pub fn edit(&mut self, id: u32, update: &Value) {
        let Some(order) = self.orders.get_mut(&id) else {
            return;
        };
        let seed = &mut order.seed;
        let address = update.get("owner").and_then(|o| o.get("address"));
        let text = |v: Option<&Value>, key: &str| {
            v.and_then(|v| v.get(key))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        for (key, slot) in [
            ("phone", &mut seed.phone),
            ("email", &mut seed.email),
            ("firstName", &mut seed.first_name),
            ("lastName", &mut seed.last_name),
            ("city", &mut seed.city),
            ("zipCode", &mut seed.zip),
            ("country", &mut seed.country),
        ] {
            if let Some(value) = text(address, key) {
                *slot = value;
            }
        }
        if let Some(street) = address
            .and_then(|a| a.get("streetAddress"))
            .and_then(Value::as_array)
        {
            seed.street = street
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
        }
        if let Some(comment) = text(Some(update), "userComment") {
            seed.user_comment = comment;
        }
        order.modified = timefmt::bump(order.modified);
    }
}

/// The order's address.
pub fn order_href(id: u32) -> String {
    format!("/fotoweb/orders/{id}/")
}

fn order_json(id: u32, order: &Order) -> Value {
    let s = &order.seed;
    let items: Vec<Value> = s
        .assets
        .iter()
        .map(|asset| {
            let (archive, path) = asset.split_once('/').unwrap_or((asset, ""));
            json!({
                "asset": format!("/fotoweb/archives/5000-{archive}/{path}.info"),
                "rendition": { "name": "Original file", "href": format!("/fotoweb/archives/5000-{archive}/{path}.info/__renditions/ORIGINAL"), "download": null },
                "adminComment": "",
                // The description's text: null when it never expires (its schema says string).
                "expires": null,
                "expired": false,
            })
        })
        .collect();
    json!({
        "href": order_href(id),
        "orderReference": format!("ORD-{id}"),
        "state": s.state,
        "userComment": s.user_comment,
        "adminComment": "",
        "created": order.created,
        "modified": timefmt::format_micros(order.modified),
        "expires": null,
        "orderItems": items,
        "owner": {
            "username": s.username,
            "address": {
                "firstName": s.first_name,
                "lastName": s.last_name,
                "email": s.email,
                "phone": s.phone,
                "streetAddress": s.street,
                "zipCode": s.zip,
                "city": s.city,
                "country": s.country,
                "organization": "",
            },
        },
    })
}
