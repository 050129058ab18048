## Words drawn in the charts and exported figures: populations, axes, legends, captions.

## The five populations of the loop
population-cortex = Cortex
population-striatum = Striatum
population-stn = STN
population-gpi = GPi
population-thalamus = Thalamus

## Axes and legends
chart-trial = trial
chart-error-axis = |error| (°)
chart-reward = reward
chart-error = |error|
chart-error-mean = |error|, 20-trial mean
chart-reward-mean = reward, 20-trial mean
chart-reward-of = reward { $run } (right axis)
chart-cursor = cursor
chart-cursor-of = cursor, { $run }
chart-hand = hand
chart-target = target
chart-below-rest = below rest
chart-rest = rest
chart-above-rest = above rest
chart-final-error-axis = final |error| (°)
chart-diverged = diverged

## The circuit view's caption and its cut output
chart-gpi-output-off = GPi output off
chart-reaching = { $ms } ms, movement period
chart-planning = { $ms } ms, planning
chart-between-trials = between trials
chart-colours = red above rest, blue below
chart-inhibits = ⊣ inhibits

## Exported figures
figure-result = { $heading } — { $line }
figure-caption = Left: cursor paths of the last trials. Top right: |error| (thick) and reward (thin, right axis) per trial. Bottom right: the five rings in the last trial, red above rest, blue below.
figure-caption-compare = Left: cursor paths of the last trials, { $a } in orange, { $b } in purple. Top right: |error| (thick) and reward (thin, right axis) per trial, A solid, B dashed. Bottom right: the five rings of run A in the last trial, red above rest, blue below.
chart-sweep-title = Final |error| (mean of the last { $window } trials), { $seeds ->
    [one] 1 seed
   *[other] { $seeds } seeds
} × { $trials } trials per run
chart-go = go

## The views in words: each view's text alternative and data table (for screen readers)
alt-none = no trial has finished yet
alt-none-listed = none
alt-reach = Reach view. { $runs }.
alt-reach-run = trial { $trial }: target { $target }°, hand { $hand }°, cursor { $cursor }°, error { $error }°, reward { $reward }, reach time { $reach } ms
alt-reach-missed = trial { $trial }: target { $target }°, no reach made (the hand did not cover the target distance), no reward
alt-learning = Learning view, trials 1–{ $trials }: |error| and reward per trial. { $result }
alt-learning-none = Learning view: no trial has finished yet.
alt-circuit = Circuit view, trial { $trial }, { $when }. Above rest: { $above }. Below rest: { $below }. Near rest: { $near }. Loop strength λ { $lambda }, dopamine DA { $da }, GPi output κ { $kappa }.
alt-circuit-none = Circuit view: nothing recorded yet (the populations light up while a trial runs).
alt-activity = Activity view, trial { $trial }, 0–{ $ms } ms. Above rest on average: { $above }. Below rest: { $below }. Near rest: { $near }.
alt-activity-none = Activity view: nothing recorded yet (the rings fill in while a trial runs).
data-table = Data table
table-caption-reach = The last { $n } reaches of each run
table-caption-learning = The learning curve: each run's means over blocks of { $n } trials
table-caption-circuit = Each population now and at rest (mean rate over its ring, at the last sample and at the trial's start)
table-caption-activity = Each population over the trial (mean rate over its ring)
table-run = Run
table-trial = Trial
table-trials = Trials
table-target = Target (°)
table-hand = Hand (°)
table-cursor = Cursor (°)
table-error = Error (°)
table-reward = Reward
table-reach = Reach time (ms)
table-mean-error = Mean |error| (°)
table-sd = SD (°)
table-reward-rate = Reward (%)
table-executed = Reaches made (%)
table-no-reach = no reach
table-population = Population
table-rest = At rest
table-now = Now
table-change = Change from rest
table-mean = Mean over the trial
table-peak = Highest
table-peak-at = Highest at (ms)
table-state = State
table-above = above rest
table-below = below rest
table-near = near rest

## Sweep measures and regimes (the sweep panel's "Show" menu, map legends, tables)
measure-error = final |error| (°)
measure-executed = reaches executed
measure-reward = mean reward
measure-reach = reach time (ms)
measure-adapt = trials to adapt
measure-regime = regime
measure-short-error = |error|
measure-short-executed = executed
measure-short-reward = reward
measure-short-reach = reach ms
measure-short-adapt = trials
measure-short-regime = regime
regime-adapted = adapted
regime-not-adapted = not adapted
regime-adapted-then-lost = adapted then lost
regime-never-rewarded = never rewarded
regime-no-movement = no movement
regime-oscillating = oscillating
chart-regime-mixed = * seeds differ
chart-sweep-measure-title = { $measure } (last { $window } trials), { $seeds ->
    [one] 1 seed
   *[other] { $seeds } seeds
} × { $trials } trials per run
# A preset's landing page (bgloop share): its link to the playground and its image's text.
share-page-open = Open this experiment in the playground →
share-page-image = The experiment's figure after { $trials } trials: reach paths, |error| and reward per trial, and the activity of the five populations in the last trial.
