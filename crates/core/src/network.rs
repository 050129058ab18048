//! The five rings — cortex, striatum, STN, GPi/SNr, thalamus — their delays and one integration step.
//!
//! Each ring holds N threshold-linear rate units, τ dx/dt = −x + [I]₊, integrated by exponential
//! Euler. Every ring's recent past lives in one contiguous ring buffer of `H` rows; the current state
//! is row `head`, the state `d` steps ago is row `head − d`, and a step writes the new state into
//! row `head + 1` (never read by that step), so no state is copied.

use crate::config::Config;
use crate::math;
use crate::rng::Rng;
use std::f64::consts::TAU;

/// A rate above this (or a non-finite rate) ends the run as divergent.
pub const RATE_LIMIT: f64 = 50.0;

/// The five populations, in the order traces store them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Population {
    /// Motor/premotor cortex: the ring attractor that holds the reach plan.
    Cortex,
    /// Striatum: cortical input through plastic, dopamine-scaled synapses.
    Striatum,
    /// Subthalamic nucleus (hyperdirect pathway).
    Stn,
    /// GPi/SNr: the basal ganglia's inhibitory output.
    Gpi,
    /// Thalamus: relays BG output back to cortex.
    Thalamus,
}

impl Population {
    /// All five, in trace order.
    pub const ALL: [Population; 5] = [
        Population::Cortex,
        Population::Striatum,
        Population::Stn,
        Population::Gpi,
        Population::Thalamus,
    ];

    /// A short lowercase name for catalogs and files (`stn`).
    /// (Its name for people is the catalog's `population-<key>`.)
    pub fn key(self) -> &'static str {
        match self {
            Population::Cortex => "cortex",
            Population::Striatum => "striatum",
            Population::Stn => "stn",
            Population::Gpi => "gpi",
            Population::Thalamus => "thalamus",
        }
    }
}

/// Axonal delays in whole time steps: `round(d / dt)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delays {
    /// Cortex → striatum.
    pub sc: usize,
    /// Striatum → GPi.
    pub gs: usize,
    /// GPi → thalamus.
    pub tg: usize,
    /// Thalamus → cortex.
    pub ct: usize,
    /// Cortex → STN.
    pub nc: usize,
    /// STN → GPi.
    pub gn: usize,
}

impl Delays {
    /// The delays of `config` in steps of `config.dt_ms` (rounded half away from zero).
    pub fn of(config: &Config) -> Self {
        let steps = |ms: f64| (ms / config.dt_ms).round() as usize;
        Delays {
            sc: steps(config.d_sc),
            gs: steps(config.d_gs),
            tg: steps(config.d_tg),
            ct: steps(config.d_ct),
            nc: steps(config.d_nc),
            gn: steps(config.d_gn),
        }
    }

    /// The longest delay.
    pub fn max(&self) -> usize {
        [self.sc, self.gs, self.tg, self.ct, self.nc, self.gn]
            .into_iter()
            .max()
            .unwrap_or(0)
    }
}

/// The resting rates a trial starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rest {
    /// STN: [I_n]₊.
    pub stn: f64,
    /// GPi: [I_g + g_gn·STN]₊.
    pub gpi: f64,
    /// Thalamus T₀: [I_t − g_tg·GPi]₊ (≈ 0.13 by default).
    pub thalamus: f64,
}

impl Rest {
    /// The rest state of `config` (cortex and striatum silent).
    pub fn of(config: &Config) -> Self {
        let stn = config.i_n.max(0.0);
        let gpi = (config.i_g + config.g_gn * stn).max(0.0);
        let thalamus = (config.i_t - config.g_tg * gpi).max(0.0);
        Rest { stn, gpi, thalamus }
    }
}

