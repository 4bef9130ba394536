//! Orders, read when the tenant's profile names them (`--records orders`).
//!
//! FotoWeb lists the site's order history under `/fotoweb/orders/` (an `OrderList` for
//! `Accept: application/vnd.fotoware.orderlist+json`; plain JSON answers only a count). An
//! order names its customer (`owner.username` and an `address` with name, e-mail, phone
//! and postal address), what she wrote with it and the assets ordered. The API documents no
//! read of one order, so every read finds it in the list again. Id: `orders/<id>` (the last
//! segment of the order's `href`) in archive `orders`.
//!
//! Orders are accounting records: an erasure withholds them under the bookkeeping legal
//! hold (see [`crate::erase`]). The details bookkeeping does not need (phone, the
//! customer's comment) can be masked while FotoWeb still lets the order change (pending or
//! created); it refuses a change of a settled one.

use reqwest::Method;
use serde_json::{Value, json};

use super::records::{postal_address, text, version};
use super::*;
use crate::asset::Metadata;
use crate::fields::records as f;
use crate::platform::PlatformError;
use crate::platform::http::{Call, Repeat};

const ORDERS_PATH: &str = "/fotoweb/orders/";
const ORDER_LIST: &str = "application/vnd.fotoware.orderlist+json";
const ORDER: &str = "application/vnd.fotoware.order+json";
const JSON: &str = "application/json";

/// The order's id, the last segment of its address.
fn order_id(href: &str) -> Option<u64> {
    href.trim_end_matches('/').rsplit('/').next()?.parse().ok()
}

/// An order as the API lists it, as an asset; `None` for what has no id.
pub(super) fn order_asset(order: &Value) -> Option<(u64, Asset)> {
    let id = order_id(order.get("href")?.as_str()?)?;
    let owner = order.get("owner");
    let address = owner.and_then(|o| o.get("address"));
    let part = |key: &str| text(address.and_then(|a| a.get(key)));
    let mut metadata = Metadata::new();
    let mut put = |field: &str, value: Option<String>| {
        if let Some(value) = value {
            metadata.insert(field.to_owned(), FieldValue::Single(value));
        }
    };
    put(f::ORDER_LOGIN, text(owner.and_then(|o| o.get("username"))));
    let name: Vec<String> = ["firstName", "lastName"]
        .into_iter()
        .filter_map(part)
        .collect();
    put(f::ORDER_NAME, (!name.is_empty()).then(|| name.join(" ")));
    put(f::ORDER_EMAIL, part("email"));
    put(f::ORDER_PHONE, part("phone"));
    put(f::ORDER_ADDRESS, postal_address(address));
    put(f::ORDER_COMMENT, text(order.get("userComment")));
    put(f::ORDER_REFERENCE, text(order.get("orderReference")));
    put(f::ORDER_STATE, text(order.get("state")));
    let items: Vec<String> = order
        .get("orderItems")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|item| text(item.get("asset")))
        .collect();
    if !items.is_empty() {
        metadata.insert(f::ORDER_ITEMS.to_owned(), FieldValue::Bag(items));
    }
    let modified = text(order.get("modified"));
    Some((
        id,
        Asset {
            id: format!("{}/{id}", f::ORDERS),
            archive: f::ORDERS.to_owned(),
            filename: format!("order-{id}.json"),
            version: version(&metadata, modified.as_deref()),
            modified,
            metadata,
        },
    ))
}

impl Fotoweb {
    /// Every order of the site, following `paging.next`.
    pub(super) fn list_orders(&self) -> Result<Vec<Value>, PlatformError> {
        self.all_pages(ORDERS_PATH, ORDER_LIST)
    }

