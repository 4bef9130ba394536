//! The people of the generated tenants: the scripted cast of the sample tenant (each
//! person with the ways their name is written and the assets they appear in), the name
//! pools generic people are drawn from, and the shared upload accounts. Data only: the
//! writer ([`super`]) decides how they are written.

use super::*;

/// What kind of identifier a variant is; decides where the synthetic generator puts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Name,
    Email,
    Phone,
    Login,
}

/// One way a scripted person is written.
pub(super) struct Variant {
    pub(super) text: &'static str,
    pub(super) kind: Kind,
    /// Why this spelling is interesting, shown in the README; empty for the plain form.
    pub(super) label: &'static str,
}

pub(super) const fn variant(kind: Kind, text: &'static str, label: &'static str) -> Variant {
    Variant { text, kind, label }
}

/// How a scripted person relates to the demo's subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Subject,
    LookAlike,
    Other,
}

/// A person placed deliberately in the sample tenant.
pub(super) struct Person {
    pub(super) key: &'static str,
    pub(super) name: &'static str,
    pub(super) role: Role,
    pub(super) demonstrates: &'static str,
    pub(super) variants: &'static [Variant],
}

pub(super) const JANE: &str = "jane-doe";
pub(super) const JANE_SMITH: &str = "jane-smith";
pub(super) const JOHN_DOE: &str = "john-doe";
pub(super) const JANE_DOERR: &str = "jane-doerr";
pub(super) const EMAIL_AU: &str = "email-au";
pub(super) const EMAIL_MARY: &str = "email-mary";
pub(super) const JORG: &str = "jorg-muller";
pub(super) const BJORN: &str = "bjorn-odegard";
pub(super) const ASE: &str = "ase-kjaer";
pub(super) const OLA: &str = "ola-nordmann";
pub(super) const KARI: &str = "kari-nordmann";
pub(super) const SIOBHAN: &str = "siobhan-obrien";
pub(super) const FRANCOIS: &str = "francois-lefevre";
pub(super) const ZOE: &str = "zoe-angstrom";
pub(super) const NGUYEN: &str = "nguyen-thi-minh";
pub(super) const SOREN: &str = "soren-kierkegaard";
pub(super) const MAX: &str = "max-weiss";

pub(super) const NFD_JORG_MULLER: &str = "Jo\u{0308}rg Mu\u{0308}ller";

