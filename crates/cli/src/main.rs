//! `bgloop`: the native command line of the BG–thalamo–cortical loop model.
//!
//! ```text
//! bgloop run [--preset NAME | --permalink LINK] [--set key=value]... [--at N:key=value]... [--ramp N1-N2:key=a..b]... [--seed S] [--trials N] [--format csv|jsonl|json] [--out FILE]
//! bgloop run … --summary [--window FROM-TO] [--format text|json]
//! bgloop figure [--preset NAME | --permalink LINK] [--set key=value]... [--trials N] [--out FILE.svg|FILE.png]
//! bgloop claims [--seeds K] [--only C1,C2,…]
//! bgloop phenomena [--seeds K] [--long-seeds K]
//! bgloop schema [--format json|markdown]
//! bgloop presets
//! bgloop sweep … / bgloop merge FILE… / bgloop figure … / bgloop bench …
//! ```
//! Bad flags or values print one line naming the flag or key and what is allowed, and exit 2.

mod args;
mod bench;
mod png;
mod summary;

use args::{Args, UsageError};

use bgloop_core::i18n::{Catalog, Lang, Said};
use bgloop_core::session::Session;
use bgloop_core::{
    claims, permalink, phenomena, presets, record, schema, sweep, Experiment, Protocol, Simulation,
};
use std::io::Write;
use std::process::ExitCode;
use std::sync::OnceLock;

/// `print!` that reports a closed or full output (`| head`, `> /dev/full`) as an error, where
/// `print!` would panic.
macro_rules! out {
    ($($t:tt)*) => {{
        let mut o = std::io::stdout().lock();
        write!(o, $($t)*)
            .and_then(|()| o.flush())
            .map_err(|e| Failure::Run(format!("writing output: {e}")))?;
    }};
}

/// `println!` that reports a closed or full output as an error (see [`out!`]).
macro_rules! outln {
    ($($t:tt)*) => {{
        out!($($t)*);
        out!("\n");
    }};
}

const USAGE: &str = "usage:
  bgloop run [--preset NAME | --permalink LINK] [--set key=value]... [--at N:key=value]... [--ramp N1-N2:key=a..b]... [--seed S] [--trials N] [--format csv|jsonl|json] [--out FILE]
  bgloop run … --summary [--window FROM-TO[,FROM-TO…]] [--format text|json]   (the result: each run's mean |error|, reward, reaches made and reach time over the last 50 trials or the windows)
  bgloop figure [--preset NAME | --permalink LINK] [--set key=value]... [--at …] [--ramp …] [--seed S] [--trials N] [--no-hand] [--size WxH] [--link-base URL] [--out FILE.svg|FILE.png]
  bgloop claims [--seeds K] [--only C1,C2,C3,C4,C5]
  bgloop phenomena [--seeds K] [--long-seeds K]
  bgloop schema [--format json|markdown]
  bgloop presets
  bgloop sweep [--preset NAME | --permalink LINK] [--set key=value]... --param key=from:to:count [--param key2=from:to:count] [--seeds K] [--trials N] [--shard K/N] [--measure error|executed|reward|reach|adapt|regime] [--jsonl] [--out FILE] [--figure FILE.svg|FILE.png]
  bgloop merge FILE... [--measure error|executed|reward|reach|adapt|regime] [--json]
  bgloop bench [--trials N] [--json] [--dump-deterministic]
  bgloop help
Any command takes --lang en|fr|es: figures and errors in that language (English by default).";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&argv) {
        Ok(code) => code,
        Err(Failure::Usage(e)) => {
            eprintln!("bgloop: {e}");
            ExitCode::from(2)
        }
        Err(Failure::Run(e)) => {
            eprintln!("bgloop: {e}");
            ExitCode::from(1)
        }
    }
}

/// Why a command failed: the user's input (exit 2) or the run itself (exit 1).
enum Failure {
    Usage(UsageError),
    Run(String),
}

impl From<UsageError> for Failure {
    fn from(e: UsageError) -> Self {
        Failure::Usage(e)
    }
}

/// The language of figures and of errors in the user's input (`--lang`; English without it).
static WORDS: OnceLock<&'static Catalog> = OnceLock::new();

/// The catalog `--lang` chose.
fn words() -> &'static Catalog {
    WORDS.get().copied().unwrap_or_else(Catalog::english)
}

