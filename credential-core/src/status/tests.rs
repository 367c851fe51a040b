//! The status list tests: the specification's vectors, encoding bounds, allocation,
//! issuer bookkeeping and the update policy. Over 600 lines because each rejection path
//! has its own test; they share the vectors and helpers at the top, so they stay together.

use std::collections::HashSet;
use std::io::Write;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{TimeZone, Utc};
use flate2::write::GzEncoder;
use flate2::Compression;
use rand::rngs::StdRng;
use rand::SeedableRng;
use serde_json::{json, Value};

use super::bitstring::gzip_stored;
use super::*;

fn vector(id: &str) -> Value {
    let all: Value = serde_json::from_str(include_str!("../../testdata/status/vectors.json"))
        .expect("testdata/status/vectors.json is valid JSON");
    all[id]["data"].clone()
}

fn set_indices(bits: &Bitstring) -> Vec<usize> {
    (0..bits.len()).filter(|&i| bits.get(i).unwrap()).collect()
}

fn encode_bytes_as_list(bytes: &[u8]) -> String {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(bytes).unwrap();
    format!("u{}", URL_SAFE_NO_PAD.encode(gz.finish().unwrap()))
}

/// A status list credential shaped like the spec's Example 3, carrying `encoded`.
fn list_credential(encoded: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "https://example.com/credentials/status/3",
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": "did:example:12345",
        "validFrom": "2021-04-05T14:27:40Z",
        "credentialSubject": {
            "id": "https://example.com/status/3#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded
        }
    })
}

fn spec_example_credential() -> Value {
    list_credential(
        vector("bitstring-status-list-spec-example")["encodedList"]
            .as_str()
            .unwrap(),
    )
}

/// Always yields zero, so every random pick lands on index 0.
struct ZeroRng;

