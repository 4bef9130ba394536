//! The local index of one tenant: a tantivy index of every asset's metadata, plus the sync
//! state beside it. The seam is narrow — open, replace or delete documents, fetch
//! candidates — and nothing here knows about the terminal.
//!
//! The index proposes candidates by folded words, e-mails, phones and logins (and, for each
//! one-letter word that may be an initial, the words near it; for a name of two words, the
//! pairs of words that stand together, see [`pairs`]); the matcher then confirms each
//! candidate on the asset's stored metadata. Recall lives in tantivy,
//! precision in [`matcher`].

mod candidates;
pub mod group;
pub mod locate;
mod merges;
mod pairs;
mod search_dir;
pub mod state;
pub mod sync;
mod term_list;
pub mod versions;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::matching::country;
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query, RegexQuery, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::asset::{Asset, Metadata};
use crate::fields::{FieldRoles, Role};
use crate::fsutil;
use crate::matching::identity::{self, Probe, phone_e164};
use crate::matching::normalize::{TYPO_LETTERS, Word};
use crate::matching::{matcher, normalize};
use term_list::TermList;

/// Errors of the index. Callers branch on `NotSynced` to tell the user to run `dsr sync`.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("the tenant has not been indexed yet: run `dsr sync` first")]
    NotSynced,
    #[error("the index at {path} cannot be used: {source}")]
    Tantivy {
        path: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("cannot write the index at {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the index holds a document dsr cannot read ({0}): rebuild it with `dsr sync --full`")]
    Corrupt(&'static str),
    /// The index was built with other fields (by another version of dsr); `dsr sync`
    /// rebuilds it (see [`TenantIndex::recreate`]).
    #[error("the index at {0} was built by another version of dsr: rebuild it with `dsr sync`")]
    OtherSchema(PathBuf),
}

const WORDS_ANALYZER: &str = "dsr_words";
/// Memory for the indexing threads: small enough for the 300 MB budget of a 100k-asset
/// sync, large enough that segments stay few.
const WRITER_MEMORY: usize = 96 * 1024 * 1024;

/// Bytes of stored documents compressed together (applies to indexes created from now on).
/// Locate reads each candidate's document alone, and every read decompresses the whole
/// block holding it: with tantivy's default of 16 kB, decompression was over a quarter of
/// the time of a name with a thousand candidates; 1 kB blocks (a document or two) made the
/// index of a 100,000-asset tenant half as large again (24 MB instead of 16 MB).
const DOCSTORE_BLOCK: usize = 1024;

/// From how many candidates an exact value is read on several threads; below, a thread's
/// start costs more than it saves.
const PARALLEL_CANDIDATES: u64 = 256;

/// Handles to the fields of the schema.
#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    archive: Field,
    filename: Field,
    modified: Field,
    version: Field,
    metadata: Field,
    words: Field,
    /// The words of e-mail, phone and login fields, kept out of `words`: a name is never
    /// found in those (see the matcher), and namesakes' addresses ("mary.jane.doe@") made
    /// most of a name's candidates at a million assets. Searched text reads them too.
    identifier_words: Field,
    /// Two words that stand together where a name could (see [`pairs`]).
    pairs: Field,
    email: Field,
    phone: Field,
    login: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    // Words are folded by dsr itself (see normalize), so tantivy only splits on spaces.
    // Positions are not kept: phrases are checked by the matcher on the stored value.
    let words_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(WORDS_ANALYZER)
            .set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        archive: builder.add_text_field("archive", STRING | STORED),
        filename: builder.add_text_field("filename", STORED),
        modified: builder.add_text_field("modified", STORED),
        version: builder.add_text_field("version", STORED),
        metadata: builder.add_text_field("metadata", STORED),
        words: builder.add_text_field("words", words_options.clone()),
        identifier_words: builder.add_text_field("identifier_words", words_options.clone()),
        pairs: builder.add_text_field("pairs", words_options),
        email: builder.add_text_field("email", STRING),
        phone: builder.add_text_field("phone", STRING),
        login: builder.add_text_field("login", STRING),
    };
    (builder.build(), fields)
}

/// How a tenant's assets are turned into index terms; the same settings must be used when
/// searching, so a change of them forces a rebuild.
#[derive(Debug, Clone)]
pub struct IndexSettings {
    pub roles: FieldRoles,
    pub region: Option<country::Id>,
}

/// The tantivy index of one tenant.
pub struct TenantIndex {
    path: PathBuf,
    index: Index,
    fields: Fields,
    reader: IndexReader,
}

