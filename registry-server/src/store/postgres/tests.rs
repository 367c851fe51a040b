//! Unit tests of the PostgreSQL store's pieces that need no server (the store itself is
//! tested against a real server by `tests/store_conformance.rs`).
use super::*;

#[test]
fn a_prefix_ends_at_its_last_byte_below_0xff_plus_one() {
    assert_eq!(prefix_end(b"ab"), Some(b"ac".to_vec()));
    assert_eq!(prefix_end(b"a\xff"), Some(b"b".to_vec()));
    assert_eq!(prefix_end(b"a\xff\xff"), Some(b"b".to_vec()));
    assert_eq!(prefix_end(b"\x00"), Some(b"\x01".to_vec()));
    assert_eq!(prefix_end(b"\xff\xff"), None);
    assert_eq!(prefix_end(b""), None);
}

#[test]
fn another_database_on_the_same_server_keeps_user_password_and_options() {
    let url: DatabaseUrl = "postgres://u:p%40ss@127.0.0.1:5433/main?application_name=x"
        .parse()
        .unwrap();
    let other = url.with_dbname("scratch");
    assert_eq!(
        other.as_secret_str(),
        "postgres://u:p%40ss@127.0.0.1:5433/scratch?application_name=x"
    );
    assert_eq!(other.redacted(), "postgres://u@127.0.0.1:5433/scratch");
    let bare: DatabaseUrl = "postgresql://u@h".parse().unwrap();
    assert_eq!(bare.with_dbname("d").as_secret_str(), "postgresql://u@h/d");
}

#[test]
fn a_redacted_url_never_holds_the_password() {
    let url: DatabaseUrl = "postgres://registry:s3cr3t@db1:5432,db2:5433/skillpass"
        .parse()
        .unwrap();
    assert_eq!(
        url.redacted(),
        "postgres://registry@db1:5432,db2:5433/skillpass"
    );
    assert!(!format!("{url:?}").contains("s3cr3t"));
}

#[test]
fn every_connection_asks_for_durable_commits_whatever_the_url_says() {
    let url: DatabaseUrl = "postgres://u@h/d?options=-c%20search_path%3Dregistry"
        .parse()
        .unwrap();
    let config = url.store_config().unwrap();
    assert_eq!(
        config.get_options(),
        Some("-c search_path=registry -c synchronous_commit=on")
    );
    assert_eq!(config.get_application_name(), Some("skillpass-registry"));
    assert_eq!(config.get_connect_timeout(), Some(&POOL_TIMEOUT));
}

#[test]
fn migrations_are_numbered_one_by_one_from_one() {
    for (i, m) in MIGRATIONS.iter().enumerate() {
        assert_eq!(m.version, i as i32 + 1);
    }
}
