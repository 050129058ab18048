## The page: its title, buttons, labels, dialogs and the sentences the page writes itself.
## An attribute (.aria-label, .placeholder, .title, .content) is set on the element with that id.

page-title = bgloop — why adapting a reach needs a strong basal ganglia loop
page-description =
    .content = An interactive model of the basal ganglia–thalamus–cortex loop: watch reaches adapt to a rotated cursor, and see why adaptation needs a strong loop while execution does not need BG output.
masthead-subtitle = · reward-driven adaptation in a basal ganglia–cortex loop
masthead-lede = A cortical ring holds a reach plan; the loop through the basal ganglia and thalamus nudges and explores it; dopamine strengthens the cortico-striatal synapses behind rewarded reaches. Rotate the cursor, press Play, and watch the reach adapt — then weaken the loop.
tour-open = Take the tour: the paper in { $steps } steps
tour-loading = Loading the tour…
glossary-open = Words used here
language = Language
problems-lead = Some entries of this link could not be used.
problems-then = The page opened with the preset's or default values for them:
problems-about = About this link:
dismiss = Dismiss
close = Close

## The experiment panel
panel-experiment =
    .aria-label = Experiment
preset-label = Preset
preset-custom = Custom (defaults)
preset-custom-watch = The default model: one target at 0°, no rotation. Choose a preset to reproduce one of the paper's claims.
transport =
    .aria-label = Run
play = Play
pause = Pause
step = Step
reset = Reset
compare-group =
    .aria-label = Compare two runs
compare = Compare
end-compare = End comparison
compare-note = Pin this run as A and change a copy, B: both then run trial for trial.
compare-now = Comparing { $a } (solid) with { $b } (dashed).
compare-now-pinned = Comparing { $a } (solid) with { $b } (dashed). Run A is pinned; the controls change run B.
speed-label = Speed
run-to-label = Run to trial
run-to-input =
    .placeholder = e.g. 300
run-to-go = Run to
loading = Loading the model…
high-contrast = High contrast (projectors)
pending = Changed parameters apply on Reset.
share-group =
    .aria-label = Share and export
copy-link = Copy link
embed = Embed
export-csv = Export CSV
export-json = Export JSON
export-figure = Export figure
export-svg = Export SVG
open-full = Open in playground ↗
start-failed = The model could not start: { $why }

## The end of a run that a link sets (to=)
end-stopped = Stopped at trial { $trial }, where this link ends. Play goes on from here.
end-stopped-loop = Stopped at trial { $trial }, where this link ends. It starts again in a moment.
end-runs-to = Runs to trial { $trial } and stops there (to={ $trial } in the link).
run-to-not-a-trial = Run to: `to` = { $value } must be a trial number in 1–100000
run-to-nothing = nothing
run-to-already = Run to: trial { $trial } has already run ({ $done } trials so far); press Reset first, or choose a later trial

## Changes during a run
events-list =
    .aria-label = Changes during the run
event-item = from trial { $trial }: { $change }
event-remove =
    .aria-label = Remove the change at trial { $trial }: { $change }
event-keep = Keep after Reset
    .aria-label = Keep the change at trial { $trial } after Reset: { $change }
    .title = Reset starts over with the value the control shows; kept, the change is replayed from its trial instead
event-kept = (kept after Reset)
live-kept = { $change } from trial { $trial }: kept in the link.
live-kept-b = { $change } from trial { $trial } (run B): kept in the link.

## Parameter controls
panel-params =
    .aria-label = Parameters
params-key = Key parameters
params-more = More parameters
live-tag = live
live-tag-title = Changes apply from the next trial, without a reset, and are kept in the link
live-note = Live: a change applies from the next trial, without a reset.
params-advanced = Advanced
number-box = { $label } (number)
built-for = Outside the range this model was built for ({ $range }): { $why }.
scheduled-ramp = → { $from } to { $to } over trials { $first }–{ $last }
scheduled-step = → { $value } from trial { $trial }
scheduled-note = { $changes } (a scheduled change, kept in the link)

