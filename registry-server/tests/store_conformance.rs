//! One conformance suite for every [`Store`]: each test below runs against `SledStore` (in a
//! temporary directory) and against `PostgresStore` (in a fresh database of its own), so a
//! backend that orders keys differently, loses a write, or half-applies a batch fails here
//! before the registry ever runs on it.
//!
//! The PostgreSQL half needs a server: `SKILLPASS_TEST_DATABASE_URL=postgres://…` (a user
//! that may create databases; `.ci/run` starts one and sets it). Without it those tests
//! print that they were skipped and pass, so `cargo test` works on a machine without
//! PostgreSQL; under CI (`CI` set) a missing URL fails them instead.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::sync::Arc;

use rand::RngCore as _;
use registry_server::store::postgres::{OpenError, ScratchDatabase, MIGRATIONS};
use registry_server::store::{Batch, DatabaseUrl, PostgresStore, SledStore, Store, Tree};

/// Where a test's store lives, and how to open it (again).
enum Fixture {
    Sled(tempfile::TempDir),
    Postgres(Box<ScratchDatabase>),
}

impl Fixture {
    fn sled() -> Self {
        Fixture::Sled(tempfile::tempdir().unwrap())
    }

    fn postgres(name: &str) -> Option<Self> {
        postgres_with(name, "")
    }

    fn open(&self) -> Arc<dyn Store> {
        match self {
            Fixture::Sled(dir) => Arc::new(SledStore::open(dir.path()).unwrap()),
            Fixture::Postgres(db) => Arc::new(PostgresStore::open(db.url()).unwrap()),
        }
    }
}

/// The test server's URL, or `None` (with a note) when there is none.
fn server(name: &str) -> Option<DatabaseUrl> {
    match std::env::var("SKILLPASS_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => Some(url.parse().unwrap()),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI must set SKILLPASS_TEST_DATABASE_URL (see .ci/run)")
        }
        _ => {
            // Straight to standard error: the test harness swallows eprintln! of passing tests.
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED postgres::{name}: set SKILLPASS_TEST_DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DB to run it"
            );
            None
        }
    }
}

fn postgres_with(name: &str, options: &str) -> Option<Fixture> {
    let server = server(name)?;
    Some(Fixture::Postgres(Box::new(
        ScratchDatabase::create_with(&server, options).unwrap(),
    )))
}

/// Runs each named test (a `fn(Fixture)` below) on both backends.
macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sled {
            $(#[test] fn $name() { super::$name(super::Fixture::sled()) })*
        }
        mod postgres {
            $(#[test] fn $name() {
                if let Some(f) = super::Fixture::postgres(stringify!($name)) { super::$name(f) }
            })*
        }
    };
}

conformance!(
    binary_keys_come_back_in_bytewise_order,
    scan_walks_one_prefix_from_a_start_key_up_to_a_limit,
    scan_pages_through_a_tree_exactly_once,
    keys_below_stop_before_the_end_key,
    last_is_the_greatest_key_of_its_own_tree,
    a_batch_applies_its_writes_in_order,
    an_empty_batch_changes_nothing,
    writes_survive_closing_and_reopening_the_store,
    concurrent_batches_from_many_threads_all_land_whole,
    values_of_several_megabytes_round_trip,
    get_many_answers_each_key_in_the_order_asked,
);

fn get_many_answers_each_key_in_the_order_asked(f: Fixture) {
    let store = f.open();
    put(
        store.as_ref(),
        Tree::NameValue,
        &[(b"a", b"1"), (b"a\0", b"2"), (&[0xFF], b"3")],
    );
    put(store.as_ref(), Tree::GrantidGrant, &[(b"a", b"other tree")]);
    let asked: [(Tree, &[u8]); 7] = [
        (Tree::NameValue, &[0xFF]),
        (Tree::NameValue, b"missing"),
        (Tree::GrantidGrant, b"a"),
        (Tree::NameValue, b"a"),
        (Tree::NameValue, b"a\0"),
        (Tree::NameValue, b"a"),
        (Tree::DecisionidDecision, b"a"),
    ];
    let values = store.get_many(&asked).unwrap();
    let expected: Vec<Option<Vec<u8>>> = vec![
        Some(b"3".to_vec()),
        None,
        Some(b"other tree".to_vec()),
        Some(b"1".to_vec()),
        Some(b"2".to_vec()),
        Some(b"1".to_vec()),
        None,
    ];
    assert_eq!(values, expected);
    // Each answer is what `get` says.
    for ((tree, key), value) in asked.iter().zip(&values) {
        assert_eq!(&store.get(*tree, key).unwrap(), value);
    }
    assert!(store.get_many(&[]).unwrap().is_empty());
}

