//! Conditional GET: whether a request's `If-None-Match` matches a representation's ETag
//! (RFC 9110 §13.1.2), for the routes that answer 304 (the trust bundle, the verifier
//! page's files).
//!
//! `If-None-Match` is compared weakly: `W/"x"` matches `"x"`, because a client (or a cache
//! in between) may weaken a tag it was given, and a 304 only says "what you hold is still
//! current", which weak equality is enough for. The header is `*` or a comma-separated list
//! of entity-tags, possibly over several header lines; a comma may stand inside a tag's
//! quotes, so the list is read tag by tag rather than split on commas. A header that is not
//! of that form is ignored (the full answer is sent), as RFC 9110 §13.1 lets a server do.

use axum::http::header::IF_NONE_MATCH;
use axum::http::HeaderMap;

/// Whether `headers`' `If-None-Match` matches `etag` (an entity-tag as the route sends it
/// in `ETag`, e.g. `"12-ab…"`): then the route answers 304.
pub(crate) fn if_none_match(headers: &HeaderMap, etag: &str) -> bool {
    let Some(current) = opaque(etag.trim()) else {
        return false;
    };
    let mut matched = false;
    for value in headers.get_all(IF_NONE_MATCH) {
        let Ok(value) = value.to_str() else {
            return false;
        };
        match tags(value) {
            Some(Condition::Any) => matched = true,
            Some(Condition::Tags(list)) => matched |= list.contains(&current),
            None => return false,
        }
    }
    matched
}

/// One `If-None-Match` header line, parsed.
enum Condition<'a> {
    /// `*`: any current representation.
    Any,
    /// The opaque parts of the listed entity-tags (quotes included, `W/` dropped).
    Tags(Vec<&'a str>),
}

/// `*`, or `#entity-tag` (empty list elements allowed, as RFC 9110 §5.6.1 asks of a
/// recipient); `None` if the line is neither.
fn tags(line: &str) -> Option<Condition<'_>> {
    if line.trim() == "*" {
        return Some(Condition::Any);
    }
    let mut list = Vec::new();
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        if rest.is_empty() {
            break;
        }
        let (tag, after) = entity_tag(rest)?;
        list.push(tag);
        rest = after.trim_start_matches([' ', '\t']);
        if !(rest.is_empty() || rest.starts_with(',')) {
            return None;
        }
    }
    (!list.is_empty()).then_some(Condition::Tags(list))
}

/// The entity-tag at the start of `s` (`[W/]"etagc*"`): its opaque part and what follows.
fn entity_tag(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix("W/").unwrap_or(s);
    let body = s.strip_prefix('"')?;
    let end = body.find('"')?;
    let inner = body.get(..end)?;
    // etagc = %x21 / %x23-7E / obs-text: no space, no control character.
    if inner.bytes().any(|b| b <= 0x20 || b == 0x7F) {
        return None;
    }
    Some((s.get(..end + 2)?, body.get(end + 1..)?))
}

/// The opaque part of a whole entity-tag, weak or strong.
fn opaque(etag: &str) -> Option<&str> {
    match entity_tag(etag)? {
        (tag, "") => Some(tag),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn sent(lines: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for line in lines {
            h.append(IF_NONE_MATCH, HeaderValue::from_str(line).unwrap());
        }
        h
    }

    const TAG: &str = "\"7-0a1b2c\"";

    #[test]
    fn the_strong_tag_its_weak_form_star_and_lists_holding_it_match() {
        for lines in [
            &[TAG][..],
            &["W/\"7-0a1b2c\""],
            &["*"],
            &["\"6-ffff\", W/\"7-0a1b2c\""],
            &["\"6-ffff\",\"7-0a1b2c\""],
            &[" , \"6-ffff\" ,, \"7-0a1b2c\" "],
            &["\"6-ffff\"", "W/\"7-0a1b2c\""],
        ] {
            assert!(if_none_match(&sent(lines), TAG), "{lines:?}");
        }
    }

    #[test]
    fn other_tags_unquoted_tags_and_malformed_headers_do_not_match() {
        for lines in [
            &[][..],
            &["\"6-ffff\""],
            &["W/\"7-0a1b2\""],
            // Unquoted, or the quotes of another tag: not an entity-tag.
            &["7-0a1b2c"],
            &["w/\"7-0a1b2c\""],
            &["\"7-0a1b2c"],
            &["\"7-0a1b2c\" junk"],
            &["\"a b\", \"7-0a1b2c\""],
            // `*` inside a list is not the wildcard; the list is malformed.
            &["\"6-ffff\", *"],
            &["\"6-ffff\"", "nonsense"],
        ] {
            assert!(!if_none_match(&sent(lines), TAG), "{lines:?}");
        }
    }

    #[test]
    fn a_comma_inside_a_tag_is_part_of_the_tag() {
        let tag = "\"a,b\"";
        assert!(if_none_match(&sent(&["\"x\", W/\"a,b\""]), tag));
        assert!(!if_none_match(&sent(&["\"a\""]), tag));
    }
}
