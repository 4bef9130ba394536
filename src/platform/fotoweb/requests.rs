//! Requests of the FotoWeb connector: JSON and bytes read through the one HTTP client,
//! and the rendition of an original.

use reqwest::Method;
use serde::de::DeserializeOwned;
use url::Url;

use super::*;
use crate::platform::PlatformError;
use crate::platform::http::{self, Call, Repeat};

impl Fotoweb {
    pub(super) fn get_json<T: DeserializeOwned>(
        &self,
        url: Url,
        accept: &str,
    ) -> Result<T, PlatformError> {
        let call = Call {
            method: Method::GET,
            url,
            accept,
            body: None,
            timeout: None,
            repeat: Repeat::Freely,
        };
        self.read_json(&call)
    }

    /// Every item of a collection list (`data`), following `paging.next` from `link`
    /// until a page names none.
    pub(super) fn all_pages<T: DeserializeOwned>(
        &self,
        link: &str,
        accept: &str,
    ) -> Result<Vec<T>, PlatformError> {
        let mut url = self.client.link(link)?;
        let mut items = Vec::new();
        loop {
            let page: model::Page<T> = self.get_json(url, accept)?;
            items.extend(page.data);
            match page.paging.as_ref().and_then(model::Paging::next) {
                Some(next) => url = self.client.link(next)?,
                None => return Ok(items),
            }
        }
    }

    pub(super) fn read_json<T: DeserializeOwned>(
        &self,
        call: &Call<'_>,
    ) -> Result<T, PlatformError> {
        let body = self.read_bytes(call)?;
        parse_json(&call.url, &body)
    }

    /// The body of a successful GET of `url`, read to its end.
    pub(super) fn get_bytes(&self, url: &Url, accept: &str) -> Result<Vec<u8>, PlatformError> {
        let call = Call {
            method: Method::GET,
            url: url.clone(),
            accept,
            body: None,
            timeout: None,
            repeat: Repeat::Freely,
        };
        self.read_bytes(&call)
    }

    pub(super) fn read_bytes(&self, call: &Call<'_>) -> Result<Vec<u8>, PlatformError> {
        let response = self.client.send(call)?;
        let bytes = response.bytes().map_err(|_| PlatformError::Network {
            host: call.url.host_str().unwrap_or_default().to_owned(),
            message: "the connection broke off while reading the answer".to_owned(),
        })?;
        Ok(bytes.into())
    }

    /// Starts the rendition of the asset's original and returns the link to poll.
    pub(super) fn request_original(&self, asset: &model::Asset) -> Result<Url, PlatformError> {
        let rendition = asset
            .renditions
            .iter()
            .find(|r| r.original)
            .map(|r| r.href.clone())
            .unwrap_or_else(|| format!("{}/__renditions/ORIGINAL", asset.href));
        let service = self
            .descriptor()?
            .services
            .rendition_request
            .clone()
            .unwrap_or_else(|| "/fotoweb/services/renditions".to_owned());
        let call = Call {
            method: Method::POST,
            url: self.client.link(&service)?,
            accept: RENDITION_RESPONSE,
            body: Some((
                RENDITION_REQUEST,
                serde_json::to_vec(&serde_json::json!({ "href": rendition }))
                    .map_err(|e| PlatformError::Rejected(e.to_string()))?,
            )),
            timeout: None,
            repeat: Repeat::Freely,
        };
        let response = self.client.send(&call)?;
        let headers = response.headers().clone();
        let body: serde_json::Value = response.json().unwrap_or(serde_json::Value::Null);
        let location = http::location(&headers, &body).ok_or(PlatformError::Protocol {
            path: call.url.path().to_owned(),
            message: "the rendition service gave no link to the file".to_owned(),
        })?;
        self.client.link(&location)
    }
}

pub(super) fn parse_json<T: DeserializeOwned>(url: &Url, body: &[u8]) -> Result<T, PlatformError> {
    serde_json::from_slice(body).map_err(|e| PlatformError::Protocol {
        path: url.path().to_owned(),
        message: format!("{e}"),
    })
}