impl TenantIndex {
    /// Opens the index in `dir`, or creates an empty one (owner-only).
    pub fn open_or_create(dir: &Path) -> Result<TenantIndex, IndexError> {
        fsutil::private_dir(dir).map_err(|source| IndexError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let (schema, fields) = schema();
        let tantivy_err = |source| IndexError::Tantivy {
            path: dir.to_owned(),
            source,
        };
        let directory = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| tantivy_err(tantivy::TantivyError::from(e)))?;
        let settings = tantivy::IndexSettings {
            docstore_blocksize: DOCSTORE_BLOCK,
            ..tantivy::IndexSettings::default()
        };
        let index = Index::builder()
            .schema(schema)
            .settings(settings)
            .open_or_create(directory)
            .map_err(|e| match e {
                tantivy::TantivyError::SchemaError(_) => IndexError::OtherSchema(dir.to_owned()),
                e => tantivy_err(e),
            })?;
        Self::finish_open(dir, index, fields)
    }

    /// Removes the index in `dir`, whatever it holds, and creates an empty one: for a sync
    /// that rebuilds every document anyway, when the index was built with other fields.
    pub fn recreate(dir: &Path) -> Result<TenantIndex, IndexError> {
        // Removes a symbolic link itself, never what it points at.
        match std::fs::remove_dir_all(dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(IndexError::Io {
                    path: dir.to_owned(),
                    source: e,
                });
            }
            _ => {}
        }
        Self::open_or_create(dir)
    }

    /// Opens an existing index; `NotSynced` when there is none.
    pub fn open(dir: &Path) -> Result<TenantIndex, IndexError> {
        if !dir.join("meta.json").exists() {
            return Err(IndexError::NotSynced);
        }
        let directory =
            search_dir::SearchDirectory::open(dir).map_err(|e| IndexError::Tantivy {
                path: dir.to_owned(),
                source: e.into(),
            })?;
        let index = Index::open(directory).map_err(|source| IndexError::Tantivy {
            path: dir.to_owned(),
            source,
        })?;
        let (schema, fields) = schema();
        if index.schema() != schema {
            return Err(IndexError::OtherSchema(dir.to_owned()));
        }
        Self::finish_open(dir, index, fields)
    }

    fn finish_open(dir: &Path, index: Index, fields: Fields) -> Result<TenantIndex, IndexError> {
        index.tokenizers().register(
            WORDS_ANALYZER,
            TextAnalyzer::builder(WhitespaceTokenizer::default()).build(),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|source| IndexError::Tantivy {
                path: dir.to_owned(),
                source,
            })?;
        Ok(TenantIndex {
            path: dir.to_owned(),
            index,
            fields,
            reader,
        })
    }

    fn err(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.path.clone(),
            source,
        }
    }

    /// Starts a batch of changes; nothing is visible until [`IndexUpdate::commit`].
    pub fn update(&self) -> Result<IndexUpdate<'_>, IndexError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let writer = self
            .index
            .writer_with_num_threads(threads, WRITER_MEMORY)
            .map_err(|e| self.err(e))?;
        writer.set_merge_policy(Box::new(merges::CappedMerges::new(
            merges::MOST_MERGED_DOCS,
        )));
        Ok(IndexUpdate {
            index: self,
            writer,
        })
    }

    /// A writer kept open across many small commits (a bulk run's): unlike
    /// [`TenantIndex::update`] it does not wait for segment merges after each commit.
    pub fn writer(&self) -> Result<Writer, IndexError> {
        // Small batches: a modest arena, and one indexing thread.
        let writer = self
            .index
            .writer_with_num_threads(1, WRITER_MEMORY / 4)
            .map_err(|e| self.err(e))?;
        writer.set_merge_policy(Box::new(merges::CappedMerges::new(
            merges::MOST_MERGED_DOCS,
        )));
        Ok(Writer {
            writer,
            id: self.fields.id,
            path: self.path.clone(),
        })
    }

    /// Rewrites every segment holding deleted documents without them and removes the old
    /// segment files. A deleted or replaced document otherwise stays in its segment's files
    /// (only marked deleted) until a merge happens to take it: after an erasure or a
    /// rectification the old values must leave dsr's own copy too. Returns how many
    /// segments were rewritten. Needs the tenant lock (it takes the index writer).
    pub fn expunge_deleted(&self) -> Result<usize, IndexError> {
        // Segment metas held anywhere (here, or by a searcher) keep their files alive
        // through garbage collection: only ids are kept, and the reader moves on below.
        let ids: Vec<tantivy::index::SegmentId> = self
            .index
            .searchable_segment_metas()
            .map_err(|e| self.err(e))?
            .iter()
            .filter(|m| m.has_deletes())
            .map(|m| m.id())
            .collect();
        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(1, WRITER_MEMORY / 4)
            .map_err(|e| self.err(e))?;
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        // Each segment is rewritten on its own: merged together, the segments holding a
        // subject's assets (every segment, often) would make one as large as the index,
        // which the merges of a sync never make (see `merges`), and a merge maps all it reads.
        for id in &ids {
            writer
                .merge(std::slice::from_ref(id))
                .wait()
                .map_err(|e| self.err(e))?;
        }
        self.reader.reload().map_err(|e| self.err(e))?;
        // Files of segments merged away before (by an earlier run's merges) go too.
        writer
            .garbage_collect_files()
            .wait()
            .map_err(|e| self.err(e))?;
        writer.wait_merging_threads().map_err(|e| self.err(e))?;
        Ok(ids.len())
    }

    /// Builds the document of an asset (pure: may run on any thread).
    pub fn document(&self, asset: &Asset, settings: &IndexSettings) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &asset.id);
        doc.add_text(f.archive, &asset.archive);
        doc.add_text(f.filename, &asset.filename);
        doc.add_text(f.modified, asset.modified.as_deref().unwrap_or(""));
        doc.add_text(f.version, &asset.version);
        let stored = serde_json::to_string(&asset.metadata).unwrap_or_default();
        doc.add_text(f.metadata, &stored);
        let terms = IndexTerms::of(&asset.metadata, settings);
        doc.add_text(f.words, terms.words.joined());
        if !terms.identifier_words.is_empty() {
            doc.add_text(f.identifier_words, terms.identifier_words.joined());
        }
        if !terms.pairs.is_empty() {
            doc.add_text(f.pairs, terms.pairs.joined());
        }
        for email in &terms.emails {
            doc.add_text(f.email, email);
        }
        for phone in &terms.phones {
            doc.add_text(f.phone, phone);
        }
        for login in &terms.logins {
            doc.add_text(f.login, login);
        }
        doc
    }

    /// True when some document holds the phone key `e164`, as the index's own phone
    /// numbers were read (see [`identity::vouch_for_phone_key`]).
    pub fn has_phone_key(&self, e164: &str) -> Result<bool, IndexError> {
        self.reader.reload().map_err(|e| self.err(e))?;
        let term = Term::from_field_text(self.fields.phone, e164);
        let documents = self
            .reader
            .searcher()
            .doc_freq(&term)
            .map_err(|e| self.err(e))?;
        Ok(documents > 0)
    }

    /// Every stored asset that may hold one of the identities. The matcher decides.
    pub fn candidates(&self, probes: &[Probe]) -> Result<Vec<Asset>, IndexError> {
        self.confirm_candidates(probes, Some)
    }

    /// Every stored asset that may hold one of the identities, each passed to `confirm`
    /// (the matcher), which keeps what it returns; in index order. Many candidates are read
    /// and confirmed on several threads: reading and matching them is what a slow search
    /// spends its time on.
    pub fn confirm_candidates<T: Send>(
        &self,
        probes: &[Probe],
        confirm: impl Fn(Asset) -> Option<T> + Sync,
    ) -> Result<Vec<T>, IndexError> {
        self.reader.reload().map_err(|e| self.err(e))?;
        let searcher = self.reader.searcher();
        let searching = std::time::Instant::now();
        let confirm_run = |addresses: &[tantivy::DocAddress]| -> Result<Vec<T>, IndexError> {
            let mut kept = Vec::new();
            for &address in addresses {
                let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
                kept.extend(confirm(self.asset_of(&doc)?));
            }
            Ok(kept)
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let helpers = if self.many_candidates(probes, &searcher) {
            threads - 1
        } else {
            0
        };
        let (kept, candidates) = candidates::search(
            &searcher,
            helpers,
            || self.weight(probes, &searcher),
            confirm_run,
            |e| self.err(e),
        )?;
        log::info!(
            "{candidates} candidate(s) to confirm, searched and confirmed on {} thread(s) in {:?}",
            helpers + 1,
            searching.elapsed()
        );
        Ok(kept)
    }

    /// True when `probes` may meet enough candidates for a second thread to pay for its
    /// start: a name or a phrase (hundreds at a million assets), or an exact value that
    /// many documents hold (an e-mail in 740 assets at ten million). An exact value meets
    /// as many candidates as its term has documents, most often a handful.
    fn many_candidates(&self, probes: &[Probe], searcher: &Searcher) -> bool {
        let f = &self.fields;
        let documents = |field, text: &str| {
            // Counted with deleted documents too: this only chooses how many threads read.
            searcher
                .doc_freq(&Term::from_field_text(field, text))
                .unwrap_or(0)
        };
        let held: u64 = probes
            .iter()
            .map(|p| match p {
                Probe::Name(_) | Probe::Text(_) => u64::MAX,
                Probe::Email(email) => documents(f.email, email),
                Probe::Phone(e164) => documents(f.phone, e164),
                Probe::Login(login) => documents(f.login, login),
            })
            .fold(0, u64::saturating_add);
        held >= PARALLEL_CANDIDATES
    }

    /// The query for `probes`, ready to search.
    fn weight(
        &self,
        probes: &[Probe],
        searcher: &Searcher,
    ) -> Result<Box<dyn tantivy::query::Weight>, IndexError> {
        let clauses: Vec<(Occur, Box<dyn Query>)> = probes
            .iter()
            .map(|p| (Occur::Should, self.probe_query(p, searcher)))
            .collect();
        BooleanQuery::new(clauses)
            .weight(tantivy::query::EnableScoring::disabled_from_searcher(
                searcher,
            ))
            .map_err(|e| self.err(e))
    }

    /// Calls `f` with every stored asset (for scans that cannot use terms, such as
    /// replaying tombstones, which hold only hashes).
    pub fn for_each_asset(&self, mut f: impl FnMut(Asset)) -> Result<(), IndexError> {
        self.reader.reload().map_err(|e| self.err(e))?;
        let searcher = self.reader.searcher();
        let addresses = searcher
            .search(
                &tantivy::query::AllQuery,
                &tantivy::collector::DocSetCollector,
            )
            .map_err(|e| self.err(e))?;
        let mut addresses: Vec<_> = addresses.into_iter().collect();
        addresses.sort();
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
            f(self.asset_of(&doc)?);
        }
        Ok(())
    }

    /// The number of assets in the index.
    pub fn len(&self) -> Result<u64, IndexError> {
        self.reader.reload().map_err(|e| self.err(e))?;
        Ok(self.reader.searcher().num_docs())
    }

    pub fn is_empty(&self) -> Result<bool, IndexError> {
        Ok(self.len()? == 0)
    }

    fn asset_of(&self, doc: &TantivyDocument) -> Result<Asset, IndexError> {
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
                .ok_or(IndexError::Corrupt("a stored field is missing"))
        };
        let metadata: Metadata = serde_json::from_str(&text(self.fields.metadata)?)
            .map_err(|_| IndexError::Corrupt("the stored metadata is not JSON"))?;
        let modified = text(self.fields.modified)?;
        Ok(Asset {
            id: text(self.fields.id)?,
            archive: text(self.fields.archive)?,
            filename: text(self.fields.filename)?,
            modified: (!modified.is_empty()).then_some(modified),
            version: text(self.fields.version)?,
            metadata,
        })
    }

    fn probe_query(&self, probe: &Probe, searcher: &Searcher) -> Box<dyn Query> {
        let f = &self.fields;
        let term = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        match probe {
            Probe::Email(email) => term(f.email, email),
            Probe::Phone(e164) => term(f.phone, e164),
            Probe::Login(login) => term(f.login, login),
            Probe::Name(words) => self.all_words(words, true, searcher),
            Probe::Text(words) => self.all_words(words, false, searcher),
        }
    }

    /// Documents holding every word (any fold), and for names also one-typo variants of
    /// long words and initials, which the matcher grades lower.
    fn all_words(&self, words: &[Word], loose: bool, searcher: &Searcher) -> Box<dyn Query> {
        if loose
            && let [first, second] = words
            && !(first.is_initial() && second.is_initial())
            && let Some(query) = self.side_by_side(first, second, searcher)
        {
            return query;
        }
        self.word_by_word(words, loose, searcher)
    }

    /// Documents holding every word anywhere (any fold), and for names also one-typo
    /// variants of long words and initials near the other words.
    fn word_by_word(&self, words: &[Word], loose: bool, searcher: &Searcher) -> Box<dyn Query> {
        // A name of one word meets no initial (see the matcher), so its letter proposes
        // nothing: searched alone, "Annabelle" would otherwise read every caption with "a".
        let initials = loose && words.len() > 1;
        let alternatives: Vec<WordAlternatives> = words
            .iter()
            .map(|word| self.alternatives(word, loose, initials, searcher))
            .collect();
        let letters: Vec<Option<&str>> = alternatives.iter().map(|a| a.letter.as_deref()).collect();
        // See `letter_evidence`; a name of initials only is searched the plain way.
        let placed = loose
            && (2..=NEIGHBOURS + 1).contains(&words.len())
            && words.iter().any(|w| !w.is_initial());
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (j, (word, a)) in words.iter().zip(&alternatives).enumerate() {
            let mut any: Vec<Box<dyn Query>> = a.strong.iter().map(|q| q.box_clone()).collect();
            if placed {
                if word.is_initial() {
                    // Reading every word that starts with the initial's letter costs more
                    // than the candidates it rules out: the name's full words bound them.
                    continue;
                }
                any.extend(self.letter_evidence(words, &letters, j, searcher));
            } else if let Some(letter) = &a.letter {
                any.push(self.word_query(letter));
            }
            clauses.push((Occur::Must, any_of(any.into_iter())));
        }
        let every_word: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
        if !loose || words.len() < 3 || words.len() > MISSING_WORDS_UP_TO {
            return every_word;
        }
        // A person field may lack some of a long name's words, never the first ("Mary
        // Shelley" for Mary Wollstonecraft Shelley): the first word with any word after the
        // second, both as written (the matcher takes no typo or other spelling there) and
        // both in one person entry (their pair, see `pairs`), also proposes the asset, and
        // the matcher grades what is missing. An entry too long to pair (its words split
        // into many parts by invisible characters) holds the marker instead: there the two
        // words are read anywhere in the asset. The first two words alone ("Kanja Maria")
        // are most often two given names: at a million assets they proposed six times the
        // candidates of the whole name, and name no family. Searched among all words, "Kanja" and "Storstad" in
        // any two fields proposed 317 assets there, none of them a match.
        let mut either = vec![every_word];
        let long = self.holds_long_entries(searcher);
        for j in 2..words.len() {
            let both = words[0].terms().flat_map(|a| {
                words[j]
                    .terms()
                    .flat_map(move |b| [pairs::term(a, b), pairs::term(b, a)])
            });
            either.push(any_of(both.map(|pair| self.pair_query(&pair))));
            if !long {
                continue;
            }
            let anywhere = [0, j].map(|k| {
                (
                    Occur::Must,
                    any_of(words[k].terms().map(|t| self.word_query(t))),
                )
            });
            either.push(Box::new(BooleanQuery::new(
                std::iter::once((Occur::Must, self.pair_query(pairs::LONG_ENTRY)))
                    .chain(anywhere)
                    .collect(),
            )));
        }
        any_of(either.into_iter())
    }

    /// A name of two words, at most one of them an initial: the assets where they stand
    /// together, in one person entry or side by side in a text, in any spelling the
    /// matcher takes, an initial among them (see [`pairs`]) — every place the matcher finds
    /// such a name. `None` when the pairs do not hold every such place (a name with a word
    /// such as "the", which running text is not paired by), or when a segment's pairs
    /// cannot be read: the caller then searches the words each on its own, and tantivy
    /// says what failed.
    fn side_by_side(
        &self,
        first: &Word,
        second: &Word,
        searcher: &Searcher,
    ) -> Option<Box<dyn Query>> {
        if pairs::holds_common(first) || pairs::holds_common(second) {
            return None;
        }
        let found = pairs::terms_for(searcher, self.fields.pairs, first, second).ok()?;
        let mut any: Vec<Box<dyn Query>> = found.iter().map(|pair| self.pair_query(pair)).collect();
        // A person entry too long to pair every two of its words (see `pairs`) is searched
        // word by word, in the few assets that hold one.
        if self.holds_long_entries(searcher) {
            let words = [first.clone(), second.clone()];
            any.push(Box::new(BooleanQuery::new(vec![
                (Occur::Must, self.pair_query(pairs::LONG_ENTRY)),
                (Occur::Must, self.word_by_word(&words, true, searcher)),
            ])));
        }
        Some(any_of(any.into_iter()))
    }

    /// What an asset holds when the full word `j` of a name of two to [`NEIGHBOURS`] + 1
    /// words is written there as its letter ("A." for "Anna"). The matcher takes a
    /// one-letter word for an initial only beside the name's other words — in the same
    /// person entry, or in the same run of words — so the letter must stand near another
    /// word of the name, as itself, with a typo, as its letter, or (for a searched initial)
    /// as a word starting with it; the index keeps those neighbours as terms of their own.
    /// Without this, the article "a" of most captions made every name with a word starting
    /// with A a candidate in most of a tenant.
    fn letter_evidence(
        &self,
        words: &[Word],
        letters: &[Option<&str>],
        j: usize,
        searcher: &Searcher,
    ) -> Vec<Box<dyn Query>> {
        let Some(letter) = letters[j] else {
            return Vec::new();
        };
        let mut evidence: Vec<Box<dyn Query>> = Vec::new();
        for (i, (other, other_letter)) in words.iter().zip(letters).enumerate() {
            if i == j {
                continue;
            }
            for distance in 1..words.len() {
                if other.is_initial() {
                    if let Some(first) = other.stripped().chars().next() {
                        evidence.push(self.word_query(&beside_initial(letter, first, distance)));
                    }
                    continue;
                }
                for text in other.terms() {
                    let term = beside(letter, text, distance);
                    if other.letters() >= TYPO_LETTERS {
                        // The same letter at the same distance, beside a word the matcher
                        // takes for a typo: one edit elsewhere in the term is another
                        // letter or distance, which no name of this search stands for.
                        let at = beside(letter, "", distance);
                        let kept = |found: &str| {
                            found.strip_prefix(&at).is_some_and(|word| {
                                !word.starts_with('_') && typo_long_enough(word)
                            })
                        };
                        evidence.push(self.one_typo(searcher, self.fields.words, &term, kept));
                    }
                    evidence.push(self.word_query(&term));
                }
                // Another romanisation of the other word ("Pyotr" beside "T." for "Petr").
                let key = other.latin_key();
                if other.terms().all(|t| t != key) {
                    evidence.push(self.word_query(&beside(letter, &key, distance)));
                }
                if let Some(other_letter) = other_letter {
                    evidence.push(self.word_query(&beside(letter, other_letter, distance)));
                }
            }
        }
        evidence
    }

    /// What may stand for one searched word in a document; `initials` when an initial may
    /// stand for it (or it for a word).
    fn alternatives(
        &self,
        word: &Word,
        loose: bool,
        initials: bool,
        searcher: &Searcher,
    ) -> WordAlternatives {
        let field = self.fields.words;
        let mut strong: Vec<Box<dyn Query>> = Vec::new();
        for text in word.terms() {
            strong.push(self.word_query(text));
            if !loose {
                strong.push(Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.identifier_words, text),
                    IndexRecordOption::Basic,
                )));
            }
            if loose && word.letters() >= TYPO_LETTERS {
                strong.push(self.one_typo(searcher, field, text, typo_long_enough));
            }
        }
        let key = word.latin_key();
        if loose && word.terms().all(|t| t != key) {
            strong.push(self.word_query(&key));
        }
        if initials
            && word.is_initial()
            && let Some(initial) = word.stripped().chars().next()
        {
            // A searched initial meets any word starting with it.
            let pattern = format!("{}.*", regex_escape(initial));
            if let Ok(q) = RegexQuery::from_pattern(&pattern, field) {
                strong.push(Box::new(q));
            }
        }
        let letter = if initials { letter_of(word) } else { None };
        WordAlternatives { strong, letter }
    }

    /// Documents holding a word one edit (or one swap of neighbours) from `text` in
    /// `field`, or `text` itself, that `kept` accepts (the callers search `text` on its own
    /// too): those words are looked up in each segment's dictionary here and searched as
    /// terms. Tantivy's fuzzy query marks its
    /// documents in a bitmap as large as each segment, cleared and read whole: at ten
    /// million assets that was 10 of the 11 ms a name with two such words spent searching,
    /// whatever its hits.
    fn one_typo(
        &self,
        searcher: &Searcher,
        field: Field,
        text: &str,
        kept: impl Fn(&str) -> bool,
    ) -> Box<dyn Query> {
        let fuzzy = FuzzyTermQuery::new(Term::from_field_text(field, text), 1, true);
        let words = || -> tantivy::Result<BTreeSet<String>> {
            let automaton = fuzzy.automaton()?;
            let mut words = BTreeSet::new();
            for segment in searcher.segment_readers() {
                let inverted = segment.inverted_index(field)?;
                let mut terms = inverted.terms().search(&automaton).into_stream()?;
                while terms.advance() {
                    // Every term of these fields is text (see the schema).
                    if let Ok(word) = std::str::from_utf8(terms.key())
                        && kept(word)
                    {
                        words.insert(word.to_owned());
                    }
                }
            }
            Ok(words)
        };
        match words() {
            Ok(words) => any_of(words.into_iter().map(|w| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(field, &w),
                    IndexRecordOption::Basic,
                ))
            })),
            // Left to tantivy, which reads the same dictionaries and says what failed.
            Err(_) => Box::new(fuzzy),
        }
    }

    fn word_query(&self, text: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(self.fields.words, text),
            IndexRecordOption::Basic,
        ))
    }

    /// Whether some asset holds a person entry too long to be paired (see `pairs`); when
    /// that cannot be read, taken for yes, so that such entries are still searched.
    fn holds_long_entries(&self, searcher: &Searcher) -> bool {
        let long = Term::from_field_text(self.fields.pairs, pairs::LONG_ENTRY);
        searcher.doc_freq(&long).map_or(true, |n| n > 0)
    }

    fn pair_query(&self, text: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(self.fields.pairs, text),
            IndexRecordOption::Basic,
        ))
    }
}

