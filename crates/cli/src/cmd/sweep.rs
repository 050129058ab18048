//! `bgloop sweep`: a parameter sweep (a curve, or a map over two parameters) on all cores, or one
//! shard of it; its table, JSON lines or figure.

use crate::args::{Args, UsageError};
use crate::cmd::figure::check_figure_out;
use crate::cmd::start::build_experiment;
use crate::{png, words, Failure};
use bgloop_core::{sweep, Protocol};
use std::io::Write;
use std::process::ExitCode;

/// The size of a sweep's figure, pixels.
const SWEEP_FIGURE_SIZE: (u32, u32) = (900, 520);

/// Draws the sweep (its curve, or its map with a ring on the base's settings) into `path`, an
/// .svg or .png file: the figure the page's "Export sweep" draws.
fn sweep_figure(
    path: &str,
    spec: &sweep::SweepSpec,
    base: &Protocol,
    outcomes: &[sweep::Outcome],
    measure: sweep::Measure,
) -> Result<(), Failure> {
    let points = sweep::summarize_by(outcomes, measure);
    let (values, values2) = (spec.values(), spec.values2());
    let at = |key: &str| match base.config.get(key) {
        Some(bgloop_core::Value::Num(x)) => Some(x),
        _ => None,
    };
    let map = spec.second.as_ref().map(|a| bgloop_charts::sweep::Map {
        x: (&spec.param, &values),
        y: (&a.param, &values2),
        points: &points,
        marker: at(&spec.param).zip(at(&a.param)),
        measure,
        trials: spec.trials,
    });
    let fig = bgloop_charts::sweep::SweepFigure {
        title: bgloop_charts::sweep::SweepFigure::title_for(
            spec.seeds,
            spec.trials,
            measure,
            words(),
        ),
        measure,
        curve: (&spec.param, (spec.from, spec.to)),
        outcomes,
        points: &points,
        map,
        words: words(),
    };
    let (w, h) = SWEEP_FIGURE_SIZE;
    if path.to_ascii_lowercase().ends_with(".png") {
        return png::draw(path, (w, h), |area, style| fig.draw(area, style));
    }
    let svg = fig.svg(w, h).map_err(|e| Failure::Run(e.to_string()))?;
    std::fs::write(path, svg).map_err(|e| Failure::Run(format!("--figure {path:?}: {e}")))
}

/// The table of a sweep's outcomes showing `measure`: a row per value, or a grid for a map.
pub(crate) fn summary_table(outcomes: &[sweep::Outcome], measure: sweep::Measure) -> String {
    let points = sweep::summarize_by(outcomes, measure);
    match outcomes.first() {
        Some(sweep::Outcome {
            param,
            param2: Some(param2),
            ..
        }) => sweep::map_table(param, param2, &points, measure),
        Some(o) => sweep::table(&o.param, &points, measure),
        None => String::new(),
    }
}

/// Runs sweep `jobs` on all cores; the outcomes in job order, each with its grid.
fn run_jobs(
    base: &Protocol,
    spec: &sweep::SweepSpec,
    jobs: &[sweep::Job],
) -> Result<Vec<sweep::Outcome>, Failure> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&job) = jobs.get(i) else { break };
                let r = spec.run(base, job);
                if let Ok(mut v) = results.lock() {
                    v.push((i, r));
                }
            });
        }
    });
    let mut results = results
        .into_inner()
        .map_err(|_| Failure::Run("a sweep thread failed".into()))?;
    results.sort_by_key(|(i, _)| *i);
    results
        .into_iter()
        .map(|(_, r)| r)
        .collect::<Result<Vec<_>, _>>()
        .map_err(Failure::Run)
}

/// What `bgloop sweep` was asked: the flags, read and checked before any work.
struct Request {
    spec: sweep::SweepSpec,
    shard: Option<String>,
    jsonl: bool,
    out: Option<String>,
    figure: Option<String>,
    measure: sweep::Measure,
}

