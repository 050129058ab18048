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
chart-cursor = cursor
chart-cursor-a = cursor A
chart-cursor-b = cursor B
chart-hand = hand
chart-target = target
chart-below-rest = below rest
chart-rest = rest
chart-above-rest = above rest
chart-final-error-axis = final |error| (°)
chart-diverged = diverged

## The circuit view's caption and its cut output
chart-gpi-output-off = GPi output off
chart-reaching = { $ms } ms, reaching
chart-planning = { $ms } ms, planning
chart-between-trials = between trials
chart-colours = red above rest, blue below
chart-inhibits = ⊣ inhibits

## Exported figures
figure-caption = Left: cursor paths of the last trials (B dashed). Top right: |error| and reward per trial. Bottom right: the five rings of run A in the last trial, red above rest, blue below.
chart-sweep-title = Final |error| (mean of the last { $window } trials), { $seeds ->
    [one] 1 seed
   *[other] { $seeds } seeds
} × { $trials } trials per run
chart-go = go
