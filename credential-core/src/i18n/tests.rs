//! The catalogs are complete and consistent: every language has exactly the English ids,
//! uses exactly the English placeholders, covers its plural categories wherever it selects
//! on a number, and parses without error. Plus the fallback chain and the pseudo-locale.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use fluent_syntax::parser;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use super::*;

/// What one message uses: its variables, and each selection (selector variable → keys).
#[derive(Default)]
struct Uses {
    vars: BTreeSet<String>,
    selects: Vec<(String, BTreeSet<String>)>,
}

fn walk_pattern(p: &Pattern<&str>, u: &mut Uses) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            walk_expression(expression, u);
        }
    }
}

fn walk_inline(e: &InlineExpression<&str>, u: &mut Uses) {
    match e {
        InlineExpression::VariableReference { id } => {
            u.vars.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, u),
        _ => {}
    }
}

fn walk_expression(e: &Expression<&str>, u: &mut Uses) {
    match e {
        Expression::Inline(i) => walk_inline(i, u),
        Expression::Select { selector, variants } => {
            walk_inline(selector, u);
            if let InlineExpression::VariableReference { id } = selector {
                let keys = variants
                    .iter()
                    .map(|v| match &v.key {
                        VariantKey::Identifier { name } => (*name).to_owned(),
                        VariantKey::NumberLiteral { value } => (*value).to_owned(),
                    })
                    .collect();
                u.selects.push((id.name.to_owned(), keys));
            }
            for v in variants {
                walk_pattern(&v.value, u);
            }
        }
    }
}

/// Every message of `lang`'s catalog and what it uses; a parse error fails the test.
fn catalog(lang: Lang) -> BTreeMap<String, Uses> {
    let resource = parser::parse(source(lang))
        .unwrap_or_else(|(_, errors)| panic!("{lang}: the catalog does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let mut uses = Uses::default();
            if let Some(value) = &m.value {
                walk_pattern(value, &mut uses);
            }
            assert!(
                out.insert(m.id.name.to_owned(), uses).is_none(),
                "{lang}: message {} is defined twice",
                m.id.name
            );
        }
    }
    out
}

#[test]
fn every_catalog_has_exactly_the_english_messages() {
    let english: BTreeSet<String> = catalog(Lang::En).into_keys().collect();
    assert!(english.len() > 90, "the English catalog lost messages");
    for lang in Lang::ALL {
        let ids: BTreeSet<String> = catalog(lang).into_keys().collect();
        let missing: Vec<_> = english.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&english).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has ids English lacks: {extra:?}");
    }
}

#[test]
fn every_message_uses_exactly_the_english_placeholders() {
    let english = catalog(Lang::En);
    for lang in Lang::ALL {
        for (id, uses) in catalog(lang) {
            let Some(en) = english.get(&id) else { continue };
            assert_eq!(
                uses.vars, en.vars,
                "{lang}: message {id} uses other placeholders than English"
            );
        }
    }
}

/// The plural categories `lang` has for whole numbers.
fn categories(lang: Lang) -> BTreeSet<String> {
    let id: LanguageIdentifier = lang.tag().parse().unwrap();
    let rules = PluralRules::create(id, PluralRuleType::CARDINAL).unwrap();
    (0..=1000u32)
        .map(|n| match rules.select(n).unwrap() {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn number_selectors_cover_each_languages_plural_categories() {
    const PLURAL: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    assert_eq!(categories(Lang::Ar).len(), 6, "Arabic has six plural forms");
    for lang in Lang::ALL {
        let needed = categories(lang);
        for (id, uses) in catalog(lang) {
            for (var, keys) in &uses.selects {
                if !keys
                    .iter()
                    .any(|k| PLURAL.contains(&k.as_str()) && k != "other")
                {
                    continue; // a selection on a word, not on a number
                }
                let missing: Vec<_> = needed.difference(keys).collect();
                assert!(
                    missing.is_empty(),
                    "{lang}: message {id} selects on ${var} without the plural forms {missing:?}"
                );
            }
        }
    }
}

/// The letters of a message rendered without arguments, not counting its placeholders
/// (`{$column}: {$problem}` is punctuation between data in every language).
fn words_outside_placeholders(text: &str) -> usize {
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                _ => return depth == 0 && c.is_ascii_alphabetic(),
            }
            false
        })
        .count()
}

