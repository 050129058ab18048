//! The map of where the model is meaningful: every real-valued parameter swept across its allowed
//! range (5 values, 2 seeds, the rotation preset with 4 targets, 2000 trials — long enough to show
//! slow drift), each run classified on its last 500 trials.
//! `cargo run --release -p bgloop-core --example ranges [-- key,key,… [points]]` prints one line per
//! value (5 points unless given):
//! final mean |error|, SD of the reach direction, fraction executed, and a verdict — `ok`,
//! `adapted, then lost` (a 500-trial block under 10° earlier, the last one over 15°),
//! `no adaptation` (final |error| > 15°), `worse than rotation` (> 35°), `exploration collapse`
//! (SD < 0.5°), `no movement` (executed < 0.5) or `diverged`. docs/model.md quotes the result.
use bgloop_core::schema::Domain;
use bgloop_core::{presets, schema, Config, Simulation, TrialRecord};

const TRIALS: usize = 2000;
/// Trials per block; the last block is classified.
const BLOCK: usize = 500;
const SEEDS: [u64; 2] = [1, 2];

fn base(seed: u64) -> Config {
    let mut c = presets::preset("rotation")
        .and_then(|p| p.config().ok())
        .unwrap_or_default();
    c.targets = 4;
    c.seed = seed;
    c
}

/// What one run showed in its last block, and its best earlier block's mean |error|.
struct Outcome {
    abs: f64,
    sd: f64,
    executed: f64,
    best_earlier: f64,
}

/// The last block's mean |error|, SD of the signed error and executed fraction, or the
/// divergence text.
fn measure(config: Config) -> Result<Outcome, String> {
    let mut sim = Simulation::from_config(config).map_err(|e| e.to_string())?;
    let records: Vec<TrialRecord> = (0..TRIALS)
        .map(|_| sim.run_trial())
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    let best_earlier = records[..TRIALS - BLOCK]
        .chunks(BLOCK)
        .map(|b| b.iter().map(|r| r.error_deg.abs()).sum::<f64>() / b.len() as f64)
        .fold(f64::INFINITY, f64::min);
    let tail = &records[TRIALS - BLOCK..];
    let n = tail.len() as f64;
    let abs = tail.iter().map(|r| r.error_deg.abs()).sum::<f64>() / n;
    // SD around each target's own mean, averaged over targets.
    let mut sds = Vec::new();
    for t in [0.0, 90.0, 180.0, 270.0] {
        let e: Vec<f64> = tail
            .iter()
            .filter(|r| r.target_deg == t)
            .map(|r| r.error_deg)
            .collect();
        if e.len() > 2 {
            let m = e.iter().sum::<f64>() / e.len() as f64;
            sds.push(
                (e.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (e.len() - 1) as f64).sqrt(),
            );
        }
    }
    let sd = sds.iter().sum::<f64>() / sds.len().max(1) as f64;
    let executed = tail.iter().filter(|r| r.executed).count() as f64 / n;
    Ok(Outcome {
        abs,
        sd,
        executed,
        best_earlier,
    })
}

fn verdict(o: &Outcome) -> &'static str {
    let Outcome {
        abs,
        sd,
        executed,
        best_earlier,
    } = *o;
    if executed < 0.5 {
        "no movement"
    } else if abs > 35.0 {
        "worse than rotation"
    } else if sd < 0.5 {
        "exploration collapse"
    } else if abs > 15.0 && best_earlier < 10.0 {
        "adapted, then lost"
    } else if abs > 15.0 {
        "no adaptation"
    } else {
        "ok"
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
            let mut cells = Vec::new();
            let mut verdicts = Vec::new();
            for seed in SEEDS {
                let mut c = base(seed);
                let outcome = match c.set(spec.key, value) {
                    Ok(()) => measure(c),
                    Err(e) => Err(e.message),
                };
                match outcome {
                    Ok(o) => {
                        cells.push(format!(
                            "{:5.1}° sd {:4.1} ex {:.2}",
                            o.abs, o.sd, o.executed
                        ));
                        verdicts.push(verdict(&o));
                    }
                    Err(e) if e.contains("diverged") => {
                        cells.push("diverged".into());
                        verdicts.push("diverged");
                    }
                    Err(_) => {
                        cells.push("invalid".into());
                        verdicts.push("invalid (cross-constraint)");
                    }
                }
            }
            verdicts.dedup();
            println!(
                "{:<20} {:>9.4}  {}  | {}",
                spec.key,
                value,
                cells.join(" | "),
                verdicts.join(", ")
            );
        }
    }
}
