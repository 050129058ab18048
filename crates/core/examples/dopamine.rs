//! Dopamine loss, measured: per seed, the half-step time of the 20° step at trial 401 in the
//! `dopamine-loss` (Parkinson's: tonic level and teaching bursts) and `tonic-dopamine` presets,
//! the reach-time ratio B / A over 301–400, and the change of hand direction after a miss vs after
//! a hit (Pekny et al. 2015) at dopamine 1 and 0.5.
//! `cargo run --release -p bgloop-core --example dopamine -- 71 78`
use bgloop_core::{presets, record::TrialRecord, regime, Config};

fn pair(name: &str, seed: u64) -> (Vec<TrialRecord>, Vec<TrialRecord>) {
    let base = Config {
        seed,
        ..Config::default()
    };
    let e = presets::preset(name)
        .expect("preset")
        .experiment_over(base)
        .expect("valid");
    let run = |p: &bgloop_core::Protocol| {
        let mut sim = p.simulation().expect("valid");
        sim.run_trials(700).expect("finite");
        sim.history().to_vec()
    };
    (run(&e.a), run(&e.b.expect("comparison")))
}

fn reach(r: &[TrialRecord]) -> f64 {
    let v: Vec<f64> = r
        .iter()
        .filter(|r| (301..=400).contains(&r.trial))
        .filter_map(|r| r.reach_ms)
        .collect();
    v.iter().sum::<f64>() / v.len() as f64
}

fn variability(seed: u64, dopamine: f64) -> f64 {
    let mut c = presets::preset("rotation")
        .expect("rotation")
        .config()
        .expect("valid");
    c.seed = seed;
    c.dopamine = dopamine;
    let mut sim = bgloop_core::Simulation::from_config(c).expect("valid");
    sim.run_trials(1000).expect("finite");
    let h = sim.history();
    let (mut miss, mut hit) = (Vec::new(), Vec::new());
    for w in h
        .windows(2)
        .filter(|w| w[0].trial >= 100 && w[0].executed && w[1].executed)
    {
        let d = bgloop_core::math::wrap_deg(w[1].hand_deg - w[0].hand_deg).abs();
        if w[0].reward > 0.0 {
            hit.push(d)
        } else {
            miss.push(d)
        }
    }
    let m = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    m(&miss) / m(&hit)
}

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (lo, hi) = (
        args.first().copied().unwrap_or(1),
        args.get(1).copied().unwrap_or(8),
    );
    let err = |r: &[TrialRecord], a: u32, b: u32| {
        let v: Vec<f64> = r
            .iter()
            .filter(|r| (a..=b).contains(&r.trial) && r.executed)
            .map(|r| r.error_deg.abs())
            .collect();
        v.iter().sum::<f64>() / v.len().max(1) as f64
    };
    let _ = &err;
    println!("seed  halfA halfPD halfTonic  reachPD/A reachTonic/A  var(miss/hit) DA1 DA0.5");
    for seed in lo..=hi {
        let (a, pd) = pair("dopamine-loss", seed);
        let (at, tonic) = pair("tonic-dopamine", seed);
        let h = |r: &[TrialRecord]| regime::half_step_time(r, 401, 20.0).map_or(-1, |t| t as i64);
        println!(
            "{seed:4} {:6} {:6} {:9} {:10.2} {:12.2} {:14.2} {:5.2}",
            h(&a),
            h(&pd),
            h(&tonic),
            reach(&pd) / reach(&a),
            reach(&tonic) / reach(&at),
            variability(seed, 1.0),
            variability(seed, 0.5)
        );
        println!("      |err| 351-400 A {:.1} PD {:.1} tonic {:.1}; 601-700 A {:.1} PD {:.1} tonic {:.1}; executed PD {:.2}",
            err(&a, 351, 400), err(&pd, 351, 400), err(&tonic, 351, 400), err(&a, 601, 700), err(&pd, 601, 700), err(&tonic, 601, 700),
            pd.iter().filter(|r| r.trial > 300 && r.executed).count() as f64 / 400.0);
    }
}
