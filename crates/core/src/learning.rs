//! Reward learning: the per-target reward prediction error (the dopamine signal) and the plastic
//! synapses it gates — cortico-striatal P, cue→striatum Q and the slowly consolidated cue→cortex K.

use crate::config::{Config, CueBound, PlasticityRule, TeachingSignal};

/// Rate of the running mean ⟨sn⟩ of the covariance rule.
const COVARIANCE_RATE: f64 = 0.1;
/// Guards the normalisations sn = S̄/max S̄ and ĉ = C̄/ΣC̄ against silent rings.
const TINY: f64 = 1e-9;

/// The plastic state that persists across trials.
#[derive(Clone, Debug, PartialEq)]
pub struct Plasticity {
    n: usize,
    /// P: plastic part of the motor ring → striatum weights, row-major (`[i*n + j]`: cortex j →
    /// striatum i).
    pub motor_striatal: Vec<f64>,
    /// Q: target-selective input → striatum weights, row-major (`[i*n + j]`: target unit j →
    /// striatum i); the plasticity that adapts reaches. With [`CueBound::Synapse`] this is the
    /// synapses' signed learned change and each transmits [Q]₊.
    pub target_striatal: Vec<f64>,
    /// K: the cue → cortex map, row-major (`[i*n + j]`: cue unit j → cortex i).
    pub cue_cortical: Vec<f64>,
    /// Expected reward R̄ₖ, one per target.
    pub expected: Vec<f64>,
    /// Running mean ⟨sn⟩ of the covariance rule (set at the first learning trial).
    striatal_mean: Option<Vec<f64>>,
}

/// The activity of one reach that learning needs: mean rates over the movement.
#[derive(Clone, Debug)]
pub struct ReachActivity<'a> {
    /// Mean cortical rates C̄ over the movement.
    pub cortex: &'a [f64],
    /// Mean striatal rates S̄ over the movement.
    pub striatum: &'a [f64],
    /// The sharp visual code vˢ of the target.
    pub sharp: &'a [f64],
    /// The gate of consolidation (v/2, or vˢ in babbling).
    pub gate: &'a [f64],
}

impl Plasticity {
    /// The running mean ⟨sn⟩ of the covariance rule, once the first learning trial has set it.
    pub fn striatal_mean(&self) -> Option<&[f64]> {
        self.striatal_mean.as_deref()
    }

    /// Sets the covariance rule's running mean (a run handed over between threads).
    pub(crate) fn set_striatal_mean(&mut self, mean: Option<Vec<f64>>) {
        self.striatal_mean = mean;
    }

    /// Naive synapses: P = 0, Q = 0, K = identity (or 0 without an innate cue map), R̄ = 0.
    pub fn new(config: &Config) -> Self {
        let n = config.ring_size as usize;
        let mut k = vec![0.0; n * n];
        if config.innate_cue_map {
            for i in 0..n {
                k[i * n + i] = 1.0;
            }
        }
        Plasticity {
            n,
            motor_striatal: vec![0.0; n * n],
            target_striatal: vec![0.0; n * n],
            cue_cortical: k,
            expected: vec![0.0; config.targets as usize],
            striatal_mean: None,
        }
    }

    /// Whether the learned motor map P is all zeros (motor-map learning off, or nothing learned
    /// yet): then W = DA·clip(g_sc·𝟙, 0, w_max) is diagonal.
    pub fn motor_map_is_zero(&self) -> bool {
        self.motor_striatal.iter().all(|&v| v == 0.0)
    }

    /// Writes W = DA·clip(g_sc·𝟙 + P, 0, w_max) column-major into `w`.
    pub fn striatal_weights(&self, config: &Config, w: &mut [f64]) {
        let n = self.n;
        for i in 0..n {
            for j in 0..n {
                let diag = if i == j { config.g_sc } else { 0.0 };
                let v = (diag + self.motor_striatal[i * n + j]).clamp(0.0, config.weight_max);
                w[j * n + i] = config.dopamine * v;
            }
        }
    }

