//! The numeric-type probe behind issue #14's decision: is an `f32` state clearly faster than the
//! `f64` state the model uses?
//!
//! It runs the network's per-step kernel at the default configuration's shape — five rings of `n`
//! units, the cortex's Fourier recurrence, the diagonal striatum (no learned motor map, the
//! default), STN, GPi with fast noise, thalamus, exponential-Euler relaxation, three normal draws
//! per unit per step (cortex, exploration, GPi) — once in `f64` and once in `f32`, and prints the
//! steps per second of each and their ratio. The `f32` sampler draws two normals from each 64 random
//! bits (24-bit mantissa + 7-bit layer), which is the cheapest an `f32` state could make the noise.
//!
//! Natively: `cargo run --release -p bgloop-core --example numeric_probe -- [n] [steps]`.
//! In wasm (with SIMD, as the page is built): `bash bench/numeric-probe.sh` runs this file built for
//! `wasm32-wasip1` in Node.

// The kernel indexes several rings by unit, as the model does.
#![allow(clippy::needless_range_loop)]

use bgloop_core::math;
use std::time::Instant;

/// The arithmetic a state type needs here.
trait Real:
    Copy
    + PartialOrd
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::Mul<Output = Self>
    + std::ops::AddAssign
{
    const ZERO: Self;
    fn of(x: f64) -> Self;
    fn to_f64(self) -> f64;
    /// Standard normal samples, drawing more bits if it must.
    fn normals(rng: &mut Xoshiro, zig: &Zig<Self>, out: &mut [Self]);
    /// The same from four interleaved generators (f64 only).
    fn normals_four(_four: &mut Four, _zig: &Zig<Self>, _out: &mut [Self]) {
        unimplemented!("the four-generator variant is measured in f64 only")
    }
}

/// The model's generator (xoshiro256++); the probe uses its raw 64-bit draws.
type Xoshiro = bgloop_core::rng::Rng;

/// 128-layer ziggurat tables in the state's type.
struct Zig<R> {
    x: [R; 129],
    r: [R; 128],
}

fn zig<R: Real>() -> Zig<R> {
    const TAIL: f64 = 3.442_619_855_899;
    const AREA: f64 = 9.912_563_035_262_17e-3;
    let mut x = [0.0f64; 129];
    let mut f = math::exp(-0.5 * TAIL * TAIL);
    x[0] = AREA / f;
    x[1] = TAIL;
    for i in 2..128 {
        x[i] = math::sqrt(-2.0 * math::ln(AREA / x[i - 1] + f));
        f = math::exp(-0.5 * x[i] * x[i]);
    }
    Zig {
        x: std::array::from_fn(|i| R::of(x[i])),
        r: std::array::from_fn(|i| R::of(x[i + 1] / x[i])),
    }
}