## The views
views =
    .aria-label = Views
view-reach = Reach
view-reach-hint = cursor path of the current trial; earlier trials fade
view-reach-canvas =
    .aria-label = Reach view: target, current cursor path and recent paths
show-hand = Show hand path
view-circuit = Circuit
view-circuit-hint = the loop now: each population's change from rest; λ, DA and κ on their connections
view-circuit-canvas =
    .aria-label = Circuit view: cortex, striatum, STN, GPi and thalamus, coloured by their activity, with the loop strength, dopamine and GPi output
view-learning = Learning
view-learning-hint = |error| and reward per trial
view-enlarge = Enlarge
    .title = Enlarge this view (for a projector); press again to see every view
view-learning-canvas =
    .aria-label = Learning view: error and reward per trial
view-activity = Activity
activity-run = run A:{ " " }
view-activity-hint = the five rings over the current trial: time →, preferred direction ↓ (target in the middle); colour: each unit's change from its ring's rest level, red above, blue below
view-activity-canvas =
    .aria-label = Activity view: cortex, striatum, STN, GPi and thalamus over the trial

## The guided tour
tour-nav =
    .aria-label = Tour
tour-back = ← Back
tour-next = Next →
tour-finish = Finish
tour-replay = Replay step
tour-close = Close tour
tour-counter = step { $step } of { $steps }
tour-no-step = tour step { $step } does not exist: this tour has steps 1–{ $steps }
tour-failed = The tour could not be opened: { $why }
tour-file-failed = The tour { $file } could not be opened: { $why }

## The sweep
sweep-section =
    .aria-label = Sweep
sweep-title = Sweep
sweep-hint = final |error| (last 50 trials) against a parameter, mean ± SD over seeds — or, with a second parameter, a map of its mean — on the current settings
sweep-param = Parameter
sweep-from = From
sweep-to = To
sweep-count = Values
sweep-param2 = Second parameter (a map)
sweep-from2 = From (2nd)
sweep-to2 = To (2nd)
sweep-count2 = Values (2nd)
sweep-seeds = Seeds
sweep-trials = Trials
sweep-workers = Workers
sweep-run = Run sweep
sweep-cancel = Cancel
sweep-svg = Export sweep SVG
sweep-png = Export sweep PNG
sweep-progress =
    .aria-label = Sweep progress
sweep-ask = This link asks for a sweep of { $runs } runs of { $trials } trials: about { $seconds } s with { $workers ->
    [one] 1 worker
   *[other] { $workers } workers
}. It starts only if you ask.
sweep-ask-run = Run this sweep
sweep-ready = Choose a parameter and press Run sweep.
sweep-loading = Loading what runs sweeps…
sweep-canvas =
    .aria-label = Sweep: final error against the parameter
