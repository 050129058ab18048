//! The paper's claims (docs/model.md, C1–C5) as measurements on fixed seeds, each compared with its
//! threshold. The CLI's `bgloop claims` prints them; the tests assert them.

use crate::config::Config;
use crate::experiment::{Divergence, Simulation, TrialOptions};
use crate::format::num;
use crate::math;
use crate::network::Population;
use crate::presets;
use crate::record::TrialRecord;

/// Why a claim (or phenomenon) could not be measured.
#[derive(Debug, thiserror::Error)]
pub enum ClaimError {
    /// A run diverged.
    #[error(transparent)]
    Diverged(#[from] Divergence),
    /// A measurement's own configuration was invalid: a bug in the measurement, not the user's.
    #[error("a measurement's configuration is invalid (a bug in bgloop): {0}")]
    Config(#[from] crate::ConfigErrors),
    /// A probe reach recorded nothing to measure.
    #[error("a probe reach recorded no {0} to measure")]
    Probe(&'static str),
}

/// One measured quantity of a claim and its verdict.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Check {
    /// Claim id: C1…C5, with the time step if not 0.5 ms (e.g. `C2@dt1`).
    pub claim: String,
    /// What was measured.
    pub what: String,
    /// The measured value.
    pub measured: f64,
    /// A text of the measured value (may add detail such as a range over seeds).
    pub shown: String,
    /// The threshold, in words (`≥ 0.95`, `in [0.8, 1.3]`).
    pub threshold: String,
    /// Whether the measurement meets the threshold.
    pub pass: bool,
}

/// A threshold a measurement is compared with.
#[derive(Clone, Copy, Debug)]
pub enum Bound {
    /// At least this.
    AtLeast(f64),
    /// At most this.
    AtMost(f64),
    /// Within [lo, hi].
    Within(f64, f64),
}

impl Bound {
    fn holds(self, x: f64) -> bool {
        match self {
            Bound::AtLeast(t) => x >= t,
            Bound::AtMost(t) => x <= t,
            Bound::Within(lo, hi) => x >= lo && x <= hi,
        }
    }

    fn text(self) -> String {
        match self {
            Bound::AtLeast(t) => format!("≥ {}", num(t)),
            Bound::AtMost(t) => format!("≤ {}", num(t)),
            Bound::Within(lo, hi) => format!("in [{}, {}]", num(lo), num(hi)),
        }
    }
}

pub(crate) fn check(claim: &str, what: &str, measured: f64, shown: String, bound: Bound) -> Check {
    Check {
        claim: claim.to_string(),
        what: what.to_string(),
        measured,
        shown,
        threshold: bound.text(),
        pass: bound.holds(measured),
    }
}

/// A check on every seed: the seed furthest from `bound` is measured, the range is shown.
pub(crate) fn every_seed(
    claim: &str,
    what: &str,
    values: &[f64],
    digits: usize,
    bound: Bound,
) -> Check {
    if values.iter().any(|v| v.is_nan()) {
        // A seed that could not be measured fails the check (and shows as NaN).
        return check(claim, what, f64::NAN, range_text(values, digits), bound);
    }
    let lowest = values.iter().copied().fold(f64::INFINITY, f64::min);
    let highest = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let worst = match bound {
        Bound::AtLeast(_) => lowest,
        Bound::AtMost(_) => highest,
        Bound::Within(lo, hi) => {
            if (lowest - lo).min(0.0).abs() >= (highest - hi).max(0.0) && lowest < lo {
                lowest
            } else if highest > hi {
                highest
            } else {
                mean(values.iter().copied())
            }
        }
    };
    check(claim, what, worst, range_text(values, digits), bound)
}

pub(crate) fn plain(claim: &str, what: &str, measured: f64, bound: Bound) -> Check {
    check(claim, what, measured, format!("{measured:.3}"), bound)
}

/// How the claims are run.
#[derive(Clone, Copy, Debug)]
pub struct ClaimOptions {
    /// Seeds per condition for C1 and C2 (docs/model.md: 5).
    pub seeds: u32,
    /// Seeds per condition for C5 (docs/model.md: 3).
    pub babbling_seeds: u32,
    /// Time step, ms.
    pub dt_ms: f64,
}

impl Default for ClaimOptions {
    fn default() -> Self {
        ClaimOptions {
            seeds: 5,
            babbling_seeds: 3,
            dt_ms: 0.5,
        }
    }
}

impl ClaimOptions {
    fn label(&self, claim: &str) -> String {
        if self.dt_ms == 0.5 {
            claim.to_string()
        } else {
            format!("{claim}@dt{}", num(self.dt_ms))
        }
    }

    fn seed_list(&self, count: u32) -> Vec<u64> {
        (1..=u64::from(count.max(1))).collect()
    }
}

/// Runs `f` for each item, on all cores natively (one thread per item, in order of results).
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = items.len().div_ceil(workers.max(1)).max(1);
        std::thread::scope(|s| {
            let handles: Vec<_> = items
                .chunks(chunk)
                .map(|part| s.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        items.iter().map(f).collect()
    }
}

pub(crate) fn preset_config(name: &str, seed: u64, dt_ms: f64) -> Config {
    let mut c = presets::preset(name)
        .and_then(|p| p.config().ok())
        .unwrap_or_default();
    c.seed = seed;
    c.dt_ms = dt_ms;
    c
}

fn probe(gpi: Option<f64>) -> TrialOptions {
    TrialOptions {
        learn: false,
        gpi_output: gpi,
        ..TrialOptions::default()
    }
}

fn probes(
    sim: &mut Simulation,
    count: usize,
    options: TrialOptions,
) -> Result<Vec<TrialRecord>, Divergence> {
    (0..count).map(|_| sim.run_trial_with(options)).collect()
}

pub(crate) fn mean(xs: impl IntoIterator<Item = f64>) -> f64 {
    let (s, n) = xs
        .into_iter()
        .fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        f64::NAN
    } else {
        s / n as f64
    }
}

/// The median of `v` (NaN when empty).
pub(crate) fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.is_empty() {
        f64::NAN
    } else if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

fn abs_errors(records: &[TrialRecord]) -> Vec<f64> {
    records.iter().map(|r| r.error_deg.abs()).collect()
}

fn executed_fraction(records: &[TrialRecord]) -> f64 {
    mean(records.iter().map(|r| f64::from(u8::from(r.executed))))
}

fn amplitude(records: &[TrialRecord]) -> f64 {
    mean(records.iter().map(|r| r.amplitude))
}

/// The first trial count at which the running mean of |error| over `window` trials drops below
/// `threshold` degrees (`None`: never).
pub fn trials_to_criterion(abs_error: &[f64], threshold: f64, window: usize) -> Option<usize> {
    if abs_error.len() < window || window == 0 {
        return None;
    }
    let mut sum: f64 = abs_error[..window].iter().sum();
    for i in 0..=abs_error.len() - window {
        if i > 0 {
            sum += abs_error[i + window - 1] - abs_error[i - 1];
        }
        if sum / (window as f64) < threshold {
            return Some(i + window);
        }
    }
    None
}

/// The worst value, then the range: `5.8 (3.5–5.8)`.
fn worst_text(worst: f64, values: &[f64]) -> String {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{worst:.1} ({lo:.1}–{hi:.1})")
}

/// The mean, then the range: `4.2 (3.5–5.8)`.
pub(crate) fn range_text(values: &[f64], digits: usize) -> String {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!(
        "{:.d$} ({:.d$}–{:.d$})",
        mean(values.iter().copied()),
        lo,
        hi,
        d = digits
    )
}

/// Mean |error| of the last 50 trials a run made (how well it had adapted).
fn adapted_error(sim: &Simulation) -> f64 {
    let h = sim.history();
    mean(abs_errors(&h[h.len().saturating_sub(50)..]))
}

/// C1's figures on one seed: fraction executed and amplitude off/on with GPi off after 400
/// trials, the error before (the worse of the plain and the consolidated run), and the error with
/// GPi off without and with consolidation.
fn gpi_off_seed(seed: u64, dt_ms: f64) -> Result<[f64; 5], ClaimError> {
    let mut sim = Simulation::from_config(preset_config("rotation", seed, dt_ms))?;
    sim.run_trials(400)?;
    let adapted = adapted_error(&sim);
    let off = probes(&mut sim, 10, probe(Some(0.0)))?;
    let on = probes(&mut sim, 10, probe(None))?;
    let mut cons_config = preset_config("rotation", seed, dt_ms);
    cons_config.consolidation_rate = 0.003;
    let mut cons = Simulation::from_config(cons_config)?;
    cons.run_trials(800)?;
    let cons_adapted = adapted_error(&cons);
    let cons_off = probes(&mut cons, 10, probe(Some(0.0)))?;
    Ok([
        executed_fraction(&off),
        amplitude(&off) / amplitude(&on),
        adapted.max(cons_adapted),
        mean(abs_errors(&off)),
        mean(abs_errors(&cons_off)),
    ])
}

/// C1: execution without BG output, and its rescue by consolidation — on every seed, each of
/// which must have adapted before GPi is switched off.
pub fn execution_without_gpi(opts: &ClaimOptions) -> Result<Vec<Check>, ClaimError> {
    let seeds = opts.seed_list(opts.seeds);
    let runs = par_map(&seeds, |&seed| gpi_off_seed(seed, opts.dt_ms))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    let col = |k: usize| runs.iter().map(|r| r[k]).collect::<Vec<f64>>();
    let id = opts.label("C1");
    Ok(vec![
        every_seed(
            &id,
            "GPi off after 400 trials: fraction of reaches executed (every seed)",
            &col(0),
            3,
            Bound::AtLeast(0.95),
        ),
        every_seed(
            &id,
            "GPi off: amplitude off/on (every seed)",
            &col(1),
            3,
            Bound::Within(0.8, 1.3),
        ),
        every_seed(
            &id,
            "adapted before GPi off: |error| over the last 50 trials (°, every seed)",
            &col(2),
            1,
            Bound::AtMost(10.0),
        ),
        every_seed(
            &id,
            "GPi off: mean |error| (°), adaptation lost (every seed)",
            &col(3),
            1,
            Bound::AtLeast(20.0),
        ),
        every_seed(
            &id,
            "consolidation 0.003, 800 trials, GPi off: mean |error| (°, every seed)",
            &col(4),
            1,
            Bound::AtMost(8.0),
        ),
    ])
}

struct AdaptRun {
    naive_executed: f64,
    naive_amplitude: f64,
    final_error: f64,
    criterion: Option<usize>,
}

fn adapt_run(
    seed: u64,
    loop_strength: f64,
    binary: bool,
    dt_ms: f64,
) -> Result<AdaptRun, ClaimError> {
    let mut c = preset_config("rotation", seed, dt_ms);
    c.loop_strength = loop_strength;
    if !binary {
        c.reward = crate::RewardKind::Graded;
    }
    let mut sim = Simulation::from_config(c)?;
    let naive = probes(&mut sim, 10, probe(None))?;
    let trials: Vec<TrialRecord> = (0..400)
        .map(|_| sim.run_trial())
        .collect::<Result<_, _>>()?;
    let errors = abs_errors(&trials);
    Ok(AdaptRun {
        naive_executed: executed_fraction(&naive),
        naive_amplitude: amplitude(&naive),
        final_error: mean(errors[errors.len() - 50..].iter().copied()),
        criterion: trials_to_criterion(&errors, 10.0, 20),
    })
}

fn median_criterion(runs: &[AdaptRun]) -> f64 {
    let mut v: Vec<f64> = runs
        .iter()
        .map(|r| r.criterion.map_or(f64::INFINITY, |t| t as f64))
        .collect();
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

fn criterion_text(t: Option<usize>) -> String {
    t.map_or("never".into(), |t| t.to_string())
}

/// C2's runs, each seed in each condition: binary λ 1, binary λ 0.25, graded λ 1, graded λ 0.25.
fn loop_strength_runs(opts: &ClaimOptions) -> Result<[Vec<AdaptRun>; 4], ClaimError> {
    let seeds = opts.seed_list(opts.seeds);
    let mut jobs = Vec::new();
    for binary in [true, false] {
        for lam in [1.0, 0.25] {
            for &s in &seeds {
                jobs.push((s, lam, binary));
            }
        }
    }
    let mut results = par_map(&jobs, |&(s, lam, binary)| {
        adapt_run(s, lam, binary, opts.dt_ms)
    })
    .into_iter()
    .collect::<Result<Vec<_>, _>>()?;
    let k = seeds.len();
    let graded_weak = results.split_off(3 * k);
    let graded_strong = results.split_off(2 * k);
    let weak = results.split_off(k);
    Ok([results, weak, graded_strong, graded_weak])
}

/// C2: adaptation needs a strong loop; execution does not.
pub fn adaptation_needs_a_strong_loop(opts: &ClaimOptions) -> Result<Vec<Check>, ClaimError> {
    let [strong, weak, graded_strong, graded_weak] = loop_strength_runs(opts)?;
    let (strong, weak) = (&strong[..], &weak[..]);
    let id = opts.label("C2");
    let worst_criterion = strong
        .iter()
        .map(|r| r.criterion.map_or(f64::INFINITY, |t| t as f64))
        .fold(0.0, f64::max);
    let criteria: Vec<String> = strong.iter().map(|r| criterion_text(r.criterion)).collect();
    let finals: Vec<f64> = strong.iter().map(|r| r.final_error).collect();
    let weak_finals: Vec<f64> = weak.iter().map(|r| r.final_error).collect();
    let naive_exec = strong
        .iter()
        .chain(weak)
        .map(|r| r.naive_executed)
        .fold(f64::INFINITY, f64::min);
    let amp_ratio = mean(weak.iter().map(|r| r.naive_amplitude))
        / mean(strong.iter().map(|r| r.naive_amplitude));
    Ok(vec![
        check(
            &id,
            "λ = 1, binary: trials to 20-trial mean |error| < 10° (worst seed)",
            worst_criterion,
            criteria.join(", "),
            Bound::AtMost(100.0),
        ),
        check(
            &id,
            "λ = 1, binary: final |error| (°, last 50 trials, worst seed)",
            finals.iter().copied().fold(0.0, f64::max),
            worst_text(finals.iter().copied().fold(0.0, f64::max), &finals),
            Bound::AtMost(7.0),
        ),
        check(
            &id,
            "λ = 0.25, binary: final |error| (°, worst seed)",
            weak_finals.iter().copied().fold(f64::INFINITY, f64::min),
            worst_text(
                weak_finals.iter().copied().fold(f64::INFINITY, f64::min),
                &weak_finals,
            ),
            Bound::AtLeast(20.0),
        ),
        plain(
            &id,
            "naive reaches executed (lowest over λ)",
            naive_exec,
            Bound::AtLeast(0.9),
        ),
        plain(
            &id,
            "naive amplitude λ 0.25 / λ 1",
            amp_ratio,
            Bound::Within(0.75, 1.35),
        ),
        graded_slowdown(&id, &graded_strong, &graded_weak),
    ])
}

/// C2's graded row: a weak loop takes at least three times as many trials to reach criterion.
fn graded_slowdown(id: &str, strong: &[AdaptRun], weak: &[AdaptRun]) -> Check {
    let (ms, mw) = (median_criterion(strong), median_criterion(weak));
    let ratio = mw / ms;
    let finite = |x: f64, text: String, otherwise: &str| {
        if x.is_finite() {
            text
        } else {
            otherwise.to_string()
        }
    };
    check(
        id,
        "graded: median trials to criterion λ 0.25 / λ 1",
        ratio,
        format!(
            "{} ({} vs {})",
            finite(ratio, format!("{ratio:.2}"), "∞"),
            finite(mw, num(mw), "never"),
            num(ms)
        ),
        Bound::AtLeast(3.0),
    )
}

/// Circular standard deviation of angles in degrees: √(−2 ln R).
pub fn circular_sd_deg(angles_deg: &[f64]) -> f64 {
    let (c, s) = angles_deg.iter().fold((0.0, 0.0), |(c, s), a| {
        (
            c + math::cos(math::to_rad(*a)),
            s + math::sin(math::to_rad(*a)),
        )
    });
    let r = math::hypot(c, s) / angles_deg.len().max(1) as f64;
    math::to_deg(math::sqrt(-2.0 * math::ln(r.max(1e-300))))
}

/// C3: the cortical attractor holds the plan; without it the reach direction is random.
pub fn attractor_holds_the_plan(opts: &ClaimOptions) -> Result<Vec<Check>, ClaimError> {
    let late_amplitude = |recurrence: f64| -> Result<f64, ClaimError> {
        let mut c = preset_config("attractor", 1, opts.dt_ms);
        c.cortical_recurrence = recurrence;
        let mut sim = Simulation::from_config(c)?;
        let options = TrialOptions {
            run_to_end: true,
            ..probe(Some(0.0))
        };
        let mut amps = Vec::new();
        for _ in 0..8 {
            sim.run_trial_with(options)?;
            let (x, y) = sim.network().population_vector();
            amps.push(math::hypot(x, y) / sim.network().n() as f64);
        }
        Ok(mean(amps))
    };
    let strong = late_amplitude(3.0)?;
    let weak = late_amplitude(1.0)?;
    let mut c = preset_config("attractor", 1, opts.dt_ms);
    c.cortical_recurrence = 1.0;
    let mut sim = Simulation::from_config(c)?;
    let dirs: Vec<f64> = probes(&mut sim, 8, probe(None))?
        .iter()
        .map(|r| r.hand_deg)
        .collect();
    let id = opts.label("C3");
    Ok(vec![
        plain(
            &id,
            "GPi off, J₁ = 3: |z|/N at the trial's end (600 ms)",
            strong,
            Bound::AtLeast(0.03),
        ),
        plain(
            &id,
            "GPi off, J₁ = 1: |z|/N at the trial's end (600 ms)",
            weak,
            Bound::AtMost(0.005),
        ),
        check(
            &id,
            "GPi on, J₁ = 1: circular SD of reach direction over 8 trials (°)",
            circular_sd_deg(&dirs),
            format!("{:.1}", circular_sd_deg(&dirs)),
            Bound::AtLeast(45.0),
        ),
    ])
}

/// What a dynamics probe measured.
#[derive(Clone, Copy, Debug)]
pub struct LoopDynamics {
    /// GPi selectivity (max − min)/mean of the time-averaged GPi profile.
    pub selectivity: f64,
    /// SD of GPi activity at the cortical bump's peak.
    pub sd: f64,
    /// Spectral peak of that activity, Hz.
    pub peak_hz: f64,
    /// Fraction of its power between 5 and 40 Hz.
    pub band_fraction: f64,
}

impl LoopDynamics {
    /// The docs/model.md criterion for an oscillation: SD > 0.02 and most power in 5–40 Hz.
    pub fn oscillating(&self) -> bool {
        self.sd > 0.02 && self.band_fraction > 0.5
    }
}

/// Runs the dynamics preset at (λ, DA) and analyses GPi after 500 ms.
pub fn loop_dynamics(
    loop_strength: f64,
    dopamine: f64,
    dt_ms: f64,
) -> Result<LoopDynamics, ClaimError> {
    let mut c = preset_config("dynamics", 3, dt_ms);
    c.loop_strength = loop_strength;
    c.dopamine = dopamine;
    let mut sim = Simulation::from_config(c)?;
    probe_rhythm(&mut sim)
}

/// What a probe of the loop's rhythm changes of a run's settings (those of the `dynamics`
/// preset): no exploration noise, no learning, no movement, 1.5 s — so what is measured is the
/// loop's own dynamics at the run's loop strength, dopamine and other settings.
pub const RHYTHM_PROBE: &[(&str, &str)] = &[
    ("exploration_noise", "0"),
    ("learning_rate", "0"),
    ("cue_learning_rate", "0"),
    ("go_ms", "3000"),
    ("trial_ms", "1500"),
];

/// Whether the loop at `config`'s settings oscillates (claim C4's probe and criterion, with
/// [`RHYTHM_PROBE`] over the settings): what a sweep's regime `oscillating` reads.
pub fn probe_rhythm_of(config: &Config) -> Result<LoopDynamics, ClaimError> {
    let mut c = config.clone();
    c.apply(RHYTHM_PROBE.iter().copied())?;
    let mut sim = Simulation::from_config(c)?;
    probe_rhythm(&mut sim)
}

/// A probe of the loop's rhythm on `sim` as it stands: one trial run to its end without
/// learning, its GPi analysed after 500 ms at the cortical bump's peak (claim C4's measure). The
/// simulation's traces are left off afterwards.
pub fn probe_rhythm(sim: &mut Simulation) -> Result<LoopDynamics, ClaimError> {
    sim.record_traces(Some(1.0));
    let ran = sim.run_trial_with(TrialOptions {
        run_to_end: true,
        ..probe(None)
    });
    let dynamics = ran.map(|_| rhythm_of(sim.trace()));
    sim.record_traces(None);
    Ok(dynamics?)
}

/// The rhythm of GPi in a trace (see [`probe_rhythm`]).
fn rhythm_of(t: &crate::experiment::Trace) -> LoopDynamics {
    let n = t.n;
    let samples: Vec<usize> = (0..t.len()).filter(|&k| t.time_ms[k] >= 500.0).collect();
    let count = samples.len().max(1) as f64;
    let mut gpi_mean = vec![0.0; n];
    let mut ctx_mean = vec![0.0; n];
    for &k in &samples {
        for i in 0..n {
            gpi_mean[i] += f64::from(t.ring(k, Population::Gpi)[i]) / count;
            ctx_mean[i] += f64::from(t.ring(k, Population::Cortex)[i]) / count;
        }
    }
    let peak = (0..n).fold(0, |b, i| if ctx_mean[i] > ctx_mean[b] { i } else { b });
    let gmax = gpi_mean.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let gmin = gpi_mean.iter().copied().fold(f64::INFINITY, f64::min);
    let gavg = mean(gpi_mean.iter().copied());
    let x: Vec<f64> = samples
        .iter()
        .map(|&k| f64::from(t.ring(k, Population::Gpi)[peak]) - gpi_mean[peak])
        .collect();
    let sd = math::sqrt(mean(x.iter().map(|v| v * v)));
    let (peak_hz, band_fraction) = spectrum_peak(&x, t.every_ms);
    LoopDynamics {
        selectivity: (gmax - gmin) / gavg,
        sd,
        peak_hz,
        band_fraction,
    }
}

/// Hann-windowed power spectrum of `x` sampled every `dt_ms`: the peak frequency (Hz, DC
/// excluded) and the fraction of power between 5 and 40 Hz.
pub fn spectrum_peak(x: &[f64], dt_ms: f64) -> (f64, f64) {
    let m = x.len();
    if m < 4 {
        return (0.0, 0.0);
    }
    let w: Vec<f64> = (0..m)
        .map(|i| {
            let h = 0.5 - 0.5 * math::cos(std::f64::consts::TAU * i as f64 / (m - 1) as f64);
            h * x[i]
        })
        .collect();
    let df = 1000.0 / (m as f64 * dt_ms);
    let (mut best, mut best_p, mut total, mut band) = (0.0, -1.0, 0.0, 0.0);
    for k in 1..=m / 2 {
        let (mut re, mut im) = (0.0, 0.0);
        for (i, v) in w.iter().enumerate() {
            let phase = std::f64::consts::TAU * ((k * i) % m) as f64 / m as f64;
            re += v * math::cos(phase);
            im -= v * math::sin(phase);
        }
        let p = re * re + im * im;
        let f = k as f64 * df;
        total += p;
        if (5.0..=40.0).contains(&f) {
            band += p;
        }
        if p > best_p {
            best_p = p;
            best = f;
        }
    }
    (best, if total > 0.0 { band / total } else { 0.0 })
}

/// C4: selective bump at normal dopamine, ~10 Hz oscillation at low dopamine with a strong loop.
pub fn loop_selection_and_oscillation(opts: &ClaimOptions) -> Result<Vec<Check>, ClaimError> {
    let combos = [(1.0, 1.0), (1.0, 0.7), (1.0, 0.2), (0.5, 0.2)];
    let r = par_map(&combos, |&(l, d)| loop_dynamics(l, d, opts.dt_ms))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    let id = opts.label("C4");
    Ok(vec![
        plain(
            &id,
            "λ 1, DA 1: GPi selectivity (max − min)/mean",
            r[0].selectivity,
            Bound::AtLeast(1.0),
        ),
        check(
            &id,
            "λ 1, DA 1: oscillation (1 = yes)",
            f64::from(u8::from(r[0].oscillating())),
            format!(
                "{} (SD {:.3})",
                if r[0].oscillating() { "yes" } else { "no" },
                r[0].sd
            ),
            Bound::AtMost(0.0),
        ),
        plain(
            &id,
            "λ 1, DA 0.7: GPi selectivity",
            r[1].selectivity,
            Bound::AtMost(0.6),
        ),
        plain(
            &id,
            "λ 1, DA 0.2: SD of GPi at the bump",
            r[2].sd,
            Bound::AtLeast(0.05),
        ),
        check(
            &id,
            "λ 1, DA 0.2: spectral peak (Hz)",
            r[2].peak_hz,
            format!("{:.1}", r[2].peak_hz),
            Bound::Within(6.0, 16.0),
        ),
        plain(
            &id,
            "λ 0.5, DA 0.2: SD of GPi at the bump",
            r[3].sd,
            Bound::AtMost(0.02),
        ),
    ])
}

fn hit(r: &TrialRecord) -> bool {
    r.executed && r.error_deg.abs() < 15.0
}

fn hit_rate(records: &[TrialRecord]) -> f64 {
    mean(records.iter().map(|r| f64::from(u8::from(hit(r)))))
}

/// Probe reaches (no learning) to every target in turn, `rounds` times, with GPi output `gpi`.
fn target_sweep(
    sim: &mut Simulation,
    gpi: f64,
    rounds: usize,
) -> Result<Vec<TrialRecord>, ClaimError> {
    let targets = sim.config().targets;
    let mut out = Vec::new();
    for _ in 0..rounds {
        for t in 0..targets {
            out.push(sim.run_trial_with(TrialOptions {
                target: Some(t),
                ..probe(Some(gpi))
            })?);
        }
    }
    Ok(out)
}

/// Trials of babbling before the hit rate is measured (the last 100 of them).
const BABBLING_TRIALS: usize = 600;

/// C5's figures on one seed, with or without consolidation: the naive hit rate, the hit rate over
/// trials 501–600, and the hit rate with GPi off after babbling.
fn babbling_seed(seed: u64, consolidate: bool, dt_ms: f64) -> Result<(f64, f64, f64), ClaimError> {
    let mut c = preset_config("babbling", seed, dt_ms);
    if consolidate {
        c.consolidation_rate = 0.003;
    }
    let gpi = c.gpi_output;
    let mut sim = Simulation::from_config(c)?;
    // Naive: probe reaches before any learning, 10 to each target.
    let naive = target_sweep(&mut sim.clone(), gpi, 10)?;
    let trials = if consolidate { 1500 } else { BABBLING_TRIALS };
    let rec: Vec<TrialRecord> = (0..trials)
        .map(|_| sim.run_trial())
        .collect::<Result<_, _>>()?;
    let off = target_sweep(&mut sim, 0.0, 3)?;
    Ok((
        hit_rate(&naive),
        hit_rate(&rec[BABBLING_TRIALS - 100..BABBLING_TRIALS]),
        hit_rate(&off),
    ))
}

/// C5: motor babbling turns random reaches into target-directed ones.
pub fn babbling_learns_to_reach(opts: &ClaimOptions) -> Result<Vec<Check>, ClaimError> {
    let seeds = opts.seed_list(opts.babbling_seeds);
    let mut jobs: Vec<(u64, bool)> = seeds.iter().map(|&s| (s, false)).collect();
    jobs.extend(seeds.iter().map(|&s| (s, true)));
    let runs = par_map(&jobs, |&(seed, consolidate)| {
        babbling_seed(seed, consolidate, opts.dt_ms)
    })
    .into_iter()
    .collect::<Result<Vec<_>, _>>()?;
    let k = seeds.len();
    let (plain_runs, cons_runs) = (&runs[..k], &runs[k..]);
    let col = |runs: &[(f64, f64, f64)], f: fn(&(f64, f64, f64)) -> f64| {
        runs.iter().map(f).collect::<Vec<f64>>()
    };
    let id = opts.label("C5");
    Ok(vec![
        every_seed(
            &id,
            "naive hit rate (|e| < 15°, 80 reaches before learning, every seed)",
            &col(plain_runs, |r| r.0),
            3,
            Bound::AtMost(0.15),
        ),
        every_seed(
            &id,
            "hit rate, trials 501–600 (every seed)",
            &col(plain_runs, |r| r.1),
            3,
            Bound::AtLeast(0.75),
        ),
        every_seed(
            &id,
            "after 600 trials, GPi off: hit rate (every seed)",
            &col(plain_runs, |r| r.2),
            3,
            Bound::AtMost(0.2),
        ),
        every_seed(
            &id,
            "consolidation 0.003: hit rate, trials 501–600 (every seed)",
            &col(cons_runs, |r| r.1),
            3,
            Bound::AtLeast(0.75),
        ),
        every_seed(
            &id,
            "consolidation 0.003, 1500 trials, GPi off: hit rate (every seed)",
            &col(cons_runs, |r| r.2),
            3,
            Bound::AtLeast(0.8),
        ),
    ])
}

/// Which claims to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// Execution without BG output.
    C1,
    /// Adaptation needs a strong loop.
    C2,
    /// The attractor holds the plan.
    C3,
    /// Loop dynamics.
    C4,
    /// Babbling.
    C5,
}

/// Runs one claim.
pub fn run(claim: Claim, opts: &ClaimOptions) -> Result<Vec<Check>, ClaimError> {
    match claim {
        Claim::C1 => execution_without_gpi(opts),
        Claim::C2 => adaptation_needs_a_strong_loop(opts),
        Claim::C3 => attractor_holds_the_plan(opts),
        Claim::C4 => loop_selection_and_oscillation(opts),
        Claim::C5 => babbling_learns_to_reach(opts),
    }
}

/// The full suite of docs/model.md: C1–C5 at 0.5 ms, and C2, C4 again at 1 ms.
pub fn run_all(seeds: Option<u32>) -> Result<Vec<Check>, ClaimError> {
    let base = ClaimOptions {
        seeds: seeds.unwrap_or(5),
        babbling_seeds: seeds.unwrap_or(3),
        dt_ms: 0.5,
    };
    let coarse = ClaimOptions { dt_ms: 1.0, ..base };
    let mut out = Vec::new();
    for claim in [Claim::C1, Claim::C2, Claim::C3, Claim::C4, Claim::C5] {
        out.extend(run(claim, &base)?);
    }
    out.extend(run(Claim::C2, &coarse)?);
    out.extend(run(Claim::C4, &coarse)?);
    Ok(out)
}

/// The claims table as aligned text.
pub fn table(checks: &[Check]) -> String {
    let w = checks
        .iter()
        .map(|c| c.what.chars().count())
        .max()
        .unwrap_or(10);
    let mut out = format!(
        "{:<8} {:<w$}  {:>22}  {:>14}  result\n",
        "claim", "measured", "value", "threshold"
    );
    for c in checks {
        let pad = w - c.what.chars().count();
        out.push_str(&format!(
            "{:<8} {}{}  {:>22}  {:>14}  {}\n",
            c.claim,
            c.what,
            " ".repeat(pad),
            c.shown,
            c.threshold,
            if c.pass { "PASS" } else { "FAIL" }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criterion_is_the_end_of_the_first_good_window() {
        let mut e = vec![30.0; 50];
        e.extend(vec![2.0; 50]);
        // The window ending at trial t has (t − 50) good trials: mean < 10 once 30·(20−g) + 2g < 200.
        assert_eq!(trials_to_criterion(&e, 10.0, 20), Some(65));
        assert_eq!(trials_to_criterion(&[30.0; 100], 10.0, 20), None);
    }

    #[test]
    fn spectrum_finds_a_sine() {
        let x: Vec<f64> = (0..1000)
            .map(|i| math::sin(std::f64::consts::TAU * 10.0 * i as f64 / 1000.0))
            .collect();
        let (f, band) = spectrum_peak(&x, 1.0);
        assert!((f - 10.0).abs() < 1.01, "{f}");
        assert!(band > 0.9);
    }

    #[test]
    fn circular_sd_of_equal_and_spread_angles() {
        assert!(circular_sd_deg(&[10.0, 10.0, 10.0]) < 1e-6);
        assert!(circular_sd_deg(&[0.0, 90.0, 180.0, 270.0]) > 100.0);
    }

    #[test]
    fn a_check_on_every_seed_measures_the_worst_seed_and_fails_on_a_missing_one() {
        let c = every_seed("X", "x", &[0.9, 0.7, 0.99], 2, Bound::AtLeast(0.75));
        assert!(!c.pass, "the seed at 0.7 fails it although the mean passes");
        assert_eq!(c.measured, 0.7);
        let c = every_seed("X", "x", &[3.0, 9.0], 1, Bound::AtMost(8.0));
        assert!(!c.pass);
        assert_eq!(c.measured, 9.0);
        let c = every_seed("X", "x", &[1.0, f64::NAN], 1, Bound::AtMost(8.0));
        assert!(!c.pass, "a seed that could not be measured fails");
        let c = every_seed("X", "x", &[0.9, 1.2], 3, Bound::Within(0.8, 1.3));
        assert!(c.pass);
        let c = every_seed("X", "x", &[0.7, 1.2], 3, Bound::Within(0.8, 1.3));
        assert!(!c.pass);
    }
}