/// Reads and checks `bgloop sweep`'s flags (everything but the experiment's).
fn request(args: &mut Args) -> Result<Request, Failure> {
    let params = args.values("--param")?;
    if params.is_empty() {
        return Err(UsageError::new(
            "sweep needs --param key=from:to:count, e.g. --param loop_strength=0.25:1.5:6 (twice for a map: --param dopamine=0.5:1.5:5)",
        )
        .into());
    }
    let seeds = args
        .number("--seeds", 1, u64::from(sweep::MAX_SEEDS))?
        .unwrap_or(5) as u32;
    let trials = args
        .number(
            "--trials",
            u64::from(sweep::MIN_TRIALS),
            u64::from(sweep::MAX_TRIALS),
        )?
        .unwrap_or(400) as u32;
    let shard = args.value("--shard")?;
    let jsonl = args.flag("--jsonl") || shard.is_some();
    let out = args.value("--out")?;
    let figure = args.value("--figure")?;
    let measure = measure_arg(args)?;
    if let Some(path) = figure.as_deref() {
        check_figure_out(path)
            .map_err(|e| UsageError::new(e.to_string().replace("--out", "--figure")))?;
        if shard.is_some() {
            return Err(UsageError::new(
                "--figure draws a whole sweep: merge the shards first (a shard is part of it)",
            )
            .into());
        }
    }
    args.finish()?;
    check_outputs(figure.as_deref(), out.as_deref())?;
    let params: Vec<&str> = params.iter().map(String::as_str).collect();
    let spec = sweep::SweepSpec::parse_all(&params, seeds, trials).map_err(UsageError::new)?;
    Ok(Request {
        spec,
        shard,
        jsonl,
        out,
        figure,
        measure,
    })
}

/// The jobs of the whole sweep, or of shard `K/N`.
fn jobs_of(spec: &sweep::SweepSpec, shard: Option<&str>) -> Result<Vec<sweep::Job>, UsageError> {
    let Some(text) = shard else {
        return Ok(spec.jobs());
    };
    let (k, n) = text
        .split_once('/')
        .and_then(|(k, n)| Some((k.parse::<u32>().ok()?, n.parse::<u32>().ok()?)))
        .ok_or_else(|| UsageError::new(format!("--shard {text:?} must be K/N, e.g. 3/10")))?;
    spec.shard(k, n).map_err(UsageError::new)
}

/// Runs a parameter sweep on all cores (or one shard of it) and prints the summary or JSON lines.
pub(crate) fn command(args: &mut Args) -> Result<ExitCode, Failure> {
    let (base, _) = build_experiment(args)?;
    let r = request(args)?;
    r.spec
        .check_experiment(&base)
        .map_err(|e| UsageError::new(bgloop_core::i18n::Said::said_in(&e, words())))?;
    let jobs = jobs_of(&r.spec, r.shard.as_deref())?;
    // The output is opened before the work: a folder that does not exist fails now, not after
    // hours of computing (a Slurm shard would lose its work).
    let mut sink = r.out.as_deref().map(open_out).transpose()?;
    let base = base.a;
    let outcomes = run_jobs(&base, &r.spec, &jobs)?;
    if let Some(path) = r.figure.as_deref() {
        sweep_figure(path, &r.spec, &base, &outcomes, r.measure)?;
    }
    let text = if r.jsonl {
        outcomes
            .iter()
            .map(|o| serde_json::to_string(o).unwrap_or_default() + "\n")
            .collect::<String>()
    } else {
        summary_table(&outcomes, r.measure)
    };
    match sink.as_mut() {
        Some((path, file)) => file
            .write_all(text.as_bytes())
            .map_err(|e| Failure::Run(format!("--out {path:?}: {e}")))?,
        None => out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `--measure`: what a sweep's table, map and figure show (the final |error| if absent).
pub(crate) fn measure_arg(args: &mut Args) -> Result<sweep::Measure, Failure> {
    Ok(args
        .value("--measure")?
        .map(|m| sweep::Measure::parse(&m))
        .transpose()
        .map_err(UsageError::new)?
        .unwrap_or_default())
}

/// A sweep's `--figure` and `--out` must not name one file (the table would overwrite the figure).
fn check_outputs(figure: Option<&str>, out: Option<&str>) -> Result<(), UsageError> {
    match (figure, out) {
        (Some(f), Some(o)) if same_file(f, o) => Err(UsageError::new(format!(
            "--figure and --out name the same file ({f:?}): the table would overwrite the figure"
        ))),
        _ => Ok(()),
    }
}

/// `--out`'s file, created now (before any work), with its name for messages.
fn open_out(path: &str) -> Result<(&str, std::fs::File), Failure> {
    let file =
        std::fs::File::create(path).map_err(|e| Failure::Run(format!("--out {path:?}: {e}")))?;
    Ok((path, file))
}

/// Whether two paths name the same file (the same text, or the same file once resolved).
fn same_file(a: &str, b: &str) -> bool {
    let resolved = |p: &str| {
        let path = std::path::Path::new(p);
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        let dir = dir.map_or_else(|| std::path::PathBuf::from("."), |d| d.to_path_buf());
        dir.canonicalize()
            .ok()
            .map(|d| d.join(path.file_name().unwrap_or_default()))
    };
    a == b || resolved(a).is_some_and(|x| Some(x) == resolved(b))
}