fn put(store: &dyn Store, tree: Tree, pairs: &[(&[u8], &[u8])]) {
    let mut batch = Batch::default();
    for (k, v) in pairs {
        batch.put(tree, k.to_vec(), v.to_vec());
    }
    store.apply(batch).unwrap();
}

fn keys(entries: &[(Vec<u8>, Vec<u8>)]) -> Vec<Vec<u8>> {
    entries.iter().map(|(k, _)| k.clone()).collect()
}

/// Keys chosen to trip a backend that compares text, trims, or stops at NUL: 0x00 and 0xFF
/// bytes, prefixes of each other, upper before lower case, UTF-8 above ASCII.
fn awkward_keys() -> Vec<Vec<u8>> {
    let mut keys: Vec<Vec<u8>> = vec![
        vec![0x00],
        vec![0x00, 0x00],
        vec![0x00, 0xFF],
        vec![0x01],
        vec![0x7F],
        vec![0x80],
        vec![0xFF],
        vec![0xFF, 0x00],
        vec![0xFF, 0xFF],
        vec![0xFF, 0xFF, 0xFF],
        b"B".to_vec(),
        b"a".to_vec(),
        b"a\0".to_vec(),
        b"a\0b".to_vec(),
        b"ab".to_vec(),
        b"a b".to_vec(),
        b"A".to_vec(),
        "é".as_bytes().to_vec(),
        "e\u{301}".as_bytes().to_vec(),
        b"did:key:z6Mk".to_vec(),
        b"did:key:z6Mk\0purpose".to_vec(),
        1u64.to_be_bytes().to_vec(),
        256u64.to_be_bytes().to_vec(),
        u64::MAX.to_be_bytes().to_vec(),
    ];
    // Written in an order that is neither sorted nor reversed.
    keys.reverse();
    keys.rotate_left(7);
    keys
}

fn binary_keys_come_back_in_bytewise_order(f: Fixture) {
    binary_order(&f);
}

fn binary_order(f: &Fixture) {
    let store = f.open();
    let written = awkward_keys();
    for (i, k) in written.iter().enumerate() {
        put(store.as_ref(), Tree::LogseqEntry, &[(k, &[i as u8])]);
    }
    let mut sorted = written.clone();
    sorted.sort();
    let all = store.scan(Tree::LogseqEntry, b"", b"", 1000).unwrap();
    assert_eq!(keys(&all), sorted);
    for k in &written {
        assert!(store.get(Tree::LogseqEntry, k).unwrap().is_some(), "{k:?}");
    }
    assert_eq!(store.get(Tree::LogseqEntry, b"a\0\0").unwrap(), None);
    assert_eq!(
        store.last(Tree::LogseqEntry).unwrap().unwrap().0,
        u64::MAX.to_be_bytes().to_vec()
    );
}

#[test]
fn postgres_key_order_ignores_a_database_collation_that_sorts_text_otherwise() {
    // An ICU English collation sorts "a" before "B"; keys must still compare as bytes.
    let Some(f) = postgres_with(
        "key_order_ignores_collation",
        "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'",
    ) else {
        return;
    };
    binary_order(&f);
}

