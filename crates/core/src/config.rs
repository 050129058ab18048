//! The model's configuration, generated together with the parameter schema from one table.
//!
//! Each row of the `parameters!` table below declares a field of [`Config`], its default, and its
//! [`ParamSpec`] (label, unit, range, group, meaning, source). Nothing else in the project lists
//! parameters: validation, presets, `--set`, permalinks, the page's controls and the docs all read
//! [`schema()`].

use crate::schema::{Group, Input, Meta, ParamError, ParamSpec, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// How reward is computed from the cursor error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RewardKind {
    /// R = exp(−e²/2σ_R²).
    Graded,
    /// R = 1 if |e| < w, else 0.
    Binary,
}

/// The form of the cortico-striatal learning rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlasticityRule {
    /// ΔW ∝ δ·(sn − mean sn)·preᵀ: the striatal factor is taken relative to the ring's mean, so
    /// potentiation of some synapses onto a presynaptic unit is balanced by depression of the
    /// others (heterosynaptic balance) and the total drive is conserved.
    Balanced,
    /// ΔW ∝ δ·sn·preᵀ (three-factor Hebbian).
    Hebbian,
    /// ΔW ∝ δ·(sn − ⟨sn⟩)·preᵀ, ⟨sn⟩ a running mean over trials.
    Covariance,
}

/// Where the target → striatum weights Q are kept non-negative (docs/model.md, "Learning that
/// holds").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueBound {
    /// Q is the synapses' signed learned change and each synapse transmits its positive part
    /// [Q]₊: a depression below zero is kept, so the balanced rule conserves Q's total (v3).
    Synapse,
    /// Q is clipped at 0 after every update (links of version 2): depressions of silent synapses
    /// are lost, so Q's total creeps up over thousands of trials and silences GPi.
    Update,
}

/// What the dopamine level does to the teaching signal (docs/model.md, "Dopamine loss").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TeachingSignal {
    /// The teaching signal is carried by the dopamine neurons that remain (v4): below a level of
    /// 1, a positive prediction error (a burst) is scaled by the level; a negative one (a pause)
    /// is not. Above 1 nothing changes.
    Dopamine,
    /// The teaching signal does not depend on the dopamine level (links of version 3): the level
    /// scales only the cortico-striatal drive.
    Separate,
}

/// Conversion between a typed config field and its canonical schema [`Value`].
trait Param: Sized + Copy {
    fn to_value(self) -> Value;
    fn from_value(v: Value) -> Option<Self>;
}

impl Param for f64 {
    fn to_value(self) -> Value {
        Value::Num(self)
    }
    fn from_value(v: Value) -> Option<Self> {
        v.as_f64()
    }
}

impl Param for u32 {
    fn to_value(self) -> Value {
        Value::Num(f64::from(self))
    }
    fn from_value(v: Value) -> Option<Self> {
        let x = v.as_f64()?;
        (x >= 0.0 && x <= f64::from(u32::MAX) && x.fract() == 0.0).then_some(x as u32)
    }
}

impl Param for u64 {
    fn to_value(self) -> Value {
        Value::Num(self as f64)
    }
    fn from_value(v: Value) -> Option<Self> {
        let x = v.as_f64()?;
        (x >= 0.0 && x <= MAX_SEED as f64 && x.fract() == 0.0).then_some(x as u64)
    }
}

impl Param for bool {
    fn to_value(self) -> Value {
        Value::Choice(if self { "on" } else { "off" })
    }
    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Choice("on") => Some(true),
            Value::Choice("off") => Some(false),
            _ => None,
        }
    }
}

