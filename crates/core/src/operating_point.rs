//! The loop's operating point in a probe reach: whether GPi still inhibits the thalamus across the
//! ring and dips selectively under the planned direction (the biasing the paper's argument rests
//! on), or has fallen silent so that the thalamus sits at its ceiling everywhere (the loop cut).
//! Long-run invariants (`phenomena`, `docs/model.md` "Learning that holds") are checked on it.

use crate::experiment::{Simulation, TrialOptions};
use crate::network::Population;

/// A thalamic unit within this of its ceiling [I_t]₊ counts as at the ceiling.
const CEILING_TOLERANCE: f64 = 0.005;

/// What one probe reach shows of the loop, averaged over the movement (go signal to the end of
/// the reach), in a copy of the run that does not learn.
#[derive(Clone, Debug, PartialEq)]
pub struct OperatingPoint {
    /// The probe reach's hand direction (the executed plan), degrees.
    pub plan_deg: f64,
    /// Ring mean of the striatal rate.
    pub striatum_mean: f64,
    /// Ring mean of the GPi rate.
    pub gpi_mean: f64,
    /// GPi rate of the unit under the plan.
    pub gpi_at_plan: f64,
    /// GPi rate 90° either side of the plan (mean of the two units).
    pub gpi_away: f64,
    /// Fraction of thalamic units at their ceiling [I_t]₊ (1 = the loop's output is cut).
    pub thalamus_at_ceiling: f64,
}

impl OperatingPoint {
    /// Whether GPi is lower under the plan than 90° away from it.
    pub fn selective_dip(&self) -> bool {
        self.gpi_at_plan < self.gpi_away
    }
}

/// Runs `reaches` probe reaches to `target` (an index among the evenly spaced targets) in a copy
/// of `sim` (no learning, the run itself untouched) and averages their operating points. `None`
/// when a probe diverged or recorded nothing.
pub fn probe(sim: &Simulation, target: u32, reaches: u32) -> Option<OperatingPoint> {
    let mut copy = sim.clone();
    copy.record_traces(Some(1.0));
    copy.record_rings(true);
    let points = (0..reaches.max(1))
        .map(|_| probe_once(&mut copy, target))
        .collect::<Option<Vec<_>>>()?;
    let k = points.len() as f64;
    let mean = |f: fn(&OperatingPoint) -> f64| points.iter().map(f).sum::<f64>() / k;
    Some(OperatingPoint {
        plan_deg: mean(|p| p.plan_deg),
        striatum_mean: mean(|p| p.striatum_mean),
        gpi_mean: mean(|p| p.gpi_mean),
        gpi_at_plan: mean(|p| p.gpi_at_plan),
        gpi_away: mean(|p| p.gpi_away),
        thalamus_at_ceiling: mean(|p| p.thalamus_at_ceiling),
    })
}

/// One probe reach in `copy`, which keeps its random stream for the next.
fn probe_once(copy: &mut Simulation, target: u32) -> Option<OperatingPoint> {
    let record = copy
        .run_trial_with(TrialOptions {
            learn: false,
            target: Some(target),
            ..TrialOptions::default()
        })
        .ok()?;
    let trace = copy.trace();
    let go = copy.config().go_ms as f32;
    let samples: Vec<usize> = (0..trace.len())
        .filter(|&k| trace.time_ms[k] >= go)
        .collect();
    if samples.is_empty() || !trace.has_rings() {
        return None;
    }
    let n = trace.n;
    let mean_ring = |population| {
        let mut sum = vec![0.0f64; n];
        for &k in &samples {
            for (s, &x) in sum.iter_mut().zip(trace.ring(k, population)) {
                *s += f64::from(x);
            }
        }
        sum.iter_mut().for_each(|s| *s /= samples.len() as f64);
        sum
    };
    let (striatum, gpi) = (mean_ring(Population::Striatum), mean_ring(Population::Gpi));
    let ceiling = copy.config().i_t.max(0.0);
    let at_ceiling = samples
        .iter()
        .flat_map(|&k| trace.ring(k, Population::Thalamus))
        .filter(|&&t| f64::from(t) >= ceiling - CEILING_TOLERANCE)
        .count();
    let unit = |deg: f64| (deg / 360.0 * n as f64).round().rem_euclid(n as f64) as usize % n;
    let mean = |x: &[f64]| x.iter().sum::<f64>() / n as f64;
    Some(OperatingPoint {
        plan_deg: record.hand_deg,
        striatum_mean: mean(&striatum),
        gpi_mean: mean(&gpi),
        gpi_at_plan: gpi[unit(record.hand_deg)],
        gpi_away: 0.5 * (gpi[unit(record.hand_deg + 90.0)] + gpi[unit(record.hand_deg - 90.0)]),
        thalamus_at_ceiling: at_ceiling as f64 / (samples.len() * n) as f64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rotation(settings: &[(&str, f64)]) -> Simulation {
        let mut p = crate::presets::preset("rotation")
            .and_then(|p| p.protocol().ok())
            .expect("preset");
        p.apply(settings.iter().copied()).expect("valid");
        let mut sim = p.simulation().expect("valid");
        sim.run_trials(20).expect("finite");
        sim
    }

    #[test]
    fn the_probe_reads_gpi_and_the_thalamus_silenced_gpi_leaves_the_thalamus_at_its_ceiling() {
        // GPi's and the STN's backgrounds pulled down to their floor: GPi falls silent, and nothing holds the
        // thalamus below its ceiling [I_t]₊.
        let silent = probe(&rotation(&[("i_g", -1.0), ("i_n", -1.0)]), 0, 2).expect("a probe");
        assert!(silent.gpi_mean < 0.005, "GPi silent: {silent:?}");
        assert!(
            silent.thalamus_at_ceiling > 0.95,
            "thalamus at its ceiling: {silent:?}"
        );
        // The loop as it is: GPi active across the ring, the thalamus held down away from the plan.
        let normal = probe(&rotation(&[]), 0, 2).expect("a probe");
        assert!(normal.gpi_mean > 0.05, "GPi active: {normal:?}");
        assert!(
            normal.thalamus_at_ceiling < 0.8,
            "thalamus not at its ceiling everywhere: {normal:?}"
        );
        assert!(normal.striatum_mean > 0.0);
        // A copy is probed: the run itself is untouched.
        let sim = rotation(&[]);
        let before = sim.trials_done();
        let _ = probe(&sim, 0, 1);
        assert_eq!(sim.trials_done(), before);
    }
}