fn scan_walks_one_prefix_from_a_start_key_up_to_a_limit(f: Fixture) {
    let store = f.open();
    let t = Tree::CredentialidgrantidEmpty;
    let all: Vec<&[u8]> = vec![
        b"a",
        b"ab",
        b"ab\0",
        b"ab\0x",
        b"abc",
        b"ab\xff",
        b"ab\xff\xff",
        b"ac",
        b"b",
        b"\xff",
        b"\xff\xff",
        b"\xff\xff\x00",
    ];
    let pairs: Vec<(&[u8], &[u8])> = all.iter().map(|k| (*k, &b""[..])).collect();
    put(store.as_ref(), t, &pairs);
    let scan = |prefix: &[u8], start: &[u8], limit: usize| -> Vec<Vec<u8>> {
        keys(&store.scan(t, prefix, start, limit).unwrap())
    };
    let v = |ks: &[&[u8]]| -> Vec<Vec<u8>> { ks.iter().map(|k| k.to_vec()).collect() };
    assert_eq!(
        scan(b"ab", b"", 100),
        v(&[b"ab", b"ab\0", b"ab\0x", b"abc", b"ab\xff", b"ab\xff\xff"])
    );
    assert_eq!(
        scan(b"ab", b"abc", 100),
        v(&[b"abc", b"ab\xff", b"ab\xff\xff"])
    );
    assert_eq!(scan(b"ab", b"ab\0", 2), v(&[b"ab\0", b"ab\0x"]));
    assert_eq!(scan(b"ab", b"ab\xff\xff\x00", 100), Vec::<Vec<u8>>::new());
    assert_eq!(scan(b"ab", b"", 0), Vec::<Vec<u8>>::new());
    // A prefix of 0xFF bytes has no successor: the scan runs to the end of the tree.
    assert_eq!(
        scan(b"\xff", b"", 100),
        v(&[b"\xff", b"\xff\xff", b"\xff\xff\x00"])
    );
    assert_eq!(
        scan(b"\xff\xff", b"", 100),
        v(&[b"\xff\xff", b"\xff\xff\x00"])
    );
    assert_eq!(scan(b"zz", b"", 100), Vec::<Vec<u8>>::new());
    assert_eq!(scan(b"", b"", 3), v(&[b"a", b"ab", b"ab\0"]));
    assert_eq!(scan(b"", b"ac", 2), v(&[b"ac", b"b"]));
    // Other trees are not seen.
    assert!(store
        .scan(Tree::GrantidGrant, b"", b"", 100)
        .unwrap()
        .is_empty());
}

fn scan_pages_through_a_tree_exactly_once(f: Fixture) {
    let store = f.open();
    let mut batch = Batch::default();
    let mut expected = Vec::new();
    for i in 0u32..1000 {
        // Keys that share long prefixes and hold every byte value.
        let key = [b"p".as_slice(), &(i % 256).to_be_bytes(), &i.to_be_bytes()].concat();
        batch.put(Tree::IatnonceSeen, key.clone(), i.to_le_bytes().to_vec());
        expected.push(key);
    }
    store.apply(batch).unwrap();
    expected.sort();
    let mut seen = Vec::new();
    let mut start = Vec::new();
    loop {
        let page = store.scan(Tree::IatnonceSeen, b"p", &start, 97).unwrap();
        for (k, _) in &page {
            seen.push(k.clone());
            start.clone_from(k);
            start.push(0);
        }
        if page.len() < 97 {
            break;
        }
    }
    assert_eq!(seen, expected);
}

fn keys_below_stop_before_the_end_key(f: Fixture) {
    let store = f.open();
    let t = Tree::IatnonceSeen;
    let ks: Vec<Vec<u8>> = [5u64, 1, 3, 2, 4, 0x100, 0xFF]
        .iter()
        .map(|n| [n.to_be_bytes().as_slice(), b"did\0nonce"].concat())
        .collect();
    let pairs: Vec<(&[u8], &[u8])> = ks.iter().map(|k| (k.as_slice(), &b""[..])).collect();
    put(store.as_ref(), t, &pairs);
    let below = |end: u64, limit: usize| -> Vec<u64> {
        store
            .keys_below(t, &end.to_be_bytes(), limit)
            .unwrap()
            .iter()
            .map(|k| u64::from_be_bytes(k[..8].try_into().unwrap()))
            .collect()
    };
    assert_eq!(below(4, 100), vec![1, 2, 3]);
    assert_eq!(below(4, 2), vec![1, 2]);
    assert_eq!(below(1, 100), Vec::<u64>::new());
    assert_eq!(below(0x100, 100), vec![1, 2, 3, 4, 5, 0xFF]);
    assert_eq!(below(u64::MAX, 100), vec![1, 2, 3, 4, 5, 0xFF, 0x100]);
    assert_eq!(below(u64::MAX, 0), Vec::<u64>::new());
    // The end key itself is excluded, keys extending it are above it.
    let exact = store.keys_below(t, &ks[2], 100).unwrap();
    assert_eq!(exact.len(), 2);
}