/// The longest name whose assets missing some of its words are proposed: each word beyond
/// the first adds a pair of words to search.
const MISSING_WORDS_UP_TO: usize = 5;

/// The index terms that may stand for one searched word of a name.
struct WordAlternatives {
    /// The word itself in either fold, its one-typo variants, and for a searched initial
    /// every word it may abbreviate.
    strong: Vec<Box<dyn Query>>,
    /// For a full word, its first letter, written as an initial ("j" for "Jane").
    letter: Option<String>,
}

/// A full word's first letter, as it is written when the word is written as its initial
/// ("j" for "Jane"); `None` for a word that is an initial already.
fn letter_of(word: &Word) -> Option<String> {
    if word.is_initial() {
        return None;
    }
    word.stripped().chars().next().map(String::from)
}

/// Whether an index word one edit from a searched word is long enough for the matcher to
/// take it for a typo of it ([`Word::one_typo_from`]): a shorter one never pairs, so its
/// assets are not read. Either fold of a word has at least the letters of its stripped
/// fold, so this keeps every word the matcher could take.
fn typo_long_enough(word: &str) -> bool {
    word.chars().nth(TYPO_LETTERS - 1).is_some()
}

fn any_of(queries: impl Iterator<Item = Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        queries.map(|q| (Occur::Should, q)).collect(),
    ))
}

