//! The map of where the model is meaningful: every real-valued parameter swept across its allowed
//! range (5 values, 2 seeds, the rotation preset with 4 targets, 2000 trials — long enough to show
//! slow drift), each run classified by the one classifier of sweeps and maps
//! ([`bgloop_core::regime`]: no movement, never rewarded, adapted, adapted then lost, oscillating,
//! not adapted — over the run's last 50 trials and the whole run).
//! `cargo run --release -p bgloop-core --example ranges [-- key,key,… [points]]` prints one line per
//! value (5 points unless given): per seed the final mean |error|, the fraction executed and the
//! regime; then the regimes of the two seeds (two when they differ). docs/model.md quotes the
//! result.
use bgloop_core::schema::Domain;
use bgloop_core::sweep::{self, Job};
use bgloop_core::{presets, schema, Config, Protocol};

const TRIALS: u32 = 2000;
const SEEDS: [u64; 2] = [1, 2];

fn base() -> Config {
    let mut c = presets::preset("rotation")
        .and_then(|p| p.config().ok())
        .unwrap_or_default();
    c.targets = 4;
    c
}

/// One run's cell of the table and its regime's words.
fn run(key: &str, value: f64, seed: u64) -> (String, String) {
    let job = Job {
        index: 0,
        value,
        seed,
        index2: None,
        value2: None,
    };
    match sweep::run(&Protocol::of(base()), key, job, TRIALS) {
        Err(e) => ("invalid".into(), format!("invalid ({e})")),
        Ok(o) if o.diverged.is_some() => ("diverged".into(), "diverged".into()),
        Ok(o) => {
            let regime = o.regime.map_or("—", |r| r.words());
            (
                format!("{:5.1}° ex {:.2} {regime}", o.final_error, o.executed),
                regime.to_string(),
            )
        }
    }
}

fn main() {
    let only: Option<Vec<String>> = std::env::args()
        .nth(1)
        .filter(|s| s != "all")
        .map(|s| s.split(',').map(str::to_string).collect());
    let points: u32 = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .max(2);
    for spec in schema() {
        if only
            .as_ref()
            .is_some_and(|o| !o.iter().any(|k| k == spec.key))
        {
            continue;
        }
        let Domain::Real { min, max, .. } = spec.domain else {
            continue;
        };
        for i in 0..points {
            let value = if i == points - 1 {
                max
            } else {
                min + (max - min) * f64::from(i) / f64::from(points - 1)
            };
            // The two seeds on two threads.
            let runs: Vec<(String, String)> = std::thread::scope(|s| {
                let handles: Vec<_> = SEEDS
                    .iter()
                    .map(|&seed| s.spawn(move || run(spec.key, value, seed)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|_| ("panic".into(), "panic".into()))
                    })
                    .collect()
            });
            let cells: Vec<&str> = runs.iter().map(|(c, _)| c.as_str()).collect();
            let mut regimes: Vec<&str> = runs.iter().map(|(_, r)| r.as_str()).collect();
            regimes.dedup();
            println!(
                "{:<20} {:>9.4}  {}  | {}",
                spec.key,
                value,
                cells.join(" | "),
                regimes.join(", ")
            );
        }
    }
}