fn last_is_the_greatest_key_of_its_own_tree(f: Fixture) {
    let store = f.open();
    assert_eq!(store.last(Tree::LogseqEntry).unwrap(), None);
    put(
        store.as_ref(),
        Tree::LogseqEntry,
        &[
            (&2u64.to_be_bytes(), b"two"),
            (&10u64.to_be_bytes(), b"ten"),
            (&9u64.to_be_bytes(), b"nine"),
        ],
    );
    put(
        store.as_ref(),
        Tree::NameValue,
        &[(b"\xff\xff\xff\xff\xff\xff\xff\xff\xff", b"other tree")],
    );
    assert_eq!(
        store.last(Tree::LogseqEntry).unwrap(),
        Some((10u64.to_be_bytes().to_vec(), b"ten".to_vec()))
    );
    assert_eq!(store.last(Tree::GrantidGrant).unwrap(), None);
    assert_eq!(
        store.get(Tree::NameValue, &10u64.to_be_bytes()).unwrap(),
        None
    );
    let mut batch = Batch::default();
    batch.delete(Tree::LogseqEntry, 10u64.to_be_bytes().to_vec());
    store.apply(batch).unwrap();
    assert_eq!(
        store.last(Tree::LogseqEntry).unwrap().unwrap().1,
        b"nine".to_vec()
    );
}

fn a_batch_applies_its_writes_in_order(f: Fixture) {
    let store = f.open();
    put(
        store.as_ref(),
        Tree::NameValue,
        &[(b"kept", b"1"), (b"gone", b"1"), (b"back", b"1")],
    );
    let mut batch = Batch::default();
    batch.put(Tree::NameValue, b"new".to_vec(), b"first".to_vec());
    batch.put(Tree::NameValue, b"new".to_vec(), b"second".to_vec());
    batch.delete(Tree::NameValue, b"gone".to_vec());
    batch.delete(Tree::NameValue, b"back".to_vec());
    batch.put(Tree::NameValue, b"back".to_vec(), b"2".to_vec());
    batch.put(Tree::NameValue, b"put then deleted".to_vec(), b"x".to_vec());
    batch.delete(Tree::NameValue, b"put then deleted".to_vec());
    batch.delete(Tree::NameValue, b"never there".to_vec());
    batch.put(
        Tree::IssuerdidIssuer,
        b"new".to_vec(),
        b"same key, other tree".to_vec(),
    );
    store.apply(batch).unwrap();
    let get = |t: Tree, k: &[u8]| store.get(t, k).unwrap();
    assert_eq!(get(Tree::NameValue, b"new"), Some(b"second".to_vec()));
    assert_eq!(get(Tree::NameValue, b"gone"), None);
    assert_eq!(get(Tree::NameValue, b"back"), Some(b"2".to_vec()));
    assert_eq!(get(Tree::NameValue, b"kept"), Some(b"1".to_vec()));
    assert_eq!(get(Tree::NameValue, b"put then deleted"), None);
    assert_eq!(
        get(Tree::IssuerdidIssuer, b"new"),
        Some(b"same key, other tree".to_vec())
    );
    assert_eq!(store.scan(Tree::NameValue, b"", b"", 100).unwrap().len(), 3);
    // An empty value is a value, not an absence.
    put(store.as_ref(), Tree::NameValue, &[(b"empty", b"")]);
    assert_eq!(get(Tree::NameValue, b"empty"), Some(Vec::new()));
}

fn an_empty_batch_changes_nothing(f: Fixture) {
    let store = f.open();
    store.apply(Batch::default()).unwrap();
    for &tree in Tree::ALL {
        assert!(store.scan(tree, b"", b"", 10).unwrap().is_empty());
    }
}