sweep-none = none (a curve)
sweep-cancelled = Cancelled after { $runs } runs.
sweep-running = { $done } of { $runs } runs · { $seconds } s · about { $left } s left
sweep-done = Done: { $runs } runs in { $seconds } s on { $workers ->
    [one] 1 worker
   *[other] { $workers } workers
}.
sweep-starting = 0 of { $runs } runs on { $workers ->
    [one] 1 worker
   *[other] { $workers } workers
}…
sweep-cell = final |error| { $mean }° ± { $sd } ({ $n ->
    [one] 1 seed
   *[other] { $n } seeds
}, { $min }–{ $max }°{ $diverged })
sweep-cell-diverged = ; { $n } diverged (left out)
sweep-measure = Show
sweep-cell-regime = { $regime } ({ $count } of { $runs ->
    [one] 1 seed
   *[other] { $runs } seeds
}{ $others }): { $figures }. Why: { $why } —{" "}
sweep-cell-others = ; other seeds: { $others }
sweep-cell-executed = { $percent }% of reaches executed
sweep-cell-reach = reach time { $ms } ms
sweep-cell-no-reach = no reach made
sweep-cell-reward = mean reward { $reward }
sweep-cell-adapted = { $n } of { $runs ->
    [one] 1 run
   *[other] { $runs } runs
} adapted at some point
regime-why-adapted = exploration found the reward window and dopamine-dependent plasticity shifted the reach onto it.
regime-why-not-adapted = reaches are made and now and then rewarded, but the mean |error| of the last 50 trials stays above 10°.
regime-why-adapted-then-lost = an earlier stretch of 50 trials was adapted, the last one is more than 5° worse: a later change of the experiment (or of the loop) undid it.
regime-why-never-rewarded = fewer than 1 reach in 100 was rewarded: the loop's exploration never carried the cursor into the reward window, so there was nothing to learn from (a weak loop barely moves the cortical plan).
regime-why-no-movement = fewer than half the reaches were made: with little dopamine the striatum's drive is weak and a strong loop loses its selective GPi dip (the loss of selection of Leblois et al. 2006), so the thalamus releases no plan to move; the mean |error| then mixes reaches made and not made.
regime-why-oscillating = the loop at these settings oscillates (probed without noise, as claim C4: GPi at about 10 Hz), and the reaches it drives are not adapted.
sweep-described = Sweep: { $measure } against { $param }{ $param2 ->
    [none] {""}
   *[other] {" "}and { $param2 }
}; { $done } of { $cells } cells computed.
sweep-table-caption = { $measure } at each value (mean over seeds; a regime: that of most seeds, * when they differ)
sweep-cell-pending = not computed yet
sweep-cell-at = { $x }, { $y }: { $said }
sweep-cell-all-diverged = every run diverged ({ $n })
sweep-problem = { $why }
sweep-stopped = The sweep stopped: { $why }
sweep-no-workers = Sweeps need Web Workers: serve the page over HTTP (npm start) rather than opening the file.
sweep-no-workers-because = Sweeps need Web Workers ({ $why }).
sweep-empty = `{ $field }` is empty: enter a number
sweep-not-a-number = `{ $field }` is "{ $value }", not a number: enter a number
sweep-workers-range = `workers` = { $value } must be a whole number in 1–64

## The Embed dialog
embed-title = Embed this experiment
embed-intro = The demo starts when scrolled into view, pauses when scrolled away, and sizes itself to your column.
embed-show = Show
embed-to = Stop at trial
embed-to-input =
    .placeholder = never
embed-loop = then start again
embed-code = 1. The element (recommended: it sizes itself)
embed-iframe = 2. Or a plain iframe (for sites that allow no scripts),
embed-measuring = measuring…
embed-measured = { $height } px tall at { $width } px wide (measured in the preview)
embed-preview-label = Preview in a 680 px article column
embed-preview =
    .title = Preview of the embedded demo
embed-frame-title = bgloop: reward-driven adaptation in a basal ganglia–cortex loop
embed-frame-title-of = bgloop: { $title }
embed-show-intro = Title and plain sentence
embed-stop-range = Stop at trial: `to` = { $value } must be a trial number in 1–100000
copy-embed = Copy the element
copy-iframe = Copy the iframe
copied-element = Embed element copied.
copied-iframe = Embed iframe copied.
copy-by-hand = Select the code and copy it.
copied-link = Link copied: it reproduces this run exactly.
copy-address-bar = Copy the address bar: it holds this run.
exported-csv = CSV exported.
exported-json = JSON exported.
exported-png = Figure exported as PNG.
exported-svg = Figure exported as SVG.
figure-loading = Preparing the figure…
png-failed = The PNG could not be made: { $why }
svg-failed = The SVG could not be made: { $why }