/// Coefficients of the step, derived once from the config.
#[derive(Clone, Debug)]
struct Coefficients {
    /// 1/N.
    inv_n: f64,
    /// J₀: uniform cortical recurrence.
    j0: f64,
    /// J₁: direction-tuned cortical recurrence.
    j1: f64,
    /// g_ct·λ: gain of the delayed thalamic rate onto cortex.
    thal_gain: f64,
    /// Everything constant in the cortical input: g_ct·T_ref·(1−λ) + I_c + A_ns, I_c = D_c − g_ct·T_ref.
    cortex_bias: f64,
    /// σ_c/√dt: SD of the white noise into cortex per step.
    cortex_noise: f64,
    /// g_nc: cortex → STN.
    g_nc: f64,
    /// I_n: STN background.
    i_n: f64,
    /// g_gs: striatum → GPi inhibition.
    g_gs: f64,
    /// g_gn·(1 − γ): topographic STN → GPi excitation.
    g_gn_local: f64,
    /// g_gn·γ: STN → GPi excitation spread over the ring.
    g_gn_mean: f64,
    /// I_g: GPi background.
    i_g: f64,
    /// σ_g/√dt: SD of the white noise into GPi per step.
    gpi_noise: f64,
    /// g_tg: GPi → thalamus inhibition.
    g_tg: f64,
    /// I_t: thalamic background.
    i_t: f64,
    /// I_s: striatal background.
    i_s: f64,
    /// e^(−dt/τ_ζ): decay of the exploration noise per step.
    ou_decay: f64,
    /// σ_s·√(1 − e^(−2dt/τ_ζ)): its kick per step.
    ou_kick: f64,
    /// σ_s: its stationary SD.
    ou_sd: f64,
    /// e^(−dt/τ) of each ring, in [`Population::ALL`] order.
    decay: [f64; 5],
}

impl Coefficients {
    /// The coefficients of `config`'s step.
    fn of(config: &Config) -> Self {
        let dt = config.dt_ms;
        let lam = config.loop_strength;
        let t_ref = config.reference_thalamus;
        let i_c = config.cortical_drive - config.g_ct * t_ref;
        let ou_decay = math::exp(-dt / config.tau_explore);
        Coefficients {
            inv_n: 1.0 / f64::from(config.ring_size),
            j0: config.cortical_inhibition,
            j1: config.cortical_recurrence,
            thal_gain: config.g_ct * lam,
            cortex_bias: config.g_ct * t_ref * (1.0 - lam) + i_c,
            cortex_noise: config.cortex_noise / math::sqrt(dt),
            g_nc: config.g_nc,
            i_n: config.i_n,
            g_gs: config.g_gs,
            g_gn_local: config.g_gn * (1.0 - config.stn_spread),
            g_gn_mean: config.g_gn * config.stn_spread,
            i_g: config.i_g,
            gpi_noise: config.gpi_noise / math::sqrt(dt),
            g_tg: config.g_tg,
            i_t: config.i_t,
            i_s: config.i_s,
            ou_decay,
            ou_kick: config.exploration_noise * math::sqrt(1.0 - ou_decay * ou_decay),
            ou_sd: config.exploration_noise,
            decay: [
                math::exp(-dt / config.tau_c),
                math::exp(-dt / config.tau_s),
                math::exp(-dt / config.tau_n),
                math::exp(-dt / config.tau_g),
                math::exp(-dt / config.tau_t),
            ],
        }
    }
}

/// The network state: five delay-buffered rings and the striatal exploration noise.
#[derive(Clone, Debug)]
pub struct Network {
    n: usize,
    rows: usize,
    head: usize,
    delays: Delays,
    coef: Coefficients,
    rest: Rest,
    cos: Vec<f64>,
    sin: Vec<f64>,
    /// Ring buffers, `rows × n` each, in [`Population::ALL`] order.
    buf: [Vec<f64>; 5],
    /// Ornstein–Uhlenbeck exploration noise ζ into striatum.
    ou: Vec<f64>,
    /// Cortico-striatal weights for this trial, column-major (`w[j*n + i]` = cortex j → striatum i).
    w: Vec<f64>,
    /// Whether `w` is diagonal this trial (no learned motor map), so W·c needs only n products.
    diagonal: bool,
    /// Cue input to cortex for this trial (K·v).
    cue_cortex: Vec<f64>,
    /// Cue input to striatum for this trial (DA·Q·vˢ).
    cue_striatum: Vec<f64>,
    /// Σc, Σc·cosθ, Σc·sinθ of the current cortical state.
    moments: (f64, f64, f64),
    /// Scratch: this step's white noise into GPi (σ_g/√dt·ξ), zero when that noise is off.
    noise: Vec<f64>,
    /// The widest vector unit this CPU has that [`Network::step`] is compiled for.
    lanes: Lanes,
}