fn writes_survive_closing_and_reopening_the_store(f: Fixture) {
    let value = vec![0xA5u8; 10_000];
    {
        let store = f.open();
        for &tree in Tree::ALL {
            put(
                store.as_ref(),
                tree,
                &[(tree.name().as_bytes(), &value), (b"\0", b"zero")],
            );
        }
        let mut batch = Batch::default();
        batch.delete(Tree::NameValue, b"\0".to_vec());
        store.apply(batch).unwrap();
    }
    let store = f.open();
    for &tree in Tree::ALL {
        assert_eq!(
            store.get(tree, tree.name().as_bytes()).unwrap().as_deref(),
            Some(value.as_slice()),
            "{}",
            tree.name()
        );
    }
    assert_eq!(store.get(Tree::NameValue, b"\0").unwrap(), None);
    assert_eq!(
        store.get(Tree::LogseqEntry, b"\0").unwrap(),
        Some(b"zero".to_vec())
    );
}

fn concurrent_batches_from_many_threads_all_land_whole(f: Fixture) {
    let store = f.open();
    let threads = 8;
    let rounds = 40;
    std::thread::scope(|s| {
        for t in 0..threads {
            let store = store.clone();
            s.spawn(move || {
                for r in 0..rounds {
                    let v = format!("{t}:{r}").into_bytes();
                    let mut batch = Batch::default();
                    // Keys of its own, and two keys every thread writes: a batch applied
                    // whole leaves those two equal.
                    batch.put(
                        Tree::GrantidGrant,
                        format!("own-{t}-{r}").into_bytes(),
                        v.clone(),
                    );
                    batch.put(Tree::NameValue, b"shared-x".to_vec(), v.clone());
                    batch.put(
                        Tree::CredentialidCredential,
                        b"shared-y".to_vec(),
                        v.clone(),
                    );
                    if t % 2 == 0 {
                        // Some batches in the other order, to invite lock-order trouble.
                        batch.ops.reverse();
                    }
                    store.apply(batch).unwrap();
                }
            });
        }
    });
    let own = store
        .scan(Tree::GrantidGrant, b"own-", b"", 10_000)
        .unwrap();
    assert_eq!(own.len(), threads * rounds);
    let x = store.get(Tree::NameValue, b"shared-x").unwrap().unwrap();
    let y = store
        .get(Tree::CredentialidCredential, b"shared-y")
        .unwrap()
        .unwrap();
    assert_eq!(x, y, "the last batch to land wrote both keys");
}

fn values_of_several_megabytes_round_trip(f: Fixture) {
    let store = f.open();
    let mut big = vec![0u8; 4 * 1024 * 1024 + 3];
    rand::thread_rng().fill_bytes(&mut big);
    let mut batch = Batch::default();
    batch.put(Tree::NameValue, b"bundle".to_vec(), big.clone());
    for i in 0u8..3 {
        batch.put(Tree::IssuerpurposeStatuslist, vec![i], vec![i; 1024 * 1024]);
    }
    store.apply(batch).unwrap();
    assert_eq!(store.get(Tree::NameValue, b"bundle").unwrap().unwrap(), big);
    let lists = store
        .scan(Tree::IssuerpurposeStatuslist, b"", b"", 10)
        .unwrap();
    assert_eq!(lists.len(), 3);
    assert!(lists
        .iter()
        .all(|(k, v)| v.len() == 1024 * 1024 && v[0] == k[0]));
    assert_eq!(
        store.last(Tree::NameValue).unwrap().unwrap().1.len(),
        big.len()
    );
}

// ---- PostgreSQL only: the schema, atomicity under a failing statement, reconnection ----

/// Runs `sql` on a plain connection of its own (to inspect or sabotage a test database).
fn psql(url: &DatabaseUrl, sql: &str) {
    query_one(url, sql);
}

fn query_one(url: &DatabaseUrl, sql: &str) -> String {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let config: tokio_postgres::Config = url.as_secret_str().parse().unwrap();
        let (client, connection) = config.connect(tokio_postgres::NoTls).await.unwrap();
        let driver = tokio::spawn(connection);
        let rows = client.simple_query(sql).await.unwrap();
        let value = rows
            .into_iter()
            .find_map(|m| match m {
                tokio_postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_owned),
                _ => None,
            })
            .unwrap_or_default();
        drop(client);
        let _ = driver.await;
        value
    })
}

fn scratch(name: &str) -> Option<ScratchDatabase> {
    let server = server(name)?;
    Some(ScratchDatabase::create(&server).unwrap())
}