## Keyboard shortcuts
keys-title = Keyboard shortcuts
key-space = Play or pause
key-right = Step one trial (in the tour: the next step)
key-left = In the tour: the step before
key-c = High contrast on or off
key-help = This list
keys-wait = Shortcuts wait while you type in a field.
keys-open = Keyboard shortcuts (?)

## The glossary and the footer
glossary-what = { $term }: what it means
teachers = For teachers: three class activities
    .href = docs/teaching.html
colophon = A reconstruction of the model of Leblois, Boraud & Hansel, PNAS 2025 (doi:10.1073/pnas.2515994122), built on their 2006 loop model and ring-attractor theory — not the authors' code.
colophon-console = Open the browser console and try
view-learning-hint-compare = 20-trial means: thick |error|, thin reward (right axis); A solid, B dashed

## What the live region says while a run plays: the trial and the result over its window
announce-result = Trial { $trial }. { $result }

## Skip links and the screen summary (for keyboard and screen-reader users)
skips =
    .aria-label = Skip links
skip-run = Skip to Play and the result
skip-params = Skip to the parameters
summary-title = Screen summary
summary-screen = On screen: the experiment's controls and its result, four views of the model (reach, circuit, learning, activity), each with a data table, a sweep panel, and the parameters.
summary-experiment = The experiment: { $title }. { $watch }
summary-custom = The experiment: your own settings (no preset).
summary-state-ready = Now: no trial has run yet. Press Play (Space) to run trials, or Step (right arrow) for one.
summary-state = Now: paused after { $trials } trials. { $result }
summary-state-playing = Now: playing, { $trials } trials so far. { $result }
summary-try = To try: change Loop strength, the first of the parameters, and press Reset; or press Compare to pin this run as A and change a copy, B. The Result box states each run's mean over the last 50 trials.
summary-try-compare = To try: the Result box states A's and B's means over the last 50 trials; change a parameter to change run B from the next trial, or press End comparison.
keys-on = Single-key shortcuts on (turn off if you use speech input)

## Listen: the learning curve as sound
listen = Listen
listen-how = 4 s of sound: pitch follows the mean |error| over the trials run, higher when further off; A on the left, smooth; B on the right, buzzier
listen-nothing = Nothing to play yet: run some trials first.
listen-playing = Playing the learning curve for 4 seconds: the pitch falls as the error falls.
listen-playing-both = Playing both learning curves for 4 seconds: A on the left, B on the right; the pitch falls as the error falls.
# Printed at the top of a printed page (the controls are not printed).
print-link = Replay this run: { $link }
# Record clip: the run drawn again frame by frame, as a video (web/clip.js).
record-clip = Record clip
clip-title = Record a clip
clip-intro = The run is drawn again frame by frame from its link — a trial a frame — with the title, the result and the link in the picture. The same link gives the same clip.
clip-record = Record
clip-from = From trial
clip-to = to trial
clip-progress =
    .aria-label = Recording
clip-plan = { $frames } frames: { $seconds } s of video at { $fps } frames a second.
clip-recording = Recording…
clip-no-video = This browser cannot encode video: the frames will come as PNG images in a ZIP file.
clip-ready = Ready: a WebM video of { $frames } frames, { $seconds } s, { $size }.
clip-ready-frames = Ready: { $frames } frames as PNG images in a ZIP file, { $size } (this browser cannot encode video).
clip-download = Download the clip ({ $size })
clip-download-frames = Download the frames ({ $size }, ZIP)
clip-poster = Download the poster (PNG)
clip-failed = The clip could not be made: { $why }
clip-trial = Trial { $trial } · clip of trials { $from }–{ $to }
clip-error-from = From trial: a whole number from 1 to { $last }.
clip-error-to = To trial: a whole number from { $from } to { $last }, not before the first trial.
clip-error-long = A clip holds at most { $most } trials: choose a shorter range.
clip-error-link = The run's link could not be replayed whole.
size-kb = { $size } KB
size-mb = { $size } MB