pub(super) const PEOPLE: &[Person] = &[
    Person {
        key: JANE,
        name: "Jane Doe",
        role: Role::Subject,
        demonstrates: "The subject of the demo requests. Photographer (80), shown together with \
            other people (368), named in captions (120), in a title (5) and as a keyword (25), \
            uploader (360 `jdoe` / 361), e-mail in 308 (once in mixed case, once only inside \
            a caption) and phone in national and international form (309, default region NO). \
            Written once as \"Doe, Jane\" (368) and once with initials \"J. Doe\" (80). Several \
            assets hold exactly one of these forms and nothing else of hers.",
        variants: &[
            variant(Kind::Name, "Jane Doe", ""),
            variant(Kind::Name, "Doe, Jane", "last, first"),
            variant(Kind::Name, "J. Doe", "initials"),
            variant(Kind::Login, "jdoe", ""),
            variant(Kind::Email, "jane.doe@example.com", ""),
            variant(Kind::Email, "Jane.Doe@Example.com", "mixed case"),
            variant(Kind::Phone, "912 34 567", "national"),
            variant(Kind::Phone, "+47 912 34 567", "international"),
        ],
    },
    Person {
        key: JANE_SMITH,
        name: "Jane Smith",
        role: Role::LookAlike,
        demonstrates: "Shares Jane Doe's first name; once shown next to her.",
        variants: &[
            variant(Kind::Name, "Jane Smith", ""),
            variant(Kind::Email, "jane.smith@example.com", ""),
        ],
    },
    Person {
        key: JOHN_DOE,
        name: "John Doe",
        role: Role::LookAlike,
        demonstrates: "Shares Jane Doe's last name (also as \"Doe, John\"), and his login \
            `jdoe2` starts with hers. Once shown next to her.",
        variants: &[
            variant(Kind::Name, "John Doe", ""),
            variant(Kind::Name, "Doe, John", "last, first"),
            variant(Kind::Login, "jdoe2", ""),
            variant(Kind::Email, "john.doe@example.com", ""),
        ],
    },
    Person {
        key: JANE_DOERR,
        name: "Jane Doerr",
        role: Role::LookAlike,
        demonstrates: "Her last name starts with \"Doe\": \"Jane Doe\" is a prefix of her name.",
        variants: &[
            variant(Kind::Name, "Jane Doerr", ""),
            variant(Kind::Email, "jane.doerr@example.com", ""),
        ],
    },
    Person {
        key: EMAIL_AU,
        name: "jane.doe@example.com.au",
        role: Role::LookAlike,
        demonstrates: "An address that starts with Jane Doe's (in 308 and in caption text); \
            no name attached.",
        variants: &[variant(Kind::Email, "jane.doe@example.com.au", "")],
    },
    Person {
        key: EMAIL_MARY,
        name: "mary.jane.doe@example.com",
        role: Role::LookAlike,
        demonstrates: "An address that ends with Jane Doe's (in 308 and in caption text); \
            no name attached.",
        variants: &[variant(Kind::Email, "mary.jane.doe@example.com", "")],
    },
    Person {
        key: JORG,
        name: "Jörg Müller",
        role: Role::Other,
        demonstrates: "Unicode normalisation and transliteration: NFC, NFD (combining \
            diaeresis), \"oe/ue\" and stripped diacritics all mean the same person. German \
            phone number in international form.",
        variants: &[
            variant(Kind::Name, "Jörg Müller", "NFC"),
            variant(Kind::Name, NFD_JORG_MULLER, "NFD"),
            variant(Kind::Name, "Joerg Mueller", "transliterated"),
            variant(Kind::Name, "Jorg Muller", "diacritics stripped"),
            variant(Kind::Email, "joerg.mueller@example.de", ""),
            variant(Kind::Phone, "+49 30 1234567", "international, DE"),
        ],
    },
    Person {
        key: BJORN,
        name: "Bjørn Ødegård",
        role: Role::Other,
        demonstrates: "Letters without a decomposition (ø, å) and their \"oe/aa\" \
            transliteration; one phone number written national with spaces and \
            international without.",
        variants: &[
            variant(Kind::Name, "Bjørn Ødegård", ""),
            variant(Kind::Name, "Bjoern Oedegaard", "transliterated"),
            variant(Kind::Phone, "22 33 44 55", "national"),
            variant(Kind::Phone, "+4722334455", "international, no spaces"),
        ],
    },
    Person {
        key: ASE,
        name: "Åse Kjær",
        role: Role::Other,
        demonstrates: "Å/æ and their \"aa/ae\" transliteration; uploader with login `ase.k`.",
        variants: &[
            variant(Kind::Name, "Åse Kjær", ""),
            variant(Kind::Name, "Aase Kjaer", "transliterated"),
            variant(Kind::Login, "ase.k", ""),
        ],
    },
    Person {
        key: OLA,
        name: "Ola Nordmann",
        role: Role::Other,
        demonstrates: "Shares his last name with Kari Nordmann (one caption reads \"Ola and \
            Kari Nordmann\"). Uploader `olan` on many generic assets.",
        variants: &[
            variant(Kind::Name, "Ola Nordmann", ""),
            variant(Kind::Login, "olan", ""),
            variant(Kind::Email, "ola.nordmann@example.no", ""),
        ],
    },
    Person {
        key: KARI,
        name: "Kari Nordmann",
        role: Role::Other,
        demonstrates: "Shares her last name with Ola Nordmann. Uploader `kari.n` on many \
            generic assets.",
        variants: &[
            variant(Kind::Name, "Kari Nordmann", ""),
            variant(Kind::Login, "kari.n", ""),
        ],
    },
    Person {
        key: SIOBHAN,
        name: "Siobhán O’Brien",
        role: Role::Other,
        demonstrates: "Curly apostrophe (U+2019) and accent on some assets, straight \
            apostrophe without accent on another.",
        variants: &[
            variant(Kind::Name, "Siobhán O\u{2019}Brien", "curly apostrophe"),
            variant(
                Kind::Name,
                "Siobhan O'Brien",
                "straight apostrophe, no accent",
            ),
            variant(Kind::Email, "siobhan.obrien@example.ie", ""),
        ],
    },
    Person {
        key: FRANCOIS,
        name: "François Lefèvre",
        role: Role::Other,
        demonstrates: "Cedilla and grave accent; written without them as uploader name (361).",
        variants: &[
            variant(Kind::Name, "François Lefèvre", ""),
            variant(Kind::Name, "Francois Lefevre", "diacritics stripped"),
            variant(Kind::Login, "flefevre", ""),
        ],
    },
    Person {
        key: ZOE,
        name: "Zoë Ångström",
        role: Role::Other,
        demonstrates: "Diaeresis and ring above; also written without them.",
        variants: &[
            variant(Kind::Name, "Zoë Ångström", ""),
            variant(Kind::Name, "Zoe Angstrom", "diacritics stripped"),
        ],
    },
    Person {
        key: NGUYEN,
        name: "Nguyễn Thị Minh",
        role: Role::Other,
        demonstrates: "Vietnamese name, family name first, stacked diacritics; also written \
            without them.",
        variants: &[
            variant(Kind::Name, "Nguyễn Thị Minh", ""),
            variant(Kind::Name, "Nguyen Thi Minh", "diacritics stripped"),
        ],
    },
    Person {
        key: SOREN,
        name: "Søren Kierkegaard",
        role: Role::Other,
        demonstrates: "Misspelled once (\"Kirkegaard\", one letter off in a long token): \
            only fuzzy matching finds that asset.",
        variants: &[
            variant(Kind::Name, "Søren Kierkegaard", ""),
            variant(Kind::Name, "Søren Kirkegaard", "typo"),
        ],
    },
    Person {
        key: MAX,
        name: "Max Weiß",
        role: Role::Other,
        demonstrates: "ß and its \"ss\" spelling.",
        variants: &[
            variant(Kind::Name, "Max Weiß", ""),
            variant(Kind::Name, "Max Weiss", "ss"),
        ],
    },
];