/// The slow path (wedge or tail), shared by both types: rare (≈1.2% of draws).
#[cold]
fn slow_normal(rng: &mut Xoshiro, zig: &Zig<f64>, i: usize, u: f64) -> f64 {
    let unif = |rng: &mut Xoshiro| ((rng.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
    if i == 0 {
        loop {
            let x = math::ln(unif(rng)) / 3.442_619_855_899;
            let y = math::ln(unif(rng));
            if -2.0 * y >= x * x {
                return if u < 0.0 {
                    x - 3.442_619_855_899
                } else {
                    3.442_619_855_899 - x
                };
            }
        }
    }
    let x = u * zig.x[i];
    let f0 = math::exp(-0.5 * (zig.x[i] * zig.x[i] - x * x));
    let f1 = math::exp(-0.5 * (zig.x[i + 1] * zig.x[i + 1] - x * x));
    if f1 + unif(rng) * (f0 - f1) < 1.0 {
        x
    } else {
        let b = rng.next_u64();
        let u = 2.0 * (((b >> 11) as f64 + 0.5) / (1u64 << 53) as f64) - 1.0;
        u * zig.x[(b & 127) as usize]
    }
}

impl Real for f64 {
    const ZERO: Self = 0.0;
    #[inline(always)]
    fn normals_four(four: &mut Four, zig: &Zig<f64>, out: &mut [f64]) {
        let mut chunks = out.chunks_exact_mut(4);
        for quad in &mut chunks {
            let bits = four.next4();
            for (o, b) in quad.iter_mut().zip(bits) {
                let u = 2.0 * (((b >> 11) as f64 + 0.5) / (1u64 << 53) as f64) - 1.0;
                let i = (b & 127) as usize;
                *o = if u.abs() < zig.r[i] {
                    u * zig.x[i]
                } else {
                    slow_normal(four.scalar(), zig, i, u)
                };
            }
        }
        let rest = chunks.into_remainder();
        if !rest.is_empty() {
            f64::normals(four.scalar(), zig, rest);
        }
    }
    fn of(x: f64) -> Self {
        x
    }
    fn to_f64(self) -> f64 {
        self
    }
    #[inline(always)]
    fn normals(rng: &mut Xoshiro, zig: &Zig<f64>, out: &mut [f64]) {
        for o in out {
            let b = rng.next_u64();
            let u = 2.0 * (((b >> 11) as f64 + 0.5) / (1u64 << 53) as f64) - 1.0;
            let i = (b & 127) as usize;
            *o = if u.abs() < zig.r[i] {
                u * zig.x[i]
            } else {
                slow_normal(rng, zig, i, u)
            };
        }
    }
}

thread_local! {
    static ZIG64: Zig<f64> = zig::<f64>();
}

impl Real for f32 {
    const ZERO: Self = 0.0;
    fn of(x: f64) -> Self {
        x as f32
    }
    fn to_f64(self) -> f64 {
        self as f64
    }
    #[inline(always)]
    fn normals(rng: &mut Xoshiro, zig: &Zig<f32>, out: &mut [f32]) {
        let one = |rng: &mut Xoshiro, h: u32| -> f32 {
            let u = 2.0 * (((h >> 8) as f32 + 0.5) * (1.0 / (1u32 << 24) as f32)) - 1.0;
            let i = (h & 127) as usize;
            if u.abs() < zig.r[i] {
                u * zig.x[i]
            } else {
                ZIG64.with(|z| slow_normal(rng, z, i, f64::from(u))) as f32
            }
        };
        let mut chunks = out.chunks_exact_mut(2);
        for pair in &mut chunks {
            let b = rng.next_u64();
            pair[0] = one(rng, b as u32);
            pair[1] = one(rng, (b >> 32) as u32);
        }
        for o in chunks.into_remainder() {
            let b = rng.next_u64();
            *o = one(rng, b as u32);
        }
    }
}

/// Fills `out` with normals, from the one generator or the four.
#[inline(always)]
fn fill<R: Real>(four: &mut Option<Four>, rng: &mut Xoshiro, zig: &Zig<R>, out: &mut [R]) {
    match four {
        Some(four) => R::normals_four(four, zig, out),
        None => R::normals(rng, zig, out),
    }
}

/// Four xoshiro256++ generators side by side (structure of arrays), stepped together: the four
/// updates are independent, so they run in vector lanes (i64x2 in wasm, u64x4 with AVX2). A link
/// version drawing its noise this way would change every stream; this measures what it would give.
struct Four {
    s: [[u64; 4]; 4],
    /// A fifth generator for the rare slow path and the remainder.
    spare: Xoshiro,
}

impl Four {
    fn new(seed: u64) -> Self {
        let mut s = [[0u64; 4]; 4];
        for k in 0..4 {
            let state = Xoshiro::new(seed + k as u64).state();
            for (w, row) in s.iter_mut().enumerate() {
                row[k] = state[w];
            }
        }
        Four {
            s,
            spare: Xoshiro::new(seed + 4),
        }
    }

    #[inline(always)]
    fn next4(&mut self) -> [u64; 4] {
        let [s0, s1, s2, s3] = &mut self.s;
        let mut out = [0u64; 4];
        for k in 0..4 {
            out[k] = s0[k]
                .wrapping_add(s3[k])
                .rotate_left(23)
                .wrapping_add(s0[k]);
            let t = s1[k] << 17;
            s2[k] ^= s0[k];
            s3[k] ^= s1[k];
            s1[k] ^= s2[k];
            s0[k] ^= s3[k];
            s2[k] ^= t;
            s3[k] = s3[k].rotate_left(45);
        }
        out
    }

    /// The generator for the rare slow path.
    fn scalar(&mut self) -> &mut Xoshiro {
        &mut self.spare
    }
}

/// Five rings with a one-step delay line each, and the coefficients of the default step.
struct Kernel<R> {
    n: usize,
    old: [Vec<R>; 5],
    new: [Vec<R>; 5],
    cos: Vec<R>,
    sin: Vec<R>,
    ou: Vec<R>,
    noise: Vec<R>,
    cue_c: Vec<R>,
    cue_s: Vec<R>,
    w_diag: Vec<R>,
    zig: Zig<R>,
    rng: Xoshiro,
    /// When set (f64 only), normals come from four interleaved generators instead of one.
    four: Option<Four>,
}

impl<R: Real> Kernel<R> {
    fn new(n: usize) -> Self {
        let th: Vec<f64> = (0..n)
            .map(|i| std::f64::consts::TAU * i as f64 / n as f64)
            .collect();
        let v = |f: &dyn Fn(f64) -> f64| th.iter().map(|&t| R::of(f(t))).collect::<Vec<R>>();
        Kernel {
            n,
            old: std::array::from_fn(|_| vec![R::of(0.1); n]),
            new: std::array::from_fn(|_| vec![R::ZERO; n]),
            cos: v(&math::cos),
            sin: v(&math::sin),
            ou: vec![R::ZERO; n],
            noise: vec![R::ZERO; n],
            cue_c: v(&|t| 0.3 * (math::cos(t) - 0.5).max(0.0)),
            cue_s: v(&|t| 0.2 * math::cos(t).max(0.0)),
            w_diag: vec![R::of(1.0); n],
            zig: zig::<R>(),
            rng: Xoshiro::new(1),
            four: None,
        }
    }

    #[inline(never)]
    fn step(&mut self) {
        let c = |x: f64| R::of(x);
        let (decay, j1, inv_n, noise_sd) = (c(0.8), c(4.0), c(1.0 / self.n as f64), c(0.01));
        let relax = |new: &mut [R], old: &[R]| {
            for (x, &o) in new.iter_mut().zip(old) {
                let f = if *x > R::ZERO { *x } else { R::ZERO };
                *x = f + (o - f) * decay;
            }
        };
        let [oc, os, on, og, ot] = &self.old;
        let [nc, ns, nn, ng, nt] = &mut self.new;
        // Cortex: Fourier moments, thalamic input, cue, noise.
        let (mut s0, mut sc, mut ss) = (R::ZERO, R::ZERO, R::ZERO);
        for i in 0..self.n {
            s0 += oc[i];
            sc += oc[i] * self.cos[i];
            ss += oc[i] * self.sin[i];
        }
        let (u, jc, js) = (c(-2.0) * s0 * inv_n, j1 * sc * inv_n, j1 * ss * inv_n);
        fill(&mut self.four, &mut self.rng, &self.zig, nc);
        for i in 0..self.n {
            nc[i] = u
                + (jc * self.cos[i] + js * self.sin[i])
                + c(0.5) * ot[i]
                + c(0.09)
                + self.cue_c[i]
                + noise_sd * nc[i];
        }
        relax(nc, oc);
        // Striatum: exploration (OU) noise, target input, diagonal cortical input.
        fill(&mut self.four, &mut self.rng, &self.zig, &mut self.noise);
        for i in 0..self.n {
            self.ou[i] = self.ou[i] * c(0.99) + c(0.014) * self.noise[i];
            ns[i] = self.cue_s[i] + c(-0.1) + self.ou[i] + self.w_diag[i] * oc[i];
        }
        relax(ns, os);
        // STN.
        for i in 0..self.n {
            nn[i] = c(1.0) * oc[i] + c(0.1);
        }
        relax(nn, on);
        // GPi: striatal inhibition, local and diffuse STN, noise.
        let mut n_mean = R::ZERO;
        for &x in on.iter() {
            n_mean += x;
        }
        let diffuse = c(0.5) * n_mean * inv_n + c(0.2);
        fill(&mut self.four, &mut self.rng, &self.zig, &mut self.noise);
        for i in 0..self.n {
            ng[i] = c(-1.0) * os[i] + c(0.5) * on[i] + diffuse + c(0.01) * self.noise[i];
        }
        relax(ng, og);
        // Thalamus.
        for i in 0..self.n {
            nt[i] = c(0.25) - c(1.0) * og[i];
        }
        relax(nt, ot);
        std::mem::swap(&mut self.old, &mut self.new);
    }

    fn run(&mut self, steps: usize) -> (f64, f64) {
        let t0 = Instant::now();
        for _ in 0..steps {
            self.step();
        }
        let secs = t0.elapsed().as_secs_f64();
        let check = self.old[0].iter().map(|x| x.to_f64()).sum::<f64>();
        (steps as f64 / secs, check)
    }
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n = args.first().copied().unwrap_or(64);
    let steps = args.get(1).copied().unwrap_or(400_000);
    let mut k64 = Kernel::<f64>::new(n);
    let mut k32 = Kernel::<f32>::new(n);
    let mut k4 = Kernel::<f64>::new(n);
    k4.four = Some(Four::new(1));
    // Warm up all three, then alternate three timed rounds each and keep the best.
    k64.run(steps / 10);
    k32.run(steps / 10);
    k4.run(steps / 10);
    let (mut best64, mut best32, mut best4) = (0.0f64, 0.0f64, 0.0f64);
    let (mut check64, mut check32, mut check4) = (0.0, 0.0, 0.0);
    for _ in 0..3 {
        let (r, c) = k64.run(steps);
        best64 = best64.max(r);
        check64 = c;
        let (r, c) = k32.run(steps);
        best32 = best32.max(r);
        check32 = c;
        let (r, c) = k4.run(steps);
        best4 = best4.max(r);
        check4 = c;
    }
    println!(
        "numeric probe, n = {n}: f64 {best64:.0} steps/s, f32 {best32:.0} steps/s (f32/f64 = {:.2}), f64 with four interleaved generators {best4:.0} steps/s ({:.2}× f64) (state sums {check64:.3} / {check32:.3} / {check4:.3})",
        best32 / best64,
        best4 / best64
    );
}