fn dispatch(argv: &[String]) -> Result<ExitCode, Failure> {
    let Some((command, rest)) = argv.split_first() else {
        outln!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let mut args = Args::new(rest);
    if let Some(code) = args.value("--lang")? {
        let lang = Lang::parse("--lang", &code).map_err(usage)?;
        let _ = WORDS.set(Catalog::builtin(lang));
    }
    match command.as_str() {
        "run" => run(&mut args),
        "claims" => run_claims(&mut args),
        "phenomena" => run_phenomena(&mut args),
        "figure" => figure(&mut args),
        "bench" => run_bench(&mut args),
        "sweep" => sweep(&mut args),
        "merge" => merge(&mut args),
        "schema" => print_schema(&mut args),
        "presets" => {
            args.finish()?;
            for p in presets::PRESETS {
                outln!("{:<14} {} [{}]", p.name, p.description, p.claim);
            }
            Ok(ExitCode::SUCCESS)
        }
        "help" | "--help" | "-h" => {
            outln!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(UsageError::new(format!("unknown command {other:?}\n{USAGE}")).into()),
    }
}

/// A core error as a usage error (the user's input was refused), in `--lang`'s language.
fn usage(e: impl Said) -> UsageError {
    UsageError::new(e.said_in(words()))
}

/// Builds the experiment a command runs, and the preset it starts from: a preset or a link, then
/// `--set`, `--at` and `--ramp` entries in order, then `--seed` — entries for both runs, so run B
/// of a comparison takes them wherever it has no value of its own (core's [`Experiment::apply`],
/// the rule of a link's plain entries).
fn build_experiment(args: &mut Args) -> Result<(Experiment, Option<&'static str>), UsageError> {
    build_start(args).map(|s| (s.experiment, s.preset))
}

/// What a command starts from: the experiment, its preset, and the windows its link names for
/// the result (`window=`).
pub(crate) struct Start {
    experiment: Experiment,
    preset: Option<&'static str>,
    windows: Vec<bgloop_core::result::Window>,
}

/// The experiment of `--permalink`/`--preset`, `--set`, `--at`, `--ramp` and `--seed`, with the
/// link's windows.
fn build_start(args: &mut Args) -> Result<Start, UsageError> {
    let (mut experiment, preset, windows) = starting_point(args)?;
    let entries = entries(args)?;
    experiment
        .apply(entries.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(usage)?;
    experiment.validate().map_err(usage)?;
    for note in experiment.a.config.notes() {
        eprintln!("bgloop: note: {note}");
    }
    Ok(Start {
        experiment,
        preset,
        windows,
    })
}

/// The experiment of `--permalink` or `--preset` (or the defaults), its preset, and the link's
/// windows.
type Starting = (
    Experiment,
    Option<&'static str>,
    Vec<bgloop_core::result::Window>,
);

/// The experiment of `--permalink` or `--preset` (or the defaults), its preset, and the windows
/// the link names.
fn starting_point(args: &mut Args) -> Result<Starting, UsageError> {
    match (args.value("--permalink")?, args.value("--preset")?) {
        (Some(_), Some(_)) => Err(UsageError::new(
            "--permalink and --preset cannot be combined (a link can name its preset: preset=NAME)",
        )),
        (Some(link), None) => {
            let decoded = permalink::decode(&link);
            if decoded.version > permalink::VERSION {
                return Err(UsageError::new(format!(
                    "--permalink: made by a newer bgloop (v={}; this is v={}), so it cannot be replayed exactly",
                    decoded.version,
                    permalink::VERSION
                )));
            }
            for note in &decoded.notes {
                eprintln!("bgloop: note: {note}");
            }
            if !decoded.rejected.is_empty() {
                let reasons: Vec<String> = decoded
                    .rejected
                    .iter()
                    .map(|r| format!("{} ({})", r.reason, r.entry))
                    .collect();
                return Err(UsageError::new(format!(
                    "--permalink: {}",
                    reasons.join("; ")
                )));
            }
            let windows = decoded
                .view
                .iter()
                .find(|(k, _)| k == "window")
                .and_then(|(k, v)| {
                    bgloop_core::result::Window::parse_list(k, v, bgloop_core::view::MAX_END_TRIAL)
                        .ok()
                })
                .unwrap_or_default();
            Ok((decoded.experiment, decoded.preset, windows))
        }
        (None, Some(name)) => {
            let p = presets::preset(&name).ok_or_else(|| {
                UsageError::new(format!(
                    "--preset {name:?} is not one of: {}",
                    presets::names()
                ))
            })?;
            Ok((p.experiment().map_err(usage)?, Some(p.name), Vec::new()))
        }
        (None, None) => Ok((Experiment::default(), None, Vec::new())),
    }
}

/// The `--set`, `--at`, `--ramp` and `--seed` entries, in that order, as `key=value` pairs.
fn entries(args: &mut Args) -> Result<Vec<(String, String)>, UsageError> {
    let mut entries: Vec<(String, String)> = Vec::new();
    for pair in args.values("--set")? {
        let (key, value) = pair.split_once('=').ok_or_else(|| {
            UsageError::new(format!(
                "--set {pair:?} must be key=value (see `bgloop schema`)"
            ))
        })?;
        entries.push((key.trim().to_string(), value.to_string()));
    }
    for (flag, example) in [
        ("--at", "150:gpi_output=0"),
        ("--ramp", "50-250:rotation_deg=0..60"),
    ] {
        for text in args.values(flag)? {
            let bad = || UsageError::new(format!("{flag} {text:?} must look like {example}"));
            let (when, rest) = text.split_once(':').ok_or_else(bad)?;
            let (key, value) = rest.split_once('=').ok_or_else(bad)?;
            if (flag == "--ramp") != value.contains("..") {
                return Err(bad());
            }
            entries.push((
                format!("@{}.{}", when.trim(), key.trim()),
                value.to_string(),
            ));
        }
    }
    if let Some(seed) = args.value("--seed")? {
        entries.push(("seed".to_string(), seed));
    }
    Ok(entries)
}

/// Writes the records of `sim`'s next `trials` trials as they are made (so no run is limited
/// by the history kept in memory); `run` names the run of a comparison in errors.
fn stream<W: Write>(
    w: &mut record::Writer<W>,
    sim: &mut Simulation,
    trials: u32,
    run: Option<&str>,
) -> Result<(), Failure> {
    for _ in 0..trials {
        let r = sim.run_trial().map_err(|e| {
            Failure::Run(match run {
                Some(name) => format!("run {name}: {e}"),
                None => e.to_string(),
            })
        })?;
        w.record(&r).map_err(writing)?;
    }
    Ok(())
}

/// An output error as a failure of the run.
fn writing(e: std::io::Error) -> Failure {
    Failure::Run(format!("writing output: {e}"))
}

/// `bgloop run`: the records of one run, or of a comparison's runs one after the other (A's, then
/// B's: each streamed, so a run of a million trials needs no memory for its records).
fn run(args: &mut Args) -> Result<ExitCode, Failure> {
    let start = build_start(args)?;
    let trials = args.number("--trials", 1, 1_000_000)?.unwrap_or(100) as u32;
    if args.flag("--summary") {
        let text = summary::run(args, start, trials)?;
        out!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    let experiment = start.experiment;
    let format = match args.choice("--format", &["csv", "jsonl", "json"])? {
        Some("jsonl") => record::Format::Jsonl,
        Some("json") => record::Format::Json,
        _ => record::Format::Csv,
    };
    let out = args.value("--out")?;
    args.finish()?;
    let (a, b) = experiment.simulations().map_err(usage)?;
    let sink: Box<dyn Write> = match &out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| Failure::Run(format!("--out {path:?}: {e}")))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let comparison = experiment.is_comparison();
    let mut w = record::Writer::new(sink, format, comparison).map_err(writing)?;
    let mut result = Ok(());
    for ((name, protocol), mut sim) in experiment.runs().zip(std::iter::once(a).chain(b)) {
        w.begin_run(name, &protocol.config, &protocol.schedule)
            .map_err(writing)?;
        let outcome = stream(&mut w, &mut sim, trials, comparison.then_some(name));
        w.end_run().map_err(writing)?;
        if outcome.is_err() {
            result = outcome;
            break;
        }
    }
    w.finish().map_err(writing)?;
    result.map(|()| ExitCode::SUCCESS)
}

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
fn summary_table(outcomes: &[sweep::Outcome], measure: sweep::Measure) -> String {
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

/// Runs a parameter sweep on all cores (or one shard of it) and prints the summary or JSON lines.
fn sweep(args: &mut Args) -> Result<ExitCode, Failure> {
    let (base, _) = build_experiment(args)?;
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
    spec.check_experiment(&base).map_err(UsageError::new)?;
    let jobs = match shard {
        None => spec.jobs(),
        Some(text) => {
            let (k, n) = text
                .split_once('/')
                .and_then(|(k, n)| Some((k.parse::<u32>().ok()?, n.parse::<u32>().ok()?)))
                .ok_or_else(|| {
                    UsageError::new(format!("--shard {text:?} must be K/N, e.g. 3/10"))
                })?;
            spec.shard(k, n).map_err(UsageError::new)?
        }
    };
    // The output is opened before the work: a folder that does not exist fails now, not after
    // hours of computing (a Slurm shard would lose its work).
    let mut sink = out.as_deref().map(open_out).transpose()?;
    let base = base.a;
    let outcomes = run_jobs(&base, &spec, &jobs)?;
    if let Some(path) = figure.as_deref() {
        sweep_figure(path, &spec, &base, &outcomes, measure)?;
    }
    let text = if jsonl {
        outcomes
            .iter()
            .map(|o| serde_json::to_string(o).unwrap_or_default() + "\n")
            .collect::<String>()
    } else {
        summary_table(&outcomes, measure)
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
fn measure_arg(args: &mut Args) -> Result<sweep::Measure, Failure> {
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

/// The most bytes one shard file may have (a 200-value, 100-seed sweep writes about 3 MB).
const MAX_SHARD_BYTES: u64 = 64 << 20;

/// A shard file's text: a regular file of at most [`MAX_SHARD_BYTES`] (never a device or a pipe
/// that could grow without end).
fn read_shard(f: &str) -> Result<String, Failure> {
    use std::io::Read;
    let meta = std::fs::metadata(f).map_err(|e| Failure::Run(format!("{f:?}: {e}")))?;
    if !meta.is_file() {
        return Err(UsageError::new(format!(
            "{f:?} is not a regular file; merge reads the files written by `bgloop sweep --shard K/N --out FILE`"
        ))
        .into());
    }
    let mut text = String::new();
    std::fs::File::open(f)
        .and_then(|file| file.take(MAX_SHARD_BYTES + 1).read_to_string(&mut text))
        .map_err(|e| Failure::Run(format!("{f:?}: {e}")))?;
    if text.len() as u64 > MAX_SHARD_BYTES {
        return Err(UsageError::new(format!(
            "{f:?} is larger than a shard can be ({} MiB)",
            MAX_SHARD_BYTES >> 20
        ))
        .into());
    }
    Ok(text)
}

/// Merges the JSON lines of sweep shards into one summary.
fn merge(args: &mut Args) -> Result<ExitCode, Failure> {
    let json = args.flag("--json");
    let measure = measure_arg(args)?;
    let files = args.rest();
    if files.is_empty() {
        return Err(UsageError::new(
            "merge needs the JSON-lines files written by `bgloop sweep --shard K/N`",
        )
        .into());
    }
    let mut outcomes: Vec<sweep::Outcome> = Vec::new();
    let mut origins: Vec<String> = Vec::new();
    for f in &files {
        let text = read_shard(f)?;
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let o: sweep::Outcome = serde_json::from_str(line)
                .map_err(|e| UsageError::new(format!("{f}:{}: not a sweep result ({e})", n + 1)))?;
            outcomes.push(o);
            origins.push(format!("{f}:{}", n + 1));
        }
    }
    sweep::check_outcomes(&outcomes)
        .map_err(|(i, problem)| UsageError::new(format!("{}: {problem}", origins[i])))?;
    sweep::check_complete(&outcomes).map_err(UsageError::new)?;
    if json {
        let points = sweep::summarize_by(&outcomes, measure);
        outln!(
            "{}",
            serde_json::to_string(&points).map_err(|e| Failure::Run(e.to_string()))?
        );
    } else {
        out!("{}", summary_table(&outcomes, measure));
    }
    Ok(ExitCode::SUCCESS)
}

/// Times the simulation natively and prints trials/s, FLOPs per trial and the fraction of peak.
fn run_bench(args: &mut Args) -> Result<ExitCode, Failure> {
    let trials = args.number("--trials", 10, 1_000_000)?.unwrap_or(1000) as u32;
    let json = args.flag("--json");
    let dump = args.flag("--dump-deterministic");
    args.finish()?;
    if dump {
        outln!("{}", bench::deterministic_trial().map_err(Failure::Run)?);
        return Ok(ExitCode::SUCCESS);
    }
    // The widest compilation first (what runs), then the portable one for the ratio.
    let widest = bgloop_core::network::Lanes::detect();
    let mut compilations = vec![widest];
    if widest != bgloop_core::network::Lanes::Portable {
        compilations.push(bgloop_core::network::Lanes::Portable);
    }
    let mut rows = Vec::new();
    for &lanes in &compilations {
        for n in [64, 128] {
            let t = if n > 64 { trials / 2 } else { trials };
            rows.push(bench::measure(n, t, lanes).map_err(Failure::Run)?);
        }
    }
    let ghz = bench::clock_ghz();
    if json {
        let doc = serde_json::json!({ "rows": rows, "clock_ghz": ghz });
        outln!("{doc}");
        return Ok(ExitCode::SUCCESS);
    }
    outln!("native (release), default configuration, seed 1, trials end at the target:");
    outln!(
        "{:>9} {:>5} {:>8} {:>10} {:>11} {:>9} {:>8} {:>13} {:>8} {:>12} {:>12}",
        "step",
        "N",
        "trials",
        "trials/s",
        "µs/trial",
        "steps",
        "active",
        "MFLOP/trial",
        "GFLOP/s",
        "% SSE2 peak",
        "% AVX2 peak"
    );
    for r in &rows {
        let (sse, avx) = match ghz {
            Some(g) => (
                format!("{:.1}", 100.0 * r.gflops / (g * 4.0)),
                format!("{:.1}", 100.0 * r.gflops / (g * 8.0)),
            ),
            None => ("—".into(), "—".into()),
        };
        outln!(
            "{:>9} {:>5} {:>8} {:>10.0} {:>11.1} {:>9.0} {:>8.1} {:>13.2} {:>8.2} {:>12} {:>12}",
            r.lanes,
            r.n,
            r.trials,
            r.trials_per_s,
            r.us_per_trial,
            r.steps_per_trial,
            r.active_units,
            r.flops_per_trial / 1e6,
            r.gflops,
            sse,
            avx
        );
    }
    if rows.len() == 4 {
        outln!(
            "{} step / portable step: {:.2}× (N = 64), {:.2}× (N = 128); the same numbers bit for bit",
            rows[0].lanes,
            rows[0].trials_per_s / rows[2].trials_per_s,
            rows[1].trials_per_s / rows[3].trials_per_s
        );
    }
    if let Some(g) = ghz {
        outln!("peak of one core at {g:.2} GHz: {:.1} GFLOP/s with SSE2 f64 (2 lanes × add + mul), {:.1} with AVX2 (4 lanes; no FMA: fusing would change the numbers)", g * 4.0, g * 8.0);
    }
    Ok(ExitCode::SUCCESS)
}

/// Checks `--out` of a figure before anything runs: an `.svg` or `.png` name in a folder that
/// exists (a path through a file says which part is the file).
fn check_figure_out(path: &str) -> Result<(), UsageError> {
    let lower = path.to_ascii_lowercase();
    if !(lower.ends_with(".svg") || lower.ends_with(".png")) {
        return Err(UsageError::new(format!(
            "--out {:?}: a figure is written as .svg or .png; name the file FILE.svg or FILE.png",
            bgloop_core::format::short(path, 80)
        )));
    }
    let Some(dir) = std::path::Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    // The first part of the path that is there but is not a folder, if any.
    let blocking = dir
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| a.exists() && !a.is_dir());
    Err(UsageError::new(match blocking {
        Some(file) => format!(
            "--out: {} is a file, not a folder, so nothing can be written inside it",
            file.display()
        ),
        None => format!("--out: the folder {} does not exist", dir.display()),
    }))
}

/// `bgloop figure`: runs an experiment (one run or a comparison) in a session, as the page does,
/// and draws the figure the page's "Export figure → SVG" draws.
fn figure(args: &mut Args) -> Result<ExitCode, Failure> {
    let (experiment, preset) = build_experiment(args)?;
    let trials = args.number("--trials", 1, 1_000_000)?.unwrap_or(100) as u32;
    let no_hand = args.flag("--no-hand");
    let link_base = args.value("--link-base")?.unwrap_or_default();
    let (width, height) = match args.value("--size")? {
        None => (1200, 560),
        Some(s) => s
            .split_once('x')
            .and_then(|(w, h)| Some((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?)))
            .filter(|(w, h)| (300..=8000).contains(w) && (200..=8000).contains(h))
            .ok_or_else(|| {
                UsageError::new(format!(
                    "--size {s:?} must be WIDTHxHEIGHT, 300–8000 by 200–8000 pixels"
                ))
            })?,
    };
    let out = args.value("--out")?;
    if let Some(path) = out.as_deref() {
        check_figure_out(path)?;
    }
    args.finish()?;
    let mut session = Session::new(std::iter::empty::<(&str, f64)>()).map_err(usage)?;
    session.set_words(words());
    session.record_traces(2.0, true).map_err(usage)?;
    session.open(experiment, preset).map_err(usage)?;
    let mut left = trials;
    while left > 0 {
        let n = left.min(bgloop_core::session::MAX_TRIALS_PER_CALL);
        session.run_trials(f64::from(n)).map_err(Failure::Run)?;
        left -= n;
    }
    let figure = bgloop_charts::figure::Figure::of_session(&session, !no_hand, &link_base);
    if let Some(path) = out
        .as_deref()
        .filter(|p| p.to_ascii_lowercase().ends_with(".png"))
    {
        png::write(path, &figure, (width, height))?;
        return Ok(ExitCode::SUCCESS);
    }
    let svg = figure
        .svg(width, height)
        .map_err(|e| Failure::Run(e.to_string()))?;
    match out {
        Some(path) => {
            std::fs::write(&path, svg).map_err(|e| Failure::Run(format!("--out {path:?}: {e}")))?
        }
        None => out!("{svg}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn run_claims(args: &mut Args) -> Result<ExitCode, Failure> {
    let seeds = args.number("--seeds", 1, 50)?.map(|s| s as u32);
    let only = args.value("--only")?;
    args.finish()?;
    let started = std::time::Instant::now();
    let checks = match only {
        None => claims::run_all(seeds),
        Some(list) => {
            let mut opts = claims::ClaimOptions::default();
            if let Some(s) = seeds {
                opts.seeds = s;
                opts.babbling_seeds = s;
            }
            let mut out = Vec::new();
            for name in list.split(',') {
                let claim = match name.trim().to_ascii_uppercase().as_str() {
                    "C1" => claims::Claim::C1,
                    "C2" => claims::Claim::C2,
                    "C3" => claims::Claim::C3,
                    "C4" => claims::Claim::C4,
                    "C5" => claims::Claim::C5,
                    _ => {
                        return Err(UsageError::new(format!(
                            "--only {name:?}: claims are C1, C2, C3, C4, C5"
                        ))
                        .into())
                    }
                };
                match claims::run(claim, &opts) {
                    Ok(c) => out.extend(c),
                    Err(e) => return Err(Failure::Run(e.to_string())),
                }
            }
            Ok(out)
        }
    }
    .map_err(|e| Failure::Run(e.to_string()))?;
    report_checks(&checks, started)
}

fn print_schema(args: &mut Args) -> Result<ExitCode, Failure> {
    let format = args
        .choice("--format", &["json", "markdown"])?
        .unwrap_or("markdown");
    args.finish()?;
    if format == "json" {
        let text =
            serde_json::to_string_pretty(schema()).map_err(|e| Failure::Run(e.to_string()))?;
        outln!("{text}");
    } else {
        out!("{}", bgloop_core::schema::markdown(schema()));
    }
    Ok(ExitCode::SUCCESS)
}

fn run_phenomena(args: &mut Args) -> Result<ExitCode, Failure> {
    let mut opts = phenomena::PhenomenaOptions::default();
    if let Some(s) = args.number("--seeds", 1, 50)? {
        opts.seeds = s as u32;
    }
    if let Some(s) = args.number("--long-seeds", 0, 50)? {
        opts.long_run = (s > 0).then(|| bgloop_core::longrun::LongRunOptions {
            seeds: s as u32,
            ..Default::default()
        });
    }
    args.finish()?;
    let started = std::time::Instant::now();
    let checks = phenomena::run_all(&opts).map_err(|e| Failure::Run(e.to_string()))?;
    report_checks(&checks, started)
}

/// Prints a claims or phenomena table and its summary line; exit 1 if any check failed.
fn report_checks(
    checks: &[claims::Check],
    started: std::time::Instant,
) -> Result<ExitCode, Failure> {
    out!("{}", claims::table(checks));
    let failed = checks.iter().filter(|c| !c.pass).count();
    outln!(
        "{} passed, {} failed ({:.0} s)",
        checks.len() - failed,
        failed,
        started.elapsed().as_secs_f64()
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