// ---------------------------------------------------------------------------
// The sample tenant's archives and scripted assets

/// An archive of the sample tenant, with the vocabulary its generic assets draw from.
pub(super) struct SampleArchive {
    pub(super) name: &'static str,
    /// (title, phrase used in captions)
    pub(super) subjects: &'static [(&'static str, &'static str)],
    pub(super) keywords: &'static [&'static str],
}

pub(super) const STAFF: usize = 0;
pub(super) const EVENTS: usize = 1;
pub(super) const PRESS: usize = 2;
pub(super) const MARKETING: usize = 3;

pub(super) const SAMPLE_ARCHIVES: [SampleArchive; 4] = [
    SampleArchive {
        name: "Staff",
        subjects: &[
            ("Staff portrait", "a portrait session"),
            ("Team meeting", "the weekly team meeting"),
            ("Office life", "a normal day at the office"),
            ("New colleagues", "the welcome breakfast"),
            ("Town hall", "the town hall meeting"),
            ("Canteen", "lunch in the canteen"),
        ],
        keywords: &[
            "staff",
            "office",
            "team",
            "portrait",
            "meeting",
            "workplace",
        ],
    },
    SampleArchive {
        name: "Events",
        subjects: &[
            ("Summer party", "the summer party"),
            ("Conference", "the annual conference"),
            ("Award night", "the award night"),
            ("Workshop", "a customer workshop"),
            ("Christmas dinner", "the Christmas dinner"),
            ("Anniversary", "the company anniversary"),
        ],
        keywords: &[
            "event",
            "party",
            "conference",
            "stage",
            "celebration",
            "audience",
        ],
    },
    SampleArchive {
        name: "Press",
        subjects: &[
            ("Press conference", "the press conference"),
            ("Interview", "a newspaper interview"),
            ("Annual report", "the annual report shoot"),
            ("Product news", "the product announcement"),
            ("Executive portrait", "a portrait session"),
            ("Site visit", "a site visit"),
        ],
        keywords: &["press", "media", "report", "portrait", "news", "interview"],
    },
    SampleArchive {
        name: "Marketing",
        subjects: &[
            ("Campaign", "the campaign shoot"),
            ("Product shot", "a product shoot"),
            ("Brochure", "the brochure shoot"),
            ("Social media", "a social media shoot"),
            ("Trade fair", "the trade fair"),
            ("Packaging", "the packaging shoot"),
        ],
        keywords: &["campaign", "product", "studio", "brand", "social", "advert"],
    },
];

