//! The card's labels: the `card-…` messages of the catalogs (credential-core/locales/),
//! read through the i18n API. A language is chosen with the catalogs' fallback: the exact
//! tag, then its base language, then English.

use credential_core::i18n::{self, Lang, Msg};

/// The labels of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Labels(Lang);

/// A language asked for that the card has no labels in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Fallback {
    pub(super) asked: String,
    pub(super) used: &'static str,
}

impl std::fmt::Display for Fallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
        write!(
            f,
            "the card has no labels in {:?}; using {} (the card speaks {})",
            self.asked,
            self.used,
            tags.join(", ")
        )
    }
}

impl Labels {
    /// English.
    pub(super) const ENGLISH: Labels = Labels(Lang::En);

    /// The labels for the BCP 47 tag `tag`: the exact language, else its base language
    /// (`de-AT` → `de`), else English; the fallback is answered so the holder is told.
    pub(super) fn for_tag(tag: &str) -> (Labels, Option<Fallback>) {
        let choice = Lang::choose(tag);
        let fallback = choice.fell_back.then(|| Fallback {
            asked: tag.to_owned(),
            used: choice.lang.tag(),
        });
        (Labels(choice.lang), fallback)
    }

    /// The language of these labels.
    pub(super) fn lang(self) -> Lang {
        self.0
    }

    /// The BCP 47 tag of these labels.
    pub(super) fn tag(self) -> &'static str {
        self.0.tag()
    }

    /// Whether the language is written right to left.
    pub(super) fn right_to_left(self) -> bool {
        self.0.dir() == "rtl"
    }

    /// The text of the catalog message `id`.
    pub(super) fn text(self, id: &'static str) -> String {
        i18n::text(self.0, id)
    }

    /// What the code holds: the whole credential, naming the personal claims it carries
    /// (message ids of their names) when there are any.
    pub(super) fn contains(self, personal: &[&'static str]) -> String {
        match self.list(personal) {
            None => self.text("card-contains"),
            Some(fields) => Msg::new("card-contains-personal")
                .arg("fields", fields)
                .text(self.0),
        }
    }

    /// `a`, `a and b`, `a, b and c` in this language (`None` for no items).
    fn list(self, ids: &[&'static str]) -> Option<Msg> {
        let (last, rest) = ids.split_last()?;
        let last = Msg::new(last);
        Some(
            match Msg::join("card-list-comma", rest.iter().copied().map(Msg::new)) {
                None => last,
                Some(rest) => Msg::new("card-list-and")
                    .arg("first", rest)
                    .arg("second", last),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// The card's labels, each in every language, none of them left in English.
    const IDS: [&str; 14] = [
        "card-heading-qualification",
        "card-heading-skills",
        "card-issued-by",
        "card-awarding-body",
        "card-issuer-unverified",
        "card-level",
        "card-awarded",
        "card-contains",
        "card-contains-personal",
        "card-birth-date",
        "card-nationality",
        "card-grade",
        "card-scan-to-verify",
        "card-verify-offline",
    ];

    #[test]
    fn every_label_is_written_in_every_language() {
        for id in IDS {
            let english = i18n::lookup(Lang::En, id).unwrap();
            for lang in Lang::ALL {
                let text = i18n::lookup(lang, id);
                assert!(text.is_some(), "{id} is missing in {lang}");
                let text = text.unwrap();
                assert!(!text.trim().is_empty(), "{id} is empty in {lang}");
                if lang != Lang::En {
                    assert_ne!(text, english, "{id} in {lang} is the English text");
                }
            }
        }
    }

    #[test]
    fn a_language_falls_back_to_its_base_then_to_english_and_says_so() {
        assert_eq!(Labels::for_tag("de").0.tag(), "de");
        assert_eq!(Labels::for_tag("de-AT"), Labels::for_tag("de"));
        assert_eq!(Labels::for_tag("fr_CA").0.tag(), "fr");
        assert_eq!(Labels::for_tag("tl").0.tag(), "fil");
        assert_eq!(Labels::for_tag("FIL").0.tag(), "fil");
        let (labels, fallback) = Labels::for_tag("pt-BR");
        assert_eq!(labels, Labels::ENGLISH);
        assert_eq!(fallback.unwrap().to_string(), "the card has no labels in \"pt-BR\"; using en (the card speaks en, de, fil, ar, es, fr)");
        assert!(Labels::for_tag("ar").0.right_to_left());
        assert!(!Labels::for_tag("de").0.right_to_left());
    }

    #[test]
    fn the_notice_names_the_personal_claims_the_code_holds() {
        let en = Labels::ENGLISH;
        assert_eq!(en.contains(&[]), "This code holds the whole credential.");
        assert_eq!(
            en.contains(&["card-birth-date"]),
            "This code holds the whole credential, including date of birth."
        );
        assert_eq!(
            en.contains(&["card-birth-date", "card-nationality", "card-grade"]),
            "This code holds the whole credential, including date of birth, nationality and grade."
        );
        let de = Labels::for_tag("de").0;
        assert_eq!(
            de.contains(&["card-birth-date", "card-nationality"]),
            "Dieser Code enthält den vollständigen Nachweis, einschließlich Geburtsdatum und Staatsangehörigkeit."
        );
        let ar = Labels::for_tag("ar").0;
        assert!(
            ar.contains(&["card-birth-date", "card-nationality", "card-grade"])
                .contains("تاريخ الميلاد، الجنسية والتقدير"),
            "{}",
            ar.contains(&["card-birth-date", "card-nationality", "card-grade"])
        );
    }
}