    /// Order `n` as listed now.
    pub(super) fn get_order(&self, id: &str, n: u64) -> Result<Asset, PlatformError> {
        self.list_orders()?
            .iter()
            .filter_map(order_asset)
            .find_map(|(found, asset)| (found == n).then_some(asset))
            .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })
    }

    /// Masks an order's customer details (`None` clears a field), where FotoWeb still lets
    /// the order change. Answers the order read back.
    pub(super) fn update_order(
        &self,
        id: &str,
        n: u64,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        let current = self.get_order(id, n)?;
        if let Some(expected) = expected
            && current.version != expected
        {
            return Err(PlatformError::Conflict { id: id.to_owned() });
        }
        let value = |field: &str| {
            changes
                .get(field)
                .map(|v| v.as_ref().map(|v| v.items().join(", ")).unwrap_or_default())
        };
        let mut address = serde_json::Map::new();
        let mut body = serde_json::Map::new();
        for field in changes.keys() {
            match field.as_str() {
                f::ORDER_PHONE => {
                    address.insert("phone".to_owned(), json!(value(field)));
                }
                f::ORDER_COMMENT => {
                    body.insert("userComment".to_owned(), json!(value(field)));
                }
                _ => {
                    return Err(PlatformError::Unsupported(
                        "only an order's phone and the customer's comment are masked: the rest is kept for bookkeeping",
                    ));
                }
            }
        }
        if !address.is_empty() {
            body.insert("owner".to_owned(), json!({ "address": address }));
        }
        let call = Call {
            method: Method::PATCH,
            url: self.client.link(&format!("{ORDERS_PATH}{n}/"))?,
            accept: ORDER,
            body: Some((
                JSON,
                serde_json::to_vec(&body).map_err(|e| PlatformError::Rejected(e.to_string()))?,
            )),
            timeout: None,
            // The same values however often it is sent.
            repeat: Repeat::Freely,
        };
        match self.client.send(&call) {
            Err(PlatformError::Status { status: 404, .. }) => {
                return Err(PlatformError::NotFound { id: id.to_owned() });
            }
            Err(e) => return Err(e),
            Ok(_) => {}
        }
        // What the server answered is not the proof; reading it back is.
        self.get_order(id, n)
    }

    /// What the credentials may do with orders, for `tenant check`.
    pub(super) fn orders_facts(&self) -> Vec<(String, String)> {
        if !self.records.contains(&RecordKind::Orders) {
            return Vec::new();
        }
        let read = match self.list_orders() {
            Ok(orders) => format!("yes ({} orders)", orders.len()),
            Err(e) => format!("NO ({e})"),
        };
        vec![
            ("orders: read".to_owned(), read),
            (
                "orders: mask".to_owned(),
                "orders are kept under the bookkeeping hold; FotoWeb lets only pending orders change, so a settled order keeps every detail".to_owned(),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_names_its_customer() {
        let order = json!({
            "href": "/fotoweb/orders/7001/", "orderReference": "ORD-7001", "state": "approved",
            "userComment": "For the report", "modified": "2024-03-01T09:00:00Z",
            "orderItems": [{"asset": "/fotoweb/archives/5000-Staff/a.png.info"}],
            "owner": {"username": "jdoe", "address": {"firstName": "Jane", "lastName": "Doe",
                "email": "jane.doe@example.com", "phone": "", "streetAddress": ["1 Harbour Street"],
                "city": "Bergen", "zipCode": null}},
        });
        let (id, asset) = order_asset(&order).expect("an order");
        assert_eq!(id, 7001);
        assert_eq!(asset.id, "orders/7001");
        let get = |f: &str| asset.metadata.get(f).map(|v| v.items().join("|"));
        assert_eq!(get(f::ORDER_NAME).as_deref(), Some("Jane Doe"));
        assert_eq!(get(f::ORDER_PHONE), None);
        assert_eq!(
            get(f::ORDER_ADDRESS).as_deref(),
            Some("1 Harbour Street, Bergen")
        );
        assert_eq!(
            get(f::ORDER_ITEMS).as_deref(),
            Some("/fotoweb/archives/5000-Staff/a.png.info")
        );
    }
}