/// How far apart (in words) a one-letter word and another word of the same name may stand
/// in running text for the index to note them together. Names of up to `NEIGHBOURS + 1`
/// words are searched with that help; longer ones, rare, without it.
const NEIGHBOURS: usize = 2;

/// The index term saying that the one-letter word `letter` stands `distance` words from the
/// word `word` (any two words of one person entry count as 1 apart). Words never hold `_`,
/// so such a term meets no word.
fn beside(letter: &str, word: &str, distance: usize) -> String {
    format!("{letter}{}{word}", "_".repeat(distance))
}

/// Like [`beside`], for any word starting with `first`.
fn beside_initial(letter: &str, first: char, distance: usize) -> String {
    format!("{letter}{}{first}*", "_".repeat(distance))
}

/// The [`beside`] and [`beside_initial`] terms of one value: for each one-letter word, the
/// words that may belong to the same name — the rest of its entry in a person field, the
/// words up to [`NEIGHBOURS`] away in any other field.
fn letter_terms(item: &str, words: &[Word], role: Role) -> Vec<String> {
    let mut terms = Vec::new();
    // Most values hold no one-letter word.
    if !words.iter().any(Word::is_initial) {
        return terms;
    }
    let mut note = |words: &[Word], p: usize, q: usize, distance: usize| {
        let (letter, other) = (words[p].stripped(), &words[q]);
        terms.extend(other.terms().map(|t| beside(letter, t, distance)));
        let key = other.latin_key();
        if other.terms().all(|t| t != key) {
            terms.push(beside(letter, &key, distance));
        }
        if let Some(first) = other.stripped().chars().next() {
            terms.push(beside_initial(letter, first, distance));
        }
    };
    if role == Role::Person {
        for (start, end) in matcher::person_entries(item) {
            let entry = normalize::words(&item[start..end]);
            for p in (0..entry.len()).filter(|&p| entry[p].is_initial()) {
                for q in (0..entry.len()).filter(|&q| q != p) {
                    note(&entry, p, q, 1);
                }
            }
        }
    } else {
        // In running text only a letter written as an initial is one (see the matcher).
        for p in (0..words.len()).filter(|&p| words[p].written_as_initial(item)) {
            let near = p.saturating_sub(NEIGHBOURS)..words.len().min(p + NEIGHBOURS + 1);
            for q in near.filter(|&q| q != p) {
                note(words, p, q, p.abs_diff(q));
            }
        }
    }
    terms
}

