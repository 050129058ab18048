## Les phrases qu'écrit le modèle : la ligne d'état, les noms des simulations, l'en-tête d'une figure et les erreurs.
## Les arguments sont remplis par le programme : $field est la clé d'un paramètre telle que l'écrivent les liens.

## Erreurs dans une valeur (un lien, une commande saisie à la main, une configuration venant d'un script, une option de la CLI)
error-out-of-range = `{ $field }` = { $value } est hors de l'intervalle { $min }–{ $max }
error-not-whole = `{ $field }` = { $value } doit être un nombre entier
error-not-one-of = `{ $field }` = { $value } n'est pas l'une des valeurs possibles : { $allowed }
error-not-a-number = `{ $field }` = { $value } n'est pas un nombre (valeurs admises : { $allowed })
error-not-finite = `{ $field }` = { $value } n'est pas un nombre fini (valeurs admises : { $allowed })
error-outside = `{ $field }` = { $value } est hors de l'intervalle { $allowed }
error-not-whole-in = `{ $field }` = { $value } doit être un nombre entier dans { $allowed }
error-unknown-parameter = paramètre inconnu { $key } (`bgloop schema` les liste)
error-not-a-language = `{ $field }` = { $value } n'est pas une langue que bgloop parle : { $allowed }
error-built-for = En dehors de l'intervalle pour lequel ce modèle a été conçu ({ $range }) : { $why }.
note-built-for = { $label } = { $value } : { $sentence }

## Les phases d'une simulation
phase-baseline = référence
phase-rotation = rotation
phase-washout = désadaptation
phase-gpi-off = GPi coupé
phase-probe = sonde

## Les changements en cours de simulation qui ont un nom à eux
event-gpi-off = GPi coupé
event-washout = désadaptation

