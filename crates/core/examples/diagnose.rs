//! Looks inside a learning run: per-target error, weights and per-ring rates, block by block.
//! `cargo run --release -p bgloop-core --example diagnose -- [preset] [key=value]... [trials=N] [block=N]`
use bgloop_core::{presets, Population, Simulation, TrialOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut config = presets::preset("rotation")
        .and_then(|p| p.config().ok())
        .unwrap_or_default();
    let mut trials = 2000u32;
    let mut block = 400u32;
    for a in &args {
        let Some((k, v)) = a.split_once('=') else {
            config = presets::preset(a)
                .and_then(|p| p.config().ok())
                .unwrap_or(config);
            continue;
        };
        match k {
            "trials" => trials = v.parse().unwrap_or(trials),
            "block" => block = v.parse().unwrap_or(block),
            _ => {
                if let Err(e) = config.set(k, v) {
                    eprintln!("{e}");
                    std::process::exit(2);
                }
            }
        }
    }
    let targets = config.targets;
    let n = config.ring_size as usize;
    let mut sim = match Simulation::from_config(config.clone()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    println!("block | mean|err| per target | Q mean/min/max | rates (probe per target: cortex max/mean, str max/mean, gpi min/mean, thal max/mean) | sd err");
    let mut done = 0;
    while done < trials {
        let mut errs = vec![Vec::new(); targets as usize];
        for _ in 0..block {
            let r = match sim.run_trial() {
                Ok(r) => r,
                Err(e) => {
                    println!("{e}");
                    return;
                }
            };
            let k = (r.target_deg / (360.0 / targets as f64)).round() as usize % targets as usize;
            errs[k].push(r.error_deg);
        }
        done += block;
        let p = &sim.plasticity().target_striatal;
        let pm = p.iter().sum::<f64>() / p.len() as f64;
        let pmin = p.iter().copied().fold(f64::INFINITY, f64::min);
        let pmax = p.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let means: Vec<String> = errs
            .iter()
            .map(|e| {
                format!(
                    "{:5.1}",
                    e.iter().map(|x: &f64| x.abs()).sum::<f64>() / e.len().max(1) as f64
                )
            })
            .collect();
        let sd: f64 = errs
            .iter()
            .map(|e| {
                let m = e.iter().sum::<f64>() / e.len().max(1) as f64;
                (e.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (e.len().max(2) - 1) as f64)
                    .sqrt()
            })
            .sum::<f64>()
            / targets as f64;
        println!(
            "{done:5} | {} | {pm:.3} {pmin:.3} {pmax:.3} | sd {sd:.2}",
            means.join(" ")
        );
        // probe one trial per target (no learning) in a clone, with traces, to see rates at movement
        for t in 0..targets {
            let mut probe = sim.clone();
            probe.record_traces(Some(1.0));
            let opts = TrialOptions {
                learn: false,
                target: Some(t),
                ..TrialOptions::default()
            };
            let Ok(r) = probe.run_trial_with(opts) else {
                continue;
            };
            let tr = probe.trace();
            let go = (config.go_ms / 1.0) as usize;
            let k = (go + tr.len().saturating_sub(1)) / 2; // mid-movement
            let k = k.min(tr.len().saturating_sub(1));
            let stat = |pop| {
                let x = tr.ring(k, pop);
                let max = x.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                let min = x.iter().copied().fold(f32::INFINITY, f32::min);
                let mean = x.iter().sum::<f32>() / n as f32;
                (min, mean, max)
            };
            let (_, cm, cx) = stat(Population::Cortex);
            let (_, sm, sx) = stat(Population::Striatum);
            let (gn, gm, _) = stat(Population::Gpi);
            let (_, tm, tx) = stat(Population::Thalamus);
            println!(
                "    tgt {:5.0} err {:6.1} | ctx {cx:.3}/{cm:.3} str {sx:.3}/{sm:.3} gpi {gn:.3}/{gm:.3} thal {tx:.3}/{tm:.3} amp {:.4}",
                r.target_deg, r.error_deg, r.amplitude
            );
        }
    }
}
