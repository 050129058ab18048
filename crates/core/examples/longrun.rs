//! Long runs of the rotation preset, seed by seed: mean |error| per 1000-trial block, relapses
//! after adaptation and the loop's operating point in probe reaches at trial 500 and at the end
//! (docs/model.md, "Learning that holds", was measured with it).
//! `cargo run --release -p bgloop-core --example longrun -- [key=value]... [seeds=A-B] [trials=N]`
use bgloop_core::longrun::{self, LongRun};

/// The runs to make.
struct Args {
    settings: Vec<(String, String)>,
    seeds: std::ops::RangeInclusive<u64>,
    trials: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        settings: Vec::new(),
        seeds: 1..=8,
        trials: 10_000,
    };
    for a in std::env::args().skip(1) {
        let (k, v) = a
            .split_once('=')
            .ok_or(format!("{a:?}: expected key=value"))?;
        let number = |x: &str| {
            x.parse::<u64>()
                .map_err(|_| format!("{k}={v:?}: not a whole number"))
        };
        match k {
            "trials" => args.trials = number(v)?.max(1) as usize,
            "seeds" => {
                let (lo, hi) = v.split_once('-').unwrap_or((v, v));
                args.seeds = number(lo)?..=number(hi)?;
            }
            _ => args.settings.push((k.to_string(), v.to_string())),
        }
    }
    Ok(args)
}

fn row(seed: u64, run: &LongRun) -> String {
    let blocks: Vec<String> = run
        .block_means()
        .iter()
        .map(|b| format!("{b:5.1}"))
        .collect();
    let (e, l) = (&run.early, &run.late);
    format!(
        "seed {seed:3} | {} | >20°: {:.2}% worst50 {:.1} | GPi {:.3} → {:.3} (plan {:.3} / 90° away {:.3}) thalamus at ceiling {:.2} → {:.2}",
        blocks.join(" "),
        100.0 * run.relapse_fraction(),
        run.worst_short_block(),
        e.gpi_mean,
        l.gpi_mean,
        l.gpi_at_plan,
        l.gpi_away,
        e.thalamus_at_ceiling,
        l.thalamus_at_ceiling,
    )
}

fn main() {
    let args = parse_args().unwrap_or_else(|e| {
        eprintln!("longrun: {e}");
        std::process::exit(2);
    });
    for seed in args.seeds.clone() {
        let mut config = longrun::rotation(seed, 1);
        let settings = args.settings.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        if let Err(e) = config.apply(settings) {
            eprintln!("longrun: {e}");
            std::process::exit(2);
        }
        match longrun::long_run(config, args.trials) {
            Ok(run) => println!("{}", row(seed, &run)),
            Err(e) => println!("seed {seed:3} | {e}"),
        }
    }
}
