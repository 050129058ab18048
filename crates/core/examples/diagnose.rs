//! Looks inside a learning run: per-target error, the learned weights and each ring's rates in a
//! probe reach, block by block (docs/model.md, "Several targets", was measured with it).
//! `cargo run --release -p bgloop-core --example diagnose -- [preset] [key=value]... [trials=N] [block=N]`
use bgloop_core::{presets, Config, Population, Simulation, TrialOptions};

/// The run to look at: its configuration, length and block size.
struct Args {
    config: Config,
    trials: u32,
    block: u32,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        config: presets::preset("rotation")
            .and_then(|p| p.config().ok())
            .unwrap_or_default(),
        trials: 2000,
        block: 400,
    };
    for a in std::env::args().skip(1) {
        let Some((k, v)) = a.split_once('=') else {
            let preset = presets::preset(&a).ok_or(format!("no preset {a:?}"))?;
            args.config = preset.config().map_err(|e| e.to_string())?;
            continue;
        };
        let number = || v.parse().map_err(|_| format!("{k}={v:?} is not a number"));
        match k {
            "trials" => args.trials = number()?,
            "block" => args.block = number()?.max(1),
            _ => args.config.set(k, v).map_err(|e| e.message)?,
        }
    }
    Ok(args)
}

/// Mean |error| of each target and the mean SD of the signed error within targets.
fn block_summary(errors: &[Vec<f64>]) -> (Vec<String>, f64) {
    let mean = |e: &[f64]| e.iter().sum::<f64>() / e.len().max(1) as f64;
    let means = errors
        .iter()
        .map(|e| {
            format!(
                "{:5.1}",
                mean(&e.iter().map(|x| x.abs()).collect::<Vec<_>>())
            )
        })
        .collect();
    let sd = errors
        .iter()
        .map(|e| {
            let m = mean(e);
            let ss: f64 = e.iter().map(|x| (x - m) * (x - m)).sum();
            (ss / (e.len().max(2) - 1) as f64).sqrt()
        })
        .sum::<f64>()
        / errors.len() as f64;
    (means, sd)
}

/// One probe reach to `target` without learning, in a copy of the run: rates mid-movement.
fn probe(sim: &Simulation, target: u32) -> Option<String> {
    let mut probe = sim.clone();
    probe.record_traces(Some(1.0));
    let opts = TrialOptions {
        learn: false,
        target: Some(target),
        ..TrialOptions::default()
    };
    let r = probe.run_trial_with(opts).ok()?;
    let tr = probe.trace();
    let go = probe.config().go_ms as usize;
    let k = ((go + tr.len().saturating_sub(1)) / 2).min(tr.len().saturating_sub(1));
    let stat = |pop| {
        let x = tr.ring(k, pop);
        let max = x.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let min = x.iter().copied().fold(f32::INFINITY, f32::min);
        (min, x.iter().sum::<f32>() / x.len().max(1) as f32, max)
    };
    let (_, cm, cx) = stat(Population::Cortex);
    let (_, sm, sx) = stat(Population::Striatum);
    let (gn, gm, _) = stat(Population::Gpi);
    let (_, tm, tx) = stat(Population::Thalamus);
    Some(format!(
        "    tgt {:5.0} err {:6.1} | ctx {cx:.3}/{cm:.3} str {sx:.3}/{sm:.3} gpi {gn:.3}/{gm:.3} thal {tx:.3}/{tm:.3} amp {:.4}",
        r.target_deg, r.error_deg, r.amplitude
    ))
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("diagnose: {e}");
            std::process::exit(2);
        }
    };
    let targets = args.config.targets;
    let mut sim = match Simulation::from_config(args.config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("diagnose: {e}");
            std::process::exit(2);
        }
    };
    println!("block | mean|err| per target | Q mean/min/max | sd err; then a probe per target: cortex max/mean, striatum max/mean, GPi min/mean, thalamus max/mean");
    let mut done = 0;
    while done < args.trials {
        let mut errors = vec![Vec::new(); targets as usize];
        for _ in 0..args.block {
            match sim.run_trial() {
                Ok(r) => {
                    let k = (r.target_deg / (360.0 / f64::from(targets))).round() as usize;
                    errors[k % targets as usize].push(r.error_deg);
                }
                Err(e) => {
                    println!("{e}");
                    return;
                }
            }
        }
        done += args.block;
        let q = &sim.plasticity().target_striatal;
        let qm = q.iter().sum::<f64>() / q.len() as f64;
        let qmin = q.iter().copied().fold(f64::INFINITY, f64::min);
        let qmax = q.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (means, sd) = block_summary(&errors);
        println!(
            "{done:5} | {} | {qm:.3} {qmin:.3} {qmax:.3} | sd {sd:.2}",
            means.join(" ")
        );
        for t in 0..targets {
            println!("{}", probe(&sim, t).unwrap_or_default());
        }
    }
}