fn regex_escape(c: char) -> String {
    if c.is_alphanumeric() {
        c.to_string()
    } else {
        format!("\\{c}")
    }
}

/// An asset of the tests' indexes, `a/{n:05}.jpg`, holding `metadata`.
#[cfg(test)]
fn test_asset(n: usize, metadata: Metadata) -> Asset {
    Asset {
        id: format!("a/{n:05}.jpg"),
        archive: "a".into(),
        filename: format!("{n:05}.jpg"),
        modified: None,
        version: "1".into(),
        metadata,
    }
}

/// Adds one commit of assets holding `metadata` each, numbered from `first` (see
/// [`test_asset`]), to the tests' index `index`.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
fn test_commit(index: &TenantIndex, first: usize, metadata: impl IntoIterator<Item = Metadata>) {
    let mut update = index.update().unwrap();
    for (n, metadata) in metadata.into_iter().enumerate() {
        let asset = test_asset(first + n, metadata);
        update
            .add(index.document(&asset, &test_settings()))
            .unwrap();
    }
    update.commit().unwrap();
}

/// The settings of the tests' indexes: FotoWeb's standard fields, no region.
#[cfg(test)]
fn test_settings() -> IndexSettings {
    IndexSettings {
        roles: FieldRoles::standard(),
        region: None,
    }
}