## La ligne d'état
status-ready = Prêt : appuyez sur Lecture, ou sur Pas à pas pour un seul essai.
status-first-trial = Essai 1 en cours · { $ms } ms
status-stopped = Arrêté : { $why }
status-not-executed = non exécuté (pas d'atteinte, pas de récompense)
status-outcome = erreur { $error }° · récompense { $reward } · atteinte { $reach } ms
status-outcome-short = erreur { $error }°, récompense { $reward }, atteinte { $reach } ms
status-trial = Essai { $trial } · { $phase } · { $outcome }
status-trial-both = Essai { $trial } · { $a } · { $b }
status-b-at = B (essai { $trial })

## Le résultat : une moyenne sur une fenêtre d'essais, par simulation
result-title = Résultat
result-last = { $n ->
    [one] Dernier essai ({ $to })
   *[other] { $n } derniers essais ({ $from }–{ $to })
}
result-window = Essais { $from }–{ $to }
result-figures = |erreur| moyenne { $error }° (écart-type { $sd }°) · récompense { $reward } % · atteintes faites { $executed } % · { $reach }
result-reach = temps d'atteinte { $ms } ms
result-no-reach = aucune atteinte
result-so-far = { $line } (jusqu'ici : essais { $from }–{ $to })
result-not-reached = pas encore atteint (la simulation en est à l'essai { $done })
result-too-short = trop peu d'essais pour conclure ({ $n } sur au moins { $min })
result-run = { $run } : { $line }
result-sentence = { $heading } : { $runs }.
result-joiner = { "\u00A0; " }

## Les noms des deux simulations d'une comparaison
run-more = { " " }(+{ $n } autres)
run-b-unchanged = B (pas encore de changement)
run-named = { $run } : { $name }
run-from-trial = { $change } à partir de l'essai { $trial }

## L'en-tête d'une figure
figure-custom = Une expérience personnalisée
figure-versus = { $title } : { $a } contre { $b }
figure-seed = graine { $seed }
figure-trials = { $n ->
    [0] pas encore d'essai
    [1] essai 1
   *[other] essais 1–{ $n }
}
figure-from-trial = à partir de l'essai { $trial } : { $change }
error-and-more = ; et { $n } de plus
rejected-run-b = simulation B : { $error }
error-in-event = `{ $event }` : { $error }

## Une simulation sortie du domaine sûr du modèle
error-diverged = la simulation a divergé à l'essai { $trial }, à { $ms } ms : taux de { $population } { $rate } (limite { $limit }). Cause probable : { $cause }. Réinitialisez avec d'autres valeurs.
cause-cortex = récurrence corticale (cortical_recurrence) trop forte pour l'inhibition, ou entrée trop forte (cortical_drive, cue_strength, loop_strength avec g_ct)
cause-striatum = poids cortico-striataux trop forts (dopamine, g_sc, weight_max, cue_learning_rate, learning_rate)
cause-stn-gpi = gains sous-thalamo-pallidaux trop forts (g_nc, g_gn)
cause-thalamus = entrée de fond du thalamus ou gains trop forts (i_t, g_ct)

## Les options d'affichage d'un lien
error-flag = `{ $field }` = { $value } doit valoir 1 ou 0
error-view = `{ $field }` = { $value } n'est pas l'une des vues : { $views }
error-speed = `{ $field }` = { $value } doit être un nombre entier dans 0–{ $max }
error-end-trial = `{ $field }` = { $value } doit être un numéro d'essai dans 1–{ $max }
error-window-form = `{ $field }` = { $value } doit être une plage d'essais DE-À dans 1–{ $max }, par ex. 301-400 (jusqu'à 4, séparées par des virgules)
error-window-reversed = `{ $field }` = { $value } va à rebours : écrivez d'abord le premier essai ({ $turned })
error-window-count = `{ $field }` nomme { $count } fenêtres ; un lien en nomme au plus { $max }
error-window-beyond = `{ $field }` = { $value } finit après l'essai { $end }, où ce lien s'arrête (`to`) : la fenêtre ne serait jamais complète
error-tour-step = `{ $field }` = { $value } doit être une étape dans 1–{ $max }
error-tour-file = `{ $field }` = { $value } doit être un numéro d'étape ou un chemin sur ce site vers une visite .json, avec son étape si ce n'est pas la première, p. ex. tours/mine.json ou tours/mine.json:3
error-hide-part = `{ $field }` nomme { $value }, qui n'est ni une partie de la page ({ $parts }) ni un paramètre

## Notes and refusals of a link (said in the reader's language wherever the link is opened).
link-note-too-long = le lien dépasse { $max } caractères ; les entrées à partir du caractère { $from } ont été ignorées
link-note-too-many = le lien a plus de { $max } entrées ; les suivantes ont été ignorées
link-note-newer = ce lien a été créé par une version plus récente de bgloop (v={ $version } ; celle-ci est v={ $current }) : les entrées qu'elle ne connaît pas sont listées
link-note-v1 = ce lien a été créé avant la révision de la règle d'apprentissage pour plusieurs cibles (v=1) : il rejoue avec les réglages d'apprentissage de l'époque
link-note-v2 = ce lien a été créé avant que les dépressions apprises ne soient conservées (v=2), quand l'apprentissage faisait lentement taire le GPi sur des milliers d'essais : il rejoue avec les réglages d'apprentissage de l'époque (plancher des poids : mise à jour)
link-note-v3-dopamine = ce lien a été créé avant que la perte de dopamine n'affaiblisse aussi le signal d'apprentissage (v=3) : il rejoue tel qu'il a été fait, le niveau de dopamine ne modulant que l'entrée cortico-striatale (signal d'apprentissage : séparé)
link-note-retired = `{ $key }` { $why } : ignorée
retired-untuned_drive = n'a jamais été appliquée par le modèle (elle n'avait aucun effet) et n'est plus un paramètre
rejected-no-key = une entrée sans clé (les entrées s'écrivent clé=valeur)
rejected-no-key-b = une entrée sans clé (les entrées de la simulation B s'écrivent b.clé=valeur)
rejected-percent = `{ $key }` : encodage pourcent invalide (utilisez des échappements %XX de l'UTF-8)
rejected-version = `v` = { $value } doit être un numéro de version, par exemple { $current }
rejected-preset = `preset` = { $value } n'est pas l'un de : { $names }
rejected-b-event = `{ $key }` : les changements de la simulation B au cours du temps sont des événements, par ex. b.@151.{ $live }=0
rejected-b-header = `{ $key }` : la simulation B partage la version et le préréglage de la simulation A ; indiquez les différences de B par b.clé=valeur
rejected-b-view = `{ $key }` : les options d'affichage s'appliquent à toute la page, pas à la simulation B
rejected-said = { $reason }

## Un changement en cours de simulation, tel qu'un lien l'écrit (@essai.clé=valeur) : pourquoi il est refusé
event-form = un événement s'écrit @essai.clé=valeur ou @premier-dernier.clé=de..à
event-not-live = `{ $key }` ne peut pas changer pendant une simulation (il s'applique à la réinitialisation) ; paramètres modifiables en cours de route : { $live }
event-ramp-dots = la valeur d'une rampe s'écrit de..à avec deux points, p. ex. 0..60
event-trial = l'essai { $trial } doit être un nombre entier entre 1 et { $max }
event-ramp-needs-trials = une rampe demande une plage d'essais : @premier-dernier.clé=de..à
event-ramp-order = le dernier essai d'une rampe doit venir après le premier
event-step-only = `{ $key }` ne peut changer que d'un coup, pas en rampe ({ $allowed })
event-ramp-value = la valeur d'une rampe s'écrit de..à, p. ex. 0..60
event-ramp-numbers = les extrémités d'une rampe doivent être des nombres
event-too-many = un programme contient au plus { $max } événements
event-begun = `{ $event }` : l'essai { $trial } a déjà commencé ; un changement s'applique désormais à partir de l'essai { $first }
error-legacy-trials = `{ $field }` doit être un nombre entier d'essais entre 0 et { $max } (0 = jamais)

## Pourquoi un balayage ne peut pas porter sur cette expérience
sweep-comparison = un balayage porte sur une seule expérience, et celle-ci est une comparaison (la simulation B a ses propres réglages) : terminez la comparaison, ou choisissez un préréglage qui n'en est pas une
sweep-event = `{ $param }` : l'expérience change `{ $param }` à partir de l'essai { $trial } ({ $event }), donc un balayage ne le fixerait que jusque-là ; retirez cet événement ou balayez un autre paramètre
sweep-not-real = `{ $param }` ne peut pas être balayé : seuls les paramètres à valeurs réelles le peuvent
sweep-values = le nombre de valeurs { $count } doit être entre 1 et { $max }
sweep-one-value = `{ $param }` de { $from } à { $to } ne donne qu'une valeur, pas { $count } : demandez 1 valeur ou deux bornes différentes
sweep-twice = `{ $param }` est déjà balayé : une carte balaie deux paramètres différents
sweep-too-many-runs = le balayage compte { $runs } simulations (valeurs × valeurs × graines) ; au plus { $max }
error-in-sweep = `{ $key }` : { $why }
sweep-link-part = `{ $part }` doit être clé:de:à:nombre, seeds:K, trials:N ou measure:M
sweep-link-number = `{ $param }` : la valeur de { $what } `{ $value }` n'est pas un nombre
sweep-link-count = `{ $param }` : le nombre `{ $value }` doit être un entier entre 1 et { $max }
sweep-link-seeds = `seeds:{ $value }` doit être un entier entre 1 et { $max }
sweep-link-trials = `trials:{ $value }` doit être un entier entre { $min } et { $max }
sweep-link-measure = `measure:{ $value }` doit être l'une des mesures suivantes : { $measures }
sweep-link-axes = un balayage porte sur un paramètre, ou deux pour une carte (ce lien en donne { $count })
sweep-link-from = début
sweep-link-to = fin