    /// Writes M·x into `out` for a row-major n×n matrix M.
    fn apply(n: usize, m: &[f64], x: &[f64], out: &mut [f64]) {
        for (i, o) in out.iter_mut().enumerate() {
            *o = m[i * n..(i + 1) * n]
                .iter()
                .zip(x)
                .map(|(a, b)| a * b)
                .sum();
        }
    }

    /// The cue input to cortex, K·code.
    pub fn cue_to_cortex(&self, code: &[f64], out: &mut [f64]) {
        Self::apply(self.n, &self.cue_cortical, code, out);
    }

    /// The cue input to striatum, DA·[Q]₊·vˢ (Q is never negative with [`CueBound::Update`]).
    pub fn cue_to_striatum(&self, dopamine: f64, sharp: &[f64], out: &mut [f64]) {
        let n = self.n;
        for (i, o) in out.iter_mut().enumerate() {
            let row = &self.target_striatal[i * n..(i + 1) * n];
            *o = dopamine
                * row
                    .iter()
                    .zip(sharp)
                    .map(|(q, v)| q.max(0.0) * v)
                    .sum::<f64>();
        }
    }

    /// The reward prediction error δ = R − R̄ₖ for `target`, then R̄ₖ ← R̄ₖ + α_R·δ.
    pub fn reward_prediction_error(&mut self, target: usize, reward: f64, rate: f64) -> f64 {
        let slot = &mut self.expected[target];
        let delta = reward - *slot;
        *slot += rate * delta;
        delta
    }

    /// The teaching signal of a reach to `target` that earned `reward`: the prediction error
    /// R − R̄ₖ as the dopamine neurons deliver it ([`teaching_signal`]). With `learn`, the
    /// expectation then follows the same signal, R̄ₖ ← R̄ₖ + α_R·δ: the critic learns from the
    /// dopamine it receives, like the striatum, so with weakened bursts the expectation settles
    /// lower and the signal still averages zero over reaches (no drift of what was learned). At
    /// normal dopamine this is [`Self::reward_prediction_error`] exactly.
    pub fn teach(&mut self, config: &Config, target: usize, reward: f64, learn: bool) -> f64 {
        let slot = &mut self.expected[target];
        let delta = teaching_signal(config, reward - *slot);
        if learn {
            *slot += config.rpe_rate * delta;
        }
        delta
    }

    /// The plasticity of one trial, gated by the teaching signal δ (see [`teaching_signal`]) and
    /// by R for consolidation.
    pub fn learn(&mut self, config: &Config, delta: f64, reward: f64, reach: &ReachActivity<'_>) {
        let n = self.n;
        let sn = normalise_by_max(reach.striatum);
        let cn = normalise_by_max(reach.cortex);
        let se: Vec<f64> = match config.plasticity_rule {
            PlasticityRule::Balanced => {
                let mean = sn.iter().sum::<f64>() / n as f64;
                sn.iter().map(|s| s - mean).collect()
            }
            PlasticityRule::Hebbian => sn,
            PlasticityRule::Covariance => {
                let mean = self.striatal_mean.get_or_insert_with(|| sn.clone());
                let se = sn.iter().zip(mean.iter()).map(|(s, m)| s - m).collect();
                for (m, s) in mean.iter_mut().zip(&sn) {
                    *m += COVARIANCE_RATE * (s - *m);
                }
                se
            }
        };
        let inv_n = 1.0 / n as f64;
        if config.learning_rate > 0.0 {
            let scale = config.learning_rate * delta * inv_n;
            outer_add(n, &mut self.motor_striatal, scale, &se, &cn);
        }
        if config.cue_learning_rate > 0.0 {
            let scale = config.cue_learning_rate * delta * inv_n;
            outer_add(n, &mut self.target_striatal, scale, &se, reach.sharp);
            if config.cue_weight_bound == CueBound::Update {
                self.target_striatal
                    .iter_mut()
                    .for_each(|q| *q = q.max(0.0));
            }
        }
        if config.consolidation_rate > 0.0 && reward > 0.0 {
            let total: f64 = reach.cortex.iter().sum::<f64>() + 1e-12;
            for i in 0..n {
                let chat = reach.cortex[i] / total;
                let row = &mut self.cue_cortical[i * n..(i + 1) * n];
                for (kij, g) in row.iter_mut().zip(reach.gate) {
                    *kij += config.consolidation_rate * reward * g * (chat - *kij);
                }
            }
        }
    }
}

