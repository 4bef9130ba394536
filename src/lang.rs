//! The languages a package is written in, and what dsr itself words in them for a person:
//! dates as people write them and why an item is listed. Everything else a package says is
//! in its templates (`templates/access/<lang>/`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language of the access package.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Norwegian (Bokmål).
    Nb,
    /// German.
    De,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Nb, Lang::De];

    /// The code used in `--lang`, the record of processing and HTML's `lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nb => "nb",
            Lang::De => "de",
        }
    }

    /// `2026-12-06` or `2026-12-06T11:07:27Z` as a person writes it: "6 December 2026",
    /// "6. desember 2026", "6. Dezember 2026". Anything else is returned unchanged, so a
    /// platform's odd date still shows rather than vanishing.
    pub fn long_date(self, value: &str) -> String {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let Some(date) = value
            .get(..10)
            .and_then(|head| time::Date::parse(head, &format).ok())
        else {
            return value.to_owned();
        };
        let month = usize::from(u8::from(date.month())) - 1;
        let (day, year) = (date.day(), date.year());
        match self {
            Lang::En => format!("{day} {} {year}", EN_MONTHS[month]),
            Lang::Nb => format!("{day}. {} {year}", NB_MONTHS[month]),
            Lang::De => format!("{day}. {} {year}", DE_MONTHS[month]),
        }
    }

    /// Why an item is listed, in plain words, from a reason code of
    /// [`crate::disclose::SubjectField::reasons`] and the field's label.
    pub fn reason(self, code: &str, label: &str) -> String {
        let (what, place) = code.split_once('-').unwrap_or((code, "field"));
        match (self, what, place) {
            (Lang::En, "name", "shown") => "You are shown in this picture".to_owned(),
            (Lang::Nb, "name", "shown") => "Du er avbildet på dette bildet".to_owned(),
            (Lang::De, "name", "shown") => "Sie sind auf diesem Bild zu sehen".to_owned(),
            (Lang::En, _, "uploader") => {
                format!(
                    "{} is recorded as the uploader of this file",
                    self.what(what)
                )
            }
            (Lang::Nb, _, "uploader") => {
                format!(
                    "{} er registrert som den som lastet opp filen",
                    self.what(what)
                )
            }
            (Lang::De, _, "uploader") => {
                format!(
                    "{} ist als Person eingetragen, die diese Datei hochgeladen hat",
                    self.what(what)
                )
            }
            (Lang::En, _, _) => format!("{} is in {}", self.what(what), self.place(place, label)),
            (Lang::Nb, _, _) => format!("{} står i {}", self.what(what), self.place(place, label)),
            (Lang::De, _, _) => format!("{} steht {}", self.what(what), self.place(place, label)),
        }
    }

    fn what(self, what: &str) -> &'static str {
        match (self, what) {
            (Lang::En, "email") => "Your e-mail address",
            (Lang::En, "phone") => "Your phone number",
            (Lang::En, "login") => "Your user name",
            (Lang::En, "text") => "The text you asked us to look for",
            (Lang::En, _) => "Your name",
            (Lang::Nb, "email") => "E-postadressen din",
            (Lang::Nb, "phone") => "Telefonnummeret ditt",
            (Lang::Nb, "login") => "Brukernavnet ditt",
            (Lang::Nb, "text") => "Teksten du ba oss lete etter",
            (Lang::Nb, _) => "Navnet ditt",
            (Lang::De, "email") => "Ihre E-Mail-Adresse",
            (Lang::De, "phone") => "Ihre Telefonnummer",
            (Lang::De, "login") => "Ihr Benutzername",
            (Lang::De, "text") => "Der Text, nach dem wir suchen sollten,",
            (Lang::De, _) => "Ihr Name",
        }
    }

    fn place(self, place: &str, label: &str) -> String {
        let fixed = match (self, place) {
            (Lang::En, "credit") => "the photo credit",
            (Lang::En, "caption") => "the caption",
            (Lang::En, "title") => "the title",
            (Lang::En, "keywords") => "the keywords",
            (Lang::En, "creator") => "the photographer's contact details",
            (Lang::En, "shown") => "the list of people shown",
            (Lang::Nb, "credit") => "fotokreditten",
            (Lang::Nb, "caption") => "bildeteksten",
            (Lang::Nb, "title") => "tittelen",
            (Lang::Nb, "keywords") => "stikkordene",
            (Lang::Nb, "creator") => "fotografens kontaktopplysninger",
            (Lang::Nb, "shown") => "listen over personer på bildet",
            (Lang::De, "credit") => "im Bildnachweis",
            (Lang::De, "caption") => "in der Bildunterschrift",
            (Lang::De, "title") => "im Titel",
            (Lang::De, "keywords") => "in den Stichwörtern",
            (Lang::De, "creator") => "in den Kontaktdaten des Fotografen",
            (Lang::De, "shown") => "in der Liste der abgebildeten Personen",
            (Lang::En, _) => return format!("the field “{label}”"),
            (Lang::Nb, _) => return format!("feltet «{label}»"),
            (Lang::De, _) => return format!("im Feld „{label}“"),
        };
        fixed.to_owned()
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const NB_MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const DE_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A `--lang` value dsr has no package for.
#[derive(Debug, thiserror::Error)]
#[error("dsr writes packages in en (English), nb (Norwegian Bokmål) and de (German), not '{0}'")]
pub struct UnknownLang(String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(
            Lang::En.long_date("2026-12-06T11:07:27Z"),
            "6 December 2026"
        );
        assert_eq!(Lang::Nb.long_date("2026-12-06"), "6. desember 2026");
        assert_eq!(Lang::De.long_date("2026-03-01"), "1. März 2026");
        assert_eq!(Lang::En.long_date("last week"), "last week");
    }

    #[test]
    fn reasons_read_as_plain_words() {
        assert_eq!(
            Lang::En.reason("name-credit", "Byline"),
            "Your name is in the photo credit"
        );
        assert_eq!(
            Lang::En.reason("name-shown", "Person shown"),
            "You are shown in this picture"
        );
        assert_eq!(
            Lang::En.reason("email-caption", "Caption"),
            "Your e-mail address is in the caption"
        );
        assert_eq!(
            Lang::En.reason("name-field", "Client"),
            "Your name is in the field “Client”"
        );
        assert_eq!(
            Lang::Nb.reason("name-credit", "Byline"),
            "Navnet ditt står i fotokreditten"
        );
        assert_eq!(
            Lang::De.reason("email-caption", "Caption"),
            "Ihre E-Mail-Adresse steht in der Bildunterschrift"
        );
    }

    #[test]
    fn codes_parse() {
        assert_eq!("NB".parse::<Lang>().expect("nb"), Lang::Nb);
        assert!("fr".parse::<Lang>().is_err());
    }
}
