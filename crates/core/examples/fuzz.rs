//! The long fuzz run: `cargo run --release -p bgloop-core --example fuzz -- [INPUTS] [START]`
//! (default 1,000,000 inputs from 0). Prints throughput and any failure with its input number.

#[path = "../fuzzing/harness.rs"]
mod harness;

fn main() {
    let mut args = std::env::args().skip(1);
    let count: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let start: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    std::panic::set_hook(Box::new(|_| {}));
    let t = std::time::Instant::now();
    let chunk = 50_000;
    let mut done = 0;
    let mut failures = Vec::new();
    while done < count && failures.is_empty() {
        let n = chunk.min(count - done);
        failures = harness::run(start + done, n);
        done += n;
        eprint!("\r{done} inputs, {:.0} s", t.elapsed().as_secs_f64());
    }
    eprintln!();
    let secs = t.elapsed().as_secs_f64();
    println!("fuzz: {done} links and {done} config sequences from input {start} in {secs:.1} s ({:.0} inputs/s): {} failures", done as f64 / secs, failures.len());
    for (i, f) in &failures {
        println!("input {i}: {f}");
    }
    if !failures.is_empty() {
        std::process::exit(1);
    }
}
