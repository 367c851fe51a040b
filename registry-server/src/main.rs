//! `skillpass-registry`: serves [`registry_server::app`] until SIGINT or SIGTERM, from the
//! embedded store in a data directory or from PostgreSQL, or runs an offline command
//! (`check`, `restore`, `migrate`). Every failure is one sentence and a documented exit code
//! (see `skillpass-registry --help`).

use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser as _;
use registry_server::config::{CheckArgs, Cli, Command, Config, MigrateArgs, RestoreArgs};
use registry_server::startup::{guard, quiet_panics, Failure};
use registry_server::store::Store;
use registry_server::{backup, check, datadir, keyfile, migrate, server};

/// mimalloc rather than glibc's malloc: every write makes sled compress its log records,
/// and each compression takes a fresh zstd context of a few hundred kilobytes, which glibc
/// maps and unmaps each time (with the kernel zeroing the pages) while mimalloc reuses it;
/// a request's many small allocations are cheaper too. Measured in BENCHMARKS.md §10.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Before anything is created: the store holds personal data (see datadir.rs).
    datadir::private_umask();
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    quiet_panics();
    let result = match cli.command {
        None => serve(cli.serve),
        Some(Command::Check(args)) => run_check(&args),
        Some(Command::Restore(args)) => run_restore(&args),
        Some(Command::Migrate(args)) => run_migrate(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("skillpass-registry: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn serve(config: Config) -> Result<(), Failure> {
    let settings = config.check().map_err(|e| Failure::Config(e.to_string()))?;
    // Bind first: a taken port fails before any directory or key is created.
    let listener = std::net::TcpListener::bind(config.listen).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            Failure::Listen(format!(
                "the address {} is already in use (another registry or program listens there); \
                 stop it or choose another --listen",
                config.listen
            ))
        } else {
            Failure::Listen(format!("cannot listen on {}: {e}", config.listen))
        }
    })?;
    listener
        .set_nonblocking(true)
        .map_err(|e| Failure::Other(format!("cannot listen on {}: {e}", config.listen)))?;
    // sled: the data directory, locked for this registry alone. PostgreSQL: the database
    // (the data directory, if used at all, only holds the operator key).
    let (store, report, dir, described): (Arc<dyn Store>, check::Report, _, String) =
        match &config.store {
            Some(url) => {
                let store = migrate::open_postgres(url)?;
                let report = guard("reading the store", || migrate::check_postgres(&store))?;
                let described = store.target().to_owned();
                (Arc::new(store), report, None, described)
            }
            None => {
                let dir = datadir::open(&config.data, config.allow_shared_data_dir)?;
                let (store, report) = open_checked(&dir)?;
                let described = dir.store().display().to_string();
                (Arc::new(store), report, Some(dir), described)
            }
        };
    let store = (store, report);
    let key_path = config.operator_key_path();
    let operator = if key_path.exists() {
        if !config.allow_shared_data_dir {
            datadir::refuse_shared(&key_path, "operator key")?;
        }
        keyfile::load(&key_path)?
    } else if let Some(anchor) = &store.1.bundle_anchor {
        return Err(Failure::Config(format!(
            "the operator key {} is missing, and the store holds trust bundles signed by {anchor}: \
             put that key back (or pass --operator-key); a new key would break every verifier that pinned it",
            key_path.display()
        )));
    } else {
        let key = credential_core::SecretKey::generate();
        keyfile::create(&key_path, &key)?;
        tracing::info!(path = %key_path.display(), "created the operator key");
        key
    };
    let did = operator.public().did();
    if let Some(anchor) = store.1.bundle_anchor.as_ref().filter(|a| **a != did) {
        return Err(Failure::Config(format!(
            "the operator key {} is {did}, but the store's trust bundles are signed by {anchor}: \
             start with that anchor's key",
            key_path.display()
        )));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Other(format!("cannot start the runtime: {e}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Failure::Other(format!("cannot listen: {e}")))?;
        let state = registry_server::AppState::new(store.0, operator, settings.clone())
            .map_err(|e| Failure::Other(format!("cannot sign the first trust bundle: {e}")))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Failure::Other(format!("cannot listen: {e}")))?;
        // After a stop within seconds of a signed read, clients' new reads would be
        // refused until the clock passes the read horizon: wait that out first.
        state.wait_past_read_horizon().await;
        // Scripts and tests read these two lines.
        println!("anchor: {}", state.operator_did());
        println!("listening: http://{addr}");
        tracing::info!(%addr, anchor = state.operator_did(), store = %described, "registry started");
        server::serve(listener, registry_server::app(state), &settings, shutdown()).await;
        tracing::info!("registry stopped");
        drop(dir);
        Ok(())
    })
}

