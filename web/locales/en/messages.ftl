## Sentences the model writes: the status line, run names, a figure's header, and errors.
## Arguments are filled in by the program: $field is a parameter's key as links write it.

## Errors in a value (a link, a control typed by hand, a config from a script, a CLI flag)
error-out-of-range = `{ $field }` = { $value } is out of range { $min }–{ $max }
error-not-whole = `{ $field }` = { $value } must be a whole number
error-not-one-of = `{ $field }` = { $value } is not one of: { $allowed }
error-not-a-number = `{ $field }` = { $value } is not a number (allowed: { $allowed })
error-not-finite = `{ $field }` = { $value } is not a finite number (allowed: { $allowed })
error-outside = `{ $field }` = { $value } is out of range { $allowed }
error-not-whole-in = `{ $field }` = { $value } must be a whole number in { $allowed }
error-unknown-parameter = unknown parameter { $key } (`bgloop schema` lists them)
error-not-a-language = `{ $field }` = { $value } is not a language bgloop speaks: { $allowed }
error-built-for = Outside the range this model was built for ({ $range }): { $why }.
note-built-for = { $label } = { $value }: { $sentence }

## The phases of a run
phase-baseline = baseline
phase-rotation = rotation
phase-washout = washout
phase-gpi-off = GPi off
phase-probe = probe

## Changes during a run that have a name of their own
event-gpi-off = GPi off
event-washout = washout

## The status line
status-ready = Ready: press Play, or Step for one trial.
status-first-trial = Trial 1 in progress · { $ms } ms
status-stopped = Stopped: { $why }
status-not-executed = not executed (no reach, no reward)
status-outcome = error { $error }° · reward { $reward } · reach { $reach } ms
status-outcome-short = error { $error }°, reward { $reward }, reach { $reach } ms
status-trial = Trial { $trial } · { $phase } · { $outcome }
status-trial-both = Trial { $trial } · { $a } · { $b }
status-b-at = B (trial { $trial })

## The result: a mean over a window of trials, per run
result-title = Result
result-last = { $n ->
    [one] Last trial ({ $to })
   *[other] Last { $n } trials ({ $from }–{ $to })
}
result-window = Trials { $from }–{ $to }
result-figures = mean |error| { $error }° (SD { $sd }°) · reward { $reward }% · reaches made { $executed }% · { $reach }
result-reach = reach time { $ms } ms
result-no-reach = no reach made
result-so-far = { $line } (so far: trials { $from }–{ $to })
result-not-reached = not reached yet (the run is at trial { $done })
result-too-short = too few trials to say ({ $n } of at least { $min })
result-run = { $run }: { $line }
result-sentence = { $heading }: { $runs }.
result-joiner = { "; " }

## The names of the two runs of a comparison
run-more = { " " }(+{ $n } more)
run-b-unchanged = B (no change yet)
run-named = { $run }: { $name }
run-from-trial = { $change } from trial { $trial }

## A figure's header
figure-custom = A custom experiment
figure-versus = { $title }: { $a } vs { $b }
figure-seed = seed { $seed }
figure-trials = { $n ->
    [0] no trials yet
    [1] trial 1
   *[other] trials 1–{ $n }
}
figure-from-trial = from trial { $trial }: { $change }
error-and-more = ; and { $n } more
rejected-run-b = run B: { $error }
error-in-event = `{ $event }`: { $error }

## A run that left the model's safe range
error-diverged = the run diverged in trial { $trial } at { $ms } ms: { $population } rate { $rate } (limit { $limit }). Likely cause: { $cause }. Reset with other values.
cause-cortex = cortical recurrence (cortical_recurrence) too strong for the inhibition, or too much drive (cortical_drive, cue_strength, loop_strength with g_ct)
cause-striatum = cortico-striatal weights too strong (dopamine, g_sc, weight_max, cue_learning_rate, learning_rate)
cause-stn-gpi = subthalamo-pallidal gains too strong (g_nc, g_gn)
cause-thalamus = thalamic background or gains too strong (i_t, g_ct)

## A link's view options
error-flag = `{ $field }` = { $value } must be 1 or 0
error-view = `{ $field }` = { $value } is not one of the views: { $views }
error-speed = `{ $field }` = { $value } must be a whole number in 0–{ $max }
error-end-trial = `{ $field }` = { $value } must be a trial number in 1–{ $max }
error-window-form = `{ $field }` = { $value } must be a range of trials FROM-TO within 1–{ $max }, e.g. 301-400 (up to 4, comma-separated)
error-window-reversed = `{ $field }` = { $value } runs backwards: write the first trial first ({ $turned })
error-window-count = `{ $field }` names { $count } windows; a link may name at most { $max }
error-window-beyond = `{ $field }` = { $value } ends after trial { $end }, where this link stops (`to`): the window would never be complete
error-tour-step = `{ $field }` = { $value } must be a step in 1–{ $max }
error-tour-file = `{ $field }` = { $value } must be a step number or a path on this site to a .json tour, with its step if not the first, e.g. tours/mine.json or tours/mine.json:3
error-hide-part = `{ $field }` names { $value }, which is neither a part of the page ({ $parts }) nor a parameter