impl rand::RngCore for ZeroRng {
    fn next_u32(&mut self) -> u32 {
        0
    }
    fn next_u64(&mut self) -> u64 {
        0
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        dest.fill(0);
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand::Error> {
        dest.fill(0);
        Ok(())
    }
}

// --- Bitstring: vectors, round trip, bit order ---

#[test]
fn the_spec_example_encoded_list_decodes_to_131072_bits_none_set() {
    let v = vector("bitstring-status-list-spec-example");
    let bits = Bitstring::decode(v["encodedList"].as_str().unwrap()).unwrap();
    assert_eq!(bits.len(), 131_072);
    assert_eq!(bits.len(), v["expected_bits"].as_u64().unwrap() as usize);
    assert_eq!(
        bits.as_bytes().len(),
        v["expected_uncompressed_bytes"].as_u64().unwrap() as usize
    );
    assert_eq!(bits.count_set(), 0);
}

#[test]
fn the_derived_vector_decodes_with_exactly_bits_0_7_8_94567_131071_set() {
    let v = vector("bitstring-status-list-derived-5-bits");
    let bits = Bitstring::decode(v["encodedList"].as_str().unwrap()).unwrap();
    assert_eq!(bits.len(), v["expected_bits"].as_u64().unwrap() as usize);
    let expected: Vec<usize> = serde_json::from_value(v["set_indices"].clone()).unwrap();
    assert_eq!(expected, vec![0, 7, 8, 94_567, 131_071]);
    assert_eq!(set_indices(&bits), expected);
}

#[test]
fn encoding_then_decoding_gives_back_the_same_bits() {
    let mut bits = Bitstring::new(MIN_ENTRIES).unwrap();
    for i in [0, 1, 7, 8, 9, 4_242, 94_567, 131_070, 131_071] {
        bits.set(i, true).unwrap();
    }
    let encoded = bits.encode();
    assert!(encoded.starts_with('u'));
    assert!(
        !encoded.contains('='),
        "the spec's base64url has no padding"
    );
    assert_eq!(Bitstring::decode(&encoded).unwrap(), bits);
}

#[test]
fn a_list_larger_than_the_minimum_round_trips() {
    let mut bits = Bitstring::new(1 << 20).unwrap();
    bits.set((1 << 20) - 1, true).unwrap();
    let decoded = Bitstring::decode(&bits.encode()).unwrap();
    assert_eq!(decoded.len(), 1 << 20);
    assert_eq!(set_indices(&decoded), vec![(1 << 20) - 1]);
}

#[test]
fn the_uncompressed_gzip_fallback_decodes_to_the_same_bits() {
    let mut bits = Bitstring::new(MIN_ENTRIES).unwrap();
    bits.set(94_567, true).unwrap();
    let encoded = format!("u{}", URL_SAFE_NO_PAD.encode(gzip_stored(bits.as_bytes())));
    assert_eq!(Bitstring::decode(&encoded).unwrap(), bits);
}

#[test]
fn index_0_is_the_most_significant_bit_of_the_first_byte() {
    let mut bits = Bitstring::new(MIN_ENTRIES).unwrap();
    bits.set(0, true).unwrap();
    assert_eq!(bits.as_bytes().first(), Some(&0x80));
    bits.set(0, false).unwrap();
    bits.set(7, true).unwrap();
    assert_eq!(bits.as_bytes().first(), Some(&0x01));
    bits.set(8, true).unwrap();
    assert_eq!(bits.as_bytes().get(1), Some(&0x80));

    let mut bytes = vec![0u8; MIN_ENTRIES / 8];
    bytes[2] = 0b0010_0000;
    let from_bytes = Bitstring::from_bytes(bytes).unwrap();
    assert_eq!(set_indices(&from_bytes), vec![18]);
}

#[test]
fn setting_a_bit_to_false_clears_only_that_bit() {
    let mut bits = Bitstring::new(MIN_ENTRIES).unwrap();
    bits.set(3, true).unwrap();
    bits.set(4, true).unwrap();
    bits.set(3, false).unwrap();
    assert_eq!(set_indices(&bits), vec![4]);
    assert_eq!(bits.count_set(), 1);
}

#[test]
fn a_bitstring_serializes_as_its_encoded_list() {
    let mut bits = Bitstring::new(MIN_ENTRIES).unwrap();
    bits.set(5, true).unwrap();
    let json = serde_json::to_value(&bits).unwrap();
    assert!(json.as_str().unwrap().starts_with('u'));
    assert_eq!(serde_json::from_value::<Bitstring>(json).unwrap(), bits);
}

// --- Bitstring: rejections ---

#[test]
fn new_rejects_too_small_too_large_and_unaligned_sizes() {
    assert_eq!(
        Bitstring::new(MIN_ENTRIES - 8),
        Err(StatusError::ListTooShort {
            entries: MIN_ENTRIES - 8
        })
    );
    assert_eq!(
        Bitstring::new(MAX_ENTRIES + 8),
        Err(StatusError::ListTooLong)
    );
    assert_eq!(
        Bitstring::new(MIN_ENTRIES + 1),
        Err(StatusError::LengthNotByteAligned {
            entries: MIN_ENTRIES + 1
        })
    );
    assert!(Bitstring::new(MIN_ENTRIES).is_ok());
}

#[test]
fn decode_rejects_a_list_without_the_u_prefix() {
    let v = vector("bitstring-status-list-spec-example");
    let without = v["encodedList"]
        .as_str()
        .unwrap()
        .strip_prefix('u')
        .unwrap();
    assert_eq!(
        Bitstring::decode(without),
        Err(StatusError::MissingMultibasePrefix)
    );
    assert_eq!(
        Bitstring::decode(&format!("z{without}")),
        Err(StatusError::MissingMultibasePrefix)
    );
    assert_eq!(
        Bitstring::decode(""),
        Err(StatusError::MissingMultibasePrefix)
    );
}

#[test]
fn decode_rejects_bad_base64url() {
    for bad in ["u!!!!", "uH4sI AAA", "uH4sI+AAA/AAA", "uA"] {
        assert_eq!(
            Bitstring::decode(bad),
            Err(StatusError::InvalidBase64),
            "{bad}"
        );
    }
}

#[test]
fn decode_rejects_data_that_is_not_gzip() {
    let not_gzip = format!("u{}", URL_SAFE_NO_PAD.encode(vec![0u8; 16_384]));
    let err = Bitstring::decode(&not_gzip).unwrap_err();
    assert!(matches!(err, StatusError::InvalidGzip(_)), "{err:?}");
    assert_eq!(err.spec_error_code(), Some("MALFORMED_VALUE_ERROR"));
}

#[test]
fn decode_rejects_garbage_after_the_gzip_data() {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&[0u8; MIN_ENTRIES / 8]).unwrap();
    let mut data = gz.finish().unwrap();
    data.extend_from_slice(b"trailing");
    let encoded = format!("u{}", URL_SAFE_NO_PAD.encode(data));
    assert!(matches!(
        Bitstring::decode(&encoded),
        Err(StatusError::InvalidGzip(_))
    ));
}