#[test]
fn postgres_a_batch_whose_statement_fails_leaves_nothing() {
    let Some(db) = scratch("a_batch_whose_statement_fails_leaves_nothing") else {
        return;
    };
    let store = PostgresStore::open(db.url()).unwrap();
    put(
        &store,
        Tree::NameValue,
        &[(b"poison", b"armed"), (b"before", b"1")],
    );
    // Deleting "poison" raises: the puts of the same batch ran in an earlier statement of
    // its transaction and must be rolled back with it.
    psql(
        db.url(),
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN IF OLD.key = 'poison'::bytea THEN RAISE EXCEPTION 'refused by the test'; END IF; \
         RETURN OLD; END $$; \
         CREATE TRIGGER refuse BEFORE DELETE ON records FOR EACH ROW EXECUTE FUNCTION refuse();",
    );
    let mut batch = Batch::default();
    batch.put(Tree::NameValue, b"before".to_vec(), b"2".to_vec());
    batch.put(Tree::GrantidGrant, b"new".to_vec(), b"x".to_vec());
    batch.delete(Tree::NameValue, b"poison".to_vec());
    let err = store.apply(batch).unwrap_err();
    assert!(err.to_string().contains("refused by the test"), "{err}");
    assert_eq!(
        store.get(Tree::NameValue, b"before").unwrap(),
        Some(b"1".to_vec())
    );
    assert_eq!(store.get(Tree::GrantidGrant, b"new").unwrap(), None);
    assert_eq!(
        store.get(Tree::NameValue, b"poison").unwrap(),
        Some(b"armed".to_vec())
    );
    // The store goes on working after a failed batch.
    put(&store, Tree::NameValue, &[(b"after", b"1")]);
    assert_eq!(
        store.get(Tree::NameValue, b"after").unwrap(),
        Some(b"1".to_vec())
    );
}

#[test]
fn postgres_the_schema_is_created_once_and_recorded_as_migrations() {
    let Some(db) = scratch("the_schema_is_created_once_and_recorded_as_migrations") else {
        return;
    };
    let known = MIGRATIONS.last().unwrap().version;
    let store = PostgresStore::open(db.url()).unwrap();
    assert_eq!(store.schema_version().unwrap(), known);
    put(&store, Tree::NameValue, &[(b"k", b"v")]);
    drop(store);
    // Opening again (as a second registry would) migrates nothing and keeps the records.
    let store = PostgresStore::open(db.url()).unwrap();
    assert_eq!(
        query_one(db.url(), "SELECT count(*) FROM schema_migrations"),
        MIGRATIONS.len().to_string()
    );
    assert_eq!(
        store.get(Tree::NameValue, b"k").unwrap(),
        Some(b"v".to_vec())
    );
}

#[test]
fn postgres_commits_wait_for_the_disk_even_where_the_database_says_otherwise() {
    let Some(db) = scratch("commits_wait_for_the_disk") else {
        return;
    };
    let name = query_one(db.url(), "SELECT current_database()");
    psql(
        db.url(),
        &format!("ALTER DATABASE \"{name}\" SET synchronous_commit = off"),
    );
    assert_eq!(query_one(db.url(), "SHOW synchronous_commit"), "off");
    let store = PostgresStore::open(db.url()).unwrap();
    assert_eq!(store.show("synchronous_commit").unwrap(), "on");
}

#[test]
fn postgres_registries_opening_a_new_database_at_once_migrate_it_once() {
    let Some(db) = scratch("registries_opening_a_new_database_at_once_migrate_it_once") else {
        return;
    };
    let url = db.url().clone();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| PostgresStore::open(&url).map(|_| ())))
            .collect();
        for h in handles {
            h.join().unwrap().unwrap();
        }
    });
    assert_eq!(
        query_one(&url, "SELECT count(*) FROM schema_migrations"),
        MIGRATIONS.len().to_string()
    );
}