/// A batch of index changes.
pub struct IndexUpdate<'a> {
    index: &'a TenantIndex,
    writer: IndexWriter,
}

impl IndexUpdate<'_> {
    /// Replaces (or adds) the document of an asset.
    pub fn upsert(&mut self, id: &str, doc: TantivyDocument) -> Result<(), IndexError> {
        self.remove(id);
        self.writer
            .add_document(doc)
            .map(|_| ())
            .map_err(|e| self.index.err(e))
    }

    /// Adds the document of an asset the index does not hold (after [`Self::remove_all`],
    /// one not added since): unlike [`Self::upsert`], nothing is deleted first.
    pub fn add(&mut self, doc: TantivyDocument) -> Result<(), IndexError> {
        self.writer
            .add_document(doc)
            .map(|_| ())
            .map_err(|e| self.index.err(e))
    }

    pub fn remove(&mut self, id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.index.fields.id, id));
    }

    pub fn remove_all(&mut self) -> Result<(), IndexError> {
        self.writer
            .delete_all_documents()
            .map(|_| ())
            .map_err(|e| self.index.err(e))
    }

    /// Makes the batch durable and visible.
    pub fn commit(mut self) -> Result<(), IndexError> {
        self.writer.commit().map_err(|e| self.index.err(e))?;
        self.writer
            .wait_merging_threads()
            .map_err(|e| self.index.err(e))
    }
}