/// Which compilation of [`Network::step`] runs: the portable one (SSE2 natively, SIMD128 in wasm)
/// or one for the wider vector units of x86-64 CPUs, chosen once at run time.
///
/// Every compilation computes the same numbers bit for bit: Rust never fuses a multiply and an add
/// (no FMA contraction) and never reorders a floating-point sum, so wider vectors only do the
/// element-wise work in fewer instructions. The golden runs, the wasm = native tests and
/// `lanes_do_not_change_a_bit` check it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lanes {
    /// The build's own target features.
    Portable,
    /// x86-64 with AVX2 (4 × f64).
    Avx2,
    /// x86-64 with AVX-512F (8 × f64).
    Avx512,
}

impl Lanes {
    /// The widest this CPU supports.
    pub fn detect() -> Self {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512f") {
                return Lanes::Avx512;
            }
            if std::arch::is_x86_feature_detected!("avx2") {
                return Lanes::Avx2;
            }
        }
        Lanes::Portable
    }

    /// A short name for benchmarks: `portable`, `avx2`, `avx512`.
    pub fn label(self) -> &'static str {
        match self {
            Lanes::Portable => "portable",
            Lanes::Avx2 => "avx2",
            Lanes::Avx512 => "avx512",
        }
    }
}

/// A network rate left the safe range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Runaway {
    /// The population whose rate ran away.
    pub population: Population,
    /// The largest rate found (may be NaN or infinite).
    pub rate: f64,
}

impl Network {
    /// A network for `config` (assumed valid), at rest.
    pub fn new(config: &Config) -> Self {
        let n = config.ring_size as usize;
        let delays = Delays::of(config);
        let rows = delays.max() + 2;
        let theta: Vec<f64> = (0..n).map(|i| TAU * i as f64 / n as f64).collect();
        let coef = Coefficients::of(config);
        let rest = Rest::of(config);
        let mut net = Network {
            n,
            rows,
            head: 0,
            delays,
            coef,
            rest,
            cos: theta.iter().map(|&t| math::cos(t)).collect(),
            sin: theta.iter().map(|&t| math::sin(t)).collect(),
            buf: std::array::from_fn(|_| vec![0.0; rows * n]),
            ou: vec![0.0; n],
            w: vec![0.0; n * n],
            diagonal: false,
            cue_cortex: vec![0.0; n],
            cue_striatum: vec![0.0; n],
            moments: (0.0, 0.0, 0.0),
            noise: vec![0.0; n],
            lanes: Lanes::detect(),
        };
        net.reset_to_rest();
        net
    }

    /// Takes the coefficients (gains, drives, noise) of `config`, which must differ from the
    /// network's own only in live parameters; the state and the delays are kept. Used at a trial
    /// boundary when a schedule changes a parameter.
    pub fn retune(&mut self, config: &Config) {
        self.coef = Coefficients::of(config);
        self.rest = Rest::of(config);
    }

    /// Units per ring.
    pub fn n(&self) -> usize {
        self.n
    }

    /// The delays in steps.
    pub fn delays(&self) -> Delays {
        self.delays
    }

    /// Puts every ring and its whole history at rest (cortex, striatum 0; STN, GPi, thalamus at
    /// their rest rates); the exploration noise is not touched.
    pub fn reset_to_rest(&mut self) {
        let values = [0.0, 0.0, self.rest.stn, self.rest.gpi, self.rest.thalamus];
        for (b, v) in self.buf.iter_mut().zip(values) {
            b.fill(v);
        }
        self.head = 0;
        self.moments = (0.0, 0.0, 0.0);
        // GPi's white noise is redrawn every step while it is on; when a schedule has switched it
        // off, the last draw must not linger as a fixed offset.
        self.noise.fill(0.0);
    }

    /// Draws the exploration noise from its stationary law (one normal per unit, if it is on).
    pub fn start_noise(&mut self, rng: &mut Rng) {
        if self.coef.ou_sd > 0.0 {
            for z in &mut self.ou {
                *z = self.coef.ou_sd * rng.normal();
            }
        } else {
            self.ou.fill(0.0);
        }
    }

    /// Mutable access to this trial's inputs: cortico-striatal weights (column-major), cue to
    /// cortex, cue to striatum.
    pub fn trial_inputs(&mut self) -> (&mut [f64], &mut [f64], &mut [f64]) {
        (&mut self.w, &mut self.cue_cortex, &mut self.cue_striatum)
    }

    /// Declares whether this trial's cortico-striatal weights are diagonal (the caller knows: no
    /// learned motor map). The striatal input is then computed from the diagonal alone, with the
    /// same result bit for bit: the full product only adds exact zeros to it.
    pub fn set_diagonal_weights(&mut self, diagonal: bool) {
        self.diagonal = diagonal;
    }

