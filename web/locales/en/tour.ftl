## The guided tour: its title, and each step's title and text.

tour-title = Why adapting a reach needs a strong basal ganglia loop

tour-step-1 = A loop through the basal ganglia
    .text = The cortex holds a plan for a reach. It talks to the basal ganglia through two routes: via the striatum, which inhibits the output nucleus GPi, and via the STN, which excites it. GPi inhibits the thalamus, and the thalamus excites the cortex back. Watch the colours as one reach is planned and made: red is above rest, blue below.
tour-step-2 = One reach, and a rotated cursor
    .text = Each trial the target appears, the cortex plans, and the hand moves along the plan. Here the cursor the subject sees is rotated by 30°: a reach aimed at the target lands about 30° off, give or take the noise that makes every reach different (these three land 52°, 34° and 12° off). Off target, a reach earns no reward.
tour-step-3 = Reward teaches the loop
    .text = Noise in the striatum makes every reach a little different. When one happens to land near the target it is rewarded, and dopamine strengthens the cortico-striatal synapses that drove it. Within a few dozen trials the error shrinks to a few degrees.
tour-step-4 = A weak loop cannot adapt
    .text = The same task twice from the same seed: A with the loop at full strength, B with the thalamo-cortical loop cut to a quarter. B still reaches, but its error stays near 30°: what the basal ganglia learn no longer reaches the cortical plan.
tour-step-5 = Learn, then silence GPi
    .text = Both runs adapt for 400 trials, then GPi output is switched off. Reaches are still made, as fast as before: executing a movement does not need the basal ganglia. But A's error jumps back to 30°. Run B had slowly copied its rewarded reaches into the cortex, and keeps them.
tour-step-6 = The cortex holds the plan
    .text = The visual cue lasts only 100 ms (the dark red block at the left of the cortex strip in the activity view), yet a paler red band stays in the middle of the strip after it, through the go signal: recurrent excitation in the cortical ring holds the plan, an attractor. (The hand drifts but does not cover the target distance in this trial, so the status line says no reach was made: this step is about the plan, not the movement.)
tour-step-7 = Dopamine and a 10 Hz rhythm
    .text = With dopamine at a fifth of normal, the striatal route weakens and the loop through the STN takes over: the whole loop oscillates at about 10 Hz. The thalamus strip shows it as diagonal blue stripes; fainter stripes run through the cortex, striatum, STN and GPi strips. Set Dopamine back to 1 and press Step: in the next trial the stripes are gone and GPi dips under the plan instead.
tour-step-8 = Learning to reach from scratch
    .text = Without any innate map from targets to movements, early reaches go anywhere. Rewarded reaches teach the striatum which cells to recruit for each of eight targets, and after a few hundred trials most reaches hit.
tour-step-9 = Block learning: the skill stays, nothing new is learned
    .text = Both runs adapt to the 30° rotation. From trial 301, B's dopamine-dependent plasticity is blocked, yet its reaches stay adapted: over trials 351–400 both runs' mean |error| is under 6°. From trial 401 the rotation grows to 50°: A learns the extra 20°, B does not; over trials 601–700 A's mean |error| is under 8°; B's is 17–23° (the Result box shows both windows). Blocking dopamine's teaching signal in mice did the same (Ghanayim et al. 2025).
tour-step-10 = Losing dopamine, as in Parkinson's disease
    .text = In Parkinson's disease the dopamine neurons that supply the striatum die. From trial 301, B keeps half: over trials 351–400 its mean reach time is 165–225 ms; A's is 125–135 ms. The same neurons carry the teaching signal, so when the rotation grows by 20° from trial 401, B learns it more slowly: half the step takes B 54 trials, A 33 (medians, seeds 1–8). Over trials 451–500 A's mean |error| is 5–11°; B's is 7–19°.
tour-step-11 = The loop's regimes: why a setting fails
    .text = Each square is one run of 400 trials: loop strength λ across, dopamine up, coloured by the run's regime over its last 50 trials. A weak loop (λ 0.25) is never rewarded: its reaches are made, but exploration never carries the cursor into the reward window, so there is nothing to learn from. A strong loop with little dopamine (λ 1.5, dopamine 0.5) makes no movement: most reaches are not made. Between them lies the working band where the loop adapts. Point at a square, or use the arrow keys once the map has focus, to read its figures and why; Show switches the map to the |error|, the reaches made or the reward.
