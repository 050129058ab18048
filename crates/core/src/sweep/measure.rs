//! What a sweep's table, map and figure show of each run: the final |error|, the fraction of
//! reaches executed, the reward rate, the reach time, the trials to adapt — or the regime
//! ([`crate::regime`]), which says why a setting fails. JSONL outcomes carry all of them.

use super::Outcome;

/// One measure of a sweep's runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Mean |error| over the final window, degrees.
    #[default]
    Error,
    /// Fraction of the final window's reaches executed.
    Executed,
    /// Mean reward over the final window.
    Reward,
    /// Mean reach time of the final window's executed reaches, ms.
    Reach,
    /// Trials until the run adapted (a run that never did counts its trials).
    Adapt,
    /// The run's regime (a category, not a number).
    Regime,
}

impl Measure {
    /// Every measure, in menu order.
    pub const ALL: [Measure; 6] = [
        Measure::Error,
        Measure::Executed,
        Measure::Reward,
        Measure::Reach,
        Measure::Adapt,
        Measure::Regime,
    ];

    /// The measure's name in the CLI and links (`error`, `executed`, …).
    pub fn key(self) -> &'static str {
        match self {
            Measure::Error => "error",
            Measure::Executed => "executed",
            Measure::Reward => "reward",
            Measure::Reach => "reach",
            Measure::Adapt => "adapt",
            Measure::Regime => "regime",
        }
    }

    /// The measure named `text`, or a message naming the field and what is allowed.
    pub fn parse(text: &str) -> Result<Measure, String> {
        Measure::ALL
            .into_iter()
            .find(|m| m.key() == text.trim())
            .ok_or_else(|| {
                format!(
                    "--measure {:?} must be one of: {}",
                    crate::format::short(text, crate::format::QUOTED),
                    Measure::ALL.map(Measure::key).join(", ")
                )
            })
    }

    /// What a table's header says of the measure (English).
    pub fn header(self) -> &'static str {
        match self {
            Measure::Error => "final |error| (°)",
            Measure::Executed => "reaches executed (fraction)",
            Measure::Reward => "mean reward",
            Measure::Reach => "reach time (ms)",
            Measure::Adapt => "trials to adapt",
            Measure::Regime => "regime",
        }
    }

    /// The measure's number for `outcome` (`None`: a diverged run, a run with no reach to time,
    /// an outcome written before the measure existed, or the regime, which is no number).
    pub fn value(self, o: &Outcome) -> Option<f64> {
        if o.diverged.is_some() {
            return None;
        }
        match self {
            Measure::Error => Some(o.final_error),
            Measure::Executed => Some(o.executed),
            Measure::Reward => o.reward,
            Measure::Reach => o.reach_ms,
            Measure::Adapt => o
                .regime
                .map(|_| o.adapt_trials.map_or(f64::from(o.trials), f64::from)),
            Measure::Regime => None,
        }
    }

    /// Where `v` sits between the measure's best (0) and worst (1), for a map's colours.
    pub fn badness(self, v: f64, trials: u32) -> f64 {
        let t = match self {
            Measure::Error => v / 40.0,
            Measure::Executed | Measure::Reward => 1.0 - v,
            Measure::Reach => (v - 100.0) / 300.0,
            Measure::Adapt => v / f64::from(trials.max(1)),
            Measure::Regime => 0.0,
        };
        t.clamp(0.0, 1.0)
    }

    /// Decimals a table shows the measure with.
    pub fn decimals(self) -> usize {
        match self {
            Measure::Error => 2,
            Measure::Executed | Measure::Reward => 3,
            Measure::Reach | Measure::Adapt | Measure::Regime => 0,
        }
    }
}