    /// The current rates of `population`.
    pub fn rates(&self, population: Population) -> &[f64] {
        let b = &self.buf[population as usize];
        &b[self.head * self.n..(self.head + 1) * self.n]
    }

    /// The cortical population vector z = Σᵢ cᵢ e^{iθᵢ}, as (re, im).
    pub fn population_vector(&self) -> (f64, f64) {
        (self.moments.1, self.moments.2)
    }

    /// The unit directions θᵢ as (cos, sin) tables.
    pub fn directions(&self) -> (&[f64], &[f64]) {
        (&self.cos, &self.sin)
    }

    fn row(&self, delay: usize) -> usize {
        (self.head + self.rows - delay) % self.rows * self.n
    }

    /// The compilation of [`Network::step`] in use.
    pub fn lanes(&self) -> Lanes {
        self.lanes
    }

    /// Uses the given compilation of [`Network::step`] if this CPU supports it (else the portable
    /// one); for benchmarks and the test that they agree.
    pub fn use_lanes(&mut self, lanes: Lanes) {
        let best = Lanes::detect();
        self.lanes = match (lanes, best) {
            (Lanes::Avx512, Lanes::Avx512) => Lanes::Avx512,
            (Lanes::Avx2, Lanes::Avx2 | Lanes::Avx512) => Lanes::Avx2,
            _ => Lanes::Portable,
        };
    }

    /// Advances every ring by one step. `cue` is the cue amplitude a(t), `gpi_output` the GPi output (κ)
    /// strength. Fails if a rate leaves [0, RATE_LIMIT] or is not finite.
    #[inline]
    pub fn step(&mut self, cue: f64, gpi_output: f64, rng: &mut Rng) -> Result<(), Runaway> {
        #[cfg(target_arch = "x86_64")]
        match self.lanes {
            // SAFETY: `lanes` is only ever set to what `Lanes::detect` found on this CPU.
            Lanes::Avx512 => return unsafe { self.step_avx512(cue, gpi_output, rng) },
            // SAFETY: as above.
            Lanes::Avx2 => return unsafe { self.step_avx2(cue, gpi_output, rng) },
            Lanes::Portable => {}
        }
        self.step_portable(cue, gpi_output, rng)
    }

    /// [`Network::step`] compiled for AVX-512F.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    fn step_avx512(&mut self, cue: f64, gpi_output: f64, rng: &mut Rng) -> Result<(), Runaway> {
        self.step_portable(cue, gpi_output, rng)
    }

    /// [`Network::step`] compiled for AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn step_avx2(&mut self, cue: f64, gpi_output: f64, rng: &mut Rng) -> Result<(), Runaway> {
        self.step_portable(cue, gpi_output, rng)
    }

    /// The step itself, inlined into each compilation above.
    #[inline(always)]
    fn step_portable(&mut self, cue: f64, gpi_output: f64, rng: &mut Rng) -> Result<(), Runaway> {
        let n = self.n;
        let at = Slots {
            n,
            cur: self.head * n,
            next: (self.head + 1) % self.rows * n,
        };
        let [r_ct, r_sc, r_nc, r_gs, r_gn, r_tg] = self.delayed_rows();
        let Network {
            coef,
            cos,
            sin,
            buf,
            ou,
            w,
            diagonal,
            cue_cortex,
            cue_striatum,
            moments,
            noise,
            ..
        } = self;
        let [bc, bs, bn, bg, bt] = buf;
        // Each stage writes its own ring's next row and reads other rings' delayed rows; they run
        // in the order the random numbers are drawn.
        let peak = [
            cortex(
                coef,
                (cos, sin),
                *moments,
                cue,
                cue_cortex,
                &bt[r_ct],
                at.split(bc),
                rng,
            ),
            striatum(
                coef,
                ou,
                (w, *diagonal),
                cue_striatum,
                &bc[r_sc],
                at.split(bs),
                rng,
            ),
            stn(coef, &bc[r_nc], at.split(bn)),
            gpi(coef, noise, &bs[r_gs], &bn[r_gn], at.split(bg), rng),
            thalamus(coef, gpi_output, &bg[r_tg], at.split(bt)),
        ];
        *moments = population_moments(&bc[at.next..at.next + n], cos, sin);
        self.head = (self.head + 1) % self.rows;
        check_rates(peak)
    }

    /// The rows each pathway reads this step, by its delay: cortex from thalamus, striatum and
    /// STN from cortex, GPi from striatum and from STN, thalamus from GPi.
    #[inline(always)]
    fn delayed_rows(&self) -> [std::ops::Range<usize>; 6] {
        let (n, d) = (self.n, self.delays);
        let row = |steps: usize| self.row(steps)..self.row(steps) + n;
        [
            row(d.ct),
            row(d.sc),
            row(d.nc),
            row(d.gs),
            row(d.gn),
            row(d.tg),
        ]
    }
}

