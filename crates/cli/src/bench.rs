//! `bgloop bench`: trials per second of the native build, a FLOP estimate per trial, and the
//! fraction of this machine's single-core peak that the loop reaches. Also dumps one noise-free
//! trial for the NumPy reference to check against (`--dump-deterministic`).

use bgloop_core::network::Lanes;
use bgloop_core::{Config, Population, Simulation};
use std::time::Instant;

/// One measured configuration.
#[derive(Debug, serde::Serialize)]
pub struct Row {
    /// The compilation of the network step timed: `portable` (SSE2, what the build targets) or
    /// the widest this CPU has (`avx2`, `avx512`).
    pub lanes: &'static str,
    /// Units per ring.
    pub n: u32,
    /// Trials timed.
    pub trials: u32,
    /// Trials per second.
    pub trials_per_s: f64,
    /// Microseconds per trial.
    pub us_per_trial: f64,
    /// Mean integration steps per trial (trials end when the hand reaches the target).
    pub steps_per_trial: f64,
    /// Mean number of active (non-zero) cortical units in a step.
    pub active_units: f64,
    /// Estimated floating-point operations per trial (arithmetic only, random numbers excluded).
    pub flops_per_trial: f64,
    /// Achieved GFLOP/s.
    pub gflops: f64,
}

/// The configuration benchmarked: defaults (N = 64, dt = 0.5 ms) at ring size `n`, seed 1.
pub fn config(n: u32) -> Config {
    Config {
        ring_size: n,
        seed: 1,
        ..Config::default()
    }
}

/// Arithmetic per step, by population (see docs/benchmarks in the README): cortex 18·N,
/// striatum 9·N + 2·N·m (m active cortical units) — or 9·N + 2·m when the cortico-striatal
/// weights are diagonal (no motor-map learning, the default) —, STN 6·N, GPi 11·N, thalamus 5·N.
pub fn flops_per_step(n: f64, active: f64, diagonal: bool) -> f64 {
    49.0 * n + 2.0 * active * if diagonal { 1.0 } else { n }
}

fn active_units(config: &Config) -> f64 {
    let Ok(mut sim) = Simulation::from_config(config.clone()) else {
        return 0.0;
    };
    sim.record_traces(Some(config.dt_ms));
    let (mut sum, mut count) = (0.0, 0usize);
    for _ in 0..5 {
        if sim.run_trial().is_err() {
            break;
        }
        let t = sim.trace();
        for k in 0..t.len() {
            sum += t
                .ring(k, Population::Cortex)
                .iter()
                .filter(|&&v| v != 0.0)
                .count() as f64;
            count += 1;
        }
    }
    sum / count.max(1) as f64
}

/// Times `trials` trials (after 20 to warm up) for ring size `n`, with the network step compiled
/// for `lanes` (or the portable step if this CPU lacks them).
pub fn measure(n: u32, trials: u32, lanes: Lanes) -> Result<Row, String> {
    let c = config(n);
    let mut sim = Simulation::from_config(c.clone()).map_err(|e| e.to_string())?;
    sim.use_lanes(lanes);
    let lanes = sim.network().lanes().label();
    sim.run_trials(20).map_err(|e| e.to_string())?;
    let start = Instant::now();
    sim.run_trials(trials).map_err(|e| e.to_string())?;
    let secs = start.elapsed().as_secs_f64();
    let timed = &sim.history()[20..];
    let steps: f64 = timed
        .iter()
        .map(|r| match r.reach_ms {
            Some(ms) => (c.go_ms + ms) / c.dt_ms,
            None => c.trial_ms / c.dt_ms,
        })
        .sum::<f64>()
        / f64::from(trials);
    let active = active_units(&c);
    // With no motor-map learning the weights stay diagonal for the whole run.
    let flops = steps * flops_per_step(f64::from(n), active, c.learning_rate == 0.0);
    Ok(Row {
        lanes,
        n,
        trials,
        trials_per_s: f64::from(trials) / secs,
        us_per_trial: secs * 1e6 / f64::from(trials),
        steps_per_trial: steps,
        active_units: active,
        flops_per_trial: flops,
        gflops: flops * f64::from(trials) / secs / 1e9,
    })
}

/// The processor clock in GHz, from /proc/cpuinfo where there is one.
pub fn clock_ghz() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("cpu MHz"))?;
    let mhz: f64 = line.split(':').nth(1)?.trim().parse().ok()?;
    Some(mhz / 1000.0)
}

/// The final state of one noise-free trial of the default configuration, as JSON, for the NumPy
/// reference to compare with.
pub fn deterministic_trial() -> Result<String, String> {
    let c = Config {
        exploration_noise: 0.0,
        gpi_noise: 0.0,
        cortex_noise: 0.0,
        ..Config::default()
    };
    let mut sim = Simulation::from_config(c).map_err(|e| e.to_string())?;
    let r = sim.run_trial().map_err(|e| e.to_string())?;
    let rings: Vec<Vec<f64>> = Population::ALL
        .iter()
        .map(|&p| sim.network().rates(p).to_vec())
        .collect();
    let doc = serde_json::json!({
        "hand_deg": r.hand_deg,
        "reach_ms": r.reach_ms,
        "amplitude": r.amplitude,
        "rings": rings,
        "reward": r.reward,
        // The target → striatum weights Q after this trial's learning (row-major).
        "q": sim.plasticity().target_striatal,
    });
    serde_json::to_string(&doc).map_err(|e| e.to_string())
}
