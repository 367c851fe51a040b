//! Every sentence a person reads, in the reader's language: Project Fluent catalogs
//! (`credential-core/locales/<tag>/skillpass.ftl`) embedded in the library (no file I/O at
//! run time, so the same catalogs serve the CLI, the registry and wasm), a [`Msg`] that a
//! check or an answer records (a message id and its typed arguments), and [`Lang`], the
//! language a reader gets after the fallback chain: exact tag → base language → English.
//!
//! Machine-readable output never depends on the language: codes, check names and JSON
//! fields stay the same, and the English text of a [`Msg`] is what `detail` fields have
//! always carried. Language is presentation, rendered at the edge with [`Msg::text`].
//!
//! `en-XA` is a pseudo-locale for testing: the English catalog with every letter accented,
//! every message wrapped in `⟦…⟧` and every text argument (data: identifiers, names, dates)
//! in `‹…›`, so any text that bypasses the catalog stands out.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language Skillpass speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the fallback of every chain.
    #[default]
    En,
    /// German.
    De,
    /// Filipino (Tagalog); `tl` is accepted as the same language.
    Fil,
    /// Arabic (Modern Standard Arabic), written right to left.
    Ar,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// The `en-XA` pseudo-locale used by tests to find text that bypasses the catalogs.
    Pseudo,
}

impl Lang {
    /// The languages with a catalog of their own, English first.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::De, Lang::Fil, Lang::Ar, Lang::Es, Lang::Fr];

    /// The BCP 47 tag (`de`, `fil`, `en-XA`).
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Fil => "fil",
            Self::Ar => "ar",
            Self::Es => "es",
            Self::Fr => "fr",
            Self::Pseudo => "en-XA",
        }
    }

    /// The writing direction, as HTML and JSON name it: `rtl` or `ltr`.
    pub fn dir(self) -> &'static str {
        if self == Self::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language of `tag` with the fallback chain: the exact tag, else its base language,
    /// else English. `fell_back` is true when the answer is not the language asked for
    /// (English given for an unknown language); a regional variant of a language Skillpass
    /// speaks (`de-AT`) is that language. Locale strings (`de_DE.UTF-8`) are understood;
    /// `C` and `POSIX` are English.
    pub fn choose(tag: &str) -> Choice {
        let cleaned = tag
            .split(['.', '@'])
            .next()
            .unwrap_or_default()
            .trim()
            .replace('_', "-");
        if cleaned.eq_ignore_ascii_case("en-XA") {
            return Choice {
                lang: Self::Pseudo,
                fell_back: false,
            };
        }
        let base = cleaned
            .parse::<LanguageIdentifier>()
            .ok()
            .map(|id| id.language.as_str().to_ascii_lowercase());
        let lang = match base.as_deref() {
            Some("en") => Some(Self::En),
            Some("de") => Some(Self::De),
            Some("fil" | "tl") => Some(Self::Fil),
            Some("ar") => Some(Self::Ar),
            Some("es") => Some(Self::Es),
            Some("fr") => Some(Self::Fr),
            _ => None,
        };
        match lang {
            Some(lang) => Choice {
                lang,
                fell_back: false,
            },
            None => Choice {
                lang: Self::En,
                fell_back: !(cleaned.eq_ignore_ascii_case("C")
                    || cleaned.eq_ignore_ascii_case("POSIX")),
            },
        }
    }

    /// The best language for an HTTP `Accept-Language` header (quality values honoured),
    /// English when none of the listed languages is spoken or the header is absent.
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let Some(header) = header else {
            return Self::En;
        };
        let mut ranges: Vec<(f32, usize, &str)> = header
            .split(',')
            .take(32)
            .enumerate()
            .filter_map(|(i, part)| {
                let mut bits = part.split(';');
                let range = bits.next()?.trim();
                let q = bits
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (q > 0.0 && !range.is_empty() && range != "*").then_some((q, i, range))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranges
            .into_iter()
            .map(|(_, _, range)| Self::choose(range))
            .find(|c| !c.fell_back && c.lang != Self::Pseudo)
            .map_or(Self::En, |c| c.lang)
    }

    /// The text of this language's catalog, compiled into the library (the pseudo-locale
    /// is made from the English one).
    fn catalog(self) -> &'static str {
        match self {
            Self::En | Self::Pseudo => include_str!("../../locales/en/skillpass.ftl"),
            Self::De => include_str!("../../locales/de/skillpass.ftl"),
            Self::Fil => include_str!("../../locales/fil/skillpass.ftl"),
            Self::Ar => include_str!("../../locales/ar/skillpass.ftl"),
            Self::Es => include_str!("../../locales/es/skillpass.ftl"),
            Self::Fr => include_str!("../../locales/fr/skillpass.ftl"),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// What [`Lang::choose`] settled on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The language used.
    pub lang: Lang,
    /// True when the reader asked for a language Skillpass does not speak.
    pub fell_back: bool,
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text shown as it is (an identifier, a date, a name from trust data).
    Text(String),
    /// A number, which also picks the plural form.
    Num(i64),
    /// Another message, rendered in the same language (a list of findings).
    Msg(Box<Msg>),
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Self::Msg(Box::new(m))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Self::Text(s.clone())
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Self::Num(n)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Self::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Self::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// A sentence to be shown: a catalog message id and its arguments. Arguments carry
/// identifiers, dates and trust-data names, never a holder's personal data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Msg {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// The message `id` with no arguments yet.
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the argument `$name`.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// A text the catalogs cannot say better, such as a lower layer's error naming a
    /// parser position: shown as it is in every language (message `raw`).
    pub fn raw(text: impl Into<String>) -> Self {
        Self::new("raw").arg("text", text.into())
    }

    /// The messages joined pairwise by the message `id` (`{ $first }; { $second }`), or
    /// `None` for none.
    pub fn join(id: &'static str, items: impl IntoIterator<Item = Msg>) -> Option<Msg> {
        items
            .into_iter()
            .reduce(|first, second| Msg::new(id).arg("first", first).arg("second", second))
    }

    /// The message id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The arguments, in the order they were added.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The sentence in `lang` (the English one when `lang`'s catalog lacks the message).
    pub fn text(&self, lang: Lang) -> String {
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            match value {
                // The pseudo-locale marks data (`‹…›`) apart from catalog text (`⟦…⟧`).
                Arg::Text(s) if lang == Lang::Pseudo => {
                    args.set(*name, FluentValue::from(format!("‹{s}›")))
                }
                Arg::Text(s) => args.set(*name, FluentValue::from(s.as_str())),
                Arg::Num(n) => args.set(*name, FluentValue::from(*n)),
                Arg::Msg(m) => args.set(*name, FluentValue::from(m.text(lang))),
            }
        }
        format(lang, self.id, &args)
    }
}