/// The first population (in stage order) whose peak rate is not a number or over
/// [`RATE_LIMIT`], as a runaway.
#[inline(always)]
fn check_rates(peak: [f64; 5]) -> Result<(), Runaway> {
    match (0..5).find(|&p| peak[p].is_nan() || peak[p] > RATE_LIMIT) {
        None => Ok(()),
        Some(p) => Err(Runaway {
            population: Population::ALL[p],
            rate: peak[p],
        }),
    }
}

/// Where one step reads and writes in a ring buffer: the current row and the next.
#[derive(Clone, Copy)]
struct Slots {
    n: usize,
    cur: usize,
    next: usize,
}

impl Slots {
    /// The current row (read) and the next row (written) of `buf`.
    #[inline(always)]
    fn split(self, buf: &mut [f64]) -> (&[f64], &mut [f64]) {
        rows_mut(buf, self.cur, self.next, self.n)
    }
}

/// Cortex: O(N) recurrence from the ring's first Fourier modes, the loop's thalamic input, the
/// cue and optional fast noise. Returns the peak rate.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn cortex(
    coef: &Coefficients,
    (cos, sin): (&[f64], &[f64]),
    (s0, sc, ss): (f64, f64, f64),
    cue: f64,
    cue_cortex: &[f64],
    thalamus_delayed: &[f64],
    (old, new): (&[f64], &mut [f64]),
    rng: &mut Rng,
) -> f64 {
    let uniform = coef.j0 * s0 * coef.inv_n;
    let jc = coef.j1 * sc * coef.inv_n;
    let js = coef.j1 * ss * coef.inv_n;
    let inputs = new
        .iter_mut()
        .zip(cos.iter().zip(sin.iter()))
        .zip(thalamus_delayed.iter().zip(cue_cortex.iter()));
    for ((x, (&cs, &sn)), (&t, &cc)) in inputs {
        *x = uniform + (jc * cs + js * sn) + coef.thal_gain * t + coef.cortex_bias + cue * cc;
    }
    if coef.cortex_noise > 0.0 {
        for x in new.iter_mut() {
            *x += coef.cortex_noise * rng.normal();
        }
    }
    relax(new, old, coef.decay[0])
}

/// Striatum: plastic cortical input W·c, the target input, the exploration noise. Returns the
/// peak rate.
#[inline(always)]
fn striatum(
    coef: &Coefficients,
    ou: &mut [f64],
    (w, diagonal): (&[f64], bool),
    cue_striatum: &[f64],
    cortex_delayed: &[f64],
    (old, new): (&[f64], &mut [f64]),
    rng: &mut Rng,
) -> f64 {
    let n = new.len();
    if coef.ou_sd > 0.0 {
        for z in ou.iter_mut() {
            *z = *z * coef.ou_decay + coef.ou_kick * rng.normal();
        }
    }
    for ((x, &cs), &z) in new.iter_mut().zip(cue_striatum.iter()).zip(ou.iter()) {
        *x = cs + coef.i_s + z;
    }
    let c_d = cortex_delayed;
    if diagonal {
        // W is diagonal: each sum below would add exact zeros to x + w_ii·c_i, so this is the
        // same number with n products instead of n².
        for (i, (x, &c)) in new.iter_mut().zip(c_d).enumerate() {
            if c != 0.0 {
                *x += w[i * n + i] * c;
            }
        }
        return relax(new, old, coef.decay[1]);
    }
    // W·c, four cortical columns per pass: each sum still adds the columns in order (exactly as
    // one column at a time), but `new` is loaded and stored once per pass.
    let mut j = 0;
    while j + 4 <= n {
        let (c0, c1, c2, c3) = (c_d[j], c_d[j + 1], c_d[j + 2], c_d[j + 3]);
        if c0 != 0.0 || c1 != 0.0 || c2 != 0.0 || c3 != 0.0 {
            let cols = &w[j * n..(j + 4) * n];
            let (w0, rest) = cols.split_at(n);
            let (w1, rest) = rest.split_at(n);
            let (w2, w3) = rest.split_at(n);
            let columns = new
                .iter_mut()
                .zip(w0.iter().zip(w1.iter()))
                .zip(w2.iter().zip(w3.iter()));
            for ((x, (&a, &b)), (&c, &d)) in columns {
                *x = *x + a * c0 + b * c1 + c * c2 + d * c3;
            }
        }
        j += 4;
    }
    for (jj, &cj) in c_d.iter().enumerate().skip(j) {
        if cj != 0.0 {
            for (acc, &wij) in new.iter_mut().zip(&w[jj * n..(jj + 1) * n]) {
                *acc += wij * cj;
            }
        }
    }
    relax(new, old, coef.decay[1])
}

