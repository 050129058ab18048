//! Numerical safety: runs configurations drawn uniformly from the schema's ranges (respecting the
//! recurrence bound) and counts those whose rates leave [0, 50] or become non-finite, by the
//! population that ran away.
//! `cargo run --release -p bgloop-core --example stress -- [CONFIGS] [TRIALS] [all|basic]`
//! (`basic`: advanced gains, backgrounds, time constants and delays stay at their defaults).

use bgloop_core::schema::Domain;
use bgloop_core::{schema, Config, Input, Simulation};
use std::collections::BTreeMap;

fn main() {
    let mut args = std::env::args().skip(1);
    let configs: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let trials: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let basic = args.next().as_deref() == Some("basic");
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut uniform = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut diverged: BTreeMap<String, u64> = BTreeMap::new();
    let mut non_finite = 0u64;
    let mut examples = Vec::new();
    let t = std::time::Instant::now();
    for _ in 0..configs {
        let mut c = Config::default();
        for s in schema().iter().filter(|s| !(basic && s.group.advanced())) {
            let input = match s.domain {
                Domain::Real { min, max, .. } => Input::Num(min + (max - min) * uniform()),
                Domain::Int { min, max } => {
                    Input::Num((min + (max.min(min + 64.0) - min) * uniform()).round())
                }
                Domain::Set { values } => {
                    Input::Num(values[(uniform() * values.len() as f64) as usize % values.len()])
                }
                Domain::Choice { options } => Input::Text(
                    options[(uniform() * options.len() as f64) as usize % options.len()].into(),
                ),
            };
            let _ = c.set(s.key, input);
        }
        c.ring_size = 8 + (uniform() * 56.0) as u32;
        if c.validate().is_err() {
            c.cortical_recurrence = (3.8 - 1.2 * c.cortical_inhibition).min(6.0) * uniform();
        }
        let Ok(mut sim) = Simulation::from_config(c.clone()) else {
            continue;
        };
        if let Err(e) = sim.run_trials(trials) {
            if e.rate.parse::<f64>().map_or(true, |r| !r.is_finite()) {
                non_finite += 1;
            }
            *diverged.entry(e.population.key().to_string()).or_default() += 1;
            if examples.len() < 3 {
                examples.push(format!(
                    "{e}\n  config: #{}",
                    bgloop_core::permalink::encode(
                        None,
                        &bgloop_core::Experiment::single(bgloop_core::Protocol::of(c.clone())),
                        &[]
                    )
                ));
            }
        }
    }
    let total: u64 = diverged.values().sum();
    let which = if basic {
        "basic parameters random, advanced at defaults"
    } else {
        "every parameter random"
    };
    println!("stress ({which}): {configs} random configurations × {trials} trials in {:.0} s: {total} diverged {diverged:?}", t.elapsed().as_secs_f64());
    for e in examples {
        println!("{e}");
    }
    if non_finite > 0 {
        // docs/model.md promises that the guard stops a run before any rate is non-finite.
        eprintln!("stress: {non_finite} runs reached a non-finite rate");
        std::process::exit(1);
    }
}