/// A credential's text in several languages (a JSON-LD language map): BCP 47 tag → text.
/// A plain string (credentials before language maps) is one entry under the empty tag.
pub type LanguageMap = std::collections::BTreeMap<String, String>;

/// The language map of `value`: a string (under the empty tag), or an object's members
/// whose names are language tags and whose values are strings (others, like the legacy
/// `original` and `lang` of a title, are not languages and are left out).
pub fn language_map(value: &serde_json::Value) -> LanguageMap {
    match value {
        serde_json::Value::String(s) => LanguageMap::from([(String::new(), s.clone())]),
        serde_json::Value::Object(members) => members
            .iter()
            .filter(|(tag, _)| is_language_tag(tag))
            .filter_map(|(tag, v)| Some((tag.clone(), v.as_str()?.to_owned())))
            .collect(),
        _ => LanguageMap::new(),
    }
}

/// A language tag as language maps use it: a 2–3 letter lower-case language subtag, then
/// subtags of up to 8 letters or digits (`en`, `fil`, `de-AT`, `zh-Hant`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The entry of a language map a reader of `lang` sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picked<'a> {
    /// The text.
    pub text: &'a str,
    /// Its language tag (empty for a plain string, whose language is not stated).
    pub tag: &'a str,
    /// True when the map has no text in the reader's language and another one is shown.
    pub other_language: bool,
}

/// The text of `map` for a reader of `lang`, with the same fallback as the catalogs: the
/// exact tag, else a tag of the same base language (`de-AT` for `de`, `tl` for `fil`), else
/// English, else the first entry.
pub fn pick(map: &LanguageMap, lang: Lang) -> Option<Picked<'_>> {
    let (tag, text, other_language) = pick_entry(map, lang)?;
    Some(Picked {
        text,
        tag,
        other_language,
    })
}