/// STN: the hyperdirect cortical input. Returns the peak rate.
#[inline(always)]
fn stn(coef: &Coefficients, cortex_delayed: &[f64], (old, new): (&[f64], &mut [f64])) -> f64 {
    for (x, &c) in new.iter_mut().zip(cortex_delayed) {
        *x = coef.g_nc * c + coef.i_n;
    }
    relax(new, old, coef.decay[2])
}

/// GPi: striatal inhibition, topographic and diffuse STN excitation, fast noise. Returns the peak
/// rate.
#[inline(always)]
fn gpi(
    coef: &Coefficients,
    noise: &mut [f64],
    striatum_delayed: &[f64],
    stn_delayed: &[f64],
    (old, new): (&[f64], &mut [f64]),
    rng: &mut Rng,
) -> f64 {
    let n_mean = stn_delayed.iter().sum::<f64>() * coef.inv_n;
    let diffuse = coef.g_gn_mean * n_mean + coef.i_g;
    if coef.gpi_noise > 0.0 {
        for x in noise.iter_mut() {
            *x = coef.gpi_noise * rng.normal();
        }
    }
    let inputs = new
        .iter_mut()
        .zip(striatum_delayed)
        .zip(stn_delayed.iter().zip(noise.iter()));
    for ((x, &s), (&nd, &xi)) in inputs {
        *x = -coef.g_gs * s + coef.g_gn_local * nd + diffuse + xi;
    }
    relax(new, old, coef.decay[3])
}

/// Thalamus: disinhibited by GPi pauses; `gpi_output` (κ) scales GPi's output. Returns the peak rate.
#[inline(always)]
fn thalamus(
    coef: &Coefficients,
    gpi_output: f64,
    gpi_delayed: &[f64],
    (old, new): (&[f64], &mut [f64]),
) -> f64 {
    let gain = gpi_output * coef.g_tg;
    for (x, &g) in new.iter_mut().zip(gpi_delayed) {
        *x = coef.i_t - gain * g;
    }
    relax(new, old, coef.decay[4])
}

/// Σc, Σc·cosθ, Σc·sinθ of a cortical state.
#[inline(always)]
fn population_moments(c: &[f64], cos: &[f64], sin: &[f64]) -> (f64, f64, f64) {
    let (mut s0, mut sc, mut ss) = (0.0, 0.0, 0.0);
    for i in 0..c.len() {
        s0 += c[i];
        sc += c[i] * cos[i];
        ss += c[i] * sin[i];
    }
    (s0, sc, ss)
}

/// Exponential Euler for one ring: `new` holds the inputs on entry and the new rates on exit,
/// x ← f + (x_old − f)·e with f = [input]₊. Returns the largest new rate (inputs are finite while
/// every rate stays under [`RATE_LIMIT`], which the caller checks after each step).
#[inline(always)]
fn relax(new: &mut [f64], old: &[f64], decay: f64) -> f64 {
    let mut peak = 0.0f64;
    for (x, &o) in new.iter_mut().zip(old) {
        let f = if *x > 0.0 { *x } else { 0.0 };
        let v = f + (o - f) * decay;
        *x = v;
        peak = if v > peak { v } else { peak };
    }
    peak
}

