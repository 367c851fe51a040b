//! A credential inside a PDF, without rendering the PDF: the page looks for
//!
//! 1. the credential itself as text — a compact JWS or SD-JWT (`eyJ…`), or `SP1:` paper text
//!    (also inside a `…/v#SP1:…` link) — in the file and in every stream that inflates
//!    (FlateDecode: how an attached credential file, issue 12's card PDF, is stored);
//! 2. else the JPEG images in it (DCTDecode streams are whole JPEG files: a phone's scanner
//!    app saves a photographed card that way), which the page decodes and scans for the QR
//!    code as it does a photo.
//!
//! A PDF that draws the code as vector paths holds neither; the page then says so and asks
//! for the card's PNG or a scan with the camera.

use std::io::Read as _;

use flate2::read::ZlibDecoder;
use serde::Serialize;

/// Largest PDF looked into.
pub const MAX_PDF: usize = 32 * 1024 * 1024;
/// Most bytes one stream may inflate to.
const MAX_INFLATED: u64 = 8 * 1024 * 1024;
/// Most streams looked at.
const MAX_STREAMS: usize = 4096;
/// Most credential candidates and images reported.
const MAX_FOUND: usize = 16;
/// The shortest run of characters taken for a credential.
const MIN_CANDIDATE: usize = 40;

/// What a PDF holds that the page can verify.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Findings {
    /// Whether the bytes are a PDF at all (`%PDF-`).
    pub pdf: bool,
    /// Credential texts, compact JWS and SD-JWT first, then paper text.
    pub texts: Vec<String>,
    /// Byte ranges `[start, end)` of JPEG images, in file order.
    pub images: Vec<(usize, usize)>,
}

/// Looks through `bytes` (see the module's steps).
pub fn scan(bytes: &[u8]) -> Findings {
    let mut found = Findings {
        pdf: bytes.starts_with(b"%PDF-") && bytes.len() <= MAX_PDF,
        ..Findings::default()
    };
    if !found.pdf {
        return found;
    }
    let mut jws = Vec::new();
    let mut paper = Vec::new();
    candidates(bytes, &mut jws, &mut paper);
    let mut at = 0;
    for _ in 0..MAX_STREAMS {
        let Some((start, end)) = next_stream(bytes, at) else {
            break;
        };
        at = end;
        let Some(data) = bytes.get(start..end) else {
            break;
        };
        if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
            if found.images.len() < MAX_FOUND {
                found.images.push((start, end));
            }
            continue;
        }
        let mut inflated = Vec::new();
        if ZlibDecoder::new(data)
            .take(MAX_INFLATED)
            .read_to_end(&mut inflated)
            .is_ok()
        {
            candidates(&inflated, &mut jws, &mut paper);
        }
    }
    jws.extend(paper);
    let mut seen = std::collections::HashSet::new();
    jws.retain(|t| seen.insert(t.clone()));
    jws.truncate(MAX_FOUND);
    found.texts = jws;
    found
}