#[test]
fn no_catalog_is_filled_with_english() {
    let english = catalog(Lang::En);
    // Terms a profession uses in English on purpose: Filipino nurses and PRC/TESDA say
    // "knowledge test" and "aptitude test" (the glossary at the top of fil/skillpass.ftl);
    // and words spelled the same ("error" is Spanish too).
    const LOANWORDS: [(Lang, &str); 3] = [
        (Lang::Fil, "eq-measure-knowledge-test"),
        (Lang::Fil, "eq-measure-aptitude-test"),
        (Lang::Es, "cli-error"),
    ];
    for lang in Lang::ALL.into_iter().skip(1) {
        let same: Vec<String> = english
            .keys()
            .filter(|id| !LOANWORDS.contains(&(lang, id.as_str())))
            .filter(|id| {
                let a = text(Lang::En, id);
                let b = text(lang, id);
                a == b && words_outside_placeholders(&a) > 12
            })
            .cloned()
            .collect();
        assert!(same.is_empty(), "{lang} repeats the English of {same:?}");
    }
}

#[test]
fn each_language_has_its_verdict_words() {
    let expected = [
        (Lang::En, ["VALID", "INVALID", "INDETERMINATE"]),
        (Lang::De, ["GÜLTIG", "UNGÜLTIG", "NICHT ENTSCHEIDBAR"]),
        (Lang::Fil, ["WASTO", "HINDI WASTO", "HINDI MATIYAK"]),
        (Lang::Ar, ["صالحة", "غير صالحة", "غير محسومة"]),
        (Lang::Es, ["VÁLIDA", "NO VÁLIDA", "INDETERMINADA"]),
        (Lang::Fr, ["VALIDE", "NON VALIDE", "INDÉTERMINÉ"]),
    ];
    for (lang, [valid, invalid, indeterminate]) in expected {
        assert_eq!(text(lang, "verdict-valid"), valid, "{lang}");
        assert_eq!(text(lang, "verdict-invalid"), invalid, "{lang}");
        assert_eq!(text(lang, "verdict-indeterminate"), indeterminate, "{lang}");
    }
}

#[test]
fn arguments_and_plurals_are_rendered() {
    let msg = Msg::new("eq-measure-adaptation").arg("months", 1u64);
    assert_eq!(msg.text(Lang::En), "adaptation period of 1 month");
    assert_eq!(msg.text(Lang::De), "Anpassungslehrgang von 1 Monat");
    let msg = Msg::new("eq-measure-adaptation").arg("months", 6u64);
    assert_eq!(msg.text(Lang::En), "adaptation period of 6 months");
    assert_eq!(msg.text(Lang::De), "Anpassungslehrgang von 6 Monaten");
    assert_eq!(msg.text(Lang::Ar), "فترة تكيّف مدتها 6 أشهر");
    assert_eq!(msg.text(Lang::Fr), "stage d'adaptation de 6 mois");
    assert_eq!(
        Msg::new("eq-measure-adaptation")
            .arg("months", 2u64)
            .text(Lang::Ar),
        "فترة تكيّف مدتها شهران"
    );
    // Arguments are shown as they are, with no isolation marks around them.
    let msg = Msg::new("key-unknown").arg("kid", "did:key:z6Mk#z6Mk");
    assert_eq!(
        msg.text(Lang::En),
        "key did:key:z6Mk#z6Mk is not in the trust bundle"
    );
}