/// The entry of `map` for a reader of `lang` ([`pick`]'s fallback), and whether it is in
/// another language than asked.
fn pick_entry<V>(
    map: &std::collections::BTreeMap<String, V>,
    lang: Lang,
) -> Option<(&str, &V, bool)> {
    let lang = if lang == Lang::Pseudo { Lang::En } else { lang };
    let found = |tag: &str| map.get_key_value(tag);
    let same_base = || {
        map.iter().find(|(tag, _)| {
            !tag.is_empty() && Lang::choose(tag).lang == lang && !Lang::choose(tag).fell_back
        })
    };
    let untagged = found("");
    let (tag, value, other) = if let Some((t, v)) = found(lang.tag()).or_else(same_base) {
        (t, v, false)
    } else if let Some((t, v)) = untagged {
        // A plain string: its language is not stated, so it is not "another" one.
        (t, v, false)
    } else if let Some((t, v)) = found("en").or_else(|| map.iter().next()) {
        (t, v, true)
    } else {
        return None;
    };
    Some((tag.as_str(), value, other))
}

/// The text of `map` for a reader of `lang`, followed, when it is in another language than
/// asked, by the catalog's note naming the language shown (`(… shown in en)`).
pub fn shown(map: &LanguageMap, lang: Lang) -> Option<String> {
    let picked = pick(map, lang)?;
    Some(with_note(
        picked.text,
        picked.tag,
        picked.other_language,
        lang,
    ))
}

fn with_note(text: &str, tag: &str, other_language: bool, lang: Lang) -> String {
    if other_language && lang != Lang::Pseudo {
        let note = Msg::new("shown-other-language").arg("shown", tag);
        format!("{text} {}", note.text(lang))
    } else {
        text.to_owned()
    }
}

/// A credential's list of texts in several languages (its learning outcomes), as the
/// JSON-LD `@language` container has it: BCP 47 tag → the list in that language. A plain
/// list (credentials before language maps) is one entry under the empty tag.
pub type LanguageLists = std::collections::BTreeMap<String, Vec<String>>;

/// The language lists of `value`: a list of strings (under the empty tag), or a language
/// map whose values are a string or a list of strings.
pub fn language_lists(value: &serde_json::Value) -> LanguageLists {
    let strings = |v: &serde_json::Value| -> Vec<String> {
        match v {
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    };
    match value {
        serde_json::Value::Array(_) => {
            let list = strings(value);
            if list.is_empty() {
                LanguageLists::new()
            } else {
                LanguageLists::from([(String::new(), list)])
            }
        }
        serde_json::Value::Object(members) => members
            .iter()
            .filter(|(tag, _)| is_language_tag(tag))
            .map(|(tag, v)| (tag.clone(), strings(v)))
            .filter(|(_, list)| !list.is_empty())
            .collect(),
        _ => LanguageLists::new(),
    }
}

/// The list of `lists` for a reader of `lang` ([`pick`]'s fallback), and the note to show
/// after it when it is in another language than asked (`None` otherwise).
pub fn shown_list(lists: &LanguageLists, lang: Lang) -> Option<(&[String], Option<String>)> {
    let (tag, list, other) = pick_entry(lists, lang)?;
    let note = (other && lang != Lang::Pseudo).then(|| {
        Msg::new("shown-other-language")
            .arg("shown", tag)
            .text(lang)
    });
    Some((list.as_slice(), note))
}

/// The sentence `id` in `lang`, with no arguments. Such sentences (marks, check names,
/// verdicts, headings) are formatted once per language and then read from a cache, so a
/// report costs the same in every language.
pub fn text(lang: Lang, id: &str) -> String {
    let cache = cache(lang);
    if let Some(hit) = cache.read().ok().and_then(|c| c.get(id).cloned()) {
        return hit;
    }
    let text = format(lang, id, &FluentArgs::new());
    if let Ok(mut c) = cache.write() {
        // Bounded by the catalog: only ids it has are kept.
        if bundle(Lang::En).has_message(id) {
            c.insert(id.to_owned(), text.clone());
        }
    }
    text
}

type Cache = std::sync::RwLock<std::collections::HashMap<String, String>>;

/// The formatted argument-less sentences of `lang`.
fn cache(lang: Lang) -> &'static Cache {
    static EN: OnceLock<Cache> = OnceLock::new();
    static DE: OnceLock<Cache> = OnceLock::new();
    static FIL: OnceLock<Cache> = OnceLock::new();
    static AR: OnceLock<Cache> = OnceLock::new();
    static ES: OnceLock<Cache> = OnceLock::new();
    static FR: OnceLock<Cache> = OnceLock::new();
    static PSEUDO: OnceLock<Cache> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::De => &DE,
        Lang::Fil => &FIL,
        Lang::Ar => &AR,
        Lang::Es => &ES,
        Lang::Fr => &FR,
        Lang::Pseudo => &PSEUDO,
    };
    cell.get_or_init(Cache::default)
}