/// Splits one ring buffer into its current row (read) and next row (written).
fn rows_mut(buf: &mut [f64], cur: usize, next: usize, n: usize) -> (&[f64], &mut [f64]) {
    if cur < next {
        let (a, b) = buf.split_at_mut(next);
        (&a[cur..cur + n], &mut b[..n])
    } else {
        let (a, b) = buf.split_at_mut(cur);
        (&b[..n], &mut a[next..next + n])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiet() -> Config {
        let mut c = Config::default();
        c.exploration_noise = 0.0;
        c.gpi_noise = 0.0;
        c.cortex_noise = 0.0;
        c
    }

    /// Runs 3000 noisy steps with a cue, a full (non-diagonal) weight matrix and the loop on, and
    /// returns every ring's whole history.
    /// The rings after a noisy run with the compilation `lanes` (if this CPU has it), and the
    /// compilation that actually ran.
    fn noisy_run(lanes: Lanes, diagonal: bool) -> (Vec<Vec<f64>>, Lanes) {
        let mut c = Config::default();
        c.ring_size = 50; // not a multiple of 8: the vector loops' remainders run too
        let mut net = Network::new(&c);
        net.use_lanes(lanes);
        let ran = net.lanes();
        let mut rng = Rng::new(11);
        net.start_noise(&mut rng);
        let n = net.n();
        let (w, cue_c, cue_s) = net.trial_inputs();
        for (k, x) in w.iter_mut().enumerate() {
            let (i, j) = (k % n, k / n);
            *x = if diagonal {
                if i == j {
                    1.3
                } else {
                    0.0
                }
            } else {
                0.02 * ((i * 7 + j * 3) % 11) as f64
            };
        }
        for (i, (a, b)) in cue_c.iter_mut().zip(cue_s.iter_mut()).enumerate() {
            *a = 0.2 * math::cos(TAU * i as f64 / n as f64).max(0.0);
            *b = 0.1 * math::cos(TAU * i as f64 / n as f64).max(0.0);
        }
        net.set_diagonal_weights(diagonal);
        for t in 0..3000 {
            net.step(if t < 200 { 1.0 } else { 0.0 }, 1.0, &mut rng)
                .expect("finite");
        }
        (net.buf.to_vec(), ran)
    }

    #[test]
    fn gpi_noise_switched_off_leaves_no_offset_behind() {
        let mut noisy = Config::default();
        noisy.gpi_noise = 0.05;
        let mut net = Network::new(&noisy);
        let mut rng = Rng::new(3);
        for _ in 0..50 {
            net.step(0.0, 1.0, &mut rng).expect("finite");
        }
        let mut quiet = noisy.clone();
        quiet.gpi_noise = 0.0;
        net.retune(&quiet);
        net.reset_to_rest();
        let mut fresh = Network::new(&quiet);
        let (mut r1, mut r2) = (Rng::new(9), Rng::new(9));
        net.start_noise(&mut r1);
        fresh.start_noise(&mut r2);
        for _ in 0..200 {
            net.step(0.0, 1.0, &mut r1).expect("finite");
            fresh.step(0.0, 1.0, &mut r2).expect("finite");
        }
        assert_eq!(net.rates(Population::Gpi), fresh.rates(Population::Gpi));
    }

    #[test]
    fn lanes_do_not_change_a_bit() {
        let best = Lanes::detect();
        let mut wide_ran = Vec::new();
        for diagonal in [true, false] {
            let (portable, ran) = noisy_run(Lanes::Portable, diagonal);
            assert_eq!(ran, Lanes::Portable);
            for lanes in [Lanes::Avx2, Lanes::Avx512] {
                let (wide, ran) = noisy_run(lanes, diagonal);
                // The compilation asked for runs whenever this CPU has it.
                let supported = match lanes {
                    Lanes::Avx512 => best == Lanes::Avx512,
                    _ => best != Lanes::Portable,
                };
                assert_eq!(
                    ran == lanes,
                    supported,
                    "{} asked, {} ran",
                    lanes.label(),
                    ran.label()
                );
                if ran != Lanes::Portable {
                    wide_ran.push(ran.label());
                }
                for (p, (a, b)) in portable.iter().zip(&wide).enumerate() {
                    let same = a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits());
                    assert!(
                        same,
                        "{} vs portable differ in ring {p} (diagonal {diagonal})",
                        lanes.label()
                    );
                }
            }
        }
        // On a CPU with AVX2 the comparison above was between two different compilations; on
        // one without, say that only the portable step could be checked.
        if best == Lanes::Portable {
            eprintln!("this CPU has no AVX2: only the portable step ran");
        } else {
            assert!(!wide_ran.is_empty(), "a wide compilation ran");
            eprintln!("compared with the portable step: {wide_ran:?}");
        }
    }

    #[test]
    fn delay_lengths_are_exact() {
        let c = Config::default();
        let d = Delays::of(&c);
        assert_eq!(
            (d.sc, d.gs, d.tg, d.ct, d.nc, d.gn),
            (12, 19, 10, 10, 10, 10)
        );
        let mut c1 = c.clone();
        c1.dt_ms = 1.0;
        let d1 = Delays::of(&c1);
        assert_eq!(
            (d1.sc, d1.gs, d1.ct),
            (6, 10, 5),
            "9.5 ms at 1 ms rounds half away from zero"
        );
    }

    #[test]
    fn a_delayed_read_sees_the_state_exactly_d_steps_ago() {
        // Drive STN from a cortex that we write by hand and check the delay in the STN response.
        let mut c = quiet();
        c.d_nc = 5.0; // 10 steps
        c.tau_n = 1.0;
        let mut net = Network::new(&c);
        let mut rng = Rng::new(1);
        // Find the first step at which STN leaves rest after a cortical pulse.
        net.cue_cortex.fill(10.0);
        let mut first_cortex = None;
        let mut first_stn = None;
        let stn_rest = net.rates(Population::Stn)[0];
        for step in 1..=40 {
            net.step(1.0, 1.0, &mut rng).expect("finite");
            if first_cortex.is_none() && net.rates(Population::Cortex)[0] > 0.0 {
                first_cortex = Some(step);
            }
            if first_stn.is_none() && net.rates(Population::Stn)[0] != stn_rest {
                first_stn = Some(step);
            }
        }
        assert_eq!(
            first_stn.zip(first_cortex).map(|(s, c)| s - c),
            Some(11),
            "10 steps delay + 1 step response"
        );
    }

    #[test]
    fn recurrence_from_fourier_moments_equals_the_dense_sum() {
        let c = Config::default();
        let net = Network::new(&c);
        let n = net.n();
        let mut rng = Rng::new(9);
        let rates: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
        let (s0, sc, ss) = rates
            .iter()
            .enumerate()
            .fold((0.0, 0.0, 0.0), |(a, b, d), (j, r)| {
                (a + r, b + r * net.cos[j], d + r * net.sin[j])
            });
        for i in 0..n {
            let dense: f64 = (0..n)
                .map(|j| {
                    let dth = TAU * (i as f64 - j as f64) / n as f64;
                    (c.cortical_inhibition + c.cortical_recurrence * math::cos(dth)) / n as f64
                        * rates[j]
                })
                .sum();
            let fast = (c.cortical_inhibition * s0
                + c.cortical_recurrence * (net.cos[i] * sc + net.sin[i] * ss))
                / n as f64;
            assert!((dense - fast).abs() < 1e-12, "unit {i}: {dense} vs {fast}");
        }
    }

    #[test]
    fn rest_is_a_fixed_point_without_noise_or_drive() {
        let mut c = quiet();
        c.cortical_drive = 0.0;
        let mut net = Network::new(&c);
        let mut rng = Rng::new(1);
        let before: Vec<Vec<f64>> = Population::ALL
            .iter()
            .map(|&p| net.rates(p).to_vec())
            .collect();
        for _ in 0..2000 {
            net.step(0.0, 1.0, &mut rng).expect("finite");
        }
        for (p, b) in Population::ALL.iter().zip(before) {
            for (x, y) in net.rates(*p).iter().zip(b) {
                assert!((x - y).abs() < 1e-12, "{p:?}: {x} vs {y}");
            }
        }
        assert!((net.rest.thalamus - 0.13).abs() < 1e-12);
    }

    #[test]
    fn runaway_is_reported_not_propagated() {
        let mut c = quiet();
        c.cortical_inhibition = 0.0;
        c.cortical_recurrence = 6.0; // beyond the validated bound: only for this test
        c.cortical_drive = 0.5;
        let mut net = Network::new(&c);
        let mut rng = Rng::new(1);
        net.cue_cortex
            .iter_mut()
            .enumerate()
            .for_each(|(i, v)| *v = if i < 4 { 1.0 } else { 0.0 });
        let err = (0..100_000).find_map(|_| net.step(1.0, 1.0, &mut rng).err());
        let err = err.expect("diverges");
        assert!(err.rate.is_nan() || err.rate > RATE_LIMIT, "{err:?}");
    }
}