/// An index writer for many commits; see [`TenantIndex::writer`].
pub struct Writer {
    writer: IndexWriter,
    id: tantivy::schema::Field,
    path: PathBuf,
}

impl Writer {
    fn err(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.path.clone(),
            source,
        }
    }

    /// Replaces (or adds) the document of an asset.
    pub fn upsert(&mut self, id: &str, doc: TantivyDocument) -> Result<(), IndexError> {
        self.remove(id);
        self.writer
            .add_document(doc)
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    pub fn remove(&mut self, id: &str) {
        self.writer.delete_term(Term::from_field_text(self.id, id));
    }

    /// Makes the changes so far durable and visible to searches.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.writer.commit().map(|_| ()).map_err(|e| self.err(e))
    }

    /// Waits for the merges the commits started.
    pub fn finish(self) -> Result<(), IndexError> {
        let path = self.path.clone();
        self.writer
            .wait_merging_threads()
            .map_err(|source| IndexError::Tantivy { path, source })
    }
}

/// The terms one asset contributes to the index.
#[derive(Debug, Default)]
struct IndexTerms {
    words: TermList,
    /// The words of e-mail, phone and login fields, in both folds: only searched text
    /// is looked for there, as written, so no other spelling is kept.
    identifier_words: TermList,
    /// Two words that stand together where a name could (see [`pairs`]).
    pairs: TermList,
    emails: Vec<String>,
    phones: Vec<String>,
    logins: Vec<String>,
}