#[test]
fn decode_rejects_a_list_shorter_than_131072_bits() {
    let short = encode_bytes_as_list(&[0u8; MIN_ENTRIES / 8 - 1]);
    let err = Bitstring::decode(&short).unwrap_err();
    assert_eq!(
        err,
        StatusError::ListTooShort {
            entries: MIN_ENTRIES - 8
        }
    );
    assert_eq!(err.spec_error_code(), Some("STATUS_LIST_LENGTH_ERROR"));
    assert!(matches!(
        Bitstring::decode(&encode_bytes_as_list(&[])),
        Err(StatusError::ListTooShort { entries: 0 })
    ));
}

#[test]
fn decode_rejects_a_gzip_bomb_quickly_without_inflating_it() {
    // 64 MiB of zeros compresses to about 64 KiB: small enough to pass the length
    // check, 16 times the decode limit once inflated.
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..64 {
        gz.write_all(&chunk).unwrap();
    }
    let bomb = format!("u{}", URL_SAFE_NO_PAD.encode(gz.finish().unwrap()));
    assert!(bomb.len() < MAX_ENCODED_LEN);

    let started = Instant::now();
    let result = Bitstring::decode(&bomb);
    assert_eq!(result, Err(StatusError::ListTooLong));
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn decode_rejects_an_overlong_encoded_list_before_decoding_it() {
    let huge = format!("u{}", "A".repeat(MAX_ENCODED_LEN));
    assert_eq!(
        Bitstring::decode(&huge),
        Err(StatusError::EncodedListTooLong {
            len: MAX_ENCODED_LEN + 1
        })
    );
}

#[test]
fn get_and_set_reject_an_index_out_of_range() {
    let mut bits = Bitstring::new(MIN_ENTRIES).unwrap();
    let out = StatusError::IndexOutOfRange {
        index: MIN_ENTRIES,
        len: MIN_ENTRIES,
    };
    assert_eq!(bits.get(MIN_ENTRIES), Err(out.clone()));
    assert_eq!(bits.set(MIN_ENTRIES, true), Err(out.clone()));
    assert!(bits.get(usize::MAX).is_err());
    assert_eq!(out.spec_error_code(), Some("RANGE_ERROR"));
    assert_eq!(bits.get(MIN_ENTRIES - 1), Ok(false));
}

// --- StatusPurpose and StatusEntry ---

#[test]
fn status_purpose_reads_and_writes_the_spec_names_and_rejects_refresh_and_message() {
    assert_eq!("revocation".parse(), Ok(StatusPurpose::Revocation));
    assert_eq!("suspension".parse(), Ok(StatusPurpose::Suspension));
    assert_eq!(StatusPurpose::Suspension.to_string(), "suspension");
    assert_eq!(
        serde_json::to_value(StatusPurpose::Revocation).unwrap(),
        json!("revocation")
    );
    for other in ["refresh", "message", "Revocation", ""] {
        assert_eq!(
            other.parse::<StatusPurpose>(),
            Err(StatusError::UnsupportedPurpose(other.to_owned()))
        );
    }
}

#[test]
fn a_status_entry_index_parses_plain_base_10_digits() {
    let mut entry = StatusEntry::new(StatusPurpose::Revocation, 94_567, "https://x.test/s/1");
    assert_eq!(entry.status_list_index, "94567");
    assert_eq!(entry.index(), Ok(94_567));
    entry.status_list_index = "0".into();
    assert_eq!(entry.index(), Ok(0));
}

#[test]
fn a_status_entry_index_rejects_signs_letters_blanks_and_absurd_lengths() {
    let mut entry = StatusEntry::new(StatusPurpose::Revocation, 0, "https://x.test/s/1");
    for bad in ["-1", "+5", "abc", "", " 5", "5 ", "1e3", "0x10", "٣"] {
        entry.status_list_index = bad.into();
        let err = entry.index().unwrap_err();
        assert!(
            matches!(err, StatusError::InvalidIndex { .. }),
            "{bad:?}: {err:?}"
        );
        assert_eq!(err.spec_error_code(), Some("MALFORMED_VALUE_ERROR"));
    }
    for huge in [
        "1234567890123456789012345678901234567890",
        "18446744073709551616",
        "33554432",
    ] {
        entry.status_list_index = huge.into();
        let err = entry.index().unwrap_err();
        assert!(
            matches!(err, StatusError::IndexTooLarge { .. }),
            "{huge}: {err:?}"
        );
        assert_eq!(err.spec_error_code(), Some("RANGE_ERROR"));
    }
}

#[test]
fn a_status_entry_serializes_in_the_spec_shape_and_reads_back() {
    let entry = StatusEntry::new(
        StatusPurpose::Suspension,
        94_567,
        "https://example.com/credentials/status/4",
    );
    let json = serde_json::to_value(&entry).unwrap();
    assert_eq!(
        json,
        json!({
            "id": "https://example.com/credentials/status/4#94567",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "suspension",
            "statusListIndex": "94567",
            "statusListCredential": "https://example.com/credentials/status/4"
        })
    );
    assert_eq!(serde_json::from_value::<StatusEntry>(json).unwrap(), entry);
}

#[test]
fn a_status_entry_with_wrong_type_purpose_size_or_index_does_not_deserialize() {
    let good = json!({
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "7",
        "statusListCredential": "https://x.test/s/1",
        "statusSize": 1
    });
    assert!(serde_json::from_value::<StatusEntry>(good.clone()).is_ok());
    for (key, value) in [
        ("type", json!("StatusList2021Entry")),
        ("statusPurpose", json!("refresh")),
        ("statusSize", json!(2)),
        ("statusListIndex", json!("-1")),
        ("statusListIndex", json!(7)),
    ] {
        let mut bad = good.clone();
        bad[key] = value.clone();
        assert!(
            serde_json::from_value::<StatusEntry>(bad).is_err(),
            "{key} = {value}"
        );
    }
}

// --- IssuerStatusList ---

#[test]
fn two_fresh_lists_allocate_different_first_indexes() {
    let mut a = IssuerStatusList::new("urn:a", StatusPurpose::Revocation);
    let mut b = IssuerStatusList::new("urn:b", StatusPurpose::Revocation);
    let first_a = a.allocate(&mut StdRng::seed_from_u64(1)).unwrap();
    let first_b = b.allocate(&mut StdRng::seed_from_u64(2)).unwrap();
    assert_ne!(first_a, first_b);
    assert!(first_a < MIN_ENTRIES && first_b < MIN_ENTRIES);
}

#[test]
fn allocated_indexes_are_spread_over_the_whole_list() {
    let mut list = IssuerStatusList::new("urn:a", StatusPurpose::Revocation);
    let mut rng = StdRng::seed_from_u64(7);
    let indexes: Vec<usize> = (0..1_000)
        .map(|_| list.allocate(&mut rng).unwrap())
        .collect();
    // Sequential allocation would put all of these in the first 1,000 slots.
    let upper_half = indexes.iter().filter(|&&i| i >= MIN_ENTRIES / 2).count();
    assert!((400..=600).contains(&upper_half), "{upper_half}");
}

#[test]
fn allocation_never_reuses_an_index_and_stops_at_half_full() {
    let mut list = IssuerStatusList::new("urn:a", StatusPurpose::Revocation);
    let mut rng = StdRng::seed_from_u64(42);
    let limit = list.allocation_limit();
    assert_eq!(limit, MIN_ENTRIES / 2);
    let mut seen = HashSet::new();
    for _ in 0..limit {
        let index = list.allocate(&mut rng).unwrap();
        assert!(seen.insert(index), "index {index} handed out twice");
        assert_eq!(list.is_allocated(index), Ok(true));
    }
    assert_eq!(list.allocated_count(), limit);
    assert_eq!(
        list.allocate(&mut rng),
        Err(StatusError::ListFull {
            allocated: limit,
            limit
        })
    );
}

#[test]
fn allocation_still_finds_a_free_index_when_random_draws_keep_colliding() {
    let mut list = IssuerStatusList::new("urn:a", StatusPurpose::Revocation);
    assert_eq!(list.allocate(&mut ZeroRng), Ok(0));
    // Every draw now hits index 0, so the fallback picks the first free index.
    assert_eq!(list.allocate(&mut ZeroRng), Ok(1));
    assert_eq!(list.allocate(&mut ZeroRng), Ok(2));
}

#[test]
fn allocate_specific_on_a_taken_index_fails() {
    let mut revocation = IssuerStatusList::new("urn:r", StatusPurpose::Revocation);
    let mut suspension = IssuerStatusList::new("urn:s", StatusPurpose::Suspension);
    let index = revocation.allocate(&mut StdRng::seed_from_u64(3)).unwrap();
    assert_eq!(suspension.allocate_specific(index), Ok(()));
    assert_eq!(
        suspension.allocate_specific(index),
        Err(StatusError::IndexAlreadyAllocated(index))
    );
    assert_eq!(
        revocation.allocate_specific(index),
        Err(StatusError::IndexAlreadyAllocated(index))
    );
    assert!(matches!(
        suspension.allocate_specific(MIN_ENTRIES),
        Err(StatusError::IndexOutOfRange { .. })
    ));
}

#[test]
fn set_status_on_an_unallocated_index_fails() {
    let mut list = IssuerStatusList::new("urn:a", StatusPurpose::Revocation);
    assert_eq!(
        list.set_status(5, true),
        Err(StatusError::IndexNotAllocated(5))
    );
    assert_eq!(list.bits.count_set(), 0);
}

#[test]
fn set_status_on_an_allocated_index_sets_and_clears_its_bit() {
    let mut list = IssuerStatusList::new("urn:a", StatusPurpose::Suspension);
    list.allocate_specific(5).unwrap();
    list.set_status(5, true).unwrap();
    assert_eq!(set_indices(&list.bits), vec![5]);
    list.set_status(5, false).unwrap();
    assert_eq!(list.status(5), Ok(false));
}

#[test]
fn an_issuer_list_survives_saving_and_loading() {
    let mut list = IssuerStatusList::new("urn:a", StatusPurpose::Revocation);
    let mut rng = StdRng::seed_from_u64(9);
    let index = list.allocate(&mut rng).unwrap();
    list.allocate(&mut rng).unwrap();
    list.set_status(index, true).unwrap();
    let saved = serde_json::to_string(&list).unwrap();
    let loaded: IssuerStatusList = serde_json::from_str(&saved).unwrap();
    assert_eq!(loaded, list);
    assert_eq!(loaded.allocated_count(), 2);
}

#[test]
fn a_saved_issuer_list_with_a_status_on_an_unallocated_index_is_refused() {
    let mut bits = Bitstring::new(MIN_ENTRIES).unwrap();
    bits.set(3, true).unwrap();
    let saved = json!({
        "id": "urn:a",
        "purpose": "revocation",
        "bits": bits.encode(),
        "allocated": Bitstring::new(MIN_ENTRIES).unwrap().encode(),
    });
    assert!(serde_json::from_value::<IssuerStatusList>(saved).is_err());
}

// --- Status list credentials ---

#[test]
fn a_built_status_list_credential_has_the_spec_shape_and_parses_back() {
    let mut list = IssuerStatusList::new("https://issuer.test/status/1", StatusPurpose::Suspension);
    list.allocate_specific(94_567).unwrap();
    list.set_status(94_567, true).unwrap();
    let valid_from = Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap();
    let vc = status_list_credential("did:key:z6Mkissuer", &list, valid_from);

    assert_eq!(
        vc["@context"],
        json!(["https://www.w3.org/ns/credentials/v2"])
    );
    assert_eq!(vc["id"], "https://issuer.test/status/1");
    assert_eq!(
        vc["type"],
        json!(["VerifiableCredential", "BitstringStatusListCredential"])
    );
    assert_eq!(vc["issuer"], "did:key:z6Mkissuer");
    assert_eq!(vc["validFrom"], "2025-01-02T03:04:05Z");
    let subject = &vc["credentialSubject"];
    assert_eq!(subject["id"], "https://issuer.test/status/1#list");
    assert_eq!(subject["type"], "BitstringStatusList");
    assert_eq!(subject["statusPurpose"], "suspension");

    let parsed = parse_status_list_credential(&vc).unwrap();
    assert_eq!(parsed.issuer, "did:key:z6Mkissuer");
    assert_eq!(parsed.id, "https://issuer.test/status/1");
    assert_eq!(parsed.purpose, StatusPurpose::Suspension);
    assert_eq!(parsed.bits, list.bits);
    assert_eq!(parsed.valid_from, Some(valid_from));
    assert_eq!(parsed.valid_until, None);
}

#[test]
fn a_credential_shaped_like_the_spec_example_parses() {
    let parsed = parse_status_list_credential(&spec_example_credential()).unwrap();
    assert_eq!(parsed.issuer, "did:example:12345");
    assert_eq!(parsed.purpose, StatusPurpose::Revocation);
    assert_eq!(parsed.bits.len(), 131_072);
    assert_eq!(
        parsed.valid_from,
        Some(Utc.with_ymd_and_hms(2021, 4, 5, 14, 27, 40).unwrap())
    );
}

#[test]
fn parsing_rejects_a_credential_that_is_not_a_bitstring_status_list_credential() {
    for types in [
        json!(["VerifiableCredential"]),
        json!(["VerifiableCredential", "StatusList2021Credential"]),
        json!("BitstringStatusListCredential"),
        json!(["BitstringStatusListCredential"]),
    ] {
        let mut vc = spec_example_credential();
        vc["type"] = types.clone();
        let err = parse_status_list_credential(&vc).unwrap_err();
        assert_eq!(err, StatusError::WrongCredentialType, "{types}");
        assert_eq!(err.spec_error_code(), Some("STATUS_VERIFICATION_ERROR"));
    }
}

#[test]
fn parsing_rejects_a_subject_that_is_not_a_bitstring_status_list() {
    for subject_type in [json!("StatusList2021"), json!(null), json!(["Other"])] {
        let mut vc = spec_example_credential();
        vc["credentialSubject"]["type"] = subject_type.clone();
        assert_eq!(
            parse_status_list_credential(&vc),
            Err(StatusError::WrongSubjectType),
            "{subject_type}"
        );
    }
}

#[test]
fn parsing_rejects_an_unsupported_status_purpose() {
    for purpose in ["refresh", "message", "revoked"] {
        let mut vc = spec_example_credential();
        vc["credentialSubject"]["statusPurpose"] = json!(purpose);
        assert_eq!(
            parse_status_list_credential(&vc),
            Err(StatusError::UnsupportedPurpose(purpose.to_owned()))
        );
    }
}

#[test]
fn parsing_rejects_multi_bit_statuses_and_missing_or_malformed_properties() {
    let mut vc = spec_example_credential();
    vc["credentialSubject"]["statusSize"] = json!(2);
    assert!(matches!(
        parse_status_list_credential(&vc),
        Err(StatusError::UnsupportedStatusSize(_))
    ));
    for (pointer, value) in [
        (
            "/@context",
            json!(["https://www.w3.org/2018/credentials/v1"]),
        ),
        ("/id", json!(null)),
        ("/issuer", json!(42)),
        ("/validFrom", json!("yesterday")),
        ("/credentialSubject/encodedList", json!(null)),
        ("/credentialSubject/statusPurpose", json!(["revocation"])),
    ] {
        let mut vc = spec_example_credential();
        *vc.pointer_mut(pointer).unwrap() = value;
        assert!(
            matches!(
                parse_status_list_credential(&vc),
                Err(StatusError::InvalidField { .. })
            ),
            "{pointer}"
        );
    }
    let mut vc = spec_example_credential();
    vc["credentialSubject"]["encodedList"] = json!("not-multibase");
    assert_eq!(
        parse_status_list_credential(&vc),
        Err(StatusError::MissingMultibasePrefix)
    );
}

#[test]
fn parsing_accepts_an_issuer_object_and_reads_valid_until() {
    let mut vc = spec_example_credential();
    vc["issuer"] = json!({ "id": "did:example:12345", "name": "Example" });
    vc["validUntil"] = json!("2030-01-01T00:00:00+01:00");
    let parsed = parse_status_list_credential(&vc).unwrap();
    assert_eq!(parsed.issuer, "did:example:12345");
    assert_eq!(
        parsed.valid_until,
        Some(Utc.with_ymd_and_hms(2029, 12, 31, 23, 0, 0).unwrap())
    );
}

#[test]
fn status_of_reads_the_entry_bit_and_rejects_another_list_or_purpose() {
    let v = vector("bitstring-status-list-derived-5-bits");
    let vc = list_credential(v["encodedList"].as_str().unwrap());
    let parsed = parse_status_list_credential(&vc).unwrap();
    let list_url = "https://example.com/credentials/status/3";

    let revoked = StatusEntry::new(StatusPurpose::Revocation, 94_567, list_url);
    assert_eq!(parsed.status_of(&revoked), Ok(true));
    let valid = StatusEntry::new(StatusPurpose::Revocation, 94_566, list_url);
    assert_eq!(parsed.status_of(&valid), Ok(false));

    let suspension = StatusEntry::new(StatusPurpose::Suspension, 94_567, list_url);
    assert_eq!(
        parsed.status_of(&suspension),
        Err(StatusError::PurposeMismatch {
            entry: StatusPurpose::Suspension,
            list: StatusPurpose::Revocation
        })
    );
    let elsewhere = StatusEntry::new(StatusPurpose::Revocation, 94_567, "https://evil.test/s");
    assert!(matches!(
        parsed.status_of(&elsewhere),
        Err(StatusError::ListMismatch { .. })
    ));
    let beyond = StatusEntry::new(StatusPurpose::Revocation, MIN_ENTRIES, list_url);
    assert_eq!(
        parsed.status_of(&beyond),
        Err(StatusError::IndexOutOfRange {
            index: MIN_ENTRIES,
            len: MIN_ENTRIES
        })
    );
}

#[test]
fn errors_name_untrusted_input_only_in_shortened_form() {
    let long = "x".repeat(10_000);
    let err = long.parse::<StatusPurpose>().unwrap_err();
    assert!(err.to_string().len() < 200, "{err}");
}
