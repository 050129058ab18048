//! A run's state between two trials as plain numbers, so a second thread (a Web Worker running
//! run B of a comparison) can continue a run and hand it back.
//!
//! Between trials the network itself holds nothing: every trial starts it at rest and draws its
//! exploration noise afresh. What carries over is the random generator, the plastic synapses, the
//! trial count and what the recorder keeps for drawing. A handover carries those and the records of
//! the trials run since an earlier point, as a flat list of `f64` (a `Float64Array` in JS: copied
//! exactly, transferable without a copy). Integers are exact in `f64`; each 64-bit generator word is
//! split into two 32-bit halves.

use super::recorder::{ReachPath, Trace};
use super::Simulation;
use crate::learning::Plasticity;
use crate::record::TrialRecord;
use crate::rng::Rng;

/// The first word of a handover: its format.
const FORMAT: f64 = 1.0;

/// Why a handover cannot be taken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HandoverError {
    /// The list is cut short or holds a value out of place.
    #[error("the handover is malformed ({0})")]
    Malformed(&'static str),
    /// It continues a different point of the run.
    #[error("the handover continues trial {after}, but this run has finished {completed}")]
    NotContinuing {
        /// The trial count the handover starts from.
        after: u32,
        /// This run's trial count.
        completed: u32,
    },
    /// It would take this run past a trial it must not pass.
    #[error("the handover runs to trial {completed}, past trial {limit}")]
    Ahead {
        /// The trial count the handover ends at.
        completed: u32,
        /// The most trials this run may have finished.
        limit: u32,
    },
    /// This run is in the middle of a trial, or halted.
    #[error("this run is not between two trials")]
    Busy,
    /// It was made for another ring size.
    #[error("the handover is for {0} units per ring, this run has {1}")]
    RingSize(usize, usize),
}

/// Writes words.
struct Writer(Vec<f64>);

impl Writer {
    fn int(&mut self, x: usize) {
        self.0.push(x as f64);
    }
    fn u64(&mut self, x: u64) {
        self.0.push((x >> 32) as f64);
        self.0.push((x & 0xffff_ffff) as f64);
    }
    fn list(&mut self, xs: &[f64]) {
        self.int(xs.len());
        self.0.extend_from_slice(xs);
    }
    fn list32(&mut self, xs: &[f32]) {
        self.int(xs.len());
        self.0.extend(xs.iter().map(|&x| f64::from(x)));
    }
}

/// Reads words, failing on a short list or a bad count.
struct Reader<'a>(&'a [f64]);