pub(super) const ASSETS_PER_SAMPLE_ARCHIVE: usize = 60;

/// 2024-03-01T08:00:00Z, the day [`SAMPLE_SEED`] spells.
pub(super) const SAMPLE_EPOCH: i64 = 1_709_280_000;
pub(super) const HOUR: i64 = 3_600;
pub(super) const DAY: i64 = 24 * HOUR;

/// A hand-written asset of the sample tenant.
#[derive(Clone, Copy)]
pub(super) struct Scripted {
    pub(super) archive: usize,
    pub(super) stem: &'static str,
    pub(super) title: &'static str,
    pub(super) keywords: &'static [&'static str],
    pub(super) byline: &'static [&'static str],
    pub(super) caption: &'static str,
    pub(super) shown: &'static [&'static str],
    pub(super) address: &'static str,
    pub(super) emails: &'static [&'static str],
    pub(super) phones: &'static [&'static str],
    pub(super) uploader: Option<(&'static str, &'static str)>,
    /// Keys of the scripted people this asset is about (drives the README).
    pub(super) about: &'static [&'static str],
}

pub(super) const BLANK: Scripted = Scripted {
    archive: STAFF,
    stem: "",
    title: "",
    keywords: &[],
    byline: &[],
    caption: "",
    shown: &[],
    address: "",
    emails: &[],
    phones: &[],
    uploader: None,
    about: &[],
};

pub(super) const PHOTO_DESK: Option<(&str, &str)> = Some(("photo-desk", "Photo Desk"));