#[test]
fn the_fallback_chain_is_exact_then_base_then_english() {
    assert_eq!(Lang::choose("de").lang, Lang::De);
    assert_eq!(Lang::choose("de-AT").lang, Lang::De);
    assert_eq!(Lang::choose("de_DE.UTF-8").lang, Lang::De);
    assert_eq!(Lang::choose("fr_CA@euro").lang, Lang::Fr);
    assert_eq!(Lang::choose("tl").lang, Lang::Fil);
    assert_eq!(Lang::choose("fil-PH").lang, Lang::Fil);
    assert_eq!(Lang::choose("ar-SA").lang, Lang::Ar);
    assert!(!Lang::choose("es-MX").fell_back);
    let unknown = Lang::choose("ja");
    assert_eq!(unknown.lang, Lang::En);
    assert!(
        unknown.fell_back,
        "Japanese is not spoken: the reader must be told"
    );
    assert!(!Lang::choose("C").fell_back);
    assert_eq!(Lang::choose("not a tag!").lang, Lang::En);
    assert_eq!(Lang::choose("en-XA").lang, Lang::Pseudo);
    assert_eq!(Lang::Ar.dir(), "rtl");
    assert_eq!(Lang::De.dir(), "ltr");
}

#[test]
fn accept_language_honours_quality_and_order() {
    assert_eq!(Lang::from_accept_language(None), Lang::En);
    assert_eq!(
        Lang::from_accept_language(Some("de-DE,de;q=0.9,en;q=0.8")),
        Lang::De
    );
    assert_eq!(
        Lang::from_accept_language(Some("ja, fr;q=0.5, de;q=0.7")),
        Lang::De
    );
    assert_eq!(Lang::from_accept_language(Some("ja, ko")), Lang::En);
    assert_eq!(Lang::from_accept_language(Some("ar;q=0, es")), Lang::Es);
    assert_eq!(Lang::from_accept_language(Some("*")), Lang::En);
    // The pseudo-locale is for tests on the command line, never negotiated over HTTP.
    assert_eq!(Lang::from_accept_language(Some("en-XA")), Lang::En);
    assert_eq!(Lang::from_accept_language(Some(";;;,,q=")), Lang::En);
}

#[test]
fn an_unknown_message_shows_its_id_and_the_pseudo_locale_marks_catalog_text() {
    assert_eq!(text(Lang::De, "no-such-message"), "no-such-message");
    assert_eq!(text(Lang::Pseudo, "mark-pass"), "⟦ƥášš⟧");
    let msg = Msg::new("key-unknown").arg("kid", "did:key:z6Mk");
    assert_eq!(
        msg.text(Lang::Pseudo),
        "⟦ķéý ‹did:key:z6Mk› íš ñóť íñ ťĥé ťŕúšť ƀúñďĺé⟧"
    );
}

#[test]
fn a_language_map_is_read_and_picked_with_the_catalog_fallback() {
    let title = serde_json::json!({
        "en": "Bachelor of Science in Nursing",
        "de-AT": "Bachelor Pflege",
        "tl": "Batsilyer sa Nars",
        "original": "legacy",
        "lang": "fil",
    });
    let map = language_map(&title);
    assert_eq!(map.len(), 3, "original and lang are not languages: {map:?}");
    let de = pick(&map, Lang::De).unwrap();
    assert_eq!(
        (de.text, de.tag, de.other_language),
        ("Bachelor Pflege", "de-AT", false)
    );
    assert_eq!(pick(&map, Lang::Fil).unwrap().text, "Batsilyer sa Nars");
    let fr = pick(&map, Lang::Fr).unwrap();
    assert_eq!(
        (fr.text, fr.tag, fr.other_language),
        ("Bachelor of Science in Nursing", "en", true)
    );
    // A plain string's language is not stated: it is shown without a note.
    let plain = language_map(&serde_json::json!("Diploma"));
    let p = pick(&plain, Lang::Ar).unwrap();
    assert_eq!((p.text, p.other_language), ("Diploma", false));
    // No English either: the first entry, said to be another language.
    let only = language_map(&serde_json::json!({"fil": "Diploma sa Nars"}));
    assert!(pick(&only, Lang::De).unwrap().other_language);
    assert!(pick(&LanguageMap::new(), Lang::En).is_none());
    assert!(is_language_tag("zh-Hant") && is_language_tag("fil"));
    assert!(!is_language_tag("German") && !is_language_tag("EN") && !is_language_tag("en-"));
}