/// The teaching signal the dopamine neurons deliver for a reward prediction error `delta`.
///
/// With [`TeachingSignal::Dopamine`] (v4) the signal is carried by the neurons that remain: below
/// a dopamine level of 1, a burst (δ > 0) is scaled by the level, a pause (δ < 0) is not —
/// bursts need the neurons that Parkinson's disease destroys, while a pause in firing that is
/// already low still reaches the striatum (Frank, Seeberger & O'Reilly 2004). At a level of 1 or
/// more, and with [`TeachingSignal::Separate`] (v3), the signal is δ itself.
pub fn teaching_signal(config: &Config, delta: f64) -> f64 {
    match config.teaching_signal {
        TeachingSignal::Dopamine if delta > 0.0 && config.dopamine < 1.0 => delta * config.dopamine,
        _ => delta,
    }
}

fn normalise_by_max(x: &[f64]) -> Vec<f64> {
    let max = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    x.iter().map(|v| v / (max + TINY)).collect()
}

/// M += scale·a·bᵀ for a row-major n×n matrix.
fn outer_add(n: usize, m: &mut [f64], scale: f64, a: &[f64], b: &[f64]) {
    for i in 0..n {
        let ai = scale * a[i];
        for (mij, bj) in m[i * n..(i + 1) * n].iter_mut().zip(b) {
            *mij += ai * bj;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Config {
        let mut c = Config::default();
        c.ring_size = 8;
        c
    }

    #[test]
    fn rpe_tracks_reward_per_target() {
        let mut c = small();
        c.targets = 2;
        let mut p = Plasticity::new(&c);
        assert_eq!(p.reward_prediction_error(0, 1.0, 0.2), 1.0);
        assert!((p.expected[0] - 0.2).abs() < 1e-15);
        let d = p.reward_prediction_error(0, 1.0, 0.2);
        assert!((d - 0.8).abs() < 1e-15);
        assert_eq!(p.expected[1], 0.0, "other target untouched");
        let d = p.reward_prediction_error(0, 0.0, 0.2);
        assert!(d < 0.0);
    }

    #[test]
    fn hebbian_update_is_the_scaled_outer_product() {
        let c = small();
        let mut p = Plasticity::new(&c);
        let cortex = [0.0, 1.0, 2.0, 4.0, 0.0, 0.0, 0.0, 0.0];
        let striatum = [0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0];
        let zeros = [0.0; 8];
        let reach = ReachActivity {
            cortex: &cortex,
            striatum: &striatum,
            sharp: &zeros,
            gate: &zeros,
        };
        p.learn(&c, 0.5, 1.0, &reach);
        let expect = |i: usize, j: usize| {
            c.learning_rate * 0.5 / 8.0 * (striatum[i] / (1.0 + 1e-9)) * (cortex[j] / (4.0 + 1e-9))
        };
        for i in 0..8 {
            for j in 0..8 {
                assert!((p.motor_striatal[i * 8 + j] - expect(i, j)).abs() < 1e-15);
            }
        }
    }

    #[test]
    fn the_teaching_signal_falls_with_the_dopamine_that_remains() {
        let mut c = small();
        let levels = [1.0, 0.75, 0.5, 0.25, 0.0];
        let bursts: Vec<f64> = levels
            .iter()
            .map(|&d| {
                c.dopamine = d;
                teaching_signal(&c, 0.8)
            })
            .collect();
        assert_eq!(
            bursts[0], 0.8,
            "normal dopamine: the prediction error itself"
        );
        assert!(
            bursts.windows(2).all(|w| w[1] < w[0]),
            "a burst shrinks with each loss of dopamine: {bursts:?}"
        );
        assert_eq!(bursts[4], 0.0, "no dopamine, no burst");
        for &d in &levels {
            c.dopamine = d;
            assert_eq!(teaching_signal(&c, -0.6), -0.6, "a pause is kept at {d}");
        }
        c.dopamine = 1.5;
        assert_eq!(
            teaching_signal(&c, 0.8),
            0.8,
            "more dopamine does not amplify bursts"
        );
        c.teaching_signal = TeachingSignal::Separate;
        c.dopamine = 0.5;
        assert_eq!(
            teaching_signal(&c, 0.8),
            0.8,
            "v3: the level does not reach the signal"
        );
    }

    #[test]
    fn weights_are_bounded_and_scaled_by_dopamine() {
        let mut c = small();
        c.weight_max = 1.0;
        c.dopamine = 0.5;
        let mut p = Plasticity::new(&c);
        p.motor_striatal[0] = 5.0; // (0,0): 0.8 + 5 → clipped to 1
        p.motor_striatal[1] = -3.0; // (0,1): −3 → clipped to 0
        p.motor_striatal[8] = 0.3; // (1,0): 0.3
        let mut w = vec![0.0; 64];
        p.striatal_weights(&c, &mut w);
        assert_eq!(w[0], 0.5);
        assert_eq!(w[8], 0.0, "column-major: cortex 1 → striatum 0");
        assert!((w[1] - 0.15).abs() < 1e-15, "cortex 0 → striatum 1");
        assert!((w[9] - 0.4).abs() < 1e-15, "diagonal g_sc·DA");
    }

    fn one_miss(bound: CueBound) -> Plasticity {
        let mut c = small();
        c.cue_learning_rate = 1.0;
        c.cue_weight_bound = bound;
        let mut p = Plasticity::new(&c);
        let cortex = [1.0; 8];
        let striatum = [0.0, 0.2, 1.0, 0.2, 0.0, 0.0, 0.0, 0.0];
        let sharp = [0.1, 1.0, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0];
        let reach = ReachActivity {
            cortex: &cortex,
            striatum: &striatum,
            sharp: &sharp,
            gate: &sharp,
        };
        p.learn(&c, -1.0, 0.0, &reach);
        p
    }

    #[test]
    fn a_synapse_bound_keeps_depressions_and_conserves_the_total_drive() {
        let p = one_miss(CueBound::Synapse);
        let q = &p.target_striatal;
        assert!(
            q.iter().any(|&x| x < 0.0),
            "the miss depressed the active cell below 0"
        );
        assert!(q.iter().any(|&x| x > 0.0), "and potentiated the others");
        for j in 0..8 {
            let column: f64 = (0..8).map(|i| q[i * 8 + j]).sum();
            assert!(column.abs() < 1e-15, "column {j} sums to {column}");
        }
        let input = [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        let mut out = [0.0; 8];
        p.cue_to_striatum(0.5, &input, &mut out);
        for (i, o) in out.iter().enumerate() {
            assert_eq!(*o, 0.5 * q[i * 8 + 1].max(0.0), "a synapse transmits [Q]₊");
        }
    }

    #[test]
    fn an_update_bound_clips_each_update_so_the_total_grows() {
        let p = one_miss(CueBound::Update);
        assert!(p.target_striatal.iter().all(|&x| x >= 0.0));
        let total: f64 = p.target_striatal.iter().sum();
        assert!(
            total > 0.0,
            "the lost depression leaves a net gain: {total}"
        );
    }

    #[test]
    fn consolidation_moves_k_toward_the_reach() {
        let mut c = small();
        c.consolidation_rate = 0.5;
        c.innate_cue_map = false;
        let mut p = Plasticity::new(&c);
        let cortex = [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        let striatum = [1.0; 8];
        let sharp = [1.0; 8];
        let reach = ReachActivity {
            cortex: &cortex,
            striatum: &striatum,
            sharp: &sharp,
            gate: &sharp,
        };
        p.learn(&c, -1.0, 1.0, &reach);
        assert!(
            (p.cue_cortical[0] - 0.25).abs() < 1e-9,
            "K moves half-way to ĉ = 0.5"
        );
        assert_eq!(p.cue_cortical[2 * 8], 0.0);
    }
}