pub(super) const SCRIPTED: &[Scripted] = &[
    // Staff
    Scripted {
        archive: STAFF,
        stem: "board-meeting",
        title: "Board meeting",
        keywords: &["board", "budget"],
        byline: &["Jane Doe"],
        caption: "Jane Doe presents the budget with Ola Nordmann.",
        shown: &["Jane Doe", "Ola Nordmann"],
        emails: &["jane.doe@example.com"],
        uploader: Some(("jdoe", "Jane Doe")),
        about: &[JANE, OLA],
        ..BLANK
    },
    Scripted {
        archive: STAFF,
        stem: "staff-portrait-doe",
        title: "Staff portrait",
        keywords: &["portrait", "staff"],
        byline: &["Kari Nordmann"],
        caption: "Portrait of Jane Doe for the staff page.",
        shown: &["Jane Doe"],
        uploader: Some(("kari.n", "Kari Nordmann")),
        about: &[JANE, KARI],
        ..BLANK
    },
    Scripted {
        archive: STAFF,
        stem: "team-offsite",
        title: "Team offsite with Jane Doe",
        keywords: &["offsite", "team", "Jane Doe"],
        byline: &["Åse Kjær"],
        caption: "Jane Doe, Bjørn Ødegård and John Doe on the team offsite.",
        shown: &["Jane Doe", "John Doe", "Bjørn Ødegård"],
        about: &[JANE, JOHN_DOE, BJORN, ASE],
        ..BLANK
    },
    Scripted {
        archive: STAFF,
        stem: "it-helpdesk",
        title: "IT helpdesk",
        keywords: &["it", "support"],
        byline: &["John Doe"],
        caption: "John Doe at the helpdesk.",
        shown: &["John Doe"],
        emails: &["john.doe@example.com"],
        uploader: Some(("jdoe2", "John Doe")),
        about: &[JOHN_DOE],
        ..BLANK
    },
    Scripted {
        archive: STAFF,
        stem: "staff-portrait-smith",
        title: "Staff portrait",
        keywords: &["portrait", "staff"],
        byline: &["Jane Smith"],
        caption: "Jane Smith at her desk.",
        shown: &["Jane Smith"],
        emails: &["jane.smith@example.com"],
        uploader: Some(("olan", "Ola Nordmann")),
        about: &[JANE_SMITH, OLA],
        ..BLANK
    },
    Scripted {
        archive: STAFF,
        stem: "visitor-badge",
        title: "Visitor badge",
        keywords: &["visitor", "badge"],
        caption: "Visitor badge photo of Jorg Muller.",
        shown: &["Jorg Muller"],
        uploader: PHOTO_DESK,
        about: &[JORG],
        ..BLANK
    },
    Scripted {
        archive: STAFF,
        stem: "reception",
        title: "Reception",
        keywords: &["reception", "office"],
        byline: &["Åse Kjær"],
        caption: "The new reception desk.",
        uploader: Some(("ase.k", "Åse Kjær")),
        about: &[ASE],
        ..BLANK
    },
    Scripted {
        archive: STAFF,
        stem: "family-day",
        title: "Family day",
        keywords: &["family", "summer"],
        byline: &["Bjørn Ødegård"],
        caption: "Ola and Kari Nordmann at family day.",
        shown: &["Ola Nordmann", "Kari Nordmann"],
        phones: &["22 33 44 55"],
        about: &[OLA, KARI, BJORN],
        ..BLANK
    },
    Scripted {
        archive: STAFF,
        stem: "company-library",
        title: "Company library",
        keywords: &["library", "books"],
        byline: &["Søren Kierkegaard"],
        caption: "Reading corner in the company library.",
        about: &[SOREN],
        ..BLANK
    },
    Scripted {
        archive: STAFF,
        stem: "staff-portrait-oedegaard",
        title: "Staff portrait",
        keywords: &["portrait", "staff"],
        byline: &["Kari Nordmann"],
        caption: "Portrait of Bjoern Oedegaard.",
        shown: &["Bjoern Oedegaard"],
        about: &[BJORN, KARI],
        ..BLANK
    },
    // Events
    Scripted {
        archive: EVENTS,
        stem: "summer-party-2023",
        title: "Summer party 2023",
        keywords: &["party", "summer"],
        byline: &["Ola Nordmann"],
        caption: "Jane Doe and Jane Smith at the summer party.",
        shown: &["Jane Doe", "Jane Smith"],
        about: &[JANE, JANE_SMITH, OLA],
        ..BLANK
    },
    Scripted {
        archive: EVENTS,
        stem: "award-night",
        title: "Award night",
        keywords: &["award", "stage"],
        byline: &["J. Doe"],
        caption: "Åse Kjær receives the staff award.",
        shown: &["Åse Kjær"],
        about: &[JANE, ASE],
        ..BLANK
    },
    Scripted {
        archive: EVENTS,
        stem: "conference-keynote",
        title: "Conference keynote",
        keywords: &["conference", "stage"],
        byline: &["Max Weiss"],
        caption: "Zoë Ångström gives the keynote on the main stage.",
        shown: &["Zoë Ångström"],
        uploader: Some(("jdoe", "Jane Doe")),
        about: &[JANE, ZOE, MAX],
        ..BLANK
    },
    Scripted {
        archive: EVENTS,
        stem: "design-workshop",
        title: "Design workshop",
        keywords: &["workshop", "design"],
        byline: &["Søren Kierkegaard"],
        caption: "Jane Doerr leads the design workshop.",
        shown: &["Jane Doerr"],
        about: &[JANE_DOERR, SOREN],
        ..BLANK
    },
    Scripted {
        archive: EVENTS,
        stem: "partner-dinner-berlin",
        title: "Partner dinner in Berlin",
        keywords: &["dinner", "partner", "berlin"],
        byline: &["Kari Nordmann"],
        caption: "Jo\u{0308}rg Mu\u{0308}ller and Max Weiß at the partner dinner.",
        shown: &[NFD_JORG_MULLER, "Max Weiß"],
        about: &[JORG, MAX, KARI],
        ..BLANK
    },
    Scripted {
        archive: EVENTS,
        stem: "panel-debate",
        title: "Panel debate",
        keywords: &["panel", "debate"],
        byline: &["Åse Kjær"],
        caption: "Siobhan O'Brien and François Lefèvre debate the future of work.",
        shown: &["Siobhan O'Brien", "François Lefèvre"],
        about: &[SIOBHAN, FRANCOIS, ASE],
        ..BLANK
    },
    Scripted {
        archive: EVENTS,
        stem: "ski-trip",
        title: "Ski trip",
        keywords: &["ski", "winter"],
        byline: &["Ola Nordmann"],
        caption: "Bjoern Oedegaard on the ski trip.",
        shown: &["Bjoern Oedegaard"],
        about: &[BJORN, OLA],
        ..BLANK
    },
    Scripted {
        archive: EVENTS,
        stem: "guest-lecture",
        title: "Guest lecture",
        keywords: &["lecture", "philosophy"],
        byline: &["Zoë Ångström"],
        caption: "Søren Kierkegaard lectures on choice.",
        shown: &["Søren Kierkegaard"],
        about: &[SOREN, ZOE],
        ..BLANK
    },
    Scripted {
        archive: EVENTS,
        stem: "christmas-dinner-canteen",
        title: "Christmas dinner",
        keywords: &["christmas", "dinner"],
        byline: &["Nguyễn Thị Minh"],
        caption: "Christmas dinner in the canteen.",
        about: &[NGUYEN],
        ..BLANK
    },
    // Press
    Scripted {
        archive: PRESS,
        stem: "press-kit",
        title: "Annual report press kit",
        keywords: &["annual report", "portrait"],
        byline: &["Kari Nordmann"],
        caption: "Portrait for the annual report press kit.",
        shown: &["Doe, Jane"],
        about: &[JANE, KARI],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "media-contact",
        title: "Media contact card",
        keywords: &["contact", "press"],
        caption: "Media contact card for the press office.",
        emails: &["Jane.Doe@Example.com"],
        uploader: PHOTO_DESK,
        about: &[JANE],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "radio-interview",
        title: "Radio interview",
        keywords: &["radio", "interview"],
        byline: &["Max Weiß"],
        caption: "Ola Nordmann on the radio. Questions to jane.doe@example.com.",
        shown: &["Ola Nordmann"],
        about: &[JANE, OLA, MAX],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "sydney-visit",
        title: "Visit from the Sydney office",
        keywords: &["visit", "sydney"],
        caption: "Contact jane.doe@example.com.au for prints.",
        emails: &["jane.doe@example.com.au"],
        uploader: PHOTO_DESK,
        about: &[EMAIL_AU],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "op-ed-portrait",
        title: "Op-ed portrait",
        keywords: &["portrait", "opinion"],
        byline: &["Jane Doerr"],
        caption: "Portrait for the op-ed page.",
        emails: &["jane.doerr@example.com"],
        about: &[JANE_DOERR],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "berlin-trade-fair",
        title: "Berlin trade fair",
        keywords: &["trade fair", "berlin"],
        byline: &["Jörg Müller"],
        caption: "Our stand at the Berlin trade fair.",
        emails: &["joerg.mueller@example.de"],
        phones: &["+49 30 1234567"],
        about: &[JORG],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "dublin-office",
        title: "Dublin office opening",
        keywords: &["office", "dublin"],
        byline: &["Siobhán O\u{2019}Brien"],
        caption: "The new Dublin office.",
        emails: &["siobhan.obrien@example.ie"],
        about: &[SIOBHAN],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "paris-launch",
        title: "Paris launch",
        keywords: &["launch", "paris"],
        byline: &["François Lefèvre"],
        caption: "François Lefèvre at the Paris launch.",
        shown: &["François Lefèvre"],
        about: &[FRANCOIS],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "hanoi-partnership",
        title: "Partnership signing in Hanoi",
        keywords: &["partnership", "hanoi"],
        byline: &["Bjørn Ødegård"],
        caption: "Nguyễn Thị Minh signs the partnership agreement.",
        shown: &["Nguyễn Thị Minh"],
        phones: &["+4722334455"],
        about: &[NGUYEN, BJORN],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "quote-card",
        title: "Quote card",
        keywords: &["quote", "philosophy"],
        caption: "Quote of the week by Søren Kirkegaard.",
        about: &[SOREN],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "quarterly-results",
        title: "Quarterly results",
        keywords: &["results", "finance"],
        byline: &["John Doe"],
        caption: "Jane Smith comments on the quarterly results.",
        shown: &["Jane Smith"],
        about: &[JANE_SMITH, JOHN_DOE],
        ..BLANK
    },
    Scripted {
        archive: PRESS,
        stem: "customer-service",
        title: "Customer service",
        keywords: &["customer", "service"],
        byline: &["Jane Smith"],
        caption: "Aase Kjaer answers customer questions.",
        shown: &["Aase Kjaer"],
        about: &[ASE, JANE_SMITH],
        ..BLANK
    },
    // Marketing
    Scripted {
        archive: MARKETING,
        stem: "spring-campaign",
        title: "Spring campaign shoot",
        keywords: &["campaign", "studio"],
        caption: "Spring campaign, studio 2.",
        phones: &["912 34 567"],
        uploader: PHOTO_DESK,
        about: &[JANE],
        ..BLANK
    },
    Scripted {
        archive: MARKETING,
        stem: "product-brochure",
        title: "Product brochure",
        keywords: &["brochure", "product"],
        byline: &["Jane Doe"],
        caption: "Cover image for the product brochure.",
        address: "Storgata 1, 0155 Oslo",
        emails: &["jane.doe@example.com"],
        phones: &["+47 912 34 567"],
        about: &[JANE],
        ..BLANK
    },
    Scripted {
        archive: MARKETING,
        stem: "product-launch",
        title: "Product launch",
        keywords: &["launch", "product"],
        byline: &["Zoë Ångström"],
        caption: "John Doe unveils the new product.",
        shown: &["Doe, John"],
        about: &[JOHN_DOE, ZOE],
        ..BLANK
    },
    Scripted {
        archive: MARKETING,
        stem: "licensing",
        title: "Licensing information",
        keywords: &["licensing"],
        caption: "Licensing requests to mary.jane.doe@example.com.",
        emails: &["mary.jane.doe@example.com"],
        about: &[EMAIL_MARY],
        ..BLANK
    },
    Scripted {
        archive: MARKETING,
        stem: "catalogue-shoot",
        title: "Catalogue shoot",
        keywords: &["catalogue", "studio"],
        byline: &["Joerg Mueller"],
        caption: "Catalogue shoot with Max Weiss.",
        shown: &["Max Weiss"],
        about: &[JORG, MAX],
        ..BLANK
    },
    Scripted {
        archive: MARKETING,
        stem: "autumn-styling",
        title: "Styling session",
        keywords: &["styling", "autumn"],
        byline: &["Jane Doerr"],
        caption: "Siobhán O\u{2019}Brien styles the autumn shoot.",
        shown: &["Siobhán O\u{2019}Brien"],
        about: &[SIOBHAN, JANE_DOERR],
        ..BLANK
    },
    Scripted {
        archive: MARKETING,
        stem: "campaign-poster",
        title: "Campaign poster",
        keywords: &["poster", "campaign"],
        byline: &["Zoë Ångström"],
        caption: "Poster for the spring campaign.",
        uploader: Some(("flefevre", "Francois Lefevre")),
        about: &[ZOE, FRANCOIS],
        ..BLANK
    },
    Scripted {
        archive: MARKETING,
        stem: "newsletter-header",
        title: "Newsletter header",
        keywords: &["newsletter"],
        caption: "Zoe Angstrom and Nguyen Thi Minh in the newsletter.",
        shown: &["Zoe Angstrom", "Nguyen Thi Minh"],
        about: &[ZOE, NGUYEN],
        ..BLANK
    },
    Scripted {
        archive: MARKETING,
        stem: "studio-lights",
        title: "Studio lights",
        keywords: &["studio", "lighting"],
        byline: &["Max Weiss"],
        caption: "Lighting test in studio 2.",
        about: &[MAX],
        ..BLANK
    },
    Scripted {
        archive: MARKETING,
        stem: "trade-show-booth",
        title: "Trade show booth",
        keywords: &["trade fair", "booth"],
        byline: &["Ola Nordmann"],
        caption: "Our booth at the trade show.",
        shown: &["Kari Nordmann"],
        emails: &["ola.nordmann@example.no"],
        about: &[OLA, KARI],
        ..BLANK
    },
];

