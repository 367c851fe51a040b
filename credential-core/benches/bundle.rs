//! Trust bundles at scale, status lookups and equivalence queries, each next to a baseline
//! measured in the same run.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chrono::{DateTime, Utc};
use credential_core::equivalence::{
    Destination, EquivalenceQuery, EquivalenceTable, FrameworkCatalog, FRAMEWORKS_JSON,
};
use credential_core::jws::{self, Header, UnverifiedJws};
use credential_core::status::{status_list_credential, Bitstring, IssuerStatusList, StatusPurpose};
use credential_core::trust::TYP_STATUS_LIST;
use credential_core::{did_key_issuer, BundleBuilder, SecretKey, TrustAnchor};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn t(s: &str) -> DateTime<Utc> {
    credential_core::parse_time(s).unwrap()
}

/// 10,000 issuers, the first 50 with a revocation and a suspension list (100 lists), each
/// list with 1,000 revoked entries spread over it.
fn big_bundle() -> (String, SecretKey) {
    let operator = SecretKey::from_bytes(&[1; 32]);
    let from = t("2026-01-01T00:00:00Z");
    let mut builder = BundleBuilder::new(&operator.public(), 1, from, t("2027-01-01T00:00:00Z"));
    for i in 0..10_000u32 {
        let mut seed = [0u8; 32];
        seed[..4].copy_from_slice(&i.to_le_bytes());
        seed[31] = 7;
        let key = SecretKey::from_bytes(&seed);
        let issuer = did_key_issuer(
            &key.public().did(),
            &format!("Institute {i}"),
            "PH",
            vec!["QualificationCredential:PQF-6".parse().unwrap()],
            from,
        )
        .unwrap();
        builder = builder.issuer(issuer);
        if i < 50 {
            for purpose in [StatusPurpose::Revocation, StatusPurpose::Suspension] {
                let mut list = IssuerStatusList::new(
                    &format!(
                        "urn:uuid:00000000-0000-4000-8000-{i:06}{:06}",
                        purpose as u8
                    ),
                    purpose,
                );
                for n in 0..1000 {
                    let index = (n * 65) % 131_072;
                    list.allocate_specific(index).unwrap();
                    list.set_status(index, true).unwrap();
                }
                let doc = status_list_credential(&key.public().did(), &list, from);
                builder = builder.status_list(jws::sign(
                    &key,
                    &Header::new(TYP_STATUS_LIST, &key.public().did_url()),
                    &serde_json::to_vec(&doc).unwrap(),
                ));
            }
        }
    }
    (builder.sign(&operator).unwrap(), operator)
}

fn bundles(c: &mut Criterion) {
    let (bundle, operator) = big_bundle();
    let anchor = TrustAnchor::from_did(&operator.public().did()).unwrap();
    let mut g = c.benchmark_group("bundle_10k_issuers_100_lists");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bundle.len() as u64));
    // Baseline: the anchor's signature alone over the same bytes.
    g.bench_function("anchor_signature_only", |b| {
        b.iter(|| {
            UnverifiedJws::parse(&bundle, usize::MAX)
                .unwrap()
                .verify_with(anchor.public_key())
        })
    });
    g.bench_function("serde_json_value_parse_of_payload", |b| {
        let payload = UnverifiedJws::parse(&bundle, usize::MAX)
            .unwrap()
            .payload()
            .to_vec();
        b.iter(|| serde_json::from_slice::<serde_json::Value>(&payload).unwrap())
    });
    g.bench_function("load_and_verify", |b| {
        b.iter(|| anchor.verify_bundle(&bundle, None).unwrap())
    });
    g.finish();
    eprintln!("bundle size: {} bytes", bundle.len());
}

fn status(c: &mut Criterion) {
    let mut bits = Bitstring::new(131_072).unwrap();
    for i in (0..131_072).step_by(97) {
        bits.set(i, true).unwrap();
    }
    let encoded = bits.encode();
    let mut g = c.benchmark_group("status");
    g.bench_function("lookup_one_bit", |b| {
        b.iter(|| bits.get(std::hint::black_box(94_567)).unwrap())
    });
    g.bench_function("decode_131072_entry_list", |b| {
        b.iter(|| Bitstring::decode(&encoded).unwrap())
    });
    g.bench_function("encode_131072_entry_list", |b| b.iter(|| bits.encode()));
    g.finish();
}

/// The framework data as it shipped before issue 16 (16 frameworks, 43 links), kept so that
/// one run measures the catalog and its queries before and after the data grew.
const FRAMEWORKS_2026_11_26: &str = include_str!("data/frameworks-2026-11-26.json");

fn equivalence(c: &mut Criterion) {
    let before = EquivalenceTable::new(FrameworkCatalog::from_json(FRAMEWORKS_2026_11_26).unwrap());
    let table = EquivalenceTable::shipped().unwrap();
    let now = t("2026-06-01T00:00:00Z");
    let de: Destination = "DE".parse().unwrap();
    let query = |level: &str| EquivalenceQuery {
        levels: vec![level.into()],
        ..Default::default()
    };
    let (rqf_before, rqf) = (query("RQF-3"), query("RQF-GB-ENG-3"));
    let ncqf = query("NCQF-BW-7");
    let pqf = query("PQF-PH-6");
    let mut g = c.benchmark_group("equivalence");
    g.bench_function("catalog_load_2026_11_26_data", |b| {
        b.iter(|| FrameworkCatalog::from_json(FRAMEWORKS_2026_11_26).unwrap())
    });
    g.bench_function("catalog_load_shipped", |b| {
        b.iter(|| FrameworkCatalog::from_json(FRAMEWORKS_JSON).unwrap())
    });
    g.bench_function("query_rqf3_to_de_2026_11_26_data", |b| {
        b.iter(|| before.query(&rqf_before, &de, now))
    });
    g.bench_function("query_rqf3_to_de", |b| {
        b.iter(|| table.query(&rqf, &de, now))
    });
    g.bench_function("query_rqf3_alias_to_de", |b| {
        b.iter(|| table.query(&rqf_before, &de, now))
    });
    g.bench_function("query_ncqf_bw_7_to_de_2026_11_26_data", |b| {
        b.iter(|| before.query(&ncqf, &de, now))
    });
    g.bench_function("query_ncqf_bw_7_to_de", |b| {
        b.iter(|| table.query(&ncqf, &de, now))
    });
    g.bench_function("query_pqf_ph_6_to_de_missing_bridge", |b| {
        b.iter(|| table.query(&pqf, &de, now))
    });
    g.bench_function("answer_to_words", |b| {
        let answer = table.query(&rqf, &de, now);
        b.iter(|| answer.to_words())
    });
    g.finish();
}

criterion_group!(benches, bundles, status, equivalence);
criterion_main!(benches);
