## Les mots dessinés dans les graphiques et les figures exportées : populations, axes, légendes, légendes de figure.

## Les cinq populations de la boucle
population-cortex = Cortex
population-striatum = Striatum
population-stn = NST
population-gpi = GPi
population-thalamus = Thalamus

## Axes et légendes
chart-trial = essai
chart-error-axis = |erreur| (°)
chart-reward = récompense
chart-error = |erreur|
chart-error-mean = |erreur|, moy. 20 essais
chart-reward-mean = récompense, moy. 20 essais
chart-reward-of = récompense { $run } (axe de droite)
chart-cursor = curseur
chart-cursor-of = curseur, { $run }
chart-hand = main
chart-target = cible
chart-below-rest = sous le repos
chart-rest = repos
chart-above-rest = au-dessus du repos
chart-final-error-axis = |erreur| finale (°)
chart-diverged = divergé

## La légende de la vue du circuit et sa sortie coupée
chart-gpi-output-off = sortie du GPi coupée
chart-reaching = { $ms } ms, période de mouvement
chart-planning = { $ms } ms, préparation du mouvement
chart-between-trials = entre deux essais
chart-colours = rouge au-dessus du repos, bleu en dessous
chart-inhibits = ⊣ inhibe

## Figures exportées
figure-result = { $heading } — { $line }
figure-caption = À gauche : trajets du curseur lors des derniers essais. En haut à droite : |erreur| (trait épais) et récompense (trait fin, axe de droite) par essai. En bas à droite : les cinq anneaux au dernier essai, rouge au-dessus du repos, bleu en dessous.
figure-caption-compare = À gauche : trajets du curseur lors des derniers essais, { $a } en orange, { $b } en violet. En haut à droite : |erreur| (trait épais) et récompense (trait fin, axe de droite) par essai, A en trait plein, B en tirets. En bas à droite : les cinq anneaux de la simulation A au dernier essai, rouge au-dessus du repos, bleu en dessous.
chart-sweep-title = |erreur| finale (moyenne des { $window } derniers essais), { $seeds ->
    [one] 1 graine
   *[other] { $seeds } graines
} × { $trials } essais par simulation
chart-go = départ

## Les vues en mots : l'alternative textuelle et le tableau de données de chaque vue (lecteurs d'écran)
alt-none = aucun essai n'est encore terminé
alt-none-listed = aucune
alt-reach = Vue Mouvement. { $runs }.
alt-reach-run = essai { $trial } : cible { $target }°, main { $hand }°, curseur { $cursor }°, erreur { $error }°, récompense { $reward }, temps d'atteinte { $reach } ms
alt-reach-missed = essai { $trial } : cible { $target }°, aucune atteinte (la main n'a pas parcouru la distance de la cible), pas de récompense
alt-learning = Vue Apprentissage, essais 1–{ $trials } : |erreur| et récompense par essai. { $result }
alt-learning-none = Vue Apprentissage : aucun essai n'est encore terminé.
alt-circuit = Vue Circuit, essai { $trial }, { $when }. Au-dessus du repos : { $above }. Sous le repos : { $below }. Près du repos : { $near }. Force de la boucle λ { $lambda }, dopamine DA { $da }, sortie du GPi κ { $kappa }.
alt-circuit-none = Vue Circuit : rien d'enregistré pour l'instant (les populations s'allument pendant un essai).
alt-activity = Vue Activité, essai { $trial }, 0–{ $ms } ms. Au-dessus du repos en moyenne : { $above }. Sous le repos : { $below }. Près du repos : { $near }.
alt-activity-none = Vue Activité : rien d'enregistré pour l'instant (les anneaux se remplissent pendant un essai).
data-table = Tableau de données
table-caption-reach = Les { $n } derniers mouvements d'atteinte de chaque simulation
table-caption-learning = La courbe d'apprentissage : les moyennes de chaque simulation par blocs de { $n } essais
table-caption-circuit = Chaque population maintenant et au repos (taux moyen sur son anneau, au dernier échantillon et au début de l'essai)
table-caption-activity = Chaque population pendant l'essai (taux moyen sur son anneau)
table-run = Simulation
table-trial = Essai
table-trials = Essais
table-target = Cible (°)
table-hand = Main (°)
table-cursor = Curseur (°)
table-error = Erreur (°)
table-reward = Récompense
table-reach = Temps d'atteinte (ms)
table-mean-error = |Erreur| moyenne (°)
table-sd = Écart-type (°)
table-reward-rate = Récompense (%)
table-executed = Atteintes faites (%)
table-no-reach = aucune atteinte
table-population = Population
table-rest = Au repos
table-now = Maintenant
table-change = Écart au repos
table-mean = Moyenne sur l'essai
table-peak = Maximum
table-peak-at = Maximum à (ms)
table-state = État
table-above = au-dessus du repos
table-below = sous le repos
table-near = près du repos

## Mesures et régimes des balayages (menu « Afficher » du panneau de balayage, légendes des cartes, tableaux)
measure-error = |erreur| finale (°)
measure-executed = mouvements exécutés
measure-reward = récompense moyenne
measure-reach = durée du mouvement (ms)
measure-adapt = essais pour s'adapter
measure-regime = régime
measure-short-error = |erreur|
measure-short-executed = exécutés
measure-short-reward = récompense
measure-short-reach = durée ms
measure-short-adapt = essais
measure-short-regime = régime
regime-adapted = adapté
regime-not-adapted = non adapté
regime-adapted-then-lost = adapté puis perdu
regime-never-rewarded = jamais récompensé
regime-no-movement = pas de mouvement
regime-oscillating = oscillant
chart-regime-mixed = * les graines diffèrent
chart-sweep-measure-title = { $measure } (derniers { $window } essais), { $seeds ->
    [one] 1 graine
   *[other] { $seeds } graines
} × { $trials } essais par simulation
# A preset's landing page (bgloop share): its link to the playground and its image's text.
share-page-open = Ouvrir cette expérience dans le simulateur →
share-page-image = La figure de l'expérience après { $trials } essais : trajets, |erreur| et récompense par essai, et l'activité des cinq populations au dernier essai.