/// The sentence `id` in `lang` with arguments named at run time, or `None` when no catalog
/// has it: for callers whose messages and arguments arrive as data (the browser page asks
/// for its words by id through WebAssembly). A JSON number picks the plural form; a string
/// is shown as it is (and marked `‹…›` by the pseudo-locale); anything else is refused as
/// an argument and left unset, so the catalog's fallback shows instead of a made-up value.
pub fn say(
    lang: Lang,
    id: &str,
    args: &serde_json::Map<String, serde_json::Value>,
) -> Option<String> {
    if !bundle(Lang::En).has_message(id) {
        return None;
    }
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    fluent.set(name.as_str(), FluentValue::from(i));
                } else if let Some(f) = n.as_f64() {
                    fluent.set(name.as_str(), FluentValue::from(f));
                }
            }
            serde_json::Value::String(s) if lang == Lang::Pseudo => {
                fluent.set(name.as_str(), FluentValue::from(format!("‹{s}›")))
            }
            serde_json::Value::String(s) => {
                fluent.set(name.as_str(), FluentValue::from(s.as_str()))
            }
            _ => {}
        }
    }
    Some(format(lang, id, &fluent))
}

/// The sentence `id` in `lang`, or `None` when no catalog has it.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    bundle(Lang::En).has_message(id).then(|| text(lang, id))
}

fn format(lang: Lang, id: &str, args: &FluentArgs<'_>) -> String {
    let found = format_in(bundle(lang), id, args).or_else(|| format_in(bundle(Lang::En), id, args));
    let text = found.unwrap_or_else(|| id.to_owned());
    if lang == Lang::Pseudo {
        format!("⟦{text}⟧")
    } else {
        text
    }
}

fn format_in(bundle: &Bundle, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    Some(text.into_owned())
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of `lang`, built on first use.
fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static DE: OnceLock<Bundle> = OnceLock::new();
    static FIL: OnceLock<Bundle> = OnceLock::new();
    static AR: OnceLock<Bundle> = OnceLock::new();
    static ES: OnceLock<Bundle> = OnceLock::new();
    static FR: OnceLock<Bundle> = OnceLock::new();
    static PSEUDO: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::De => &DE,
        Lang::Fil => &FIL,
        Lang::Ar => &AR,
        Lang::Es => &ES,
        Lang::Fr => &FR,
        Lang::Pseudo => &PSEUDO,
    };
    cell.get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Bundle {
    let source = lang.catalog();
    let id: LanguageIdentifier = lang
        .tag()
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals print text as it is; the isolation marks Fluent puts around arguments show
    // up as stray characters there. JSON marks right-to-left text with `dir` instead.
    bundle.set_use_isolating(false);
    if lang == Lang::Pseudo {
        bundle.set_transform(Some(pseudo));
    }
    // A catalog that does not parse keeps what did parse; the catalog tests refuse both.
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The pseudo-locale's transform: every ASCII letter accented, so text from the catalog is
/// recognisable in any output while staying readable.
fn pseudo(s: &str) -> Cow<'_, str> {
    Cow::Owned(s.chars().map(accent).collect())
}

/// The accented stand-in of an ASCII letter (unchanged for anything else).
pub fn accent(c: char) -> char {
    const LOWER: [char; 26] = [
        'á', 'ƀ', 'ç', 'ď', 'é', 'ƒ', 'ĝ', 'ĥ', 'í', 'ĵ', 'ķ', 'ĺ', 'ɱ', 'ñ', 'ó', 'ƥ', 'ǫ', 'ŕ',
        'š', 'ť', 'ú', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
    ];
    const UPPER: [char; 26] = [
        'Á', 'Ɓ', 'Ç', 'Ď', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Í', 'Ĵ', 'Ķ', 'Ĺ', 'Ṁ', 'Ñ', 'Ó', 'Ƥ', 'Ǫ', 'Ŕ',
        'Š', 'Ť', 'Ú', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
    ];
    match c {
        'a'..='z' => LOWER
            .get((c as usize) - ('a' as usize))
            .copied()
            .unwrap_or(c),
        'A'..='Z' => UPPER
            .get((c as usize) - ('A' as usize))
            .copied()
            .unwrap_or(c),
        _ => c,
    }
}

/// The message ids of `lang`'s own catalog (for the completeness test and tools).
pub fn message_ids(lang: Lang) -> Vec<String> {
    let source = lang.catalog();
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The source text of `lang`'s catalog.
pub fn source(lang: Lang) -> &'static str {
    lang.catalog()
}

#[cfg(test)]
mod tests;