/// Opens the store and checks it end to end; a damaged store is refused, never served.
fn open_checked(
    dir: &datadir::DataDir,
) -> Result<(registry_server::store::SledStore, check::Report), Failure> {
    let path = dir.store();
    let store = guard("opening the store", || {
        registry_server::store::SledStore::open(&path).map_err(|e| {
            Failure::Damaged(format!(
                "cannot open the store in {}: {e}",
                dir.path().display()
            ))
        })
    })
    .map_err(|e| damaged_hint(e, dir))?;
    let report = guard("reading the store", || {
        let report = check::check_store(&store)
            .and_then(|r| check::check_watermark(dir.path(), &r).map(|()| r));
        report.map_err(|d| Failure::Damaged(format!("the store is damaged: {d}")))
    })
    .map_err(|e| damaged_hint(e, dir))?;
    Ok((store, report))
}

fn damaged_hint(e: Failure, dir: &datadir::DataDir) -> Failure {
    match e {
        Failure::Damaged(m) => Failure::Damaged(format!(
            "{m}. The registry does not serve a damaged store. `skillpass-registry check --data {}` \
             reports what is wrong; restore the newest backup with `skillpass-registry restore` \
             (see README.md, \"Damage and recovery\")",
            dir.path().display()
        )),
        other => other,
    }
}

fn run_check(args: &CheckArgs) -> Result<(), Failure> {
    if let Some(url) = &args.store {
        let store = migrate::open_postgres(url)?;
        let report = migrate::check_postgres(&store)?;
        println!("store {}:", store.target());
        for line in report.lines() {
            println!("{line}");
        }
        println!("store intact");
        return Ok(());
    }
    if let Some(file) = &args.backup {
        let verified = guard("reading the backup", || backup::verify_file(file))?;
        println!(
            "backup {}: signed by {}, taken {}",
            file.display(),
            verified.header.anchor,
            verified.header.created_at
        );
        for line in verified.report.lines() {
            println!("{line}");
        }
        println!("backup intact");
        return Ok(());
    }
    let Some(data) = &args.data else {
        return Err(Failure::Config("give --data DIR or --backup FILE".into()));
    };
    if !data.join("store").is_dir() {
        return Err(Failure::Config(format!(
            "{} holds no registry store",
            data.display()
        )));
    }
    let dir = datadir::open(data, true)?;
    let (_, report) = open_checked(&dir)?;
    println!("store {}:", dir.store().display());
    for line in report.lines() {
        println!("{line}");
    }
    println!("store intact");
    Ok(())
}

fn run_restore(args: &RestoreArgs) -> Result<(), Failure> {
    let restored = backup::restore(&backup::RestorePlan {
        from: &args.from,
        data: &args.data,
        min_sequence: args.min_sequence,
        bundle: args.bundle.as_deref(),
        operator_key: args.operator_key.as_deref(),
    })?;
    println!(
        "restored {} (taken {}, anchor {}) into {}:",
        args.from.display(),
        restored.backup.header.created_at,
        restored.backup.header.anchor,
        args.data.display()
    );
    for line in restored.report.lines() {
        println!("{line}");
    }
    println!(
        "the restored registry signs its next trust bundle with sequence {} or above",
        restored.floor + 1
    );
    if args.operator_key.is_none() {
        println!(
            "copy the operator key to {} (or start with --operator-key)",
            args.data.join("operator.key").display()
        );
    }
    Ok(())
}

fn run_migrate(args: &MigrateArgs) -> Result<(), Failure> {
    let migrated = migrate::migrate(&args.from, &args.to)?;
    println!("migrated {} into {}:", args.from.display(), migrated.target);
    for (tree, n) in &migrated.copied {
        println!("  {:<28} {n} records copied", tree.name());
    }
    println!("checked the copy:");
    for line in migrated.report.lines() {
        println!("{line}");
    }
    println!(
        "serve it with: skillpass-registry --store '{}' --operator-key {}",
        migrated.target,
        args.from.join("operator.key").display()
    );
    println!(
        "(add the password through SKILLPASS_DATABASE_URL or PGPASSWORD rather than on the command line)"
    );
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