impl IndexTerms {
    fn of(metadata: &Metadata, settings: &IndexSettings) -> IndexTerms {
        let mut terms = IndexTerms::default();
        for (field, value) in metadata {
            let role = settings.roles.role(field);
            for item in value.items() {
                let words = normalize::words(item);
                if matches!(role, Role::Email | Role::Phone | Role::Login) {
                    terms
                        .identifier_words
                        .extend(words.iter().flat_map(Word::terms));
                } else {
                    // The same name in another script or romanisation is proposed by its
                    // romanised key ("Пётр" and "Pyotr" both by "petr").
                    let keys: Vec<Cow<str>> = words.iter().map(Word::latin_key).collect();
                    for (word, key) in words.iter().zip(&keys) {
                        terms.words.extend(word.terms());
                        if word.terms().all(|t| t != key) {
                            terms.words.push(key);
                        }
                        // A name run together ("JaneDoe") is proposed by its parts.
                        for part in word.parts() {
                            terms.words.extend(part.terms());
                        }
                    }
                    terms
                        .words
                        .extend(letter_terms(item, &words, role).iter().map(String::as_str));
                    pairs::of_value(item, &words, &keys, role, &mut terms.pairs);
                }
                terms.emails.extend(normalize::emails_in(item));
                match role {
                    Role::Email => terms.emails.push(normalize::email(item)),
                    Role::Phone => terms.phones.extend(
                        item.split([',', ';', '/'])
                            .filter_map(|part| phone_e164(part, settings.region)),
                    ),
                    Role::Login => terms.logins.push(normalize::login(item)),
                    Role::Text => terms.phones.extend(
                        identity::phones_in_text(item, settings.region)
                            .into_iter()
                            .map(|(_, _, e164)| e164),
                    ),
                    Role::Person => {}
                }
            }
        }
        terms.emails.sort_unstable();
        terms.emails.dedup();
        terms
    }
}