/// A choice parameter's `Param` impl from one table of its variants and their names.
macro_rules! choice {
    ($ty:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl Param for $ty {
            fn to_value(self) -> Value {
                Value::Choice(match self {
                    $($ty::$variant => $name,)*
                })
            }
            fn from_value(v: Value) -> Option<Self> {
                match v {
                    $(Value::Choice($name) => Some($ty::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

choice!(RewardKind {
    Graded => "graded",
    Binary => "binary",
});
choice!(CueBound {
    Synapse => "synapse",
    Update => "update",
});
choice!(TeachingSignal {
    Dopamine => "dopamine",
    Separate => "separate",
});
choice!(PlasticityRule {
    Balanced => "balanced",
    Hebbian => "hebbian",
    Covariance => "covariance",
});

/// The largest seed: 2⁵³ − 1, so that every seed survives a JavaScript number unchanged.
pub const MAX_SEED: u64 = (1 << 53) - 1;

macro_rules! parameters {
    ($( $(#[doc = $doc:literal])* $key:ident : $ty:ty = $default:expr => $meta:expr; )*) => {
        /// Every parameter of a run. Build it from defaults, a preset, `key=value` pairs or a JS
        /// object; [`Config::validate`] before running (the [`crate::Simulation`] does).
        #[derive(Clone, Debug, PartialEq)]
        pub struct Config {
            $( $(#[doc = $doc])* pub $key: $ty, )*
        }

        impl Default for Config {
            fn default() -> Self {
                Config { $( $key: $default, )* }
            }
        }

        fn build_schema() -> Vec<ParamSpec> {
            vec![ $( ($meta).finish(stringify!($key), <$ty as Param>::to_value($default)), )* ]
        }

        impl Config {
            /// The canonical value of `key`, or `None` for an unknown key.
            pub fn get(&self, key: &str) -> Option<Value> {
                match key {
                    $( stringify!($key) => Some(Param::to_value(self.$key)), )*
                    _ => None,
                }
            }

            /// Stores an already-checked canonical value; false if it does not fit the field.
            pub(crate) fn put(&mut self, key: &str, v: Value) -> bool {
                self.store(key, v)
            }

            /// Stores an already-checked canonical value; false if it does not fit the field.
            fn store(&mut self, key: &str, v: Value) -> bool {
                match key {
                    $( stringify!($key) => match <$ty as Param>::from_value(v) {
                        Some(x) => { self.$key = x; true }
                        None => false,
                    }, )*
                    _ => false,
                }
            }
        }
    };
}

const ON_OFF: &[&str] = &["on", "off"];
const TARGETS: &[f64] = &[1.0, 2.0, 4.0, 8.0];

parameters! {
    // ---------------------------------------------------------------- loop
    /// λ: scales the modulated thalamo-cortical transmission (loop strength).
    loop_strength: f64 = 1.0 => Meta::real(Group::Loop, 0.0, 2.0, 0.05).live().symbol("λ").primary()
        .source("this reconstruction");
    /// DA: dopamine level, scaling cortico-striatal transmission.
    dopamine: f64 = 1.0 => Meta::real(Group::Loop, 0.0, 2.0, 0.05).live().symbol("DA")
        .source("Leblois et al. 2006")
        .built_for(0.5, 1.5);
    /// κ: strength of GPi/SNr inhibition of the thalamus (1 intact, 0 inactivated).
    gpi_output: f64 = 1.0 => Meta::real(Group::Loop, 0.0, 1.0, 0.05).live().symbol("κ").primary()
        .source("1 intact, 0 inactivated");

    // ---------------------------------------------------------------- cortex
    /// J₁: cosine-tuned recurrent excitation of the cortical ring.
    cortical_recurrence: f64 = 3.0 => Meta::real(Group::Cortex, 0.0, 6.0, 0.1).symbol("J₁").primary()
        .source("ring-attractor theory (Ben-Yishai et al. 1995)")
        .built_for(1.5, 4.5);
    /// J₀: uniform recurrent inhibition of the cortical ring.
    cortical_inhibition: f64 = -2.0 => Meta::real(Group::Cortex, -6.0, 0.0, 0.1).symbol("J₀")
        .source("ring-attractor theory (Hansel & Sompolinsky 1998)")
        .built_for(-4.5, -0.75);
    /// D_c: net tonic drive of the cortex when the thalamus sits at its reference rate.
    cortical_drive: f64 = 0.15 => Meta::real(Group::Cortex, 0.0, 0.5, 0.01).symbol("D_c")
        .source("calibrated")
        .built_for(0.05, 0.5);
    /// T_ref: reference thalamic rate around which the loop strength scales transmission.
    reference_thalamus: f64 = 0.19 => Meta::real(Group::Cortex, 0.05, 0.4, 0.01).symbol("T_ref")
        .source("calibrated")
        .built_for(0.05, 0.27);
    /// K₀: whether the cue→cortex map starts as the identity (on) or empty (off: babbling).
    innate_cue_map: bool = true => Meta::choice(Group::Cortex, ON_OFF).symbol("K₀")
        .source("this reconstruction (babbling, claim C5)");
    /// η_K: slow reward-gated consolidation of the cue→cortex map.
    consolidation_rate: f64 = 0.0 => Meta::real(Group::Cortex, 0.0, 0.05, 0.001).live().symbol("η_K")
        .source("this reconstruction (claim C1, C5)")
        .built_for(0.0, 0.019);

    // ---------------------------------------------------------------- task
    /// φ: visuomotor rotation of the cursor relative to the hand.
    rotation_deg: f64 = 0.0 => Meta::real(Group::Task, -90.0, 90.0, 1.0).live().symbol("φ").unit("°").primary()
        .source("task");
    /// Number of evenly spaced targets, one drawn at random each trial.
    targets: u32 = 1 => Meta::set(Group::Task, TARGETS)
        .source("task");
    /// Trials without rotation before the rotation starts.
    baseline_trials: u32 = 0 => Meta::int(Group::Task, 0.0, 10_000.0).unit("trials")
        .source("task");
    /// A_cue: strength of the visual cue during the cue period.
    cue_strength: f64 = 0.3 => Meta::real(Group::Task, 0.0, 2.0, 0.01).live().symbol("A_cue")
        .source("calibrated");
    /// A_hold: strength of the held target after the cue period.
    cue_hold: f64 = 0.03 => Meta::real(Group::Task, 0.0, 0.2, 0.005).live().symbol("A_hold")
        .source("calibrated")
        .built_for(0.0, 0.075);
    /// t_cue: end of the cue period.
    cue_ms: f64 = 100.0 => Meta::real(Group::Task, 0.0, 1000.0, 10.0).symbol("t_cue").unit("ms")
        .source("calibrated")
        .built_for(0.0, 200.0);
    /// t_go: go signal; the hand moves from then on.
    go_ms: f64 = 250.0 => Meta::real(Group::Task, 0.0, 3000.0, 10.0).symbol("t_go").unit("ms")
        .source("calibrated");
    /// T_max: longest trial.
    trial_ms: f64 = 600.0 => Meta::real(Group::Task, 100.0, 3000.0, 10.0).symbol("T_max").unit("ms")
        .source("calibrated");
    /// k_hand: hand speed per unit of population-vector length.
    hand_gain: f64 = 0.111 => Meta::real(Group::Task, 0.01, 1.0, 0.001).live().symbol("k_hand").unit("/ms")
        .source("calibrated")
        .built_for(0.05, 1.0);
    /// κ_v: sharpness of the striatal visual target code.
    visual_sharpness: f64 = 8.0 => Meta::real(Group::Task, 1.0, 30.0, 0.5).symbol("κ_v")
        .source("this reconstruction")
        .built_for(3.0, 30.0);

    // ---------------------------------------------------------------- reward & learning
    /// Reward: graded (Gaussian in the error) or binary (hit within a window).
    reward: RewardKind = RewardKind::Graded => Meta::choice(Group::Learning, &["graded", "binary"]).live().primary()
        .source("Darshan, Leblois & Hansel 2014");
    /// σ_R (graded) or w (binary): reward width.
    reward_width_deg: f64 = 10.0 => Meta::real(Group::Learning, 2.0, 45.0, 0.5).live().symbol("σ_R / w").unit("°")
        .source("task")
        .built_for(4.0, 25.0);
    /// η: learning rate of the target → striatum synapses, the plasticity that adapts reaches.
    cue_learning_rate: f64 = 1.0 => Meta::real(Group::Learning, 0.0, 5.0, 0.1).live().symbol("η").primary()
        .source("Darshan, Leblois & Hansel 2014 (target-selective input); calibrated");
    /// η_M: learning rate of the motor ring's own projection to striatum (off by default).
    learning_rate: f64 = 0.0 => Meta::real(Group::Learning, 0.0, 20.0, 0.1).live().symbol("η_M")
        .source("this reconstruction (v1 default 2)");
    /// α_R: rate at which the expected reward tracks the obtained reward.
    rpe_rate: f64 = 0.2 => Meta::real(Group::Learning, 0.0, 1.0, 0.01).live().symbol("α_R")
        .source("this reconstruction")
        .built_for(0.1, 1.0);
    /// Whether the dopamine level also scales the teaching signal (v4) or only the drive (v3).
    teaching_signal: TeachingSignal = TeachingSignal::Dopamine => Meta::choice(Group::Learning, &["dopamine", "separate"])
        .source("Frank, Seeberger & O'Reilly 2004 (bursts lost more than pauses); v4");
    /// Balanced, Hebbian or covariance form of the cortico-striatal rule.
    plasticity_rule: PlasticityRule = PlasticityRule::Balanced => Meta::choice(Group::Learning, &["balanced", "hebbian", "covariance"])
        .source("this reconstruction (balance: Miller & MacKay 1994)");
    /// Where the target → striatum weights are kept ≥ 0: at the synapse (v3) or after each update (v2).
    cue_weight_bound: CueBound = CueBound::Synapse => Meta::choice(Group::Learning, &["synapse", "update"])
        .source("this reconstruction (v3; docs/model.md, Learning that holds)");
    /// w_max: upper bound of a cortico-striatal weight.
    weight_max: f64 = 10.0 => Meta::real(Group::Learning, 0.5, 50.0, 0.5).symbol("w_max")
        .source("this reconstruction");

    // ---------------------------------------------------------------- noise
    /// σ_s: exploration noise into striatum (Ornstein–Uhlenbeck).
    exploration_noise: f64 = 0.1 => Meta::real(Group::Noise, 0.0, 1.0, 0.01).live().symbol("σ_s")
        .source("calibrated")
        .built_for(0.05, 0.3);
    /// σ_g: white noise into GPi.
    gpi_noise: f64 = 0.02 => Meta::real(Group::Noise, 0.0, 0.5, 0.005).live().symbol("σ_g")
        .source("calibrated");
    /// σ_c: white noise into cortex.
    cortex_noise: f64 = 0.0 => Meta::real(Group::Noise, 0.0, 0.5, 0.005).live().symbol("σ_c")
        .source("calibrated")
        .built_for(0.0, 0.3);

    // ---------------------------------------------------------------- simulation
    /// N: units per ring.
    ring_size: u32 = 64 => Meta::int(Group::Simulation, 8.0, 256.0).symbol("N").unit("units")
        .source("this reconstruction");
    /// dt: integration time step.
    dt_ms: f64 = 0.5 => Meta::real(Group::Simulation, 0.1, 1.0, 0.05).symbol("dt").unit("ms")
        .source("Leblois et al. 2006 code");
    /// The seed of the run's one random generator.
    seed: u64 = 1 => Meta::int(Group::Simulation, 0.0, MAX_SEED as f64).primary()
        .source("—");

    // ---------------------------------------------------------------- gains
    /// g_sc: cortex → striatum gain (diagonal of the initial weights).
    g_sc: f64 = 0.8 => Meta::real(Group::Gains, 0.0, 3.0, 0.01).symbol("g_sc")
        .source("Leblois et al. 2006 (reduced model)");
    /// g_gs: striatum → GPi inhibition.
    g_gs: f64 = 12.14 => Meta::real(Group::Gains, 0.0, 30.0, 0.01).symbol("g_gs")
        .source("Leblois et al. 2006 (reduced model)");
    /// g_tg: GPi → thalamus inhibition.
    g_tg: f64 = 0.3 => Meta::real(Group::Gains, 0.0, 1.0, 0.01).symbol("g_tg")
        .source("Leblois et al. 2006 (reduced model)");
    /// g_ct: thalamus → cortex excitation.
    g_ct: f64 = 0.969 => Meta::real(Group::Gains, 0.0, 3.0, 0.001).symbol("g_ct")
        .source("Leblois et al. 2006 (reduced model)");
    /// g_nc: cortex → STN excitation.
    g_nc: f64 = 2.0 => Meta::real(Group::Gains, 0.0, 5.0, 0.01).symbol("g_nc")
        .source("Leblois et al. 2006 (reduced model)");
    /// g_gn: STN → GPi excitation.
    g_gn: f64 = 4.9 => Meta::real(Group::Gains, 0.0, 10.0, 0.01).symbol("g_gn")
        .source("Leblois et al. 2006 (reduced model)");
    /// γ: fraction of STN → GPi excitation spread evenly over the ring.
    stn_spread: f64 = 0.4 => Meta::real(Group::Gains, 0.0, 1.0, 0.01).symbol("γ")
        .source("Leblois et al. 2006 (reduced model)");

    // ---------------------------------------------------------------- backgrounds
    /// I_s: background input to striatum.
    i_s: f64 = 0.0 => Meta::real(Group::Backgrounds, -1.0, 1.0, 0.01).symbol("I_s").source("Leblois et al. 2006");
    /// I_n: background input to STN.
    i_n: f64 = 0.1 => Meta::real(Group::Backgrounds, -1.0, 1.0, 0.01).symbol("I_n").source("Leblois et al. 2006");
    /// I_g: background input to GPi.
    i_g: f64 = -0.09 => Meta::real(Group::Backgrounds, -1.0, 1.0, 0.01).symbol("I_g").source("Leblois et al. 2006");
    /// I_t: background input to thalamus.
    i_t: f64 = 0.25 => Meta::real(Group::Backgrounds, -1.0, 1.0, 0.01).symbol("I_t").source("Leblois et al. 2006");

    // ---------------------------------------------------------------- time constants
    /// τ_c: cortical time constant.
    tau_c: f64 = 10.0 => Meta::real(Group::TimeConstants, 1.0, 100.0, 0.5).symbol("τ_c").unit("ms").source("calibrated");
    /// τ_s: striatal time constant.
    tau_s: f64 = 5.0 => Meta::real(Group::TimeConstants, 1.0, 100.0, 0.5).symbol("τ_s").unit("ms").source("Leblois et al. 2006");
    /// τ_n: STN time constant.
    tau_n: f64 = 5.0 => Meta::real(Group::TimeConstants, 1.0, 100.0, 0.5).symbol("τ_n").unit("ms").source("Leblois et al. 2006");
    /// τ_g: GPi time constant.
    tau_g: f64 = 5.0 => Meta::real(Group::TimeConstants, 1.0, 100.0, 0.5).symbol("τ_g").unit("ms").source("Leblois et al. 2006");
    /// τ_t: thalamic time constant.
    tau_t: f64 = 5.0 => Meta::real(Group::TimeConstants, 1.0, 100.0, 0.5).symbol("τ_t").unit("ms").source("Leblois et al. 2006");
    /// τ_ζ: correlation time of the exploration noise.
    tau_explore: f64 = 50.0 => Meta::real(Group::TimeConstants, 1.0, 1000.0, 1.0).symbol("τ_ζ").unit("ms").source("calibrated");

    // ---------------------------------------------------------------- delays
    /// d_sc: cortex → striatum delay.
    d_sc: f64 = 6.0 => Meta::real(Group::Delays, 0.0, 50.0, 0.5).symbol("d_sc").unit("ms").source("Leblois et al. 2006");
    /// d_gs: striatum → GPi delay.
    d_gs: f64 = 9.5 => Meta::real(Group::Delays, 0.0, 50.0, 0.5).symbol("d_gs").unit("ms").source("Leblois et al. 2006");
    /// d_tg: GPi → thalamus delay.
    d_tg: f64 = 5.0 => Meta::real(Group::Delays, 0.0, 50.0, 0.5).symbol("d_tg").unit("ms").source("Leblois et al. 2006");
    /// d_ct: thalamus → cortex delay.
    d_ct: f64 = 5.0 => Meta::real(Group::Delays, 0.0, 50.0, 0.5).symbol("d_ct").unit("ms").source("Leblois et al. 2006");
    /// d_nc: cortex → STN delay.
    d_nc: f64 = 5.0 => Meta::real(Group::Delays, 0.0, 50.0, 0.5).symbol("d_nc").unit("ms").source("Leblois et al. 2006");
    /// d_gn: STN → GPi delay.
    d_gn: f64 = 5.0 => Meta::real(Group::Delays, 0.0, 50.0, 0.5).symbol("d_gn").unit("ms").source("Leblois et al. 2006");
}

/// The parameter table, in display order.
pub fn schema() -> &'static [ParamSpec] {
    static SCHEMA: OnceLock<Vec<ParamSpec>> = OnceLock::new();
    SCHEMA.get_or_init(build_schema)
}

/// The row of `key`, if there is one.
pub fn spec(key: &str) -> Option<&'static ParamSpec> {
    schema().iter().find(|s| s.key == key)
}

/// All the problems found in a config or a list of settings, each naming its key.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("{}", summary(&self.errors))]
pub struct ConfigErrors {
    /// One entry per rejected key.
    pub errors: Vec<ParamError>,
}

impl From<ParamError> for ConfigErrors {
    fn from(e: ParamError) -> Self {
        ConfigErrors { errors: vec![e] }
    }
}

impl Config {
    /// Sets one parameter from outside input (number, text or boolean), checked against its range.
    /// Cross-parameter constraints are checked by [`Config::validate`].
    pub fn set(&mut self, key: &str, input: impl Into<Input>) -> Result<(), ParamError> {
        let input = input.into();
        let spec = spec(key).ok_or_else(|| unknown_key(key))?;
        let value = spec.check(&input)?;
        if self.store(key, value) {
            Ok(())
        } else {
            Err(ParamError::new(
                key,
                format!(
                    "`{key}` = {} does not fit ({})",
                    value.to_text(),
                    spec.allowed()
                ),
            ))
        }
    }

    /// This configuration, checked: every value in its range and the cross-parameter constraints
    /// met. Only a [`ValidConfig`] reaches the model ([`crate::Simulation::new`]).
    pub fn validated(self) -> Result<ValidConfig, ConfigErrors> {
        self.validate()?;
        Ok(ValidConfig(self))
    }

    /// Sets `key` back to its value in `base` (no-op for an unknown key).
    pub fn reset_to(&mut self, base: &Config, key: &str) {
        if let Some(v) = base.get(key) {
            self.store(key, v);
        }
    }

    /// Applies `key=value` settings in order; every bad entry is reported, good ones are kept.
    pub fn apply<'a, I, V>(&mut self, settings: I) -> Result<(), ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Input>,
    {
        apply_each(settings, |k, v| self.set(k, v))
    }

    /// Checks every parameter against its range and the cross-parameter constraints.
    pub fn validate(&self) -> Result<(), ConfigErrors> {
        let mut errors = Vec::new();
        for s in schema() {
            if let Some(Err(e)) = self.get(s.key).map(|v| s.admits(v)) {
                errors.push(e);
            }
        }
        let bound = RECURRENCE_BOUND.0 + RECURRENCE_BOUND.1 * self.cortical_inhibition;
        if self.cortical_recurrence > bound {
            errors.push(ParamError::new(
                "cortical_recurrence",
                format!(
                    "`cortical_recurrence` = {} must be ≤ {} − {} × cortical_inhibition = {} here: stronger recurrence makes the cortex run away",
                    crate::format::num(self.cortical_recurrence),
                    crate::format::num(RECURRENCE_BOUND.0),
                    crate::format::num(-RECURRENCE_BOUND.1),
                    crate::format::num(bound)
                ),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ConfigErrors { errors })
        }
    }

    /// The parameters whose values differ from `base`, as canonical `(key, text)` pairs in schema order.
    pub fn diff(&self, base: &Config) -> Vec<(&'static str, String)> {
        schema()
            .iter()
            .filter(|s| self.get(s.key) != base.get(s.key))
            .filter_map(|s| self.get(s.key).map(|v| (s.key, v.to_text())))
            .collect()
    }

    /// A sentence for each parameter set outside the range the model was built for
    /// ([`crate::schema::BuiltFor`]), in schema order.
    pub fn notes(&self, words: &crate::i18n::Catalog) -> Vec<String> {
        schema()
            .iter()
            .filter_map(|s| match self.get(s.key)? {
                Value::Num(x) => s.outside_built_for(x, words),
                Value::Choice(_) => None,
            })
            .collect()
    }

    /// Every parameter as canonical `(key, value)` pairs, in schema order.
    pub fn values(&self) -> Vec<(&'static str, Value)> {
        schema()
            .iter()
            .filter_map(|s| self.get(s.key).map(|v| (s.key, v)))
            .collect()
    }
}

/// Applies every entry of `settings` with `set`, in order, and gathers every error: the one way
/// settings are applied (to a [`Config`] and to a [`crate::Protocol`]).
pub(crate) fn apply_each<'a, I, V>(
    settings: I,
    mut set: impl FnMut(&str, Input) -> Result<(), ParamError>,
) -> Result<(), ConfigErrors>
where
    I: IntoIterator<Item = (&'a str, V)>,
    V: Into<Input>,
{
    let errors: Vec<ParamError> = settings
        .into_iter()
        .filter_map(|(k, v)| set(k, v.into()).err())
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ConfigErrors { errors })
    }
}

/// Most problems a [`ConfigErrors`] message lists before "and N more".
pub const SHOWN_ERRORS: usize = 10;

fn summary(errors: &[ParamError]) -> String {
    summary_in(errors, crate::i18n::Catalog::english())
}

/// The errors' sentences in `words`' language, the first few, and how many more there are.
fn summary_in(errors: &[ParamError], words: &crate::i18n::Catalog) -> String {
    let mut text = errors
        .iter()
        .take(SHOWN_ERRORS)
        .map(|e| e.said_in(words))
        .collect::<Vec<_>>()
        .join("; ");
    if errors.len() > SHOWN_ERRORS {
        text.push_str(
            &words.format(
                &crate::i18n::Msg::new("error-and-more")
                    .count("n", (errors.len() - SHOWN_ERRORS) as i64),
            ),
        );
    }
    text
}

impl crate::i18n::Said for ConfigErrors {
    fn said_in(&self, words: &crate::i18n::Catalog) -> String {
        summary_in(&self.errors, words)
    }
}

/// A configuration that passed [`Config::validate`]; read it as a [`Config`].
#[derive(Clone, Debug, PartialEq)]
pub struct ValidConfig(Config);

impl ValidConfig {
    /// The configuration itself.
    pub fn into_inner(self) -> Config {
        self.0
    }
}

impl std::ops::Deref for ValidConfig {
    type Target = Config;
    fn deref(&self) -> &Config {
        &self.0
    }
}

/// Cortical recurrence must stay at or below `a + b·J₀` (the runaway bound of docs/model.md).
pub const RECURRENCE_BOUND: (f64, f64) = (3.8, -1.2);

/// The one error for a key that is not a parameter (config, links, CLI `--set`, JS).
pub fn unknown_key(key: &str) -> ParamError {
    let shown = crate::format::short(key, crate::format::QUOTED);
    ParamError::localized(
        key,
        crate::i18n::Msg::new("error-unknown-parameter").text("key", format!("{shown:?}")),
    )
}

impl Serialize for Config {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let values = self.values();
        let mut map = s.serialize_map(Some(values.len()))?;
        for (k, v) in values {
            map.serialize_entry(k, &v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Config {
    /// Missing keys take their defaults; unknown keys and bad values are errors naming the key.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, Input>::deserialize(d)?;
        let mut config = Config::default();
        config
            .apply(map.iter().map(|(k, v)| (k.as_str(), v.clone())))
            .map_err(serde::de::Error::custom)?;
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_valid_and_every_row_is_documented() {
        Config::default().validate().expect("defaults are valid");
        for s in schema() {
            let meaning = s.meaning_in(crate::i18n::Catalog::english());
            assert!(
                !meaning.is_empty() && !s.source.is_empty(),
                "{} undocumented",
                s.key
            );
            assert!(meaning.ends_with('.'), "{}: meaning is one sentence", s.key);
            assert!(
                s.built_for.is_none() || !s.why_in(crate::i18n::Catalog::english()).is_empty(),
                "{}: says what goes wrong outside its range",
                s.key
            );
        }
        let mut keys: Vec<_> = schema().iter().map(|s| s.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), schema().len());
    }

    #[test]
    fn set_checks_ranges_and_names_the_key() {
        let mut c = Config::default();
        c.set("loop_strength", 0.25).expect("in range");
        assert_eq!(c.loop_strength, 0.25);
        let e = c.set("loop_strength", 7.0).unwrap_err();
        assert_eq!(e.message, "`loop_strength` = 7 is out of range 0–2");
        assert_eq!(
            c.loop_strength, 0.25,
            "a rejected value leaves the field alone"
        );
        let e = c.set("loop_gain", 1.0).unwrap_err();
        assert_eq!(e.key, "loop_gain");
        assert!(e.message.contains("unknown parameter"));
        c.set("reward", "binary").expect("choice");
        assert_eq!(c.reward, RewardKind::Binary);
        c.set("innate_cue_map", "off").expect("switch");
        assert!(!c.innate_cue_map);
        assert!(c
            .set("ring_size", 64.5)
            .unwrap_err()
            .message
            .contains("whole number in 8–256"));
        assert!(c
            .set("dt_ms", "2")
            .unwrap_err()
            .message
            .contains("0.1–1 ms"));
        c.set("seed", MAX_SEED as f64).expect("largest seed");
        assert_eq!(c.seed, MAX_SEED);
        assert!(c.set("seed", -1.0).is_err());
    }

    #[test]
    fn recurrence_bound_is_a_cross_parameter_constraint() {
        let mut c = Config::default();
        c.cortical_inhibition = 0.0;
        c.cortical_recurrence = 4.0;
        let e = c.validate().unwrap_err();
        assert_eq!(e.errors.len(), 1);
        assert_eq!(e.errors[0].key, "cortical_recurrence");
        assert!(e.errors[0]
            .message
            .contains("≤ 3.8 − 1.2 × cortical_inhibition = 3.8"));
        c.cortical_recurrence = 3.8;
        c.validate().expect("on the bound");
    }

    #[test]
    fn json_round_trip_and_partial_configs() {
        let mut c = Config::default();
        c.set("rotation_deg", 30.0).expect("ok");
        c.set("reward", "binary").expect("ok");
        let text = serde_json::to_string(&c).expect("serialises");
        let back: Config = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, c);
        let partial: Config =
            serde_json::from_str(r#"{"loop_strength": 0.5, "innate_cue_map": false}"#)
                .expect("partial");
        assert_eq!(partial.loop_strength, 0.5);
        assert!(!partial.innate_cue_map);
        assert_eq!(partial.dopamine, 1.0);
        let err = serde_json::from_str::<Config>(r#"{"loop_strength": 9, "nope": 1}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("`loop_strength` = 9 is out of range 0–2"),
            "{err}"
        );
        assert!(err.contains("unknown parameter \"nope\""), "{err}");
    }

    #[test]
    fn diff_lists_changed_keys_in_schema_order() {
        let mut c = Config::default();
        c.set("seed", 5.0).expect("ok");
        c.set("loop_strength", 0.8).expect("ok");
        assert_eq!(
            c.diff(&Config::default()),
            vec![
                ("loop_strength", "0.8".to_string()),
                ("seed", "5".to_string())
            ]
        );
    }
}