impl Reader<'_> {
    fn word(&mut self) -> Result<f64, HandoverError> {
        let (&x, rest) = self
            .0
            .split_first()
            .ok_or(HandoverError::Malformed("too short"))?;
        self.0 = rest;
        Ok(x)
    }
    fn int(&mut self) -> Result<usize, HandoverError> {
        let x = self.word()?;
        if x >= 0.0 && x <= u32::MAX as f64 && x.fract() == 0.0 {
            Ok(x as usize)
        } else {
            Err(HandoverError::Malformed("a count is not a whole number"))
        }
    }
    fn u32(&mut self) -> Result<u32, HandoverError> {
        self.int().map(|x| x as u32)
    }
    fn u64(&mut self) -> Result<u64, HandoverError> {
        let hi = self.int()? as u64;
        let lo = self.int()? as u64;
        Ok(hi << 32 | lo)
    }
    fn take(&mut self, n: usize) -> Result<&[f64], HandoverError> {
        if n > self.0.len() {
            return Err(HandoverError::Malformed("too short"));
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    /// A word in `range` (so finite), else malformed `what`.
    fn within(&mut self, range: Range, what: &'static str) -> Result<f64, HandoverError> {
        let x = self.word()?;
        range.check(x, what)
    }
    /// A list whose every value is in `range`.
    fn list(&mut self, range: Range, what: &'static str) -> Result<Vec<f64>, HandoverError> {
        let n = self.int()?;
        let xs = self.take(n)?;
        xs.iter()
            .try_for_each(|&x| range.check(x, what).map(drop))?;
        Ok(xs.to_vec())
    }
    /// A list of `f32` values whose every value is in `range`.
    fn list32(&mut self, range: Range, what: &'static str) -> Result<Vec<f32>, HandoverError> {
        let n = self.int()?;
        let xs = self.take(n)?;
        xs.iter()
            .map(|&x| range.check(x, what).map(|x| x as f32))
            .collect()
    }
}

/// The closed range a handed-over number must lie in (which also makes it finite): a handover is
/// checked like any input, so a crafted one cannot carry a NaN or an infinity into a run.
#[derive(Clone, Copy)]
struct Range(f64, f64);

impl Range {
    /// Any finite number up to 10⁶ in size: synapses (far beyond any learned value, small enough
    /// that the network's inputs stay finite and its divergence guard sees a runaway).
    const SYNAPSE: Range = Range(-1e6, 1e6);
    /// A finite number of any size that `f32` holds (directions, times, drawn positions).
    const FINITE: Range = Range(-3.4e38, 3.4e38);
    /// A rate or a probability-like value: 0–1 (with rounding room).
    const UNIT: Range = Range(-1e-9, 1.0 + 1e-9);
    /// A rate of a drawn ring: 0 up to the divergence guard's limit.
    const RATE: Range = Range(0.0, crate::network::RATE_LIMIT);

    fn check(self, x: f64, what: &'static str) -> Result<f64, HandoverError> {
        if x >= self.0 && x <= self.1 {
            Ok(x)
        } else {
            Err(HandoverError::Malformed(what))
        }
    }
}

/// Words per trial record: one per field.
const RECORD_WORDS: usize = crate::record::FIELDS.len();

fn write_record(w: &mut Writer, r: &TrialRecord) {
    w.0.extend(r.words());
}

fn read_record(r: &mut Reader<'_>) -> Result<TrialRecord, HandoverError> {
    TrialRecord::from_words(r.take(RECORD_WORDS)?).map_err(HandoverError::Malformed)
}

/// Whether `trace` has the shape the views read: empty, or one hand point (x, y) per sample and,
/// if rings were sampled, five rings of `n` units per sample, at a positive interval.
fn trace_fits(trace: &Trace, n: usize) -> bool {
    let samples = trace.time_ms.len();
    if samples == 0 {
        return trace.hand.is_empty() && trace.rings.is_empty();
    }
    trace.n == n
        && trace.every_steps >= 1
        && trace.every_ms.is_finite()
        && trace.every_ms > 0.0
        && trace.hand.len() == 2 * samples
        && (trace.rings.is_empty() || trace.rings.len() == 5 * n * samples)
}

impl Simulation {
    /// This run's state between trials, with the records of the trials after `after`; `None`
    /// in the middle of a trial, once halted, or if some of those records are no longer kept.
    pub fn handover(&self, after: u32) -> Option<Vec<f64>> {
        if self.trial.is_some() || self.halted.is_some() || after > self.completed {
            return None;
        }
        let history = self.history();
        let start = history.partition_point(|r| r.trial <= after);
        let records = &history[start..];
        if records.len() != (self.completed - after) as usize {
            return None;
        }
        let mut w = Writer(vec![FORMAT]);
        w.int(self.net.n());
        w.int(after as usize);
        w.int(self.completed as usize);
        for word in self.rng.state() {
            w.u64(word);
        }
        let p = &self.plastic;
        w.list(&p.motor_striatal);
        w.list(&p.target_striatal);
        w.list(&p.cue_cortical);
        w.list(&p.expected);
        match p.striatal_mean() {
            Some(mean) => {
                w.int(1);
                w.list(mean);
            }
            None => w.int(0),
        }
        w.int(records.len());
        for r in records {
            write_record(&mut w, r);
        }
        let paths: Vec<&ReachPath> = self.recorder.recent_paths().collect();
        w.int(paths.len());
        for path in paths {
            w.int(path.trial as usize);
            w.0.push(path.target_deg);
            w.0.push(path.rotation_deg);
            w.list32(&path.hand);
        }
        let t = self.recorder.trace();
        w.int(t.every_steps);
        w.0.push(t.every_ms);
        w.int(t.n);
        w.int(t.trial as usize);
        w.0.push(t.target_deg);
        w.0.push(t.rotation_deg);
        w.list32(&t.time_ms);
        w.list32(&t.hand);
        w.list32(&t.rings);
        Some(w.0)
    }

    /// [`Simulation::take_handover`], refused if it would leave this run with more than `limit`
    /// finished trials.
    pub fn take_handover_until(&mut self, words: &[f64], limit: u32) -> Result<(), HandoverError> {
        let completed = Reader(words.get(3..4).unwrap_or(&[])).u32()?;
        if completed > limit {
            return Err(HandoverError::Ahead { completed, limit });
        }
        self.take_handover(words)
    }

    /// Continues this run from a handover made by [`Simulation::handover`] of the same run
    /// (same configuration and schedule) at a later trial: takes its generator, synapses, trial
    /// count and drawing state, and appends its records. Nothing changes if it fails.
    pub fn take_handover(&mut self, words: &[f64]) -> Result<(), HandoverError> {
        self.take(words, false)
    }

    /// Makes this fresh run (no trial begun) the continuation of a handover from any point of
    /// the same run: a worker's twin starts this way, its history beginning after that point.
    pub fn resume_from(&mut self, words: &[f64]) -> Result<(), HandoverError> {
        if self.completed != 0 {
            return Err(HandoverError::Busy);
        }
        self.take(words, true)
    }

    fn take(&mut self, words: &[f64], fresh: bool) -> Result<(), HandoverError> {
        if self.trial.is_some() || self.halted.is_some() {
            return Err(HandoverError::Busy);
        }
        let mut r = Reader(words);
        if r.word()? != FORMAT {
            return Err(HandoverError::Malformed("unknown format"));
        }
        let n = r.int()?;
        if n != self.net.n() {
            return Err(HandoverError::RingSize(n, self.net.n()));
        }
        let after = r.u32()?;
        let completed = r.u32()?;
        if (!fresh && after != self.completed) || completed < after {
            return Err(HandoverError::NotContinuing {
                after,
                completed: self.completed,
            });
        }
        let state = [r.u64()?, r.u64()?, r.u64()?, r.u64()?];
        let rng = Rng::from_state(state).ok_or(HandoverError::Malformed("zero generator"))?;
        let plastic = self.read_plastic(&mut r)?;
        if completed > crate::schedule::MAX_TRIAL {
            return Err(HandoverError::Malformed("trial count"));
        }
        let records = read_records(&mut r, after, completed)?;
        let paths = read_paths(&mut r)?;
        let trace = read_trace(&mut r)?;
        if !r.0.is_empty() {
            return Err(HandoverError::Malformed("trailing words"));
        }
        if !trace_fits(&trace, n) {
            return Err(HandoverError::Malformed("trace"));
        }
        // Everything read: take it.
        self.rng = rng;
        self.plastic = plastic;
        self.completed = completed;
        if completed > 0 {
            let (config, _) = self.plan_of(completed);
            if config != self.config {
                self.net.retune(&config);
                self.config = config;
            }
        }
        self.recorder.take_handover(records, paths, trace);
        Ok(())
    }
}

impl Simulation {
    /// The plastic synapses and the expected rewards of a handover, each the size of this run's.
    fn read_plastic(&self, r: &mut Reader<'_>) -> Result<Plasticity, HandoverError> {
        let n = self.net.n();
        let mut plastic = self.plastic.clone();
        for (into, range, what) in [
            (&mut plastic.motor_striatal, Range::SYNAPSE, "motor map"),
            (&mut plastic.target_striatal, Range::SYNAPSE, "target map"),
            (&mut plastic.cue_cortical, Range::SYNAPSE, "cue map"),
            (&mut plastic.expected, Range::UNIT, "expected rewards"),
        ] {
            let xs = r.list(range, what)?;
            if xs.len() != into.len() {
                return Err(HandoverError::Malformed(what));
            }
            *into = xs;
        }
        let mean = match r.int()? {
            0 => None,
            1 => Some(r.list(Range::UNIT, "striatal mean")?),
            _ => return Err(HandoverError::Malformed("striatal mean flag")),
        };
        if mean.as_ref().is_some_and(|m| m.len() != n) {
            return Err(HandoverError::Malformed("striatal mean"));
        }
        plastic.set_striatal_mean(mean);
        Ok(plastic)
    }
}

/// The records of trials `after + 1 ..= completed`, numbered in order.
fn read_records(
    r: &mut Reader<'_>,
    after: u32,
    completed: u32,
) -> Result<Vec<TrialRecord>, HandoverError> {
    let count = r.int()?;
    if count != (completed - after) as usize || count * RECORD_WORDS > r.0.len() {
        return Err(HandoverError::Malformed("record count"));
    }
    let mut records = Vec::with_capacity(count);
    for k in 0..count {
        let record = read_record(r)?;
        if record.trial != after + 1 + k as u32 {
            return Err(HandoverError::Malformed("record numbers"));
        }
        records.push(record);
    }
    Ok(records)
}

/// The recent reach paths the reach view fades.
fn read_paths(r: &mut Reader<'_>) -> Result<Vec<ReachPath>, HandoverError> {
    let mut paths = Vec::new();
    for _ in 0..r.int()? {
        let path = ReachPath {
            trial: r.u32()?,
            target_deg: r.within(Range::FINITE, "reach paths")?,
            rotation_deg: r.within(Range::FINITE, "reach paths")?,
            hand: r.list32(Range::FINITE, "reach paths")?,
        };
        if path.hand.len() % 2 != 0 || paths.len() >= super::RECENT_PATHS {
            return Err(HandoverError::Malformed("reach paths"));
        }
        paths.push(path);
    }
    Ok(paths)
}

/// The last trial's trace.
fn read_trace(r: &mut Reader<'_>) -> Result<Trace, HandoverError> {
    Ok(Trace {
        every_steps: r.int()?,
        every_ms: r.within(Range::FINITE, "trace")?,
        n: r.int()?,
        trial: r.u32()?,
        target_deg: r.within(Range::FINITE, "trace")?,
        rotation_deg: r.within(Range::FINITE, "trace")?,
        time_ms: r.list32(Range::FINITE, "trace")?,
        hand: r.list32(Range::FINITE, "trace")?,
        rings: r.list32(Range::RATE, "trace")?,
    })
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::experiment::Simulation;
    use crate::schedule::{Event, Schedule};

    fn run(targets: u32) -> Simulation {
        let c = Config {
            targets,
            seed: 5,
            learning_rate: 0.5,
            ..Config::default()
        };
        let mut schedule = Schedule::new();
        schedule
            .add(Event::from_text("@30.loop_strength=0.5").expect("valid event"))
            .expect("fits");
        let mut sim = Simulation::scheduled(c.validated().expect("valid"), schedule);
        sim.record_traces(Some(2.0));
        sim
    }

    #[test]
    fn a_run_handed_over_and_back_is_the_uninterrupted_run() {
        for targets in [1, 4] {
            let mut whole = run(targets);
            whole.run_trials(60).expect("runs");

            // The main thread runs 20 trials and hands the run to a twin, which runs 40 more
            // (past the scheduled change at 30) and hands it back in two parts.
            let mut main = run(targets);
            main.run_trials(20).expect("runs");
            let mut twin = run(targets);
            twin.take_handover(&main.handover(0).expect("between trials"))
                .expect("takes");
            twin.run_trials(25).expect("runs");
            main.take_handover(&twin.handover(20).expect("between trials"))
                .expect("continues");
            twin.run_trials(15).expect("runs");
            main.take_handover(&twin.handover(45).expect("between trials"))
                .expect("continues");

            assert_eq!(main.history(), whole.history());
            assert_eq!(main.trials_done(), 60);
            assert_eq!(main.in_force(), whole.in_force());
            assert_eq!(main.trace(), whole.trace());
            assert!(main.recent_paths().eq(whole.recent_paths()));
            // And they go on identically.
            main.run_trials(10).expect("runs");
            whole.run_trials(10).expect("runs");
            assert_eq!(main.history(), whole.history());
            assert_eq!(main.plasticity(), whole.plasticity());
        }
    }

    #[test]
    fn a_handover_that_does_not_continue_this_run_changes_nothing() {
        let mut a = run(1);
        a.run_trials(10).expect("runs");
        let words = a.handover(5).expect("between trials");
        let mut b = run(1);
        b.run_trials(3).expect("runs");
        let before = b.history().to_vec();
        assert!(b.take_handover(&words).is_err());
        assert!(b.take_handover(&words[..words.len() - 1]).is_err());
        let mut bad = words.clone();
        bad[2] = 3.5;
        assert!(b.take_handover(&bad).is_err());
        assert_eq!(b.history(), before.as_slice());
        assert_eq!(b.trials_done(), 3);
        // A trace whose shape the views could not read is refused (the last word is the rings'
        // length, 0 here: claim one ring value that is not there).
        let mut hand_only = run(1);
        hand_only.record_rings(false);
        hand_only.run_trials(2).expect("runs");
        let good = hand_only.handover(0).expect("between trials");
        assert_eq!(good.last(), Some(&0.0), "no rings sampled");
        assert!(run(1).resume_from(&good).is_ok());
        let mut shaped = good.clone();
        let k = shaped.len() - 1;
        shaped[k] = 1.0;
        shaped.push(0.5);
        assert_eq!(
            run(1).resume_from(&shaped),
            Err(super::HandoverError::Malformed("trace"))
        );
        let mut huge = words.clone();
        huge[3] = 4e9;
        assert!(
            run(1).resume_from(&huge).is_err(),
            "a trial count past the limit"
        );
        // Mid-trial: no handover.
        b.advance(1.0).expect("runs");
        assert!(b.handover(0).is_none());
    }

    #[test]
    fn no_word_of_a_handover_can_carry_a_non_finite_or_huge_number_into_a_run() {
        let mut a = run(4);
        a.run_trials(6).expect("runs");
        let words = a.handover(2).expect("between trials");
        let mut base = run(4);
        base.run_trials(2).expect("runs");
        let mut taken = 0;
        // Every word, but only every 37th of the drawn rings (tens of thousands of like values).
        let rings = a.trace().rings.len();
        assert!(rings > 1000, "the trace carries the rings");
        let positions = (0..words.len()).filter(|&k| k < words.len() - rings || k % 37 == 0);
        for k in positions {
            for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300, -1e300] {
                let mut crafted = words.clone();
                crafted[k] = bad;
                // A not-executed reach's time is NaN already: that word is unchanged.
                if crafted[k].is_nan() && words[k].is_nan() {
                    continue;
                }
                let mut b = base.clone();
                if b.take_handover(&crafted).is_ok() {
                    taken += 1;
                }
                assert_eq!(
                    b.history(),
                    base.history(),
                    "refused at word {k} = {bad}: nothing changes"
                );
            }
        }
        assert_eq!(taken, 0, "every non-finite or huge word is refused");
        // A synapse that is large but in range is taken, and the divergence guard stops the run
        // it breaks instead of letting non-finite rates through.
        let mut b = base.clone();
        let mut crafted = words.clone();
        let q = 1 + 1 + 2 + 8 + 1 + 64 * 64 + 1; // format, n, after, completed, rng, P's length and values, Q's length: Q[0]
        assert_eq!(crafted[q - 1], (64 * 64) as f64, "Q's length word");
        for x in &mut crafted[q..q + 64 * 64] {
            *x = 1e6;
        }
        b.take_handover(&crafted).expect("in range");
        match b.run_trial() {
            Ok(r) => assert!(r.error_deg.is_finite() && r.amplitude.is_finite(), "{r:?}"),
            Err(d) => assert!(
                d.to_string().contains("Likely cause"),
                "halted with a cause: {d:?}"
            ),
        }
    }
}