// ---------------------------------------------------------------------------
// Generic people

pub(super) const CROWD_FIRST: &[&str] = &[
    "Anna", "Per", "Ingrid", "Lars", "Mette", "Erik", "Nina", "Tor", "Hilde", "Jonas",
];
pub(super) const CROWD_LAST: &[&str] = &[
    "Berg", "Hansen", "Larsen", "Dahl", "Haugen", "Bakke", "Solberg", "Strand",
];

/// First and last names that generic people are built from.
pub(super) struct NamePools {
    pub(super) first: Vec<String>,
    pub(super) last: Vec<String>,
}

/// A generic person with the contact details derived from their name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CrowdPerson {
    pub(super) name: String,
    pub(super) login: String,
}

impl CrowdPerson {
    pub(super) fn email(&self) -> String {
        format!("{}@example.com", self.login)
    }
}

impl NamePools {
    pub(super) fn sample() -> Self {
        Self {
            first: CROWD_FIRST.iter().map(|s| (*s).to_owned()).collect(),
            last: CROWD_LAST.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// 200 first names × 300 last names, built from syllables so they are all distinct
    /// and none equals a scripted person's name.
    pub(super) fn synthetic() -> Self {
        const ONSETS: [&str; 20] = [
            "A", "Be", "Ca", "Da", "E", "Fre", "Ga", "He", "I", "Jo", "Ka", "Le", "Ma", "Ni", "O",
            "Pa", "Ri", "Sa", "To", "Vi",
        ];
        const ENDINGS: [&str; 10] = [
            "na", "ra", "lin", "mir", "sa", "ven", "rik", "lde", "nja", "ro",
        ];
        const ROOTS: [&str; 20] = [
            "Aas", "Bakk", "Berg", "Dahl", "Eng", "Fjell", "Gran", "Hag", "Holm", "Kvam", "Lind",
            "Moe", "Ros", "Sand", "Skog", "Stor", "Tveit", "Ulv", "Vik", "Wold",
        ];
        const SUFFIXES: [&str; 15] = [
            "berg", "dal", "sen", "stad", "vik", "lund", "heim", "rud", "strand", "haug", "bakken",
            "nes", "by", "land", "ner",
        ];
        let join = |heads: &[&str], tails: &[&str]| -> Vec<String> {
            heads
                .iter()
                .flat_map(|head| tails.iter().map(move |tail| format!("{head}{tail}")))
                .collect()
        };
        Self {
            first: join(&ONSETS, &ENDINGS),
            last: join(&ROOTS, &SUFFIXES),
        }
    }

    pub(super) fn pick(&self, rng: &mut Rng) -> CrowdPerson {
        let first = &self.first[rng.usize(..self.first.len())];
        let last = &self.last[rng.usize(..self.last.len())];
        CrowdPerson {
            name: format!("{first} {last}"),
            login: format!("{}.{}", first.to_lowercase(), last.to_lowercase()),
        }
    }
}

/// A shared upload account that generic assets may name as their uploader.
pub(super) struct Account {
    pub(super) login: &'static str,
    pub(super) name: &'static str,
    /// The scripted person behind the account, if any.
    pub(super) person: Option<&'static str>,
}

pub(super) const PHOTO_DESK_ACCOUNT: Account = Account {
    login: "photo-desk",
    name: "Photo Desk",
    person: None,
};

/// Sample uploaders; the photo desk is listed twice to make it the most common.
pub(super) const SAMPLE_ACCOUNTS: [Account; 4] = [
    PHOTO_DESK_ACCOUNT,
    PHOTO_DESK_ACCOUNT,
    Account {
        login: "kari.n",
        name: "Kari Nordmann",
        person: Some(KARI),
    },
    Account {
        login: "olan",
        name: "Ola Nordmann",
        person: Some(OLA),
    },
];

/// Synthetic uploaders: no scripted account, so scripted people stay rare.
pub(super) const SYNTHETIC_ACCOUNTS: [Account; 1] = [PHOTO_DESK_ACCOUNT];