#[test]
fn postgres_a_database_migrated_by_a_newer_registry_is_refused() {
    let Some(db) = scratch("a_database_migrated_by_a_newer_registry_is_refused") else {
        return;
    };
    drop(PostgresStore::open(db.url()).unwrap());
    psql(
        db.url(),
        "INSERT INTO schema_migrations (version, description) VALUES (999, 'from the future')",
    );
    match PostgresStore::open(db.url()) {
        Err(OpenError::SchemaTooNew { found, known, .. }) => {
            assert_eq!(found, 999);
            assert_eq!(known, MIGRATIONS.last().unwrap().version);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn postgres_the_store_reconnects_by_itself_after_its_connections_are_cut() {
    let Some(db) = scratch("the_store_reconnects_by_itself_after_its_connections_are_cut") else {
        return;
    };
    let store = Arc::new(PostgresStore::open(db.url()).unwrap());
    // Several connections in the pool.
    std::thread::scope(|s| {
        for i in 0u8..4 {
            let store = store.clone();
            s.spawn(move || put(store.as_ref(), Tree::NameValue, &[(&[i], b"v")]));
        }
    });
    // What a database restart or failover does to open connections.
    let cut = query_one(
        db.url(),
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
         WHERE datname = current_database() AND application_name = 'skillpass-registry'",
    );
    assert_ne!(cut, "0", "the store held connections");
    // The very next calls succeed, reads and batches alike, even on connections whose end
    // the client has not noticed yet (no pause here: such a call is retried on a new
    // connection, the other cut ones dropped with it).
    for i in 0u8..4 {
        assert_eq!(
            store.get(Tree::NameValue, &[i]).unwrap(),
            Some(b"v".to_vec())
        );
    }
    put(store.as_ref(), Tree::NameValue, &[(b"after", b"cut")]);
    assert_eq!(
        store.get(Tree::NameValue, b"after").unwrap(),
        Some(b"cut".to_vec())
    );
}

#[test]
fn postgres_an_unreachable_database_is_named_without_its_password() {
    // A port on loopback nobody listens on (bound, then released).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url: DatabaseUrl = format!("postgres://skillpass:hunter2-secret@127.0.0.1:{port}/registry")
        .parse()
        .unwrap();
    let err = PostgresStore::open(&url).unwrap_err();
    assert!(matches!(err, OpenError::Unreachable { .. }), "{err:?}");
    let text = format!("{err} {err:?}");
    assert!(
        text.contains(&format!("postgres://skillpass@127.0.0.1:{port}/registry")),
        "{text}"
    );
    assert!(!text.contains("hunter2"), "{text}");
}

#[test]
fn postgres_a_store_whose_database_went_away_answers_with_an_error_not_a_hang() {
    let Some(db) = scratch("a_store_whose_database_went_away_answers_with_an_error") else {
        return;
    };
    let store = PostgresStore::open(db.url()).unwrap();
    put(&store, Tree::NameValue, &[(b"k", b"v")]);
    let name = query_one(db.url(), "SELECT current_database()");
    let server = server("x").unwrap();
    psql(&server, &format!("DROP DATABASE \"{name}\" WITH (FORCE)"));
    let started = std::time::Instant::now();
    let err = store.get(Tree::NameValue, b"k").unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(store
        .apply({
            let mut b = Batch::default();
            b.put(Tree::NameValue, b"k".to_vec(), b"w".to_vec());
            b
        })
        .is_err());
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// Several registry processes on one database: the writers' lock of one store keeps every
/// other store on the database waiting until it is dropped, and batches written through it
/// land. sled is written by one process only and has no such lock.
#[test]
fn postgres_writers_lock_keeps_other_processes_out_until_dropped() {
    use std::time::Duration;
    let Some(fixture) = Fixture::postgres("postgres_writers_lock_keeps_other_processes_out") else {
        return;
    };
    let first = fixture.open();
    let second = fixture.open();
    assert!(first.shared() && second.shared());
    let mut held = first.lock_writes().unwrap().unwrap();
    let mut batch = Batch::default();
    batch.put(Tree::NameValue, b"under-lock".to_vec(), b"1".to_vec());
    held.apply(batch).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let lock = second.lock_writes().unwrap().unwrap();
        // Taken only once the first let go: the first's write is visible.
        let seen = second.get(Tree::NameValue, b"under-lock").unwrap();
        tx.send(seen).unwrap();
        drop(lock);
    });
    assert!(
        rx.recv_timeout(Duration::from_millis(700)).is_err(),
        "the second store took the lock while the first held it"
    );
    drop(held);
    let seen = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(seen.as_deref(), Some(&b"1"[..]));
    waiter.join().unwrap();
    // The lock is free again for the first store.
    drop(first.lock_writes().unwrap().unwrap());
}

#[test]
fn sled_is_written_by_one_process_and_has_no_writers_lock() {
    let store = Fixture::sled().open();
    assert!(!store.shared());
    assert!(store.lock_writes().unwrap().is_none());
}

/// A snapshot reads the store as it was when opened, while others write: the start-up
/// check of a replica reads through one, so another replica's writes during the check
/// cannot make a healthy store look damaged (they did, before: issue 15's replica test).
#[test]
fn postgres_a_snapshot_sees_the_store_as_it_was_while_others_write() {
    let Some(db) = scratch("a_snapshot_sees_the_store_as_it_was") else {
        return;
    };
    let store = PostgresStore::open(db.url()).unwrap();
    put(&store, Tree::NameValue, &[(b"a", b"1"), (b"b", b"1")]);
    let snapshot = store.snapshot().unwrap();
    // Read once, then the others write: a changed value, a new key, a deleted key.
    assert_eq!(
        snapshot.get(Tree::NameValue, b"a").unwrap(),
        Some(b"1".to_vec())
    );
    let mut batch = Batch::default();
    batch.put(Tree::NameValue, b"a".to_vec(), b"2".to_vec());
    batch.put(Tree::NameValue, b"c".to_vec(), b"2".to_vec());
    batch.delete(Tree::NameValue, b"b".to_vec());
    store.apply(batch).unwrap();
    assert_eq!(
        store.get(Tree::NameValue, b"a").unwrap(),
        Some(b"2".to_vec())
    );
    let seen = snapshot.scan(Tree::NameValue, b"", b"", 10).unwrap();
    assert_eq!(
        seen,
        vec![
            (b"a".to_vec(), b"1".to_vec()),
            (b"b".to_vec(), b"1".to_vec())
        ]
    );
    assert_eq!(
        snapshot.last(Tree::NameValue).unwrap(),
        Some((b"b".to_vec(), b"1".to_vec()))
    );
    assert_eq!(
        snapshot.keys_below(Tree::NameValue, b"z", 10).unwrap(),
        vec![b"a".to_vec(), b"b".to_vec()]
    );
    // Read-only, and it holds no lock: a writer was never kept waiting.
    let mut batch = Batch::default();
    batch.put(Tree::NameValue, b"d".to_vec(), b"1".to_vec());
    let err = snapshot.apply(batch).unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    drop(snapshot);
    // Its connection is closed, not handed back inside its transaction: the store reads
    // the newest values on every pooled connection.
    for _ in 0..20 {
        assert_eq!(store.get(Tree::NameValue, b"b").unwrap(), None);
    }
}

/// A new sled store keeps its pages compressed (issue 15, bytes per credential); a store
/// created uncompressed by an earlier registry still opens with its records (sled refuses
/// to change the setting of an existing store, so the registry follows what it finds).
#[test]
fn sled_compresses_new_stores_and_still_opens_uncompressed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new");
    drop(SledStore::open(&new).unwrap());
    let conf = String::from_utf8_lossy(&std::fs::read(new.join("conf")).unwrap()).into_owned();
    assert!(conf.contains("use_compression: true"), "{conf}");

    let old = dir.path().join("old");
    {
        let db = ::sled::Config::new()
            .path(&old)
            .use_compression(false)
            .open()
            .unwrap();
        db.open_tree(Tree::NameValue.name())
            .unwrap()
            .insert(b"kept", b"yes")
            .unwrap();
        db.flush().unwrap();
    }
    let store = SledStore::open(&old).unwrap();
    assert_eq!(
        store.get(Tree::NameValue, b"kept").unwrap(),
        Some(b"yes".to_vec())
    );
    put(&store, Tree::NameValue, &[(b"after", b"1")]);
    drop(store);
    let conf = String::from_utf8_lossy(&std::fs::read(old.join("conf")).unwrap()).into_owned();
    assert!(conf.contains("use_compression: false"), "{conf}");
    let store = SledStore::open(&old).unwrap();
    assert_eq!(
        store.get(Tree::NameValue, b"after").unwrap(),
        Some(b"1".to_vec())
    );
}