/// The data of the first `stream … endstream` at or after `from`.
fn next_stream(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    let rest = bytes.get(from..)?;
    let keyword = find(rest, b"stream")? + from;
    // `endstream` also contains `stream`: skip it.
    if keyword >= 3 && bytes.get(keyword - 3..keyword) == Some(b"end") {
        return next_stream(bytes, keyword + 6);
    }
    let mut start = keyword + 6;
    if bytes.get(start) == Some(&b'\r') {
        start += 1;
    }
    if bytes.get(start) == Some(&b'\n') {
        start += 1;
    }
    let end = find(bytes.get(start..)?, b"endstream")? + start;
    // The end-of-line before `endstream` is not data.
    let mut data_end = end;
    while data_end > start && matches!(bytes.get(data_end - 1), Some(b'\n' | b'\r')) {
        data_end -= 1;
    }
    Some((start, data_end.max(start)))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Adds the compact JWS or SD-JWT texts (`eyJ…` with two dots) and the paper texts
/// (`SP1:…`, percent-decoded after a `#`) found in `bytes`.
fn candidates(bytes: &[u8], jws: &mut Vec<String>, paper: &mut Vec<String>) {
    let is_b64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~');
    let is_alnum =
        |b: u8| b.is_ascii_digit() || b.is_ascii_uppercase() || b" $%*+-./:".contains(&b);
    let mut i = 0;
    while i < bytes.len() && jws.len() + paper.len() < MAX_FOUND * 2 {
        let rest = bytes.get(i..).unwrap_or_default();
        if rest.starts_with(b"eyJ") && (i == 0 || !bytes.get(i - 1).is_some_and(|&b| is_b64(b))) {
            let len = rest.iter().take_while(|&&b| is_b64(b)).count();
            let text = String::from_utf8_lossy(rest.get(..len).unwrap_or_default()).into_owned();
            if len >= MIN_CANDIDATE
                && text
                    .split('~')
                    .next()
                    .is_some_and(|j| j.matches('.').count() == 2)
            {
                jws.push(text);
            }
            i += len.max(1);
        } else if rest.starts_with(b"SP1:") {
            let len = rest.iter().take_while(|&&b| is_alnum(b)).count();
            let raw = String::from_utf8_lossy(rest.get(..len).unwrap_or_default());
            let raw = raw.trim_end();
            let in_link = i > 0 && bytes.get(i - 1) == Some(&b'#');
            if raw.len() >= MIN_CANDIDATE {
                let text = if in_link {
                    credential_core::paper::link_fragment(&format!("https://x/#{raw}"))
                        .ok()
                        .flatten()
                } else {
                    Some(raw.to_owned())
                };
                paper.extend(text);
            }
            i += len.max(1);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use flate2::write::ZlibEncoder;
    use flate2::Compression;

    use super::*;

    fn pdf(body: &[u8]) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n1 0 obj\n<< /Length 10 >>\n".to_vec();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n%%EOF\n");
        out
    }

    fn stream(data: &[u8]) -> Vec<u8> {
        let mut out = b"stream\n".to_vec();
        out.extend_from_slice(data);
        out.extend_from_slice(b"\nendstream");
        out
    }

    const JWS: &str =
        "eyJhbGciOiJFZERTQSJ9.eyJpc3N1ZXIiOiJkaWQ6a2V5OnoifQ.c2lnbmF0dXJlc2lnbmF0dXJl";

    #[test]
    fn an_attached_credential_in_a_compressed_stream_is_found() {
        let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
        z.write_all(JWS.as_bytes()).unwrap();
        let found = scan(&pdf(&stream(&z.finish().unwrap())));
        assert!(found.pdf);
        assert_eq!(found.texts, vec![JWS.to_owned()]);
    }

    #[test]
    fn paper_text_in_a_link_is_found_decoded() {
        let sp1 = format!("SP1:{}", "AB C%D".repeat(10));
        let link = credential_core::paper::to_link("https://r.example/v", &sp1).unwrap();
        let found = scan(&pdf(format!("<< /URI ({link}) >>").as_bytes()));
        assert_eq!(found.texts, vec![sp1]);
    }

    #[test]
    fn jpeg_images_are_reported_by_their_byte_ranges() {
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
        let file = pdf(&stream(&jpeg));
        let found = scan(&file);
        assert_eq!(found.images.len(), 1);
        let (s, e) = found.images[0];
        assert_eq!(&file[s..e], &jpeg);
        assert!(found.texts.is_empty());
    }

    #[test]
    fn what_is_not_a_pdf_or_holds_nothing_gives_nothing() {
        assert_eq!(scan(b"\x89PNG..."), Findings::default());
        let found = scan(&pdf(&stream(b"BT (Hello) Tj ET")));
        assert!(found.pdf && found.texts.is_empty() && found.images.is_empty());
        // A stream that never ends, and a lone keyword, do not hang or panic.
        assert!(scan(b"%PDF-1.4 stream\n\xff\xff").texts.is_empty());
        assert!(scan(b"%PDF-1.4 endstream stream").images.is_empty());
    }
}
