//! Draws the bench's card as a PDF `N` times in one process and writes the last one, for
//! `/usr/bin/time`: the CPU time of `one_card latin 1` is one card from a cold start (the
//! fonts parsed, everything laid out, shaped, subset and written once), and the difference
//! to `N` cards divided by `N - 1` is the cost of each further card. BENCHMARKS.md gives the
//! commands.
//!
//! `one_card latin|arabic N OUT.pdf`
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::process::ExitCode;

use card_render::{layout, Paper};

#[path = "../benches/sample/mod.rs"]
mod sample;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [script, n, out] = args.as_slice() else {
        eprintln!("usage: one_card latin|arabic N OUT.pdf");
        return ExitCode::from(2);
    };
    let name = match script.as_str() {
        "latin" => "Nguyễn Thị Ánh",
        "arabic" => "فاطمة الزهراء",
        _ => {
            eprintln!("one_card: the script is latin or arabic, not {script:?}");
            return ExitCode::from(2);
        }
    };
    let Ok(n @ 1..) = n.parse::<u32>() else {
        eprintln!("one_card: N is a number of cards, at least 1, not {n:?}");
        return ExitCode::from(2);
    };
    let content = sample::content(name);
    let (attachment, info) = sample::attachment_and_info();
    let mut pdf = Vec::new();
    for _ in 0..n {
        pdf = layout(&content, Paper::A6)
            .unwrap()
            .pdf(Some(&attachment), &info)
            .unwrap();
    }
    std::fs::write(out, &pdf).unwrap();
    println!("{n} card(s); the last is {} bytes", pdf.len());
    ExitCode::SUCCESS
}
