//! `skillpass-registry`: placeholder until the registry server lands (issue 3).

fn main() {
    eprintln!("skillpass-registry: not built yet");
    std::process::exit(2);
}