## Notes and refusals of a link (said in the reader's language wherever the link is opened).
link-note-too-long = the link is longer than { $max } characters; the entries from character { $from } on were ignored
link-note-too-many = the link has more than { $max } entries; the rest were ignored
link-note-newer = this link was made by a newer version of bgloop (v={ $version }; this is v={ $current }): entries it does not know are listed
link-note-v1 = this link was made before the learning rule was revised for several targets (v=1): it replays with the learning settings it was made with
link-note-v2 = this link was made before learned depressions were kept (v=2), when learning slowly silenced GPi over thousands of trials: it replays with the learning settings it was made with (weight floor: update)
link-note-v3-dopamine = this link was made before dopamine loss also weakened the teaching signal (v=3): it replays as it was made, the dopamine level scaling only the cortico-striatal drive (teaching signal: separate)
link-note-retired = `{ $key }` { $why }: ignored
retired-untuned_drive = was never applied by the model (it had no effect) and is no longer a parameter
rejected-no-key = an entry without a key (entries are key=value)
rejected-no-key-b = an entry without a key (run B's entries are b.key=value)
rejected-percent = `{ $key }`: not valid percent-encoding (use %XX escapes of UTF-8)
rejected-version = `v` = { $value } must be a version number such as { $current }
rejected-preset = `preset` = { $value } is not one of: { $names }
rejected-b-event = `{ $key }`: run B's changes over time are events, e.g. b.@151.{ $live }=0
rejected-b-header = `{ $key }`: run B shares run A's version and preset; set B's differences as b.key=value
rejected-b-view = `{ $key }`: view options apply to the whole page, not to run B
rejected-said = { $reason }

## A change during a run, as a link writes it (@trial.key=value): why one is refused
event-form = an event is @trial.key=value or @first-last.key=from..to
event-not-live = `{ $key }` cannot change during a run (it applies on Reset); live parameters: { $live }
event-ramp-dots = a ramp's value is from..to with two dots, e.g. 0..60
event-trial = the trial { $trial } must be a whole number in 1–{ $max }
event-ramp-needs-trials = a ramp needs a range of trials: @first-last.key=from..to
event-ramp-order = a ramp's last trial must come after its first
event-step-only = `{ $key }` can only step, not ramp ({ $allowed })
event-ramp-value = a ramp's value is from..to, e.g. 0..60
event-ramp-numbers = a ramp's ends must be numbers
event-too-many = a schedule holds at most { $max } events
event-begun = `{ $event }`: trial { $trial } has already begun; a change now applies from trial { $first }
error-legacy-trials = `{ $field }` must be a whole number of trials in 0–{ $max } (0 = never)

## Why a sweep cannot run on this experiment
sweep-comparison = a sweep runs one experiment, and this one is a comparison (run B has its own settings): end the comparison, or choose a preset that is not one
sweep-event = `{ $param }`: the experiment changes `{ $param }` from trial { $trial } ({ $event }), so a sweep would set it only before then; remove that event or sweep another parameter
sweep-not-real = `{ $param }` cannot be swept: only real-valued parameters can
sweep-values = the number of values { $count } must be in 1–{ $max }
sweep-one-value = `{ $param }` from { $from } to { $to } gives one value, not { $count }: give a count of 1 or two different ends
sweep-twice = `{ $param }` is swept already: a map sweeps two different parameters
sweep-too-many-runs = the sweep has { $runs } runs (values × values × seeds); at most { $max }
error-in-sweep = `{ $key }`: { $why }
sweep-link-part = `{ $part }` must be key:from:to:count, seeds:K, trials:N or measure:M
sweep-link-number = `{ $param }`: the { $what } `{ $value }` is not a number
sweep-link-count = `{ $param }`: the count `{ $value }` must be a whole number in 1–{ $max }
sweep-link-seeds = `seeds:{ $value }` must be a whole number in 1–{ $max }
sweep-link-trials = `trials:{ $value }` must be a whole number in { $min }–{ $max }
sweep-link-measure = `measure:{ $value }` must be one of: { $measures }
sweep-link-axes = a sweep takes one parameter, or two for a map (this link gives { $count })
sweep-link-from = start
sweep-link-to = end
